"""Periodic jobs, registered by the apps that own them (#13).

An app registers its housekeeping in ``AppConfig.ready()``, as Wagtail apps
register settings or hooks; the server's scheduler thread (nashra.server)
runs whatever is registered every NASHRA_SCHEDULER_INTERVAL seconds, with no
list of jobs of its own. ``once_per_interval`` jobs run in one process per
interval when several share a cache (the scheduler's lock); the others guard
themselves and run in every scheduler.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Job:
    name: str
    run: object
    once_per_interval: bool = True


_jobs = {}


def register(name, run, *, once_per_interval=True):
    """Run ``run()`` every scheduler interval; registering a name again
    replaces its job (ready() may run more than once in tests)."""
    _jobs[name] = Job(name, run, once_per_interval)


def registered():
    """The jobs in the order their apps registered them."""
    return list(_jobs.values())
