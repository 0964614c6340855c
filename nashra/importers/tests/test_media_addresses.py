"""--fetch-media never reaches inside the network unless the operator names the
host (#17): an export on loopback was fetched and its answers published."""

import io

import pytest
from django.core.management import call_command
from django.test import TestCase, override_settings

from nashra.articles.models import ArticlePage
from nashra.images.models import NewsImage
from nashra.importers import fetching
from nashra.importers.fetching import (
    ALLOW_OPTION,
    Refused,
    fetch,
    internal_kind,
    parse_allowed,
)

from .helpers import export_file, item, run_import, wxr
from .media_server import PHOTO, MediaServer

HOST = "127.0.0.1"
PHOTO_PATH = "/wp-content/uploads/photo.jpg"


@pytest.fixture
def server():
    with MediaServer() as running:
        yield running


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("fc00::1", "private"),
        ("0.0.0.0", "private"),  # noqa: S104 (an address judged, not bound)
        ("169.254.1.1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("169.254.169.254", "cloud metadata"),
        ("fd00:ec2::254", "cloud metadata"),
        ("100.100.100.200", "cloud metadata"),
        ("::ffff:169.254.169.254", "cloud metadata"),
        ("93.184.215.14", None),
        ("2606:4700::1111", None),
    ],
)
def test_internal_addresses_are_named(address, kind):
    assert internal_kind(address) == kind


def test_loopback_is_refused_without_a_request(server):
    with pytest.raises(Refused) as caught:
        fetch(server.url(PHOTO_PATH), HOST)
    assert "loopback" in str(caught.value)
    assert ALLOW_OPTION in str(caught.value)
    assert "رُفض" in caught.value.arabic
    assert server.seen == []


def test_the_check_is_on_the_resolved_address(server):
    """A name is judged by what it resolves to: localhost is loopback."""
    with pytest.raises(Refused, match="localhost is a loopback address"):
        fetch(server.url(PHOTO_PATH, host="localhost"), "localhost")
    assert server.seen == []


def test_a_named_host_is_fetched_on_any_port_or_only_its_own(server):
    assert fetch(server.url(PHOTO_PATH), HOST, parse_allowed([HOST])) == PHOTO
    named = parse_allowed([f"{HOST}:{server.port}"])
    assert fetch(server.url(PHOTO_PATH), HOST, named) == PHOTO
    elsewhere = parse_allowed([f"{HOST}:{server.port + 1}"])
    with pytest.raises(Refused, match="loopback"):
        fetch(server.url(PHOTO_PATH), HOST, elsewhere)


def test_a_redirect_to_an_unnamed_internal_address_is_refused(server):
    """Checked again on the redirect: the named port may not bounce the
    importer to another service on the same machine."""
    with MediaServer() as inner:
        server.redirect_to(inner.url(PHOTO_PATH))
        named = parse_allowed([f"{HOST}:{server.port}"])
        with pytest.raises(Refused, match="loopback"):
            fetch(server.url("/elsewhere"), HOST, named)
        assert server.seen == ["/elsewhere"]
        assert inner.seen == []


@pytest.mark.parametrize(
    "target", ["http://10.0.0.1/a.jpg", "http://169.254.169.254/latest/meta-data/"]
)
def test_a_redirect_to_a_private_or_metadata_address_is_refused(server, target):
    server.redirect_to(target)
    with pytest.raises(Refused):
        fetch(server.url("/elsewhere"), HOST, parse_allowed([HOST]))


@pytest.mark.parametrize("target", ["ftp://127.0.0.1/a.jpg", "file:///etc/passwd"])
def test_a_redirect_to_another_scheme_is_refused(server, target):
    server.redirect_to(target)
    with pytest.raises(OSError):
        fetch(server.url("/elsewhere"), HOST, parse_allowed([HOST]))


