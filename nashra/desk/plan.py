"""The planning desk's rows: every article being worked on or out, by day (#14).

An article is on the desk on the day of its moment: the time it goes live for
a scheduled one, its publication date once live, its last edit while a draft
or in review. Four narrow queries find the rows of a range, whatever its
size: the live articles in it (by the publication-date index), the others
edited or scheduled in it, the scheduled revisions and the open reviews
(both few), then one for the bylines.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupPagePermission, Page, Revision, WorkflowState

from nashra.articles.models import ArticlePage, ArticlePageAuthor

DRAFT = "draft"
IN_REVIEW = "in_review"
SCHEDULED = "scheduled"
PUBLISHED = "published"
STATUSES = {
    DRAFT: _("Draft"),
    IN_REVIEW: _("In review"),
    SCHEDULED: _("Scheduled"),
    PUBLISHED: _("Published"),
}


@dataclass
class Item:
    """One article on the desk."""

    pk: int
    title: str
    status: str
    at: datetime
    section_id: int | None
    section: str
    owner_id: int | None
    assignee: str
    writers: list = field(default_factory=list)
    writer_users: set = field(default_factory=set)

    @property
    def status_label(self):
        return STATUSES[self.status]


def _page_type():
    return ContentType.objects.get_for_model(Page)


def scheduled_times():
    """{page id: go-live time} of every approved, scheduled revision."""
    revisions = Revision.objects.filter(
        base_content_type=_page_type(), approved_go_live_at__isnull=False
    )
    return {
        int(pk): at
        for pk, at in revisions.values_list("object_id", "approved_go_live_at")
    }


def in_review_ids():
    """Pages with a review under way (Wagtail's workflow in progress)."""
    states = WorkflowState.objects.filter(
        base_content_type=_page_type(), status=WorkflowState.STATUS_IN_PROGRESS
    )
    return {int(pk) for pk in states.values_list("object_id", flat=True)}


def editable_roots(user):
    """Paths under which ``user`` may change pages; None for everywhere."""
    if user.is_superuser:
        return None
    grants = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    )
    return sorted(set(grants.values_list("page__path", flat=True)))


def _within(queryset, roots):
    if roots is None:
        return queryset
    where = Q(pk__in=[])
    for path in roots:
        where |= Q(path__startswith=path)
    return queryset.filter(where)


def _status(page, scheduled, reviews):
    pk = page["pk"]
    if pk in reviews:
        return IN_REVIEW, page["latest_revision_created_at"]
    if pk in scheduled:
        return SCHEDULED, scheduled[pk]
    if page["live"]:
        return PUBLISHED, page["published_at"] or page["first_published_at"]
    return DRAFT, page["latest_revision_created_at"]


def _name(page):
    full = f"{page['owner__first_name'] or ''} {page['owner__last_name'] or ''}"
    return full.strip() or page["owner__username"] or ""


# Columns, not model instances: building 1,500 clusterable pages (and their
# sections) was two thirds of the desk's time at 1,500 rows.
COLUMNS = (
    "pk", "title", "draft_title", "live", "published_at", "first_published_at",
    "latest_revision_created_at", "section_id", "section__title", "owner_id",
    "owner__username", "owner__first_name", "owner__last_name",
)  # fmt: skip


def items(start, end, *, roots=None, section=None, person=None, status=None):
    """The desk's articles with their moment in [start, end), in time order.

    ``section`` a section id, ``person`` a user id (the owner or a byline
    author's account), ``status`` one of STATUSES; ``roots`` from
    ``editable_roots``.
    """
    scheduled = scheduled_times()
    reviews = in_review_ids()
    soon = [pk for pk, at in scheduled.items() if start <= at < end]
    articles = _within(ArticlePage.objects.all(), roots)
    if section is not None:
        articles = articles.filter(section_id=section)
    found = {}
    live = articles.filter(live=True, published_at__gte=start, published_at__lt=end)
    others = articles.filter(
        Q(live=False, latest_revision_created_at__gte=start)
        & Q(latest_revision_created_at__lt=end)
        | Q(pk__in=[*soon, *reviews])
    )
    for page in [*live.values(*COLUMNS), *others.values(*COLUMNS)]:
        kind, at = _status(page, scheduled, reviews)
        if at is None or not start <= at < end or page["pk"] in found:
            continue
        if status is not None and kind != status:
            continue
        found[page["pk"]] = Item(
            pk=page["pk"],
            title=page["draft_title"] or page["title"],
            status=kind,
            at=at,
            section_id=page["section_id"],
            section=page["section__title"] or "",
            owner_id=page["owner_id"],
            assignee=_name(page),
        )
    links = ArticlePageAuthor.objects.filter(page_id__in=list(found))
    bylines = links.order_by("sort_order", "pk").values_list(
        "page_id", "author__name", "author__user_id"
    )
    for page_id, name, user_id in bylines:
        item = found[page_id]
        item.writers.append(name)
        if user_id:
            item.writer_users.add(user_id)
    rows = sorted(found.values(), key=lambda item: (item.at, item.pk))
    if person is not None:
        rows = [r for r in rows if r.owner_id == person or person in r.writer_users]
    return rows


def by_day_and_section(rows):
    """[(day, [(section, [items])])] in the site's time zone, in time order."""
    days = {}
    for item in rows:
        day = timezone.localtime(item.at).date()
        days.setdefault(day, {}).setdefault(item.section, []).append(item)
    return [
        (day, sorted(sections.items(), key=lambda pair: pair[0]))
        for day, sections in days.items()
    ]
