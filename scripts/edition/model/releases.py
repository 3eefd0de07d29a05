"""A report's edition releases: the versions a citation names, and their texts.

    reports/SLUG/releases.yml             every release, oldest first: its version (a date,
                                          2026.12.06, with .2 … for a second one that day),
                                          its date and its notes (schema: model/schemas.py)
    reports/SLUG/releases/VERSION.json    the release's text: every text block of the report
                                          (heading, paragraph, table row) by id, its page and
                                          its Chinese and English as readers read them

Both are written by `make release VERSION=…` (edition/adapters/release.py), never by hand,
and committed: a citation of a release names its version, and the site shows any of its
paragraphs as it read then (edition/generators/releases.py). The current version of the
edition is the latest release.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .project import Report

FILE = "releases.yml"
FOLDER = "releases"


@dataclass(frozen=True)
class Release:
    version: str  # 2026.12.06
    date: str  # 2026-12-06
    notes: str  # in English
    notes_zh: str = ""  # in Chinese, for the Chinese pages (the English notes without it)


@dataclass(frozen=True)
class Snapshot:
    """A block as a release had it, in both languages (plain text, as read)."""

    id: str
    page: str  # the page's URL stem: "" for the cover, "part-1" …
    kind: str
    zh: str
    en: str


def releases(report: Report) -> list[Release]:
    """The report's releases, oldest first (none before the first `make release`). A
    release whose text file is missing is named among the report's problems, and left out."""
    found = []
    for entry in report.data(FILE).get("releases", []) or []:
        release = Release(str(entry["version"]), str(entry["date"]), str(entry["notes"]), str(entry.get("notes_zh", "")))
        if not text_file(report, release.version).exists():
            problem = Problem(
                report.folder / FILE,
                _line_of(report, release.version),
                "data",
                f"release {release.version}: no text in {FOLDER}/{release.version}.json: run `make release` again, never write it by hand",
            )
            if problem not in report.problems:
                report.problems.append(problem)
            continue
        found.append(release)
    return found


def _line_of(report: Report, version: str) -> int:
    """The line of a release's entry in releases.yml (its version's line)."""
    lines = (report.folder / FILE).read_text(encoding="utf-8").splitlines()
    return next((n for n, line in enumerate(lines, 1) if "version:" in line and version in line), 1)


def latest(report: Report) -> Release | None:
    """The current version of the edition: its latest release."""
    found = releases(report)
    return found[-1] if found else None


def text_file(report: Report, version: str) -> Path:
    return report.folder / FOLDER / f"{version}.json"


def release_text(report: Report, version: str) -> dict[str, Snapshot]:
    """A release's blocks by id, in reading order."""
    data = json.loads(text_file(report, version).read_text(encoding="utf-8"))
    return {b["id"]: Snapshot(b["id"], b["page"], b["kind"], b["zh"], b["en"]) for b in data["blocks"]}


def snapshot_json(release: Release, blocks: list[Snapshot]) -> str:
    """A release's text file: one block a line, so that a release's diff in git reads as one."""
    lines = [json.dumps({"id": b.id, "page": b.page, "kind": b.kind, "zh": b.zh, "en": b.en}, ensure_ascii=False) for b in blocks]
    head = json.dumps({"version": release.version, "date": release.date, "notes": release.notes, "notes_zh": release.notes_zh}, ensure_ascii=False)[:-1]
    return head + ', "blocks": [\n' + ",\n".join(lines) + "\n]}\n"
