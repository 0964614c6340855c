"""core.rows: the bulk write helpers give what bulk_create() and save()
give, in one statement per chunk (#7, #21)."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from nashra.articles.factories import create_article
from nashra.articles.models import Tag
from nashra.comments.models import Comment
from nashra.core.rows import insert_returning, insert_rows, update_rows
from nashra.core.tests.factories import ensure_home
from nashra.sections.factories import create_section


@pytest.fixture
def article(db):
    return create_article(create_section(ensure_home(), "محليات", "local"), "خبر")


@pytest.mark.django_db
def test_rows_go_in_one_statement_with_quotes_and_percent_signs_intact():
    names = [f"وسم \"{n}\" 100% \\ 'x'" for n in range(250)]
    with CaptureQueriesContext(connection) as queries:
        insert_rows(
            Tag, [Tag(name=name, slug=f"t-{n}") for n, name in enumerate(names)]
        )
    assert len(queries) == 1
    assert sorted(Tag.objects.filter(slug__startswith="t-").values_list(
        "name", flat=True)) == sorted(names)  # fmt: skip


@pytest.mark.django_db
def test_ids_come_back_in_the_list_order():
    tags = [Tag(name=f"وسم {n}", slug=f"s-{n}") for n in range(30)]
    insert_returning(Tag, tags)
    assert [t.pk for t in tags] == sorted(t.pk for t in tags)
    assert all(not t._state.adding for t in tags)
    assert [Tag.objects.get(pk=t.pk).slug for t in tags] == [t.slug for t in tags]


@pytest.mark.django_db
def test_a_parent_saved_after_it_was_assigned_is_read_as_bulk_create_reads_it(
    article,
):
    """Fails if Django drops the step bulk_create() and insert_returning()
    share (Model._prepare_related_fields_for_save)."""
    when = datetime(2020, 5, 1, 8, 30, tzinfo=UTC)
    parent = Comment(article=article, name="أ", body="أول", depth=1, created_at=when)
    reply = Comment(article=article, parent=parent, name="ب", body="رد", depth=2)
    assert reply.parent_id is None
    insert_returning(Comment, [parent], given={"created_at"})
    insert_returning(Comment, [reply], given={"created_at"})
    assert Comment.objects.get(pk=reply.pk).parent_id == parent.pk
    # A given date is kept; none given, auto_now_add's now, as save() does.
    assert Comment.objects.get(pk=parent.pk).created_at == when
    assert Comment.objects.get(pk=reply.pk).created_at > when
    with pytest.raises(ValueError):
        insert_returning(Comment, [Comment(article=article, parent=Comment(),
                                           name="ج", body="؟")])  # fmt: skip


@pytest.mark.django_db
def test_update_rows_sets_each_row_its_own_values_nulls_too(article):
    other = create_article(article.get_parent(), "خبر آخر")
    revision = article.latest_revision
    fields = [Page._meta.get_field(n) for n in ("latest_revision", "live_revision")]
    with CaptureQueriesContext(connection) as queries:
        update_rows(Page, fields, [(revision.pk, None, article.pk),
                                   (None, None, other.pk)])  # fmt: skip
    if connection.vendor == "postgresql":
        assert len(queries) == 1
    assert Page.objects.filter(pk=article.pk).values_list(
        "latest_revision_id", "live_revision_id").get() == (revision.pk, None)  # fmt: skip
    assert Page.objects.filter(pk=other.pk).values_list(
        "latest_revision_id", "live_revision_id").get() == (None, None)  # fmt: skip
