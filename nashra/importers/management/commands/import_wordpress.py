"""`nashra import-wordpress EXPORT.xml`: move a WordPress site into Nashra (#7)."""

import logging
import sys
from contextlib import contextmanager
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import DatabaseError
from django.utils import translation
from django.utils.translation import gettext as _

from nashra.core.storage_faults import fault_of, one_line
from nashra.importers.bulk import BATCH_SIZE
from nashra.importers.fetching import ALLOW_OPTION, parse_allowed
from nashra.importers.run import ImportRun
from nashra.importers.site import sync as site_sync
from nashra.importers.site.client import SiteError
from nashra.importers.wxr import WXRError
from nashra.importers.wxr.bounded import SMALLEST_LIMIT

UNREADABLE = 2
# The disk is full or read-only: nothing is wrong with the file (#17).
STORAGE = 3
# One INFO line per page created would bury the progress bar.
CHATTY_LOGGERS = ("wagtail", "django_tasks", "nashra")


@contextmanager
def quiet_loggers():
    loggers = [logging.getLogger(name) for name in CHATTY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(max(logger.getEffectiveLevel(), logging.WARNING))
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class Command(BaseCommand):
    help = "Import a WordPress export (WXR): posts, pages, media, comments, old URLs."

    def add_arguments(self, parser):
        parser.add_argument(
            "export", type=Path, nargs="?", help="the WordPress export (.xml)"
        )
        parser.add_argument(
            "--site",
            metavar="URL",
            help="instead of an export, read a live WordPress through its REST API;"
            " run again to apply only what changed (NASHRA_WP_USER and"
            " NASHRA_WP_APP_PASSWORD: an application password, for drafts and"
            " private content)",
        )
        parser.add_argument(
            "--uploads", type=Path, help="the site's wp-content/uploads folder"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="read and report, change nothing"
        )
        parser.add_argument("--report", type=Path, help="write the report as JSON")
        parser.add_argument(
            "--fetch-media",
            action="store_true",
            help="download files missing from --uploads from the export's own site"
            " (http and https only, at most 25 MB and 20 s a file; never from a"
            " loopback, private, link-local, multicast, reserved or cloud metadata"
            f" address, checked at every redirect, unless named with {ALLOW_OPTION})",
        )
        parser.add_argument(
            ALLOW_OPTION,
            action="append",
            default=[],
            metavar="HOST[:PORT]",
            dest="allow_internal_hosts",
            help="with --fetch-media: also fetch from HOST (on any port, or only"
            " PORT) when it resolves to an internal address, e.g. a staging copy"
            " of the old site on the local network; repeat for more hosts",
        )
        parser.add_argument(
            "--authors-as-users",
            action="store_true",
            help="also create staff accounts (without passwords) for the authors",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help="new posts written per transaction (a failed batch is retried "
            "post by post)",
        )
        parser.add_argument(
            "--max-post-bytes",
            type=int,
            default=None,
            metavar="BYTES",
            help="refuse a post with one text (content, a meta value, a comment)"
            " over BYTES, or four times as much with its comments; such a post is"
            " read in bounded memory and reported (default"
            " NASHRA_IMPORT_MAX_POST_BYTES, 8 MiB; at least 1 MiB)",
        )

    def handle(self, *args, export, uploads, dry_run, report, fetch_media,
               allow_internal_hosts, authors_as_users, batch_size, site=None,
               max_post_bytes=None, **options):  # fmt: skip
        if (export is None) == (site is None):
            self._fail("give an export file or --site URL, not both or neither")
        if max_post_bytes is not None and max_post_bytes < SMALLEST_LIMIT:
            with translation.override("ar"):
                arabic = _("The post size limit must be at least 1 MiB.")
            self._fail(f"--max-post-bytes must be at least {SMALLEST_LIMIT:,}", arabic)
        if uploads is not None and not uploads.is_dir():
            self._fail(f"--uploads is not a folder: {uploads}")
        try:
            parse_allowed(allow_internal_hosts)
        except ValueError as error:
            self._fail(f"{ALLOW_OPTION}: {error}")
        stream = getattr(self.stderr, "_out", sys.stderr)
        if site is not None:
            run = site_sync.for_command(
                site, fetch_media=fetch_media, allow_internal_hosts=allow_internal_hosts,
                authors_as_users=authors_as_users, dry_run=dry_run, stderr=stream,
                batch_size=batch_size, max_post_bytes=max_post_bytes,
            )  # fmt: skip
            result = self._run(run, SiteError, site_sync.refusal)
        else:
            run = ImportRun(
                export, uploads=uploads, fetch_media=fetch_media,
                allow_internal_hosts=allow_internal_hosts,
                authors_as_users=authors_as_users, dry_run=dry_run, stderr=stream,
                batch_size=batch_size, max_post_bytes=max_post_bytes,
            )  # fmt: skip
            result = self._run(run, WXRError, None)
        self.stdout.write(result.table())
        for problem in result.sample:
            self.stdout.write(
                f"  {problem['item']}: {problem['kind']}: {problem['reason']}"
            )
        if result.problem_count > len(result.sample):
            more = result.problem_count - len(result.sample)
            self.stdout.write(f"  … {more} more (see --report)")
        if report is not None:
            with report.open("w", encoding="utf-8") as out:
                result.write_json(out)
        if dry_run:
            self.stdout.write("dry run: nothing was saved")
        else:
            # Indexing per save is off during the import (indexing.py).
            self.stdout.write(
                "search index updated; run `nashra rebuild_references_index` to"
                " refresh the admin's usage counts"
            )

    def _run(self, run, errors, arabic):
        try:
            with quiet_loggers():
                return run.execute()
        except errors as error:
            self._fail(error.reason, arabic(error) if arabic else None)
        except (OSError, DatabaseError) as error:
            # A full disk or a read-only var dir: one line, not a traceback;
            # a rerun resumes where this one stopped (#17).
            fault = fault_of(error)
            if fault is None:
                raise
            self.stderr.write(one_line("import-wordpress", fault))
            sys.exit(STORAGE)

    def _fail(self, reason: str, arabic: str | None = None):
        with translation.override("ar"):
            arabic = arabic or _("This file cannot be read as a WordPress export.")
        self.stderr.write(f"import-wordpress: {reason} · {arabic}")
        sys.exit(UNREADABLE)
