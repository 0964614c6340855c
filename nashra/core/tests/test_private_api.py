"""Framework-private calls and other apps' wiring stay in one module each (#13).

Each use of a Wagtail, treebeard or Django internal is a bet that the next
upgrade keeps it; kept in one module, with a test there that fails when the
bet is lost, an upgrade is one file to read. The same for the apps' own
private parts: only comments writes comment rows in bulk, only search knows
its signal ids or patches StreamField.
"""

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2]

# pattern → the one module allowed to use it, and the test that guards it.
CONFINED = {
    # treebeard MP_Node internals (nashra/articles/tests/test_bulk.py).
    r"\._str2int\b": "articles/bulk.py",
    r"\._get_path\b": "articles/bulk.py",
    r"\._get_children_path_interval\b": "articles/bulk.py",
    # Wagtail's per-request routing caches (core/tests/test_request_caches.py).
    r"\._wagtail_cached_site_root_paths\b": "core/routing.py",
    r"\._wagtail_route_for_request\b": "core/routing.py",
    # Wagtail's per-request Site and its lookup (the same test).
    r"\._wagtail_site\b": "core/sites.py",
    r"\._find_for_request\b": "core/sites.py",
    r"\._get_raw_host\b": "core/sites.py",
    # Django's QuerySet cache (comments/tests/test_bulk.py).
    r"\._result_cache\b": "core/listings.py",
    # The StreamField text patch and search's signal ids (search/tests/test_bulk.py).
    r"get_searchable_content\s*=": "search/bulk.py",
    r"nashra-search-": "search/signals.py",
    # bulk_create()'s foreign key step (core/tests/test_rows.py).
    r"_prepare_related_fields_for_save\b": "core/rows.py",
    # Comment rows written in bulk (core.rows, no Comment.save()).
    r"insert_\w+\(\s*Comment\b": "comments/bulk.py",
    # Django's OutputWrapper stream (search/tests/test_bulk.py).
    r"stdout\._out\b": "search/management/commands/search.py",
}
# Other apps' private parts that no module outside them may name.
NOWHERE = {
    r"counts\._key\b": "the comments' cache keys (use counts.set_many)",
    r"post_save\.(dis)?connect\(on_article_saved": "search's handler (search.bulk)",
}
ALSO_ALLOWED: dict[str, set[str]] = {}


def sources():
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if "/tests/" in relative or "/migrations/" in relative:
            continue
        yield relative, path.read_text(encoding="utf-8")


@pytest.mark.parametrize("pattern", sorted(CONFINED))
def test_private_call_is_confined_to_its_module(pattern):
    """A second user of an internal is a second place an upgrade breaks."""
    users = {name for name, text in sources() if re.search(pattern, text)}
    allowed = {CONFINED[pattern], *ALSO_ALLOWED.get(pattern, ())}
    assert users <= allowed, sorted(users - allowed)
    assert CONFINED[pattern] in users, "moved? update CONFINED and its test"


@pytest.mark.parametrize("pattern", sorted(NOWHERE))
def test_other_apps_private_parts_are_named_nowhere(pattern):
    users = [
        name
        for name, text in sources()
        if re.search(pattern, text) and not name.startswith(("comments/", "search/"))
    ]
    assert users == [], NOWHERE[pattern]


def test_no_import_guards_for_installed_apps():
    """Every nashra app is always installed: an ImportError guard around a
    sibling's import hides a broken import instead of failing."""
    guarded = [
        name
        for name, text in sources()
        if re.search(r"try:\s*\n\s*from nashra\.[^\n]*\n\s*except ImportError", text)
    ]
    assert guarded == []
