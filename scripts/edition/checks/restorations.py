"""Restoration notes: the English of every paragraph the editor restored links its note.

Each 〔…〕 restoration of the Chinese edition is recorded in editorial-notes.yml with the
paragraph it is in. A reader of the English cannot see the bracket, so the English
paragraph, or a translator's note (footnote) it refers to, must link the editorial note
(`editorial-notes.md#r-N`): the same signal for every restoration, punctuation-only ones
included, so that no silent repair of the source passes unremarked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ..model.blocks import Block, Page
from ..model.problems import Problem
from ..model.project import Project, counterpart
from ..model.text import links, untranslated

NAME = "restorations"
NOTES_PAGE = "editorial-notes.md"
#: A footnote reference in running text, with its label: [^p-1-2-1-a].
FOOTNOTE_LABEL = re.compile(r"\[\^([^\]]+)\]")


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        notes = report.data("editorial-notes.yml").get("restorations", []) or []
        # Where each Chinese paragraph is (integrity reports notes without a paragraph).
        chinese: dict[str, tuple[Page, Block]] = {}
        for zh_path in report.text_pages:
            if project.readable(zh_path):
                page = project.page(zh_path)
                chinese.update({b.id: (page, b) for b in page.blocks if b.id and b.is_text})
        for note in notes:
            ident, paragraph = note.get("id"), note.get("paragraph")
            if paragraph not in chinese:
                continue
            zh_page, zh_block = chinese[paragraph]
            en_path = counterpart(zh_page.path, "en")
            if not project.readable(en_path):
                continue  # the pages check names the missing or unreadable page
            en_page = project.page(en_path)
            en_block = en_page.ids.get(paragraph)
            if en_block is None or untranslated(en_block.text):
                continue  # the blocks check names the missing paragraph; untranslated, the one not yet done
            if ident not in linked_notes(en_page, en_block):
                yield Problem(
                    en_path,
                    en_block.line,
                    NAME,
                    f"#{paragraph} holds restoration {ident} ({project.rel(zh_page.path)}:{zh_block.line}) but its English does not link "
                    f"{NOTES_PAGE}#{ident}: add a translator's note that points to it",
                )


def linked_notes(page: Page, block: Block) -> set[str]:
    """The editorial notes (r-N, q-N) a block links, directly or in the footnotes it cites."""
    footnotes = {b.id: b for b in page.blocks if b.kind == "footnote"}
    texts = [block.text] + [footnotes[label].text for label in FOOTNOTE_LABEL.findall(block.text) if label in footnotes]
    found = set()
    for text in texts:
        for target in links(text):
            file_part, _, anchor = target.partition("#")
            # Notes pages sit beside the report's pages, so a link names them by file name.
            if anchor and PurePosixPath(file_part).name == NOTES_PAGE:
                found.add(anchor)
    return found
