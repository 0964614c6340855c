"""RSS 2.0 and Atom writers with Media RSS images and full text.

Django's writers know enclosures but not `media:content`, which many readers
(and news apps) use for the picture beside a headline, and they have no place
for a full article next to its summary: RSS readers look in `content:encoded`,
Atom readers in `<content>`. Items pass both through `item_extra_kwargs`.
An RSS item's last change (a correction, #14) goes in `atom:updated`.
Every author of a byline is its own `dc:creator` (RSS: `<author>` must be an
e-mail address) or Atom `<author>` with the author page as its `<uri>` (#20).
"""

from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date

MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


def _add_media(handler, item):
    image = item.get("media")
    if not image:
        return
    attrs = {"url": image["url"], "medium": "image", "type": image["type"]}
    for key in ("width", "height", "fileSize"):
        if image.get(key):
            attrs[key] = str(image[key])
    handler.startElement("media:content", attrs)
    if image.get("description"):
        handler.addQuickElement(
            "media:description", image["description"], {"type": "plain"}
        )
    handler.endElement("media:content")


class NewsRss(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:media": MEDIA_NS,
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DC_NS,
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("updateddate"):
            # RSS 2.0 has no item modification date; readers take Atom's, in
            # the atom namespace Django's writer already declares (#14).
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        for name, _url in item.get("authors") or ():
            handler.addQuickElement("dc:creator", name)
        if item.get("content"):
            handler.addQuickElement("content:encoded", item["content"])
        _add_media(handler, item)


class NewsAtom(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors") or ():
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item.get("content"):
            handler.addQuickElement("content", item["content"], {"type": "html"})
        _add_media(handler, item)
