"""A local HTTP server playing a WordPress host for --fetch-media tests.

It listens on 127.0.0.1 in helper hardening's port range (8600-8699) and
answers each path with one scenario: a file, a redirect, an error, a slow
drip, a lie about the length or a broken chunked body. Loopback is an
internal address, so fetches from it must name the host (#17).
"""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from nashra.images.factories import jpeg_bytes

PORTS = range(8600, 8700)
PHOTO = jpeg_bytes()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body=b"", headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if not any(name == "Content-Length" for name, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.server.seen.append(self.path)
        route = ROUTES.get(self.path.split("?")[0])
        if route is None:
            self._send(404, b"not found")
            return
        route(self)


def _photo(handler):
    handler._send(200, PHOTO, [("Content-Type", "image/jpeg")])


def _redirect_same_host(handler):
    handler._send(302, headers=[("Location", "/wp-content/uploads/photo.jpg")])


def _redirect_other_host(handler):
    port = handler.server.server_address[1]
    location = f"http://localhost:{port}/wp-content/uploads/photo.jpg"
    handler._send(301, headers=[("Location", location)])


def _redirect_elsewhere(handler):
    """To whatever the test set as server.redirect_to."""
    handler._send(302, headers=[("Location", handler.server.redirect_to)])


def _redirect_loop(handler):
    handler._send(302, headers=[("Location", "/loop")])


def _huge_declared(handler):
    handler._send(200, headers=[("Content-Length", str(200 * 1024 * 1024))])


def _huge_undeclared(handler):
    handler.send_response(200)
    handler.send_header("Connection", "close")
    handler.end_headers()
    chunk = b"\0" * 65536
    try:
        for _ in range(int(handler.server.limit / len(chunk)) + 4):
            handler.wfile.write(chunk)
    except OSError:
        pass


def _html_page(handler):
    handler._send(200, b"<html>not an image</html>", [("Content-Type", "text/html")])


def _server_error(handler):
    handler._send(500, b"boom")


def _drip(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    try:
        for _ in range(1000):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(handler.server.drip_seconds)
    except OSError:
        pass


def _short_body(handler):
    handler.send_response(200)
    handler.send_header("Content-Length", "5000")
    handler.end_headers()
    handler.wfile.write(PHOTO[:100])
    handler.close_connection = True


def _broken_chunks(handler):
    handler.send_response(200)
    handler.send_header("Transfer-Encoding", "chunked")
    handler.end_headers()
    handler.wfile.write(b"10\r\nonly six\r\n")
    handler.close_connection = True


def _many_headers(handler):
    handler.send_response(200)
    for n in range(150):
        handler.send_header(f"X-Filler-{n}", "x")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


def _arabic(handler):
    handler._send(200, PHOTO, [("Content-Type", "image/jpeg")])


ROUTES = {
    "/wp-content/uploads/photo.jpg": _photo,
    "/same": _redirect_same_host,
    "/other": _redirect_other_host,
    "/elsewhere": _redirect_elsewhere,
    "/loop": _redirect_loop,
    "/huge-declared": _huge_declared,
    "/huge-undeclared": _huge_undeclared,
    "/wp-content/uploads/page.jpg": _html_page,
    "/wp-content/uploads/chunks.jpg": _broken_chunks,
    "/files/2012/photo.jpg": _photo,
    "/error": _server_error,
    "/drip": _drip,
    "/short": _short_body,
    "/chunks": _broken_chunks,
    "/headers": _many_headers,
    "/wp-content/uploads/%D8%B3%D9%88%D9%82.jpg": _arabic,
}


class MediaServer:
    """Start with `with MediaServer() as server:`; server.url(path)."""

    def __init__(self, *, limit=1024 * 1024, drip_seconds=0.05):
        self.limit = limit
        self.drip_seconds = drip_seconds

    def __enter__(self):
        for port in PORTS:
            try:
                self.httpd = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        else:
            raise OSError("no free port in 8600-8699")
        self.httpd.daemon_threads = True
        self.httpd.seen = []
        self.httpd.limit = self.limit
        self.httpd.drip_seconds = self.drip_seconds
        self.httpd.redirect_to = "/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def port(self):
        return self.httpd.server_address[1]

    @property
    def seen(self):
        return self.httpd.seen

    def url(self, path, host="127.0.0.1"):
        return f"http://{host}:{self.port}{path}"

    def redirect_to(self, url):
        self.httpd.redirect_to = url


def closed_port():
    """A port in the range with nothing listening (connection refused)."""
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise OSError("every port in 8600-8699 is in use")
