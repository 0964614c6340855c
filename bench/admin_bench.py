"""Newsroom pages at scale (#8): explorer, a section's articles, comment queue.

    NASHRA_VAR_DIR=/tmp/perf-sqlite .venv/bin/python bench/admin_bench.py

Times each admin page (best and median of 5 after a warm-up, in-process
through Django's test client, signed in as a superuser) and counts its SQL.
"""

import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from nashra.articles.models import ArticlePage  # noqa: E402
from nashra.comments.models import Comment  # noqa: E402
from nashra.sections.models import SectionPage  # noqa: E402


def main():
    settings.ALLOWED_HOSTS = ["*"]
    user = User.objects.filter(
        is_superuser=True
    ).first() or User.objects.create_superuser(
        "bench", "bench@example.com", "bench-password"
    )
    client = Client()
    client.force_login(user)
    section = max(SectionPage.objects.all(), key=lambda s: s.section_articles.count())
    pages = {
        "explorer (section children)": f"/admin/pages/{section.pk}/",
        "explorer page 500": f"/admin/pages/{section.pk}/?p=500",
        "explorer ordered by date": f"/admin/pages/{section.pk}/?ordering=-latest_revision_created_at",
        "page search": "/admin/pages/search/?q=" + "الحكومة",
        "comment queue (pending)": "/admin/comments/?status=pending",
        "comment queue page 200": "/admin/comments/?status=approved&page=200",
        "edit an article": f"/admin/pages/{ArticlePage.objects.last().pk}/edit/",
    }
    print(
        f"{ArticlePage.objects.count():,} articles, {Comment.objects.count():,} comments"
    )
    print("| admin page | best ms | median ms | SQL |\n|---|---:|---:|---:|")
    for name, url in pages.items():
        client.get(url)
        times = []
        for _ in range(5):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                print(name, response.status_code, file=sys.stderr)
        print(
            f"| {name} | {min(times):.0f} | {statistics.median(times):.0f} | {len(queries)} |"
        )


if __name__ == "__main__":
    main()
