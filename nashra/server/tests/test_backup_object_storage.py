"""`nashra backup` and `nashra restore` with media on object storage (#16).

The site's originals and renditions live in a SeaweedFS bucket
(nashra/server/loopback/seaweed.py). The backup reads them through the
storage API; the restore writes them into the new install's own, empty
bucket: every object comes back with the same checksum.
"""

import hashlib

import pytest

from nashra.server.loopback.seaweed import environment as s3_environment
from nashra.server.loopback.seaweed import s3_server
from nashra.server.tests.test_backup_round_trip import build_site, fingerprint, nashra
from nashra.server.tests.test_backup_round_trip import environment as site_environment

# Its own servers and database: CI runs it in the first pass only.
pytestmark = pytest.mark.same_on_every_database


def objects(client, bucket):
    """Every object in ``bucket``, by key, as its SHA-256."""
    found = {}
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            body = client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read()
            found[item["Key"]] = hashlib.sha256(body).hexdigest()
    return found


def test_media_in_object_storage_is_backed_up_and_restored(tmp_path, monkeypatch):
    with s3_server("source") as (endpoint, client):
        client.create_bucket(Bucket="restored")
        for name, value in s3_environment(endpoint, "source").items():
            monkeypatch.setenv(name, value)  # build_site's environment copies it
        source_dir = tmp_path / "source" / "var"
        source_dir.parent.mkdir()
        env, archive = build_site(source_dir)
        before = objects(client, "source")
        assert any(key.startswith("original_images/") for key in before)
        assert any(key.startswith("images/") for key in before)  # renditions
        assert not list((source_dir / "media").rglob("*.*"))  # nothing on disk

        restored_env = dict(
            site_environment(tmp_path / "restored"),
            **s3_environment(endpoint, "restored"),
        )
        assert objects(client, "restored") == {}
        nashra(restored_env, "restore", str(archive))
        assert objects(client, "restored") == before
        assert fingerprint(restored_env)["media"] == fingerprint(env)["media"]
