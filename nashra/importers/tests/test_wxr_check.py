"""The bare parse that checks an export before the import writes (#21):
the reader's refusals, word for word, without building an element."""

import io

import pytest

from nashra.importers.wxr import WXRError, check, check_export, read_export

from .fixtures import item, wxr
from .test_wxr_bad_input import BILLION_LAUGHS, EXTERNAL_ENTITY

WHOLE = wxr(item(1) + item(2))
REFUSED = {
    "empty": b"",
    "png": b"\x89PNG\r\n\x1a\n",
    "arabic text": "مرحبا، هذا ليس ملف تصدير".encode(),
    "html root": b"<html><body>hi</body></html>",
    "billion laughs": BILLION_LAUGHS,
    "external entity": EXTERNAL_ENTITY,
    "truncated": WHOLE[: WHOLE.rindex(b"<item>") + 60],
    "bad utf-8": WHOLE.replace(b"</title>", b"\xff</title>", 1),
    "bad markup": WHOLE.replace(b"</title>", b"</titel>", 1),
    "undefined entity": WHOLE.replace(b"</title>", b"&nbsp;</title>", 1),
}


def reader_reason(data: bytes) -> str:
    with pytest.raises(WXRError) as caught:
        list(read_export(io.BytesIO(data)))
    return caught.value.reason


@pytest.mark.parametrize("data", REFUSED.values(), ids=REFUSED.keys())
def test_the_check_refuses_as_the_reader_does(data):
    with pytest.raises(WXRError) as caught:
        check_export(io.BytesIO(data))
    assert caught.value.reason == reader_reason(data)


def test_a_whole_export_passes_and_its_file_is_left_where_it_was(tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes(b"\n\n  " + WHOLE)  # blank lines a theme printed first
    assert check_export(path) is None
    handle = io.BytesIO(WHOLE)
    check_export(handle)
    assert handle.tell() == 0


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(WXRError, match="cannot open export"):
        check_export(tmp_path / "none.xml")


def test_an_export_read_in_chunks_keeps_its_line_numbers(monkeypatch):
    """The check reads a chunk at a time; an error past the first chunk
    still names its line."""
    monkeypatch.setattr(check, "CHUNK", 100)
    data = wxr("".join(item(n) for n in range(1, 40)) + "<item><title>x</titel></item>")
    with pytest.raises(WXRError) as caught:
        check_export(io.BytesIO(data))
    assert caught.value.reason == reader_reason(data)
    assert caught.value.line == data.count(b"\n", 0, data.rindex(b"</titel>")) + 1
