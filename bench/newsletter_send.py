"""An edition to 100,000 readers through a local SMTP server (#19).

    .venv/bin/python bench/newsletter_send.py [--readers 100000] [--batch 500]
        [--var-dir DIR]

Makes (or reuses) a SQLite site in DIR (default: a temporary directory;
`nashra migrate` on the first run), writes the readers, starts an aiosmtpd
sink on loopback (its own process: it counts messages and distinct
recipients) and one `nashra worker`, then starts the edition and watches
the ledger. Prints messages per second, the worker's resident memory every
10 % of the way (flat means the send does not grow with the list), and
whether any reader got the edition twice.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SINK = """
import asyncio, json, signal, sys
from aiosmtpd.controller import Controller
class Sink:
    count = 0
    seen = set()
    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        self.seen.update(envelope.rcpt_tos)
        return "250 OK"
sink = Sink()
controller = Controller(sink, hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
def done(*_):
    controller.stop()
    json.dump({"messages": sink.count, "recipients": len(sink.seen)},
              open(sys.argv[2], "w"))
    sys.exit(0)
signal.signal(signal.SIGTERM, done)
signal.pause()
"""

READERS = """
from django.utils import timezone
from nashra.newsletters.models import NewsletterList, Subscriber, Subscription
lst = NewsletterList.objects.create(name="نشرة الصباح", kind="digest")
now = timezone.now()
for start in range(0, {readers}, 5000):
    made = Subscriber.objects.bulk_create(
        [Subscriber(email=f"reader{{i}}.{run}@example.com", confirmed_at=now)
         for i in range(start, min(start + 5000, {readers}))])
    made = Subscriber.objects.filter(email__in=[s.email for s in made])
    Subscription.objects.bulk_create(
        [Subscription(subscriber=s, newsletter=lst, confirmed_at=now) for s in made])
print(lst.pk)
"""

START = """
from nashra.newsletters.models import Edition, NewsletterList
from nashra.newsletters.sending import start
lst = NewsletterList.objects.get(pk={list_id})
note = "صباح الخير. هذه نشرة الصباح من غرفة الأخبار، مع أهم قصص اليوم. " * 6
edition = Edition.objects.create(newsletter=lst, subject="نشرة الصباح", note=note)
start(edition)
print(edition.pk)
"""


def nashra(env, *args):
    done = subprocess.run(
        [sys.executable, "-m", "nashra.cli", *args], cwd=ROOT, env=env,
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def ledger(db):
    import sqlite3

    with sqlite3.connect(db, timeout=30) as connection:
        latest = connection.execute(
            "SELECT id, status FROM newsletters_edition ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if latest is None:
            return 0, None
        sent = connection.execute(
            "SELECT count(*) FROM newsletters_delivery"
            " WHERE edition_id = ? AND sent_at IS NOT NULL",
            (latest[0],),
        ).fetchone()[0]
    return sent, latest[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--var-dir", default="")
    options = parser.parse_args()
    var_dir = Path(options.var_dir or tempfile.mkdtemp(prefix="nashra-newsletter-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = {
        k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        NASHRA_VAR_DIR=str(var_dir), EMAIL_URL=f"smtp://127.0.0.1:{port}",
        NASHRA_NEWSLETTER_BATCH=str(options.batch), NASHRA_TASK_POLL_INTERVAL="0.2",
    )  # fmt: skip
    db = var_dir / "db.sqlite3"
    if not db.exists():
        print("migrating", var_dir, flush=True)
        nashra(env, "migrate", "--no-input")
    list_id = nashra(
        env,
        "shell",
        "-c",
        READERS.format(readers=options.readers, run=int(time.time())),
    )
    report = var_dir / "sink.json"
    sink = subprocess.Popen([sys.executable, "-c", SINK, str(port), str(report)])
    worker = subprocess.Popen(
        [sys.executable, "-m", "nashra.cli", "worker"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(2)
        began = time.monotonic()
        nashra(env, "shell", "-c", START.format(list_id=list_id))
        memory, step = [], options.readers // 10
        while True:
            sent, status = ledger(db)
            if sent >= len(memory) * step:
                memory.append(round(rss_mb(worker.pid)))
            if status == "sent":
                break
            if worker.poll() is not None:
                raise SystemExit("the worker stopped")
            time.sleep(0.5)
        seconds = time.monotonic() - began
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(30)
        sink.send_signal(signal.SIGTERM)
        sink.wait(30)
    counted = json.loads(report.read_text())
    print(f"{sent} messages in {seconds:.1f} s: {sent / seconds:.0f} messages/s")
    print(f"worker RSS MB at each 10 %: {memory}")
    print(f"sink: {counted['messages']} messages, {counted['recipients']} recipients")
    print(f"load: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
