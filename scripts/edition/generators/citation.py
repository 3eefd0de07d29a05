"""What the Cite dialog and the "report an error" links (docs/assets/javascripts/edition.js)
need to know about a page: the report's details from report.yml, the page's version and
the repository, written into the page as a JSON data script (no inline code).

The version of a page is its last commit: the short hash and the commit's date. That is
what changes when the translation is edited, what the page's foot shows as "last updated",
and what a reader can look up in the repository's history (`git show HASH`). A citation
that names it says exactly which wording it quotes. Outside a git checkout (a copied
folder) there is no version, and citations give the translation's date from report.yml.
"""

from __future__ import annotations

import functools
import json
import subprocess
from pathlib import Path

from ..model.project import Report

KEYS = ("title_zh", "title_en", "issuer_zh", "issuer_en", "edition_zh", "edition_en", "translation_licence")


@functools.cache
def page_versions(folder: Path) -> dict[Path, tuple[str, str]]:
    """(short hash, date) of the last commit of every file under a folder, from one git log."""
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10)
        log = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotePath=false", "log", "--format=%x00%h %cs", "--name-only", "--", "."],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if top.returncode != 0 or log.returncode != 0:
        return {}
    root = Path(top.stdout.strip()).resolve()
    versions: dict[Path, tuple[str, str]] = {}
    for commit in log.stdout.split("\0")[1:]:
        head, *names = commit.strip().split("\n")
        short, day = head.split(" ", 1)
        for name in names:
            versions.setdefault(root / name, (short, day))  # newest first
    return versions


def citation_data(report: Report, lang: str, page: Path, repository: str) -> str:
    """The page's citation details as <script type="application/json" id="edition-citation">."""
    data = {key: str(report.config.get(key, "")) for key in KEYS}
    version, version_date = page_versions(page.parent.resolve()).get(page.resolve(), ("", ""))
    data.update(
        slug=report.slug,
        published=str(report.config.get("published", "")),
        translated=str(report.config.get("translated", "")),
        lang=lang,
        version=version,
        version_date=version_date or str(report.config.get("translated", "")),
        repository=repository,
        source=f"docs/{report.slug}/{page.name}",
    )
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="edition-citation">{payload}</script>'
