"""What a reader gets from a live page (#15)."""

import feedparser
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from nashra.live import stream, writing
from nashra.live.factories import create_live_page, post_text
from nashra.live.models import LiveEntry, LiveStatus
from nashra.live.tests.base import LiveDesk, json_ld, readable


class LivePageTests(LiveDesk, TestCase):
    def test_entries_newest_first_signed_with_permalinks(self):
        first = post_text(self.live, "الأولى", self.editor)
        second = post_text(self.live, "الثانية", self.editor)
        response = Client().get(self.live.url)
        text = readable(response)
        self.assertLess(text.index("الثانية"), text.index("الأولى"))
        self.assertIn(f'id="entry-{second.pk}"', text)
        self.assertIn(f'href="/live/entry/{first.pk}/"', text)
        self.assertIn("nadia", text)

    def test_oldest_first_toggle_works_without_javascript(self):
        post_text(self.live, "الأولى")
        post_text(self.live, "الثانية")
        text = readable(Client().get(self.live.url + "?order=oldest"))
        self.assertLess(text.index("الأولى"), text.index("الثانية"))
        self.assertIn(f'href="{self.live.url}"', text)

    def test_first_view_is_paginated_and_older_entries_behind_a_link(self):
        made = [post_text(self.live, f"تحديث {n}") for n in range(stream.PER_PAGE + 5)]
        response = Client().get(self.live.url)
        self.assertEqual(len(response.context["entries"]), stream.PER_PAGE)
        older = response.context["following"]
        self.assertEqual(older, f"?before={made[5].pk}")
        rest = Client().get(self.live.url + older).context["entries"]
        self.assertEqual([e.pk for e in rest], [e.pk for e in reversed(made[:5])])
        # An older page is not polled: it would insert new entries mid-history.
        self.assertNotIn(b"data-live-tail", Client().get(self.live.url + older).content)

    def test_a_permalink_opens_the_page_where_the_entry_is(self):
        made = [post_text(self.live, f"تحديث {n}") for n in range(stream.PER_PAGE + 2)]
        newest = Client().get(f"/live/entry/{made[-1].pk}/")
        self.assertEqual(newest["Location"], f"{self.live.url}#entry-{made[-1].pk}")
        oldest = Client().get(f"/live/entry/{made[0].pk}/")
        self.assertEqual(
            oldest["Location"],
            f"{self.live.url}?before={made[0].pk + 1}#entry-{made[0].pk}",
        )
        self.assertIn(
            f'id="entry-{made[0].pk}"',
            Client().get(f"{self.live.url}?before={made[0].pk + 1}").content.decode(),
        )
        writing.delete(made[0])
        self.assertEqual(Client().get(f"/live/entry/{made[0].pk}/").status_code, 404)

    def test_bad_cursors_are_ignored_not_500(self):
        for query in ("?before=abc", "?before=-1", "?order=oldest&after=9" * 3,
                      "?before=99999999999999999999", "?before=²", "?before=١٢"):  # fmt: skip
            self.assertEqual(Client().get(self.live.url + query).status_code, 200)

    def test_key_events_and_pinned_entries_are_listed_at_the_top(self):
        post_text(self.live, "افتتاح الصناديق", key_event=True)
        post_text(self.live, "تنبيه مثبت للقراء", pinned=True)
        post_text(self.live, "تفصيل عادي")
        response = Client().get(self.live.url)
        highlights = [e.pk for e in response.context["highlights"]]
        self.assertEqual(len(highlights), 2)
        self.assertIn("live-highlights__list", response.content.decode())

    def test_the_page_and_tail_tell_a_cdn_to_keep_them_seconds_only(self):
        page = Client().get(self.live.url)
        self.assertIn("s-maxage=2", page["Cache-Control"])
        tail = Client().get(f"/live/{self.live.pk}/tail/")
        self.assertIn("max-age=1", tail["Cache-Control"])
        self.assertIn("stale-while-revalidate=1", tail["Cache-Control"])

    def test_the_tail_lists_the_last_changes_with_their_html(self):
        entry = post_text(self.live, "نتيجة أولية")
        data = Client().get(f"/live/{self.live.pk}/tail/").json()
        self.assertTrue(data["complete"])
        self.assertEqual(data["v"], entry.version)
        self.assertIn("نتيجة أولية", data["changes"][0]["html"])
        for n in range(stream.TAIL_SIZE):
            post_text(self.live, f"تحديث {n}")
        data = Client().get(f"/live/{self.live.pk}/tail/").json()
        self.assertFalse(data["complete"])
        self.assertEqual(len(data["changes"]), stream.TAIL_SIZE)
        versions = [change["v"] for change in data["changes"]]
        self.assertEqual(versions, sorted(versions))

    @override_settings(PAGE_CACHE=False)
    def test_the_tail_renders_once_per_update_whatever_the_misses(self):
        """A thousand pages miss the page cache together after an update;
        only the first may render the tail."""
        url = f"/live/{self.live.pk}/tail/"
        self.assertEqual(Client().get(url)["X-Live-Render"], "1")
        self.assertEqual(Client().get(url)["X-Live-Render"], "0")
        post_text(self.live, "تحديث جديد")
        fresh = Client().get(url)
        self.assertEqual(fresh["X-Live-Render"], "1")
        self.assertIn("تحديث جديد", fresh.content.decode())

    def test_versions_grow_with_every_write(self):
        entry = post_text(self.live, "نص")
        first = entry.version
        writing.change(entry, pinned=True)
        self.assertGreater(entry.version, first)
        other = post_text(self.live, "نص آخر")
        self.assertGreater(other.version, entry.version)

    def test_a_private_or_draft_page_has_no_tail(self):
        draft = create_live_page(self.world, "مسودة", slug="مسودة-مباشر")
        draft.unpublish()
        self.assertEqual(Client().get(f"/live/{draft.pk}/tail/").status_code, 404)
        self.assertEqual(Client().get(f"/live/{draft.pk}/feed/").status_code, 404)


