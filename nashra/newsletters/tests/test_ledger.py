"""The send ledger resumes a batch that failed half-way without repeats (#19)."""

import smtplib

from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nashra.comments.tests.helpers import newspaper_with_options
from nashra.newsletters.models import Batch, Delivery, Edition, Status
from nashra.newsletters.sending import start
from nashra.newsletters.tests.helpers import confirmed, make_lists
from nashra.queue.tests.base import IN_DATABASE, READY, run_due, statuses
from nashra.queue.tests.smtp import LoopbackSMTP


class DropAfter:
    """aiosmtpd handler wrapper: accepts `keep` messages, then says 421
    and hangs up, like a server restarted in the middle of a send."""

    def __init__(self, inbox, keep):
        self.inbox, self.keep = inbox, keep

    async def handle_DATA(self, server, session, envelope):
        if self.keep is not None and len(self.inbox.messages) >= self.keep:
            return "421 closing"
        return await self.inbox.handle_DATA(server, session, envelope)


@IN_DATABASE
@override_settings(NASHRA_NEWSLETTER_BATCH=4, TASK_BACKOFF=3600)
class ResumeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        newspaper_with_options()
        lists = make_lists()
        cls.newsletter = lists["morning"]
        cls.readers = [f"r{i}@example.com" for i in range(10)]
        for email in cls.readers:
            confirmed(email, cls.newsletter)

    def test_a_batch_cut_off_half_way_resumes_where_it_stopped(self):
        edition = Edition.objects.create(newsletter=self.newsletter, subject="عدد")
        smtp = LoopbackSMTP()
        handler = DropAfter(smtp.inbox, keep=6)
        smtp.controller.handler = handler
        with smtp, smtp.settings():
            with self.captureOnCommitCallbacks(execute=True):
                start(edition)
            run_due()
            self.assertEqual(len(smtp.inbox.messages), 6)
            self.assertEqual(Batch.objects.filter(edition=edition).count(), 3)
            self.assertEqual(Delivery.objects.filter(sent_at__isnull=False).count(), 6)
            # The server is back; the retry's wait is over.
            handler.keep = None
            DBTaskResult.objects.filter(status=READY).update(run_after=timezone.now())
            run_due()
            got = sorted(m["To"] for m in smtp.inbox.messages)
        self.assertEqual(got, sorted(self.readers), "each reader exactly once")
        edition.refresh_from_db()
        self.assertEqual(edition.status, Status.SENT)
        self.assertNotIn("FAILED", statuses())

    def test_a_refused_address_is_skipped_not_retried_for_ever(self):
        edition = Edition.objects.create(newsletter=self.newsletter, subject="عدد")
        with LoopbackSMTP() as smtp, smtp.settings():
            original = smtplib.SMTP.sendmail

            def refuse(self, from_addr, to_addrs, msg, *args, **kwargs):
                if "r3@" in str(to_addrs):
                    raise smtplib.SMTPRecipientsRefused({to_addrs[0]: (550, b"no")})
                return original(self, from_addr, to_addrs, msg, *args, **kwargs)

            smtplib.SMTP.sendmail = refuse
            try:
                with self.captureOnCommitCallbacks(execute=True):
                    start(edition)
                run_due()
            finally:
                smtplib.SMTP.sendmail = original
            self.assertEqual(len(smtp.inbox.wait_for(9)), 9)
        self.assertEqual(Delivery.objects.filter(skipped=True).count(), 1)
