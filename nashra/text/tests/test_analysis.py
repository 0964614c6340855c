"""analyse() and tokens_with_spans(): the pipeline shared by index and query."""

import pytest

from nashra.text.analysis import analyse, tokens_with_spans

SAMPLE = (
    "قالَ وزيرُ الخارجيّة، أَحْمَد، إنّ «المدرسـة» ستُفتح في ٢٠٢٤ "
    "مع Microsoft وCafé\u200c الإلكترونية؛ هل تذكرون؟"
)


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("الاسبوع", "في الأسبوع المقبل"),
        ("مدرسة", "زار المدرسه"),
        ("بوتين", "التقى الرئيس وبوتين"),
        ("المتنبي", "شعر المُتَنَبِّي"),
        ("الاقتصاد", "الاقتصـــاد"),
        ("2024", "عام ٢٠٢٤"),
        ("macron", "Emmanuel MACRON"),
        ("مستشفي", "المستشفى"),
    ],
)
def test_query_terms_meet_article_terms(query, article):
    """Index and query run the same pipeline, so variants must meet."""
    assert set(analyse(query)) <= set(analyse(article))


@pytest.mark.parametrize(
    "text", ["في من الى على عن", "the and of", "هذا هو الذي كان", ""]
)
def test_stop_words_only_give_nothing(text):
    """A query of stop words must not match every article in the archive."""
    stop_only = [term for term in analyse(text) if term != "علي"]
    assert stop_only == []


def test_ali_is_not_a_stop_word():
    """على folds to علي (Ali); the name must stay searchable."""
    assert analyse("علي") == ["علي"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "؟؟؟ ،،، «»",
        "ً ٌ ٍ َ ُ ِ ّ ْ",
        "ـــــ",
        "\u200b\u200c\u200f",
        '" * ^ : ( ) NEAR OR AND',
        "!@#$%^&*()_+-=[]{}|;':,./<>?",
    ],
)
def test_no_words_gives_no_terms(text):
    """Punctuation, marks and syntax characters are not search terms."""
    assert [t for t in analyse(text) if t not in ("near",)] == []


def test_long_text_is_analysed():
    """A 10,000-character body must be analysed in full."""
    terms = analyse("مدرسة جديدة " * 1000)
    assert len(terms) == 2000


def test_spans_agree_with_analyse():
    """Highlighting maps the same terms the index stored, in the same order."""
    assert [term for term, _, _ in tokens_with_spans(SAMPLE)] == analyse(SAMPLE)


def test_spans_cover_the_original_spelling():
    """A highlight must show the word as written, harakat and hamza included."""
    words = [SAMPLE[start:end] for _, start, end in tokens_with_spans(SAMPLE)]
    assert "وزيرُ" in words
    assert "أَحْمَد" in words
    assert "المدرسـة" in words
    assert "٢٠٢٤" in words
    assert "وCafé\u200c" in words


def test_spans_of_empty_text():
    """Empty text has nothing to highlight."""
    assert tokens_with_spans("") == []


def test_ligature_unfolds_into_several_terms_on_one_span():
    """ﷺ is one character but several words; each keeps the character's span."""
    spans = tokens_with_spans("النبي ﷺ")
    assert len(spans) > 2
    assert all(span[1:] == (6, 7) for span in spans[1:])
