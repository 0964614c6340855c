"""Comment spam filter: features, routing, persistence and accuracy (#3)."""

import doctest
import json
import random
import time
from pathlib import Path

import pytest

from nashra.text import spam
from nashra.text.spam import MIN_EXAMPLES, SpamFilter, features

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "spam_corpus"


def load_corpus():
    """(language, text, is_spam) for each comment in tests/spam_corpus/."""
    comments = []
    for label in ("ham", "spam"):
        for language in ("ar", "en"):
            lines = (CORPUS / f"{label}_{language}.txt").read_text("utf-8")
            for line in lines.splitlines():
                if line.strip() and not line.startswith("#"):
                    comments.append((language, line.replace("\\n", "\n"), label))
    return comments


def fixed_split():
    """A seeded 80/20 split, stratified by label: same split on every run."""
    train, test = [], []
    comments = load_corpus()
    for label in ("ham", "spam"):
        group = [comment for comment in comments if comment[2] == label]
        random.Random(2024).shuffle(group)
        cut = len(group) * 4 // 5
        train += group[:cut]
        test += group[cut:]
    return train, test


@pytest.fixture(scope="module")
def trained():
    model = SpamFilter()
    for _, text, label in fixed_split()[0]:
        model.train(text, is_spam=label == "spam")
    return model


def test_corpus_size_and_mix():
    """The evaluation corpus is big enough and mostly Arabic, as our readers are."""
    comments = load_corpus()
    ham = [c for c in comments if c[2] == "ham"]
    spam = [c for c in comments if c[2] == "spam"]
    assert len(ham) >= 150 and len(spam) >= 150
    assert sum(c[0] == "ar" for c in comments) > len(comments) / 2
    assert len({c[1] for c in comments}) == len(comments), "duplicate comments"


def test_accuracy_floor_on_fixed_split(trained):
    """False positives hide readers' comments: precision must stay high.

    Floors sit a little under the cross-validated figures in
    bench/spam_eval.py (precision >= 0.95, recall >= 0.85) so a harmless
    change to the corpus does not make this flaky.
    """
    tp = fp = fn = 0
    for _, text, label in fixed_split()[1]:
        flagged = trained.classify(text) != "ham"
        tp += flagged and label == "spam"
        fp += flagged and label == "ham"
        fn += not flagged and label == "spam"
    assert tp / (tp + fp) >= 0.92
    assert tp / (tp + fn) >= 0.80


@pytest.mark.parametrize(
    "text",
    [
        "اربح ٥٠٠ دولار يومياً من البيت، تواصل واتساب ٠٠٩٦٦٥٠٠٠١١٢٢٣",
        "Best casino bonus, free spins today https://spin-lucky.casino",
        "كازينو اونلاين بمكافأة ترحيبية https://rihan.bet",
    ],
)
def test_obvious_spam_is_not_published(trained, text):
    """Betting and 'earn from home' adverts are held or sent to spam."""
    assert trained.classify(text) in {"hold", "spam"}


@pytest.mark.parametrize(
    "text",
    [
        "أختلف مع الكاتب، فالقرار سيضر بالمزارعين في الجنوب.",
        "تصحيح: الوزير تحدث يوم الأحد وليس الاثنين.",
        "Thank you for this balanced report on the budget.",
    ],
)
def test_ordinary_opinions_are_published(trained, text):
    """Disagreement and corrections are what the comments are for."""
    assert trained.classify(text) == "ham"


def test_untrained_filter_is_neutral():
    """Before MIN_EXAMPLES of each kind, the filter routes nothing by itself."""
    model = SpamFilter()
    for index in range(MIN_EXAMPLES - 1):
        model.train(f"كازينو ربح {index}", is_spam=True)
        model.train(f"رأي في المقال {index}", is_spam=False)
    assert not model.is_trained
    assert model.score("كازينو ربح") == 0.5
    assert model.classify("كازينو ربح") == "ham"
    model.train("كازينو", is_spam=True)
    model.train("رأي", is_spam=False)
    assert model.is_trained
    assert model.score("كازينو ربح") > 0.5


def test_classify_only_routes(trained):
    """The filter never deletes: every answer is one of three queues."""
    for _, text, _ in load_corpus()[::7]:
        assert trained.classify(text) in {"ham", "hold", "spam"}


@pytest.mark.parametrize(("hold_at", "spam_at"), [(0.9, 0.5), (-0.1, 0.5), (0.5, 1.5)])
def test_bad_thresholds_are_refused(trained, hold_at, spam_at):
    """A misconfigured threshold must fail loudly, not publish everything."""
    with pytest.raises(ValueError):
        trained.classify("نص", hold_at=hold_at, spam_at=spam_at)


def test_thresholds_route_by_score(trained):
    """hold_at and spam_at split the score into the three queues."""
    text = "اربح المال من البيت https://ribh.xyz"
    score = trained.score(text)
    assert trained.classify(text, hold_at=score, spam_at=1) == "hold"
    assert trained.classify(text, hold_at=0, spam_at=score) == "spam"
    assert trained.classify(text, hold_at=1, spam_at=1) in {"ham", "spam"}


