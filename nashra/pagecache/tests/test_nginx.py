"""Static publishing end to end: nginx with docs/nginx.conf in front (#8).

nginx runs from a temporary prefix on a free loopback port, proxying to
pytest-django's live server (nashra/server/loopback/nginx.py); the sample configuration is used as shipped,
with only its marked addresses and folders replaced.
"""

import shutil
import tempfile
import urllib.request
from pathlib import Path

import pytest

from nashra.server.loopback import nginx as loopback_nginx
from nashra.server.loopback import stop


@pytest.fixture
def nginx(live_server, settings):
    # nginx's workers run as an unprivileged user: pytest's tmp_path (0700
    # under /tmp/pytest-of-root) is closed to them, so use an open folder.
    prefix = Path(tempfile.mkdtemp(prefix="nashra-nginx-"))
    published = prefix / "published"
    published.mkdir()
    settings.STATIC_PUBLISH = True
    settings.STATIC_PUBLISH_DIR = published
    upstream = live_server.url.removeprefix("http://")
    process, url = loopback_nginx.start(prefix, upstream, published=published)
    yield url, published
    stop(process)
    shutil.rmtree(prefix, ignore_errors=True)


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as answer:  # noqa: S310
        return answer.headers, answer.read().decode()


@pytest.mark.django_db(transaction=True)
def test_static_publishing_through_nginx(nginx):
    """First view rendered by the app and written; the next served by nginx
    from the file; a correction deletes it and readers see the new headline."""
    from nashra.core import versions
    from nashra.core.tests.factories import build_newspaper

    versions.reset_store()
    base, published = nginx
    paper = build_newspaper(articles_per_section=1)
    article = paper["articles"][0]
    url = base + article.url

    headers, first = fetch(url)
    assert headers["X-Cache"] == "MISS"
    assert "X-Published" not in headers
    files = list(published.rglob("index.html"))
    assert len(files) == 1
    assert files[0].read_text() == first

    headers, second = fetch(url)
    assert headers["X-Published"] == "1"
    assert second == first

    headers, _ = fetch(url + "?utm_source=newsletter")
    assert "X-Published" not in headers

    article.title = "عنوان جديد بعد التصحيح"
    article.save_revision().publish()
    assert not files[0].exists()
    headers, third = fetch(url)
    assert "X-Published" not in headers
    assert "عنوان جديد بعد التصحيح" in third
