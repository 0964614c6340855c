"""The reindex progress line: what an operator reads in a terminal or a log (#5)."""

import io

import pytest

from nashra.search.progress import ProgressBar, _duration


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_durations_read_as_hours_minutes_seconds():
    assert _duration(0) == "0:00:00"
    assert _duration(59.9) == "0:00:59"
    assert _duration(3661) == "1:01:01"
    assert _duration(100 * 3600) == "100:00:00"


def test_the_line_gives_counts_rate_and_time_left():
    clock = Clock()
    bar = ProgressBar(1000, io.StringIO(), clock=clock)
    clock.now += 10
    line = bar.line(250)
    assert line.startswith("[" + "#" * 7 + "-" * 23 + "]")
    assert "250/1,000" in line and "25%" in line
    assert "25 articles/s" in line and "0:00:30 left" in line


def test_a_log_gets_a_line_every_tenth_not_every_article():
    clock = Clock()
    out = io.StringIO()
    bar = ProgressBar(1000, out, clock=clock)
    for done in range(0, 1001, 7):
        clock.now += 0.01
        bar.update(done)
    bar.update(1000)
    bar.finish()
    lines = out.getvalue().splitlines()
    assert 10 <= len(lines) <= 11
    assert "\r" not in out.getvalue()
    assert lines[-1].startswith("[" + "#" * 30 + "]")


def test_a_terminal_redraws_in_place():
    clock = Clock()
    out = Terminal()
    bar = ProgressBar(10, out, clock=clock)
    for done in (1, 1, 2, 10):
        clock.now += 1
        bar.update(done)
    bar.finish()
    text = out.getvalue()
    assert text.count("\r") == 3  # the repeated 1 is not drawn twice
    assert text.endswith("\n")


@pytest.mark.parametrize("total", [0, -5])
def test_an_empty_archive_is_complete_at_once(total):
    out = io.StringIO()
    bar = ProgressBar(total, out, clock=Clock())
    bar.update(0)
    assert "100%" in out.getvalue()
    assert "0/0" in out.getvalue()


def test_no_time_has_passed_is_no_division_by_zero():
    bar = ProgressBar(5, io.StringIO(), clock=Clock())
    assert "0:00:00 left" in bar.line(0)
    assert "articles/s" in bar.line(5)
