"""Cross-validate the comment spam filter on the labelled corpus (#3).

Usage: .venv/bin/python bench/spam_eval.py [--folds 5] [--seed 3]

Prints precision, recall, F1 and the confusion matrix for "spam" as the
positive class, for Arabic, English and all comments, at two operating points:
"flagged" (score >= hold_at, so held or spam) and "spam" (score >= spam_at).
Precision matters most: a false positive hides a reader's legitimate comment.
"""

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nashra.text.spam import SpamFilter  # noqa: E402 -- after the path fix above

CORPUS = ROOT / "tests" / "spam_corpus"


def load_corpus(folder: Path = CORPUS) -> list[tuple[str, str, bool]]:
    """Return (language, text, is_spam) for every comment in the corpus."""
    comments = []
    for label in ("ham", "spam"):
        for language in ("ar", "en"):
            path = folder / f"{label}_{language}.txt"
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    text = line.replace("\\n", "\n")
                    comments.append((language, text, label == "spam"))
    return comments


def folds(comments, k: int, seed: int):
    """Stratified k folds: each fold keeps the corpus' ham/spam/language mix."""
    rng = random.Random(seed)
    buckets: dict[tuple[str, bool], list] = {}
    for comment in comments:
        buckets.setdefault((comment[0], comment[2]), []).append(comment)
    assigned = [[] for _ in range(k)]
    for key in sorted(buckets):
        bucket = buckets[key]
        rng.shuffle(bucket)
        for index, comment in enumerate(bucket):
            assigned[index % k].append(comment)
    return assigned


def cross_validate(comments, k: int = 5, seed: int = 3):
    """Return (language, is_spam, score) for each comment, scored out of fold."""
    split = folds(comments, k, seed)
    results = []
    for held_out in range(k):
        model = SpamFilter()
        for index, fold in enumerate(split):
            if index != held_out:
                for _, text, is_spam in fold:
                    model.train(text, is_spam=is_spam)
        for language, text, is_spam in split[held_out]:
            results.append((language, is_spam, model.score(text)))
    return results


def confusion(results, threshold: float, language: str | None = None):
    """Return true/false positives/negatives for spam at ``threshold``."""
    tp = fp = fn = tn = 0
    for result_language, is_spam, score in results:
        if language and result_language != language:
            continue
        flagged = score >= threshold
        tp += flagged and is_spam
        fp += flagged and not is_spam
        fn += not flagged and is_spam
        tn += not flagged and not is_spam
    return tp, fp, fn, tn


def metrics(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return precision, recall, f1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--hold-at", type=float, default=0.5)
    parser.add_argument("--spam-at", type=float, default=0.9)
    args = parser.parse_args()
    comments = load_corpus()
    results = cross_validate(comments, args.folds, args.seed)
    print(f"{len(comments)} comments, {args.folds}-fold, seed {args.seed}")
    for point, threshold in (("flagged", args.hold_at), ("spam", args.spam_at)):
        print(f"\n{point} (score >= {threshold})")
        print(f"{'subset':8} {'prec':>6} {'recall':>6} {'F1':>6}   TP  FP  FN  TN")
        for language in ("ar", "en", None):
            tp, fp, fn, tn = confusion(results, threshold, language)
            precision, recall, f1 = metrics(tp, fp, fn)
            print(
                f"{language or 'all':8} {precision:6.3f} {recall:6.3f} {f1:6.3f}"
                f" {tp:4d}{fp:4d}{fn:4d}{tn:4d}"
            )


if __name__ == "__main__":
    main()
