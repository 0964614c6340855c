"""N+1 guard: the reader pages cost the same number of queries at any size (#2)."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from nashra.articles.factories import create_article, create_author
from nashra.core.tests.factories import build_newspaper


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


class QueryCountTests(TestCase):
    def grow(self, paper, extra):
        """Add articles with more authors and tags each, in both sections."""
        for index in range(extra):
            authors = [create_author(f"كاتب {index}-{n}") for n in range(3)]
            for section in (paper["world"], paper["culture"]):
                create_article(
                    section,
                    f"إضافي {index}",
                    authors=authors,
                    tags=[f"وسم {index}-{n}" for n in range(4)],
                    featured_image=paper["image"],
                )

    def test_reader_pages_do_not_grow_with_content(self):
        paper = build_newspaper(articles_per_section=2)
        article = paper["articles"][0]
        urls = ["/", paper["world"].url, article.url, "/tag/روسيا/", "/author/salma/"]
        for url in urls:  # warm renditions, which are written on first view
            count_queries(self.client, url)
        before = {url: count_queries(self.client, url) for url in urls}
        self.grow(paper, 6)
        for url in urls:
            count_queries(self.client, url)
        after = {url: count_queries(self.client, url) for url in urls}
        self.assertEqual(before, after)
        for url, count in after.items():
            self.assertLessEqual(count, 15, url)
