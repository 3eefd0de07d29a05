"""Glossary: where a Chinese block uses a glossary term, its English block uses the
glossary's rendering (or a listed variant).

A term found only inside a longer glossary term (规范性文件 inside 行政规范性文件) is
checked as the longer term.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..glossary import Term, load_terms, normalise_english
from ..problems import Problem
from ..project import Project
from ..text import plain_text, remove_restorations_keep_content

NAME = "terms"


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        terms = load_terms(report)
        if not terms:
            continue
        for zh_path in report.text_pages:
            en_path = zh_path.with_name(zh_path.name.removesuffix(".md") + ".en.md")
            if not (zh_path.exists() and en_path.exists()):
                continue
            zh_blocks = {b.id: b for b in project.page(zh_path).blocks if b.id and b.is_text}
            there = project.rel(zh_path)
            for en_block in project.page(en_path).blocks:
                zh_block = zh_blocks.get(en_block.id) if en_block.is_text else None
                if zh_block is None:
                    continue
                english = normalise_english(_text(en_block))
                for term in terms_used(remove_restorations_keep_content(_text(zh_block)), terms):
                    if not any(normalise_english(form) in english for form in term.forms):
                        yield Problem(
                            en_path,
                            en_block.line,
                            NAME,
                            f'#{en_block.id} translates {term.zh} ({there}:{zh_block.line}) without the glossary\'s "{term.en}"'
                            + (f" or a variant ({', '.join(term.variants)})" if term.variants else ""),
                        )


def terms_used(chinese: str, terms: list[Term]) -> list[Term]:
    """Glossary terms in a Chinese text, longest first, ignoring those inside a longer one."""
    covered = [False] * len(chinese)
    used = []
    for term in sorted(terms, key=lambda t: len(t.zh), reverse=True):
        start, found = 0, False
        while (at := chinese.find(term.zh, start)) >= 0:
            span = range(at, at + len(term.zh))
            if not all(covered[i] for i in span):
                found = True
                for i in span:
                    covered[i] = True
            start = at + 1
        if found:
            used.append(term)
    return used


def _text(block) -> str:
    if block.kind == "table_row":
        return " ".join(plain_text(cell) for cell in block.cells)
    return plain_text(block.text)
