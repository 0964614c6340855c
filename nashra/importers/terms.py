"""Authors, categories (→ sections) and tags of a WordPress export (#7)."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from nashra.articles.models import Author, Tag
from nashra.sections.models import SectionPage

from .ledger import checksum
from .pagetree import publish_new, unique_slug
from .permalinks import author_nicename
from .redirects import redirect_author, redirect_term

UNCATEGORISED = "__uncategorised__"


def import_author(run, author) -> None:
    key = author.wp_id if author.wp_id is not None else f"login:{author.login}"
    digest = checksum(author, run.authors_as_users)
    row = run.ledger.find("author", key)
    existing = Author.objects.filter(pk=row.object_id).first() if row else None
    name = author.display_name or author.login or str(key)
    if existing and row.checksum == digest:
        run.authors[author.login] = existing.pk
        run.report.count("authors", "unchanged")
        redirect_author(run, author, existing.get_absolute_url())
        return
    with transaction.atomic():
        target = existing or Author()
        target.name = name[:200]
        if not existing:
            base = author_nicename(author.login) or slugify(name, allow_unicode=True)
            target.slug = _free_slug(Author, base[:190] or "author")
        if run.authors_as_users and target.user_id is None:
            target.user = _staff_user(author)
        target.save()
        run.ledger.record(row, "author", key, target, digest)
    run.authors[author.login] = target.pk
    run.report.count("authors", "updated" if existing else "created")
    redirect_author(run, author, target.get_absolute_url())


def _free_slug(model, base: str) -> str:
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _staff_user(author):
    """A staff account that cannot log in until someone sets a password."""
    users = get_user_model()
    username = (author.login or author.email)[:150]
    user = users.objects.filter(username=username).first()
    if user is None:
        user = users(username=username, email=author.email[:254], is_staff=True)
        user.first_name = author.first_name[:150]
        user.last_name = author.last_name[:150]
        user.set_unusable_password()
        user.save()
    return user


def import_categories(run, categories: dict) -> None:
    """Sections in parent-first order, whatever order the export used."""
    done: set[str] = set()

    def visit(nicename: str, trail: frozenset) -> None:
        if nicename in done or nicename in trail:
            return
        category = categories[nicename]
        if category.parent in categories:
            visit(category.parent, trail | {nicename})
        done.add(nicename)
        _import_category(run, category, categories)

    for nicename in categories:
        visit(nicename, frozenset())


def _import_category(run, category, categories) -> None:
    key = category.term_id if category.term_id is not None else category.nicename
    parent_id = run.sections.get(category.parent) if category.parent else None
    digest = checksum(category, parent_id)
    row = run.ledger.find("category", key)
    section = SectionPage.objects.filter(pk=row.object_id).first() if row else None
    if section and row.checksum == digest:
        run.sections[category.nicename] = section.pk
        run.report.count("categories", "unchanged")
        redirect_term(run, "category", category, section)
        return
    title = (category.name or category.nicename or str(key))[:255]
    parent = SectionPage.objects.get(pk=parent_id) if parent_id else run.home
    with transaction.atomic():
        if section is None:
            slug = unique_slug(parent, category.nicename or title, report=run.report,
                               item=f"category {key}")  # fmt: skip
            section = SectionPage(title=title, slug=slug)
            section.description = category.description[:500]
            publish_new(parent, section)
            outcome = "created"
        else:
            section.title = title
            section.description = category.description[:500]
            section.save_revision().publish()
            outcome = "updated"
        run.ledger.record(row, "category", key, section, digest)
    run.sections[category.nicename] = section.pk
    run.report.count("categories", outcome)
    redirect_term(run, "category", category, section)


def uncategorised_section(run) -> int:
    """The section for posts without a category (created once per source)."""
    if UNCATEGORISED in run.sections:
        return run.sections[UNCATEGORISED]
    row = run.ledger.find("category", UNCATEGORISED)
    section = SectionPage.objects.filter(pk=row.object_id).first() if row else None
    if section is None:
        with transaction.atomic():
            slug = unique_slug(run.home, "uncategorised")
            section = SectionPage(title=_("Uncategorised"), slug=slug)
            publish_new(run.home, section)
            run.ledger.record(row, "category", UNCATEGORISED, section, "")
    run.sections[UNCATEGORISED] = section.pk
    return section.pk


def import_tag(run, tag) -> None:
    key = tag.term_id if tag.term_id is not None else f"slug:{tag.slug}"
    digest = checksum(tag)
    row = run.ledger.find("tag", key)
    existing = Tag.objects.filter(pk=row.object_id).first() if row else None
    if existing and row.checksum == digest:
        run.tags[tag.slug] = existing.pk
        run.report.count("tags", "unchanged")
        redirect_term(run, "tag", tag, existing.get_absolute_url())
        return
    name = (tag.name or tag.slug)[:100]
    with transaction.atomic():
        target = existing or Tag.objects.filter(name=name).first()
        outcome = "updated" if target else "created"
        if target is None:
            target = Tag(name=name, slug=_free_slug(Tag, tag.slug[:90] or "tag"))
        target.name = name
        target.save()
        run.ledger.record(row, "tag", key, target, digest)
    run.tags[tag.slug] = target.pk
    run.report.count("tags", outcome)
    redirect_term(run, "tag", tag, target.get_absolute_url())


def tag_for(run, slug: str, name: str) -> int:
    """A tag used by a post but missing from the channel's tag list."""
    if slug not in run.tags:
        tag = (
            Tag.objects.filter(slug=slug).first()
            or Tag.objects.filter(name=name[:100]).first()
        )
        if tag is None:
            tag = Tag.objects.create(name=name[:100] or slug, slug=slug[:100])
        run.tags[slug] = tag.pk
    return run.tags[slug]
