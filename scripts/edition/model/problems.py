"""A problem found in the sources, and how problems are reported."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: `path:line: [check] message`."""

    path: Path
    line: int
    check: str
    message: str
    #: Problems that follow from this one and go once it is fixed (edition.causes).
    follows: tuple[Problem, ...] = field(default=(), compare=False)

    def where(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        return f"{path.as_posix()}:{self.line}" if self.line else path.as_posix()

    def format(self, root: Path | None = None) -> str:
        return f"{self.where(root)}: [{self.check}] {self.message}{self.consequences}"

    @property
    def consequences(self) -> str:
        n = len(self.follows)
        if not n:
            return ""
        return f" (and {n} problem{'s' if n > 1 else ''} that follow{'' if n > 1 else 's'} from it)"

    def format_all(self, root: Path | None = None) -> list[str]:
        """This problem, then those that follow from it, indented."""
        return [self.format(root), *(f"    {p.format(root)}" for p in self.follows)]

    def as_dict(self, root: Path | None = None) -> dict:
        where = self.where(root)
        data = {
            "path": where.rsplit(":", 1)[0] if self.line else where,
            "line": self.line,
            "check": self.check,
            "message": self.message,
        }
        if self.follows:
            data["follows"] = [p.as_dict(root) for p in self.follows]
        return data


def summary(problems: list[Problem], pages: int) -> str:
    if not problems:
        return f"checked {pages} pages: no problems"
    left = sum(1 for p in problems if p.check == "untranslated")
    if left == len(problems):  # a report being translated: what is left, listed above
        return f"checked {pages} pages: {left} block{'s' if left > 1 else ''} untranslated"
    checks = sorted({p.check for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    following = sum(len(p.follows) for p in problems)
    more = f", and {following} that follow from {'it' if len(problems) == 1 else 'them'}" if following else ""
    return f"checked {pages} pages: {len(problems)} {noun} ({', '.join(checks)}){more}"


def to_json(problems: list[Problem], pages: int, root: Path | None = None) -> str:
    return json.dumps(
        {"pages": pages, "problems": [p.as_dict(root) for p in problems], "summary": summary(problems, pages)},
        ensure_ascii=False,
        indent=2,
    )
