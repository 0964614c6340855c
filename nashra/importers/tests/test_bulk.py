"""New posts written a batch at a time: same result as one by one, a valid
tree, a bad post isolated, a re-run that writes nothing (#7)."""

import importlib.util
import io
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Revision
from wagtail.search.models import IndexEntry

from nashra.articles import bulk as articles_bulk
from nashra.articles.models import ArticlePage, ArticleTag, Author, Tag
from nashra.comments import counts
from nashra.comments.models import Comment, CommentThread
from nashra.importers import bulk, bulk_comments, posts
from nashra.importers.models import ImportedObject
from nashra.importers.run import ImportRun
from nashra.search.models import SearchEntry

from .helpers import export_file, run_import

ROOT = Path(__file__).resolve().parents[3]
POSTS = 23
BATCH = 10


def generated_export(posts=POSTS, seed=5) -> Path:
    """bench/make_wxr.py's export: sections, tags, comment threads, images."""
    spec = importlib.util.spec_from_file_location(
        "make_wxr", ROOT / "bench" / "make_wxr.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = io.StringIO()
    module.write_export(out, posts, seed)
    return export_file(out.getvalue().encode())


def state() -> list:
    """What readers and editors see of the imported articles, ids aside:
    pages, revisions, bylines, tags and their dates, comments, threads and
    cached counts, redirects, ledger rows, readers' and the admin's index."""
    rows = []
    article_type = ContentType.objects.get_for_model(ArticlePage)
    for page in ArticlePage.objects.order_by("url_path"):
        revision = page.latest_revision
        entry = SearchEntry.objects.filter(page=page).first()
        rows.append(
            (
                page.url_path, page.title, page.draft_title, page.slug, page.depth,
                page.live, page.has_unpublished_changes, page.first_published_at,
                page.last_published_at, page.published_at, page.go_live_at,
                page.section.url_path, page.summary, page.featured,
                page.locale_id, page.content_type_id,
                [b.value.source if b.block_type == "paragraph" else str(b.value)
                 for b in page.body],
                sorted(t.slug for t in page.tags.all()),
                [a.author.slug for a in page.article_authors.all()],
                page.live_revision_id == revision.pk if page.live else None,
                Revision.objects.filter(object_id=str(page.pk)).count(),
                revision.as_object().title,
                sorted(
                    (c.name, c.body, c.status, c.depth, c.created_at,
                     c.parent.body if c.parent else None)
                    for c in Comment.objects.filter(article=page)
                ),
                CommentThread.objects.filter(page=page)
                .values_list("approved_count", "is_open").first(),
                sorted(Redirect.objects.filter(redirect_page=page)
                       .values_list("old_path", flat=True)),
                entry and (entry.section.url_path, entry.published_at,
                           entry.title_terms, entry.body_terms),
                sorted(ArticleTag.objects.filter(content_object=page)
                       .values_list("tag__slug", "published_at")),
                cache.get(counts._key(page.pk)),
                ImportedObject.objects.filter(content_type=article_type,
                                              object_id=page.pk)
                .values_list("kind", "wp_key", "guid", "wp_parent", "pending").get(),
                sorted(ImportedObject.objects.filter(
                    kind="comment", object_id__in=Comment.objects.filter(article=page)
                    .values("pk")).values_list("wp_key", flat=True)),
                list(IndexEntry.objects.filter(content_type=article_type,
                                               object_id=str(page.pk))
                     .values_list("title", "body", "autocomplete")),
            )
        )  # fmt: skip
    return rows


def assert_tree_valid():
    problems = Page.find_problems()
    assert all(not found for found in problems), problems
    for parent in Page.objects.filter(numchild__gt=0):
        assert parent.numchild == parent.get_children().count()


def committed(capture, export, **options):
    """run_import() with its on-commit work done, as outside a test's
    transaction (the comment counts are cached on commit)."""
    with capture(execute=True):
        return run_import(export, batch_size=BATCH, **options)


def spied(monkeypatch) -> list[str]:
    """The apps' bulk write paths, recorded when called."""
    calls = []
    for module, name in ((articles_bulk, "create_articles"),
                         (bulk_comments, "import_comments"),
                         (counts, "set_many")):  # fmt: skip
        real = getattr(module, name)

        def spy(*args, real=real, name=name, **kwargs):
            calls.append(name)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, spy)
    return calls


