"""Glossary: where a Chinese block uses a glossary term, its English block uses the
glossary's rendering (or a listed variant).

A term found only inside a longer glossary term (规范性文件 inside 行政规范性文件) is
checked as the longer term.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.glossary import Term, load_terms, normalise_english
from ..model.problems import Problem
from ..model.project import Project, counterpart
from ..model.text import remove_restorations_keep_content

NAME = "terms"


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        terms = load_terms(report)
        if not terms:
            continue
        for zh_path in report.text_pages:
            en_path = counterpart(zh_path, "en")
            if not (project.readable(zh_path) and project.readable(en_path)):
                continue
            there = project.rel(zh_path)
            for zh_block, en_block in project.paired_blocks(zh_path, en_path):
                english = normalise_english(en_block.plain)
                for term in terms_used(remove_restorations_keep_content(zh_block.plain), terms):
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
        if term.zh not in chinese:
            continue
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
