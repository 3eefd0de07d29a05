"""Parts of the side-by-side view (generate.parallel): the column heads, the jumps to the
report's sections, and each row's notes (the translator's footnotes of the English and
the editor's restorations and queries), from the parsed pages and editorial-notes.yml.
"""

from __future__ import annotations

import re
from html import escape

from ..model.project import Project, Report, counterpart
from ..model.text import FOOTNOTE_REF
from .corpus import Aligned
from .inline_html import inline_html

FOOTNOTE_LABEL = r"\[\^([^\]]+)\]"


def column_heads(lang: str) -> str:
    """Column heads for wide screens (phones label each cell instead)."""
    zh, en = ("中文原文", "英文译文") if lang == "zh" else ("Chinese original", "English translation")
    return (
        '<div class="parallel-row parallel-head" role="row">'
        f'<div role="columnheader" lang="{"zh-Hans" if lang == "zh" else "en"}">{zh}</div>'
        f'<div role="columnheader" lang="{"zh-Hans" if lang == "zh" else "en"}">{en}</div></div>'
    )


NUMERALS = "〇一二三四五六七八九十"


def block_label(ident: str, lang: str) -> str:
    """How a side-by-side row names its block, in the page's language: the id itself
    (p-1-2-3, s-1-2: the ids are the same in both languages, for citing), but in Chinese
    the ids made of English words in Chinese words (cover → 标题, part-1 → 第一部分,
    table-1-r3 → 表1第3行)."""
    if lang != "zh":
        return ident
    if ident == "cover":
        return "标题"
    part = re.fullmatch(r"part-(\d)", ident)
    if part:
        return f"第{NUMERALS[int(part.group(1))]}部分"
    row = re.fullmatch(r"table-(\d+)-r(\d+)", ident)
    if row:
        return f"表{row.group(1)}第{row.group(2)}行"
    return ident


def section_jumps(records: list[Aligned], lang: str) -> str:
    """Links to the parts and sections (headings of level 1 and 2), in a collapsible list."""
    summary, label = ("跳至章节", "章节") if lang == "zh" else ("Jump to a section", "Sections")
    items = []
    for r in records:
        if r.kind == "heading" and r.level <= 2:
            text = inline_html(FOOTNOTE_REF.sub("", r.zh_markdown if lang == "zh" else r.en_markdown))
            items.append(f'<li class="jump-level-{r.level}"><a href="#{r.id}">{text}</a></li>')
    return f'<nav class="parallel-jumps" aria-label="{label}"><details><summary>{summary}</summary><ul>{"".join(items)}</ul></details></nav>'


def _from_parallel(html: str) -> str:
    """Links of a note as written in a report page (editorial-notes.md#r-1) made relative
    to the side-by-side page, a folder down (../editorial-notes/#r-1)."""

    def fix(match: re.Match[str]) -> str:
        stem, anchor = match.group(1), match.group(2) or ""
        return f'href="../{"" if stem == "index" else stem + "/"}{anchor}"'

    return re.sub(r'href="([\w-]+)\.md(#[^"]*)?"', fix, html)


def row_notes(project: Project, report: Report, lang: str) -> dict[str, str]:
    """Block id → its notes as a <details> element (blocks without notes are left out), in
    the page's language (the translator's notes are English, and marked so)."""

    footnotes: dict[str, str] = {}
    used: dict[str, list[str]] = {}
    for zh_path in report.text_pages:
        en_page = project.page(counterpart(zh_path, "en"))
        for block in en_page.blocks:
            if block.kind == "footnote" and block.id:
                body = re.sub(r"^\[\^[^\]]+\]:\s*", "", block.text)
                footnotes[block.id] = " ".join(line.strip() for line in body.split("\n"))
            elif block.id and block.is_text:
                used[block.id] = re.findall(FOOTNOTE_LABEL, block.text)
    editorial = report.data("editorial-notes.yml")
    title = {"zh": ("注释", "译注", "编者注"), "en": ("Notes", "Translator's note", "Editorial note")}[lang]
    colon = "：" if lang == "zh" else ": "
    out = {}
    for ident, labels in used.items():
        items = [f'<li lang="en">{_from_parallel(inline_html(footnotes[label]))}</li>' for label in labels if label in footnotes]
        for kind in ("restorations", "queries"):
            for note in editorial.get(kind, []) or []:
                if note.get("paragraph") == ident:
                    items.append(f'<li><a href="../editorial-notes/#{note["id"]}">{title[2]} {note["id"]}</a>{colon}{escape(note[lang])}</li>')
        if items:
            count = f"（{len(items)}）" if lang == "zh" else f" ({len(items)})"
            ui = "zh-Hans" if lang == "zh" else "en"
            out[ident] = f'<details class="parallel-notes" lang="{ui}"><summary>{title[0]}{count}</summary><ul>{"".join(items)}</ul></details>'
    return out
