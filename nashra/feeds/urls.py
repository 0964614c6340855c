from django.urls import include, path

from nashra.feeds import comment_feeds, feeds, podcast_feed, views
from nashra.feeds.api import urlpatterns as api_urlpatterns

app_name = "feeds"


def _both(prefix, feed_class, name):
    """The RSS and Atom URL of one feed: <prefix>rss/ and <prefix>atom/."""
    return [
        path(f"{prefix}rss/", feed_class(), name=f"{name}-rss"),
        path(f"{prefix}atom/", feeds.as_atom(feed_class)(), name=f"{name}-atom"),
    ]


urlpatterns = [
    path("api/v1/", include(api_urlpatterns())),
    path("a/<int:pk>/", views.short_link, name="short"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", views.sitemap_index, name="sitemap-index"),
    path("sitemaps/news.xml", views.news_sitemap, name="sitemap-news"),
    path("sitemaps/<slug:name>-<int:page>.xml", views.sitemap_file, name="sitemap"),
    path("podcasts/<str:slug>/feed.xml", podcast_feed.PodcastFeed(), name="podcast"),
    *_both("feeds/", feeds.ArticleFeed, "site"),
    *_both("feeds/section/<int:pk>/", feeds.SectionFeed, "section"),
    *_both("feeds/tag/<str:slug>/", feeds.TagFeed, "tag"),
    *_both("feeds/author/<str:slug>/", feeds.AuthorFeed, "author"),
    *_both("feeds/comments/<int:pk>/", comment_feeds.CommentFeed, "comments"),
]
