"""The demo data must load cleanly: the loader trusts these shapes without checking."""

import re
from collections import Counter

import pytest

from nashra.demo.content import ARTICLES, AUTHORS, SECTIONS, SUBSECTIONS, TAGS
from nashra.demo.images import IMAGE_KEYS, image_kind

SECTION_SLUGS = {section["slug"] for section in SECTIONS + SUBSECTIONS}
AUTHOR_SLUGS = {author["slug"] for author in AUTHORS}
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
TAG = re.compile(r"<[^>]+>")

ARTICLE_KEYS = {
    "slug", "section", "title", "summary", "authors", "tags", "hours_ago",
    "featured", "breaking", "image", "image_caption", "image_credit", "body",
}  # fmt: skip
BLOCK_VALUE_KEYS = {
    "heading": {"text", "level"},
    "image": {"image", "caption", "credit", "alt"},
    "pull_quote": {"text", "attribution"},
    "quote": {"text", "source"},
    "table": {
        "table_caption", "first_row_is_table_header", "first_col_is_header", "data",
    },
}  # fmt: skip


def is_unicode_slug(slug: str) -> bool:
    """Letters, digits and single inner hyphens; lowercase when ASCII."""
    parts = slug.split("-")
    return (
        all(part and all(char.isalnum() for char in part) for part in parts)
        and slug == slug.lower()
    )


def body_words(article) -> int:
    texts = []
    for block in article["body"]:
        value = block["value"]
        if block["type"] == "paragraph":
            texts.append(TAG.sub(" ", value))
        elif block["type"] in {"heading", "pull_quote", "quote"}:
            texts.append(value["text"])
    return len(" ".join(texts).split())


def ids(items):
    return [item["slug"] for item in items]


@pytest.mark.parametrize(
    ("slug", "valid"),
    [
        ("افتتاح-مترو-المدينة", True),
        ("ثقافة", True),
        ("school-bus-plan", True),
        ("قمة-تيرا-27", True),
        ("", False),
        ("-بداية", False),
        ("نهاية-", False),
        ("مزدوج--الشرطة", False),
        ("مسافة فارغة", False),
        ("School-Bus", False),
        ("مُدير", False),
        ("سؤال؟", False),
    ],
)
def test_slug_rule_itself(slug, valid):
    """The checker must reject what Wagtail's unicode slug field would reject."""
    assert is_unicode_slug(slug) is valid


def test_minimum_volume():
    """A demo with too little content hides pagination and listing bugs."""
    assert len(ARTICLES) >= 36
    assert len(SECTIONS) >= 6
    assert len(AUTHORS) >= 5
    assert len(TAGS) >= 15


def test_sections_shape_and_world_section():
    """The loader reads these keys directly; the world section anchors navigation."""
    for section in SECTIONS:
        assert set(section) == {"slug", "title", "title_en", "description"}
        assert ARABIC_LETTER.search(section["title"])
        assert ARABIC_LETTER.search(section["description"])
    assert {"slug": "world", "title": "أخبار العالم"}.items() <= next(
        s for s in SECTIONS if s["slug"] == "world"
    ).items()


def test_some_section_slug_is_arabic():
    """Unicode URLs must be exercised by the demo, not only ASCII ones."""
    assert any(ARABIC_LETTER.search(slug) for slug in SECTION_SLUGS)


def test_authors_shape():
    """Author pages render name, role and bio; none may be missing."""
    for author in AUTHORS:
        assert set(author) == {"slug", "name", "role", "bio"}
        assert all(author[key].strip() for key in author)


@pytest.mark.parametrize(
    "items", [SECTIONS, AUTHORS, ARTICLES], ids=["sections", "authors", "articles"]
)
def test_slugs_unique_and_valid(items):
    """Duplicate or malformed slugs would make the loader fail half-way."""
    slugs = ids(items)
    assert len(slugs) == len(set(slugs))
    assert [slug for slug in slugs if not is_unicode_slug(slug)] == []


