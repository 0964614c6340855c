"""An article card, rendered once per version of the article (#12).

A listing's cards were most of an uncached section, tag or author page:
each is a template include with three page URLs, a srcset, a date and a
comment count. A card shows the article's title, summary, byline, date,
image, section and comment count: publishing, editing, moving or unpublishing it,
and every comment count change, bump "page:<id>"; a section, image or
setting change bumps "site". So the card's HTML is kept under those two
groups, keyed on what else it depends on (site, theme, language and the
card's options), and rendered only when one of them moved. A breaking
card's HTML (its badge) lives no longer than the flag does (#14).
"""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from nashra.articles import breaking
from nashra.articles.bylines import fill_bylines
from nashra.articles.queries import attach_columnists
from nashra.core import fragments, groups
from nashra.core.listings import fetched
from nashra.theme.loaders import active_theme

register = template.Library()

TEMPLATE = "articles/components/card.html"
# What card.html reads besides the article: each is passed, or empty.
OPTIONS = ("is_lead", "show_section", "show_summary", "heading")
# Where a card finds its fellow cards (as comments_tags.comment_count does).
LISTS = ("articles", "related")


def _fellows(context):
    return [item for name in LISTS for item in fetched(context.get(name))]


def _name(request, article, options):
    site = Site.find_for_request(request)
    shown = ",".join(f"{options[o] or ''}" for o in OPTIONS)
    return (
        f"card:{site.pk if site else ''}:{active_theme.get()}:{get_language()}:"
        f"{article.pk}:{shown}"
    )


@register.simple_tag(takes_context=True)
def card(context, article, **given):
    """{% card article show_section=True %}: card.html as {% include %} with
    those values would render it, every option not given left empty."""
    unknown = set(given) - set(OPTIONS)
    if unknown:
        raise template.TemplateSyntaxError(f"card: unknown options {sorted(unknown)}")
    options = {name: given.get(name) for name in OPTIONS}

    def build():
        # Every card's byline in one query, on the listing's first miss (#20).
        fill_bylines([article, *_fellows(context)])
        # An opinion card names its columnist: read for the whole listing
        # at the first card that needs it, and not at all from the cache.
        attach_columnists([article, *_fellows(context)])
        found = context.template.engine.get_template(TEMPLATE)
        with context.push(article=article, **options):
            return str(found.render(context))

    request = context.get("request")
    if request is None or not article.pk or getattr(request, "is_preview", False):
        return mark_safe(build())  # noqa: S308  (rendered by the template engine)
    # The versions of every card in the listing in one read, not one each.
    fragments.prime({groups.page(item.pk) for item in _fellows(context)})
    found = {groups.SITE, groups.page(article.pk)}
    html = fragments.cached(
        _name(request, article, options),
        found,
        build,
        timeout=breaking.lifetime([article]),
    )
    return mark_safe(html)  # noqa: S308  (as above)
