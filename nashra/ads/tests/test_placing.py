"""Where slots go and what their code may load (#20): pure functions."""

from datetime import UTC, datetime, timedelta

import pytest

from nashra.ads import placing

NOW = datetime(2026, 12, 2, 9, 30, tzinfo=UTC)
BODY = (
    "<p>الفقرة الأولى</p><blockquote><p>اقتباس</p></blockquote>"
    "<p>الفقرة الثانية</p><ul><li><p>بند</p></li></ul><p>الفقرة الثالثة</p>"
)


def slot(**values):
    return {"name": "x", "placement": "header", "position": 3, "starts": None,
            "ends": None, "sections": [], **values}  # fmt: skip


@pytest.mark.parametrize(
    ("number", "follows"),
    [(1, "الفقرة الأولى</p>"), (2, "الفقرة الثانية</p>"), (3, "الفقرة الثالثة</p>")],
)
def test_an_ad_follows_the_bodys_own_paragraph_never_one_in_a_quote(number, follows):
    placed = placing.after_paragraph(BODY, number, "<aside>AD</aside>")
    assert follows + "<aside>AD</aside>" in placed
    assert placed.count("AD") == 1


def test_a_short_body_gets_no_ad():
    assert placing.after_paragraph(BODY, 4, "<aside>AD</aside>") == BODY


def test_dates_and_sections_choose_the_slots():
    hour = timedelta(hours=1)
    slots = [
        slot(name="always"),
        slot(name="later", starts=NOW + hour),
        slot(name="over", ends=NOW),
        slot(name="world-only", sections=[7]),
        slot(name="other-place", placement="sidebar"),
        slot(name="running", starts=NOW - hour, ends=NOW + hour),
    ]
    names = [s["name"] for s in placing.choose(slots, "header", NOW, {12, 7})]
    assert names == ["always", "world-only", "running"]
    names = [s["name"] for s in placing.choose(slots, "header", NOW, {12})]
    assert names == ["always", "running"]
    assert placing.seconds_until_change(slots, NOW) == 3601
    assert placing.seconds_until_change([slot()], NOW) is None


def test_by_position_between_home_blocks():
    slots = [slot(name="a", position=2), slot(name="b", position=4)]
    assert [s["name"] for s in placing.choose(slots, "header", NOW, set(), 4)] == ["b"]


def test_the_codes_hosts_go_to_their_directives():
    code = (
        '<script async src="https://ads.example.net/tag.js?id=1"></script>'
        "<iframe src='//frames.example.org/x'></iframe>"
        "<img src=https://pixel.example.com/p.gif><script src='/local.js'></script>"
    )
    found = placing.sources(code, ["cdn.example.io", "https://more.example.io/path"])
    assert found["script-src"] == [
        "https://ads.example.net", "https://cdn.example.io", "https://more.example.io"
    ]  # fmt: skip
    assert found["frame-src"][0] == "https://frames.example.org"
    assert found["img-src"][0] == "https://pixel.example.com"
    assert found["connect-src"] == ["https://cdn.example.io", "https://more.example.io"]


def test_inline_scripts_are_allowed_by_their_hash_only():
    code = (
        "<script>window.ad = 1;</script><script src='https://a.example/x.js'></script>"
    )
    # printf 'window.ad = 1;' | openssl dgst -sha256 -binary | base64
    assert placing.inline_scripts(code) == [
        "'sha256-ZljaOc9YRsvveq6M1cS3j1Djk7yxQxS9YzXjXl5kImw='"
    ]
