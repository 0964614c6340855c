"""Photo credits as names: the word "Photo" belongs to the template (#12).

Editors and imported captions often write the credit with its label already,
«تصوير: رويترز», and the template adds its own «تصوير:», which printed
«تصوير: تصوير: رويترز». Pure Python, no Django.
"""

import re

# A label is only a label when a colon or a dash follows it: «صورة أرشيفية»
# (an archive photo) is a credit in its own right. © needs nothing after it.
_SEPARATOR = r"\s*[:：\-‐‑‒–—―]+\s*"
_WORDS = r"(?:تصوير|التصوير|صورة|الصورة|صور|photo(?:graph)?s?|image)"
_LABEL = re.compile(
    rf"^\s*(?:{_WORDS}(?:\s+by)?{_SEPARATOR}|{_WORDS}\s+by\s+|©(?:{_SEPARATOR})?)",
    re.IGNORECASE,
)


def credit_name(credit):
    """The credit without a leading «تصوير:», «صورة -», "Photo:" or ©.

    >>> credit_name("تصوير: رويترز")
    'رويترز'
    >>> credit_name("© أ ف ب")
    'أ ف ب'
    >>> credit_name("صورة أرشيفية")
    'صورة أرشيفية'
    """
    text = (credit or "").strip()
    while True:
        stripped = _LABEL.sub("", text, count=1).strip()
        if stripped == text:
            return text
        text = stripped
