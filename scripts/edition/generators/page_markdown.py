"""The Markdown step of a page: what its Markdown becomes before a site generator converts it.

    page_markdown(project, path, markdown, warn)  the source fields and `{{ … }}`
                          directives expanded from the report's data; and what the page's
                          meta gains: a description (its first paragraph) if it has none;
    last_updated(docs, path)  the date of the page's last commit, shown at its foot;
    edition_version(project, path)  the edition release the page is part of, shown there too.

Both builds call these: the MkDocs hooks (on_page_markdown, on_page_context in
scripts/hooks.py) and the pipeline's prebuild (edition/adapters/pipeline.py), which writes the
result into a copy of docs/ for Zensical.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..model.blocks import DIRECTIVE
from ..model.glossary import page_of
from ..model.project import Project, language_of
from ..model.releases import latest
from .citation import page_versions
from .directives import GENERATORS, description, glossary
from .source_fields import expand_source_fields


def page_markdown(
    project: Project, path: Path, markdown: str, warn: Callable[[str], None], meta: Mapping[str, Any] | None = None
) -> tuple[str, dict[str, str]]:
    """A page's Markdown body with its source fields and directives expanded, and the meta
    it gains: {"description": its first paragraph} when `meta` (its front matter; read
    from the page when not given) has no description. `warn` gets each problem with an
    expansion (an unknown directive, an unknown field), the page not named: the caller
    knows it."""
    if meta is None:
        meta = project.page(path).front_matter
    report = project.report_for_page(path)
    markdown = expand_source_fields(markdown, project, report, warn)
    added = {} if meta.get("description") else {"description": description(markdown, path)}
    if "{{" not in markdown:
        return markdown, added
    lang = language_of(path)

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in GENERATORS or report is None:
            warn(f"unknown directive {{{{ {name} }}}} (known: {', '.join(GENERATORS)})")
            return match.group(0)
        if name == "glossary":  # glossary.md, glossary-2.md …: each its page of terms
            return glossary(project, report, lang, page_of(path) or 1)
        return GENERATORS[name](project, report, lang)

    expanded = re.sub(DIRECTIVE.pattern, expand, markdown, flags=re.M)
    return expand_source_fields(expanded, project, report, warn), added  # {{ fulltext }} brings the cover's


def last_updated(docs: Path, path: Path) -> str:
    """The date of the last commit of a page under `docs` ("" outside a git checkout)."""
    return last_commit_dates(docs.resolve()).get(path.resolve(), "")


def edition_version(project: Project, path: Path) -> str:
    """The version of the edition release the page's report is in: its latest release
    ("" before the first, or for a page of no report)."""
    report = project.report_for_page(path)
    release = latest(report) if report else None
    return release.version if release else ""


@functools.cache
def last_commit_dates(folder: Path) -> dict[Path, str]:
    """The date of the last commit of every file under a folder: the same one `git log` that
    gives citations their version (edition/generators/citation.py), read once per build."""
    return {path: day for path, (_, day) in page_versions(folder).items()}
