"""`python scripts/check.py [ROOT]`: run the content checks and report every problem."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..checks import NAMES, run_checks
from ..model.fingerprint import KEY, page_hash, set_hash
from ..model.problems import summary, to_json
from ..model.project import Project, counterpart, language_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="check.py", description="Check that the Chinese and English pages stay in step.")
    parser.add_argument("root", nargs="?", default=".", help="project folder (default: the current directory)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--check", action="append", choices=NAMES, help="run only this check (repeatable)")
    parser.add_argument("--mark-reviewed", nargs="+", metavar="PAGE", help="record that these English pages translate the current Chinese")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / "docs").is_dir():
        print(f"{root}: no docs/ folder here: give the project folder", file=sys.stderr)
        return 2
    project = Project(root)
    if args.mark_reviewed:
        return mark_reviewed(project, [Path(p) for p in args.mark_reviewed])
    problems = run_checks(project, args.check)
    pages = len(project.markdown_files)
    if args.format == "json":
        print(to_json(problems, pages, root))
    else:
        for problem in problems:
            print("\n".join(problem.format_all(root)))
        print(summary(problems, pages))
    return 1 if problems else 0


def mark_reviewed(project: Project, pages: list[Path]) -> int:
    status = 0
    for en_path in pages:
        if language_of(en_path) != "en" or not en_path.exists():
            print(f"{en_path}: not an English page (….en.md) that exists", file=sys.stderr)
            status = 2
            continue
        zh = project.page(counterpart(en_path, "zh"))
        if zh.problems:
            for problem in zh.problems:
                print(problem.format(project.root), file=sys.stderr)
            status = 1
            continue
        value = page_hash(zh)
        en_path.write_text(set_hash(en_path.read_text(encoding="utf-8"), value), encoding="utf-8")
        print(f"{en_path}: {KEY} {value}")
    return status
