from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from nashra.articles.corrections import Correction, NoteKind
from nashra.articles.models import ArticlePage, Author, Tag
from nashra.articles.queries import live_tag_links
from nashra.core import fragments, groups, versions
from nashra.core.keyset import Keys, paginate_newest
from nashra.images import renditions

PER_PAGE = 12


def article_context(page, request=None):
    """Byline, tags and photo of one article, each fetched once.

    With a reader's request, byline, tags and notes come from the fragment cache
    (two queries and a tenth of an uncached article's CPU, #8): their rows
    change only when the article is published ("page:<id>") and authors and
    tags are site-wide models ("site"). A preview reads the draft's own.
    """

    def build():
        links = page.article_authors.select_related("author")
        # Corrections and update notes change only with a publish too (#14).
        notes = sorted(page.corrections.all(), key=lambda note: (note.at, note.pk or 0))
        return [link.author for link in links], list(page.tags.all()), notes

    if request is None or page.pk is None or getattr(request, "is_preview", False):
        authors, tags, notes = build()
    else:
        authors, tags, notes = fragments.cached(
            f"byline:{page.pk}:notes", {groups.SITE, groups.page(page.pk)}, build
        )
    page._nashra_byline = authors
    return {
        "authors": authors,
        "tags": tags,
        "notes": notes,
        "section": page.section,
        "image_specs": renditions.ARTICLE,
    }


def _listing(request, articles, *, template, context, listing, keys=None):
    # Keyset pages, keyed on the version the page cache bumps (#8).
    context["articles"] = paginate_newest(
        articles.for_cards(),
        request,
        PER_PAGE,
        listing=listing,
        version=versions.current(listing),
        keys=keys,
    )
    # A tag or author only drafts use is not public yet: its page answered
    # 200 with the name a newsroom had not published (#17). The count is
    # the paginator's own, so this costs no query.
    if context["articles"].paginator.count == 0:
        raise Http404("nothing published under this tag or author yet")
    return render(request, template, context)


def tag_page(request, slug):
    """Every published article carrying one tag."""
    tag = get_object_or_404(Tag, slug=slug)
    articles = ArticlePage.objects.published().filter(tagged_items__tag=tag)
    return _listing(
        request,
        articles,
        keys=Keys(live_tag_links(tag_id=tag.pk), "published_at", "content_object_id"),
        template="articles/tag_page.html",
        context={"tag": tag, "page_title": _("Tag: %(name)s") % {"name": tag.name}},
        listing=f"tag:{tag.slug}",
    )


def author_page(request, slug):
    """An author's profile and everything they have published."""
    author = get_object_or_404(Author.objects.select_related("photo"), slug=slug)
    articles = ArticlePage.objects.published().filter(article_authors__author=author)
    return _listing(
        request,
        articles,
        template="articles/author_page.html",
        context={"author": author, "page_title": author.name},
        listing=f"author:{author.slug}",
    )


def corrections_page(request):
    """Every correction to a published article, newest first (#14).

    Cached by the page cache under "front" like the other paper-wide pages:
    each publish, which is how a correction goes live, bumps it.
    """
    notes = Correction.objects.filter(
        kind=NoteKind.CORRECTION,
        page__in=ArticlePage.objects.published().values("pk"),
    )
    found = paginate_newest(
        notes.select_related("page", "page__section"),
        request,
        PER_PAGE,
        listing="corrections",
        version=versions.current(groups.FRONT),
        keys=Keys(notes, "at", "pk"),
    )
    return render(
        request,
        "articles/corrections_page.html",
        {"notes": found, "page_title": _("Corrections")},
    )
