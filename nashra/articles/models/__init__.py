"""The articles app's models, one module per model family (house style)."""

from nashra.articles.models.article import ArticlePage, ArticlePageAuthor
from nashra.articles.models.authors import SOCIAL_FIELDS, Author
from nashra.articles.models.breaking import Breaking, BreakingQuerySet
from nashra.articles.models.formats import GalleryPhoto, StoryFormat
from nashra.articles.models.tags import ArticleTag, Tag
from nashra.articles.models.views import DailyViews

__all__ = [
    "SOCIAL_FIELDS",
    "ArticlePage",
    "ArticlePageAuthor",
    "ArticleTag",
    "Author",
    "Breaking",
    "BreakingQuerySet",
    "DailyViews",
    "GalleryPhoto",
    "StoryFormat",
    "Tag",
]