def test_article_slugs_mostly_arabic_with_some_ascii():
    """Both kinds of article URL must appear on the demo site."""
    arabic = [slug for slug in ids(ARTICLES) if ARABIC_LETTER.search(slug)]
    assert len(arabic) > len(ARTICLES) / 2
    assert len(arabic) < len(ARTICLES)


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_article_shape(article):
    """Every article refers only to existing sections, authors and pictures."""
    assert set(article) == ARTICLE_KEYS
    assert article["section"] in SECTION_SLUGS
    assert 1 <= len(article["authors"]) <= 2
    assert set(article["authors"]) <= AUTHOR_SLUGS
    assert article["tags"] and all(tag.strip() for tag in article["tags"])
    assert isinstance(article["hours_ago"], int) and 0 < article["hours_ago"] <= 24 * 62
    assert isinstance(article["featured"], bool)
    assert isinstance(article["breaking"], bool)
    assert article["image"] in IMAGE_KEYS
    for key in ("title", "summary", "image_caption", "image_credit"):
        assert article[key].strip()


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_body_blocks(article):
    """Blocks map 1:1 onto StreamField blocks; a stray key breaks the import."""
    paragraphs = 0
    for block in article["body"]:
        assert set(block) == {"type", "value"}
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            paragraphs += 1
            assert re.fullmatch(r"<(p|ul|ol)>.*</\1>", value, re.DOTALL)
        elif kind == "separator":
            assert value is None
        else:
            assert set(value) == BLOCK_VALUE_KEYS[kind]
        if kind == "heading":
            assert value["level"] in {"h2", "h3"}
        if kind == "image":
            assert value["image"] in IMAGE_KEYS
        if kind == "table":
            widths = {len(row) for row in value["data"]}
            assert len(widths) == 1 and len(value["data"]) >= 2
    assert 4 <= paragraphs <= 9


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_body_is_real_prose(article):
    """Layout, reading time and search must be tried on article-sized text."""
    assert 150 <= body_words(article) <= 650


@pytest.mark.parametrize("article", ARTICLES, ids=ids(ARTICLES))
def test_links_only_to_example_domains(article):
    """Demo content must not send readers or crawlers to real third-party sites."""
    for block in article["body"]:
        if block["type"] == "paragraph":
            for url in re.findall(r'href="([^"]+)"', block["value"]):
                assert url.startswith("https://example.org/")


def test_exactly_one_lead_story_among_the_newest():
    """The front page lead must be fresh, or the demo looks abandoned."""
    featured = [article for article in ARTICLES if article["featured"]]
    assert len(featured) == 1
    newest = sorted(ARTICLES, key=lambda article: article["hours_ago"])[:5]
    assert featured[0] in newest


def test_breaking_news_is_rare_and_recent():
    """More than two breaking items would drown the ticker."""
    breaking = [article for article in ARTICLES if article["breaking"]]
    assert 1 <= len(breaking) <= 2
    assert all(article["hours_ago"] <= 24 for article in breaking)


def test_publication_times_spread_over_two_months():
    """Archives and date filters need older items; the front page needs new ones."""
    hours = sorted(article["hours_ago"] for article in ARTICLES)
    assert sum(hour <= 24 for hour in hours) >= 3
    assert hours[-1] >= 24 * 50
    assert len(set(hours)) == len(hours)


def test_tags_are_shared_between_articles():
    """Tag pages with a single article do not show that tag listings work."""
    counts = Counter(tag for article in ARTICLES for tag in article["tags"])
    assert sum(count >= 3 for count in counts.values()) >= 5
    assert any(re.search("[A-Za-z]", tag) for tag in TAGS)


def test_every_section_has_articles():
    """An empty section page would be the first thing a reviewer clicks."""
    used = {article["section"] for article in ARTICLES}
    assert used == SECTION_SLUGS


def test_bidi_and_typography_are_exercised():
    """Latin runs, quotation marks, harakat and inline markup must all appear."""
    text = " ".join(article["title"] + article["summary"] for article in ARTICLES)
    body = str([article["body"] for article in ARTICLES])
    assert re.search(r"[\u0621-\u064a][^\n]*[A-Za-z]", text)
    assert "«" in body and "“" in body
    assert re.search(r"[\u064b-\u0652]", body)
    assert "سبتمبر/أيلول" in text + body
    assert '<a href="https://example.org/' in body and "<b>" in body


def test_one_very_long_title_without_latin():
    """A ~110-character headline tests wrapping in cards and the page header."""
    long_titles = [a["title"] for a in ARTICLES if len(a["title"]) >= 105]
    assert any(not re.search("[A-Za-z]", title) for title in long_titles)


def test_image_keys_name_a_known_kind():
    """A key with an unknown prefix silently falls back to a generic picture."""
    assert all(key.split("-", 1)[0] == image_kind(key) for key in IMAGE_KEYS)


def test_sub_sections_sit_in_sections_and_hold_stories():
    """The demo shows sub-sections (#20): رياضة › كرة القدم, اقتصاد › أسواق."""
    tops = {section["slug"] for section in SECTIONS}
    assert {(s["parent"], s["title"]) for s in SUBSECTIONS} >= {
        ("sport", "كرة القدم"),
        ("economy", "أسواق"),
    }
    for section in SUBSECTIONS:
        assert section["parent"] in tops
        assert set(section) == {"slug", "parent", "title", "title_en", "description"}
    used = {article["section"] for article in ARTICLES}
    # Each parent keeps stories of its own besides its sub-sections'.
    assert {s["parent"] for s in SUBSECTIONS} <= used
