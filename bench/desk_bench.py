"""The planning desk with 1,500 articles in its week (#14): target ≤ 300 ms.

    .venv/bin/python bench/desk_bench.py [--items 1500] [--archive 20000] [--var-dir DIR]

Builds its own site in a temporary folder (or ``--var-dir``, reused when it
already has the items): ``--archive`` older articles from ``nashra generate``,
then ``--items`` articles on the desk's week, as a newsroom has them: 60 %
published over the last four days, 25 % drafts edited in them, 10 % scheduled
for the next three, 5 % in review. Times GET /admin/desk/?span=week in
process through Django's test client, signed in as a superuser: best and
median of ``--runs`` after a warm-up, the SQL count, and the load average.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=1500)
    parser.add_argument("--archive", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--var-dir", type=Path)
    return parser.parse_args()


ARGS = arguments()
VAR = ARGS.var_dir or Path(tempfile.mkdtemp(prefix="desk-bench-"))
os.environ["NASHRA_VAR_DIR"] = str(VAR)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Workflow  # noqa: E402

from nashra.articles.factories import create_article, create_author  # noqa: E402
from nashra.articles.models import ArticlePage  # noqa: E402
from nashra.desk.forms import DeskFilters  # noqa: E402
from nashra.sections.models import SectionPage  # noqa: E402

MARK = "desk-bench"


def week():
    form = DeskFilters(
        {"start": (timezone.localdate() - timedelta(days=3)), "span": "week"}
    )
    assert form.is_valid(), form.errors
    return form.range()


def build(items, archive):
    call_command("migrate", verbosity=0)
    if not SectionPage.objects.exists():
        call_command("demo", verbosity=0)
    if archive and ArticlePage.objects.count() < archive:
        call_command("generate", articles=archive, seed=14, verbosity=0)
    if ArticlePage.objects.filter(slug__startswith=MARK).count() >= items:
        return
    start, _end, _day, _span = week()
    sections = list(SectionPage.objects.all())
    user = User.objects.filter(is_superuser=True).first()
    writers = [
        create_author(f"كاتب المكتب {n}", f"{MARK}-writer-{n}") for n in range(20)
    ]
    workflow = Workflow.objects.filter(active=True).first()
    now = timezone.now()
    began = time.perf_counter()
    for n in range(items):
        section = sections[n % len(sections)]
        share = n % 20
        at = start + timedelta(minutes=(n * 4 * 24 * 60) // items)
        fields = {"slug": f"{MARK}-{n}", "authors": [writers[n % 20]], "owner": user}
        if share < 12:
            create_article(
                section, f"خبر المكتب {n}", published_at=min(at, now), **fields
            )
            continue
        page = create_article(section, f"مسودة المكتب {n}", publish=False, **fields)
        if share < 17:
            ArticlePage.objects.filter(pk=page.pk).update(
                latest_revision_created_at=min(at, now)
            )
        elif share < 19:
            page.go_live_at = now + timedelta(hours=1 + n % 70)
            page.save_revision().publish()
        else:
            workflow.start(page, user)
        if n % 250 == 0:
            print(f"  {n} items, {time.perf_counter() - began:.0f} s", file=sys.stderr)


def main():
    settings.ALLOWED_HOSTS = ["*"]
    build(ARGS.items, ARGS.archive)
    user = User.objects.filter(
        is_superuser=True
    ).first() or User.objects.create_superuser(
        "bench", "bench@example.com", "bench-password"
    )
    client = Client()
    client.force_login(user)
    _start, _end, day, _span = week()
    url = f"/admin/desk/?span=week&start={day.isoformat()}"
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    shown = response.content.decode().count("data-desk-item=")
    times = []
    for _ in range(ARGS.runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - started) * 1000)
    load = os.getloadavg()[0]
    print(
        f"{ArticlePage.objects.count():,} articles, {shown:,} on the desk's week ({VAR})"
    )
    print(
        "| page | rows | best ms | median ms | SQL | load |\n|---|---:|---:|---:|---:|---:|"
    )
    print(
        f"| {url} | {shown:,} | {min(times):.0f} | {statistics.median(times):.0f} "
        f"| {len(queries)} | {load:.1f} |"
    )


if __name__ == "__main__":
    main()
