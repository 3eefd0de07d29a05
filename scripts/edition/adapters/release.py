"""`python scripts/release.py VERSION --notes "…" [--date YYYY-MM-DD] [--root .]` (or
`make release VERSION=… NOTES="…"`): cut an edition release of every report.
`python scripts/release.py --status`: the release the site built from this tree carries,
and the blocks changed since it (the publish workflow writes it into its summary).

It records the release in reports/SLUG/releases.yml (version, date, notes) and writes its
text, reports/SLUG/releases/VERSION.json: every text block of the report by id in both
languages, from the aligned corpus (edition/generators/corpus.py), the same blocks the
downloads and the side-by-side view are made of. Commit both: from then on the site's
citations name VERSION, and a citation of it shows its paragraphs as they read then
(edition/model/releases.py, edition/generators/releases.py). A version is the release's
date, 2026.12.06 (a second release that day: 2026.12.06.2), and comes after the latest.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

from ..checks import run_checks
from ..generators.corpus import aligned_blocks
from ..generators.releases import changed, current_text
from ..model.problems import summary
from ..model.project import Project, Report
from ..model.releases import FILE, Release, Snapshot, release_text, releases, snapshot_json, text_file

VERSION = re.compile(r"^\d{4}\.\d\d\.\d\d(\.\d+)?$")
HEADER = """\
# The edition's releases, oldest first: what a citation names as its version. Written by
# `make release VERSION=YYYY.MM.DD NOTES="…"` (scripts/release.py), with each release's text
# in releases/VERSION.json; never edited by hand. Schema: scripts/edition/model/schemas.py.
releases:
"""


def _order(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def release_entry(release: Release) -> str:
    # JSON strings are YAML strings: quotes, colons and Chinese survive as written.
    def q(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    entry = f"  - version: {q(release.version)}\n    date: {q(release.date)}\n    notes: {q(release.notes)}\n"
    return entry + (f"    notes_zh: {q(release.notes_zh)}\n" if release.notes_zh else "")


def cut_release(project: Project, report: Report, release: Release) -> list[Path]:
    """Write the release's text and add it to releases.yml; returns the files written."""
    blocks = [Snapshot(r.id, r.page, r.kind, r.zh, r.en) for r in aligned_blocks(project, report)]
    target = text_file(report, release.version)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(snapshot_json(release, blocks), encoding="utf-8")
    listing = report.folder / FILE
    text = listing.read_text(encoding="utf-8") if listing.exists() else HEADER
    listing.write_text(text.rstrip("\n") + "\n" + release_entry(release), encoding="utf-8")
    return [listing, target]


def status(project: Project) -> list[str]:
    """For each report: its current release, and how many blocks read otherwise since."""
    lines = []
    for report in project.reports:
        found = releases(report)
        if not found:
            lines.append(f"{report.slug}: no release yet: citations name each page's last commit; cut one with make release VERSION=YYYY.MM.DD")
            continue
        release = found[-1]
        then, now = release_text(report, release.version), current_text(project, report)
        ids = sorted({(b or a).id for lang in ("zh", "en") for a, b in changed(then, now, lang) if (b or a) is not None})
        since = (
            f"{len(ids)} block{'s' if len(ids) > 1 else ''} changed since ({', '.join(ids[:10])}{' …' if len(ids) > 10 else ''}): their pages are cited as {release.version}, with later corrections"
            if ids
            else "the text is as released"
        )
        lines.append(f"{report.slug}: edition {release.version} ({release.date}); {since}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="release.py", description="Cut an edition release: its version, date, notes and text.")
    parser.add_argument("version", nargs="?", help="the release's version, its date: 2026.12.06 (a second that day: 2026.12.06.2)")
    parser.add_argument("--notes", default="", help="what the release brings, in a sentence or two (required for a release)")
    parser.add_argument("--status", action="store_true", help="say which release this tree carries and what changed since; cut nothing")
    parser.add_argument("--notes-zh", default="", help="the notes in Chinese, for the Chinese pages")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="the release's date (default: today)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    args = parser.parse_args(argv)
    if args.status:
        print("\n".join(status(Project(args.root.resolve()))))
        return 0
    if not args.version:
        print('release: give the version: make release VERSION=YYYY.MM.DD NOTES="…" (or --status)', file=sys.stderr)
        return 2
    if not VERSION.match(args.version):
        print(f"release: {args.version!r} is not a version: give the date as YYYY.MM.DD (a second release that day: YYYY.MM.DD.2)", file=sys.stderr)
        return 2
    if not re.match(r"^\d{4}-\d\d-\d\d$", args.date):
        print(f"release: --date {args.date!r} is not a date: give YYYY-MM-DD", file=sys.stderr)
        return 2
    if not args.notes.strip():
        print('release: --notes is empty: say what the release brings (NOTES="…")', file=sys.stderr)
        return 2
    project = Project(args.root.resolve())
    problems = run_checks(project)
    if problems:
        for problem in problems:
            print(problem.format(project.root), file=sys.stderr)
        print(summary(problems, len(project.markdown_files)), file=sys.stderr)
        print("release: not cut: a release is of a text that passes the checks", file=sys.stderr)
        return 1
    release = Release(args.version, args.date, args.notes.strip(), args.notes_zh.strip())
    for report in project.reports:
        known = releases(report)
        if known and _order(known[-1].version) >= _order(release.version):
            print(f"release: {report.folder / FILE}: {release.version} does not come after the latest release, {known[-1].version}", file=sys.stderr)
            return 1
    for report in project.reports:
        for path in cut_release(project, report, release):
            print(f"release {release.version}: wrote {path.relative_to(project.root)}")
    print("Commit them: the site's citations name this version from now on.")
    return 0
