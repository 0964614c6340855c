"""Fill msgstr entries of a .po catalogue from a JSON file (msgid -> msgstr).

Usage: python scripts/po_fill.py CATALOGUE.po TRANSLATIONS.json
Plural entries take a list of forms (Arabic: zero, one, two, few, many, other).
Run it under `flock /tmp/nashra-po.lock` when several people edit at once.
"""

import json
import sys

import polib


def fill(po_path, translations):
    catalogue = polib.pofile(po_path)
    missing = []
    for msgid, value in translations.items():
        entry = catalogue.find(msgid)
        if entry is None:
            missing.append(msgid)
            continue
        if isinstance(value, list):
            entry.msgstr_plural = dict(enumerate(value))
        else:
            entry.msgstr = value
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    catalogue.save()
    return missing


if __name__ == "__main__":
    path, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        not_found = fill(path, json.load(handle))
    for msgid in not_found:
        sys.stderr.write(f"not in catalogue (run make messages first): {msgid!r}\n")
    sys.exit(1 if not_found else 0)
