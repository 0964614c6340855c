"""The search evaluation corpus: 62 short news articles written for #5.

Each article is a dict with ``id``, ``title``, ``body`` and ``published``
(ISO date). Some are written with harakat, tatweel, ى for final ي, ه for
final ة, Arabic-Indic digits or Latin names, so every folding rule is used.
"""

from .corpus_news import ARTICLES as _NEWS
from .corpus_science import ARTICLES as _SCIENCE
from .corpus_sport_culture import ARTICLES as _SPORT_CULTURE

ARTICLES = [*_NEWS, *_SPORT_CULTURE, *_SCIENCE]
