"""Playwright on Debian's Chromium against pytest-django's live server.

`playwright install` cannot download browsers here, so tests drive
/usr/bin/chromium. Under CI=true a missing browser fails the run loudly
instead of skipping, so a green CI always means the journeys ran (#2).
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("NASHRA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

# Playwright's sync API runs an event loop in this thread; the Django ORM
# calls made by the tests themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # The sync API leaves its event loop "running" in this thread, so Django
    # then keeps this thread's connections in a second, async-only store: a
    # new connection without the contents serialized when the test database
    # was made, and a TransactionTestCase flush then lost the migrated
    # groups, workflow and pages for good whenever a database test ran before
    # the first browser test (#12). The test database is made first and the
    # same connections are shared with the async store.
    wrappers = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        for alias, wrapper in wrappers.items():
            connections[alias] = wrapper
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session", autouse=True)
def _restore_snapshots_into_an_empty_database():
    """A serialized rollback restores the migrated rows into an empty database.

    Django restores the snapshot taken when the test database was made on
    top of whatever the last flush left. A TransactionTestCase without the
    snapshot flushes with post_migrate, which writes content types and
    permissions again under new ids, and the restore then fails on their
    unique constraints (seen after nashra/comments' concurrency tests, #12).
    Emptying the tables first, without post_migrate, makes the restore give
    exactly the migrated database every time.
    """
    from django.core.management import call_command
    from django.db.backends.base.creation import BaseDatabaseCreation
    from django.test import TransactionTestCase

    restore = BaseDatabaseCreation.deserialize_db_from_string

    def restore_into_empty(creation, data):
        call_command(
            "flush",
            database=creation.connection.alias,
            interactive=False,
            inhibit_post_migrate=True,
            verbosity=0,
        )
        restore(creation, data)
        _reset_sequences(creation.connection)

    # The other half: a snapshot test's own flush skips post_migrate too
    # (Django leaves the tables for the next restore), which left the next
    # plain browser test without content types. Every flush writes them.
    teardown = TransactionTestCase._fixture_teardown

    def teardown_with_post_migrate(case):
        serialized, case.serialized_rollback = case.serialized_rollback, False
        try:
            teardown(case)
        finally:
            case.serialized_rollback = serialized

    BaseDatabaseCreation.deserialize_db_from_string = restore_into_empty
    TransactionTestCase._fixture_teardown = teardown_with_post_migrate
    yield
    BaseDatabaseCreation.deserialize_db_from_string = restore
    TransactionTestCase._fixture_teardown = teardown


def _reset_sequences(connection):
    """Point every id sequence past the restored rows.

    `flush` restarts PostgreSQL's sequences at 1 and the restore writes rows
    with their ids, so the next page saved would take id 1 again (seen in
    CI on PostgreSQL, #12). SQLite needs nothing: it reads max(id) itself.
    """
    from django.apps import apps
    from django.core.management.color import no_style

    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


@pytest.fixture
def outside_requests():
    """A list that collects every request a page makes to a non-local host."""
    return []


def _open_tab(browser, outside_requests, **options):
    """A fresh browser context and page, recording any request that leaves 127.0.0.1."""
    context = browser.new_context(
        locale="ar", viewport={"width": 1280, "height": 900}, **options
    )

    def record(request):
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("http:", "https:", "ws:", "wss:")) and (
            host not in LOCAL_HOSTS
        ):
            outside_requests.append(request.url)

    context.on("request", record)
    return context, context.new_page()


@pytest.fixture
def page(browser, outside_requests):
    """A page for driving the site. Playwright evaluates string predicates
    (wait_for_function) with eval, which the site's Content-Security-Policy
    refuses, so these contexts bypass it; tests of the policy itself use
    ``strict_page``."""
    context, tab = _open_tab(browser, outside_requests, bypass_csp=True)
    yield tab
    context.close()


@pytest.fixture
def strict_page(browser, outside_requests):
    """A page under the site's Content-Security-Policy, as readers get it."""
    context, tab = _open_tab(browser, outside_requests)
    yield tab
    context.close()


@pytest.fixture
def newspaper(transactional_db):
    """The test newspaper, committed so the live server thread can see it."""
    from nashra.core.tests.factories import build_newspaper

    return build_newspaper(articles_per_section=3)
