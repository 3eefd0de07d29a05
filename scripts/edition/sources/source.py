"""The archived source text of a report, and the edition's text to compare with it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..model.project import Project, Report
from ..model.text import nfkc, remove_restorations

SPACE = re.compile(r"\s+")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Source:
    """A source text split as the edition presents it."""

    title: str  # "" when the source has no title line (report.yml title_line: 0)
    header: str  # the publication line and metadata block, page chrome removed
    body: str  # the report text after the header, page chrome removed


def read_source(report: Report) -> Source:
    """The source as the edition presents it: the page chrome listed in editorial-notes.yml
    (`chrome`) taken out, each entry from its own line (`line`) or, without one, from the
    header; the title from its line (report.yml `title_line`, 1 unless given); the header
    the rest of the first `header_lines` lines; the body what follows."""
    text = report.source.read_text(encoding="utf-8")
    lines = text.split("\n")
    loose = []
    for chrome in report.data("editorial-notes.yml").get("chrome", []):
        piece, line = chrome.get("text"), chrome.get("line")
        if piece and line and 1 <= line <= len(lines):
            lines[line - 1] = lines[line - 1].replace(piece, "", 1)
        elif piece:
            loose.append(piece)
    title_line = report.config.get("title_line", 1)
    count = report.config.get("header_lines", 1)
    header = "\n".join(line for number, line in enumerate(lines[:count], 1) if number != title_line)
    for piece in loose:
        header = header.replace(piece, "")
    title = lines[title_line - 1].strip() if 1 <= title_line <= len(lines) else ""
    return Source(title, header, "\n".join(lines[count:]))


def misplaced_chrome(report: Report) -> list[tuple[dict, str]]:
    """Chrome entries whose text does not stand on the line they name: (entry, what is wrong)."""
    lines = report.source.read_text(encoding="utf-8").split("\n")
    wrong = []
    for chrome in report.data("editorial-notes.yml").get("chrome", []):
        piece, line = chrome.get("text"), chrome.get("line")
        if piece and line and not (1 <= line <= len(lines) and piece in lines[line - 1]):
            wrong.append((chrome, f'chrome "{piece}" is not on line {line} of {report.source.name}'))
    return wrong


def comparable(text: str) -> str:
    """What must agree between edition and source: NFKC, no spacing."""
    return SPACE.sub("", nfkc(text))


def comparable_header(text: str) -> str:
    # On the cover, label and value stand in two table cells; in the source a colon
    # or a space separates them.
    return comparable(text).replace(":", "")


@dataclass(frozen=True)
class Piece:
    """A stretch of the edition's text, and where it stands."""

    path: Path
    line: int
    text: str  # comparable form
    id: str | None = None  # the block's


def edition_pieces(project: Project, report: Report) -> tuple[list[Piece], list[Piece], list[Piece]]:
    """The edition split like the source: (title, header rows, body), in reading order.

    The title is the cover's first heading, the header the cover's first table, the body
    every other text block of the report's pages. Footnotes and admonitions are the
    editor's apparatus, not report text; what the editor restored in 〔…〕 is dropped.
    """
    title: list[Piece] = []
    header: list[Piece] = []
    body: list[Piece] = []
    for index, path in enumerate(report.text_pages):
        page = project.page(path)
        for block in page.blocks:
            if not block.is_text:
                continue
            piece = Piece(path, block.line, comparable(remove_restorations(block.plain)), block.id)
            if index == 0 and block.kind == "heading" and not title:
                title.append(piece)
            elif index == 0 and block.kind == "table_row" and block.id and block.id.startswith("table-1-"):
                header.append(Piece(path, block.line, comparable_header(piece.text), block.id))
            else:
                body.append(piece)
    return title, header, body
