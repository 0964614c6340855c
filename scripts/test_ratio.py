"""Print the test:source ratio of every app under nashra/ (#13).

Usage: python scripts/test_ratio.py [ROOT]
Test lines are those of .py files under nashra/APP/tests/; source lines are
those of the app's other .py files, migrations/ excluded. Lines are counted as
`wc -l` counts them, blank lines and comments included, so the figures match
the ones quoted in issue #13.
"""

import sys
from pathlib import Path


def count_lines(path):
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def app_lines(app):
    tests = source = 0
    for path in app.rglob("*.py"):
        parts = path.relative_to(app).parts
        if parts[0] == "migrations":
            continue
        if parts[0] == "tests":
            tests += count_lines(path)
        else:
            source += count_lines(path)
    return tests, source


def table(package):
    rows = []
    for app in sorted(p for p in package.iterdir() if (p / "__init__.py").exists()):
        tests, source = app_lines(app)
        ratio = f"{tests / source:.2f}" if source else "-"
        rows.append((app.name, tests, source, ratio))
    return rows


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent.parent
    rows = table(root / "nashra")
    out = sys.stdout
    out.write(f"{'app':<12} {'tests':>6} {'source':>6} {'ratio':>6}\n")
    for name, tests, source, ratio in rows:
        out.write(f"{name:<12} {tests:>6} {source:>6} {ratio:>6}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
