"""Reader views of live coverage: the tail open pages poll, permalinks, feed (#15)."""

import json

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from nashra.core import groups, versions
from nashra.core.privacy import exclude_private
from nashra.live import once, stream
from nashra.live.models import LiveEntry, LivePage

# Every open page asks the same address; a CDN or nginx in front keeps one
# copy for this long, so the origin renders at most once per update (#15).
TAIL_SECONDS = 1
# Readers wait this long for the one render (a loaded machine's render took
# over a second, and the waiters then rendered too, #15).
RENDER_LOCK_SECONDS = 2
TAIL_KEEP_SECONDS = 60


def public_live_page(pk):
    pages = exclude_private(LivePage.objects.live().filter(pk=pk))
    return get_object_or_404(pages.select_related(None))


def _tail_payload(page, request):
    found = stream.changes(page)
    shown_highlights = stream.highlights(page)
    stream.prepare([e for e in found if not e.deleted] + shown_highlights, request)
    listed = []
    for entry in reversed(found):
        item = {"id": entry.pk, "v": entry.version}
        if entry.deleted:
            item["deleted"] = True
        else:
            item["html"] = stream.render_entry(entry, request)
        listed.append(item)
    return {
        "v": found[0].version if found else 0,
        # Fewer changes than the tail holds: it is the whole history.
        "complete": len(found) < stream.TAIL_SIZE,
        "changes": listed,
        "highlights": stream.render_highlights(shown_highlights, request),
    }


def tail(request, pk):
    """What changed last on a live page: the script on every open page asks it."""
    page = public_live_page(pk)
    group = groups.page(pk)
    request.pagecache_groups = {group}

    def build():
        return json.dumps(_tail_payload(page, request), ensure_ascii=False)

    # Named by the newest committed entry version, not by the page's cache
    # version: a write bumps that twice (now and after commit), and a reader
    # between the two rendered a second time (1.15 renders per update at
    # 1,000 readers). Settings (digits, calendar) shape the entries' HTML
    # too: "site".
    version = f"{versions.current(groups.SITE)}.{stream.latest_version(page)}"
    body, rendered = once.built_once(
        f"live-tail-{pk}-{version}",
        f"live-tail-{pk}-",
        build,
        lock_seconds=RENDER_LOCK_SECONDS,
        keep_seconds=TAIL_KEEP_SECONDS,
    )
    response = HttpResponse(body, content_type="application/json")
    # Lets the bench count renders (bench/live_readers.py).
    response["X-Live-Render"] = "1" if rendered else "0"
    # Written for nginx as the pages are (docs/nginx.conf): readers between
    # two updates are answered from the file, which an update deletes.
    response.static_publish = True
    patch_cache_control(
        response,
        public=True,
        max_age=TAIL_SECONDS,
        s_maxage=TAIL_SECONDS,
        stale_while_revalidate=TAIL_SECONDS,
    )
    return response


def permalink(request, pk):
    """An entry's own address: its page, opened where the entry is."""
    entry = get_object_or_404(LiveEntry.objects.shown(), pk=pk)
    page = public_live_page(entry.page_id)
    newer = page.entries.shown().filter(id__gt=entry.pk).count()
    query = "" if newer < stream.PER_PAGE else f"?before={entry.pk + 1}"
    return redirect(f"{page.url}{query}#entry-{entry.pk}")


def feed(request, pk):
    """An Atom feed of a live page's newest entries."""
    page = public_live_page(pk)
    request.pagecache_groups = {groups.page(pk)}
    base = request.build_absolute_uri("/").rstrip("/")
    link = page.full_url or base + page.url
    atom = Atom1Feed(
        title=page.title,
        link=link,
        description=page.summary,
        language=get_language(),
        feed_url=request.build_absolute_uri(),
        subtitle=page.summary,
    )
    entries, _more = stream.window(page)
    stream.prepare(entries, request)
    for entry in entries:
        text = stream.entry_text(entry)
        atom.add_item(
            title=text[:80] or _("Update"),
            link=f"{link}#entry-{entry.pk}",
            description=stream.render_entry(entry, request),
            unique_id=f"{link}#entry-{entry.pk}",
            pubdate=entry.published_at,
            updateddate=entry.updated_at,
            author_name=stream.author_name(entry) or None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response
