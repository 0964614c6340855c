"""Test-wide settings overrides and shared fixtures.

Overrides live here (a pytest_configure hook), not in a second settings
module: the suite runs the real settings, made hostile where it helps.
"""

import os
import shutil
import tempfile
import uuid

import pytest

TEST_MEDIA_ROOT = tempfile.mkdtemp(prefix="nashra-media-")


# .ci/run sets this for its second pass (PostgreSQL + Redis): tests marked
# `same_on_every_database` start their own servers on their own SQLite or
# PostgreSQL, whatever DATABASE_URL says, so a second run would only repeat
# the first one's minutes (CI must stay under 30).
SECOND_PASS = os.environ.get("NASHRA_CI_SECOND_PASS") == "1"


def pytest_collection_modifyitems(config, items):
    if not SECOND_PASS:
        return
    skip = pytest.mark.skip(
        reason="ran in CI's first pass: independent of DATABASE_URL"
    )
    for item in items:
        if item.get_closest_marker("same_on_every_database"):
            item.add_marker(skip)


def _unavailable_is_a_skip():
    """A loopback runner (nashra/server/loopback) whose program is missing
    skips its test here; under CI, which installs them all, it fails."""
    from nashra.server.loopback import Unavailable

    try:
        return (yield)
    except Unavailable as missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install this (.ci/run does): {missing}")
        pytest.skip(str(missing))


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef, request):
    return (yield from _unavailable_is_a_skip())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _unavailable_is_a_skip())


def _django_in_use(config):
    return config.pluginmanager.hasplugin("django")


def pytest_configure(config):
    if not _django_in_use(config):
        return  # pure nashra.text tests run with -p no:django
    from django.conf import settings
    from django.test.signals import setting_changed

    from nashra.core.catalogues import compile_catalogues

    # pytest-django set Django up before this hook, which cached the Arabic
    # catalogue; in a fresh clone it was compiled only now (#12).
    if compile_catalogues():
        setting_changed.send(
            sender=None, setting="LOCALE_PATHS", value=settings.LOCALE_PATHS,
            enter=False,
        )  # fmt: skip

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
    settings.MEDIA_ROOT = TEST_MEDIA_ROOT
    default = settings.DATABASES["default"]
    if default["ENGINE"] == "django.db.backends.sqlite3":
        # A file, not Django's shared in-memory database: the live server's
        # threads then get connections of their own and wait on busy_timeout
        # like production, instead of "database table is locked" when a late
        # request from the previous browser test overlaps the next set-up.
        default.setdefault("TEST", {})["NAME"] = os.path.join(
            TEST_MEDIA_ROOT, "test-db.sqlite3"
        )
    # A zone with a half-hour offset catches dates printed in UTC by mistake.
    settings.TIME_ZONE = "Asia/Kolkata"
    settings.AXES_ENABLED = False
    # Tests sign staff in with force_login, which no second factor follows;
    # the two-factor tests turn the default policy back on (#14).
    settings.NASHRA_2FA_REQUIRED = "none"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    # django.setup() made the database backend of settings.py already (#14):
    # Wagtail's @task decorators look their backend up at import.
    setting_changed.send(
        sender=None, setting="TASKS", value=settings.TASKS, enter=False
    )
    settings.SCHEDULER_INTERVAL = 1
    # The test database's default Site stays Wagtail's localhost:80 (migrate
    # keeps it in step with BASE_URL, #12); test_base_url sets its own.
    settings.BASE_URL = "http://localhost"
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver", "localhost"]
    for alias in settings.CACHES:
        settings.CACHES[alias]["KEY_PREFIX"] = f"nashra-test-{uuid.uuid4().hex[:8]}"


def pytest_unconfigure(config):
    shutil.rmtree(TEST_MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _fresh_cache_and_language(request):
    """Each test starts with an empty cache (Redis is shared between runs) and
    the site language (a test that activates English must not leak it)."""
    if not _django_in_use(request.config):
        yield
        return
    from django.conf import settings
    from django.core.cache import caches
    from django.utils import translation

    for alias in settings.CACHES:
        caches[alias].clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def reference_text():
    """The reference Arabic article from the shared folder, or None without it."""
    from nashra.core.tests.shared import shared_path

    path = shared_path("reference")
    files = sorted(path.glob("*.txt")) if path.exists() else []
    return files[0].read_text(encoding="utf-8") if files else None


os.environ.setdefault("NASHRA_TEST", "1")
