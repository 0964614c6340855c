"""Mark query terms in article text, as the reader wrote them (#5).

Both functions return ``(text, is_match)`` segments rather than HTML, so the
template escapes every segment and wraps only matches in <mark>: no markup
from an article or a query can reach the page unescaped.
"""

from collections.abc import Iterable

from nashra.text.analysis import analyse, tokens_with_spans
from nashra.text.names import MARK, pair_keys, word_keys
from nashra.text.normalise import normalise

ELLIPSIS = "…"
Segments = list[tuple[str, bool]]


def _term_set(terms: Iterable[str]) -> set[str]:
    # Callers pass either analysed terms or the words as typed; accept both.
    wanted = set()
    for term in terms:
        wanted.add(term)
        wanted.update(analyse(term))
    return wanted


def _match_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    wanted = _term_set(terms)
    keys = {term for term in wanted if term.startswith(MARK)}
    spans: list[tuple[int, int]] = []
    previous = None
    for term, start, end in tokens_with_spans(text):
        matched = term in wanted
        if keys:
            # A name found through its key (#18), spelt as the article
            # spells it: one word, or two read as one ("فيس بوك").
            word = normalise(text[start:end])
            matched = matched or not keys.isdisjoint(word_keys(word))
            if previous and not keys.isdisjoint(pair_keys(previous[0], word)):
                if not spans or spans[-1] != previous[1]:
                    spans.append(previous[1])
                matched = True
            previous = (word, (start, end))
        if matched and (not spans or spans[-1] != (start, end)):
            spans.append((start, end))
    return spans


def _segments(text: str, spans: list[tuple[int, int]], offset: int = 0) -> Segments:
    segments: Segments = []
    position = 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if start < position or end > len(text):
            continue
        if start > position:
            segments.append((text[position:start], False))
        segments.append((text[start:end], True))
        position = end
    if position < len(text):
        segments.append((text[position:], False))
    return segments


def _cut_end(text: str, end: int) -> int:
    """Move ``end`` back to a word boundary, unless the word fills the window."""
    if end >= len(text) or text[end].isspace():
        return end
    boundary = text.rfind(" ", 0, end)
    return boundary if boundary > 0 else end


def highlight(
    text: str, terms: Iterable[str], *, max_len: int | None = None
) -> Segments:
    """Split ``text`` into segments, flagging words that match ``terms``.

    >>> highlight("قالَ وزيرُ الخارجيّة", ["وزير"])
    [('قالَ ', False), ('وزيرُ', True), (' الخارجيّة', False)]
    >>> highlight("شركة غوغل", ["جوجل", "xكاكل"])
    [('شركة ', False), ('غوغل', True)]
    """
    text = text or ""
    truncated = max_len is not None and len(text) > max_len
    if truncated:
        text = text[: _cut_end(text, max(max_len, 0))].rstrip()
    segments = _segments(text, _match_spans(text, terms))
    if truncated:
        segments.append((ELLIPSIS, False))
    return segments


def snippet(text: str, terms: Iterable[str], length: int = 200) -> Segments:
    """Pick the ``length``-character window with most matches, cut at words.

    >>> snippet("خبر أول. " * 40 + "وصل الوزيرُ إلى بيروت", ["وزير"], 30)[-2:]
    [('الوزيرُ', True), (' إلى بيروت', False)]
    """
    text = text or ""
    spans = _match_spans(text, terms)
    if len(text) <= length:
        return _segments(text, spans)
    best_start, best_count = 0, 0
    for start, _ in spans:
        # Leave a little context before the first match in the window.
        window_start = max(0, min(start - length // 5, len(text) - length))
        window_end = window_start + length
        count = sum(1 for s, e in spans if s >= window_start and e <= window_end)
        if count > best_count:
            best_start, best_count = window_start, count
    start = best_start
    if start > 0 and not text[start - 1].isspace():
        boundary = text.find(" ", start, start + length)
        start = boundary + 1 if boundary != -1 else start
    end = _cut_end(text, min(len(text), best_start + length))
    window = text[start:end].strip()
    start = text.index(window, start) if window else start
    segments = _segments(window, spans, offset=start)
    if start > 0:
        segments.insert(0, (ELLIPSIS, False))
    if start + len(window) < len(text):
        segments.append((ELLIPSIS, False))
    return segments
