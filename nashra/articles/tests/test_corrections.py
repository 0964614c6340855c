"""Corrections and update notes: who may add them, where they show (#14)."""

import json
from datetime import UTC, timedelta

import feedparser
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html
from wagtail.test.utils.form_data import inline_formset

from nashra.articles.corrections import Correction, NoteKind
from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.core.tests.factories import build_newspaper
from nashra.feeds.sitemaps import w3c
from nashra.newsroom.roles import site_role
from nashra.newsroom.tests.base import Newsroom, staff


def add_notes(article, *notes):
    """Publish ``article`` again with ``notes`` ((kind, text, at), …) added."""
    page = article.get_latest_revision_as_object()
    page.corrections = [
        *page.corrections.all(),
        *(Correction(kind=kind, text=text, at=at) for kind, text, at in notes),
    ]
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def json_ld_article(response):
    tree = html.fromstring(response.content.decode())
    script = tree.xpath('//script[@type="application/ld+json"]')[0].text
    graph = json.loads(script)["@graph"]
    return next(item for item in graph if item["@type"] == "NewsArticle")


class EditorFormTests(Newsroom, TestCase):
    """Only editors and the chief editor write notes, through the page form."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = staff("ziad", "editor")
        cls.article = create_article(cls.section, "خبر منشور", slug="live")

    def edit(self, user, notes, **extra):
        self.client.force_login(user)
        data = self.article_form(
            "live",
            corrections=inline_formset(notes),
            **{"action-publish": "1"},
            **extra,
        )
        return self.client.post(f"/admin/pages/{self.article.pk}/edit/", data)

    def test_editor_adds_a_correction_that_goes_live_with_the_publish(self):
        note = {"kind": "correction", "text": "ورد خطأً أن المباراة الأحد.",
                "at": "2026-11-30 10:15"}  # fmt: skip
        response = self.edit(self.editor, [note])
        self.assertEqual(response.status_code, 302)
        saved = Correction.objects.get(page=self.article)
        self.assertEqual(saved.text, note["text"])
        page = self.client.get(self.article.url).content.decode()
        self.assertIn("تصحيح", page)
        self.assertIn("ورد خطأً أن المباراة الأحد.", page)
        self.assertIn("byline__updated", page)

    def test_editor_form_shows_the_notes_panel(self):
        self.client.force_login(self.editor)
        page = self.client.get(f"/admin/pages/{self.article.pk}/edit/")
        self.assertContains(page, 'name="corrections-TOTAL_FORMS"')

    def test_author_form_has_no_notes_panel(self):
        mine = self.draft(self.author, "mine")
        self.client.force_login(self.author)
        page = self.client.get(f"/admin/pages/{mine.pk}/edit/")
        self.assertEqual(page.status_code, 200)
        self.assertNotContains(page, "corrections-TOTAL_FORMS")

    def test_a_hand_made_post_from_a_contributor_adds_nothing(self):
        """The panel is hidden and its formset left out of the form: posting
        the fields by hand must not write a correction either."""
        mine = self.draft(self.contributor, "filed")
        self.client.force_login(self.contributor)
        data = self.article_form(
            "filed",
            corrections=inline_formset(
                [{"kind": "correction", "text": "تصحيح مزور", "at": "2026-11-30 10:15"}]
            ),
        )
        response = self.client.post(f"/admin/pages/{mine.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Correction.objects.exists())
        latest = mine.get_latest_revision_as_object()
        self.assertEqual(list(latest.corrections.all()), [])

    def test_a_form_without_the_notes_keeps_them(self):
        """A POST that never showed the notes leaves them alone, not a 200
        with a "management form missing" error."""
        add_notes(self.article, ("update", "أضيفت تصريحات المدرب.", timezone.now()))
        self.client.force_login(self.editor)
        data = self.article_form("live", **{"action-publish": "1"})
        response = self.client.post(f"/admin/pages/{self.article.pk}/edit/", data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Correction.objects.filter(page=self.article).count(), 1)

    def test_the_roles_grant_notes_to_editors_and_the_chief_only(self):
        def may(key):
            group = site_role(key).group
            return group.permissions.filter(codename="add_correction").exists()

        self.assertTrue(may("editor"))
        self.assertTrue(may("chief-editor"))
        for key in ("contributor", "author", "moderator"):
            self.assertFalse(may(key), key)
        self.assertTrue(self.editor.has_perm("articles.add_correction"))
        self.assertFalse(Group.objects.get(pk=site_role("author").group.pk)
                         .permissions.filter(codename="change_correction").exists())  # fmt: skip


class ReaderTests(TestCase):
    """The article, its metadata, the feeds and the sitemap show the notes."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        article = cls.paper["articles"][0]
        # The notes are dated after the last publish: an editor may write
        # the time the story changed, and that time is what readers get.
        cls.corrected_at = timezone.now() + timedelta(minutes=7)
        cls.updated_at = timezone.now() + timedelta(minutes=3)
        cls.article = add_notes(
            article,
            (NoteKind.CORRECTION, "الاسم الصحيح هو سلمى وليس سلوى.", cls.corrected_at),
            (NoteKind.UPDATE, "أضيف رد الوزارة.", cls.updated_at),
        )

    def test_the_article_shows_each_note_with_its_label_and_time(self):
        page = html.fromstring(self.client.get(self.article.url).content.decode())
        notes = page.xpath('//section[@class="article__notes"]//li')
        self.assertEqual(len(notes), 2)
        # In time order: the update (3 minutes) before the correction (7).
        self.assertIn("تحديث", notes[0].text_content())
        self.assertIn("أضيف رد الوزارة.", notes[0].text_content())
        self.assertIn("تصحيح", notes[1].text_content())
        updated = page.xpath('//span[@class="byline__updated"]/time/@datetime')
        self.assertEqual(
            updated, [timezone.localtime(self.corrected_at).isoformat("T", "seconds")]
        )

    def test_json_ld_has_date_modified_and_the_correction_only(self):
        article = json_ld_article(self.client.get(self.article.url))
        self.assertEqual(article["dateModified"], w3c(self.corrected_at))
        self.assertEqual(
            article["correction"],
            [{"@type": "CorrectionComment",
              "text": "الاسم الصحيح هو سلمى وليس سلوى.",
              "datePublished": w3c(self.corrected_at)}],
        )  # fmt: skip

    def test_an_article_without_notes_has_no_correction(self):
        other = self.paper["articles"][1]
        article = json_ld_article(self.client.get(other.url))
        self.assertNotIn("correction", article)
        self.assertEqual(article["dateModified"], w3c(other.last_published_at))

    def test_feeds_carry_the_new_modification_time(self):
        for url in ("/feeds/rss/", "/feeds/atom/"):
            with self.subTest(url=url):
                parsed = feedparser.parse(self.client.get(url).content)
                entry = next(e for e in parsed.entries if e.title == self.article.title)
                updated = entry.updated_parsed
                expected = self.corrected_at.astimezone(UTC).timetuple()
                self.assertEqual(updated[:6], expected[:6])

    def test_sitemap_lastmod_is_the_correction_time(self):
        sitemap = self.client.get("/sitemaps/articles-1.xml")
        raw = (
            b"".join(sitemap.streaming_content)
            if sitemap.streaming
            else sitemap.content
        )
        self.assertIn(f"<lastmod>{w3c(self.corrected_at)}</lastmod>", raw.decode())


