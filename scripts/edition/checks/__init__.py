"""The content checks, in the order they run. Each module has NAME and check(project)."""

from __future__ import annotations

from ..causes import root_causes_first
from ..problems import Problem
from ..project import Project
from . import (
    active_content,
    block_parity,
    heading_parity,
    inline_glosses,
    integrity,
    key_figures,
    links,
    number_values,
    page_pairs,
    restoration_notes,
    stale_translations,
    terminology,
)

CHECKS = [
    page_pairs,
    heading_parity,
    block_parity,
    number_values,
    terminology,
    inline_glosses,
    links,
    stale_translations,
    integrity,
    restoration_notes,
    key_figures,
    active_content,
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
        problems.extend(report.problems)
    ordered = sorted(set(problems), key=lambda p: (p.path.as_posix(), p.line, p.check, p.message))
    return root_causes_first(ordered)  # structural problems first, their consequences folded in
