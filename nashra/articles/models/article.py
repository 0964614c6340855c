"""The article page and its byline."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from nashra.articles.blocks import ArticleBodyBlock
from nashra.articles.corrections import latest_time
from nashra.articles.models.authors import Author
from nashra.articles.models.breaking import Breaking
from nashra.articles.models.formats import StoryFormat
from nashra.articles.models.tags import ArticleTag
from nashra.articles.panels import ArticlePageForm, PermissionedInlinePanel
from nashra.articles.queries import ArticleQuerySet
from nashra.core import groups
from nashra.core.privacy import CachedRestrictionsMixin
from nashra.newsroom.publishing import NewsroomPermissions
from nashra.text.reading import plain_text


class ArticlePage(
    NewsroomPermissions, CachedRestrictionsMixin, groups.CacheGroupsMixin, Page
):
    """A news story: headline, summary, byline, featured photo and body."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the headline and on cards."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    featured_image = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_caption = models.CharField(_("image caption"), max_length=500, blank=True)
    image_credit = models.CharField(_("image credit"), max_length=255, blank=True)
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Shown in the byline; set on first publication when left empty."),
    )
    featured = models.BooleanField(
        _("lead story"),
        default=False,
        help_text=_("Candidate for the lead story of the home page."),
    )
    section = models.ForeignKey(
        "sections.SectionPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="section_articles",
    )
    tags = ClusterTaggableManager(
        through=ArticleTag, blank=True, verbose_name=_("tags")
    )
    # The newest correction's or update note's time, kept by save() so that
    # bylines, feeds and sitemaps read it from the row (#14).
    updated_at = models.DateTimeField(
        _("updated"), null=True, blank=True, editable=False
    )
    breaking_until = models.DateTimeField(
        _("breaking news until"),
        null=True,
        blank=True,
        help_text=_(
            "Set a time to put the article in the breaking-news ticker until "
            "then; leave empty when it is not breaking news."
        ),
    )

    # A story (a death, a tragedy) the newsroom runs without advertising (#20).
    show_ads = models.BooleanField(
        _("show advertisements"),
        default=True,
        help_text=_("Clear to show no ad slot at all on this article."),
    )

    # The story's format picks its lead media, its card and its JSON-LD type
    # (#20); Jannah's per-post format (tie_post_head) imports into it (#21).
    format = models.CharField(
        _("story format"),
        max_length=10,
        choices=StoryFormat.choices,
        default=StoryFormat.STANDARD,
    )
    video_url = models.URLField(
        _("video link"),
        blank=True,
        help_text=_("A YouTube or Vimeo address, shown only when the reader asks."),
    )
    video_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio_file = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("audio file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio_url = models.URLField(
        _("audio link"),
        blank=True,
        help_text=_("The address of an audio file hosted elsewhere."),
    )
    media_duration = models.PositiveIntegerField(
        _("duration in seconds"),
        null=True,
        blank=True,
        help_text=_("How long the video or audio runs."),
    )

    # Parts of the article page this story goes without (#21: Jannah's
    # tie_hide_* switches import into it); names in HIDDEN_PARTS.
    hidden_parts = models.JSONField(_("hidden parts"), default=list, blank=True)
    # The all-time count the story brought from the site it was imported
    # from: most read ranks by it until readers' own counts fill the list (#21).
    imported_views = models.PositiveIntegerField(
        _("views before the move"), default=0, editable=False
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()
    base_form_class = ArticlePageForm
    # Fetched with the article when it is served (nashra.core.routing).
    serve_select_related = ("section",)

    parent_page_types = ["sections.SectionPage"]
    subpage_types = []
    # Contributors and authors may create it (nashra.newsroom.publishing, #14).
    writers_may_create = True

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("image_caption"),
             FieldPanel("image_credit")],
            heading=_("Featured image"),
        ),
        # The story's format and its media (#20): what the reader's page
        # puts under the title (articles/formats.py).
        MultiFieldPanel(
            [FieldPanel("format"), FieldPanel("video_url"), FieldPanel("video_file"),
             FieldPanel("audio_file"), FieldPanel("audio_url"),
             FieldPanel("media_duration")],
            heading=_("Story format"),
        ),
        InlinePanel("gallery_photos", label=_("Gallery photos"),
                    heading=_("Gallery photos")),
        FieldPanel("body"),
        InlinePanel("article_authors", label=_("Authors")),
        FieldPanel("tags"),
        PermissionedInlinePanel("corrections", label=_("Corrections and updates"),
                                heading=_("Corrections and updates")),
    ]  # fmt: skip
    promote_panels = [
        *Page.promote_panels,
        FieldPanel("featured"),
        FieldPanel("breaking_until", permission="articles.add_breaking"),
        FieldPanel("published_at"),
        FieldPanel("show_ads"),
        FieldPanel("hidden_parts"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Listings read newest first by (published_at, pk) and stop after a
        # page; with pk in the index the database walks it backwards and never
        # sorts (#8). By section (section pages and the front page's section
        # blocks), for the whole paper (latest, feeds) and lead candidates first.
        indexes = [
            models.Index(
                fields=["section", "published_at", "page_ptr"],
                name="articles_section_newest",
            ),
            models.Index(fields=["published_at", "page_ptr"], name="articles_newest"),
            models.Index(
                fields=["featured", "published_at", "page_ptr"],
                name="articles_lead_newest",
            ),
            # Most read's imported ranking walks it, never sorts (#21).
            models.Index(
                fields=["imported_views", "page_ptr"], name="articles_imported_views"
            ),
        ]

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.section_id = parent.id
        if self.live and self.published_at is None:
            self.published_at = self.first_published_at or timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is None:
            self.updated_at = latest_time(self.corrections.all())
        # A new article has no ticker row yet: importers save 100,000 (#7).
        new_and_calm = self._state.adding and self.breaking_until is None
        super().save(*args, **kwargs)
        if update_fields is None or {"live", "published_at"} & set(update_fields):
            self.sync_tag_dates()
        if new_and_calm:
            return
        if update_fields is None or {"live", "breaking_until"} & set(update_fields):
            self.sync_breaking()

    def sync_tag_dates(self):
        """Copy the live publication date onto the tag links (see ArticleTag)."""
        ArticleTag.objects.filter(content_object_id=self.pk).update(
            published_at=self.published_at if self.live else None
        )

    def sync_breaking(self):
        """Keep the ticker's row (Breaking) to the live article's switch: the
        ticker reads that small table first (#8), the article owns the flag."""
        until = self.breaking_until
        if self.live and until is not None and until > timezone.now():
            Breaking.objects.update_or_create(
                page_id=self.pk, defaults={"until": until}
            )
        else:
            Breaking.objects.filter(page_id=self.pk).delete()

    @property
    def is_breaking(self):
        """Breaking news now: checked at reading time, so an expired item
        never shows, even before the expiry job has switched it off."""
        return self.breaking_until is not None and self.breaking_until > timezone.now()

    @property
    def modified_at(self):
        """The last change readers can see: a publish or a dated note."""
        found = [self.last_published_at, self.updated_at, self.published_at]
        return max((moment for moment in found if moment), default=None)

    @cached_property
    def byline_authors(self):
        return [link.author for link in self.article_authors.all()]

    @property
    def columnist(self):
        """The opinion card's columnist, when the listing attached it
        (queries.attach_columnists); never a query of its own (#20)."""
        return vars(self).get("_columnist")

    @property
    def caption(self):
        image = self.featured_image
        return self.image_caption or (image.caption if image else "")

    @property
    def credit(self):
        image = self.featured_image
        return self.image_credit or (image.credit if image else "")

    @property
    def display_date(self):
        return (
            self.published_at
            or self.first_published_at
            or self.latest_revision_created_at
        )

    def body_text(self):
        """The body as plain text, for reading time and search."""
        parts = []
        for block in self.body:
            if block.block_type in {"paragraph", "html"}:
                parts.append(plain_text(str(block.value)))
            elif block.block_type == "heading":
                parts.append(block.value["text"])
            elif block.block_type in {"pull_quote", "quote"}:
                parts.append(block.value["text"])
        return "\n".join(parts)

    def short_url(self, request=None):
        """The absolute /a/<id>/ address the share buttons give (#18).

        The view is the feeds app's short link (feeds/urls.py), reached by its
        URL name: it already answers live, public articles only.
        """
        parts = self.get_url_parts(request)
        # A preview of an article never saved has no id, so no short link yet.
        if parts is None or not parts[1] or self.pk is None:
            return None
        return parts[1] + reverse("feeds:short", args=[self.pk])

    # An article shows in its section, tags, authors and the front, not
    # everywhere: its edits bump those groups only (#8, #13).
    cache_site_wide = False

    @classmethod
    def cache_groups_of(cls, page_ids):
        """Everything that shows these articles: themselves, their sections,
        tags, authors, and the front (cards carry titles and comment counts)."""
        ids = list(page_ids)
        found = {groups.FRONT, *(groups.page(pk) for pk in ids)}
        rows = cls.objects.filter(pk__in=ids).values_list("section_id", "path")
        found.update(groups.section(pk) for pk, _path in rows if pk)
        # A sub-section's listing is also its parents': bump every section
        # above the article, found by path in one query (#20).
        found.update(
            groups.section(pk) for pk in cls.sections_above(p for _s, p in rows)
        )
        slugs = ArticleTag.objects.filter(content_object_id__in=ids).values_list(
            "tag__slug", flat=True
        )
        found.update(groups.tag(slug) for slug in slugs)
        names = ArticlePageAuthor.objects.filter(page_id__in=ids).values_list(
            "author__slug", flat=True
        )
        found.update(groups.author(slug) for slug in names)
        return found

    @classmethod
    def sections_above(cls, paths):
        """Ids of the sections whose path starts any of ``paths`` (pages'
        tree paths): an article's or a section's ancestors (#20)."""
        step = cls.steplen
        prefixes = {
            path[:end] for path in paths for end in range(step, len(path), step)
        }
        if not prefixes:
            return []
        # The section model by its field, as articles may not import sections.
        section = cls._meta.get_field("section").related_model
        return list(
            section.objects.filter(path__in=prefixes).values_list("pk", flat=True)
        )

    def cache_dependencies(self, tags=None):
        tags = self.tags.all() if tags is None else tags
        # The author boxes list each author's latest pieces (#20); the byline
        # article_context() read is on the page, else it costs a query.
        byline = getattr(self, "_nashra_byline", None)
        if byline is None:
            slugs = self.article_authors.values_list("author__slug", flat=True)
        else:
            slugs = [author.slug for author in byline]
        return {
            groups.page(self.pk),
            groups.section(self.section_id),
            *(groups.tag(t.slug) for t in tags),
            *(groups.author(slug) for slug in slugs),
        }

    # «وضع القراءة» (#20): ?reading=1 serves the text alone. Served by
    # Wagtail's serve view like the page itself, so a password or a login
    # restriction answers first; the page cache keys on the query string, so
    # the two forms are stored apart and never published as a static file.
    offers_reading_mode = True

    def reading_mode(self, request):
        return self.offers_reading_mode and request.GET.get("reading") == "1"

    def get_template(self, request, *args, **kwargs):
        if self.reading_mode(request):
            return "articles/article_reading.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from nashra.articles.views import article_context

        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context


class ArticlePageAuthor(Orderable):
    """One name in an article's byline, in the order the newsroom chose."""

    page = ParentalKey(
        ArticlePage, related_name="article_authors", on_delete=models.CASCADE
    )
    author = models.ForeignKey(
        Author, verbose_name=_("author"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline author")
