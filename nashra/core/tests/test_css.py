"""House rule: Nashra CSS uses logical properties only, so RTL and LTR share it."""

import re
from pathlib import Path

import pytest

NASHRA = Path(__file__).resolve().parents[2]
PHYSICAL = re.compile(
    r"(?<![\w-])(?:margin|padding|border)-(?:left|right)\b"
    r"|(?<![\w-])(?:left|right)\s*:"
    r"|text-align\s*:\s*(?:left|right)"
    r"|float\s*:\s*(?:left|right)"
    r"|clear\s*:\s*(?:left|right)"
    r"|border-(?:top|bottom)-(?:left|right)-radius"
)
STYLESHEETS = sorted(NASHRA.rglob("static/**/*.css"))


def test_there_are_stylesheets():
    assert STYLESHEETS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: str(p.relative_to(NASHRA)))
def test_no_physical_direction_properties(path):
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    offending = [line.strip() for line in text.splitlines() if PHYSICAL.search(line)]
    assert offending == []
