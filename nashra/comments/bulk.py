"""Comments written a batch at a time: the one bulk write path for comments (#13).

The importer's batches (#7) and `nashra generate` (#8) hand their unsaved
comments here; nothing else writes comment or thread rows in bulk. What the
one-by-one path (Comment.save(), then counts.refresh()) keeps is kept:

- a reply's root and depth from its parent, parents inserted first;
- a given created_at, which auto_now_add would otherwise overwrite
  (written in the insert itself: an UPDATE a comment after it was two
  statements a post, #21);
- each article's thread row with its approved count (and its switch).

The counts are returned rather than cached: the caller puts them in the
cache with counts.set_many() once the batch is committed, so a rolled-back
batch (a dry run) leaves no count behind for ids given out again.
"""

from collections import Counter

from nashra.core.rows import insert_returning

from .models import Comment, CommentThread, Status


def import_comments(
    comments: list[Comment], *, closed: frozenset[int] = frozenset()
) -> dict[int, int]:
    """Insert unsaved `comments` and the threads of their articles.

    A reply's `parent` is given as an object: a comment saved earlier, or
    one of `comments` listed before it.
    Articles must have no thread row yet (they are new): each article with a
    comment, and each article in `closed` (no new comments), gets one.
    Returns {article id: approved comments} for the articles with comments.
    """
    for wave in _parents_first(comments):
        for comment in wave:
            parent = comment.parent
            comment.root_id = (parent.root_id or parent.pk) if parent else None
            comment.depth = parent.depth + 1 if parent else 1
        # A given created_at is written as given (auto_now_add would put now).
        insert_returning(Comment, wave, given={"created_at"})
    approved = Counter(c.article_id for c in comments if c.status == Status.APPROVED)
    articles = {c.article_id for c in comments}
    insert_returning(
        CommentThread,
        [
            CommentThread(
                page_id=pk, is_open=pk not in closed, approved_count=approved[pk]
            )
            for pk in sorted(articles | set(closed))
        ],
    )
    return {pk: approved[pk] for pk in articles}


def _parents_first(comments) -> list[list[Comment]]:
    """The comments in waves, each reply in the wave after its parent's."""
    level: dict[int, int] = {}
    waves: list[list[Comment]] = []
    for comment in comments:
        parent = comment.parent
        n = level[id(parent)] + 1 if id(parent) in level else 0
        level[id(comment)] = n
        while len(waves) <= n:
            waves.append([])
        waves[n].append(comment)
    return waves
