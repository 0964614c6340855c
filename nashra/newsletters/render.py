"""An edition as e-mail: RTL HTML for the major clients, plain text, and the
unsubscribe headers of RFC 2369 and RFC 8058 (#19).

The edition is rendered once; each recipient's message only swaps in their
own unsubscribe link, so a send of 100,000 renders the templates once.
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from nashra.articles.models import ArticlePage
from nashra.newsletters.models import Edition
from nashra.newsletters.tokens import leave_token

# Stands for the recipient's unsubscribe link in the rendered edition.
LEAVE = "https://unsubscribe.invalid/LEAVE"


def stories(edition):
    """The edition's articles in the editor's order (live ones only)."""
    if edition.breaking_id:
        ids = [edition.breaking_id]
    else:
        ids = list(
            edition.stories.order_by("sort_order").values_list("article_id", flat=True)
        )
    if not ids:
        return []
    found = ArticlePage.objects.live().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def render_edition(edition, *, base_url=None):
    """(html, text) with LEAVE where each recipient's own link goes."""
    base = base_url or settings.BASE_URL
    context = {
        "edition": edition,
        "stories": [
            {
                "title": a.title,
                "summary": getattr(a, "summary", ""),
                "url": base + a.url if a.url and a.url.startswith("/") else a.full_url,
            }
            for a in stories(edition)
        ],  # fmt: skip
        "leave": LEAVE,
        "site_url": base,
        "now": timezone.now(),
    }
    html = render_to_string("newsletters/email/edition.html", context)
    text = render_to_string("newsletters/email/edition.txt", context)
    return short_lines(html), short_lines(text)


def short_lines(text, limit=900):
    """Lines of at most ``limit`` bytes, broken at spaces: with every line
    under SMTP's 998, Django sends the UTF-8 parts as 8bit instead of
    quoted-printable, which cost more than the rest of a message (#19).
    A space and a line break are the same whitespace in HTML."""
    lines = []
    for line in text.split("\n"):
        while len(line.encode()) > limit and " " in line:
            cut = line.rfind(" ", 0, limit // 2)
            cut = cut if cut > 0 else line.find(" ")
            lines.append(line[:cut])
            line = line[cut + 1 :]
        lines.append(line)
    return "\n".join(lines)


def leave_url(subscriber_id, list_id):
    prefix = _leave_prefix(settings.BASE_URL)
    return prefix + leave_token(subscriber_id, list_id) + "/"


@functools.lru_cache(maxsize=4)
def _leave_prefix(base_url):
    # reverse() once, not once per recipient: it was a tenth of a message.
    url = reverse("newsletters:unsubscribe", args=["0"])
    return base_url + url[: -len("0/")]


def message_id(edition_id, subscriber_id):
    """The same Message-ID every time: should a resumed send repeat the one
    message in flight at a kill, clients show it once."""
    host = urlsplit(settings.BASE_URL).hostname or "localhost"
    return f"<edition-{edition_id}.{subscriber_id}@{host}>"


def message_for(edition: Edition, rendered, subscriber_id, email, *, connection=None):
    html, text = rendered
    leave = leave_url(subscriber_id, edition.newsletter_id)
    message = EmailMultiAlternatives(
        subject=edition.subject,
        body=text.replace(LEAVE, leave),
        to=[email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"<newsletter-{edition.newsletter_id}."
            f"{urlsplit(settings.BASE_URL).hostname or 'localhost'}>",
            "Message-ID": message_id(edition.pk, subscriber_id),
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(html.replace(LEAVE, leave), "text/html")
    return message
