"""nginx configured from docs/nginx.conf, on loopback (#8, #16).

The sample is used as shipped, with only its marked addresses and folders
replaced; the upstream may list several nodes. nginx runs in the foreground
from a prefix folder open to its unprivileged workers.
"""

import contextlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from . import Unavailable, free_port, stop, wait_for_port

SAMPLE = Path(__file__).resolve().parents[3] / "docs" / "nginx.conf"
NGINX = shutil.which("nginx") or (
    "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
)


def configured(sample, *, port, upstream, published, prefix, static=None):
    """The sample as a whole nginx.conf; ``upstream`` is one "host:port" or
    a list of them."""
    if not isinstance(upstream, str):
        upstream = "; server ".join(upstream)
    static = Path(static) if static else prefix / "static"
    text = sample.read_text()
    replacements = {
        "server 127.0.0.1:8000;": f"server {upstream};",
        "listen 80;": f"listen 127.0.0.1:{port};",
        "/srv/nashra/var/published": str(published),
        "/srv/nashra/var/static/": str(static) + "/",
        "/srv/nashra/var/media/": str(prefix / "media") + "/",
    }
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"the sample lost its {old!r} line")
        text = text.replace(old, new)
    return (
        f"worker_processes 1;\nerror_log {prefix}/error.log;\npid {prefix}/nginx.pid;\n"
        "events { worker_connections 256; }\n"
        f"http {{\n include /etc/nginx/mime.types;\n access_log off;\n"
        f" client_body_temp_path {prefix}/body;\n proxy_temp_path {prefix}/proxy;\n"
        f" fastcgi_temp_path {prefix}/fastcgi;\n uwsgi_temp_path {prefix}/uwsgi;\n"
        f" scgi_temp_path {prefix}/scgi;\n{text}\n}}\n"
    )


def command(prefix, conf):
    if NGINX is None:
        raise Unavailable("nginx is not installed (apt-get install nginx-light)")
    return [NGINX, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]


def start(prefix, upstream, port=None, published=None, static=None, **popen):
    """nginx from ``prefix`` (made readable to its workers) in front of
    ``upstream``; returns (process, its URL)."""
    prefix = Path(prefix)
    prefix.chmod(0o755)
    published = Path(published) if published else prefix / "published"
    published.mkdir(exist_ok=True)
    port = port or free_port()
    conf = prefix / "nginx.conf"
    conf.write_text(
        configured(
            SAMPLE,
            port=port,
            upstream=upstream,
            published=published,
            prefix=prefix,
            static=static,
        )  # fmt: skip
    )
    popen.setdefault("stderr", subprocess.PIPE)
    process = subprocess.Popen(command(prefix, conf), start_new_session=True, **popen)
    wait_for_port(port, process, what="nginx")
    return process, f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def nginx_in_front_of(upstream, published=None, port=None):
    """nginx for the block; yields its URL. pytest's tmp_path (0700 under
    /tmp/pytest-of-root) is closed to nginx's workers, hence a folder of
    its own."""
    prefix = Path(tempfile.mkdtemp(prefix="nashra-nginx-"))
    process = None
    try:
        process, url = start(prefix, upstream, port=port, published=published)
        yield url
    finally:
        if process is not None:
            stop(process)
        shutil.rmtree(prefix, ignore_errors=True)
