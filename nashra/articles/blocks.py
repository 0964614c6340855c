"""The blocks an article body is written in.

Block names and value shapes are a contract with the demo content and the
WordPress importer (#7): change them only with a migration of stored bodies.
"""

import nh3
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

from nashra.articles.story_blocks import HighlightsBlock, ReviewBlock, SourcesBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]

# What staff-written HTML may contain once it reaches a reader (#7 imports too).
SAFE_HTML_TAGS = {
    "p", "br", "b", "strong", "i", "em", "u", "a", "ul", "ol", "li", "blockquote",
    "h2", "h3", "h4", "figure", "figcaption", "img", "table", "thead", "tbody",
    "tr", "th", "td", "caption", "code", "pre", "sub", "sup", "hr", "span", "div",
}  # fmt: skip
SAFE_HTML_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
    "*": {"dir", "lang"},
}


def sanitise_html(html):
    """Keep only the tags and attributes a news body may show; never scripts."""
    return nh3.clean(
        html or "",
        tags=SAFE_HTML_TAGS,
        attributes=SAFE_HTML_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener",
    )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=255)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading")), ("h3", _("Subheading")), ("h4", _("Minor"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "articles/blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=255)
    alt = blocks.CharBlock(label=_("alternative text"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "articles/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(ImageBlock(), label=_("images"), min_num=1)
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "articles/blocks/gallery.html"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "articles/blocks/pull_quote.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "articles/blocks/quote.html"


class EmbedBlock(blocks.StructBlock):
    """A link to outside media, shown as a card: no third-party request on load."""

    url = blocks.URLBlock(label=_("address"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Embedded media")
        template = "articles/blocks/embed.html"


class CodeBlock(blocks.StructBlock):
    language = blocks.CharBlock(label=_("language"), required=False, max_length=40)
    code = blocks.TextBlock(label=_("code"))

    class Meta:
        icon = "code"
        label = _("Code")
        template = "articles/blocks/code.html"


class SafeHTMLBlock(blocks.RawHTMLBlock):
    """Staff HTML, sanitised on the way out so a pasted script never runs."""

    def render_basic(self, value, context=None):
        return mark_safe(sanitise_html(str(value)))  # noqa: S308  (nh3 output)

    class Meta:
        icon = "code"
        label = _("HTML")


class SeparatorBlock(blocks.StaticBlock):
    class Meta:
        icon = "horizontalrule"
        label = _("Separator")
        admin_text = _("A dividing line between parts of the article.")
        template = "articles/blocks/separator.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="articles/blocks/paragraph.html",
    )
    heading = HeadingBlock()
    image = ImageBlock()
    gallery = GalleryBlock()
    pull_quote = PullQuoteBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
    table = TableBlock(label=_("Table"), template="articles/blocks/table.html")
    code = CodeBlock()
    html = SafeHTMLBlock()
    separator = SeparatorBlock()
    highlights = HighlightsBlock()
    sources = SourcesBlock()
    review = ReviewBlock()
