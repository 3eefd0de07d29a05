"""A problem found in the sources, and how problems are reported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: `path:line: [check] message`."""

    path: Path
    line: int
    check: str
    message: str

    def where(self, root: Path | None = None) -> str:
        path = self.path
        if root is not None:
            try:
                path = self.path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        return f"{path.as_posix()}:{self.line}" if self.line else path.as_posix()

    def format(self, root: Path | None = None) -> str:
        return f"{self.where(root)}: [{self.check}] {self.message}"

    def as_dict(self, root: Path | None = None) -> dict:
        where = self.where(root)
        return {
            "path": where.rsplit(":", 1)[0] if self.line else where,
            "line": self.line,
            "check": self.check,
            "message": self.message,
        }


def summary(problems: list[Problem], pages: int) -> str:
    if not problems:
        return f"checked {pages} pages: no problems"
    checks = sorted({p.check for p in problems})
    noun = "problem" if len(problems) == 1 else "problems"
    return f"checked {pages} pages: {len(problems)} {noun} ({', '.join(checks)})"


def to_json(problems: list[Problem], pages: int, root: Path | None = None) -> str:
    return json.dumps(
        {"pages": pages, "problems": [p.as_dict(root) for p in problems], "summary": summary(problems, pages)},
        ensure_ascii=False,
        indent=2,
    )
