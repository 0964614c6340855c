"""The README documents every environment variable the settings read (#2)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_variable_is_in_the_readme_table():
    settings = (ROOT / "nashra" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z0-9_]+)"', settings))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = sorted(name for name in names if f"| `{name}` |" not in readme)
    assert missing == []


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1].strip().splitlines()
    assert first_block == ["make serve", "make test"]


def test_licence_file_matches_pyproject():
    """pyproject.toml says BSD-3-Clause; the repository must carry the text (#12)."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "BSD-3-Clause"' in pyproject
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("BSD 3-Clause License")
    assert "Copyright (c) 2026, The Nashra authors" in licence


def test_make_bench_has_a_readme_naming_every_script():
    """`make bench` prints bench/README.md (#12)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "@cat bench/README.md" in makefile
    readme = (ROOT / "bench" / "README.md").read_text(encoding="utf-8")
    scripts = sorted(path.name for path in (ROOT / "bench").glob("*.py"))
    assert scripts and [name for name in scripts if name not in readme] == []
