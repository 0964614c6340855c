"""Commenters' e-mail and IP appear on no public URL, and not in INFO logs (#3)."""

import logging
import re
from urllib.parse import urljoin, urlsplit

from django.test import TestCase

from nashra.comments import counts
from nashra.comments.models import Comment, Status
from nashra.comments.tests.helpers import newspaper_with_options, post

SECRET_EMAIL = "hidden.reader@example.org"
SECRET_IP = "192.0.2.201"
HREF = re.compile(r'(?:href|src)="([^"#]+)')
MAX_PAGES = 300


class PrivacyCrawlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options(approve_known=False)
        for article in cls.paper["articles"]:
            for status in (Status.APPROVED, Status.PENDING):
                Comment.objects.create(
                    article=article, name="قارئ خفي", email=SECRET_EMAIL,
                    website="https://reader.example", body="رأيي في الخبر",
                    status=status, ip=SECRET_IP,
                )  # fmt: skip
            counts.refresh(article.pk)

    def test_no_public_url_shows_email_or_ip(self):
        """Crawl every link from the home page (and the comment endpoints)."""
        article = self.paper["articles"][0]
        post(
            self.client, article, email=SECRET_EMAIL.upper(), ip=SECRET_IP, body="جديد"
        )
        start = ["/", "/sitemap.xml", "/robots.txt", "/feed/", "/rss/",
                 f"/comments/{article.pk}/form/", f"/comments/{article.pk}/mine/",
                 f"/comments/{article.pk}/token/"]  # fmt: skip
        seen, queue, checked = set(), list(start), 0
        while queue and checked < MAX_PAGES:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            response = self.client.get(url)
            if response.status_code != 200 or response.streaming:
                continue
            checked += 1
            text = response.content.decode("utf-8", "replace")
            self.assertNotIn(SECRET_EMAIL, text.lower(), url)
            self.assertNotIn(SECRET_IP, text, url)
            for link in HREF.findall(text):
                target = urlsplit(urljoin("http://testserver" + url, link))
                if target.netloc not in ("testserver", "") or target.path.startswith(
                    ("/admin/", "/static/", "/media/", "/documents/")
                ):
                    continue
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
        self.assertGreater(checked, 10)

    def test_info_logs_carry_no_address(self):
        """Log lines at INFO name the comment id and status only."""
        article = self.paper["articles"][0]
        with self.assertLogs("nashra.comments", level=logging.INFO) as logs:
            post(self.client, article, email=SECRET_EMAIL, ip=SECRET_IP, body="سجل")
        joined = "\n".join(logs.output)
        self.assertNotIn(SECRET_EMAIL, joined)
        self.assertNotIn(SECRET_IP, joined)
