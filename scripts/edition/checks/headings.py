"""Heading parity: the same headings, levels, ids, order and numbering in both languages.

Run-in headings (the bold lead of a numbered paragraph, 1.抓重点，… / 1. Focusing …) are
compared for their numbering too.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.blocks import Block, Page
from ..model.problems import Problem
from ..model.project import Project
from ..model.text import format_numbering, numbering, run_in_lead

NAME = "headings"


def check(project: Project) -> Iterator[Problem]:
    for zh_path, en_path in project.pairs():
        zh, en = project.page(zh_path), project.page(en_path)
        zh_headings = [h for h in zh.headings if h.id]
        en_headings = [h for h in en.headings if h.id]
        zh_by_id = {h.id: h for h in zh_headings}
        en_by_id = {h.id: h for h in en_headings}
        there = project.rel(zh_path)
        zh_order = [b.id for b in zh.blocks if b.id and b.is_text]
        for heading in zh_headings:
            if heading.id not in en_by_id:
                line, where = _place(en, zh_order[: zh_order.index(heading.id)], zh_by_id)
                yield Problem(en_path, line, NAME, f'heading #{heading.id} "{heading.text}" ({there}:{heading.line}) is missing here{where}')
        for heading in en_headings:
            if heading.id not in zh_by_id:
                yield Problem(en_path, heading.line, NAME, f'heading #{heading.id} "{heading.text}" has no Chinese counterpart in {there}')
        common_zh = [h.id for h in zh_headings if h.id in en_by_id]
        common_en = [h.id for h in en_headings if h.id in zh_by_id]
        for a, b in zip(common_zh, common_en, strict=True):
            if a != b:
                moved = en_by_id[b]
                yield Problem(
                    en_path,
                    moved.line,
                    NAME,
                    f'heading #{b} "{moved.text}" is out of order: at this place {there}:{zh_by_id[a].line} has #{a} "{zh_by_id[a].text}"',
                )
                break
        for ident in common_en:
            yield from _compare(en_by_id[ident], zh_by_id[ident], en_path, there, "heading")
        zh_blocks = {b.id: b for b in zh.blocks if b.id and b.kind == "paragraph"}
        for block in en.blocks:
            if block.kind == "paragraph" and block.id in zh_blocks:
                yield from _compare_run_in(block, zh_blocks[block.id], en_path, there)


def _compare(en: Block, zh: Block, en_path, there: str, what: str) -> Iterator[Problem]:
    if en.level != zh.level:
        yield Problem(en_path, en.line, NAME, f'level {en.level} "{en.text}" here, level {zh.level} "{zh.text}" at {there}:{zh.line}')
    yield from _numbering(numbering(en.text), numbering(zh.text), en, zh, en_path, there, what)


def _compare_run_in(en: Block, zh: Block, en_path, there: str) -> Iterator[Problem]:
    en_lead, zh_lead = run_in_lead(en.text), run_in_lead(zh.text)
    if (en_lead is None) != (zh_lead is None):
        state = "has a run-in heading" if en_lead else "has no run-in heading"
        yield Problem(en_path, en.line, NAME, f"paragraph #{en.id} {state} here, but not so at {there}:{zh.line}: set both as **lead.** text")
        return
    if en_lead:
        yield from _numbering(numbering(en_lead), numbering(zh_lead), en, zh, en_path, there, "run-in heading")


def _numbering(en_num, zh_num, en: Block, zh: Block, en_path, there: str, what: str) -> Iterator[Problem]:
    if en_num == zh_num:
        return
    expected = format_numbering(*zh_num, "en") if zh_num else "no numbering"
    found = format_numbering(*en_num, "en") if en_num else "no numbering"
    zh_shown = format_numbering(*zh_num, "zh") if zh_num else "no numbering"
    yield Problem(en_path, en.line, NAME, f"{what} #{en.id} numbered {found} here, expected {expected} for {zh_shown} at {there}:{zh.line}")


def _place(en: Page, preceding: list[str], zh_ids: dict) -> tuple[int, str]:
    """Where a missing heading belongs in the English page, and how to say so: after the
    nearest block that precedes it in the Chinese, or at an English heading whose id the
    Chinese lacks there (a renamed id)."""
    line, after = en.place_after(preceding)
    following = next((b for b in en.blocks if b.line >= line and b.is_text), None)
    if following is not None and following.kind == "heading" and following.id and following.id not in zh_ids:
        return following.line, f" (renamed? this place has #{following.id})"
    return line, f", after #{after}" if after else ", at the top of the page"
