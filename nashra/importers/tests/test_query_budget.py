"""What a bulk-imported post costs in statements, pinned (#21).

On PostgreSQL each statement is a round trip and a parse. A batch's ledger
rows, redirects, comments, their dates, revisions and the pages' revision
links went one statement a row (executemany), and each article's revision
asked for its corrections: some twelve statements a post. They go as one
statement per batch now: about one a post remains, from the first pass
(each post's attachment and its new tags). A change that brings a
statement per post back fails here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .helpers import run_import
from .test_bulk import generated_export

# The run's own work whatever the size of the export: the site, its five
# sections, forty tags, the indexes and statistics (about 570 on SQLite).
FIXED = 600
PER_POST = 2


def statements(queries) -> int:
    """Statements sent: an executemany() entry ("N times: …") counts N."""
    total = 0
    for query in queries.captured_queries:
        head, _, _ = query["sql"].partition(" times: ")
        total += int(head) if head.isdecimal() else 1
    return total


@pytest.mark.django_db
@pytest.mark.parametrize("posts", [20, 60])
def test_an_imported_post_costs_few_statements(
    django_capture_on_commit_callbacks, posts
):
    """Before: 859 statements for 20 posts and 1,345 for 60 (12 a post);
    after: 589 and 640 (1.3 a post), in one batch of the default size."""
    export = generated_export(posts=posts, seed=7)
    with (
        django_capture_on_commit_callbacks(execute=True),
        CaptureQueriesContext(connection) as queries,
    ):
        report = run_import(export)
    assert report.counts["posts"]["created"] == posts
    assert statements(queries) <= FIXED + PER_POST * posts
