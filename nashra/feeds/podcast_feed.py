"""A podcast show's RSS feed, as Apple Podcasts and Spotify read it (#20).

RSS 2.0 with Apple's itunes namespace (author, owner, image, category,
explicit, type; per episode duration, number, season and type) and the
Podcast Index's podcast namespace (the show's guid). Each item's enclosure
is the audio file's absolute address with its byte length and MIME type; its
guid is the episode's own UUID (isPermaLink="false"), so renaming or moving
the story never makes apps download an episode twice. Two queries for any
number of episodes (nashra.podcasts.episodes). Cached by the page cache
under "front", which every publish bumps; a show or episode edit bumps
"site" (their cache_site_wide).
"""

import copy

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape

from nashra.feeds import links
from nashra.feeds.feeds import in_direction
from nashra.podcasts import episodes
from nashra.podcasts.categories import split
from nashra.podcasts.models import Podcast
from nashra.text.audio import clock
from nashra.text.bylines import join_names

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
# Apple's minimum side; the admin accepts square covers from 1400 px.
COVER = "fill-1400x1400|format-jpeg"


class PodcastRss(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:itunes": ITUNES_NS,
            "xmlns:podcast": PODCAST_NS,
            "xmlns:content": CONTENT_NS,
        }

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        show = self.feed["show"]
        quick = handler.addQuickElement
        handler.startElement("itunes:owner", {})
        quick("itunes:name", show["owner_name"])
        quick("itunes:email", show["owner_email"])
        handler.endElement("itunes:owner")
        # After the owner: feedparser takes the owner's name as the author
        # when itunes:author comes first.
        quick("itunes:author", show["author"])
        quick("itunes:summary", show["summary"])
        if show["image"]:
            quick("itunes:image", attrs={"href": show["image"]})
            handler.startElement("image", {})
            quick("url", show["image"])
            quick("title", self.feed["title"])
            quick("link", self.feed["link"])
            handler.endElement("image")
        top, sub = show["category"]
        handler.startElement("itunes:category", {"text": top})
        if sub:
            quick("itunes:category", attrs={"text": sub})
        handler.endElement("itunes:category")
        quick("itunes:explicit", "true" if show["explicit"] else "false")
        quick("itunes:type", show["type"])
        quick("podcast:guid", show["guid"])

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        episode = item["episode"]
        quick = handler.addQuickElement
        if episode["author"]:
            quick("itunes:author", episode["author"])
        quick("itunes:title", item["title"])
        quick("itunes:summary", episode["summary"])
        if episode["duration"]:
            quick("itunes:duration", episode["duration"])
        for name in ("season", "episode"):
            if episode[name]:
                quick(f"itunes:{name}", str(episode[name]))
        quick("itunes:episodeType", episode["type"])
        quick("itunes:explicit", "true" if episode["explicit"] else "false")


class PodcastFeed(Feed):
    """The published episodes of one show, newest first."""

    feed_type = PodcastRss

    def __call__(self, request, *args, **kwargs):
        bound = copy.copy(self)  # one Feed instance per URL: no shared state
        bound.request = request
        return Feed.__call__(bound, request, *args, **kwargs)

    def get_object(self, request, slug):
        return get_object_or_404(Podcast.objects.select_related("cover"), slug=slug)

    def items(self, obj):
        return episodes.published(obj)

    def title(self, obj):
        return obj.title

    def link(self, obj):
        return links.absolute(self.request, obj.get_absolute_url())

    def feed_url(self, obj):
        return links.absolute(self.request, obj.feed_path())

    def description(self, obj):
        return obj.description

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        # Django reads `language` as a plain attribute; each show has its own.
        feed.feed["language"] = obj.language
        return feed

    def author_name(self, obj):
        return obj.author

    def feed_copyright(self, obj):
        return f"© {links.publication_name(self.request)}"

    def feed_extra_kwargs(self, obj):
        image = None
        if obj.cover:
            rendition = obj.cover.get_rendition(COVER)
            image = links.absolute(self.request, rendition.url)
        return {"show": {
            "author": obj.author,
            "summary": obj.description,
            "owner_name": obj.owner_name,
            "owner_email": obj.owner_email,
            "image": image,
            "category": split(obj.category),
            "explicit": obj.explicit,
            "type": obj.show_type,
            "guid": str(obj.guid),
        }}  # fmt: skip

    def item_title(self, item):
        return item.article.title

    def item_link(self, item):
        return links.page_url(item.article, self.request)

    def item_guid(self, item):
        return str(item.guid)

    def item_guid_is_permalink(self, item):
        return False

    def item_description(self, item):
        story = item.article
        return in_direction(escape(story.summary or story.search_description))

    def item_pubdate(self, item):
        return item.article.published_at

    def item_author_name(self, item):
        return None  # RSS <author> must be an e-mail: itunes:author says it

    def item_enclosures(self, item):
        address = item.audio_address()
        if address.startswith("/"):
            address = links.absolute(self.request, address)
        # The library's stored size follows a replaced file; the episode's
        # own is for links and for documents uploaded before it was kept.
        stored = item.article.audio_file if item.article.audio_file_id else None
        length = (stored.file_size if stored else None) or item.length or 0
        return [Enclosure(address, str(length), item.mime_type)]

    def item_extra_kwargs(self, item):
        story = item.article
        names = [author.name for author in story.byline_authors]
        return {"episode": {
            "author": join_names(names, item.podcast.language)
            if names else item.podcast.author,
            "summary": story.summary or story.search_description or story.title,
            "duration": clock(item.duration) if item.duration else "",
            "season": item.season,
            "episode": item.number,
            "type": item.episode_type,
            "explicit": item.podcast.explicit,
        }}  # fmt: skip
