"""A local naive Bayes spam filter for readers' comments, trained by the newsroom (#3).

Nothing leaves the server: no third-party spam service sees readers' words or
addresses. The filter starts empty and learns only from moderators' decisions
(``train`` on publish or reject, ``untrain`` when a decision is reversed). It
routes a comment to "ham", "hold" or "spam"; it never deletes anything.

Model: Boolean multinomial naive Bayes (each feature counted once per comment)
with Laplace smoothing and equal class priors: the mix of comments moderators
happen to label is not the real spam rate, and a prior learnt from it would
push a quiet week's ham into the queue. Features are words from
:func:`nashra.text.normalise.normalise` plus shape features (links, link
domains, script mix, repeated letters, capitals, phone numbers, emoji), so
"casino", "كازينو" or a "+44" number count only as far as the newsroom's own
data says they should.
"""

import json
import math
import re
import unicodedata

from nashra.text.comment_text import count_links, neutralise_invisible
from nashra.text.normalise import normalise

FORMAT = "nashra-spam-filter"
VERSION = 1
# Bump when features() changes: a model counted with other features is useless.
FEATURES_VERSION = 1
# Until the newsroom has labelled this many of each, scores carry no signal.
MIN_EXAMPLES = 20
NEUTRAL_SCORE = 0.5
MAX_TOKENS = 50_000
# Only the start of a comment is read: it is where spam says what it sells,
# and it bounds the cost of scoring a 1 MB paste.
MAX_CHARS = 20_000
_MAX_TOKEN_LENGTH = 40
_LAPLACE = 1.0
# Naive Bayes adds up dozens of correlated clues and so is far too sure of
# itself; dividing the log-odds spreads scores over the "hold" band.
_TEMPERATURE = 2.0

_WORD = re.compile(r"\w+")
_REPEATED_LETTER = re.compile(r"(\w)\1{2,}")
_REPEATED_MARK = re.compile(r"([!?؟.$💰🔥👇⬇])\1{2,}")
_DOMAIN_RUN = re.compile(r"[a-z0-9.-]+")
_PHONE_RUN = re.compile(r"\+?\d[\d \-().]*")
_URL = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)


def _squeeze(word: str) -> str:
    # "رااااائع" and "soooo" are the same word as "رائع" and "so".
    word = _REPEATED_LETTER.sub(r"\1", word)[:_MAX_TOKEN_LENGTH]
    if word.isdigit():
        return f"num:{min(len(word), 6)}"
    return word


def _domains(folded: str) -> list[str]:
    """Host names written in the text, with or without a scheme ("x.xyz")."""
    found = []
    for run in _DOMAIN_RUN.findall(folded):
        labels = [label for label in run.strip(".-").split(".") if label]
        if len(labels) >= 2 and labels[-1].isalpha() and 2 <= len(labels[-1]) <= 24:
            found.append(".".join(labels[-2:]))
    return found


def _script_feature(text: str) -> str:
    arabic = latin = 0
    for char in text:
        if char.isalpha():
            if char.isascii():
                latin += 1
            elif "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f":
                arabic += 1
    if not arabic and not latin:
        return "script:none"
    ratio = latin / (arabic + latin)
    for limit, name in ((0.0, "ar"), (0.1, "mostly-ar"), (0.5, "mixed-ar")):
        if ratio <= limit:
            return f"script:{name}"
    return "script:latin" if ratio == 1 else "script:mostly-latin"


def _phone_features(text: str) -> list[str]:
    features = []
    for run in _PHONE_RUN.findall(text):
        digits = sum(char.isdigit() for char in run)
        if digits >= 8:
            features.append("phone:yes")
            if run.startswith(("+", "00", "٠٠")):
                features.append("phone:intl")
    return features


def _shape_features(text: str, words: list[str]) -> list[str]:
    links = count_links(text)
    # Script mix and capitals describe the prose; a URL is Latin in any comment.
    prose = _URL.sub(" ", text)
    features = [f"links:{min(links, 3)}", _script_feature(prose)]
    features.append(
        f"len:{'short' if len(words) < 8 else 'mid' if len(words) < 40 else 'long'}"
    )
    if _REPEATED_LETTER.search(text):
        features.append("repeat:letters")
    if _REPEATED_MARK.search(text):
        features.append("repeat:marks")
    latin_words = [word for word in prose.split() if word.isascii() and word.isalpha()]
    shouting = [word for word in latin_words if len(word) >= 3 and word.isupper()]
    if len(shouting) >= 2 and len(shouting) * 3 >= len(latin_words):
        features.append("caps:many")
    emoji = sum(unicodedata.category(char) == "So" for char in text)
    if emoji:
        features.append("emoji:many" if emoji >= 3 else "emoji:some")
    features.extend(_phone_features(text))
    return features


