"""Each story format's page: its lead media, its JSON-LD, and no request to a
video host before the reader presses play (#20)."""

import json
import re

from django.test import TestCase

from nashra.articles.factories import (
    create_article,
    create_author,
    create_document,
    paragraph,
    wav_bytes,
)
from nashra.articles.models import GalleryPhoto, StoryFormat
from nashra.core.tests.factories import build_newspaper
from nashra.images.factories import create_image

THIRD_PARTY = re.compile(r"youtube|youtu\.be|vimeo|ytimg|googlevideo", re.IGNORECASE)
DATA_ATTRIBUTE = re.compile(r'\sdata-[\w-]+="[^"]*"')
JSON_LD = re.compile(r'<script type="application/ld\+json">.*?</script>', re.S)


def loaded_html(html):
    """The page without what a browser never fetches: data attributes and
    the JSON-LD (whose embedUrl search engines read)."""
    return DATA_ATTRIBUTE.sub("", JSON_LD.sub("", html))


def json_ld(html):
    found = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S
    )
    nodes = []
    for text in found:
        value = json.loads(text)
        graph = value.get("@graph", [value]) if isinstance(value, dict) else value
        nodes.extend(graph)
    return nodes


def of_type(nodes, kind):
    return [node for node in nodes if node.get("@type") == kind]


