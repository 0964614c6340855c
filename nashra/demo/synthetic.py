"""Synthetic newspaper at benchmark scale, written with bulk inserts (#8).

Wagtail's add_child() costs several queries per page; 100,000 articles that
way take an hour. Here the page tree is laid out directly: each article's
materialised path is its section's path plus the next step, so one bulk
insert per table and batch writes a whole batch of articles. No revisions
are written (the editor's first save creates one) and no images.
"""

import json
import random
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from nashra.articles.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticleTag,
    Author,
    Tag,
)
from nashra.comments.models import Comment, CommentThread, Status
from nashra.pagecache import words
from nashra.sections.factories import create_section
from nashra.sections.models import SectionPage

BATCH = 2000
ARTICLE_COLUMNS = (
    "page_ptr_id", "summary", "body", "featured_image_id", "image_caption",
    "image_credit", "published_at", "featured", "section_id",
)  # fmt: skip


def sentence(rng):
    return (
        f"{rng.choice(words.VERBS)} {rng.choice(words.SUBJECTS)} في "
        f"{rng.choice(words.PLACES)} {rng.choice(words.OBJECTS)}، "
        f"{rng.choice(words.DETAILS)}."
    )


def body(rng, paragraphs=6):
    return [
        {
            "type": "paragraph",
            "value": "<p>" + " ".join(sentence(rng) for _ in range(4)) + "</p>",
            "id": str(uuid.UUID(int=rng.getrandbits(128))),
        }
        for _ in range(paragraphs)
    ]


def ensure_sections(home):
    found = list(SectionPage.objects.child_of(home).live())
    if found:
        return found
    return [create_section(home, title, slug) for title, slug in words.SECTIONS]


def ensure_people(rng, authors=60, tags=120):
    have = list(Author.objects.all())
    if len(have) < authors:
        made = [
            Author(
                name=f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.FAMILY_NAMES)}",
                slug=f"كاتب-{len(have) + n}",
                role="محرر",
            )
            for n in range(authors - len(have))
        ]
        have += Author.objects.bulk_create(made)
    labels = list(Tag.objects.all())
    if len(labels) < tags:
        names = [
            f"{rng.choice(words.TAG_WORDS)} في {rng.choice(words.PLACES)}"
            for _ in range(tags * 3)
        ]
        taken = {t.name for t in labels}
        fresh = [n for n in dict.fromkeys(names) if n not in taken][
            : tags - len(labels)
        ]
        start = len(labels)
        labels += Tag.objects.bulk_create(
            [Tag(name=n, slug=f"وسم-{start + i}") for i, n in enumerate(fresh)]
        )
    return have, labels


class Generator:
    """Appends ``count`` published articles, spread over the sections."""

    def __init__(self, home, *, seed=8, comments_per_article=0, index=True):
        self.rng = random.Random(seed)  # noqa: S311  (synthetic text, not secrets)
        self.home = home
        self.comments_per_article = comments_per_article
        self.index = index
        self.sections = ensure_sections(home)
        self.authors, self.tags = ensure_people(self.rng)
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.locale = Locale.get_default()
        self.now = timezone.now()
        # A pool of bodies: composing 24 sentences per article costs more than
        # inserting it, and a benchmark needs realistic sizes, not uniqueness.
        self.bodies = [
            json.dumps(body(self.rng), ensure_ascii=False) for _ in range(400)
        ]

    def run(self, count, progress=None):
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            with transaction.atomic():
                ids = self.batch(size)
            if self.index:
                self.search_index(ids)
            made += size
            if progress:
                progress(made)
        return made

    def batch(self, size):
        per_section = {}
        for _ in range(size):
            section = self.rng.choice(self.sections)
            per_section[section.pk] = per_section.get(section.pk, 0) + 1
        ids = []
        for section in self.sections:
            wanted = per_section.get(section.pk, 0)
            if wanted:
                ids += self.fill(section, wanted)
        return ids

    def fill(self, section, wanted):
        section.refresh_from_db(fields=["path", "depth", "numchild", "url_path"])
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        step = int(last[-Page.steplen :], 36) if last else 0
        rng = self.rng
        pages, rows = [], []
        for _ in range(wanted):
            step += 1
            when = self.now - timedelta(minutes=rng.randint(1, 60 * 24 * 3650))
            title = sentence(rng).split("،")[0]
            slug = f"خبر-{section.pk}-{step}"
            pages.append(
                Page(
                    path=Page._get_path(section.path, section.depth + 1, step),
                    depth=section.depth + 1,
                    numchild=0,
                    translation_key=uuid.uuid4(),
                    locale=self.locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=when,
                    last_published_at=when,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=self.content_type,
                    url_path=f"{section.url_path}{slug}/",
                    show_in_menus=False,
                )
            )
            rows.append([title, when])
        created = Page.objects.bulk_create(pages)
        page_ids = [p.pk for p in created]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {ArticlePage._meta.db_table} "  # noqa: S608
                f"({', '.join(ARTICLE_COLUMNS)}) VALUES "
                f"({', '.join(['%s'] * len(ARTICLE_COLUMNS))})",
                [
                    (
                        pk,
                        f"{title} — {rng.choice(words.DETAILS)}.",
                        rng.choice(self.bodies),
                        None,
                        "",
                        "",
                        when,
                        False,
                        section.pk,
                    )  # fmt: skip
                    for pk, (title, when) in zip(page_ids, rows, strict=True)
                ],
            )
        self.relations(page_ids, [when for _, when in rows])
        Page.objects.filter(pk=section.pk).update(numchild=step)
        return page_ids

    def relations(self, page_ids, dates):
        rng = self.rng
        links, bylines, comments, threads = [], [], [], []
        for pk, when in zip(page_ids, dates, strict=True):
            # Tag links carry the live article's date, as ArticlePage.save()
            # keeps them: tag pages and related stories read only that index.
            links += [(pk, tag.pk, when) for tag in rng.sample(self.tags, 3)]
            bylines.append((pk, rng.choice(self.authors).pk, 0))
            count, approved_count = self.comments_per_article, 0
            for _ in range(count):
                approved = rng.random() < 0.9
                approved_count += approved
                comments.append(
                    Comment(
                        article_id=pk,
                        name=rng.choice(words.FIRST_NAMES),
                        email=f"reader{rng.randint(1, 99999)}@example.com",
                        body=rng.choice(words.COMMENTS),
                        status=Status.APPROVED if approved else Status.PENDING,
                    )
                )
            if count:
                threads.append(CommentThread(page_id=pk, approved_count=approved_count))
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {ArticleTag._meta.db_table} "  # noqa: S608
                "(content_object_id, tag_id, published_at) VALUES (%s, %s, %s)",
                links,
            )
            cursor.executemany(
                f"INSERT INTO {ArticlePageAuthor._meta.db_table} "  # noqa: S608
                "(page_id, author_id, sort_order) VALUES (%s, %s, %s)",
                bylines,
            )
        Comment.objects.bulk_create(comments, batch_size=5000)
        CommentThread.objects.bulk_create(threads, batch_size=5000)

    def search_index(self, ids):
        from nashra.search.indexing import index_in_batches

        index_in_batches(ids)