@override_settings(PAGE_CACHE=False)
class QueryTests(TestCase):
    def test_several_notes_cost_no_more_queries_than_none(self):
        """N+1 guard: the notes come with the byline, in one query at most,
        and from the fragment cache once it is warm."""
        paper = build_newspaper(articles_per_section=1)
        plain, noted = paper["articles"]
        now = timezone.now()
        noted = add_notes(
            noted,
            *((NoteKind.CORRECTION, f"تصحيح رقم {n}", now) for n in range(3)),
            *((NoteKind.UPDATE, f"تحديث رقم {n}", now) for n in range(3)),
        )

        def count(url):
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url).status_code, 200)
            return len(queries)

        for url in (plain.url, noted.url):  # warm renditions and fragments
            count(url)
        self.assertEqual(count(noted.url), count(plain.url))
        cache.clear()
        cold_plain = count(plain.url)
        cache.clear()
        self.assertEqual(count(noted.url), cold_plain)


class CorrectionsPageTests(TestCase):
    """/corrections/: every correction, newest first, as newsrooms publish it."""

    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=2)
        cls.articles = paper["articles"]
        now = timezone.now()
        for n, article in enumerate(cls.articles[:3]):
            add_notes(article, (NoteKind.CORRECTION, f"تصحيح {n}",
                                now - timedelta(hours=n)))  # fmt: skip
        add_notes(cls.articles[3], (NoteKind.UPDATE, "تحديث لا تصحيح", now))
        draft = create_article(paper["world"], "مسودة", slug="draft", publish=False)
        draft.corrections = [Correction(text="تصحيح في مسودة", at=now)]
        draft.save()

    def texts(self, response):
        tree = html.fromstring(response.content.decode())
        return [
            p.text_content() for p in tree.xpath('//p[@class="corrections-list__text"]')
        ]

    def test_lists_corrections_of_published_articles_newest_first(self):
        response = self.client.get("/corrections/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>تصحيحات</h1>", html=False)
        self.assertEqual(self.texts(response), ["تصحيح 0", "تصحيح 1", "تصحيح 2"])

    def test_pages_of_twelve(self):
        now = timezone.now()
        add_notes(self.articles[3], *((NoteKind.CORRECTION, f"قديم {n}",
                  now - timedelta(days=2, minutes=n)) for n in range(12)))  # fmt: skip
        first = self.texts(self.client.get("/corrections/"))
        second = self.texts(self.client.get("/corrections/?page=2"))
        self.assertEqual(len(first), 12)
        self.assertEqual(second, ["قديم 9", "قديم 10", "قديم 11"])
        self.assertEqual(self.client.get("/corrections/?page=3").status_code, 404)

    def test_cached_and_invalidated_by_a_publish(self):
        self.client.get("/corrections/")
        self.assertEqual(self.client.get("/corrections/")["X-Cache"], "HIT")
        add_notes(self.articles[3], (NoteKind.CORRECTION, "تصحيح جديد",
                                     timezone.now() + timedelta(minutes=1)))  # fmt: skip
        response = self.client.get("/corrections/")
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertEqual(self.texts(response)[0], "تصحيح جديد")

    def test_unpublished_article_leaves_the_list(self):
        self.articles[0].unpublish()
        self.assertEqual(self.texts(self.client.get("/corrections/")),
                         ["تصحيح 1", "تصحيح 2"])  # fmt: skip