class FormatPages(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        world = cls.paper["world"]
        cls.youtube = create_article(
            world, "فيديو من يوتيوب", slug="watch-one", format=StoryFormat.VIDEO,
            video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            featured_image=cls.paper["image"], summary="ملخص الفيديو",
            media_duration=185, authors=[cls.paper["author"]],
        )  # fmt: skip
        cls.vimeo = create_article(
            world, "فيديو من فيميو", slug="watch-two", format=StoryFormat.VIDEO,
            video_url="https://vimeo.com/76979871", featured_image=cls.paper["image"],
        )  # fmt: skip
        cls.movie = create_document("مقطع", b"\x00\x00\x00\x18ftypmp42", "clip.mp4")
        cls.hosted = create_article(
            world, "فيديو مستضاف", slug="hosted", format=StoryFormat.VIDEO,
            video_file=cls.movie, featured_image=cls.paper["image"],
        )  # fmt: skip
        cls.sound = create_document("حلقة", wav_bytes(1), "episode.wav")
        cls.audio = create_article(
            world, "حلقة صوتية", slug="audio", format=StoryFormat.AUDIO,
            audio_file=cls.sound, media_duration=65,
        )  # fmt: skip
        cls.remote_audio = create_article(
            world, "صوت من خادم آخر", slug="remote-audio", format=StoryFormat.AUDIO,
            audio_url="https://media.example.net/a.mp3",
        )  # fmt: skip
        photos = [create_image(f"صورة {n}", caption=f"تعليق الصورة {n}",
                               credit="وكالة") for n in range(3)]  # fmt: skip
        cls.gallery = create_article(
            world, "معرض صور", slug="gallery", format=StoryFormat.GALLERY,
            featured_image=photos[0],
        )  # fmt: skip
        cls.gallery.gallery_photos = [
            GalleryPhoto(image=photos[0], caption="الصورة الأولى", credit="تصوير: رويترز"),
            GalleryPhoto(image=photos[1]),
            GalleryPhoto(image=photos[2], caption="الصورة الثالثة"),
        ]  # fmt: skip
        cls.gallery.save_revision().publish()
        face = create_image("وجه الكاتب")
        cls.columnist = create_author("ليلى الكاتبة", "laila", photo=face)
        cls.opinion = create_article(
            world, "مقال رأي", slug="opinion", format=StoryFormat.OPINION,
            authors=[cls.columnist, cls.paper["author"]],
        )  # fmt: skip
        cls.review = create_article(
            world, "مراجعة هاتف", slug="review", authors=[cls.paper["author"]],
            body=[paragraph("نص"), {"type": "review", "value": {
                "title": "هاتف نشرة", "style": "points", "score": 87,
                "verdict": "ممتاز", "summary": "هاتف جيد", "readers_rating": 4.5,
                "readers_count": 12, "criteria": [{"name": "الأداء", "score": 90}]}}],
        )  # fmt: skip

    def contains(self, text, html):
        self.assertTrue(text in html, f"{text!r} not in the page")

    def lacks(self, text, html):
        self.assertFalse(text in html, f"{text!r} in the page")

    def get(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response, response.content.decode()

    def test_youtube_is_a_facade_until_the_reader_asks(self):
        """A reader who never presses play sends nothing to Google: the
        host appears in data attributes only, the poster is our own image."""
        response, html = self.get(self.youtube)
        self.contains("data-player", html)
        self.contains(
            'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"',
            html,
        )
        self.lacks("<iframe", html)
        self.assertIsNone(THIRD_PARTY.search(loaded_html(html)))
        self.assertIn("/media/images/", html.split("data-player", 1)[1][:2000])
        self.contains("articles/formats.js", html)
        policy = response["Content-Security-Policy"]
        frames = re.search(r"frame-src ([^;]*)", policy).group(1)
        self.assertIn("https://www.youtube-nocookie.com", frames)
        self.assertNotIn("vimeo", policy)

    def test_vimeo_facade_allows_the_vimeo_player_only(self):
        response, html = self.get(self.vimeo)
        self.contains(
            'data-embed="https://player.vimeo.com/video/76979871?autoplay=1&amp;dnt=1"',
            html,
        )
        self.assertIsNone(THIRD_PARTY.search(loaded_html(html)))
        policy = response["Content-Security-Policy"]
        self.assertIn("https://player.vimeo.com", policy)
        self.assertNotIn("youtube", policy)

    def test_a_standard_story_allows_no_video_host(self):
        response, html = self.get(self.paper["articles"][0])
        self.assertNotIn("youtube", response["Content-Security-Policy"])
        self.lacks("formats.js", html)
        self.contains('class="article article--standard"', html)

    def test_hosted_video_plays_natively_with_our_poster(self):
        _, html = self.get(self.hosted)
        video = re.search(r"<video[^>]*>", html).group(0)
        self.assertIn('preload="none"', video)
        self.assertIn("controls", video)
        self.assertRegex(video, r'poster="/media/images/[^"]+\.jpg"')
        self.contains(f'<source src="{self.movie.url}" type="video/mp4">', html)

    def test_video_json_ld(self):
        _, html = self.get(self.youtube)
        article = of_type(json_ld(html), "NewsArticle")[0]
        video = article["video"]
        self.assertEqual(video["@type"], "VideoObject")
        self.assertEqual(video["name"], "فيديو من يوتيوب")
        self.assertEqual(video["description"], "ملخص الفيديو")
        self.assertEqual(
            video["embedUrl"], "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
        )
        self.assertEqual(video["duration"], "PT3M5S")
        self.assertTrue(video["thumbnailUrl"][0].startswith("http"))
        self.assertTrue(video["uploadDate"])
        _, html = self.get(self.hosted)
        video = of_type(json_ld(html), "NewsArticle")[0]["video"]
        self.assertTrue(video["contentUrl"].endswith(self.movie.url))
        self.assertTrue(video["contentUrl"].startswith("http"))
        self.assertNotIn("embedUrl", video)

    def test_audio_plays_natively_with_its_duration(self):
        _, html = self.get(self.audio)
        audio = re.search(r"<audio[^>]*>", html).group(0)
        self.assertIn('preload="none"', audio)
        self.assertIn("controls", audio)
        self.contains(f'<source src="{self.sound.url}" type="audio/wav">', html)
        self.contains('<time datetime="PT1M5S">1:05</time>', html)
        node = of_type(json_ld(html), "NewsArticle")[0]["audio"]
        self.assertEqual(node["@type"], "AudioObject")
        self.assertEqual(node["encodingFormat"], "audio/wav")
        self.assertEqual(node["duration"], "PT1M5S")
        self.assertTrue(node["contentUrl"].endswith(self.sound.url))

    def test_remote_audio_is_allowed_in_the_policy(self):
        response, html = self.get(self.remote_audio)
        self.contains('<source src="https://media.example.net/a.mp3">', html)
        media = re.search(r"media-src ([^;]*)", response["Content-Security-Policy"])
        self.assertIn("https://media.example.net", media.group(1))

    def test_gallery_without_javascript_is_a_list_of_figures(self):
        """With no script the photos, captions and credits are all there, each
        linking to its large version; the viewer is a closed <dialog>."""
        _, html = self.get(self.gallery)
        grid = html.split('class="story-gallery__grid"', 1)[1].split("</ol>", 1)[0]
        self.assertEqual(grid.count("<figure>"), 3)
        self.assertEqual(grid.count("data-gallery-item"), 3)
        self.contains("الصورة الأولى", grid)
        self.contains("تعليق الصورة 1", grid)  # the image's own caption
        self.contains("تصوير: رويترز", grid)  # «تصوير:» once, not twice
        self.lacks("تصوير: تصوير:", grid)
        self.assertRegex(
            grid, r'href="/media/images/[^"]+width-1920\.format-jpeg\.jpg"'
        )
        self.contains("<dialog", html)
        self.lacks("<dialog open", html)
        self.contains('data-counter="{current} من {total}"', html)
        self.contains('data-digits="0123456789"', html)
        # The grid stands in for the featured image, not beside it.
        self.lacks('class="article__image"', html)

    def test_gallery_json_ld(self):
        _, html = self.get(self.gallery)
        gallery = of_type(json_ld(html), "ImageGallery")[0]
        self.assertEqual(len(gallery["image"]), 3)
        first = gallery["image"][0]
        self.assertEqual(first["caption"], "الصورة الأولى")
        self.assertEqual(first["creditText"], "رويترز")
        self.assertTrue(first["contentUrl"].startswith("http"))
        self.assertEqual(gallery["image"][1]["creditText"], "وكالة")
        self.assertTrue(gallery["isPartOf"]["@id"].endswith("#article"))

    def test_opinion_shows_the_columnist(self):
        _, html = self.get(self.opinion)
        head = html.split('class="opinion-head"', 1)[1].split("</p>", 1)[0]
        self.contains("رأي", head)
        self.contains("ليلى الكاتبة", head)
        self.contains("opinion-head__photo", head)
        self.contains('class="article article--opinion"', html)
        nodes = json_ld(html)
        self.assertEqual(len(of_type(nodes, "OpinionNewsArticle")), 1)
        self.assertEqual(of_type(nodes, "NewsArticle"), [])

    def test_review_box_json_ld(self):
        _, html = self.get(self.review)
        review = of_type(json_ld(html), "Review")[0]
        self.assertEqual(review["itemReviewed"]["name"], "هاتف نشرة")
        self.assertEqual(
            review["reviewRating"],
            {"@type": "Rating", "ratingValue": 8.7, "bestRating": 10, "worstRating": 0},
        )
        self.assertEqual(review["author"][0]["name"], "سلمى الحداد")
        self.assertEqual(review["reviewBody"], "هاتف جيد")
        rating = review["itemReviewed"]["aggregateRating"]
        self.assertEqual((rating["ratingValue"], rating["ratingCount"]), (4.5, 12))


class FormatCards(TestCase):
    """Each format's card, and the columnist's name without a query per card."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.section = cls.paper["culture"]
        cls.writers = [
            create_author(f"كاتب الرأي {n}", f"writer-{n}") for n in range(6)
        ]
        create_article(cls.section, "قصة فيديو", format=StoryFormat.VIDEO,
                       video_url="https://youtu.be/dQw4w9WgXcQ")  # fmt: skip
        create_article(cls.section, "قصة صوتية", format=StoryFormat.AUDIO,
                       audio_url="https://media.example.net/a.mp3")  # fmt: skip
        create_article(cls.section, "قصة صور", format=StoryFormat.GALLERY)
        cls.opinion(0)

    @classmethod
    def opinion(cls, n):
        return create_article(
            cls.section, f"رأي رقم {n}", format=StoryFormat.OPINION,
            authors=[cls.writers[n], cls.paper["author"]],
        )  # fmt: skip

    def listing(self, url=None):
        from django.core.cache import caches
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        url = url or self.section.url
        self.client.get(url)  # settings rows, renditions: made once
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode(), len(queries)

    def test_cards_say_their_format(self):
        html, _ = self.listing()
        for kind, label in (("video", "فيديو"), ("audio", "صوت"),
                            ("gallery", "معرض صور"), ("opinion", "رأي")):  # fmt: skip
            self.assertIn(f'data-format="{kind}"><svg' if kind != "opinion"
                          else f'data-format="{kind}">', html)  # fmt: skip
            self.assertIn(f"card--{kind}", html)
            self.assertIn(f"<span>{label}</span>", html)
        self.assertIn(
            '<span class="card__columnist">كاتب الرأي <bdi>0</bdi></span>', html
        )
        self.assertNotIn("card--standard", html)

    def test_columnists_cost_one_query_for_the_listing(self):
        """Six opinion cards cost what one does: the columnists are read in
        one query for the whole listing, not one a card."""
        _, one = self.listing()
        for n in range(1, 6):
            self.opinion(n)
        html, six = self.listing()
        self.assertEqual(html.count('class="card__columnist"'), 6)
        self.assertEqual(one, six)

    def test_the_front_page_reads_the_columnists_once(self):
        html, one = self.listing("/")
        self.assertIn('class="card__columnist"', html)
        for n in range(1, 4):
            self.opinion(n)
        html, four = self.listing("/")
        self.assertGreaterEqual(html.count('class="card__columnist"'), 4)
        self.assertEqual(one, four)

    def test_no_opinion_no_query(self):
        from nashra.articles.models import ArticlePage
        from nashra.articles.queries import attach_columnists

        stories = list(ArticlePage.objects.exclude(format=StoryFormat.OPINION))
        with self.assertNumQueries(0):
            attach_columnists(stories)


class GalleryQueries(TestCase):
    def test_a_bigger_gallery_costs_no_more_queries(self):
        """Photos, their renditions and the JSON-LD's images are read once
        for the page, whatever the number of photos."""
        from django.core.cache import caches
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        paper = build_newspaper(articles_per_section=1)
        photos = [create_image(f"صورة {n}") for n in range(8)]
        page = create_article(paper["world"], "معرض", slug="big-gallery",
                              format=StoryFormat.GALLERY)  # fmt: skip

        def count(number):
            page.gallery_photos = [GalleryPhoto(image=p) for p in photos[:number]]
            page.save_revision().publish()
            self.client.get(page.url)  # renditions made on the first view
            for cache in caches.all():
                cache.clear()
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get(page.url)
            self.assertEqual(
                response.content.decode().count("data-gallery-item"), number
            )
            return len(queries)

        self.assertEqual(count(2), count(8))


class EditorFormats(TestCase):
    """The editor sets a story's format and its gallery in the page form."""

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        cls.paper = build_newspaper(articles_per_section=1)
        cls.photo = create_image("صورة المعرض")
        cls.editor = get_user_model().objects.create_superuser(
            "formats-editor", "f@example.org", "pw"
        )

    def test_the_form_shows_the_format_and_creates_a_gallery(self):
        from wagtail.test.utils.form_data import (
            inline_formset,
            nested_form_data,
            streamfield,
        )

        self.client.force_login(self.editor)
        url = f"/admin/pages/add/articles/articlepage/{self.paper['world'].pk}/"
        form = self.client.get(url).content.decode()
        self.contains('name="format"', form)
        self.contains('name="video_url"', form)
        self.contains('name="gallery_photos-TOTAL_FORMS"', form)
        self.contains("نوع القصة", form)
        data = nested_form_data({
            "title": "معرض من المحرر", "slug": "editor-gallery", "format": "gallery",
            "body": streamfield([]),
            "article_authors": inline_formset([]),
            "gallery_photos": inline_formset([
                {"image": self.photo.pk, "caption": "تعليق المحرر", "credit": "نشرة"}]),
        })  # fmt: skip
        data["action-publish"] = "1"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        from nashra.articles.models import ArticlePage

        page = ArticlePage.objects.get(slug="editor-gallery")
        self.assertEqual(page.format, StoryFormat.GALLERY)
        self.assertEqual(
            [(p.caption, p.credit) for p in page.gallery_photos.all()],
            [("تعليق المحرر", "نشرة")],
        )

    contains = FormatPages.contains