@pytest.mark.parametrize("value", ["", "http://x/y", "host:notaport", "a@b"])
def test_a_named_host_must_be_a_host(value):
    with pytest.raises(ValueError):
        parse_allowed([value])


def attachment(wp_id, url):
    return item(
        wp_id, post_type="attachment", status="inherit", post_name=f"a{wp_id}"
    ).replace("</item>", f"<wp:attachment_url>{url}</wp:attachment_url></item>")


def export_on(server, *records):
    text = wxr("".join(records)).decode()
    return text.replace("https://news.example", f"http://{HOST}:{server.port}").encode()


@override_settings(WAGTAILIMAGES_EXTENSIONS=["jpg", "png"])
class RefusedDuringImport(TestCase):
    def export(self, server):
        return export_on(
            server,
            attachment(10, server.url(PHOTO_PATH)),
            attachment(11, server.url("/huge-declared")),
            item(20, post_name="first"),
            item(21, post_name="second"),
        )

    def test_by_default_each_url_is_reported_and_the_rest_imported(self):
        with MediaServer() as server:
            report = run_import(self.export(server), fetch_media=True)
            self.assertEqual(server.seen, [])
        self.assertEqual(NewsImage.objects.count(), 0)
        self.assertEqual(report.counts["attachments"]["skipped"], 2)
        self.assertEqual(ArticlePage.objects.count(), 2)
        reasons = {p["item"]: p["reason"] for p in report.problems}
        for wp_id, path in (("10", PHOTO_PATH), ("11", "/huge-declared")):
            self.assertTrue(reasons[wp_id].startswith(server.url(path) + ": "))
            self.assertIn("loopback", reasons[wp_id])
            self.assertIn("لم يُجلب", reasons[wp_id])

    def test_named_the_host_is_fetched_and_a_file_over_the_limit_refused(self):
        with MediaServer() as server:
            report = run_import(
                self.export(server), fetch_media=True, allow_internal_hosts=[HOST]
            )
        self.assertEqual(NewsImage.objects.count(), 1)
        self.assertEqual(ArticlePage.objects.count(), 2)
        (problem,) = report.problems
        self.assertEqual(problem["item"], "11")
        self.assertIn("larger than the size limit (25 MB)", problem["reason"])
        self.assertIn("أكبر من الحد المسموح", problem["reason"])

    def test_a_slow_file_is_cut_and_the_import_goes_on(self):
        fetching_timeout = fetching.TIMEOUT
        fetching.TIMEOUT = 0.5
        try:
            with MediaServer(drip_seconds=0.05) as server:
                data = export_on(server, attachment(12, server.url("/drip")), item(22))
                report = run_import(data, fetch_media=True, allow_internal_hosts=[HOST])
        finally:
            fetching.TIMEOUT = fetching_timeout
        (problem,) = report.problems
        self.assertIn("timed out", problem["reason"])
        self.assertIn("مهلة", problem["reason"])
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_the_command_prints_each_refused_url_in_both_languages(self):
        with MediaServer() as server:
            path = export_file(self.export(server))
            out = io.StringIO()
            call_command(
                "import_wordpress", str(path), "--fetch-media",
                ALLOW_OPTION, f"{HOST}:{server.port}", stdout=out, stderr=io.StringIO(),
            )  # fmt: skip
        lines = [line for line in out.getvalue().splitlines() if "not fetched" in line]
        (line,) = lines
        self.assertIn(server.url("/huge-declared"), line)
        self.assertIn("أكبر من الحد المسموح", line)

    def test_a_malformed_named_host_exits_2(self):
        err = io.StringIO()
        with pytest.raises(SystemExit) as caught:
            call_command(
                "import_wordpress", str(export_file(wxr(item(1)))),
                ALLOW_OPTION, "http://x/y", stderr=err,
            )  # fmt: skip
        self.assertEqual(caught.value.code, 2)
        self.assertIn(ALLOW_OPTION, err.getvalue())
        self.assertFalse(ArticlePage.objects.exists())
