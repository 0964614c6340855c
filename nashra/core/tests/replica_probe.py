"""Run by test_replicas.py in a process of its own, whose settings name the
test's primary and replica: which database each kind of request reads."""

import json
import sys
import time
from collections import Counter

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402

from nashra.core.invalidate import bump_now  # noqa: E402
from nashra.core.tests.factories import build_newspaper  # noqa: E402

counts = Counter()


def counting(alias):
    def wrapper(execute, sql, params, many, context):
        counts[alias] += 1
        return execute(sql, params, many, context)

    return wrapper


def queries_of(fetch):
    counts.clear()
    wrappers = [connections[a].execute_wrapper(counting(a)) for a in connections]
    for wrapper in wrappers:
        wrapper.__enter__()
    try:
        status = fetch().status_code
    finally:
        for wrapper in wrappers:
            wrapper.__exit__(None, None, None)
    return {"status": status, **counts}


def wait_for_replica(title, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with connections["replica1"].cursor() as cursor:
            cursor.execute("SELECT count(*) FROM wagtailcore_page WHERE title = %s",
                           [title])  # fmt: skip
            if cursor.fetchone()[0]:
                return
        time.sleep(0.1)
    raise SystemExit("the replica never caught up")


settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
call_command("migrate", verbosity=0)
paper = build_newspaper(articles_per_section=1)
article = paper["articles"][0]
wait_for_replica(article.title)
# A process that has just started reads from the primary until it has seen
# the invalidation clock stand still for the lag allowance.
Client().get(article.url)
time.sleep(3.2)
results = {}
reader = Client()
results["reader"] = queries_of(lambda: reader.get(article.url))
editor = get_user_model().objects.create_superuser("chief", "c@news.example", "x")
staff = Client()
staff.force_login(editor)
results["staff"] = queries_of(lambda: staff.get(article.url))
writer = Client()
results["post"] = queries_of(lambda: writer.post("/search/", {"q": "x"}))
results["after_post"] = queries_of(lambda: writer.get(article.url))
bump_now({"page:1"})
results["just_after_a_publish"] = queries_of(lambda: Client().get(article.url))
time.sleep(3.2)
results["settled"] = queries_of(lambda: Client().get(article.url))
sys.stdout.write(json.dumps(results) + "\n")
sys.stdout.flush()
# The replica is stopped now; readers must still be served.
sys.stdin.readline()
results = {"replica_down": queries_of(lambda: Client().get(article.url))}
results["replica_down_again"] = queries_of(lambda: Client().get(paper["world"].url))
sys.stdout.write(json.dumps(results) + "\n")
