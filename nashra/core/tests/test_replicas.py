"""Readers read from a real streaming replica; writers and staff never do (#16).

The test makes its own primary and replica (nashra/server/loopback/postgres.py) and runs
replica_probe.py against them in a process of its own, with
DATABASE_URL and DATABASE_REPLICA_URLS set as an operator would.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from nashra.core.replicas import ReplicaRouter
from nashra.server.loopback.postgres import postgres_pair

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    with postgres_pair() as pair:
        env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DEBUG"}}
        env.update(
            DJANGO_SETTINGS_MODULE="nashra.settings",
            DATABASE_URL=pair.url(pair.primary_port),
            DATABASE_REPLICA_URLS=pair.url(pair.replica_port),
            NASHRA_VAR_DIR=str(tmp_path_factory.mktemp("var")),
            NASHRA_PAGE_CACHE="0",
        )
        process = subprocess.Popen(
            [sys.executable, str(Path(__file__).with_name("replica_probe.py"))],
            env=env, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        try:
            first = json.loads(process.stdout.readline() or "null")
            pair.stop("replica")
            process.stdin.write("go\n")
            process.stdin.flush()
            second = json.loads(process.stdout.readline() or "null")
        finally:
            process.kill()
            process.wait()
        assert first and second, "the probe failed (see its output above)"
        yield {**first, **second}


def test_an_anonymous_readers_page_is_read_from_the_replica(probe):
    seen = probe["reader"]
    assert seen["status"] == 200
    assert seen.get("replica1", 0) > 0 and seen.get("default", 0) == 0


def test_staff_read_from_the_primary(probe):
    seen = probe["staff"]
    assert seen["status"] == 200 and seen.get("replica1", 0) == 0


def test_a_client_that_just_wrote_reads_from_the_primary(probe):
    assert probe["post"].get("replica1", 0) == 0
    seen = probe["after_post"]
    assert seen["status"] == 200 and seen.get("replica1", 0) == 0


def test_right_after_a_publish_readers_read_from_the_primary(probe):
    """A render from a replica still behind would be cached as the new page."""
    assert probe["just_after_a_publish"].get("replica1", 0) == 0
    assert probe["settled"].get("replica1", 0) > 0


def test_a_replica_that_went_away_is_left_for_the_primary(probe):
    for kind in ("replica_down", "replica_down_again"):
        seen = probe[kind]
        assert seen["status"] == 200, kind
        assert seen.get("default", 0) > 0, kind


def test_writes_go_to_the_primary_whatever_an_object_was_read_from():
    router = ReplicaRouter()
    assert router.db_for_write(object, instance=object()) == "default"
    assert router.allow_migrate("replica1", "articles") is False
    assert router.allow_migrate("default", "articles") is True
