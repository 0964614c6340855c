"""Readiness checks, registered by the apps that own what they check (#17).

``/readyz`` (nashra.server.health) runs every registered check; an app with
something a site cannot serve without (a task queue) registers one in its
``AppConfig.ready()``, as periodic jobs are registered (core/jobs.py).
A check returns a short detail for the operator, or raises NotReady.
"""

from dataclasses import dataclass


class NotReady(Exception):
    """What is wrong, in a few words for the operator."""


@dataclass(frozen=True)
class Check:
    name: str
    run: object
    # False: reported, but the site still serves without it (the cache).
    required: bool = True


_checks = {}


def register(name, run, *, required=True):
    _checks[name] = Check(name, run, required)


def registered():
    return list(_checks.values())
