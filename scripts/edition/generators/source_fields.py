"""`{{ source.sha256 }}` and the like: facts about the archived source, written into the
pages by the build from report.yml and the file itself, so that no page copies them by hand.

    {{ source.sha256 }}      the sha256 of the version the edition follows
    {{ source.file }}        its path in the repository (reports/SLUG/…)
    {{ source.characters }}  its length in characters (5172)
    {{ source.characters_en }}  the same, as the English writes numbers (5,172)
    {{ source.lines }}       its number of lines (a last line without a final newline counts)
    {{ source.published }}   the day the county published it (YYYY-MM-DD)
    {{ source.archived }}    the day it was archived here (YYYY-MM-DD)
    {{ source.versions }}    how many versions are archived

They may stand anywhere in a line, inside `code` too.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model.project import Project, Report

FIELD = re.compile(r"\{\{[ \t]*source\.([\w-]+)[ \t]*\}\}")


def source_fields(project: Project, report: Report) -> dict[str, str]:
    """The values the fields stand for."""

    def compute() -> dict[str, str]:
        text = report.source.read_text(encoding="utf-8") if report.source.exists() else ""
        version = report.source_version
        return {
            "sha256": version.get("sha256", ""),
            "file": project.rel(report.source),
            "characters": str(len(text)),
            "characters_en": f"{len(text):,}",
            "lines": str(len(text.split("\n")) - (1 if text.endswith("\n") else 0)),
            "published": version.get("published", ""),
            "archived": version.get("archived", ""),
            "versions": str(len(report.source_versions)),
        }

    return project.memo(("source_fields", report.slug), compute)


def expand_source_fields(markdown: str, project: Project, report: Report | None, warn: Callable[[str], None]) -> str:
    """Replace every `{{ source.NAME }}`; an unknown name (or a page outside a report) is
    left as written and reported through `warn`, which fails the strict build."""
    if "{{" not in markdown:
        return markdown
    fields = source_fields(project, report) if report is not None else {}

    def field(match: re.Match) -> str:
        name = match.group(1)
        if name not in fields:
            line = markdown.count("\n", 0, match.start()) + 1
            known = ", ".join(f"source.{n}" for n in fields) or "none outside docs/SLUG/"
            warn(f"line {line}: unknown field {{{{ source.{name} }}}} (known: {known})")
            return match.group(0)
        return fields[name]

    return FIELD.sub(field, markdown)
