"""How soon an article published on one node is fresh on the other (#16).

    .venv/bin/python bench/cluster_freshness.py [--publishes 20]

Two `nashra serve --production` nodes behind nginx on one PostgreSQL
database and one Redis (nashra/server/loopback/cluster.py: a database of
its own on the local server, dropped at the end), Varnish in front of nginx
with the nodes banning it (NASHRA_VARNISH_URLS). A long-running `nashra
shell` with node A's settings publishes a new headline, one at a time, and
prints when each publish had committed; node B and Varnish are polled every
5 ms until they show it. Reports p50/p95/max seconds to fresh.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")

from nashra.server.loopback import free_port, nodes  # noqa: E402
from nashra.server.loopback.cluster import two_nodes  # noqa: E402
from nashra.server.loopback.varnish import varnish_in_front_of  # noqa: E402

SEED = """
import json
from nashra.core.tests.factories import build_newspaper
article = build_newspaper(articles_per_section=1)["articles"][0]
print(json.dumps([article.pk, article.url]))
"""

PUBLISHER = """
import sys, time
from nashra.articles.models import ArticlePage
article = ArticlePage.objects.get(pk={pk})
for line in sys.stdin:
    article.title = line.strip()
    article.save_revision().publish()
    print(time.time(), flush=True)
"""


def get(url):
    with urllib.request.urlopen(url, timeout=20) as answer:  # noqa: S310  (loopback)
        return answer.read().decode()


def first_seen(url, title, found, errors):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            page = get(url)
        except OSError as error:
            errors.append(f"{url}: {error}")  # counted and reported; the poll goes on
            time.sleep(0.05)
            continue
        if title in page:
            found.append(time.time())
            return
        time.sleep(0.005)


def committed_at(publisher):
    """The publisher's next timestamp (the shell prints a line of its own first)."""
    while line := publisher.stdout.readline():
        try:
            return float(line)
        except ValueError:
            continue
    raise SystemExit("the publisher stopped")


def percentiles(name, delays):
    delays = sorted(delays)
    p95 = delays[max(0, int(len(delays) * 0.95) - 1)]
    print(
        f"{name}: {len(delays)} publishes, p50 {statistics.median(delays):.3f} s, "
        f"p95 {p95:.3f} s, max {delays[-1]:.3f} s",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishes", type=int, default=20)
    args = parser.parse_args()
    nginx_port = free_port()
    with (
        varnish_in_front_of(f"http://127.0.0.1:{nginx_port}") as (front, _work),
        two_nodes(
            seed=SEED, nginx_port=nginx_port, NASHRA_VARNISH_URLS=front
        ) as cluster,
    ):
        pk, path = json.loads(cluster.seeded.strip().splitlines()[-1])
        node_b = cluster.nodes[1].url + path
        publisher = subprocess.Popen(
            [*nodes.NASHRA, "shell", "-c", PUBLISHER.format(pk=pk)],
            cwd=nodes.ROOT, env=cluster.node_env("a"), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        delays = {"node B": [], "Varnish in front": []}
        errors, missed = [], dict.fromkeys(delays, 0)
        try:
            for _ in range(args.publishes):
                get(node_b), get(front + path)  # both hold the old page
                title = f"عنوان {uuid.uuid4().hex[:8]}"
                found = {name: [] for name in delays}
                watchers = [
                    threading.Thread(
                        target=first_seen, args=(url, title, found[name], errors)
                    )
                    for name, url in (
                        ("node B", node_b),
                        ("Varnish in front", front + path),
                    )
                ]
                for watcher in watchers:
                    watcher.start()
                publisher.stdin.write(title + "\n")
                publisher.stdin.flush()
                committed = committed_at(publisher)
                for watcher in watchers:
                    watcher.join()
                for name in delays:
                    if not found[name]:
                        missed[name] += 1
                        print(f"{name}: {title} not seen within 30 s", flush=True)
                        continue
                    delays[name].append(max(0.0, found[name][0] - committed))
        finally:
            publisher.stdin.close()
            publisher.wait(timeout=30)
        for name, values in delays.items():
            if values:
                percentiles(name, values)
            print(f"{name}: never fresh within 30 s: {missed[name]}", flush=True)
        print(
            f"failed polls (connection errors): {len(errors)}", errors[:3], flush=True
        )
    print(f"load average {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
