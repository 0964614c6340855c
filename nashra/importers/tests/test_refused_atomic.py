"""A refused export leaves the database exactly as it was (#17): invalid
UTF-8 or a cut-off file was refused only after sections, tags and redirects
had been committed."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.contrib.redirects.models import Redirect

from nashra.articles.models import ArticlePage
from nashra.sections.models import SectionPage

from .helpers import export_file, item, wxr

SECTIONS = "".join(
    f"<wp:category><wp:term_id>{n}</wp:term_id><wp:category_nicename>s{n}"
    f"</wp:category_nicename><wp:cat_name>قسم {n}</wp:cat_name></wp:category>"
    for n in range(1, 6)
)
TAGS = "".join(
    f"<wp:tag><wp:term_id>{n}</wp:term_id><wp:tag_slug>t{n}</wp:tag_slug>"
    f"<wp:tag_name>وسم {n}</wp:tag_name></wp:tag>"
    for n in range(10, 50)
)
POSTS = "".join(
    item(n, post_name=f"p{n}").replace(
        "</item>", '<category domain="category" nicename="s1">قسم</category></item>'
    )
    for n in range(100, 110)
)
GOOD = wxr(SECTIONS + TAGS + POSTS)
BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    b"<rss><channel>&b;&b;&b;</channel></rss>"
)


def counts():
    return {model._meta.db_table: model.objects.count() for model in apps.get_models()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, reason",
    [
        # A byte that is no UTF-8, in the last post, after every term.
        (GOOD.replace(b"p109", b"p\xff109"), "malformed XML"),
        (GOOD[: GOOD.rindex(b"<item>") + 200], "truncated"),
        (BOMB, "refused"),
    ],
    ids=["invalid-utf8", "truncated", "xml-bomb"],
)
def test_a_refused_file_changes_nothing(data, reason):
    before = counts()
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as caught:
        call_command("import_wordpress", str(export_file(data)), stdout=out, stderr=err)
    assert caught.value.code == 2
    (line,) = err.getvalue().strip().splitlines()
    assert reason in line
    assert "ووردبريس" in line
    assert counts() == before


@pytest.mark.django_db
def test_the_same_file_whole_imports_its_terms_and_posts():
    """What the refused files above would otherwise have begun to write."""
    call_command("import_wordpress", str(export_file(GOOD)), stdout=io.StringIO())
    assert ArticlePage.objects.count() == 10
    assert SectionPage.objects.count() >= 5
    assert Redirect.objects.exists()
