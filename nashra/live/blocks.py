"""What an entry of live coverage is made of: an article's quick blocks (#15)."""

from wagtail import blocks

from nashra.articles.blocks import EmbedBlock, ImageBlock, QuoteBlock


class LiveEntryBlock(blocks.StreamBlock):
    """Text, a photo with its caption, a quotation, a link to a post or video."""

    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link"], template="articles/blocks/paragraph.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock()
