"""Score any search function on the evaluation set, plus in-memory engines (#5).

``evaluate(search_fn)`` takes a function from a query string to a ranked list
of article ids, so the database backends can be scored on the same queries
as the in-memory engines below.

Metrics, per kind and overall, on the top ``k`` (10) results:

- recall@k: share of the relevant articles that were returned;
- MRR: 1 / rank of the first relevant article (0 if none);
- precision@k: share of the returned articles that are relevant (0 when
  nothing came back although something should have).

A query with no relevant article scores 1 on all three when it returns
nothing and 0 otherwise.
"""

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from nashra.text.analysis import analyse, analyse_for_index
from nashra.text.names import MARK
from nashra.text.query import _alternatives, parse_query

from .corpus import ARTICLES
from .queries import QUERIES

SearchFn = Callable[[str], list[int]]
Analyser = Callable[[str], list[str]]


def _scores(relevant: frozenset[int], ranked: list[int], k: int) -> dict:
    top = ranked[:k]
    if not relevant:
        hit = 0.0 if top else 1.0
        return {"recall": hit, "mrr": hit, "precision": hit}
    found = [doc for doc in top if doc in relevant]
    first = next((rank for rank, doc in enumerate(top, 1) if doc in relevant), None)
    return {
        "recall": len(found) / len(relevant),
        "mrr": 1 / first if first else 0.0,
        "precision": len(found) / len(top) if top else 0.0,
    }


def _mean(rows: list[dict]) -> dict:
    return {
        metric: sum(row[metric] for row in rows) / len(rows) if rows else 0.0
        for metric in ("recall", "mrr", "precision")
    } | {"queries": len(rows)}


def evaluate(search_fn: SearchFn, queries: Iterable[dict] = QUERIES, k: int = 10):
    """Return ``{kind: {recall, mrr, precision, queries}, "overall": …}``.

    Also ``"no_result_hits"``: how many queries that should find nothing
    found something, and ``"failures"``: the queries that missed.
    """
    by_kind: dict[str, list[dict]] = defaultdict(list)
    failures = []
    no_result_hits = 0
    for item in queries:
        ranked = list(search_fn(item["query"]))
        row = _scores(item["relevant"], ranked, k)
        by_kind[item["kind"]].append(row)
        if not item["relevant"] and ranked:
            no_result_hits += 1
        if row["recall"] < 1:
            failures.append((item["query"], sorted(item["relevant"]), ranked[:k]))
    # Kinds in the order the queries list them (the name set has its own).
    report = {kind: _mean(rows) for kind, rows in by_kind.items()}
    report["overall"] = _mean([row for rows in by_kind.values() for row in rows])
    report["no_result_hits"] = no_result_hits
    report["failures"] = failures
    return report


class InMemoryIndex:
    """BM25 over analysed terms, AND semantics, phrases and exclusions.

    With the site's analyser, name keys (#18) are indexed too and weigh
    NAME_WEIGHT of a body word, as in the database backends.
    """

    k1 = 1.2
    b = 0.75
    NAME_WEIGHT = 0.5

    def __init__(self, articles: Iterable[dict], analyser: Analyser = analyse):
        self.analyser = analyser
        self.docs: dict[int, list[str]] = {}
        self.keys: dict[int, Counter] = {}
        for article in articles:
            # The title counts twice: a headline word says more than a body word.
            title = analyser(article["title"])
            self.docs[article["id"]] = title + title + analyser(article["body"])
            if analyser is analyse:
                title_keys = analyse_for_index(article["title"])[1]
                body_keys = analyse_for_index(article["body"])[1]
                self.keys[article["id"]] = Counter(title_keys + body_keys)
        self.counts = {doc: Counter(terms) for doc, terms in self.docs.items()}
        for doc, keys in self.keys.items():
            self.counts[doc].update(keys)
        self.doc_freq = Counter(t for counts in self.counts.values() for t in counts)
        self.average_length = sum(map(len, self.docs.values())) / len(self.docs)

    def _bm25(self, doc: int, term: str) -> float:
        frequency = self.counts[doc][term]
        if not frequency:
            return 0.0
        weight = self.NAME_WEIGHT if term.startswith(MARK) else 1.0
        n, df = len(self.docs), self.doc_freq[term]
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        norm = 1 - self.b + self.b * len(self.docs[doc]) / self.average_length
        return weight * idf * frequency * (self.k1 + 1) / (frequency + self.k1 * norm)

    def _has_phrase(self, doc: int, phrase: list[str]) -> bool:
        terms, size = self.docs[doc], len(phrase)
        return any(terms[i : i + size] == phrase for i in range(len(terms)))

    def search(self, query: str) -> list[int]:
        parsed = parse_query(query, analyser=self.analyser)
        if parsed.is_empty:
            return []
        alternatives = _alternatives(parsed, prefix_last=False)
        scored = []
        for doc, counts in self.counts.items():
            if any(term in counts for term in parsed.excluded):
                continue
            if not all(any(t in counts for t in found) for found in alternatives):
                continue
            if not all(self._has_phrase(doc, phrase) for phrase in parsed.phrases):
                continue
            wanted = [t for found in alternatives for t in dict.fromkeys(found)]
            wanted += [t for phrase in parsed.phrases for t in phrase]
            scored.append((sum(self._bm25(doc, t) for t in set(wanted)), doc))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return [doc for _, doc in scored]


def snowball_analyser() -> Analyser:
    """Our normalise + stop words, with the Snowball Arabic stemmer instead."""
    import snowballstemmer

    from nashra.text.analysis import _TERM
    from nashra.text.normalise import normalise
    from nashra.text.stopwords import STOP_WORDS

    stemmer = snowballstemmer.stemmer("arabic")
    cache: dict[str, str] = {}

    def analyser(text: str) -> list[str]:
        terms = []
        for token in _TERM.findall(normalise(text)):
            if token in STOP_WORDS:
                continue
            if token not in cache:
                cache[token] = stemmer.stemWord(token)
            terms.append(cache[token])
        return terms

    return analyser


def like_search(articles: Iterable[dict]) -> SearchFn:
    """WordPress's search: every word a raw LIKE '%word%', title hits first."""
    rows = [
        (a["id"], a["title"].lower(), a["body"].lower(), a["published"])
        for a in articles
    ]

    def search(query: str) -> list[int]:
        words = [w for w in query.lower().replace('"', " ").split() if w.strip("-")]
        wanted = [w for w in words if not w.startswith("-")]
        unwanted = [w[1:] for w in words if w.startswith("-")]
        # WordPress drops words that are only punctuation or marks.
        wanted = [w for w in wanted if any(_is_word_char(c) for c in w)]
        if not wanted:
            return []
        hits = []
        for doc, title, body, published in rows:
            text = title + " " + body
            if all(w in text for w in wanted) and not any(w in text for w in unwanted):
                in_title = sum(w in title for w in wanted)
                hits.append((-in_title, published, doc))
        hits.sort(key=lambda hit: (hit[0], _reverse(hit[1])))
        return [doc for _, _, doc in hits]

    return search


def _is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _reverse(date: str) -> str:
    # Newest first inside a tier, as WordPress orders by post_date DESC.
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def engines() -> dict[str, SearchFn]:
    """The three in-memory engines compared in the issue: ours, Snowball, LIKE."""
    return {
        "nashra": InMemoryIndex(ARTICLES).search,
        "snowball": InMemoryIndex(ARTICLES, snowball_analyser()).search,
        "like": like_search(ARTICLES),
    }
