"""A credit's own label is dropped, so the template's «تصوير:» is not doubled (#12)."""

import pytest

from nashra.text.credits import credit_name


@pytest.mark.parametrize(
    ("credit", "name"),
    [
        ("تصوير: رويترز", "رويترز"),
        ("تصوير : رويترز", "رويترز"),
        ("تصوير:رويترز", "رويترز"),
        ("تصوير - رويترز", "رويترز"),
        ("تصوير – أ ف ب", "أ ف ب"),
        ("تصوير — أ ف ب", "أ ف ب"),
        ("صورة: وكالة الأناضول", "وكالة الأناضول"),
        ("الصورة - أرشيف نشرة", "أرشيف نشرة"),
        ("  تصوير: تصوير: رويترز ", "رويترز"),
        ("Photo: Reuters", "Reuters"),
        ("PHOTO - AP", "AP"),
        ("Photograph: Sami Haddad", "Sami Haddad"),
        ("Photo by Sami Haddad", "Sami Haddad"),
        ("© رويترز", "رويترز"),
        ("©Reuters", "Reuters"),
        ("© - Getty Images", "Getty Images"),
        ("تصوير:", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_a_leading_label_is_dropped(credit, name):
    assert credit_name(credit) == name


@pytest.mark.parametrize(
    "credit",
    [
        "رويترز",
        "صورة أرشيفية",  # "archive photo" is the credit itself
        "نشرة / خدمة الصور",
        "مصور نشرة: سامي",
        "Photographer's own",
        "Imagery: NASA",
        "تصويري: ل",
    ],
)
def test_credits_without_a_label_are_kept(credit):
    assert credit_name(credit) == credit
