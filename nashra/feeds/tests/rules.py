"""The rules of the sitemap, image-sitemap and news-sitemap formats, checked with lxml.

No schema files are fetched: the rules consumers reject on are written out
here (namespaces, required elements, W3C datetimes, absolute ASCII URLs,
at most 50,000 URLs per file).
"""

import re
from urllib.parse import urlsplit

from lxml import etree

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
W3C_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$"
)
MAX_URLS = 50_000


def q(ns, tag):
    return f"{{{ns}}}{tag}"


def check_url(url, host=None):
    """Absolute http(s), ASCII only (non-ASCII percent-encoded once), no spaces."""
    assert url == url.strip(), url
    assert url.isascii(), f"not percent-encoded: {url}"
    assert " " not in url, url
    assert "%25" not in url, f"double-encoded: {url}"
    parts = urlsplit(url)
    assert parts.scheme in {"http", "https"} and parts.netloc, url
    if host:
        assert parts.netloc == host, url


def parse(body):
    assert len(body) <= 50 * 1024 * 1024
    return etree.fromstring(body)


def check_index(body):
    root = parse(body)
    assert root.tag == q(SITEMAP, "sitemapindex")
    locations = []
    for sitemap in root:
        assert sitemap.tag == q(SITEMAP, "sitemap")
        loc = sitemap.find(q(SITEMAP, "loc"))
        check_url(loc.text)
        locations.append(loc.text)
    assert 0 < len(locations) <= MAX_URLS
    return locations


def check_urlset(body):
    """Returns [(loc, [image locs], news element or None)] after checking each rule."""
    root = parse(body)
    assert root.tag == q(SITEMAP, "urlset")
    entries = []
    for url in root:
        assert url.tag == q(SITEMAP, "url")
        locs = url.findall(q(SITEMAP, "loc"))
        assert len(locs) == 1
        check_url(locs[0].text)
        lastmod = url.find(q(SITEMAP, "lastmod"))
        if lastmod is not None:
            assert W3C_DATETIME.match(lastmod.text), lastmod.text
        images = []
        for image in url.findall(q(IMAGE, "image")):
            image_loc = image.find(q(IMAGE, "loc"))
            assert image_loc is not None, "image:image needs image:loc"
            check_url(image_loc.text)
            images.append(image_loc.text)
        assert len(images) <= 1000
        news = url.find(q(NEWS, "news"))
        if news is not None:
            check_news(news)
        entries.append((locs[0].text, images, news))
    assert len(entries) <= MAX_URLS
    return entries


def check_news(news):
    publication = news.find(q(NEWS, "publication"))
    assert publication is not None
    assert publication.findtext(q(NEWS, "name")).strip()
    language = publication.findtext(q(NEWS, "language"))
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]{2,4})?", language), language
    assert W3C_DATETIME.match(news.findtext(q(NEWS, "publication_date")))
    assert news.findtext(q(NEWS, "title")).strip()
