"""The blocks editors arrange the front page with (#4).

Each block only describes what to show; nashra.home.front fetches the
articles for every block with a fixed number of queries per block type.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from nashra.articles.blocks import sanitise_html

MAX_COUNT = 24


def _count(default):
    return blocks.IntegerBlock(
        label=_("number of articles"), default=default, min_value=1, max_value=MAX_COUNT
    )


def _title(help_text=None):
    return blocks.CharBlock(
        label=_("heading"), required=False, max_length=80, help_text=help_text
    )


class LeadBlock(blocks.StructBlock):
    article = blocks.PageChooserBlock(
        label=_("article"), page_type="articles.ArticlePage", required=False,
        help_text=_("Leave empty to show the newest story (of the section below, "
                    "if one is chosen; otherwise the newest featured story)."),
    )  # fmt: skip
    section = blocks.PageChooserBlock(
        label=_("section"), page_type="sections.SectionPage", required=False
    )

    class Meta:
        icon = "pick"
        label = _("Lead story")


class SectionBlock(blocks.StructBlock):
    section = blocks.PageChooserBlock(
        label=_("section"), page_type="sections.SectionPage"
    )
    count = _count(4)
    layout = blocks.ChoiceBlock(
        label=_("layout"), default="grid",
        choices=[("list", _("List")), ("grid", _("Grid")),
                 ("lead_list", _("Lead story and a list"))],
    )  # fmt: skip

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")


class LatestBlock(blocks.StructBlock):
    title = _title(_("Empty: “Latest news”."))
    count = _count(8)

    class Meta:
        icon = "time"
        label = _("Latest news")


class MostReadBlock(blocks.StructBlock):
    title = _title(_("Empty: “Most read”."))
    period = blocks.ChoiceBlock(
        label=_("period"), default="day",
        choices=[("day", _("Today")), ("week", _("This week"))],
    )  # fmt: skip
    count = _count(5)

    class Meta:
        icon = "pick"
        label = _("Most read")


class BreakingBlock(blocks.StructBlock):
    title = _title(_("Empty: “Breaking news”."))
    count = _count(5)

    class Meta:
        icon = "warning"
        label = _("Breaking news")


class CollectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("heading"), max_length=80)
    articles = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="articles.ArticlePage"),
        label=_("articles"), min_num=1, max_num=MAX_COUNT,
    )  # fmt: skip

    class Meta:
        icon = "list-ul"
        label = _("Hand-picked articles")


class SanitisedHTMLBlock(blocks.RawHTMLBlock):
    """Raw HTML from staff, still cleaned on output: a stolen editor account
    must not be able to put a script on the front page."""

    def get_prep_value(self, value):
        return sanitise_html(str(value or ""))


class CustomHTMLBlock(blocks.StructBlock):
    title = _title()
    html = SanitisedHTMLBlock(
        label=_("HTML"),
        help_text=_("Only staff with the “edit custom HTML” permission may change "
                    "this; scripts and styles are removed."),
    )  # fmt: skip

    class Meta:
        icon = "code"
        label = _("Custom HTML")


class FrontPageBlock(blocks.StreamBlock):
    lead = LeadBlock()
    section = SectionBlock()
    latest = LatestBlock()
    most_read = MostReadBlock()
    breaking = BreakingBlock()
    collection = CollectionBlock()
    custom_html = CustomHTMLBlock()

    class Meta:
        block_counts = {"lead": {"max_num": 1}}
