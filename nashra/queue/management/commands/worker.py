"""`nashra worker`: run queued jobs in a process of its own (#14).

For sites whose web processes should only serve: run this beside them
(one or more, on any host sharing the database) and set
NASHRA_IN_PROCESS_WORKER=0. SIGTERM or Ctrl+C lets the job in hand finish;
a second one stops it, and it runs again later.
"""

import signal

from django.core.management.base import BaseCommand, CommandError

from nashra.queue.worker import Worker, queue_is_in_database, run_until_stopped


class Command(BaseCommand):
    help = "Run background jobs (e-mail, indexing…) until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Run every job that is due, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=None,
            help="Seconds between looks at an empty queue "
            "(NASHRA_TASK_POLL_INTERVAL, 1 by default).",
        )

    def handle(self, *args, batch, interval, **options):
        if not queue_is_in_database():
            raise CommandError(
                "The task queue is not in the database (TASKS): nothing to run.\n"
                "قائمة المهام ليست في قاعدة البيانات (TASKS): لا شيء لتشغيله.",
                returncode=2,
            )
        if interval is not None and interval < 0:
            raise CommandError(
                "--interval must be zero or more.\n"
                "يجب أن تكون قيمة ‎--interval‎ صفراً أو أكثر.",
                returncode=2,
            )
        worker = Worker(interval=interval, batch=batch)
        self.stdout.write(
            f"Nashra worker {worker.worker_id}: running background jobs.\n"
            "يعمل منفّذ المهام في الخلفية."
        )
        stops = (signal.SIGINT, signal.SIGTERM)
        before = {stop: signal.getsignal(stop) for stop in stops}
        worker.configure_signals()
        try:
            if batch:
                worker.run()
            else:
                run_until_stopped(worker)
        finally:
            # Called from a test or a shell, the caller's handlers come back.
            for stop, handler in before.items():
                signal.signal(stop, handler)
