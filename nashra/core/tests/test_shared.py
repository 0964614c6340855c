"""The team's shared folder is optional, and found in one place (#12).

A newcomer's clone has nothing beside it. Tests that use the shared exports
skip then, and a skip must never break another test.
"""

import ast
import unittest
import uuid
from pathlib import Path

from django.db import connection
from django.test import TestCase

from nashra.core.tests import shared
from nashra.importers.tests import fixtures

HELPER = Path(shared.__file__).resolve()
SELF = Path(__file__).resolve()  # spells the patterns out to look for them


def files_of_tests():
    """Every conftest.py and every module in a tests folder of the repository."""
    for path in sorted(shared.ROOT.rglob("*.py")):
        relative = path.relative_to(shared.ROOT)
        if relative.parts[0].startswith(".") or "site-packages" in relative.parts:
            continue
        if path.name == "conftest.py" or "tests" in relative.parts[:-1]:
            yield path


def docstrings(tree):
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            yield body[0].value


def reaches_shared(path: Path) -> list[int]:
    """Lines that spell the shared folder out instead of asking the helper."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = {id(node) for node in docstrings(tree)}
    lines = []
    for node in ast.walk(tree):
        if id(node) in skip or not isinstance(node, ast.Constant):
            continue
        value = node.value
        if isinstance(value, str) and (
            value == "shared" or "../shared" in value or shared.ENV in value
        ):
            lines.append(node.lineno)
    return lines


def test_only_the_helper_locates_the_shared_folder():
    """A test that finds ../shared by itself escapes NASHRA_SHARED_DIR, so CI's
    pass without the folder would not see it."""
    files = list(files_of_tests())
    assert HELPER in files and len(files) > 50
    found = {
        str(path.relative_to(shared.ROOT)): lines
        for path in files
        if path not in (HELPER, SELF) and (lines := reaches_shared(path))
    }
    assert found == {}


def test_the_scan_sees_a_path_spelt_out(tmp_path):
    sneaky = tmp_path / "test_sneaky.py"
    sneaky.write_text('"""Docs may say ../shared."""\nP = ROOT / ".." / "shared"\n')
    assert reaches_shared(sneaky) == [2]


def test_the_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(shared.ENV, str(tmp_path))
    assert shared.shared_path("fixtures") == tmp_path / "fixtures"
    monkeypatch.delenv(shared.ENV)
    assert shared.shared_dir() == shared.ROOT.parent / "shared"


def set_up_class(skip):
    """Runs a TestCase's class set-up whose setUpTestData calls skip()."""

    class NeedsAnExport(TestCase):
        @classmethod
        def setUpTestData(cls):
            skip()

    try:
        NeedsAnExport.setUpClass()
    except BaseException as error:  # noqa: BLE001  (what escapes is the point)
        return error
    finally:
        NeedsAnExport.doClassCleanups()
    return None


class SkipInSetUpTestData(TestCase):
    def test_a_skip_in_set_up_test_data_leaves_no_transaction_open(self):
        """pytest.skip raises a BaseException, which Django's setUpClass does not
        catch: the class's transaction stayed open and every later test failed
        with "Cannot operate on a closed database" in a clone without ../shared."""
        missing = f"no-such-export-{uuid.uuid4().hex}.xml"
        for skip in (
            lambda: shared.require_shared("fixtures", missing),
            lambda: fixtures.fixture(shared.shared_path(missing)),
        ):
            before = list(connection.savepoint_ids)
            self.assertIsInstance(set_up_class(skip), unittest.SkipTest)
            self.assertEqual(connection.savepoint_ids, before)
