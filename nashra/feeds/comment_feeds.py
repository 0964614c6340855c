"""A feed of the approved comments on one article.

Only the fields a reader already sees under the article are even loaded
(`only()`): a commenter's e-mail, IP address and user agent never leave the
database on this path, so no template change can leak them (#6).
"""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from nashra.articles.models import ArticlePage
from nashra.comments.models import Comment, Status
from nashra.feeds import links
from nashra.feeds.feeds import ArticleFeed, in_direction
from nashra.feeds.generators import NewsRss
from nashra.text.comment_text import render_comment

PUBLIC_FIELDS = ("id", "name", "body", "created_at", "article_id")


class CommentFeed(ArticleFeed):
    feed_type = NewsRss

    def get_object(self, request, pk):
        return get_object_or_404(ArticlePage.objects.published(), pk=pk)

    def items(self, obj):
        approved = Comment.objects.filter(
            article=obj, status=Status.APPROVED, erased=False
        )
        return list(
            approved.only(*PUBLIC_FIELDS).order_by("-created_at", "-pk")[
                : self.options.item_count
            ]
        )

    def title(self, obj):
        return _("Comments on %(title)s") % {"title": obj.title}

    def description(self, obj):
        return self.title(obj)

    def link(self, obj):
        self.article_url = links.page_url(obj, self.request)
        return self.article_url

    def item_title(self, item):
        return _("Comment by %(name)s") % {"name": item.name}

    def item_link(self, item):
        return f"{self.article_url}#comment-{item.pk}"

    def item_guid(self, item):
        short = reverse("feeds:short", args=[item.article_id])
        return links.absolute(self.request, f"{short}#comment-{item.pk}")

    def item_description(self, item):
        return in_direction(render_comment(item.body))

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.created_at

    def item_author_name(self, item):
        return item.name

    def item_categories(self, item):
        return ()

    def item_enclosures(self, item):
        return []

    def item_extra_kwargs(self, item):
        return {}
