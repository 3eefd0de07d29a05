"""Links and anchors: every internal link and #anchor resolves, in both languages.

Links are written to the Chinese file name (part-1.md#p-1-2-3) in both languages;
mkdocs-static-i18n points the English page's link to part-1.en.md, so the anchor must
exist in the page of the linking page's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from ..generators.directives import generated_ids
from ..model.blocks import Block, Page
from ..model.problems import Problem
from ..model.project import Project, counterpart, language_of
from ..model.text import links

NAME = "links"
EXTERNAL = ("http://", "https://", "mailto:", "tel:")
FOOTNOTE_REFERENCE = re.compile(r"\[\^([^\]\s]+)\](?!:)")
CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.S)


def check(project: Project) -> Iterator[Problem]:
    for path in project.markdown_files:
        lang = language_of(path)
        for block in project.page(path).blocks:
            if block.kind in ("code", "html"):
                continue
            for target in links(block.text):
                problem = _resolve(project, path, lang, target)
                if problem:
                    yield Problem(path, block.line, NAME, f"link {target}: {problem}")
        yield from footnotes(project.page(path))


def footnotes(page: Page) -> Iterator[Problem]:
    """Every footnote reference [^x] has its definition `[^x]: …` on the page, and every
    definition is referenced: Python-Markdown prints an unmatched reference as literal
    text, and drops an unreferenced definition, without a word."""
    defined: dict[str, Block] = {}
    for block in page.blocks:
        if block.kind == "footnote":
            if block.id in defined:
                yield Problem(page.path, block.line, NAME, f"footnote [^{block.id}] is defined twice (first on line {defined[block.id].line})")
            else:
                defined.setdefault(block.id, block)
    referenced: dict[str, Block] = {}  # label: the block of its first reference, in reading order
    for block in page.blocks:
        if block.kind in ("code", "html"):
            continue
        text = block.text.split(":", 1)[1] if block.kind == "footnote" else block.text
        for label in FOOTNOTE_REFERENCE.findall(CODE_SPAN.sub("", text)):
            referenced.setdefault(label, block)
            if label not in defined:
                yield Problem(page.path, block.line, NAME, f'footnote reference [^{label}] has no definition on this page: add "[^{label}]: …" below the text')
    for label, block in defined.items():
        if label not in referenced:
            yield Problem(page.path, block.line, NAME, f"footnote [^{label}] is never referenced: refer to it in the text ([^{label}]) or delete it")
    yield from footnote_order(page, defined, referenced)


def footnote_order(page: Page, defined: dict[str, Block], referenced: dict[str, Block]) -> Iterator[Problem]:
    """Definitions stand in the order of their first references. Python-Markdown numbers
    footnotes in the order they are defined, so a definition out of place shows the reader
    calls such as 6, 7, 4, 5: the first one out of place is named (moving it mends the rest)."""
    in_text = [label for label in referenced if label in defined]
    in_definitions = [label for label in defined if label in referenced]
    for wanted, written in zip(in_text, in_definitions, strict=True):  # the same labels
        if wanted != written:
            yield Problem(
                page.path,
                defined[wanted].line,
                NAME,
                f"footnote [^{wanted}] is referred to before [^{written}] (line {referenced[wanted].line}) but defined after it (line "
                f"{defined[written].line}): notes are numbered in the order of their definitions, so the reader would see them out of "
                f"order; move this definition above line {defined[written].line}",
            )
            return


def anchors(project: Project, path: Path) -> set[str]:
    page = project.page(path)
    ids = {b.id for b in page.blocks if b.id}
    ids |= {f"fn:{b.id}" for b in page.blocks if b.kind == "footnote"}
    report = project.report_for_page(path)
    for block in page.blocks:
        if block.kind == "directive" and report:
            ids |= generated_ids(project, report, block.text, path)
    return ids


def _resolve(project: Project, path: Path, lang: str, target: str) -> str | None:
    if target.startswith(EXTERNAL):
        return None
    file_part, _, anchor = target.partition("#")
    file_part = unquote(file_part)
    if file_part.startswith("/"):
        return "absolute link: write it relative to this page (e.g. ../part-1.md) so it works under /en/ too"
    if file_part:
        if not file_part.endswith(".md"):
            return "link to the page's Markdown file (….md) so that the build can check it"
        if language_of(Path(file_part)) != "zh":
            return "link to the Chinese file name (x.md): the English build points it to x.en.md itself"
        zh_target = (path.parent / file_part).resolve()
        if not zh_target.exists():
            return f"no such page {project.rel(zh_target)}"
        target_path = counterpart(zh_target, lang)
        if not target_path.exists():
            return f"no such page {project.rel(target_path)}"
    else:
        target_path = path
    if anchor and anchor not in anchors(project, target_path):
        return f"no anchor #{anchor} in {project.rel(target_path)}"
    return None