def _meta_features(meta: dict) -> list[str]:
    features = []
    name = normalise(str(meta.get("name") or ""))
    features.extend(f"name:{_squeeze(word)}" for word in _WORD.findall(name)[:4])
    if _domains(name):
        features.append("name:has-domain")
    if any(char.isdigit() for char in name):
        features.append("name:has-digits")
    email_domain = str(meta.get("email_domain") or "").strip().lower()
    if email_domain:
        features.append(f"email:{email_domain[:_MAX_TOKEN_LENGTH]}")
    website = normalise(str(meta.get("website") or ""))
    features.append("website:yes" if website else "website:no")
    for domain in _domains(website):
        features.extend((f"site:{domain}", f"sitetld:{domain.rsplit('.', 1)[-1]}"))
    return features


def features(text: str, meta: dict | None = None) -> set[str]:
    """The set of clues the filter counts for one comment.

    ``meta`` may carry "name", "email_domain" and "website".

    >>> sorted(features("ربح سريييع https://win.xyz"))
    ... # doctest: +NORMALIZE_WHITESPACE
    ['domain:win.xyz', 'len:short', 'links:1', 'repeat:letters', 'script:ar',
     'tld:xyz', 'win', 'xyz', 'ربح', 'سريع']
    """
    text = neutralise_invisible(text[:MAX_CHARS])
    folded = normalise(text)
    # A URL's path is mostly noise (ids, dates); its host name is kept below.
    prose = _URL.sub(" ", folded)
    words = [_squeeze(word) for word in _WORD.findall(prose) if len(word) > 1]
    found = set(words)
    for domain in _domains(folded):
        found.update((f"domain:{domain}", f"tld:{domain.rsplit('.', 1)[-1]}"))
        found.update(_squeeze(word) for word in re.split(r"[.-]", domain) if word)
    found.update(_shape_features(text, words))
    if meta:
        found.update(_meta_features(meta))
    return found


