"""The export read and converted in a second process (#21): the same
records and conversions as reading here, and the import never depends on
the child living."""

import subprocess

import pytest

from nashra.importers import readahead
from nashra.importers.convert import convert_content
from nashra.importers.wxr import Item, WXRError, read_export

from .helpers import export_file, item, wxr
from .test_bulk import generated_export

SITE = "http://example.com"
LIMIT = 8 << 20


def here(path, brief=False):
    return list(read_export(path, brief=brief, max_post_bytes=LIMIT))


def expected_conversion(record):
    if isinstance(record, Item) and record.post_type in ("post", "page"):
        return convert_content(record.content, site_url=SITE)
    return None


def test_the_child_yields_the_records_and_conversions_read_here():
    path = generated_export(posts=60)
    pairs = list(readahead.read_ahead(path, max_post_bytes=LIMIT, site_url=SITE))
    records = here(path)
    assert [record for record, _ in pairs] == records
    assert [conversion for _, conversion in pairs] == [
        expected_conversion(record) for record in records
    ]
    assert sum(conversion is not None for _, conversion in pairs) >= 60


def test_brief_records_without_a_site_come_unconverted():
    path = generated_export(posts=10)
    pairs = list(readahead.read_ahead(path, brief=True, max_post_bytes=LIMIT))
    assert [record for record, _ in pairs] == here(path, brief=True)
    assert all(conversion is None for _, conversion in pairs)


def test_a_refused_file_is_refused_in_the_same_words_after_its_whole_records():
    data = wxr(item(1) + item(2) + item(3))
    cut = export_file(data[: data.rindex(b"<item>") + 40])
    got = []
    with pytest.raises(WXRError) as caught:
        for record, _ in readahead.read_ahead(cut, max_post_bytes=LIMIT):
            got.append(record)
    with pytest.raises(WXRError) as direct:
        here(cut)
    assert caught.value.reason == direct.value.reason
    assert caught.value.line == direct.value.line
    assert [r.wp_id for r in got if isinstance(r, Item)] == [1, 2]


def test_a_child_killed_half_way_is_read_on_here(monkeypatch):
    started = []
    real = subprocess.Popen

    def popen(*args, **kwargs):
        started.append(real(*args, **kwargs))
        return started[-1]

    monkeypatch.setattr(readahead.subprocess, "Popen", popen)
    path = generated_export(posts=200)
    pairs = readahead.read_ahead(path, max_post_bytes=LIMIT, site_url=SITE)
    got = [next(pairs) for _ in range(5)]
    started[0].kill()
    got += list(pairs)
    assert [record for record, _ in got] == here(path)


def test_a_child_that_cannot_start_leaves_the_reading_here(monkeypatch):
    def popen(*args, **kwargs):
        raise OSError("no processes left")

    monkeypatch.setattr(readahead.subprocess, "Popen", popen)
    path = generated_export(posts=5)
    pairs = list(readahead.read_ahead(path, max_post_bytes=LIMIT, site_url=SITE))
    assert [record for record, _ in pairs] == here(path)
    assert all(conversion is None for _, conversion in pairs)


def test_a_post_the_child_cannot_convert_is_left_to_the_importer(monkeypatch):
    def broken(raw, *, site_url):
        raise ValueError("unconvertible")

    monkeypatch.setattr(readahead, "convert_content", broken)
    record = here(generated_export(posts=1))[-1]
    assert readahead._convert(record, SITE) is None
