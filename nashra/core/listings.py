"""What a template's context already holds of a listing (#8, #13).

Cards read their fellow cards' ids from the listing being rendered, so that
one cache read serves every card (comment counts, card fragments). Only
rows already in memory count: never a query, never a consumed generator.
"""

from collections.abc import Sequence

from django.db.models import QuerySet


def fetched(listed):
    """Items already in memory (never a query or a consumed generator)."""
    if isinstance(listed, QuerySet):
        # Django keeps an evaluated queryset's rows here; a Django upgrade
        # that renames it fails comments/tests/test_bulk.py.
        return listed._result_cache or ()
    if isinstance(listed, Sequence) and not isinstance(listed, str):
        return listed
    return ()
