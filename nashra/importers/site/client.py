"""A WordPress site read through its REST API (/wp-json/wp/v2/), without Django (#21).

Only GET requests, each with a timeout. Collections are read 100 at a time;
the first page's X-WP-TotalPages says how many more there are, and those are
fetched a few at a time in parallel (WordPress answers each in its own PHP
worker). An application password, when given, goes in a Basic header.
"""

import base64
import json
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, build_opener

PER_PAGE = 100
TIMEOUT = 30
PARALLEL = 6
# WordPress's error codes for a request that needs a login, and for a login
# that failed (wp-includes/user.php, rest-api.php).
LOGIN_REQUIRED = {"rest_login_required", "rest_not_logged_in", "rest_forbidden",
                  "rest_cannot_access", "rest_authentication_required"}  # fmt: skip
BAD_LOGIN = {"incorrect_password", "invalid_username", "invalid_email",
             "application_passwords_disabled", "rest_application_password_disabled"}  # fmt: skip


class SiteError(Exception):
    """The site cannot be read. ``kind`` is one of not_wordpress, needs_password,
    wrong_password, unreachable; ``reason`` is one line for the command."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def normalise(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SiteError("not_wordpress", f"not an http(s) address: {url[:200]}")
    return url.rstrip("/")


class WordPressSite:
    def __init__(self, url: str, user: str = "", password: str = "",
                 timeout: float = TIMEOUT):  # fmt: skip
        self.url = normalise(url)
        self.timeout = timeout
        self.authenticated = bool(user and password)
        self.headers = {"Accept": "application/json", "User-Agent": "nashra-import"}
        if self.authenticated:
            token = base64.b64encode(f"{user}:{password}".encode()).decode()
            self.headers["Authorization"] = f"Basic {token}"
        self.opener = build_opener()
        self.api = ""
        self.index: dict = {}

    # -- requests ---------------------------------------------------------
    def _get(self, url: str):
        # Only http(s): normalise() refuses any other scheme.
        request = Request(url, headers=self.headers)  # noqa: S310
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                body = response.read()
                headers = response.headers
                status = response.status
        except HTTPError as error:
            body, headers, status = error.read(), error.headers, error.code
        except (URLError, OSError, ValueError) as error:
            raise SiteError(
                "unreachable", f"{self.url} does not answer: {error}"
            ) from None
        try:
            data = json.loads(body.decode("utf-8-sig")) if body else None
        except (UnicodeDecodeError, ValueError):
            data = None
        return status, headers, data

    def _route(self, route: str, params: dict | None = None) -> str:
        query = urlencode(params or {})
        if "?rest_route=" in self.api:
            return f"{self.api}{route}" + (f"&{query}" if query else "")
        return f"{self.api}{route}" + (f"?{query}" if query else "")

    # -- checks -----------------------------------------------------------
    def connect(self) -> dict:
        """Find the REST API and check access; raises SiteError."""
        for api in (f"{self.url}/wp-json", f"{self.url}/?rest_route="):
            status, _headers, data = self._get(api + "/")
            if isinstance(data, dict) and "wp/v2" in (data.get("namespaces") or ()):
                self.api, self.index = api, data
                break
            if status in (401, 403) and _code(data) in LOGIN_REQUIRED | BAD_LOGIN:
                self.api = api
                self._refuse(data)
        else:
            raise SiteError("not_wordpress", f"{self.url} is not a WordPress site"
                            " (no REST API at /wp-json/)")  # fmt: skip
        if self.authenticated:
            status, _h, data = self._get(self._route("/wp/v2/users/me"))
            if status != 200:
                self._refuse(data, wrong=True)
        status, _h, data = self._get(self._route("/wp/v2/posts", {"per_page": 1}))
        if status != 200:
            self._refuse(data)
        return self.index

    def _refuse(self, data, wrong: bool = False):
        code = _code(data)
        if wrong or code in BAD_LOGIN or self.authenticated:
            raise SiteError("wrong_password", f"{self.url} refused the application"
                            f" password ({code or 'no reason given'})")  # fmt: skip
        raise SiteError("needs_password", f"{self.url} needs a login ({code or 'HTTP 401'});"
                        " set NASHRA_WP_USER and NASHRA_WP_APP_PASSWORD")  # fmt: skip

    # -- collections ------------------------------------------------------
    def collection(self, route: str, params: dict | None = None) -> list[dict]:
        """Every record of a collection, all pages."""
        params = {**(params or {}), "per_page": PER_PAGE}
        first, pages = self._page(route, params, 1)
        if pages <= 1:
            return first
        with ThreadPoolExecutor(PARALLEL) as pool:
            rest = pool.map(
                lambda n: self._page(route, params, n)[0], range(2, pages + 1)
            )
            return first + [record for page in rest for record in page]

    def _page(self, route: str, params: dict, number: int) -> tuple[list, int]:
        status, headers, data = self._get(
            self._route(route, {**params, "page": number})
        )
        if status == 400 and _code(data) == "rest_post_invalid_page_number":
            return [], 0
        if status in (401, 403):
            self._refuse(data)
        if status != 200 or not isinstance(data, list):
            raise SiteError("unreachable", f"{route} answered HTTP {status}")
        try:
            pages = int(headers.get("X-WP-TotalPages") or 1)
        except ValueError:
            pages = 1
        return data, pages

    def by_ids(
        self, route: str, ids: list[int], params: dict | None = None
    ) -> list[dict]:
        """Whole records for the given ids, 100 to a request."""
        chunks = [ids[n : n + PER_PAGE] for n in range(0, len(ids), PER_PAGE)]

        def fetch(chunk):
            query = {**(params or {}), "include": ",".join(map(str, chunk)),
                     "per_page": PER_PAGE}  # fmt: skip
            return self._page(route, query, 1)[0]

        with ThreadPoolExecutor(PARALLEL) as pool:
            return [record for page in pool.map(fetch, chunks) for record in page]


def _code(data) -> str:
    return str(data.get("code", "")) if isinstance(data, dict) else ""
