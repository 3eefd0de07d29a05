"""Untranslated: what of the English is still the importer's scaffold, by file and line.

`scripts/new_report.py` writes each English heading, paragraph, table cell and page title of
a new report as `TRANSLATE: 中文…`, and its English nav title as `TRANSLATE: SLUG`. This
check lists each of them where it stands: the translator's list of what is left. The other
checks leave such blocks alone (a number, a term or a gloss of a text not yet translated
says nothing), so that a freshly imported report fails on this one kind of problem only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.problems import Problem
from ..model.project import Project
from ..model.text import UNTRANSLATED, untranslated

NAME = "untranslated"
NAV_TRANSLATION = re.compile(r'^\s+(.+?):\s*"?(.*?)"?\s*$')


def check(project: Project) -> Iterator[Problem]:
    for path in project.pages_in("en"):
        if not project.readable(path):
            continue
        page = project.page(path)
        if untranslated(str(page.front_matter.get("title", ""))):
            lines = path.read_text(encoding="utf-8").split("\n")
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("title:")), 1)
            yield Problem(path, line, NAME, "the page's title (front matter) is not translated yet")
        for block in page.blocks:
            if block.is_text and untranslated(block.text):
                yield Problem(path, block.line, NAME, f"{_what(block)} is not translated yet: {_excerpt(block.plain)}")
    config = project.root / "mkdocs.yml"
    if config.exists():
        for number, line in enumerate(config.read_text(encoding="utf-8").split("\n"), 1):
            match = NAV_TRANSLATION.match(line)
            if match and untranslated(match.group(2)):
                yield Problem(config, number, NAME, f"the English nav title of {match.group(1)} is not translated yet")


def _what(block) -> str:
    kind = {"heading": "heading", "paragraph": "paragraph", "list_item": "list item", "table_row": "table row"}[block.kind]
    return f"{kind} #{block.id}" if block.id else kind


def _excerpt(text: str) -> str:
    """The text to translate, as the importer left it after its marker."""
    rest = re.split(rf"\b{UNTRANSLATED}\b[.:]?\s*", text, maxsplit=1)[-1]
    return f'"{rest[:20]}…"' if len(rest) > 20 else f'"{rest}"'
