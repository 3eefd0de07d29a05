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
from pathlib import Path

from .problems import Problem
from .text import numbering

#: Checks whose problems are causes: fix these first.
STRUCTURAL = ("input", "front-matter", "data", "pages", "ids")
#: A Chinese page that no longer reads as the source: the cause of what changed with it (the
#: English named outdated, a number no longer in the English). Listed after the structural.
SLIP = "differs from the source"
CHANGED_SOURCE = "an archived source stays unchanged"
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


def heading_id(blocks: list, index: int) -> str | None:
    """The id the numbering gives to the heading blocks[index]: part-N for 一、/I., s-N-M for
    （一）/(I) under part N."""
    found = numbering(blocks[index].text)
    if found is None:
        return None
    kind, value = found
    if kind == "part":
        return f"part-{value}"
    if kind == "section":
        part = next((b.id for b in reversed(blocks[:index]) if b.kind == "heading" and b.id and re.fullmatch(r"part-\d+", b.id)), None)
        return f"s-{part.removeprefix('part-')}-{value}" if part else None
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


def _slug(path: Path) -> str | None:
    """The report a file belongs to: docs/SLUG/… and reports/SLUG/… alike."""
    parts = path.as_posix().split("/")
    for anchor in ("docs", "reports"):
        if anchor in parts and parts.index(anchor) + 2 < len(parts):
            return parts[parts.index(anchor) + 1]
    return None


def _follows(root: Problem, other: Problem) -> bool:
    if root.check == "integrity" and CHANGED_SOURCE in root.message:
        # An archived source changed: every slip found against it follows from that.
        return other.check == "integrity" and SLIP in other.message and _slug(root.path) == _slug(other.path)
    if _names(other.message, _ids(root)) and _related(root, other):
        return True
    if root.check == "input" and other.path == root.path:
        return True  # what is found in a page that cannot be read whole (an unclosed fence)
    # A slip of the Chinese makes its English page outdated, whichever block the stale
    # check names (or none, when the earlier version is not in the history).
    stem = lambda path: re.sub(r"(\.[a-z]{2})?\.md$", "", path.as_posix())  # noqa: E731
    return root.check == "integrity" and SLIP in root.message and other.check == "stale" and stem(root.path) == stem(other.path)


def root_causes_first(problems: list[Problem]) -> list[Problem]:
    """Structural problems (and an archived source changed) first, then slips of the Chinese
    against the source, each with the problems that follow from it folded in
    (`Problem.follows`; a slip that follows from a changed source is folded there, with what
    follows from the slip); then every other problem, in the order given."""
    first = [p for p in problems if p.check in STRUCTURAL or (p.check == "integrity" and CHANGED_SOURCE in p.message)]
    slips = [p for p in problems if p.check == "integrity" and SLIP in p.message]
    owner: dict[int, Problem] = {}  # id(problem) → the root it is folded under
    for problem in problems:
        if problem not in first:
            root = next((r for r in first if _follows(r, problem)), None)
            if root is not None:
                owner[id(problem)] = root
    roots = first + [p for p in slips if id(p) not in owner]
    for problem in problems:
        if id(problem) in owner or problem in roots:
            continue
        slip = next((r for r in slips if _follows(r, problem)), None)
        if slip is not None:
            owner[id(problem)] = owner.get(id(slip), slip)
    folded: dict[int, list[Problem]] = {id(root): [] for root in roots}
    for problem in problems:
        if id(problem) in owner:
            folded[id(owner[id(problem)])].append(problem)
    left = [p for p in problems if id(p) not in owner and p not in roots]
    return [replace(root, follows=tuple(folded[id(root)])) for root in roots] + left
