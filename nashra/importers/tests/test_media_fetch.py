"""--fetch-media against a local server: only the export's host, bounded in
size and time, and every failure a problem in the report, never a crash.

The server is on loopback, which is refused unless named, so these tests name
it (test_media_addresses.py shows the refusal, #17)."""

import pytest
from django.test import TestCase, override_settings

from nashra.images.models import NewsImage
from nashra.importers import fetching
from nashra.importers.fetching import fetch as fetch_from
from nashra.importers.fetching import parse_allowed

from .helpers import item, run_import, wxr
from .media_server import PHOTO, MediaServer, closed_port

HOST = "127.0.0.1"
NAMED = parse_allowed([HOST])


def fetch(url, host):
    return fetch_from(url, host, NAMED)


@pytest.fixture
def server():
    with MediaServer() as running:
        yield running


def test_a_file_on_the_host_is_fetched(server):
    assert fetch(server.url("/wp-content/uploads/photo.jpg"), HOST) == PHOTO


def test_a_redirect_on_the_same_host_is_followed(server):
    assert fetch(server.url("/same"), HOST) == PHOTO
    assert server.seen == ["/same", "/wp-content/uploads/photo.jpg"]


def test_a_redirect_to_another_host_is_refused(server):
    """An export's host must not bounce the importer to an internal address."""
    with pytest.raises(OSError) as caught:
        fetch(server.url("/other"), HOST)
    assert "redirected to another host" in str(caught.value)
    assert server.seen == ["/other"]


def test_a_redirect_loop_ends(server):
    with pytest.raises(OSError, match="redirect"):
        fetch(server.url("/loop"), HOST)


def test_a_declared_size_over_the_limit_is_refused_before_reading(server):
    with pytest.raises(OSError, match="larger than the size limit"):
        fetch(server.url("/huge-declared"), HOST)


def test_an_undeclared_size_over_the_limit_stops_reading(server, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_BYTES", 256 * 1024)
    with pytest.raises(OSError, match="larger than the size limit"):
        fetch(server.url("/huge-undeclared"), HOST)


def test_http_errors_carry_their_reason(server):
    with pytest.raises(OSError) as caught:
        fetch(server.url("/missing.jpg"), HOST)
    assert caught.value.reason == "Not Found"
    with pytest.raises(OSError) as caught:
        fetch(server.url("/error"), HOST)
    assert caught.value.code == 500


def test_connection_refused_is_an_oserror():
    with pytest.raises(OSError):
        fetch(f"http://{HOST}:{closed_port()}/a.jpg", HOST)


def test_a_slow_drip_is_cut_at_the_total_timeout(monkeypatch):
    """One byte every 50 ms never trips a per-read timeout; the whole
    download must still end at TIMEOUT, or one file holds the import."""
    monkeypatch.setattr(fetching, "TIMEOUT", 0.5)
    with MediaServer(drip_seconds=0.05) as server:
        with pytest.raises(OSError, match="timed out"):
            fetch(server.url("/drip"), HOST)


@pytest.mark.parametrize("path", ["/chunks", "/headers", "/short"])
def test_broken_responses_are_oserrors(server, path):
    """A broken chunked body, 150 headers or a body shorter than declared."""
    with pytest.raises(OSError):
        fetch(server.url(path), HOST)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:notaport/a.jpg",
        "http://127.0.0.1:99999/a.jpg",
        "http://127.0.0.1:0/a.jpg",
        "http://[::1/a.jpg",
        "http:///a.jpg",
        "javascript:alert(1)",
        "",
    ],
)
def test_malformed_urls_are_oserrors(url):
    with pytest.raises(OSError):
        fetch(url, HOST)


def test_an_arabic_file_name_is_fetched(server):
    """WordPress writes Arabic upload names unencoded in attachment_url."""
    url = server.url("/wp-content/uploads/سوق.jpg")
    assert fetch(url, HOST) == PHOTO
    assert server.seen == ["/wp-content/uploads/%D8%B3%D9%88%D9%82.jpg"]


def attachment(wp_id, url):
    return item(
        wp_id, post_type="attachment", status="inherit", post_name=f"a{wp_id}"
    ).replace("</item>", f"<wp:attachment_url>{url}</wp:attachment_url></item>")


def export_on(server, *items):
    text = wxr("".join(items)).decode()
    return text.replace("https://news.example", f"http://{HOST}:{server.port}").encode()


@override_settings(WAGTAILIMAGES_EXTENSIONS=["jpg", "png"])
class FetchDuringImport(TestCase):
    def test_fetched_images_are_stored_and_failures_reported(self):
        with MediaServer() as server:
            data = export_on(
                server,
                attachment(10, server.url("/wp-content/uploads/photo.jpg")),
                attachment(11, server.url("/wp-content/uploads/page.jpg")),
                attachment(12, server.url("/wp-content/uploads/chunks.jpg")),
                attachment(13, "https://elsewhere.example/x.jpg"),
            )
            report = run_import(data, fetch_media=True, allow_internal_hosts=[HOST])
        self.assertEqual(report.counts["attachments"]["created"], 1)
        self.assertEqual(NewsImage.objects.count(), 1)
        reasons = {p["item"]: p["reason"] for p in report.problems}
        self.assertIn("cannot be stored", reasons["11"])
        self.assertIn("not fetched", reasons["12"])
        self.assertIn("not on the export's own host", reasons["13"])
        self.assertTrue(reasons["13"].startswith("https://elsewhere.example/x.jpg:"))

    def test_an_image_outside_the_uploads_folder_is_still_an_image(self):
        """Multisite and offloaded media live at /files/…: the file name, not
        the folder, says whether it is an image."""
        with MediaServer() as server:
            data = export_on(
                server, attachment(14, server.url("/files/2012/photo.jpg"))
            )
            report = run_import(data, fetch_media=True, allow_internal_hosts=[HOST])
        self.assertEqual(report.counts["attachments"]["created"], 1, report.problems)
        image = NewsImage.objects.get()
        self.assertTrue(image.file.name.endswith(".jpg"))
        self.assertIn("photo", image.file.name)

    def test_without_the_option_nothing_is_requested(self):
        with MediaServer() as server:
            data = export_on(
                server, attachment(10, server.url("/wp-content/uploads/photo.jpg"))
            )
            report = run_import(data)
            self.assertEqual(server.seen, [])
        self.assertEqual(report.counts["attachments"]["skipped"], 1)
        (problem,) = report.problems
        self.assertIn("no --uploads folder given", problem["reason"])

    def test_a_dry_run_fetches_but_stores_nothing(self):
        with MediaServer() as server:
            data = export_on(
                server, attachment(10, server.url("/wp-content/uploads/photo.jpg"))
            )
            report = run_import(
                data, fetch_media=True, allow_internal_hosts=[HOST], dry_run=True
            )
        self.assertEqual(report.counts["attachments"]["created"], 1)
        self.assertEqual(NewsImage.objects.count(), 0)
