"""A full disk or a read-only var dir (#17): readers get the site's own 503
page in Arabic, operators one line naming the path; `serve --production`
and the importer say the same in one line instead of a traceback."""

import errno
import io
import logging
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.db import OperationalError
from django.test import TestCase, override_settings
from django.urls import path

from nashra.core.storage_faults import DropStorageFaults, fault_of
from nashra.urls import urlpatterns as site_urls


def disk_full(request):
    raise OperationalError("database or disk is full")


def media_full(request):
    raise OSError(errno.ENOSPC, "No space left on device", "/srv/nashra/media/a.jpg")


def read_only(request):
    raise OSError(errno.EROFS, "Read-only file system", "/srv/nashra/var/x")


def broken(request):
    raise RuntimeError("not a storage fault")


urlpatterns = [
    path("full/", disk_full),
    path("media-full/", media_full),
    path("read-only/", read_only),
    path("broken/", broken),
    # The site's own, which the error pages' layout links to.
    *site_urls,
]
handler500 = "nashra.core.views.server_error"


@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
class ReaderTests(TestCase):
    def setUp(self):
        self.client.raise_request_exception = False
        self.log = io.StringIO()
        self.handler = logging.StreamHandler(self.log)
        self.handler.addFilter(DropStorageFaults())
        logging.getLogger().addHandler(self.handler)
        self.addCleanup(logging.getLogger().removeHandler, self.handler)

    def test_a_full_database_is_the_sites_503_page(self):
        response = self.client.get("/full/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Retry-After"], "120")
        self.assertIn("no-store", response["Cache-Control"])
        page = response.content.decode()
        self.assertIn('lang="ar"', page)
        self.assertIn("الموقع غير متاح لبعض الوقت", page)
        lines = self.log.getvalue().splitlines()
        storage = [line for line in lines if line.startswith("storage:")]
        self.assertEqual(len(storage), 1)
        self.assertIn("is full", storage[0])
        self.assertIn("/full/", storage[0])
        self.assertNotIn("Traceback", self.log.getvalue())

    def test_the_line_names_the_full_or_read_only_path(self):
        self.assertEqual(self.client.get("/media-full/").status_code, 503)
        self.assertEqual(self.client.get("/read-only/").status_code, 503)
        text = self.log.getvalue()
        self.assertIn("/srv/nashra/media/a.jpg is full", text)
        self.assertIn("/srv/nashra/var/x is read-only", text)
        self.assertNotIn("Traceback", text)

    def test_other_errors_stay_500s_with_their_traceback(self):
        self.assertEqual(self.client.get("/broken/").status_code, 500)
        self.assertIn("Traceback", self.log.getvalue())


class FaultTests(TestCase):
    def test_faults_are_found_through_the_exceptions_chain(self):
        try:
            try:
                raise OSError(errno.EDQUOT, "Disk quota exceeded", "/q")
            except OSError as error:
                raise RuntimeError("saving failed") from error
        except RuntimeError as outer:
            fault = fault_of(outer)
        self.assertEqual((fault.what, str(fault.path)), ("full", "/q"))
        self.assertIsNone(fault_of(OSError(errno.ENOENT, "missing")))
        ro = fault_of(OperationalError("attempt to write a readonly database"))
        self.assertEqual(ro.what, "read-only")


READ_ONLY = OSError(errno.EROFS, "Read-only file system")


class CommandTests(TestCase):
    def test_serve_production_on_a_read_only_var_dir_says_one_line(self):
        err = io.StringIO()
        with (
            mock.patch("tempfile.NamedTemporaryFile", side_effect=READ_ONLY),
            mock.patch("nashra.server.production.run") as run,
        ):
            with self.assertRaises(SystemExit) as stopped:
                call_command("serve", "--production", "--no-setup", stderr=err)
        self.assertEqual(stopped.exception.code, 1)
        run.assert_not_called()
        (line,) = err.getvalue().splitlines()
        from django.conf import settings

        self.assertIn(f"serve: {settings.VAR_DIR} is read-only", line)
        self.assertIn("للقراءة فقط", line)

    def test_serve_turns_a_fault_while_starting_into_one_line(self):
        err = io.StringIO()
        full = OSError(errno.ENOSPC, "No space left on device", "/srv/var/static/x.css")
        with mock.patch("nashra.server.production.run", side_effect=full):
            with self.assertRaises(SystemExit):
                call_command("serve", "--production", "--no-setup", stderr=err)
        self.assertIn("serve: /srv/var/static/x.css is full", err.getvalue())

    def test_the_importer_says_one_line_and_exits_3(self):
        err = io.StringIO()
        export = Path(__file__).parents[2] / "importers/tests/exports"
        some = next(export.glob("*.xml"))
        with mock.patch(
            "nashra.importers.run.ImportRun.execute",
            side_effect=OperationalError("database or disk is full"),
        ):
            with self.assertRaises(SystemExit) as stopped:
                call_command("import_wordpress", str(some), stderr=err)
        self.assertEqual(stopped.exception.code, 3)
        (line,) = err.getvalue().splitlines()
        self.assertIn("import-wordpress: ", line)
        self.assertIn("is full", line)
        self.assertIn("ممتلئ", line)