class ListingTests(LiveDesk, TestCase):
    def test_section_listing_shows_the_live_badge_while_live(self):
        """Readers find running coverage from its section, marked «مباشر»."""
        text = readable(Client().get(self.world.url))
        self.assertIn(self.live.title, text)
        self.assertIn('class="live-badge"', text)
        self.live.status = LiveStatus.ENDED
        self.live.save_revision().publish()
        text = readable(Client().get(self.world.url))
        self.assertIn(self.live.title, text)
        self.assertNotIn('class="live-badge"', text)

    def test_the_ticker_shows_running_coverage_with_its_badge(self):
        """While live, the page is in the ticker every page carries (#15)."""
        ticker = self.ticker(Client().get(self.paper["articles"][0].url))
        self.assertIn(self.live.title, ticker)
        self.assertIn('class="live-badge"', ticker)
        self.live.status = LiveStatus.ENDED
        self.live.save_revision().publish()
        self.assertNotIn(self.live.title, self.ticker(Client().get("/")))

    def ticker(self, response):
        text = readable(response)
        if 'class="ticker"' not in text:
            return ""
        return text.split('class="ticker"', 1)[1].split("</section>", 1)[0]

    def test_live_cards_cost_no_query_each(self):
        """N+1 guard: a section listing several live pages asks their
        status once, not once per card."""

        def queries():
            with CaptureQueriesContext(connection) as captured:
                Client().get(self.world.url)
            return len(captured)

        post_text(self.live, "تحديث")
        Client().get(self.world.url)
        one = queries()
        for n in range(3):
            create_live_page(self.world, f"تغطية مباشرة {n}", slug=f"live-{n}")
        Client().get(self.world.url)
        self.assertEqual(queries(), one)
        response = Client().get(self.world.url)
        # Four cards and, in the ticker of the page's chrome, four items.
        self.assertEqual(readable(response).count('class="live-badge"'), 8)
        self.assertEqual(self.ticker(response).count('class="live-badge"'), 4)


class StructuredDataTests(LiveDesk, TestCase):
    def test_live_blog_posting_with_updates_and_coverage_times(self):
        entry = post_text(self.live, "فتح باب الفرز")
        posting = next(
            item for item in json_ld(Client().get(self.live.url))
            if item.get("@type") == "LiveBlogPosting"
        )  # fmt: skip
        self.assertEqual(posting["coverageStartTime"],
                         self.live.coverage_start.isoformat())  # fmt: skip
        self.assertNotIn("coverageEndTime", posting)
        update = posting["liveBlogUpdate"][0]
        self.assertEqual(update["@type"], "BlogPosting")
        self.assertEqual(update["articleBody"], "فتح باب الفرز")
        self.assertTrue(update["url"].endswith(f"#entry-{entry.pk}"))


class FeedTests(LiveDesk, TestCase):
    def test_atom_feed_of_entries(self):
        post_text(self.live, "أول تحديث", self.editor)
        entry = post_text(self.live, "ثاني تحديث", self.editor)
        response = Client().get(f"/live/{self.live.pk}/feed/")
        self.assertEqual(
            response["Content-Type"], "application/atom+xml; charset=utf-8"
        )
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        self.assertEqual(parsed.feed.title, self.live.title)
        self.assertEqual(parsed.entries[0].title, "ثاني تحديث")
        self.assertTrue(parsed.entries[0].link.endswith(f"#entry-{entry.pk}"))
        self.assertEqual(LiveEntry.objects.count(), 2)
