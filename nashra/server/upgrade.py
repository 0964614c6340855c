"""`nashra upgrade`: what a new version needs before it serves (#17).

In this order, each step safe while the old version still serves:

1. compile the message catalogues: the .mo files of the new code (a running
   process read its own at start and keeps them);
2. collect the static files with hashed names, never clearing: the old
   version's files stay beside the new ones, so pages it still sends find
   their CSS and scripts, and the new pages find theirs;
3. apply the migrations: Nashra's add before they remove, so the old code
   reads the new schema (docs/operations.md);
4. bump the page cache's "site" version: every cached page and fragment
   (rendered by the old templates, with the old static names) becomes a
   miss everywhere, Redis or the workers' shared versions file, and the
   published files go with it.

The bump last: a page rendered before the migrations must not outlive them.
Old workers that render between the bump and their restart can store pages
again, so the runbook runs ``nashra upgrade --cache-only`` once the new
version serves.
"""

import subprocess
import sys

from django.conf import settings
from django.core.management import call_command

from nashra.core import groups, invalidate, versions
from nashra.core.catalogues import compile_catalogues
from nashra.server import production

STEPS = (
    ("catalogues", "Compiling the catalogues / ترجمة الفهارس"),
    ("static", "Collecting the static files / جمع الملفات الثابتة"),
    ("migrate", "Applying the migrations / تطبيق الترحيلات"),
    ("cache", "Invalidating the page cache / إبطال ذاكرة الصفحات"),
)


def compile_messages():
    return f"{len(compile_catalogues())} compiled"


def collect_static():
    """As ``serve --production`` collects them: hashed names and a manifest."""
    done = subprocess.run(
        [sys.executable, "-m", "django", "collectstatic", "--noinput", "-v1"],
        env=production.production_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def migrate():
    from nashra.server.management.commands.serve import pending_migrations

    pending = len(pending_migrations())
    if pending:
        call_command("migrate", interactive=False, verbosity=0)
    return f"{pending} applied"


def bump_cache():
    invalidate.bump_now({groups.SITE})
    if not settings.REDIS_URL:
        # Without Redis, `serve --production` keeps its versions in a file
        # that a command run by hand does not open unless told to.
        served = production.production_environment()["NASHRA_PAGE_CACHE_VERSIONS_FILE"]
        if served != settings.PAGE_CACHE_VERSIONS_FILE:
            versions.FileVersions(served).bump([groups.SITE, groups.CLOCK])
    return "site version bumped"


ACTIONS = {
    "catalogues": compile_messages,
    "static": collect_static,
    "migrate": migrate,
    "cache": bump_cache,
}


def run(steps=None, write=print):
    """Run ``steps`` (names from STEPS, all by default) in STEPS's order."""
    wanted = set(steps or ACTIONS)
    done = []
    for name, label in STEPS:
        if name in wanted:
            detail = ACTIONS[name]()
            write(f"{label}: {detail}" if detail else label)
            done.append(name)
    return done
