"""Two `nashra serve --production` nodes behind nginx on one database (#16).

The set-up of the node-kill test and the cross-node freshness bench: a
database of its own on a running PostgreSQL server (created, migrated and
dropped here), a redis-server of its own, one SECRET_KEY (a form token
issued by one node is spent on the other), and nginx configured from
docs/nginx.conf with both nodes in its upstream.
"""

import contextlib
import os
import secrets
import shutil
import tempfile
import uuid
from pathlib import Path

from . import free_port, nodes
from .nginx import nginx_in_front_of
from .postgres import own_database
from .redis import redis_server

DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
MIGRATE = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
"""


def postgres_server():
    """The running PostgreSQL to make the database on: DATABASE_URL's when
    it names one, else the local server on 5432."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else DEFAULT_SERVER


class Cluster:
    def __init__(self, folder, env):
        self.folder, self.env = folder, env
        self.nodes, self.url, self.database_url, self.seeded = [], None, None, ""

    def node_env(self, name):
        return dict(self.env, NASHRA_VAR_DIR=str(self.folder / name))

    def shell(self, code, node="a"):
        """Run ``code`` in `nashra shell` as node ``node`` would."""
        return nodes.nashra(self.node_env(node), "shell", "-c", code)


@contextlib.contextmanager
def two_nodes(seed="", workers=2, threads=4, nginx_port=None, **settings):
    """Yields a Cluster once both nodes and nginx answer; ``seed`` is Python
    run in `nashra shell` after migrate (its output in .seeded); ``settings``
    are more environment variables for the nodes."""
    folder = Path(tempfile.mkdtemp(prefix="nashra-cluster-"))
    name = f"nashra_cluster_{uuid.uuid4().hex[:8]}"
    started = []
    try:
        with (
            own_database(postgres_server(), name) as database_url,
            redis_server() as redis_url,
        ):
            env = nodes.environment(
                DATABASE_URL=database_url, REDIS_URL=redis_url,
                SECRET_KEY=secrets.token_urlsafe(50), NASHRA_WORKERS=workers,
                NASHRA_THREADS=threads, **settings,
            )  # fmt: skip
            cluster = Cluster(folder, env)
            cluster.database_url = database_url
            nodes.nashra(cluster.node_env("a"), "migrate", "--noinput", "-v0")
            if seed:
                cluster.seeded = cluster.shell(seed)
            for name in ("a", "b"):
                log = open(folder / f"{name}.log", "wb")  # the node keeps a copy
                started.append(
                    nodes.start(cluster.node_env(name), free_port(), log=log)
                )
                log.close()
            cluster.nodes = started
            upstream = [node.url.removeprefix("http://") for node in started]
            with nginx_in_front_of(upstream, port=nginx_port) as url:
                cluster.url = url
                yield cluster
                for node in started:
                    nodes.kill(node)
    finally:
        for node in started:
            nodes.kill(node)
        shutil.rmtree(folder, ignore_errors=True)
