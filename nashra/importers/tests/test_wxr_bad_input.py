"""Hostile and broken exports: a one-line WXRError or a noted problem."""

import io
import tracemalloc

import pytest

from nashra.importers.wxr import Channel, Item, WXRError, read_export

from .fixtures import item, wxr

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&lol3;</title>
</channel></rss>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>&secret;</title>
</channel></rss>"""


def read(data: bytes) -> list:
    return list(read_export(io.BytesIO(data)))


def reason(data: bytes) -> str:
    with pytest.raises(WXRError) as caught:
        read(data)
    assert "\n" not in caught.value.reason
    return caught.value.reason


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "not XML"),
        (b"\x89PNG\r\n\x1a\n", "not XML"),
        ("مرحبا، هذا ليس ملف تصدير".encode(), "not XML"),
        (b"<html><body>hi</body></html>", "root element is <html>"),
        (b"<rss version='2.0'><channel><title>x</title></channel></rss>", "no wp"),
        (b"<rss xmlns:wp='http://wordpress.org/export/1.2/'></rss>", "no <channel>"),
    ],
)
def test_not_an_export_is_one_line(data, expected):
    """An editor uploading the wrong file gets a reason, not a stack trace."""
    assert expected in reason(data)


def test_billion_laughs_refused():
    """Entity expansion bombs must be refused before any expansion happens."""
    assert reason(BILLION_LAUGHS).startswith("refused")


def test_external_entity_refused():
    """XXE: an export must never make the server read its own files."""
    assert reason(EXTERNAL_ENTITY).startswith("refused")


def test_truncated_export_keeps_records_read_so_far():
    """A half-uploaded export imports what is complete and says where it stopped."""
    data = wxr(item(1) + item(2) + item(3))
    cut = data[: data.index(b"<item>", data.index(b"<wp:post_id>2")) + 20]
    got = []
    with pytest.raises(WXRError) as caught:
        for record in read_export(io.BytesIO(cut)):
            got.append(record)
    assert caught.value.reason.startswith("truncated at line")
    assert caught.value.line
    assert [r.wp_id for r in got if isinstance(r, Item)] == [1, 2]


def test_malformed_markup_reported_with_line():
    data = wxr(item(1)).replace(b"</title>", b"</titel>", 1)
    assert "line" in reason(data)


def test_missing_file_is_one_line(tmp_path):
    with pytest.raises(WXRError, match="cannot open"):
        list(read_export(tmp_path / "لا-يوجد.xml"))


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_every_wxr_version_reads(version, scheme):
    records = read(wxr(item(5), version=version, scheme=scheme))
    channel, post = records
    assert isinstance(channel, Channel) and channel.problems == ()
    assert channel.wxr_version == version and channel.title == "نشرة"
    assert post.title == "خبر عاجل" and post.slug == "خبر"


def test_unknown_version_read_with_warning():
    """A future WXR 9.9 still reads if its structure matches, but is flagged."""
    channel, post = read(wxr(item(5), version="9.9"))
    assert channel.wxr_version == "9.9"
    assert [p.kind for p in channel.problems] == ["version"]
    assert post.wp_id == 5


@pytest.mark.parametrize(
    "bad_date", ["0000-00-00 00:00:00", "2024-13-45 99:00:00", "أمس", ""]
)
def test_invalid_dates_become_none(bad_date):
    """Bad dates must not abort the import; the item says what was wrong."""
    (_, post) = read(wxr(item(7, post_date_gmt=bad_date, post_date=bad_date)))
    assert post.post_date_gmt is None and post.post_date is None
    if bad_date not in ("", "0000-00-00 00:00:00"):
        assert any(p.kind == "date" for p in post.problems)


def test_invalid_number_noted():
    data = wxr(item(7)).replace(
        b"</wp:post_type>", b"</wp:post_type><wp:post_parent>x1</wp:post_parent>"
    )
    (_, post) = read(data)
    assert post.parent_id == 0 and post.problems[0].kind == "number"


def test_duplicate_slugs_are_all_read():
    """Deduplicating slugs is the importer's job; the reader must return both."""
    records = read(wxr(item(1, post_name="مكرر") + item(2, post_name="مكرر")))
    assert [r.slug for r in records[1:]] == ["مكرر", "مكرر"]


def test_bad_percent_encoding_kept_and_noted():
    (_, post) = read(wxr(item(3, post_name="%ff%fe-slug")))
    assert post.slug == "%ff%fe-slug"
    assert post.problems[0].kind == "slug"


def test_memory_stays_flat_elements_cleared():
    """Each <item> is dropped once yielded, so a 50,000-post export fits in RAM."""
    body = "<p>" + "نص طويل للاختبار " * 120 + "</p>"
    data = io.BytesIO(wxr("".join(item(n, content=body) for n in range(1, 3001))))
    assert len(data.getvalue()) > 6_000_000
    tracemalloc.start()
    seen = sum(isinstance(record, Item) for record in read_export(data))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seen == 3000
    assert peak < 1_000_000
