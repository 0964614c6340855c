"""Which groups a response depends on, and which groups an edit touches (#8).

Groups: "site" (everything), "front" (home, feeds, sitemaps, search, API:
anything built from the whole stream), "page:<id>", "section:<id>" (every
page of a section's listing and the articles that list related stories from
it), "tag:<slug>" and "author:<slug>".
"""

SITE = "site"
FRONT = "front"
# Bumped with every invalidation: a render that saw it move is not stored.
CLOCK = "clock"
# A random number set once per version store: every entry records it, so
# copies kept in a process die with a flushed Redis (whose versions restart
# at 0 and could otherwise match an old copy again).
GENERATION = "generation"


def page(pk):
    return f"page:{pk}"


def section(pk):
    return f"section:{pk}"


def tag(slug):
    return f"tag:{slug}"


def author(slug):
    return f"author:{slug}"


def article_groups(article_ids):
    """Everything that shows these articles: themselves, their sections, tags,
    authors, and the front (cards carry titles and comment counts)."""
    from nashra.articles.models import ArticlePage, ArticlePageAuthor, ArticleTag

    ids = list(article_ids)
    found = {FRONT, *(page(pk) for pk in ids)}
    sections = ArticlePage.objects.filter(pk__in=ids).values_list(
        "section_id", flat=True
    )
    found.update(section(pk) for pk in sections if pk)
    slugs = ArticleTag.objects.filter(content_object_id__in=ids).values_list(
        "tag__slug", flat=True
    )
    found.update(tag(slug) for slug in slugs)
    names = ArticlePageAuthor.objects.filter(page_id__in=ids).values_list(
        "author__slug", flat=True
    )
    found.update(author(slug) for slug in names)
    return found


def for_served_page(served, tags=None):
    """The groups of a Wagtail page served to a reader; ``tags`` saves a query
    when the page's context already holds them."""
    from nashra.articles.models import ArticlePage
    from nashra.home.models import HomePage
    from nashra.sections.models import SectionPage

    found = {page(served.pk)}
    kind = served.specific_class
    if issubclass(kind, ArticlePage):
        specific = served.specific
        found.add(section(specific.section_id))
        tags = specific.tags.all() if tags is None else tags
        found.update(tag(t.slug) for t in tags)
    elif issubclass(kind, SectionPage):
        found.add(section(served.pk))
    elif issubclass(kind, HomePage):
        found.add(FRONT)
    return found


def for_view(match):
    """The groups of a non-page view, from its URL name and arguments."""
    if match is None:
        return {FRONT}
    name = match.view_name
    kwargs = match.kwargs
    if name == "articles:tag":
        return {tag(kwargs.get("slug"))}
    if name == "articles:author":
        return {author(kwargs.get("slug"))}
    if name.startswith("feeds:comments"):
        return {page(kwargs.get("pk")), FRONT}
    return {FRONT}
