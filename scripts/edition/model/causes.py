"""Root causes first: structural problems lead, and what follows from them is folded.

A one-character slip in an id line (`{: #p-1-2-3 }` written for `{: #p-1-2-2 }`) makes
every check that pairs blocks by id go wrong on two paragraphs: dozens of numbers, terms,
figures and integrity problems, with the cause somewhere among them. Here the structural
problems (unreadable input, malformed data, missing pages, ids) come first, and each other
problem that names an id that a structural problem names, on the same page, its
counterpart or a data file, is folded under it ("and 5 problems that follow from it").

The expected id of a paragraph comes from the numbering of the report: after heading
`s-1-2` the first paragraph is `p-1-2-1`, after `p-1-2-1` comes `p-1-2-2`.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .problems import Problem

#: Checks whose problems are causes: fix these first.
STRUCTURAL = ("input", "front-matter", "data", "pages", "ids")
MENTIONED_ID = re.compile(r'#([A-Za-z][\w-]*)|"([A-Za-z][\w-]*)"')
NUMBERED = re.compile(r"^(p(?:-\d+)*)-(\d+)$")


def next_id(previous: str | None) -> str | None:
    """The id the numbering gives to the paragraph after a block with this id."""
    if previous is None:
        return None
    if previous == "cover":
        return "p-0-1"
    if match := re.fullmatch(r"part-(\d+)", previous):
        return f"p-{match.group(1)}-1"
    if match := re.fullmatch(r"s-(\d+)-(\d+)", previous):
        return f"p-{match.group(1)}-{match.group(2)}-1"
    if match := NUMBERED.match(previous):
        return f"{match.group(1)}-{int(match.group(2)) + 1}"
    return None


def expected_id(blocks: list, index: int) -> str | None:
    """The id the numbering gives to blocks[index]: the one after the nearest block above
    it with an id (a heading, a paragraph or a list item)."""
    for block in reversed(blocks[:index]):
        if block.id and block.kind in ("heading", "paragraph", "list_item"):
            return next_id(block.id)
    return None


def _ids(problem: Problem) -> set[str]:
    return {a or b for a, b in MENTIONED_ID.findall(problem.message)}


def _names(message: str, ids: set[str]) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(ident)}(?![\w-])", message) for ident in ids)


def _related(root: Problem, other: Problem) -> bool:
    """Same page, its counterpart (x.md ↔ x.en.md) or a data file outside docs/."""
    a, b = root.path.as_posix(), other.path.as_posix()
    stem = lambda path: re.sub(r"(\.[a-z]{2})?\.md$", "", path)  # noqa: E731
    return stem(a) == stem(b) or "/docs/" not in f"/{b}" or not b.endswith(".md")


def root_causes_first(problems: list[Problem]) -> list[Problem]:
    """Structural problems first, each with the problems that follow from it folded in
    (`Problem.follows`); then every other problem, in the order given."""
    roots = [p for p in problems if p.check in STRUCTURAL]
    rest = [p for p in problems if p.check not in STRUCTURAL]
    folded: dict[int, list[Problem]] = {i: [] for i in range(len(roots))}
    left = []
    for problem in rest:
        owner = next((i for i, root in enumerate(roots) if _names(problem.message, _ids(root)) and _related(root, problem)), None)
        if owner is None:
            left.append(problem)
        else:
            folded[owner].append(problem)
    return [replace(root, follows=tuple(folded[i])) for i, root in enumerate(roots)] + left
