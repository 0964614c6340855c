"""A worker killed mid-send loses no reader and repeats none (#19).

A real worker process sends an edition to 120 readers through a real SMTP
server on loopback. The server holds the 41st message unanswered, the test
SIGKILLs the worker there (its batch job still RUNNING, the ledger saying
40 sent), and a second worker, seeing the first one's heartbeat stop, runs
the job again from the ledger.
"""

import asyncio
import os
import signal
import threading

import pytest
from aiosmtpd.controller import Controller

from nashra.queue.tests.processes import (
    nashra,
    query,
    site_env,
    start,
    stop,
    wait_until,
)
from nashra.queue.tests.smtp import Inbox, free_port

pytestmark = pytest.mark.same_on_every_database

READERS = 120
HOLD_AT = 40

SET_UP = f"""
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from nashra.core.models import Mark
from nashra.queue.models import QueueWorker
from nashra.newsletters import models as m
tables = (DBTaskResult, QueueWorker, Mark, m.NewsletterList, m.Subscriber,
          m.Subscription, m.Edition, m.EditionStory, m.Batch, m.Delivery)
# Stand-ins for the page tables the lists and editions point at (a full
# migrate takes a minute); these test editions name no article or section.
with connection.cursor() as cursor:
    for table in ("sections_sectionpage", "articles_articlepage"):
        cursor.execute(f"CREATE TABLE {{table}} (page_ptr_id integer PRIMARY KEY)")
with connection.schema_editor() as editor:
    for model in tables:
        editor.create_model(model)
now = timezone.now()
lst = m.NewsletterList.objects.create(name="نشرة", kind="digest")
for i in range({READERS}):
    s = m.Subscriber.objects.create(email=f"r{{i}}@example.com", confirmed_at=now)
    m.Subscription.objects.create(subscriber=s, newsletter=lst, confirmed_at=now)
from nashra.newsletters.sending import start
start(m.Edition.objects.create(newsletter=lst, subject="عدد"))
"""


class HoldingInbox(Inbox):
    """Keeps HOLD_AT messages, then holds the next one unanswered until
    released; the held one is never kept (the server never said 250)."""

    def __init__(self):
        super().__init__()
        self.holding = threading.Event()
        self.release = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        if len(self.messages) == HOLD_AT and not self.release.is_set():
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.05)
            return "451 try again later"
        return await super().handle_DATA(server, session, envelope)


def test_a_send_killed_half_way_is_finished_without_repeats(tmp_path):
    inbox = HoldingInbox()
    port = free_port()
    smtp = Controller(inbox, hostname="127.0.0.1", port=port)
    smtp.start()
    env = site_env(
        tmp_path, EMAIL_URL=f"smtp://127.0.0.1:{port}", NASHRA_NEWSLETTER_BATCH="50"
    )
    first = second = None
    try:
        nashra("shell", "-c", SET_UP, env=env)
        first = start("worker", env=env)
        wait_until(inbox.holding.is_set, 90, "the send never reached the hold")
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(10)
        inbox.release.set()
        sent = query(tmp_path, "SELECT count(*) FROM newsletters_delivery "
                     "WHERE sent_at IS NOT NULL")  # fmt: skip
        assert sent == [(HOLD_AT,)], "the ledger says what the server accepted"
        second = start("worker", env=env)
        wait_until(
            lambda: query(tmp_path, "SELECT status FROM newsletters_edition")
            == [("sent",)], 90, "the second worker never finished the edition",
        )  # fmt: skip
    finally:
        for process in (first, second):
            if process is not None:
                stop(process)
        smtp.stop()
    got = [message["To"] for message in inbox.messages]
    assert len(got) == READERS, "nobody lost, nobody twice"
    assert sorted(got) == sorted(f"r{i}@example.com" for i in range(READERS))
