"""Internal links are found for the importer and rewritten to new URLs."""

from nashra.importers.convert import convert_content, rewrite_links

SITE = "https://news.example"


def test_internal_links_found_external_ignored():
    raw = (
        '<p><a href="https://news.example/2020/01/خبر/">داخلي</a> '
        '<a href="https://www.news.example/?p=12">قصير</a> '
        '<a href="/about/">نسبي</a> <a href="https://other.example/">خارجي</a> '
        '<a href="#part">مرساة</a></p>'
    )
    links = convert_content(raw, site_url=SITE).links
    assert links == [
        "https://news.example/2020/01/خبر/",
        "https://www.news.example/?p=12",
        "/about/",
    ]


def test_rewrite_links_keeps_fragment_and_escapes():
    blocks = convert_content(
        '<p><a href="https://news.example/?p=12&amp;x=1#c">أ</a> '
        '<a href="https://news.example/old/">ب</a></p>',
        site_url=SITE,
    ).blocks
    mapping = {
        "https://news.example/?p=12&x=1": "/ar/news/a/",
        "https://news.example/old/": "/ar/new/?q=1&r=2",
    }
    rewritten = rewrite_links(blocks, mapping)
    assert rewritten[0]["value"] == (
        '<p><a href="/ar/news/a/#c">أ</a> <a href="/ar/new/?q=1&amp;r=2">ب</a></p>'
    )
    assert "p=12" in blocks[0]["value"], "the input must not be modified"
