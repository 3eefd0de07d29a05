"""Block parity: per section, the same sequence of paragraph, list-item and table-row ids.

Sections are compared once the headings agree (heading parity reports first). On the
pages that hold a report's text every paragraph and list item must carry an id,
in both languages, so that each can be linked and cited. On other pages only blocks
with ids are paired.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

from ..model.blocks import Block, Page
from ..model.causes import expected_id
from ..model.problems import Problem
from ..model.project import Project

NAME = "blocks"
BODY_KINDS = ("paragraph", "list_item", "table_row")
KIND_NAMES = {"paragraph": "paragraph", "list_item": "list item", "table_row": "table row"}


def check(project: Project) -> Iterator[Problem]:
    for zh_path, en_path in project.pairs():
        zh, en = project.page(zh_path), project.page(en_path)
        if project.report_of(zh_path):
            yield from _require_ids(zh)
            yield from _require_ids(en)
        if [(h.id, h.level) for h in zh.headings] != [(h.id, h.level) for h in en.headings]:
            continue  # headings first: heading parity names the cause, blocks follow once it is fixed
        zh_sections, en_sections = sections(zh), sections(en)
        there = project.rel(zh_path)
        for section, zh_blocks in zh_sections.items():
            en_blocks = en_sections.get(section)
            if en_blocks is None:
                continue  # the heading itself is missing: reported by heading parity
            yield from _compare(section, zh_blocks, en_blocks, zh, en, en_path, there)
        zh_ids = {b.id: b for b in zh.blocks if b.id and b.kind in BODY_KINDS}
        en_ids = {b.id: b for b in en.blocks if b.id and b.kind in BODY_KINDS}
        for ident, block in en_ids.items():
            if ident in zh_ids and zh_ids[ident].kind != block.kind:
                zh_block = zh_ids[ident]
                yield Problem(
                    en_path, block.line, NAME, f"#{ident} is a {KIND_NAMES[block.kind]} here, a {KIND_NAMES[zh_block.kind]} at {there}:{zh_block.line}"
                )


def sections(page: Page) -> dict[str, list[Block]]:
    """Body blocks with ids, grouped under the id of the heading above them."""
    grouped: dict[str, list[Block]] = {"(top)": []}
    current = "(top)"
    for block in page.blocks:
        if block.kind == "heading":
            current = block.id or f"(line {block.line})"
            grouped.setdefault(current, [])
        elif block.kind in BODY_KINDS and block.id:
            grouped[current].append(block)
    return grouped


def _require_ids(page: Page) -> Iterator[Problem]:
    used = set(page.ids)
    for index, block in enumerate(page.blocks):
        if block.kind in ("paragraph", "list_item") and not block.id and not block.duplicate:
            excerpt = block.text.strip().splitlines()[0][:30]
            expected = expected_id(page.blocks, index)
            ident = expected if expected and expected not in used else "p-…"
            yield Problem(page.path, block.line, "ids", f'{KIND_NAMES[block.kind]} "{excerpt}…" has no id: add {{: #{ident} }} on the line after it')


def _compare(section: str, zh: list[Block], en: list[Block], zh_page: Page, en_page: Page, en_path: Path, there: str) -> Iterator[Problem]:
    zh_ids, en_ids = [b.id for b in zh], [b.id for b in en]
    if zh_ids == en_ids:
        return
    where = f"section #{section}" if not section.startswith("(") else "the top of the page"
    order = [b.id for b in zh_page.blocks if b.id and b.is_text]
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=zh_ids, b=en_ids, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            for block in zh[i1:i2]:
                # Where it belongs: after the block that precedes it in the Chinese.
                line, after = en_page.place_after(order[: order.index(block.id)])
                moved = block.id in en_ids
                what = "is out of order here" if moved else "is missing here"
                place = f", after #{after}" if after else ""
                yield Problem(en_path, line, NAME, f"{KIND_NAMES[block.kind]} #{block.id} of {where} ({there}:{block.line}) {what}{place}")
        if tag in ("insert", "replace"):
            for block in en[j1:j2]:
                if block.id in zh_ids:
                    continue  # reported as out of order above
                yield Problem(en_path, block.line, NAME, f"{KIND_NAMES[block.kind]} #{block.id} has no counterpart in {where} of {there}")
