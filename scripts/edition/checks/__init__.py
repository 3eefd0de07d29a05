"""The content checks, in the order they run. Each module is named for its check, the name
a maintainer sees in `[headings] …` and passes to `--check`: it has NAME and check(project).

Stage 4: the checks prove the pages in both languages and what their directives generate, so
they may import the model, the sources and the generators (the ids a directive's table
carries, for the links check).
"""

from __future__ import annotations

from ..model.causes import root_causes_first
from ..model.problems import Problem
from ..model.project import Project
from ..model.releases import releases
from . import (
    blocks,
    figures,
    glosses,
    headings,
    integrity,
    language,
    links,
    numbers,
    pages,
    restorations,
    scripts,
    sentences,
    stale,
    terms,
    untranslated,
)

CHECKS = [
    pages,
    headings,
    blocks,
    numbers,
    terms,
    glosses,
    links,
    stale,
    integrity,
    restorations,
    figures,
    sentences,
    scripts,
    language,
    untranslated,
]
NAMES = [module.NAME for module in CHECKS]


def run_checks(project: Project, only: list[str] | None = None) -> list[Problem]:
    """Run every check (or those named) and return all problems, input problems first."""
    problems: list[Problem] = []
    for module in CHECKS:
        if not only or module.NAME in only:
            problems.extend(module.check(project))
    for path in project.markdown_files:
        problems.extend(project.page(path).problems)
    problems.extend(project.problems)
    for report in project.reports:
        releases(report)  # read, so that releases.yml's problems are named wherever no page lists them
        problems.extend(report.problems)
    ordered = sorted(set(problems), key=lambda p: (p.path.as_posix(), p.line, p.check, p.message))
    return root_causes_first(ordered)  # structural problems first, their consequences folded in
