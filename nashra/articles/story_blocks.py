"""Body blocks a news story carries around its text: key points, sources and
a review box (#21: Jannah's highlights, source/via links and Taqyeem review
import into them; editors use them as any other block)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class HighlightsBlock(blocks.StructBlock):
    """The story's key points, in a box before the text."""

    title = blocks.CharBlock(
        label=_("heading"), required=False, max_length=120,
        help_text=_("Empty: “Story highlights”."),
    )  # fmt: skip
    points = blocks.ListBlock(
        blocks.CharBlock(label=_("point"), max_length=500), label=_("points"),
        min_num=1,
    )  # fmt: skip

    class Meta:
        icon = "list-ul"
        label = _("Highlights")
        template = "articles/blocks/highlights.html"


class SourceLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("name"), max_length=200)
    url = blocks.URLBlock(label=_("address"), required=False, max_length=500)


class SourcesBlock(blocks.StructBlock):
    """Where the story comes from ("Source") and who passed it on ("Via")."""

    sources = blocks.ListBlock(SourceLinkBlock(), label=_("sources"), default=[])
    via = blocks.ListBlock(SourceLinkBlock(), label=_("via"), default=[])

    class Meta:
        icon = "link"
        label = _("Sources")
        template = "articles/blocks/sources.html"


class CriterionBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("criterion"), max_length=120)
    score = blocks.IntegerBlock(label=_("score (0–100)"), min_value=0, max_value=100)


class ReviewBlock(blocks.StructBlock):
    """A review box: criteria with scores, the overall score and a verdict."""

    title = blocks.CharBlock(label=_("title"), required=False, max_length=200)
    style = blocks.ChoiceBlock(
        label=_("style"), default="percentage",
        choices=[("percentage", _("Percentage")), ("points", _("Points out of 10")),
                 ("stars", _("Stars out of 5"))],
    )  # fmt: skip
    criteria = blocks.ListBlock(CriterionBlock(), label=_("criteria"), default=[])
    score = blocks.IntegerBlock(
        label=_("overall score (0–100)"), min_value=0, max_value=100,
        help_text=_("The average of the criteria when they are given."),
    )  # fmt: skip
    verdict = blocks.CharBlock(label=_("verdict"), required=False, max_length=120)
    summary = blocks.TextBlock(label=_("summary"), required=False)
    readers_rating = blocks.FloatBlock(
        label=_("readers' rating (0–5)"), required=False, min_value=0, max_value=5
    )
    readers_count = blocks.IntegerBlock(
        label=_("readers who rated"), required=False, min_value=0
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["shown_score"] = shown_score(value)
        context["out_of"] = OUT_OF.get(value.get("style"), "")
        return context

    class Meta:
        icon = "pick"
        label = _("Review box")
        template = "articles/blocks/review.html"


OUT_OF = {"points": "10", "stars": "5"}


def shown_score(value):
    """The overall score in the box's style: 87 → "87%", "8.7" or "4.4"."""
    score = value.get("score") or 0
    style = value.get("style")
    if style == "points":
        return f"{score / 10:.1f}"
    if style == "stars":
        return f"{score * 5 / 100:.1f}"
    return f"{score}%"
