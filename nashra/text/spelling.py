"""«هل تقصد؟»: the closest spelling the site itself uses (#18).

Pure Python. Words are compared after ``normalise()``, so hamza, taa
marbuta, alef maqsura and harakat never count as a spelling mistake: the
search already matches those. Candidates come from a deletion index (every
word with up to two letters removed), so a lookup touches a few dozen words
however large the vocabulary, then the true edit distance decides.
"""

import re
from collections import Counter
from collections.abc import Iterable

from nashra.text.analysis import analyse
from nashra.text.normalise import normalise
from nashra.text.stopwords import STOP_WORDS

_WORD = re.compile(r"[^\W_]+")
# Below this a one-letter change makes another common word ("قال", "قام").
MIN_LENGTH = 3
# One mistake in a short word, two in a longer one.
LONG_WORD = 6


def allowed_distance(word: str) -> int:
    """Edits a misspelling of ``word`` may be away from it.

    >>> allowed_distance("الاقتصاد")
    2
    """
    return 2 if len(word) >= LONG_WORD else 1


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insert, delete, substitute, swap two.

    >>> edit_distance(normalise("الإقتصد"), normalise("الاقتصاد"))
    1
    """
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = current[j - 1] + 1
            cost = min(cost, previous[j] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    found, layer = {word}, {word}
    for _ in range(min(depth, len(word) - 1)):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        found |= layer
    return found


class Vocabulary:
    """The words of a site's articles, each under its normalised form.

    >>> words = Vocabulary(["الاقتصاد السعودي", "الاقتصاد العالمي"])
    >>> words.closest("الاقتصد")
    'الاقتصاد'
    """

    def __init__(self, texts: Iterable[str]):
        spellings: dict[str, Counter] = {}
        keys: dict[str, str] = {}  # each distinct spelling normalised once
        for text in texts:
            for word in _WORD.findall(text or ""):
                key = keys.get(word)
                if key is None:
                    key = keys[word] = normalise(word)
                if len(key) < MIN_LENGTH or key in STOP_WORDS or key.isdigit():
                    continue
                spellings.setdefault(key, Counter())[word] += 1
        # Shown as the articles most often spell it.
        self.words = {k: c.most_common(1)[0][0] for k, c in spellings.items()}
        self.counts = {k: sum(c.values()) for k, c in spellings.items()}
        # What the search matches: "والنفط" finds "النفط" through its stem,
        # so a word whose stem is known is no mistake, whatever its clitics.
        self.stems = {term for key in self.words for term in analyse(key)}
        self._index: dict[str, list[str]] = {}
        for key in self.words:
            for variant in _deletions(key, allowed_distance(key)):
                self._index.setdefault(variant, []).append(key)

    def __contains__(self, word: str) -> bool:
        return normalise(word) in self.words

    def __len__(self) -> int:
        return len(self.words)

    def closest(self, word: str) -> str | None:
        """The site's spelling nearest ``word``, or None when it is already
        one of them, too short, or nothing is near enough."""
        key = normalise(word)
        if len(key) < MIN_LENGTH or key in self.words or not _WORD.fullmatch(key):
            return None
        if any(term in self.stems for term in analyse(key)):
            return None
        limit = allowed_distance(key)
        seen = set()
        for variant in _deletions(key, limit):
            seen.update(self._index.get(variant, ()))
        best = None
        for candidate in seen:
            distance = edit_distance(key, candidate)
            if distance > min(limit, allowed_distance(candidate)):
                continue
            rank = (distance, -self.counts[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return self.words[best[2]] if best else None

    def correct(self, query: str) -> str | None:
        """``query`` with each unknown word replaced by its closest spelling,
        everything else (quotes, minus signs, known words) kept; None when
        nothing changes.

        >>> Vocabulary(["مباراة الهلال والنصر"]).correct('"مبارة الهلال"')
        '"مباراة الهلال"'
        """
        changed = False

        def replace(match):
            nonlocal changed
            better = self.closest(match.group())
            if better is None:
                return match.group()
            changed = True
            return better

        corrected = _WORD.sub(replace, query or "")
        return corrected if changed else None
