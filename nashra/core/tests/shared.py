"""The one place tests find the team's shared folder (#12).

The shared folder (real WordPress exports, the reference article) sits beside
a clone in the team's workspace as ../shared, or wherever NASHRA_SHARED_DIR
says. A newcomer's clone has none: tests that use it only add cases to the
ones that run on the repository's own data, and skip cleanly without it.
No Django here: the nashra.text tests run without it.
"""

import os
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ENV = "NASHRA_SHARED_DIR"


def shared_dir() -> Path:
    return Path(os.environ.get(ENV) or ROOT.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A path inside the shared folder; it may not exist."""
    return shared_dir().joinpath(*parts)


def require_shared(*parts: str) -> Path:
    """The path, or a skip.

    unittest.SkipTest, not pytest.skip: pytest's Skipped is a BaseException,
    which Django's TestCase.setUpClass does not catch, so a skip raised in
    setUpTestData left the class's transaction open and every later test
    failed with "Cannot operate on a closed database". SkipTest is an
    Exception: Django rolls the transaction back before the skip goes on.
    """
    path = shared_path(*parts)
    if not path.exists():
        raise unittest.SkipTest(f"{path} not found (the team's shared folder, {ENV})")
    return path


def skip_without_shared(*parts: str):
    """Class or test decorator: skipped before any set-up when the path is absent."""
    path = shared_path(*parts)
    return unittest.skipUnless(path.exists(), f"{path} not found ({ENV})")
