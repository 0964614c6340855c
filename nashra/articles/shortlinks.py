"""Short share links: /a/<id>/ answers with the article's readable address (#18).

Percent-encoded Arabic slugs look like spam once pasted into WhatsApp or X,
so the share buttons give the short form; the canonical link, OpenGraph and
JSON-LD keep the readable one, which is what search engines should index.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from nashra.articles.models import ArticlePage
from nashra.core import groups


def short_link(request, page_id):
    """301 to the live article's readable URL; the site's 404 for anything else.

    Drafts, unpublished articles and other page types are all "not found", so
    the short form never reveals a page the readable address would not.
    """
    # Publishing, unpublishing or moving the article bumps page:<id>, so a
    # cached redirect (or cached 404) never outlives the state it answered.
    request.pagecache_groups = {groups.page(page_id)}
    page = ArticlePage.objects.live().filter(pk=page_id).first()
    if page is None:
        raise Http404
    target = page.get_full_url(request)
    if not target:
        raise Http404
    return HttpResponsePermanentRedirect(target)
