"""State shared while one post's content is converted."""

from dataclasses import dataclass, field

from ..wxr.records import Problem


@dataclass
class Context:
    problems: list[Problem] = field(default_factory=list)
    # Blocks made from shortcodes, keyed by the placeholder left in the HTML.
    placeholders: dict[str, list[dict]] = field(default_factory=dict)

    def note(self, kind: str, reason: str) -> None:
        problem = Problem(kind, reason)
        # One report per distinct problem: a post with 40 columns is one fact.
        if problem not in self.problems:
            self.problems.append(problem)

    def placeholder(self, blocks: list[dict]) -> str:
        key = str(len(self.placeholders))
        self.placeholders[key] = blocks
        return f'<nashra-placeholder data-key="{key}"></nashra-placeholder>'