@pytest.mark.django_db
def test_batches_give_what_one_by_one_gives(
    monkeypatch, django_capture_on_commit_callbacks
):
    """The bulk path is only faster: every field, link and row is the same."""
    cache.clear()
    export = generated_export()
    calls = spied(monkeypatch)
    report = committed(django_capture_on_commit_callbacks, export)
    assert report.counts["posts"]["created"] == POSTS
    assert report.counts["posts"]["failed"] == 0
    # Through the apps' own bulk APIs, once per batch.
    batches = -(-POSTS // BATCH)
    assert sorted(set(calls)) == ["create_articles", "import_comments", "set_many"]
    assert calls.count("create_articles") == batches
    assert_tree_valid()
    in_batches = state()
    assert len(in_batches) == POSTS
    assert any(row[-4] for row in in_batches)  # counts were cached
    assert any(row[-6] for row in in_batches)  # readers' index
    assert all(row[-1] for row in in_batches)  # the admin's index
    tallies = report.tallies()

    # Back to an empty site, then the same import with the bulk path refused.
    Page.objects.filter(depth__gt=2).delete()
    for model in (ImportedObject, Redirect, Author, Tag, IndexEntry):
        model.objects.all().delete()
    cache.clear()
    calls.clear()

    def refuse(run, items):
        raise RuntimeError("bulk path refused for the test")

    monkeypatch.setattr(bulk, "_create_all", refuse)
    report = committed(django_capture_on_commit_callbacks, export)
    assert calls == []
    assert report.tallies() == tallies
    assert_tree_valid()
    assert state() == in_batches


@pytest.mark.django_db
def test_tree_is_valid_after_batches_and_later_single_adds():
    run_import(generated_export(), batch_size=BATCH)
    assert_tree_valid()
    # A second site's export (its own sections, the same tags), then
    # Wagtail's own add_child() under a section filled by batches: treebeard
    # must find the batch's last path and go on from it.
    run_import(generated_export(posts=7, seed=9).read_bytes().replace(
        b"https://news.example", b"https://other.example"), batch_size=3)  # fmt: skip
    section = Page.objects.get(url_path="/home/local/")
    section.add_child(instance=ArticlePage(title="بعد الاستيراد", slug="after"))
    assert_tree_valid()
    assert ArticlePage.objects.count() == POSTS + 7 + 1
    assert section.get_children().last().slug == "after"


@pytest.mark.django_db
def test_a_bad_post_fails_alone_and_its_batch_mates_are_imported(monkeypatch):
    """The batch is rolled back and retried post by post: only the bad one fails."""
    # The fifteenth post (second batch) carries a marker; the same failure
    # hits both paths, as a truly bad post would.
    text = generated_export().read_text(encoding="utf-8")
    opening = "<content:encoded><![CDATA["
    at = text.index(opening, text.index("رقم 14:")) + len(opening)
    export = export_file((text[:at] + "<p>ROGUE-POST</p>" + text[at:]).encode())
    real = ImportRun.conversion_of

    def convert(run, item):
        if "ROGUE-POST" in item.content:
            raise ValueError("unconvertible post")
        return real(run, item)

    # Both paths convert through the run (converted ahead or not).
    monkeypatch.setattr(ImportRun, "conversion_of", convert)
    one_by_one = []

    def import_item(run, item, bucket):
        one_by_one.append(item.wp_id)
        return posts.import_item(run, item, bucket)

    monkeypatch.setattr(bulk, "import_item", import_item)

    report = run_import(export, batch_size=BATCH)
    # Only the bad post's batch went one by one: the third batch, placed
    # after children added singly, still went in bulk.
    assert len(one_by_one) == BATCH
    assert report.counts["posts"]["created"] == POSTS - 1
    assert report.counts["posts"]["failed"] == 1
    failed = [p for p in report.problems if p["kind"] == "failed"]
    assert len(failed) == 1 and "unconvertible" in failed[0]["reason"]
    assert ArticlePage.objects.count() == POSTS - 1
    assert not ArticlePage.objects.filter(title__contains="رقم 14:").exists()
    # Nothing of the rolled-back batch is left twice, nor half.
    assert ImportedObject.objects.filter(kind="post").count() == POSTS - 1
    assert Revision.objects.filter(
        object_id__in=[str(pk) for pk in ArticlePage.objects.values_list("pk", flat=True)]
    ).count() == POSTS - 1  # fmt: skip
    assert_tree_valid()

    monkeypatch.undo()
    report = run_import(export, batch_size=BATCH)
    assert report.counts["posts"]["created"] == 1
    assert report.counts["posts"]["unchanged"] == POSTS - 1
    assert ArticlePage.objects.filter(title__contains="رقم 14:").count() == 1
    assert_tree_valid()


@pytest.mark.django_db
def test_rerun_after_batches_changes_nothing_and_writes_nothing(
    django_capture_on_commit_callbacks,
):
    export = generated_export()
    first = committed(django_capture_on_commit_callbacks, export)
    before = state()
    with CaptureQueriesContext(connection) as queries:
        again = committed(django_capture_on_commit_callbacks, export)
    assert again.counts["posts"]["unchanged"] == POSTS
    assert again.counts["comments"]["unchanged"] == first.counts["comments"]["created"]
    assert (
        again.counts["redirects"]["unchanged"] == first.counts["redirects"]["created"]
    )
    for kind in ("created", "updated", "failed"):
        assert again.counts["posts"][kind] == 0
    writes = [
        q["sql"] for q in queries.captured_queries
        if q["sql"].lstrip().split()[0].upper() in {"INSERT", "UPDATE", "DELETE"}
    ]  # fmt: skip
    assert writes == []
    assert state() == before


@pytest.mark.django_db
def test_bulk_imported_articles_are_in_the_admin_search_index(monkeypatch):
    """Wagtail's index is filled in groups; the last, partial group too."""
    from wagtail.search.backends import get_search_backend

    from nashra.search.bulk import BulkIndexer

    monkeypatch.setattr(BulkIndexer, "ADMIN_EVERY", 15)
    run_import(generated_export(), batch_size=BATCH)
    found = get_search_backend().search("رقم", ArticlePage)
    assert len(found) == POSTS


@pytest.mark.django_db
def test_dry_run_of_batches_leaves_nothing_behind():
    """Nothing written, nothing cached: rolled-back ids are given out again,
    and a later article must not inherit a comment count from the dry run."""
    from django.core.cache import cache

    from nashra.comments.counts import _key

    cache.clear()
    report = run_import(generated_export(), batch_size=BATCH, dry_run=True)
    assert report.counts["posts"]["created"] == POSTS
    assert report.counts["comments"]["created"] > 0
    assert not ArticlePage.objects.exists()
    assert not Comment.objects.exists()
    assert not ImportedObject.objects.exists()
    assert not SearchEntry.objects.exists()
    assert all(cache.get(_key(pk)) is None for pk in range(1, 500))


@pytest.mark.django_db
def test_planner_statistics_are_fresh_after_an_import():
    """Readers arrive straight after a move; without statistics PostgreSQL
    guessed a 1.2 s plan for the home page (#8)."""
    from nashra.core.tests.test_statistics import has_planner_statistics

    run_import(generated_export(), batch_size=BATCH)
    assert has_planner_statistics(ArticlePage)
