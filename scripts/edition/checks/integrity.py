"""Source integrity: the committed source is unchanged and the Chinese edition loses nothing.

The Chinese pages, stripped of Markdown, ids and the editor's 〔…〕 restorations and
NFKC-normalised, must read exactly as the archived source (less its page chrome), in
order. Every restoration in the pages must be recorded in editorial-notes.yml, and every
recorded note must match the pages and the source.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

from ..model.data_files import line_of
from ..model.problems import Problem
from ..model.project import Project, Report
from ..model.text import RESTORATION, plain_text, remove_restorations
from ..sources.source import Piece, comparable, comparable_header, edition_pieces, misplaced_chrome, read_source, sha256

NAME = "integrity"
CONTEXT = 12  # characters shown either side of a difference


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        yield from check_report(project, report)


def check_report(project: Project, report: Report) -> Iterator[Problem]:
    config = report.folder / "report.yml"
    # Every archived version stays as it was received; a corrected source is archived
    # beside the old one (CONTRIBUTING.md, "A corrected source"), never over it.
    for version in report.source_versions:
        path = report.folder / version["file"]
        if not path.exists():
            yield Problem(config, 1, NAME, f"archived source {project.rel(path)} is missing")
            continue
        actual = sha256(path)
        if actual != version["sha256"]:
            yield Problem(
                path,
                0,
                NAME,
                f"sha256 is {actual}, expected {version['sha256']} (report.yml): an archived source stays unchanged;"
                " archive a corrected source as a new file beside it",
            )
    if not report.source.exists():
        return
    missing = [p for p in report.text_pages if not p.exists()]
    for path in missing:
        yield Problem(config, 1, NAME, f"page {project.rel(path)} listed in report.yml does not exist")
    if missing:
        return
    notes = report.folder / "editorial-notes.yml"
    for entry, message in misplaced_chrome(report):
        index = report.data("editorial-notes.yml")["chrome"].index(entry)
        yield Problem(notes, line_of(notes, ("chrome", index, "line")), NAME, f"{message}: give the line it stands on, or remove the entry")
    source = read_source(report)
    title, header, body = edition_pieces(project, report)
    if report.config.get("title_line", 1):  # 0: the source has no title line; the title is the editor's
        yield from compare(title, comparable(source.title), report.text_pages[0], "title")
    yield from compare(header, comparable_header(source.header), report.text_pages[0], "metadata table")
    yield from compare(body, comparable(source.body), report.text_pages[-1], "text")
    yield from check_notes(project, report, comparable(source.body))


def compare(pieces: list[Piece], expected: str, end: Path, what: str) -> Iterator[Problem]:
    """Name the first place where the edition's pieces differ from the expected text, with
    only what differs between the marks ⟨…⟩ (a character changed, added or lost)."""
    position = 0
    for piece in pieces:
        found = piece.text
        wanted = expected[position : position + len(found)]
        if found != wanted:
            at = next(i for i in range(len(found)) if i >= len(wanted) or found[i] != wanted[i])
            offset = position + at
            old, new = _difference(expected[offset : offset + WINDOW], found[at : at + WINDOW])
            block = f"#{piece.id}" if piece.id else "this block"
            yield Problem(
                piece.path,
                piece.line,
                NAME,
                f'{what} differs from the source at character {at + 1} of {block}: expected "{_excerpt(expected, offset, old)}", '
                f'found "{_excerpt(found, at, new)}"',
            )
            return
        position += len(found)
    if position < len(expected):
        yield Problem(end, 0, NAME, f'{what} ends early: the source goes on with "{_excerpt(expected, position, CONTEXT)}"')


WINDOW = 40  # characters compared after the first difference, to find where it ends


def _difference(expected: str, found: str) -> tuple[int, int]:
    """How many characters of each side differ, from their first difference on: the
    first change between the two windows (a character replaced, added or lost)."""
    for tag, _, i2, _, j2 in SequenceMatcher(a=expected, b=found, autojunk=False).get_opcodes():
        if tag != "equal":
            return i2, j2
    return 0, 0


def _excerpt(text: str, at: int, length: int) -> str:
    start = max(0, at - CONTEXT)
    end = at + length
    return ("…" if start else "") + text[start:at] + "⟨" + text[at:end] + "⟩" + text[end : end + CONTEXT] + ("…" if end + CONTEXT < len(text) else "")


def check_notes(project: Project, report: Report, source_body: str) -> Iterator[Problem]:
    """Every 〔…〕 mark in the pages is explained by a restoration note, and vice versa."""
    notes_path = report.folder / "editorial-notes.yml"
    notes = report.data("editorial-notes.yml")
    blocks = {}
    for path in report.text_pages:
        for block in project.page(path).blocks:
            if block.id and block.is_text:
                blocks[block.id] = (path, block)
    marks_explained: dict[str, int] = {}
    for kind in ("restorations", "queries"):
        for note in notes.get(kind, []):
            where = blocks.get(note.get("paragraph"))
            ident = note.get("id", "?")
            if where is None:
                yield Problem(notes_path, 0, NAME, f"note {ident}: paragraph {note.get('paragraph')} is not in the report's pages")
                continue
            path, block = where
            text = plain_text(block.text)
            if note["edition"] not in text:
                yield Problem(path, block.line, NAME, f'note {ident} of {project.rel(notes_path)} expects "{note["edition"]}" in {block.id}, not found')
            published = comparable(note["published"])
            if comparable(remove_restorations(note["edition"])) != published:
                yield Problem(
                    notes_path, 0, NAME, f'note {ident}: edition "{note["edition"]}" without its 〔…〕 marks does not read as published "{note["published"]}"'
                )
            if published not in source_body:
                yield Problem(notes_path, 0, NAME, f'note {ident}: published reading "{note["published"]}" is not in the source')
            marks_explained[block.id] = marks_explained.get(block.id, 0) + len(RESTORATION.findall(note["edition"]))
    for ident, (path, block) in blocks.items():
        marks = len(RESTORATION.findall(block.text))
        if marks != marks_explained.get(ident, 0):
            yield Problem(
                path,
                block.line,
                NAME,
                f"{marks} restoration mark(s) 〔…〕 in {ident}, but editorial-notes.yml explains {marks_explained.get(ident, 0)}: record each restoration there",
            )
