"""Local initials avatars: deterministic, escaped, readable (#3)."""

import doctest
import re

import pytest
from defusedxml import ElementTree as ET

from nashra.text import avatars
from nashra.text.avatars import (
    avatar_svg,
    background_colour,
    contrast_with_white,
    initials,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("أحمد الخطيب", "أ خ"),
        ("عبد الله", "ع ل"),
        ("عبد الرحمن", "ع ر"),
        ("محمد بن راشد", "م ر"),
        ("مُحَمَّد علي", "م ع"),
        ("فاطمة", "ف"),
        ("سارة 🌸", "س"),
        ("Jane Doe", "JD"),
        ("jane doe smith", "JD"),
        ("Omar al-Farouk", "OF"),
        ("élodie durand", "ÉD"),
        ("Layla حسن", "L ح"),
        ("  ", "؟"),
        ("", "؟"),
        ("🙂🙂", "؟"),
        ("1234", "؟"),
        ("\u202e\u200b", "؟"),
    ],
)
def test_initials(name, expected):
    """Two recognisable letters; "ال" and "بن" skipped; no letters gives ؟."""
    assert initials(name) == expected


def test_initials_ignores_bidi_controls():
    """An override in a name cannot reorder the avatar's letters."""
    assert initials("\u202eسارة علي") == "س ع"


def test_avatar_is_deterministic():
    """The same commenter gets the same avatar on every page and every run."""
    assert avatar_svg("سارة علي", "seed-1") == avatar_svg("سارة علي", "seed-1")
    assert avatar_svg("سارة علي", "seed-1") != avatar_svg("سارة علي", "seed-2")


@pytest.mark.parametrize(
    "name",
    [
        '"><script>alert(1)</script>',
        "<img src=x onerror=alert(1)>",
        "' onload='alert(1)",
        "&amp; & <b>",
        "\x00\x1b]0;title\x07",
    ],
)
def test_avatar_escapes_everything(name):
    """XSS: a hostile display name stays text inside well-formed SVG."""
    svg = avatar_svg(name, "s")
    root = ET.fromstring(svg)
    assert {child.tag.split("}")[1] for child in root} == {"circle", "text"}
    assert "<script" not in svg and "<img" not in svg
    assert set(root.attrib) == {
        "width",
        "height",
        "viewBox",
        "role",
        "aria-label",
    }


def test_avatar_has_no_ids_or_external_references():
    """Inline SVGs share one page: ids would collide; URLs would leak readers."""
    svg = avatar_svg("Jane Doe", "s")
    assert " id=" not in svg and "href" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


@pytest.mark.parametrize("seed", [f"seed-{n}" for n in range(300)] + ["", "مفتاح"])
def test_colours_meet_wcag_aa_with_white(seed):
    """Accessibility: white initials keep 4.5:1 contrast on any seeded colour."""
    colour = background_colour(seed)
    assert re.fullmatch(r"#[0-9a-f]{6}", colour)
    rgb = tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    assert contrast_with_white(rgb) >= 4.5


def test_colours_vary_with_the_seed():
    """Commenters should not all look alike."""
    assert len({background_colour(f"s{n}") for n in range(50)}) > 40


@pytest.mark.parametrize("size", [0, 8, 1000, -48])
def test_bad_sizes_are_refused(size):
    """A size from a template or query string cannot blow up the page."""
    with pytest.raises(ValueError):
        avatar_svg("سارة", "s", size=size)


@pytest.mark.parametrize("size", ["48", 48.0, True])
def test_size_must_be_an_int(size):
    """'48"' from a template would otherwise land inside an attribute."""
    with pytest.raises(TypeError):
        avatar_svg("سارة", "s", size=size)


def test_long_name_label_is_bounded():
    """aria-label is capped so a 5,000-letter name cannot bloat every comment."""
    svg = avatar_svg("ب" * 5000, "s", size=96)
    assert len(svg) < 1000 and 'width="96"' in svg


def test_docstring_examples():
    """The Arabic examples in the docstrings are true."""
    assert doctest.testmod(avatars).failed == 0
