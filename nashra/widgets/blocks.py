"""The widget kinds a newsroom may place in an area (#20).

Block names and value shapes are read raw by render.py (ids, not page
objects): change them only with a migration of the stored areas.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

MAX_COUNT = 10

NETWORKS = [
    ("facebook", "Facebook"),
    ("x", "X"),
    ("instagram", "Instagram"),
    ("youtube", "YouTube"),
    ("telegram", "Telegram"),
    ("whatsapp", "WhatsApp"),
    ("tiktok", "TikTok"),
    ("linkedin", "LinkedIn"),
    ("rss", "RSS"),
]


def _title(default=""):
    return blocks.CharBlock(
        label=_("heading"), max_length=80, required=False, default=default
    )


def _count(default=5):
    return blocks.IntegerBlock(
        label=_("number of articles"), min_value=1, max_value=MAX_COUNT, default=default
    )


class LatestBlock(blocks.StructBlock):
    title = _title()
    count = _count()

    class Meta:
        icon = "time"
        label = _("Latest articles")


class MostReadBlock(blocks.StructBlock):
    title = _title()
    count = _count()
    period = blocks.ChoiceBlock(
        label=_("period"),
        choices=[("day", _("Today")), ("week", _("This week"))],
        default="day",
    )

    class Meta:
        icon = "pick"
        label = _("Most read")


class SectionLatestBlock(blocks.StructBlock):
    title = _title()
    section = blocks.PageChooserBlock(
        label=_("section"), page_type="sections.SectionPage"
    )
    count = _count()

    class Meta:
        icon = "folder-open-inverse"
        label = _("A section's latest")


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("network"), choices=NETWORKS)
    url = blocks.URLBlock(label=_("address"))


class SocialBlock(blocks.StructBlock):
    title = _title()
    links = blocks.ListBlock(SocialLinkBlock(), label=_("links"), min_num=1)

    class Meta:
        icon = "link"
        label = _("Follow us")
        help_text = _("Plain links with the site's own icons: no counters, "
                      "nothing loaded from the networks.")  # fmt: skip


class NewsletterBlock(blocks.StructBlock):
    title = _title()
    text = blocks.CharBlock(label=_("text"), max_length=200, required=False)

    class Meta:
        icon = "mail"
        label = _("Newsletter sign-up")


class CustomHTMLBlock(blocks.StructBlock):
    title = _title()
    html = blocks.RawHTMLBlock(
        label=_("HTML"),
        help_text=_("Only staff with the “edit custom HTML” permission may change "
                    "this; scripts and styles are removed."),
    )  # fmt: skip

    class Meta:
        icon = "code"
        label = _("Custom HTML")


class TodayBlock(blocks.StructBlock):
    title = _title()

    class Meta:
        icon = "date"
        label = _("Today's date (Hijri and Gregorian)")


class WidgetBlock(blocks.StreamBlock):
    latest = LatestBlock()
    most_read = MostReadBlock()
    section = SectionLatestBlock()
    social = SocialBlock()
    newsletter = NewsletterBlock()
    custom_html = CustomHTMLBlock()
    today = TodayBlock()

    class Meta:
        required = False
