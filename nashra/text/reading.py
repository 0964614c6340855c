"""Word counts and "N minutes to read" for Arabic articles."""

from html.parser import HTMLParser

# Brysbaert's meta-analysis (J. Memory and Language, 2019) puts adult silent
# reading of English non-fiction at about 238 words a minute and notes that
# other languages scale with how many words they need for the same message.
# Arabic writes the article, most prepositions and conjunctions and object
# pronouns as part of the word ("وبمدينتهم" is one word), so the same news
# takes noticeably fewer, longer words; figures of 180-200 words a minute are
# the ones usually given for Arabic. We take the low end: news is read on
# phones, and an estimate that runs short annoys readers more than a long one.
ARABIC_WORDS_PER_MINUTE = 180

# Text inside these is never read by a person.
_SKIPPED_TAGS = frozenset({"script", "style", "template", "noscript", "head"})
# These end a run of text; inline tags such as <b> may split a word
# ("<b>ال</b>عربية") and must not add a space.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl",
        "dt", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED_TAGS:
            self.skip_depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIPPED_TAGS:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip_depth:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """Readable text of an HTML fragment, whitespace collapsed.

    >>> plain_text("<p>عاجل:</p><p>انقطاع <b>الكهرباء</b> &amp; المياه</p>")
    'عاجل: انقطاع الكهرباء & المياه'
    """
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return " ".join("".join(collector.parts).split())


def count_words(text: str) -> int:
    """Number of words in plain text; runs of punctuation alone do not count.

    >>> count_words("قال الوزير — في مؤتمر صحفي — إن الموازنة ستُقرّ في 2025.")
    10
    """
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


def reading_minutes(
    text: str,
    words_per_minute: int = ARABIC_WORDS_PER_MINUTE,
    *,
    html: bool = False,
) -> int:
    """Whole minutes to read ``text``, rounded to the nearest, at least 1.

    Pass ``html=True`` for a rendered body; tags and scripts are not words.

    >>> reading_minutes("كلمة " * 450)
    3
    """
    if isinstance(words_per_minute, bool) or not isinstance(words_per_minute, int):
        raise TypeError("words_per_minute must be an int")
    if words_per_minute < 1:
        raise ValueError(f"words_per_minute must be positive, got {words_per_minute}")
    words = count_words(plain_text(text) if html else text)
    # Integer round-half-up: 2.5 minutes reads as 3, never banker's 2.
    minutes = (2 * words + words_per_minute) // (2 * words_per_minute)
    return max(1, minutes)
