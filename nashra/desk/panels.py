"""The dashboard's desk panels: one click to a new article, and my work (#14).

Each list is one narrow query (titles and ids), whatever the newsroom's size.
"""

from datetime import datetime, time, timedelta

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, TaskState
from wagtail.permission_policies.pages import PagePermissionPolicy

from nashra.articles.models import ArticlePage
from nashra.comments.models import Comment, Status
from nashra.desk import plan
from nashra.desk.access import may_use_desk
from nashra.newsroom import sharing
from nashra.sections.models import SectionPage

SHOWN = 8


def _edit(pk):
    return reverse("wagtailadmin_pages:edit", args=[pk])


def sections_for_new_articles(user):
    """Sections ``user`` may add an article to, in title order."""
    allowed = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["add"]
    )
    sections = SectionPage.objects.filter(pk__in=allowed.values("pk"))
    return list(sections.order_by("title").only("pk", "title"))


class NewArticlePanel(Component):
    """«مقال جديد في …»: one button per section, instead of five clicks."""

    name = "desk_new_article"
    template_name = "desk/panels/new_article.html"
    order = 10

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {
            "sections": [
                (
                    s.title,
                    reverse(
                        "wagtailadmin_pages:add", args=("articles", "articlepage", s.pk)
                    ),
                )
                for s in sections_for_new_articles(user)
            ]  # fmt: skip
        }


def my_drafts(user):
    busy = {*plan.in_review_ids(), *plan.scheduled_times()}
    drafts = ArticlePage.objects.filter(owner=user, live=False).exclude(pk__in=busy)
    return list(
        drafts.order_by("-latest_revision_created_at", "-pk").values(
            "pk", "draft_title", "latest_revision_created_at"
        )[:SHOWN]
    )


def waiting_for_review(user):
    """Pages whose current review task ``user`` may decide."""
    states = TaskState.objects.reviewable_by(user).filter(
        status=TaskState.STATUS_IN_PROGRESS
    )
    ids = [int(pk) for pk in states.values_list("workflow_state__object_id", flat=True)]
    pages = Page.objects.filter(pk__in=ids).order_by("-latest_revision_created_at")
    return list(pages.values("pk", "draft_title", "latest_revision_created_at")[:SHOWN])


def scheduled_today(user, now=None):
    """Articles going live later today (in the site's time zone) that
    ``user`` may see: not yet live, so a colleague's only if shared."""
    now = timezone.localtime(now)
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(now.date(), time.min), zone)
    end = start + timedelta(days=1)
    revisions = Revision.objects.filter(
        approved_go_live_at__gte=start, approved_go_live_at__lt=end
    )
    times = {
        int(pk): at
        for pk, at in revisions.values_list("object_id", "approved_go_live_at")
    }
    pages = sharing.only_visible(ArticlePage.objects.filter(pk__in=list(times)), user)
    pages = pages.values("pk", "draft_title")
    found = [{**page, "at": times[page["pk"]]} for page in pages]
    return sorted(found, key=lambda page: page["at"])


def pending_comments():
    pending = Comment.objects.filter(status=Status.PENDING)
    latest = pending.select_related("article").order_by("-created_at", "-pk")[:SHOWN]
    return pending.count(), list(latest)


class MyDeskPanel(Component):
    """My drafts, what waits for my review, today's schedule, comments."""

    name = "desk_mine"
    template_name = "desk/panels/my_desk.html"
    order = 20

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        context = {
            "drafts": my_drafts(user),
            "to_review": waiting_for_review(user),
            "scheduled": scheduled_today(user),
            # The desk itself is for those who may change others' pages.
            "desk_url": reverse("desk") if may_use_desk(user) else None,
        }
        if user.has_perm("comments.change_comment"):
            context["comments_count"], context["comments"] = pending_comments()
            context["queue_url"] = reverse("comments_admin:queue") + "?status=pending"
        for key in ("drafts", "to_review", "scheduled"):
            for page in context[key]:
                page["url"] = _edit(page["pk"])
        return context
