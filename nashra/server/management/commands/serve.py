from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from nashra.articles.models import ArticlePage
from nashra.core.base_url import keep_in_step
from nashra.core.storage_faults import check_writable, fault_of, one_line
from nashra.queue.worker import start_worker_thread
from nashra.sections.models import SectionPage
from nashra.server import production
from nashra.server.scheduler import start_scheduler

EMPTY_SITE = (
    "The site is empty: add sections and articles in the admin "
    "(`nashra demo` loads the demo newspaper).\n"
    "الموقع فارغ: أضف الأقسام والمقالات من لوحة الإدارة "
    "(يحمّل `nashra demo` الصحيفة التجريبية)."
)


def pending_migrations():
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    return executor.migration_plan(executor.loader.graph.leaf_nodes())


def site_is_empty():
    return not (ArticlePage.objects.exists() or SectionPage.objects.exists())


class Command(BaseCommand):
    help = (
        "Prepare and serve Nashra: migrate, load the demo site when empty (not "
        "with --production), create the first administrator, then serve with "
        "scheduled publishing and a background-job worker running."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument(
            "--no-setup", action="store_true", help="Serve without preparing first."
        )
        parser.add_argument(
            "--production",
            action="store_true",
            help="Serve with gunicorn, one worker per core and hashed static files; "
            "never loads the demo.",
        )

    def handle(self, *args, addrport, no_setup, **options):
        try:
            return self.serve(addrport, no_setup, **options)
        except (OSError, DatabaseError) as error:
            # A full disk or a read-only var dir: one line, not a traceback (#17).
            fault = fault_of(error)
            if fault is None:
                raise
            self.stderr.write(one_line("serve", fault))
            raise SystemExit(1) from None

    def serve(self, addrport, no_setup, **options):
        if options.get("production"):
            fault = check_writable(production.writable_paths())
            if fault is not None:
                self.stderr.write(one_line("serve", fault))
                raise SystemExit(1)
        if not no_setup:
            # Demo articles on a production site would be published to readers
            # and crawlers: only a local start fills an empty site (#12).
            self.setup(demo=not options.get("production"))
        # Also with --no-setup: a changed NASHRA_BASE_URL needs no migration (#12).
        keep_in_step(stdout=self.stdout)
        if options.get("production"):
            return production.run(addrport, stdout=self.stdout)
        start_scheduler()
        start_worker_thread()
        self.stdout.write(
            f"Nashra: http://{addrport}/  (admin: http://{addrport}/admin/)"
        )
        call_command("runserver", addrport, use_reloader=False, use_threading=True)

    def setup(self, demo=True):
        if pending_migrations():
            self.stdout.write("Migrating the database / تحديث قاعدة البيانات…")
            call_command("migrate", interactive=False, verbosity=0)
        if site_is_empty():
            if demo:
                call_command("demo")  # it shows its own progress
            else:
                self.stdout.write(EMPTY_SITE)
        call_command("createadmin", if_none=True)
