"""Downloading one attachment for --fetch-media, never from inside the network (#7, #17).

The export names the host, so a hostile or careless export pointed the
importer at the machine's own services (a loopback admin port, the cloud
metadata endpoint, the office network) and the import published what they
answered. Every connection, the first and each redirect's, resolves the name
itself, refuses it when any address it resolves to is internal, and connects
to the very address it checked: a name re-pointed between a check and the
connection (DNS rebinding) gains nothing. An operator whose media really are
on an internal host names it with --allow-internal-media-host.

Only http and https, no proxy from the environment (it would be the
address checked, and would fetch for us unchecked), a size limit and one
time limit per file, redirects included.
"""

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit, urlunsplit

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

MAX_BYTES = 25 * 1024 * 1024
TIMEOUT = 20
ALLOW_OPTION = "--allow-internal-media-host"
# Instance metadata services that answer on addresses the rules below would
# otherwise let through or name less plainly: AWS (IPv4 and IPv6), Alibaba,
# and Azure's wire server, which sits on a public address.
METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "168.63.129.16")
)
KINDS = {
    "cloud metadata": gettext_noop("a cloud metadata"),
    "loopback": gettext_noop("a loopback"),
    "link-local": gettext_noop("a link-local"),
    "multicast": gettext_noop("a multicast"),
    "reserved": gettext_noop("a reserved"),
    "private": gettext_noop("a private"),
}


class Refused(OSError):
    """A download the importer will not make; says why in English and Arabic."""

    def __init__(self, english: str, arabic: str):
        super().__init__(english)
        self.arabic = arabic


def _refused(msgid: str, **values) -> Refused:
    with translation.override("ar"):
        arabic = _(msgid) % {k: _(v) if k == "kind" else v for k, v in values.items()}
    return Refused(msgid % values, arabic)


def too_large() -> Refused:
    return _refused(
        gettext_noop("larger than the size limit (%(mb)s MB)"),
        mb=MAX_BYTES // (1024 * 1024),
    )


def timed_out() -> Refused:
    return _refused(gettext_noop("timed out after %(s)s s"), s=TIMEOUT)


def parse_allowed(values) -> frozenset:
    """`host` (any port) or `host:port` → {(host, port or None)}; ValueError if bad."""
    allowed = set()
    for value in values or ():
        parts = urlsplit("//" + value.strip())
        if not parts.hostname or parts.path or parts.query or parts.username:
            raise ValueError(f"not a host or host:port: {value!r}")
        allowed.add((parts.hostname.lower(), parts.port))
    return frozenset(allowed)