class SpamFilter:
    """Per-site spam model: feature counts for ham and spam comments."""

    def __init__(self, *, max_tokens: int = MAX_TOKENS):
        if max_tokens < 100:
            raise ValueError("max_tokens must be at least 100")
        self.max_tokens = max_tokens
        self.ham_count = 0
        self.spam_count = 0
        # token → [ham comments, spam comments] that contained it
        self._counts: dict[str, list[int]] = {}
        self._totals = [0, 0]

    @property
    def is_trained(self) -> bool:
        """True once the newsroom has labelled MIN_EXAMPLES of each kind.

        >>> f = SpamFilter(); f.train("كازينو", is_spam=True); f.is_trained
        False
        """
        return self.ham_count >= MIN_EXAMPLES and self.spam_count >= MIN_EXAMPLES

    def train(self, text: str, *, is_spam: bool, meta: dict | None = None) -> None:
        """Learn from one moderator decision.

        >>> f = SpamFilter(); f.train("تعليق مفيد", is_spam=False); f.ham_count
        1
        """
        column = int(bool(is_spam))
        for token in features(text, meta):
            self._counts.setdefault(token, [0, 0])[column] += 1
            self._totals[column] += 1
        if column:
            self.spam_count += 1
        else:
            self.ham_count += 1
        if len(self._counts) > self.max_tokens:
            self._prune()

    def untrain(self, text: str, *, is_spam: bool, meta: dict | None = None) -> None:
        """Forget one earlier decision (the moderator changed their mind).

        >>> f = SpamFilter(); f.train("ربح", is_spam=True)
        >>> f.untrain("ربح", is_spam=True); f.spam_count
        0
        """
        column = int(bool(is_spam))
        if (self.spam_count if column else self.ham_count) == 0:
            raise ValueError("no such decision to undo")
        for token in features(text, meta):
            counts = self._counts.get(token)
            # A token pruned since training has nothing left to take back.
            if counts is None or counts[column] == 0:
                continue
            counts[column] -= 1
            self._totals[column] -= 1
            if counts == [0, 0]:
                del self._counts[token]
        if column:
            self.spam_count -= 1
        else:
            self.ham_count -= 1

    def _prune(self) -> None:
        # Drop the rarest tokens down to 90% so pruning is not rerun per comment;
        # ties are broken by the token itself so the result is deterministic.
        keep = self.max_tokens * 9 // 10
        by_rarity = sorted(self._counts.items(), key=lambda kv: (sum(kv[1]), kv[0]))
        for token, (ham, spam) in by_rarity[: len(self._counts) - keep]:
            self._totals[0] -= ham
            self._totals[1] -= spam
            del self._counts[token]

    def score(self, text: str, meta: dict | None = None) -> float:
        """Probability-like spam score in 0..1; 0.5 while untrained.

        >>> SpamFilter().score("اربح المال الآن")
        0.5
        """
        if not self.is_trained:
            return NEUTRAL_SCORE
        vocabulary = len(self._counts)
        ham_denominator = self._totals[0] + _LAPLACE * vocabulary
        spam_denominator = self._totals[1] + _LAPLACE * vocabulary
        log_odds = 0.0
        for token in features(text, meta):
            counts = self._counts.get(token)
            # Unseen words say nothing about this site's comments.
            if counts is None:
                continue
            ham, spam = counts
            log_odds += math.log((spam + _LAPLACE) / spam_denominator)
            log_odds -= math.log((ham + _LAPLACE) / ham_denominator)
        log_odds = max(-500.0, min(500.0, log_odds / _TEMPERATURE))
        return 1 / (1 + math.exp(-log_odds))

    def classify(
        self,
        text: str,
        meta: dict | None = None,
        *,
        hold_at: float = 0.5,
        spam_at: float = 0.9,
    ) -> str:
        """Route a comment: "ham" (publish), "hold" (queue) or "spam" (spam folder).

        An untrained filter answers "ham": the other moderation rules (links,
        first-time commenters) decide until the newsroom has taught it.

        >>> SpamFilter().classify("كازينو")
        'ham'
        """
        if not 0 <= hold_at <= spam_at <= 1:
            raise ValueError("need 0 <= hold_at <= spam_at <= 1")
        if not self.is_trained:
            return "ham"
        value = self.score(text, meta)
        if value >= spam_at:
            return "spam"
        if value >= hold_at:
            return "hold"
        return "ham"

    def to_json(self) -> str:
        """Serialise the model (versioned, sorted, so equal models give equal text).

        >>> f = SpamFilter(); f.train("مقال جيد", is_spam=False)
        >>> SpamFilter.from_json(f.to_json()).to_json() == f.to_json()
        True
        """
        return json.dumps(
            {
                "format": FORMAT,
                "version": VERSION,
                "features_version": FEATURES_VERSION,
                "max_tokens": self.max_tokens,
                "ham_count": self.ham_count,
                "spam_count": self.spam_count,
                "tokens": self._counts,
            },
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> "SpamFilter":
        """Load a model saved by :meth:`to_json`; ValueError if it is not one.

        >>> SpamFilter.from_json('{"format": "نموذج آخر"}')
        Traceback (most recent call last):
        ValueError: not a nashra spam filter model
        """
        try:
            raw = json.loads(data)
        except (TypeError, json.JSONDecodeError) as error:
            raise ValueError("not a nashra spam filter model") from error
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a nashra spam filter model")
        if raw.get("version") != VERSION:
            raise ValueError(f"unsupported model version {raw.get('version')!r}")
        if raw.get("features_version") != FEATURES_VERSION:
            raise ValueError("model was built with other features: retrain it")
        model = cls(max_tokens=_count(raw.get("max_tokens")))
        model.ham_count = _count(raw.get("ham_count"))
        model.spam_count = _count(raw.get("spam_count"))
        tokens = raw.get("tokens")
        if not isinstance(tokens, dict):
            raise ValueError("tokens must be an object")
        for token, pair in tokens.items():
            if len(token) > 2 * _MAX_TOKEN_LENGTH or not isinstance(pair, list):
                raise ValueError(f"bad token entry {token[:50]!r}")
            if len(pair) != 2:
                raise ValueError(f"bad token entry {token[:50]!r}")
            ham, spam = _count(pair[0]), _count(pair[1])
            model._counts[token] = [ham, spam]
            model._totals[0] += ham
            model._totals[1] += spam
        if len(model._counts) > model.max_tokens:
            model._prune()
        return model


def _count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a non-negative integer, got {value!r}")
    return value