def test_zero_width_and_tatweel_cannot_hide_a_word():
    """'كا​زيـــنو' with a zero-width space and tatweel is still 'كازينو'."""
    assert "كازينو" in features("كا\u200bزيـــنو")
    assert "كازينو" in features("كا\u200cزي\u200dنو")
    assert "casino" in features("CA\u200bSI\u00adNO")


def test_repeated_letters_are_squeezed():
    """'رااااائع' and 'soooo' count as the plain words, plus a shape clue."""
    found = features("رااااائع soooo")
    assert {"رايع", "so", "repeat:letters"} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("واتساب ٠٠٩٦٦٥٥٥١٢٣٤٥٦", {"phone:yes", "phone:intl"}),
        ("call +44 7700 900 123", {"phone:yes", "phone:intl"}),
        ("اتصل 0501234567", {"phone:yes"}),
    ],
)
def test_phone_numbers_are_a_clue(text, expected):
    """'Contact WhatsApp +…' is a spam hallmark, in either digit set."""
    assert expected <= features(text)


def test_years_and_prices_are_not_phone_numbers():
    """News comments quote years and sums; they are not phone numbers."""
    assert "phone:yes" not in features("في عام 2019 كان السعر ١٥٫٢ دينار")


def test_shape_features():
    """Links, domains, capitals and script mix are counted as clues."""
    found = features("WIN BIG NOW https://a.casino.xyz and www.b.example")
    assert {"links:2", "domain:casino.xyz", "tld:xyz", "caps:many"} <= found
    assert "script:latin" in found
    assert "script:ar" in features("رأي عربي خالص https://example.com")


def test_meta_features():
    """Name, e-mail domain and website are clues when the form gives them."""
    found = features(
        "شكراً",
        {"name": "best-loans.com", "email_domain": "Mail.Example", "website": ""},
    )
    assert {"name:has-domain", "email:mail.example", "website:no"} <= found
    site = features("شكراً", {"website": "https://cheap-pills.shop/x"})
    assert {"website:yes", "site:cheap-pills.shop", "sitetld:shop"} <= site


def _train(comments):
    model = SpamFilter()
    for _, text, label in comments:
        model.train(text, is_spam=label == "spam")
    return model


def test_training_is_deterministic_and_order_free():
    """Two servers with the same decisions must hold the same model."""
    comments = fixed_split()[0]
    shuffled = comments[:]
    random.Random(7).shuffle(shuffled)
    first, second = _train(comments), _train(shuffled)
    assert first.to_json() == second.to_json()
    text = "ربح سريع من البيت"
    assert first.score(text) == second.score(text)


def test_json_round_trip(trained):
    """A saved model scores exactly as the one that was saved."""
    restored = SpamFilter.from_json(trained.to_json())
    assert restored.to_json() == trained.to_json()
    for _, text, _ in load_corpus()[::11]:
        assert restored.score(text) == trained.score(text)
    saved = json.loads(trained.to_json())
    assert saved["format"] == "nashra-spam-filter" and saved["version"] == 1


def test_untrain_undoes_a_decision(trained):
    """A moderator who reverses a decision leaves no trace of the first one."""
    model = SpamFilter.from_json(trained.to_json())
    before = model.to_json()
    model.train("قرار خاطئ من المشرف", is_spam=True, meta={"name": "سارة"})
    model.untrain("قرار خاطئ من المشرف", is_spam=True, meta={"name": "سارة"})
    assert model.to_json() == before


def test_untrain_without_decisions_is_refused():
    """Counts can never go negative."""
    with pytest.raises(ValueError):
        SpamFilter().untrain("نص", is_spam=False)


def test_model_size_is_bounded():
    """A flood of unique junk cannot grow the stored model without limit."""
    model = SpamFilter(max_tokens=200)
    for index in range(300):
        model.train(f"كلمة{index} token{index} x{index}y", is_spam=index % 2 == 0)
    data = json.loads(model.to_json())
    assert len(data["tokens"]) <= 200
    assert model.ham_count == 150 and model.spam_count == 150


def test_huge_comment_is_scored_quickly(trained):
    """DoS: a 1 MB comment only has its first MAX_CHARS read."""
    started = time.perf_counter()
    trained.score("كازينو " * 150_000 + "http://x.example/" + "a" * 100_000)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize(
    "data",
    [
        "",
        "not json",
        "[]",
        '{"format": "other"}',
        '{"format": "nashra-spam-filter", "version": 99}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 0}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 1000, "ham_count": -1, "spam_count": 0, "tokens": {}}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 1000, "ham_count": true, "spam_count": 0, "tokens": {}}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 1000, "ham_count": 0, "spam_count": 0, "tokens": []}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 1000, "ham_count": 0, "spam_count": 0,'
        ' "tokens": {"a": [1]}}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 1000, "ham_count": 0, "spam_count": 0,'
        ' "tokens": {"a": [1, "2"]}}',
        '{"format": "nashra-spam-filter", "version": 1, "features_version": 1,'
        ' "max_tokens": 5, "ham_count": 0, "spam_count": 0, "tokens": {}}',
    ],
)
def test_corrupt_models_are_refused(data):
    """A damaged or foreign model file must not load as a silent empty filter."""
    with pytest.raises(ValueError):
        SpamFilter.from_json(data)


def test_docstring_examples():
    """The Arabic examples in the docstrings are true."""
    assert doctest.testmod(spam).failed == 0
