"""The import report's shape and the progress line (pure)."""

import io
import json

import pytest

from nashra.importers.comments import parents_first
from nashra.importers.progress import Progress
from nashra.importers.report import KINDS, OUTCOMES, Report
from nashra.importers.wxr import Comment


def test_report_json_has_every_bucket_and_keeps_arabic_readable():
    report = Report()
    report.count("posts", "created", 3)
    report.problem(12, "slug", "الاسم مستخدم")
    data = json.loads(report.to_json())
    assert set(data) == {*KINDS, "problems"}
    assert all(set(data[kind]) == set(OUTCOMES) for kind in KINDS)
    assert data["posts"]["created"] == 3
    assert data["problems"] == [
        {"item": "12", "kind": "slug", "reason": "الاسم مستخدم"}
    ]
    assert "الاسم" in report.to_json()


def test_unknown_outcome_is_a_programming_error():
    with pytest.raises(ValueError):
        Report().count("posts", "imported")


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_plain_progress_lines_off_a_terminal_with_rate_and_eta():
    """Logs and CI get whole lines, not carriage returns."""
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(stream, "posts", total=100, clock=clock)
    clock.now = 10.0
    progress.advance(50)
    progress.finish()
    lines = stream.getvalue().splitlines()
    assert "\r" not in stream.getvalue()
    assert lines[0].startswith("posts [##########")
    assert "50/100" in lines[0] and "5/s" in lines[0] and "ETA 0:10" in lines[0]


def comment(wp_id, parent):
    return Comment(wp_id=wp_id, parent_id=parent, author="قارئ", email="", url="",
                   ip="", date_gmt=None, content="", approved="1", type="")  # fmt: skip


def test_replies_come_after_their_parents_even_when_written_before():
    ordered = parents_first([comment(3, 2), comment(2, 1), comment(1, 0)])
    assert [c.wp_id for c in ordered] == [1, 2, 3]


def test_a_reply_loop_does_not_hang():
    ordered = parents_first([comment(1, 2), comment(2, 1)])
    assert sorted(c.wp_id for c in ordered) == [1, 2]
