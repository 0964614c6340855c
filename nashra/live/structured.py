"""schema.org LiveBlogPosting for a live page (#15): search engines show the
coverage as live, with its newest entries as ``liveBlogUpdate``."""

from nashra.live import stream


def _w3c(moment):
    return moment.isoformat() if moment else None


def live_blog_posting(article, page, entries, url):
    """``article`` (a NewsArticle's JSON-LD) as the page's LiveBlogPosting;
    ``entries`` are those the page shows, so a deleted one is never named."""
    posting = {**article, "@type": "LiveBlogPosting", "@id": f"{url}#live"}
    if page.coverage_start:
        posting["coverageStartTime"] = _w3c(page.coverage_start)
    if page.coverage_end:
        posting["coverageEndTime"] = _w3c(page.coverage_end)
    posting["liveBlogUpdate"] = [
        {
            "@type": "BlogPosting",
            "@id": f"{url}#entry-{entry.pk}",
            "url": f"{url}#entry-{entry.pk}",
            "headline": stream.entry_text(entry)[:110],
            "articleBody": stream.entry_text(entry),
            "datePublished": _w3c(entry.published_at),
            "dateModified": _w3c(entry.updated_at),
        }
        for entry in entries
    ]
    return posting
