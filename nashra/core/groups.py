"""The names of the cache groups, and how a page type declares its own (#8, #13).

Groups: "site" (everything), "front" (home, feeds, sitemaps, search, API:
anything built from the whole stream), "page:<id>", "section:<id>" (every
page of a section's listing and the articles that list related stories from
it), "tag:<slug>" and "author:<slug>".

Each page type says which groups it belongs to, as Wagtail's
``get_cached_paths()`` lets a page say what to purge: nothing below the
page types knows them by name (#13). Pure Python.
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


class CacheGroupsMixin:
    """A page type's cache groups; these defaults fit any page that may
    appear in menus and links everywhere (sections, home, standard pages).

    ``cache_site_wide``: an edit of this type changes every page, so the
    invalidation bumps "site" and needs no groups of the old version.
    Models that are not pages declare the same attribute (#13).
    """

    cache_site_wide = True

    @classmethod
    def cache_groups_of(cls, page_ids):
        """The groups an edit of these pages (of this type) invalidates."""
        return {SITE}

    def cache_groups(self):
        """The groups an edit of this page invalidates, from its stored rows."""
        return type(self).cache_groups_of([self.pk])

    def cache_dependencies(self, tags=None):
        """The groups a rendered response of this page is built from;
        ``tags`` saves a query when the page's context already holds them."""
        return {page(self.pk)}
