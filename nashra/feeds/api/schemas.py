"""What the public API returns: explicit schemas, so no field leaks by accident.

Every response is built from these classes only. A model field that is not
named here (an author's staff account, revision data, a commenter's e-mail)
cannot reach a client, whatever is added to the models later.
"""

from datetime import datetime
from typing import Any

from ninja import Schema


class Problem(Schema):
    detail: Any


class ImageOut(Schema):
    id: int
    title: str
    alt: str
    caption: str
    credit: str
    width: int
    height: int
    url: str


class SectionRef(Schema):
    id: int
    title: str
    url: str | None


class SectionOut(SectionRef):
    slug: str
    description: str
    parent_id: int | None


class AuthorRef(Schema):
    name: str
    slug: str
    url: str


class AuthorOut(AuthorRef):
    role: str
    bio: str
    photo: ImageOut | None


class TagOut(Schema):
    name: str
    slug: str
    url: str


class ArticleOut(Schema):
    id: int
    title: str
    slug: str
    url: str | None
    short_url: str
    summary: str
    published_at: datetime
    updated_at: datetime
    # Breaking news now, and until when; false and null once it has expired.
    breaking: bool
    breaking_until: datetime | None
    section: SectionRef | None
    authors: list[AuthorRef]
    tags: list[TagOut]
    image: ImageOut | None


class ArticleDetail(ArticleOut):
    body_html: str


def page_of(item_schema):
    """A page of results: total count, page number and the items."""
    return type(
        f"{item_schema.__name__}Page",
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "page_size": int,
                "results": list[item_schema],
            }
        },
    )
