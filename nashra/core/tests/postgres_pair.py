"""A PostgreSQL primary and its streaming replica, made by the test (#16).

Both clusters live in a temporary folder on free loopback ports: initdb,
then pg_basebackup -R from the primary, as an operator sets up a replica.
The server refuses to run as root, so as root the clusters run as the
``postgres`` user. Stopped (immediately) when the block ends.
"""

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _bin_dir():
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL's server programs are not installed")
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root with no postgres user to run a server as")
        user = "postgres"
    folder = Path(tempfile.mkdtemp(prefix="nashra-pg-pair-"))
    if user:
        shutil.chown(folder, user)
    pair = Pair(folder, bin_dir, user)
    try:
        pair.set_up()
        yield pair
    finally:
        pair.stop("replica")
        pair.stop("primary")
        time.sleep(0.2)
        shutil.rmtree(folder, ignore_errors=True)
