"""`nashra worker` runs the queue on its own (#14)."""

from io import StringIO
from unittest import mock

from django.core import mail
from django.core.mail import send_mail
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from nashra.queue.tests.base import IN_DATABASE, SUCCESSFUL, statuses
from nashra.queue.tests.test_mail import QUEUED

DB_WORKER = "django_tasks_db.management.commands.db_worker"


class WorkerCommandTests(TestCase):
    @IN_DATABASE
    @QUEUED
    def test_batch_runs_what_is_due_and_exits(self):
        send_mail("س", "ن", None, ["a@example.org"])
        send_mail("س", "ن", None, ["b@example.org"])
        out = StringIO()
        # The worker drops connections left in a transaction, as a TestCase's is.
        with mock.patch(f"{DB_WORKER}.close_old_connections"):
            call_command("worker", batch=True, stdout=out)
        self.assertIn("Nashra worker", out.getvalue())
        self.assertEqual(statuses(), [SUCCESSFUL, SUCCESSFUL])
        self.assertEqual(len(mail.outbox), 2)

    @override_settings(
        TASKS={
            "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        }
    )
    def test_refuses_a_queue_that_is_not_in_the_database(self):
        with self.assertRaises(CommandError) as refused:
            call_command("worker", batch=True, stdout=StringIO())
        self.assertEqual(refused.exception.returncode, 2)
        self.assertIn("قائمة المهام ليست في قاعدة البيانات", str(refused.exception))

    @IN_DATABASE
    def test_refuses_a_negative_interval(self):
        with self.assertRaises(CommandError) as refused:
            call_command("worker", interval=-1, stdout=StringIO())
        self.assertIn("--interval", str(refused.exception))
