"""`python scripts/align_sentences.py [ROOT] [--report SLUG]`: write or refresh each report's
sentence alignment, reports/SLUG/sentences.yml (edition/model/sentences.py).

Every text block of the report is cut into sentences in both languages and its sentences
paired by edition/model/aligner.py. A block whose sentences are all unchanged keeps its
pairs as they are, a person's corrections and reviews with them; in a block where a sentence
changed, was added or went, the pairs of unchanged sentences are kept and the rest aligned
afresh. Pairs the aligner is unsure of are marked `unsure` with its reason; the command
lists those that await a person's review, with their lines. Then `make check`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..model.aligner import realign
from ..model.project import Project, Report
from ..model.sentences import FILE, BlockAlignment, Pair, fingerprint, load_alignment, partition_problems, span

HEADER = """\
# The report's sentences, paired across the two languages: for each text block (heading,
# paragraph, table row) of the report's pages, the fingerprint of each of its sentences and
# the pairs, in order. Written by `python scripts/align_sentences.py` (or `make sentences`),
# which keeps the pairs of unchanged sentences and aligns the rest; never type a fingerprint.
# A person reviews each pair marked `unsure` against the Chinese and the English, corrects
# its sentence numbers if the script paired wrongly, and records the decision in `reviewed`.
# The check `sentences` proves it against the pages. Schema: scripts/edition/model/schemas.py.
#
# blocks:
#   - id: p-1-2-1                   # required: the block's id, the same in both languages
#     zh: ["1a2b3c4d", …]           # required: the fingerprint of each Chinese sentence, in order
#     en: ["5e6f7a8b", …]           # required: the same for the English sentences
#     pairs:                        # required: every sentence of each language in one pair, in order
#       - {zh: [1], en: [1]}        # sentence numbers from 1: Chinese 1 is rendered by English 1
#       - {zh: [2], en: [2, 3], unsure: "…", reviewed: "…"}
#                                   # unsure: why the script doubted it (the script writes it)
#                                   # reviewed: the reviewer's decision (a person writes it)
"""


def refreshed(project: Project, report: Report) -> tuple[str, list[tuple[str, int, Pair]], int]:
    """The file's new text, the pairs awaiting review (block id, line, pair), and how many
    blocks were aligned afresh in part or whole."""
    from ..model.sentences import report_sentences

    old = load_alignment(report.data(FILE)) if (report.folder / FILE).exists() else {}
    lines = [*HEADER.rstrip("\n").split("\n"), "blocks:"]
    waiting: list[tuple[str, int, Pair]] = []
    changed = 0
    for block in report_sentences(project, report):
        if not block.zh or not block.en:
            continue  # a block without text on one side: the check names it
        zh_marks, en_marks = [fingerprint(s) for s in block.zh], [fingerprint(s) for s in block.en]
        before = old.get(block.id)
        if before is not None and list(before.zh) == zh_marks and list(before.en) == en_marks and not partition_problems(before):
            pairs = list(before.pairs)
        else:
            pairs = realign(before, block.zh, block.en)
            changed += 1
        lines += [f"  - id: {block.id}", f"    zh: {json.dumps(zh_marks)}", f"    en: {json.dumps(en_marks)}", "    pairs:"]
        for pair in pairs:
            lines.append("      - " + _flow(pair))
            if pair.unsure and not pair.reviewed:
                waiting.append((block.id, len(lines), pair))
    return "\n".join(lines) + "\n", waiting, changed


def _flow(pair: Pair) -> str:
    # JSON strings and lists are YAML flow values: quotes, colons and Chinese survive.
    return "{" + ", ".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in pair.as_data().items()) + "}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="align_sentences.py", description="Write or refresh each report's sentence alignment (sentences.yml).")
    parser.add_argument("root", nargs="?", default=".", help="project folder (default: the current directory)")
    parser.add_argument("--report", action="append", metavar="SLUG", help="only this report (repeatable)")
    args = parser.parse_args(argv)
    root = Path(args.root)
    if not (root / "docs").is_dir():
        print(f"{root}: no docs/ folder here: give the project folder", file=sys.stderr)
        return 2
    project = Project(root)
    status = 0
    for report in project.reports:
        if args.report and report.slug not in args.report:
            continue
        path = report.folder / FILE
        problems = [p for p in report.problems if p.path == path]
        if problems:  # a file that breaks its schema is not written over: fix it first
            for problem in problems:
                print(problem.format(project.root), file=sys.stderr)
            status = 1
            continue
        text, waiting, changed = refreshed(project, report)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        rel = project.rel(path)
        pairs = sum(1 for line in text.split("\n") if line.startswith("      - "))
        print(f"{rel}: {pairs} pairs; {changed} block(s) aligned afresh; {len(waiting)} pair(s) await review")
        for ident, line, pair in waiting:
            print(f"{rel}:{line}: #{ident} Chinese {span(pair.zh)} = English {span(pair.en)}: {pair.unsure}")
    return status


__all__ = ["main", "refreshed", "BlockAlignment"]
