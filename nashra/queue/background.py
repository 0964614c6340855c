"""Declaring a background job: a django-tasks task with a retry policy (#14).

`@background(label=…)` makes a task of the function (Django's tasks API, so
`job.enqueue(...)` queues it on the configured backend) and records how many
attempts it gets and its name in the admin's job list. Tasks declared
elsewhere (Wagtail's reference index, modelsearch) get the site's default
number of attempts.
"""

import random
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django_tasks import task

# The back-off never waits longer than this between two attempts.
LONGEST_WAIT = timedelta(hours=1)


@dataclass(frozen=True)
class Policy:
    label: str
    attempts: int | None


_policies = {}


def background(*, label, attempts=None, priority=0):
    """Decorate a module-level function; `attempts` None means the site's default."""

    def wrap(function):
        made = task(priority=priority)(function)
        _policies[made.module_path] = Policy(label, attempts)
        return made

    return wrap


def attempts_for(task_path):
    policy = _policies.get(task_path)
    if policy is not None and policy.attempts is not None:
        return policy.attempts
    return settings.TASK_ATTEMPTS


def label_for(task_path):
    policy = _policies.get(task_path)
    return policy.label if policy else task_path.rsplit(".", 1)[-1]


def backoff(attempt):
    """The wait before attempt `attempt + 1`: doubling from TASK_BACKOFF
    seconds, up to an hour, with up to a tenth more at random so jobs that
    failed together (a mail server outage) do not all come back at once."""
    wait = timedelta(seconds=settings.TASK_BACKOFF * 2 ** (attempt - 1))
    wait = min(wait, LONGEST_WAIT)
    return wait * (1 + random.random() / 10)  # noqa: S311  (jitter, not secrecy)
