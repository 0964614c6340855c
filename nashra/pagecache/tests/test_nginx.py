"""Static publishing end to end: nginx with docs/nginx.conf in front (#8).

nginx runs from a temporary prefix on a free loopback port, proxying to
pytest-django's live server; the sample configuration is used as shipped,
with only its marked addresses and folders replaced.
"""

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "nginx.conf"
NGINX = shutil.which("nginx") or (
    "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
)

pytestmark = pytest.mark.skipif(
    NGINX is None and not os.environ.get("CI"),
    reason="nginx is not installed (apt-get install nginx-light); CI installs it",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def configured(sample, *, port, upstream, published, prefix):
    text = sample.read_text()
    replacements = {
        "server 127.0.0.1:8000;": f"server {upstream};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "/srv/nashra/var/published": str(published),
        "/srv/nashra/var/static/": str(prefix / "static") + "/",
        "/srv/nashra/var/media/": str(prefix / "media") + "/",
    }
    for old, new in replacements.items():
        assert old in text, f"the sample lost its {old!r} line"
        text = text.replace(old, new)
    return (
        f"worker_processes 1;\nerror_log {prefix}/error.log;\npid {prefix}/nginx.pid;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {prefix}/body;\n proxy_temp_path {prefix}/proxy;\n"
        f" fastcgi_temp_path {prefix}/fastcgi;\n uwsgi_temp_path {prefix}/uwsgi;\n"
        f" scgi_temp_path {prefix}/scgi;\n{text}\n}}\n"
    )


@pytest.fixture
def nginx(live_server, settings):
    # nginx's workers run as an unprivileged user: pytest's tmp_path (0700
    # under /tmp/pytest-of-root) is closed to them, so use an open folder.
    tmp_path = Path(tempfile.mkdtemp(prefix="nashra-nginx-"))
    tmp_path.chmod(0o755)
    published = tmp_path / "published"
    published.mkdir()
    settings.STATIC_PUBLISH = True
    settings.STATIC_PUBLISH_DIR = published
    port = free_port()
    upstream = live_server.url.removeprefix("http://")
    conf = tmp_path / "nginx.conf"
    conf.write_text(
        configured(
            SAMPLE, port=port, upstream=upstream, published=published, prefix=tmp_path
        )
    )
    process = subprocess.Popen(
        [NGINX, "-p", str(tmp_path), "-c", str(conf), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", published
    process.terminate()
    process.wait(timeout=5)
    shutil.rmtree(tmp_path, ignore_errors=True)


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
