"""CPU per page-cache hit inside one process, without HTTP (#8).

Calls a WSGI application directly with a cookie-less GET, after two calls
that fill the cache, and prints CPU and wall microseconds per hit. CPU time
is what the server pays whatever else runs on the machine.

    NASHRA_VAR_DIR=/tmp/perf-sqlite N=3000 .venv/bin/python bench/hit_bench.py \
        / /economy/ "/economy/?page=1000"
    APP=nashra.wsgi ...    # Django's own handler, for comparison

APP defaults to nashra.pagecache.wsgi, what `nashra serve --production` runs.
"""

import importlib
import io
import os
import sys
import time
from urllib.parse import unquote


def environ(url):
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": unquote(path).encode().decode("latin-1"),  # PEP 3333
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
        "REMOTE_ADDR": "127.0.0.1",
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    app_module = os.environ.get("APP", "nashra.pagecache.wsgi")
    application = importlib.import_module(app_module).application
    runs = int(os.environ.get("N", 2000))
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen.update(status=status, cache=dict(headers).get("X-Cache"))

    def call(url):
        result = application(environ(url), start_response)
        size = sum(len(chunk) for chunk in result)
        if hasattr(result, "close"):
            result.close()
        return size

    print(f"{app_module}, {runs} hits each, load {os.getloadavg()[0]:.2f}")
    for url in sys.argv[1:] or ["/"]:
        call(url)
        size = call(url)
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(runs):
            call(url)
        wall = (time.perf_counter() - wall) / runs * 1e6
        cpu = (time.process_time() - cpu) / runs * 1e6
        print(
            f"{url}: {size:,} B, {seen['status']}, X-Cache {seen['cache']},"
            f" {cpu:.0f} µs CPU, {wall:.0f} µs wall per hit"
        )


if __name__ == "__main__":
    main()
