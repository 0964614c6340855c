"""The import direction is enforced, not hoped for (#13).

`make lint` runs import-linter over the contracts in pyproject.toml; the
last test here shows it fails once someone adds an import against them.
Deferred imports hid the cycles the contracts now forbid, so an import of
another app inside a function body needs a comment saying why it cannot be
at the top; only ``AppConfig.ready()`` and management commands are free.
"""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import nashra

ROOT = Path(nashra.__file__).parent
REPOSITORY = ROOT.parent
APPS = {p.name for p in ROOT.iterdir() if (p / "__init__.py").exists()}


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path, parts


def _target_app(node):
    names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    for name in names:
        parts = name.split(".")
        if parts[0] == "nashra" and len(parts) > 1 and parts[1] in APPS:
            return parts[1]
    return None


def _explained(lines, node):
    """A comment on the import's line or right above its group of imports."""
    if "#" in lines[node.lineno - 1]:
        return True
    row = node.lineno - 2
    while row >= 0 and lines[row].strip().startswith(("from ", "import ")):
        row -= 1
    return row >= 0 and lines[row].strip().startswith("#")


def deferred_imports(path, parts):
    """(line, target app) of each unexplained import of another app made
    inside a function of ``path``."""
    own = parts[0] if len(parts) > 1 else None
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for function in ast.walk(ast.parse(source)):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        if parts[-1] == "apps.py" and function.name == "ready":
            continue
        for node in ast.walk(function):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            target = _target_app(node)
            if target and target != own and not _explained(lines, node):
                found.append((node.lineno, target))
    return found


def test_no_unexplained_import_of_another_app_inside_a_function():
    offenders = []
    for path, parts in _sources():
        name = "/".join(parts)
        if "management" in parts:
            continue
        offenders += [
            f"{name}:{line} -> {app}" for line, app in deferred_imports(path, parts)
        ]
    assert not offenders, (
        "import at the top, or comment why it cannot be:\n" + "\n".join(offenders)
    )


def test_the_check_sees_a_deferred_import(tmp_path):
    module = tmp_path / "views.py"
    module.write_text(
        "def view():\n    from nashra.comments.models import Comment\n"
        "def explained():\n    # Loaded late: the app registry is not ready yet.\n"
        "    from nashra.comments.models import Comment\n"
    )
    assert deferred_imports(module, ("articles", "views.py")) == [(2, "comments")]


def _lint_imports(cwd):
    command = Path(sys.executable).with_name("lint-imports")
    return subprocess.run(
        [str(command), "--no-cache"],
        cwd=cwd,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.skipif(
    not Path(sys.executable).with_name("lint-imports").exists(),
    reason="import-linter is in the dev extra",
)
def test_lint_imports_fails_when_a_contract_is_broken(tmp_path):
    """As `make lint` runs it, on a copy of the code: kept as it is, broken
    once the foundation imports a feature app."""
    shutil.copy(REPOSITORY / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT,
        tmp_path / "nashra",
        ignore=shutil.ignore_patterns("static", "locale", "templates", "__pycache__"),
    )
    kept = _lint_imports(tmp_path)
    assert kept.returncode == 0, kept.stdout + kept.stderr
    fragments = tmp_path / "nashra" / "core" / "fragments.py"
    fragments.write_text(
        fragments.read_text() + "\nfrom nashra.articles.models import ArticlePage\n"
    )
    broken = _lint_imports(tmp_path)
    assert broken.returncode != 0
    assert "BROKEN" in broken.stdout
    assert "nashra.core.fragments -> nashra.articles.models" in broken.stdout
