"""Demo newspaper content as plain Python data, read by the demo loader.

Shapes (the loader depends on these keys): ``SECTIONS``, ``SUBSECTIONS`` (with their parent's slug) and ``AUTHORS`` are lists of
dicts; ``ARTICLES`` holds one dict per story with a ``body`` list of
``{"type", "value"}`` blocks (see ``blocks.py``); ``TAGS`` lists every tag name in the
order it first appears; ``LIVE_PAGES`` the live coverage (see ``live.py``); ``HOUSE_ADS`` the ad slots (``ads.py``); ``WIDGETS`` the sidebar and footer widgets (``widgets.py``); ``FORMATS`` the story formats by slug (``formats.py``);
``PODCASTS`` the shows and their episodes (``podcasts.py``). Everything here is fictional and written for this project.
"""

from nashra.demo.content.ads import HOUSE_ADS
from nashra.demo.content.articles_culture import CULTURE_ARTICLES
from nashra.demo.content.articles_economy import ECONOMY_ARTICLES
from nashra.demo.content.articles_health import HEALTH_ARTICLES
from nashra.demo.content.articles_local import LOCAL_ARTICLES
from nashra.demo.content.articles_sport import SPORT_ARTICLES
from nashra.demo.content.articles_technology import TECHNOLOGY_ARTICLES
from nashra.demo.content.articles_world import WORLD_ARTICLES
from nashra.demo.content.authors import AUTHORS
from nashra.demo.content.formats import FORMATS
from nashra.demo.content.live import LIVE_PAGES
from nashra.demo.content.podcasts import PODCASTS
from nashra.demo.content.sections import SECTIONS, SUBSECTIONS
from nashra.demo.content.widgets import WIDGETS

ARTICLES = [
    *WORLD_ARTICLES,
    *LOCAL_ARTICLES,
    *ECONOMY_ARTICLES,
    *SPORT_ARTICLES,
    *TECHNOLOGY_ARTICLES,
    *CULTURE_ARTICLES,
    *HEALTH_ARTICLES,
]

TAGS = list(dict.fromkeys(tag for article in ARTICLES for tag in article["tags"]))

__all__ = [
    "ARTICLES",
    "AUTHORS",
    "FORMATS",
    "HOUSE_ADS",
    "LIVE_PAGES",
    "PODCASTS",
    "SECTIONS",
    "SUBSECTIONS",
    "TAGS",
    "WIDGETS",
]
