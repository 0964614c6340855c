"""Subjects that link articles across sections."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase


class Tag(TagBase):
    """A subject that links articles across sections (e.g. a country or an event)."""

    free_tagging = True
    # Tag links on every card and article: an edit purges the site (#13).
    cache_site_wide = True

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def slugify(self, tag, i=None):
        slug = slugify(tag, allow_unicode=True)[:90] or "tag"
        return f"{slug}-{i}" if i is not None else slug

    def get_absolute_url(self):
        return reverse("articles:tag", kwargs={"slug": self.slug})


class ArticleTag(ItemBase):
    """Links an article to one of its tags."""

    tag = models.ForeignKey(
        Tag, related_name="tagged_articles", on_delete=models.CASCADE
    )
    content_object = ParentalKey(
        "articles.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )
    # The article's publication date while it is live, else null: copied here
    # so "newest articles with this tag" reads a few index entries instead of
    # joining every article of the tag (0.2 s at 100,000 articles, #8). Kept by
    # ArticlePage.save(), which every publish, unpublish and expiry goes through.
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        indexes = [
            models.Index(
                fields=["tag", "-published_at", "-content_object"],
                name="articles_tag_newest",
            )
        ]
