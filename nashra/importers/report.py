"""The import's tally: every record of the export lands in exactly one bucket (#7)."""

import json
from collections import Counter
from dataclasses import dataclass, field

OUTCOMES = ("created", "updated", "unchanged", "skipped", "failed")
# The buckets, then "other": menu items, templates and terms of other
# taxonomies, which have no page here but are still items of the export.
KINDS = (
    "posts", "pages", "attachments", "comments", "categories", "tags", "authors",
    "redirects", "other",
)  # fmt: skip


@dataclass
class Report:
    counts: dict[str, Counter] = field(
        default_factory=lambda: {kind: Counter() for kind in KINDS}
    )
    problems: list[dict] = field(default_factory=list)

    def count(self, kind: str, outcome: str, n: int = 1) -> None:
        if outcome not in OUTCOMES:
            raise ValueError(outcome)
        self.counts[kind][outcome] += n

    def problem(self, item, kind: str, reason: str) -> None:
        self.problems.append({"item": str(item), "kind": kind, "reason": reason})

    def total(self, kind: str) -> int:
        return sum(self.counts[kind].values())

    def as_dict(self) -> dict:
        data: dict = {
            kind: {outcome: self.counts[kind][outcome] for outcome in OUTCOMES}
            for kind in KINDS
        }
        data["problems"] = self.problems
        return data

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2)

    def table(self) -> str:
        """A plain-text summary for the terminal."""
        width = max(len(kind) for kind in KINDS)
        lines = [" " * width + "".join(f"{o:>11}" for o in OUTCOMES)]
        for kind in KINDS:
            row = "".join(f"{self.counts[kind][o]:>11}" for o in OUTCOMES)
            lines.append(f"{kind:<{width}}{row}")
        lines.append(f"problems: {len(self.problems)}")
        return "\n".join(lines)
