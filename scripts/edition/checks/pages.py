"""Pages: every Chinese page has its English page, and every English page its source."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.problems import Problem
from ..model.project import Project, counterpart

NAME = "pages"


def check(project: Project) -> Iterator[Problem]:
    for zh in project.pages_in("zh"):
        en = counterpart(zh, "en")
        if not en.exists():
            yield Problem(zh, 0, NAME, f"no English page: create {project.rel(en)} (a missing page is never served in Chinese under /en/)")
    for en in project.pages_in("en"):
        zh = counterpart(en, "zh")
        if not zh.exists():
            yield Problem(en, 0, NAME, f"English page without its Chinese page {project.rel(zh)}")
