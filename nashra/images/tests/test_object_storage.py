"""Media on S3-compatible object storage, against a real S3 server (#16).

SeaweedFS runs on loopback for the module (nashra/server/loopback/seaweed.py). Originals,
renditions, deletions and the WordPress importer's attachments all go
through Django's storage API, so every node of a cluster sees the same
files; readers get the public address, never a signed one.
"""

import urllib.request
from pathlib import Path

import pytest
from django.test import override_settings

from nashra.images import renditions
from nashra.images.factories import create_image, jpeg_bytes
from nashra.images.models import NewsImage
from nashra.importers.tests.helpers import run_import, wxr
from nashra.importers.tests.media_server import PHOTO, MediaServer
from nashra.importers.tests.test_media import attachment
from nashra.importers.tests.test_media_fetch import HOST, export_on
from nashra.importers.tests.test_media_fetch import attachment as fetched_attachment
from nashra.server.loopback.seaweed import s3_server, storages_for

BUCKET = "media"
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3():
    with s3_server(BUCKET) as server:
        yield server


@pytest.fixture
def bucket(s3):
    """The media storage on the test server, emptied after each test."""
    endpoint, client = s3
    public = f"{endpoint}/{BUCKET}"
    with override_settings(STORAGES=storages_for(endpoint, BUCKET, public)):
        yield client, public
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    for entry in listed:
        client.delete_object(Bucket=BUCKET, Key=entry["Key"])


def keys(client):
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {entry["Key"] for entry in listed}


def test_originals_and_renditions_are_objects_in_the_bucket(
    bucket, django_capture_on_commit_callbacks
):
    client, public = bucket
    with django_capture_on_commit_callbacks(execute=True):
        image = create_image("صورة الخبر", data=jpeg_bytes(1600, 900))
    stored = keys(client)
    assert image.file.name in stored
    made = list(image.renditions.all())
    # The sizes every page asks for were made on save, into the bucket.
    assert {r.filter_spec for r in made} == set(renditions.EVERY)
    assert {r.file.name for r in made} <= stored
    rendition = made[0]
    assert rendition.url == f"{public}/{rendition.file.name}"
    with urllib.request.urlopen(rendition.url) as response:  # noqa: S310
        assert response.read() == rendition.file.open("rb").read()
        assert response.headers["Cache-Control"] == "public, max-age=31536000"


def test_a_deleted_image_leaves_nothing_in_the_bucket(
    bucket, django_capture_on_commit_callbacks
):
    client, _public = bucket
    with django_capture_on_commit_callbacks(execute=True):
        image = create_image("صورة", data=jpeg_bytes(800, 450))
    assert keys(client)
    with django_capture_on_commit_callbacks(execute=True):
        NewsImage.objects.get(pk=image.pk).delete()
    assert keys(client) == set()


def test_the_same_name_twice_never_replaces_the_first_picture(bucket):
    client, _public = bucket
    first = create_image("أولى", data=jpeg_bytes(64, 36), filename="lead.jpg")
    second = create_image("ثانية", data=jpeg_bytes(80, 45), filename="lead.jpg")
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= keys(client)


def test_imported_attachments_are_stored_in_the_bucket(bucket, tmp_path):
    client, _public = bucket
    uploads = Path(tmp_path)
    (uploads / "2024" / "03").mkdir(parents=True)
    (uploads / "2024" / "03" / "souq.jpg").write_bytes(jpeg_bytes())
    report = run_import(wxr(attachment(50, "2024/03/souq.jpg")), uploads=uploads)
    assert report.counts["attachments"]["created"] == 1
    image = NewsImage.objects.get()
    assert image.file.name in keys(client)
    assert image.file.read() == jpeg_bytes()


@override_settings(WAGTAILIMAGES_EXTENSIONS=["jpg", "png"])
def test_attachments_fetched_with_fetch_media_are_stored_in_the_bucket(bucket):
    """`import-wordpress --fetch-media` downloads from the old site and saves
    through the storage API, straight into the bucket."""
    client, _public = bucket
    with MediaServer() as server:
        data = export_on(
            server, fetched_attachment(60, server.url("/wp-content/uploads/photo.jpg"))
        )
        report = run_import(data, fetch_media=True, allow_internal_hosts=[HOST])
    assert report.counts["attachments"]["created"] == 1, report.problems
    image = NewsImage.objects.get()
    assert image.file.name in keys(client)
    assert image.file.read() == PHOTO