def internal_kind(address: str) -> str | None:
    """Why `address` is inside the network, or None for a public one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    candidates = [ip]
    if ip.version == 6:
        # An IPv4 address dressed as IPv6 is judged first as the IPv4 it
        # carries: ::ffff:127.0.0.1 is loopback, not merely "reserved".
        embedded = [ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]]
        candidates = [*embedded, ip]
    for candidate in filter(None, candidates):
        if candidate in METADATA:
            return "cloud metadata"
        for kind in ("loopback", "link-local", "multicast", "reserved"):
            if getattr(candidate, "is_" + kind.replace("-", "_")):
                return kind
        # is_global also leaves out shared (100.64/10) and documentation space.
        if candidate.is_unspecified or candidate.is_private or not candidate.is_global:
            return "private"
    return None


class _Guard:
    """Connects for one download: checks addresses, keeps the deadline."""

    def __init__(self, allowed: frozenset, deadline: float):
        self.allowed = allowed
        self.deadline = deadline

    def named(self, host: str, port: int) -> bool:
        host = host.lower()
        return (host, None) in self.allowed or (host, port) in self.allowed

    def connect(self, host: str, port: int) -> socket.socket:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise timed_out()
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as error:
            raise OSError(f"cannot resolve {host} ({error})") from None
        if not self.named(host, port):
            for *_, sockaddr in found:
                kind = internal_kind(sockaddr[0])
                if kind:
                    raise _refused(
                        gettext_noop(
                            "refused: %(host)s is %(kind)s address (%(ip)s); name"
                            " it with %(option)s to fetch from it"
                        ),
                        host=host, kind=KINDS[kind], ip=sockaddr[0],
                        option=ALLOW_OPTION,
                    )  # fmt: skip
        error = OSError(f"no address for {host}")
        for family, kind, proto, _name, sockaddr in found:
            sock = socket.socket(family, kind, proto)
            # Each read then waits no longer than the file has left.
            sock.settimeout(max(self.deadline - time.monotonic(), 0.01))
            try:
                sock.connect(sockaddr)
            except OSError as failed:
                sock.close()
                error = failed
                continue
            return sock
        raise error


class _HTTP(http.client.HTTPConnection):
    def __init__(self, guard, host, **options):
        super().__init__(host, **options)
        self.guard = guard

    def connect(self):
        self.sock = self.guard.connect(self.host, self.port)


class _HTTPS(http.client.HTTPSConnection):
    def __init__(self, guard, host, **options):
        super().__init__(host, **options)
        self.guard = guard
        self.tls = options.get("context") or ssl.create_default_context()

    def connect(self):
        sock = self.guard.connect(self.host, self.port)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, guard):
        super().__init__()
        self.guard = guard

    def http_open(self, req):
        return self.do_open(lambda host, **kw: _HTTP(self.guard, host, **kw), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, guard):
        super().__init__()
        self.guard = guard

    def https_open(self, req):
        return self.do_open(lambda host, **kw: _HTTPS(self.guard, host, **kw), req)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, host):
        self.host = host

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = urlsplit(newurl)
        if target.scheme not in ("http", "https"):
            raise _refused(gettext_noop("refused: only http and https are fetched"))
        if (target.hostname or "").removeprefix("www.") != self.host:
            raise _refused(gettext_noop("redirected to another host"))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, site_host: str, allowed: frozenset = frozenset()) -> bytes:
    """The file at `url` on the export's own host, or OSError (Refused: why not).

    TIMEOUT bounds the whole download, redirects included, not each read: a
    host dripping a byte at a time held the import forever (#13). Broken
    responses (a chunked body cut short, a hundred headers, less than
    Content-Length) and malformed addresses are OSErrors too, so one bad
    file never stops a run.
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for "host:abc" or "host:99999")
    except ValueError as error:
        raise OSError(f"not a valid address ({error})") from None
    if parts.scheme not in ("http", "https"):
        raise _refused(gettext_noop("refused: only http and https are fetched"))
    host = (parts.hostname or "").removeprefix("www.")
    if not host or host != site_host:
        raise _refused(gettext_noop("not on the export's own host"))
    guard = _Guard(allowed, time.monotonic() + TIMEOUT)
    # Only these handlers: no proxy, file, ftp or data URLs, even by redirect.
    opener = urllib.request.OpenerDirector()
    for handler in (
        _HTTPHandler(guard),
        _HTTPSHandler(guard),
        _SameHostRedirects(site_host),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    try:
        with opener.open(_ascii(parts), timeout=TIMEOUT) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise too_large()
            return _read_within(response, guard.deadline)
    except urllib.error.HTTPError:
        raise
    except urllib.error.URLError as error:
        # urllib wraps what the guard raised; the report wants the reason.
        if isinstance(error.reason, TimeoutError):
            raise timed_out() from None
        if isinstance(error.reason, OSError):
            raise error.reason from None
        raise
    except TimeoutError:
        raise timed_out() from None
    except http.client.HTTPException as error:
        raise OSError(f"broken response ({type(error).__name__})") from None
    except ValueError as error:
        raise OSError(f"not a valid address ({error})") from None


def _ascii(parts) -> str:
    """The address with its path percent-encoded: WordPress writes Arabic
    upload names as they are, and http.client sends ASCII only (#13)."""
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=-._~?")
    return urlunsplit((parts.scheme, parts.netloc, path, query, ""))


def _read_within(response, deadline: float) -> bytes:
    chunks, size = [], 0
    while chunk := response.read1(64 * 1024):
        size += len(chunk)
        if size > MAX_BYTES:
            raise too_large()
        if time.monotonic() > deadline:
            raise timed_out()
        chunks.append(chunk)
    if response.length:
        raise OSError(f"{response.length} bytes short of Content-Length")
    return b"".join(chunks)
