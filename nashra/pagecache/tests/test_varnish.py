"""Varnish in front, banned by cache group when pages change (#16).

A real varnishd with docs/varnish.vcl sits in front of pytest-django's live
server; the application sends its bans to it (NASHRA_VARNISH_URLS).
"""

import re
import time
import urllib.error
import urllib.request

import pytest

from nashra.core import groups, versions
from nashra.core.invalidate import bump
from nashra.core.tests.factories import build_newspaper
from nashra.pagecache import purge
from nashra.server.loopback.varnish import backend_requests, varnish_in_front_of

pytestmark = pytest.mark.django_db(transaction=True)
FRESH_WITHIN_SECONDS = 1.0


@pytest.fixture
def varnish(live_server, settings):
    with varnish_in_front_of(live_server.url) as (url, work):
        settings.PAGE_CACHE_PURGE_URLS = [url]
        versions.reset_store()
        yield url, work


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        return answer.headers, answer.read().decode()


def fresh_after(url, wanted, seconds=5.0):
    """Seconds until ``wanted`` is on the page, or None if it never came."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if wanted in fetch(url)[1]:
            return time.monotonic() - start
        time.sleep(0.05)
    return None


def test_a_published_correction_is_fresh_in_varnish_within_a_second(varnish):
    base, work = varnish
    paper = build_newspaper(articles_per_section=1)
    article = paper["articles"][0]
    pages = [base + article.url, base + paper["world"].url, base + "/"]
    for url in pages:
        fetch(url)
    before = backend_requests(work)
    for url in pages:
        headers, _ = fetch(url)
        assert int(headers["Age"]) >= 0 and "X-Nashra-Groups" not in headers
    # Served by Varnish: the backend was not asked again.
    assert backend_requests(work) == before

    article.title = "عنوان مصحح بعد النشر"
    article.save_revision().publish()
    for url in pages:  # the article, its section's listing, the home page
        took = fresh_after(url, "عنوان مصحح بعد النشر")
        assert took is not None and took <= FRESH_WITHIN_SECONDS, url


def test_a_ban_leaves_other_pages_in_varnish(varnish):
    base, work = varnish
    paper = build_newspaper(articles_per_section=1)
    world, culture = paper["articles"][0], paper["articles"][1]
    fetch(base + world.url)
    fetch(base + culture.url)
    before = backend_requests(work)
    # What an edit of the world story's comments bumps: its page only.
    bump({groups.page(world.pk)})
    deadline = time.monotonic() + FRESH_WITHIN_SECONDS
    while backend_requests(work) == before and time.monotonic() < deadline:
        fetch(base + world.url)
        time.sleep(0.05)
    assert backend_requests(work) == before + 1
    fetch(base + culture.url)
    assert backend_requests(work) == before + 1


def test_readers_with_a_session_are_never_served_a_shared_copy(varnish):
    base, work = varnish
    paper = build_newspaper(articles_per_section=1)
    url = base + paper["articles"][0].url
    fetch(url)
    before = backend_requests(work)
    fetch(url, Cookie="sessionid=abc")
    fetch(url, Cookie="nashra_comments_name=x")
    assert backend_requests(work) == before + 2
    # Someone else's cookies (analytics) change nothing.
    fetch(url, Cookie="_ga=GA1.2.3")
    assert backend_requests(work) == before + 2


def test_only_the_nodes_may_ban(varnish):
    base, _work = varnish
    request = urllib.request.Request(base + "/", method="BAN")  # noqa: S310
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)  # noqa: S310
    assert refused.value.code == 400  # loopback may ban, but must say what


def test_the_ban_names_exactly_the_groups_bumped():
    pattern = purge.ban_pattern({"page:7", "section:2", "clock"})
    label = purge.groups_header({"site", "page:7", "tag:روسيا"})
    assert re.search(pattern, label)
    assert not re.search(purge.ban_pattern({"page:8"}), label)
    assert label.isascii()
