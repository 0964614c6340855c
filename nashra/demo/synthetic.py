"""Synthetic newspaper at benchmark scale, written in bulk (#8).

Wagtail's add_child() costs several queries per page; 100,000 articles that
way take an hour. The articles, bylines and tag links go through
nashra.articles.bulk, the comments and threads through nashra.comments.bulk,
the reader index through nashra.search: one bulk insert per table and batch,
and the tree kept exactly as treebeard keeps it (#13). No revisions are
written (the editor's first save creates one) and no images.
"""

import random
import uuid
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from nashra.articles import bulk as articles
from nashra.articles.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticleTag,
    Author,
    Tag,
)
from nashra.comments.bulk import import_comments
from nashra.comments.models import Comment, Status
from nashra.demo import words
from nashra.search.indexing import index_in_batches
from nashra.sections.factories import create_section
from nashra.sections.models import SectionPage

BATCH = 2000
# Slugs number a section's generated articles: "خبر-<section id>-<n>".
SLUG = "خبر-{section}-{n}"


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
        self.now = timezone.now()
        self.numbers = {section.pk: _last_number(section) for section in self.sections}
        self.known_last: dict[int, str] = {}
        # A pool of bodies: composing 24 sentences per article costs more than
        # inserting it, and a benchmark needs realistic sizes, not uniqueness.
        field = ArticlePage._meta.get_field("body")
        self.bodies = [field.to_python(body(self.rng)) for _ in range(400)]

    def run(self, count, progress=None):
        made = 0
        while made < count:
            size = min(BATCH, count - made)
            with transaction.atomic():
                ids = self.batch(size)
            if self.index:
                index_in_batches(ids)
            made += size
            if progress:
                progress(made)
        return made

    def batch(self, size):
        per_section = {}
        for _ in range(size):
            section = self.rng.choice(self.sections)
            per_section[section.pk] = per_section.get(section.pk, 0) + 1
        placed, comments = [], []
        for section in self.sections:
            wanted = per_section.get(section.pk, 0)
            if wanted:
                parent = articles.lock(section.pk)
                pages = self.articles(section, wanted, comments)
                placed += [(parent, page) for page in pages]
        articles.create_articles(placed, revisions=False, known_last=self.known_last)
        import_comments(comments)
        return [page.pk for _, page in placed]

    def articles(self, section, wanted, comments):
        """Unsaved articles for a section; their comments added to `comments`."""
        rng = self.rng
        heads = []
        for _ in range(wanted):
            self.numbers[section.pk] += 1
            when = self.now - timedelta(minutes=rng.randint(1, 60 * 24 * 3650))
            title = sentence(rng).split("،")[0]
            heads.append((SLUG.format(section=section.pk, n=self.numbers[section.pk]),
                          title, when))  # fmt: skip
        pages = [
            ArticlePage(
                title=title,
                slug=slug,
                live=True,
                first_published_at=when,
                published_at=when,
                summary=f"{title} — {rng.choice(words.DETAILS)}.",
                body=rng.choice(self.bodies),
            )
            for slug, title, when in heads
        ]
        for page in pages:
            self.relations(page, comments)
        return pages

    def relations(self, page, comments):
        rng = self.rng
        page.tagged_items = [ArticleTag(tag=tag) for tag in rng.sample(self.tags, 3)]
        page.article_authors = [
            ArticlePageAuthor(author=rng.choice(self.authors), sort_order=0)
        ]
        for _ in range(self.comments_per_article):
            approved = rng.random() < 0.9
            comments.append(
                Comment(
                    article=page,
                    name=rng.choice(words.FIRST_NAMES),
                    email=f"reader{rng.randint(1, 99999)}@example.com",
                    body=rng.choice(words.COMMENTS),
                    status=Status.APPROVED if approved else Status.PENDING,
                )
            )


def _last_number(section) -> int:
    """Where the section's numbering goes on: after its children (so a
    fresh paper numbers as the tree steps do) and after every generated slug
    (so a section that lost an article never gives its number out twice)."""
    section.refresh_from_db(fields=["numchild"])
    prefix = SLUG.format(section=section.pk, n="")
    numbers = [
        int(slug[len(prefix) :])
        for slug in section.get_children()
        .filter(slug__startswith=prefix)
        .values_list("slug", flat=True)
        if slug[len(prefix) :].isdigit()
    ]
    return max([section.numchild, *numbers])
