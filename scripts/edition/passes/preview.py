"""The preview (`make serve`): every check problem as a banner on the page it concerns.

`make serve` builds without --strict, so that work in progress (a stale translation, a
number not yet carried over) can be previewed, and sets EDITION_PREVIEW=1; the hooks then
put each problem on the page it concerns, in the page's language, besides printing it in
the terminal. `make build`, `make test` and CI build strictly and show no banner.
"""

from __future__ import annotations

import os
from html import escape
from pathlib import Path

from ..model.problems import Problem

ENV = "EDITION_PREVIEW"
TITLE = {
    "zh": "预览：内容检查发现{n}个问题（正式构建会因此失败）",
    "en": "Preview: the content checks found {n} problem{s} (the published build fails on them)",
}


def preview_mode() -> bool:
    """Whether this build is the preview of `make serve`."""
    return os.environ.get(ENV, "") not in ("", "0")


def problems_of_page(problems: list[Problem], page: Path, root: Path, docs: Path) -> list[Problem]:
    """The problems a page shows: those in its file, those that name it (the counterpart's
    problems point to their Chinese place), and those in no page (data files, sources),
    which concern every page until they are fixed."""
    rel = page.resolve().relative_to(root.resolve()).as_posix()
    mine = []
    for problem in problems:
        path = problem.path.resolve()
        in_docs = docs.resolve() in path.parents
        follows_here = any(p.path.resolve() == page.resolve() for p in problem.follows)  # the cause, shown where it shows
        if path == page.resolve() or f"{rel}:" in problem.message or not in_docs or follows_here:
            mine.append(problem)
    return mine


def banner(problems: list[Problem], root: Path, lang: str) -> str:
    """The banner: a Material admonition (styled by the theme), listing each problem."""
    if not problems:
        return ""
    n = len(problems)
    title = TITLE.get(lang, TITLE["en"]).format(n=n, s="" if n == 1 else "s")
    items = "".join(f"<li><code>{escape(p.where(root))}</code> [{escape(p.check)}] {escape(p.message + p.consequences)}</li>" for p in problems)
    return f'<div class="admonition failure edition-preview" role="alert"><p class="admonition-title">{escape(title)}</p><ul>{items}</ul></div>'
