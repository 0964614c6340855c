"""PostgreSQL on loopback: a primary and its streaming replica, or a
database of one's own on a running server (#16).

The pair lives in a folder on free ports: initdb, then pg_basebackup -R
from the primary, as an operator sets up a replica. The server refuses to
run as root, so as root the clusters run as the ``postgres`` user. Stopped
(immediately) when the block ends.
"""

import contextlib
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from . import Unavailable, free_port


def bin_dir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def server_user():
    """Whom to run the server as: None, or ``postgres`` when we are root."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable(
            "running as root with no postgres user to run a server as"
        ) from None
    return "postgres"


class Pair:
    def __init__(self, folder, bin_dir, user):
        self.folder, self.bin_dir, self.user = folder, bin_dir, user
        self.primary_port, self.replica_port = free_port(), free_port()

    def run(self, tool, *args):
        command = [str(self.bin_dir / tool), *map(str, args)]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def url(self, port):
        return f"postgres://postgres@127.0.0.1:{port}/postgres"

    def start(self, name, port):
        self.run("pg_ctl", "-D", self.folder / name, "-w", "-t", "60",
                 "-o", f"-p {port} -k {self.folder}", "-l",
                 self.folder / f"{name}.log", "start")  # fmt: skip

    def stop(self, name):
        with contextlib.suppress(subprocess.CalledProcessError):
            self.run("pg_ctl", "-D", self.folder / name, "-m", "immediate", "stop")

    def set_up(self):
        primary = self.folder / "primary"
        self.run(
            "initdb", "-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8"
        )
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(
                "listen_addresses = '127.0.0.1'\nwal_level = replica\n"
                "max_wal_senders = 4\nfsync = off\nsynchronous_commit = off\n"
                "full_page_writes = off\n"
            )
        with open(primary / "pg_hba.conf", "a") as hba:
            hba.write("host replication all 127.0.0.1/32 trust\n")
        self.start("primary", self.primary_port)
        self.run("pg_basebackup", "-h", "127.0.0.1", "-p", self.primary_port,
                 "-U", "postgres", "-D", self.folder / "replica", "-R", "-X", "stream")  # fmt: skip
        self.start("replica", self.replica_port)


@contextlib.contextmanager
def postgres_pair():
    programs = bin_dir()
    if programs is None:
        raise Unavailable("PostgreSQL's server programs are not installed")
    user = server_user()
    folder = Path(tempfile.mkdtemp(prefix="nashra-pg-pair-"))
    if user:
        shutil.chown(folder, user)
    pair = Pair(folder, programs, user)
    try:
        pair.set_up()
        yield pair
    finally:
        pair.stop("replica")
        pair.stop("primary")
        time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def own_database(server_url, name):
    """A database ``name`` created on the running server at ``server_url``
    (any database URL on it) and dropped when the block ends; yields its URL."""
    import psycopg

    base, _, _ = server_url.rpartition("/")
    admin = f"{base}/postgres"
    try:
        connection = psycopg.connect(admin, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        raise Unavailable(f"no PostgreSQL server at {admin}: {error}") from error
    with connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
