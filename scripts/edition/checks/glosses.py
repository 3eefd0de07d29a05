"""Inline glosses: an English paragraph carries at most three inline Chinese glosses.

The house rule (TRANSLATION.md): Chinese and pinyin stand inline only where the Chinese
expression itself matters to the reader, and never more than three in one paragraph;
everything else goes to a translator's note or the glossary. A gloss is counted as one
run of Chinese in the English block's visible text: Chinese characters, and the Chinese
punctuation that joins them inside one expression (党员联户、微事快办 is one gloss).
The same gloss twice on one page is reported too: once per page is enough.
Footnotes are apparatus and may quote as much Chinese as they need; so are the
apparatus pages (revision history, editorial notes), which cite Chinese as the subject of
discussion, not as glosses of the translation. Only the report's text pages are checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..model.blocks import Block
from ..model.problems import Problem
from ..model.project import Project, counterpart
from ..model.text import CJK, untranslated

NAME = "glosses"
LIMIT = 3
#: One Chinese expression: Chinese characters, joined only by the marks that stay inside
#: a Chinese phrase (enumeration comma, middle dots). A Latin comma or a space ends it.
_CHAR = CJK.pattern
GLOSS = re.compile(f"{_CHAR}+(?:[、·・]{_CHAR}+)*")


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        for zh_path in report.text_pages:
            yield from check_page(project, counterpart(zh_path, "en"))


def check_page(project: Project, path: Path) -> Iterator[Problem]:
    """Every text block of one English page: at most three glosses each, each gloss once."""
    if not project.readable(path):
        return
    first: dict[str, Block] = {}
    for block in project.page(path).blocks:
        glosses = chinese_runs(block.plain) if block.is_text and not untranslated(block.text) else []
        where = f"#{block.id or block.kind}"
        if len(glosses) > LIMIT:
            yield Problem(
                path,
                block.line,
                NAME,
                f"{where} carries {len(glosses)} inline Chinese glosses ({', '.join(glosses)}); at most {LIMIT}: "
                "move the rest to a translator's note or the glossary (TRANSLATION.md)",
            )
        for gloss in glosses:
            if gloss in first:
                earlier = first[gloss]
                yield Problem(
                    path,
                    block.line,
                    NAME,
                    f"{where} repeats the inline gloss {gloss} of #{earlier.id or earlier.kind} (line {earlier.line}): gloss once per page",
                )
            else:
                first[gloss] = block


def chinese_runs(text: str) -> list[str]:
    """The runs of Chinese in an English text, in order."""
    return GLOSS.findall(text)
