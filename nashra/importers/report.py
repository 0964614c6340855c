"""The import's tally: every record of the export lands in exactly one bucket (#7)."""

import io
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from .jannah_keys import MetaTally

OUTCOMES = ("created", "updated", "unchanged", "skipped", "failed")
# The buckets, then "other": menu items, templates and terms of other
# taxonomies, which have no page here but are still items of the export.
KINDS = (
    "posts", "pages", "attachments", "comments", "categories", "tags", "authors",
    "redirects", "other",
)  # fmt: skip


class Report:
    """Counts in memory; problems spilled to a temporary file as they come.

    A 50,000-post import can note a problem or three per post; holding them
    all would make memory grow with the export (#7 asks for flat memory).
    """

    SAMPLE = 20

    def __init__(self):
        self.counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
        self.problem_count = 0
        self.sample: list[dict] = []
        self._spill = tempfile.TemporaryFile("w+", encoding="utf-8")
        # Every post meta key of the export, and what became of it (#21).
        self.meta = MetaTally()

    def __deepcopy__(self, memo):
        # An open spill file cannot be copied; a report is a log, so sharing
        # it is safe (Django's setUpTestData deep-copies class attributes).
        return self

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        self.counts[kind][outcome] += n

    def problem(self, item, kind: str, reason: str) -> None:
        entry = {"item": str(item), "kind": kind, "reason": reason}
        self.problem_count += 1
        if len(self.sample) < self.SAMPLE:
            self.sample.append(entry)
        self._spill.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def iter_problems(self) -> Iterator[dict]:
        self._spill.flush()
        self._spill.seek(0)
        for line in self._spill:
            yield json.loads(line)
        self._spill.seek(0, io.SEEK_END)

    @property
    def problems(self) -> list[dict]:
        return list(self.iter_problems())

    def total(self, kind: str) -> int:
        return sum(self.counts[kind].values())

    def tallies(self) -> dict:
        return {
            kind: {outcome: self.counts[kind][outcome] for outcome in OUTCOMES}
            for kind in KINDS
        }

    def write_json(self, out: TextIO) -> None:
        """The issue's JSON shape, problems streamed from the spill file."""
        tallies = self.tallies()
        if self.meta.seen:
            tallies["post_meta"] = {"totals": self.meta.totals(),
                                    "keys": self.meta.rows()}  # fmt: skip
        head = json.dumps(tallies, ensure_ascii=False, indent=2)
        out.write(head[:-2] + ',\n  "problems": [')
        for n, entry in enumerate(self.iter_problems()):
            out.write(("," if n else "") + "\n    ")
            out.write(json.dumps(entry, ensure_ascii=False))
        out.write("\n  ]\n}\n")

    def to_json(self) -> str:
        buffer = io.StringIO()
        self.write_json(buffer)
        return buffer.getvalue()

    def table(self) -> str:
        """A plain-text summary for the terminal."""
        width = max(len(kind) for kind in KINDS)
        lines = [" " * width + "".join(f"{o:>11}" for o in OUTCOMES)]
        for kind in KINDS:
            row = "".join(f"{self.counts[kind][o]:>11}" for o in OUTCOMES)
            lines.append(f"{kind:<{width}}{row}")
        lines.extend(self.meta.lines())
        lines.append(f"problems: {self.problem_count}")
        return "\n".join(lines)
