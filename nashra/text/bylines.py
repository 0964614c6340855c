"""A byline's names joined as the language writes a list (#20).

Arabic repeats the conjunction before every name after the first and writes
it joined to the name: «أحمد وسلمى وخالد». The English habit of commas with
one final "and" («أحمد، سلمى وخالد») is a calque that Arabic style guides
reject, so it is not used; a name that does not start with an Arabic letter
(«و John») keeps a space after the «و» so the two scripts do not run
together. English writes "A and B" and "A, B and C" (no serial comma, as
news agencies' style books ask).
"""

import unicodedata


def _arabic_letter(char):
    return unicodedata.bidirectional(char) == "AL" and char.isalpha()


def separators(names, lang):
    """The text between each name and the next: len(names) - 1 strings.

    >>> separators(["أحمد", "سلمى", "خالد"], "ar")
    [' و', ' و']
    """
    names = list(names)
    if len(names) < 2:
        return []
    if lang.split("-")[0] == "ar":
        found = []
        for name in names[1:]:
            attached = bool(name) and _arabic_letter(name[0])
            found.append(" و" if attached else " و ")
        return found
    return [", "] * (len(names) - 2) + [" and "]


def join_names(names, lang):
    """The names of a byline as one phrase in ``lang`` ("ar" or "en").

    >>> join_names(["أحمد", "سلمى"], "ar")
    'أحمد وسلمى'
    >>> join_names(["أحمد", "سلمى", "خالد"], "ar")
    'أحمد وسلمى وخالد'
    >>> join_names(["Ahmad", "Salma", "Khaled"], "en")
    'Ahmad, Salma and Khaled'
    """
    names = [name for name in names if name]
    if not names:
        return ""
    parts = [names[0]]
    for between, name in zip(separators(names, lang), names[1:], strict=True):
        parts += [between, name]
    return "".join(parts)
