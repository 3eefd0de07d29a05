"""Sentences: the report's sentence alignment (reports/SLUG/sentences.yml) fits the pages.

For a report that has the file (a new report has none until it is translated and
`python scripts/align_sentences.py` writes it), every text block of its pages:

- has its entry, and the file names no block the report lacks;
- has the sentences the file records: each sentence's fingerprint is that of its text now,
  so that a change to either language makes the pairs of the changed sentence stale, named
  on the page and line where the text changed, with the command that refreshes them;
- has its sentences partitioned by the pairs: every Chinese and every English sentence in
  exactly one pair, the pairs in order;
- has pairs whose numbers agree: each number of a pair's Chinese that the English block
  gives stands in the pair's English (the `numbers` reader; its exceptions apply);
- has no pair that the script was unsure of and no person has reviewed.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from ..model.aligner import numbers_of
from ..model.data_files import load_data_file
from ..model.numbers import chinese_numbers
from ..model.problems import Problem
from ..model.project import Project, Report
from ..model.sentences import FILE, LANGUAGE_NAMES, BlockAlignment, BlockText, fingerprint, load_alignment, partition_problems, report_sentences, span
from ..model.text import remove_restorations_keep_content

NAME = "sentences"
REFRESH = "python scripts/align_sentences.py"
AFTER = f"refresh with {REFRESH} (make sentences), then review the pairs it marks unsure"


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        path = report.folder / FILE
        if path.exists():
            yield from _check_report(project, report, path)


def _check_report(project: Project, report: Report, path: Path) -> Iterator[Problem]:
    alignment = load_alignment(report.data(FILE))
    lines = _Lines(path)
    there = project.rel(path)
    exceptions = {(e["block"], str(e["value"])) for e in report.data("number-exceptions.yml").get("exceptions", []) or []}
    seen = set()
    for block in report_sentences(project, report):
        seen.add(block.id)
        entry = alignment.get(block.id)
        if entry is None:
            yield Problem(block.zh_path, block.zh_block.line, NAME, f"#{block.id} has no sentence alignment in {there}: {AFTER}")
            continue
        stale = list(_stale(project, block, entry, lines, there))
        yield from stale
        if stale:
            continue  # its pairs are judged once refreshed
        for index, message in partition_problems(entry):
            yield Problem(path, lines.at(entry, index), NAME, f"#{block.id}: {message}")
        if partition_problems(entry):
            continue
        for n, pair in enumerate(entry.pairs):
            zh = " ".join(block.zh[i - 1] for i in pair.zh)
            en = " ".join(block.en[j - 1] for j in pair.en)
            for written, value in _unmatched(zh, en, block):
                if (block.id, written) not in exceptions:
                    yield Problem(
                        block.en_path,
                        block.en_block.line,
                        NAME,
                        f"#{block.id}: {written} (= {value:,}) of Chinese sentence {span(pair.zh)} is not in its English, sentence {span(pair.en)} "
                        f"(pair {n + 1} at {there}:{lines.at(entry, n)}): pair the sentences that give it, or correct the English",
                    )
            if pair.unsure and not pair.reviewed:
                yield Problem(
                    path,
                    lines.at(entry, n),
                    NAME,
                    f"#{block.id}: pair {n + 1} (Chinese {span(pair.zh)} = English {span(pair.en)}) awaits review: the script was unsure ({pair.unsure}); "
                    'check it against both texts, correct its sentence numbers if need be, and record the decision as reviewed: "…"',
                )
    for ident, entry in alignment.items():
        if ident not in seen:
            yield Problem(path, lines.at(entry), NAME, f"#{ident} is not a block of both languages of the report: {AFTER} (it drops the entry)")


def _stale(project: Project, block: BlockText, entry: BlockAlignment, lines: _Lines, there: str) -> Iterator[Problem]:
    """A problem for each stretch of sentences whose text changed since the alignment was
    written, on the page where it changed, naming the pairs it makes stale."""
    for lang, recorded, sentences, page, at in (
        ("zh", entry.zh, block.zh, block.zh_path, block.zh_block.line),
        ("en", entry.en, block.en, block.en_path, block.en_block.line),
    ):
        now = [fingerprint(s) for s in sentences]
        if list(recorded) == now:
            continue
        name = LANGUAGE_NAMES[lang]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, list(recorded), now, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            # The pairs of the changed or removed sentences; of an added one, those beside it.
            touched = {i1, i1 + 1} if tag == "insert" else set(range(i1 + 1, i2 + 1))
            pairs = [n for n, pair in enumerate(entry.pairs) if touched & set(getattr(pair, lang))]
            stale = (
                f"pair {pairs[0] + 1} at {there}:{lines.at(entry, pairs[0])} is stale"
                if len(pairs) == 1
                else f"pairs {pairs[0] + 1}–{pairs[-1] + 1} from {there}:{lines.at(entry, pairs[0])} are stale"
                if pairs
                else f"the alignment at {there}:{lines.at(entry)} is stale"
            )
            shown = "; ".join(f'{name} sentence {k + 1}: "{_short(sentences[k])}"' for k in range(j1, j2))
            if tag == "replace":
                what = f"changed since the sentences were aligned ({shown})"
            elif tag == "insert":
                what = f"added since the sentences were aligned ({shown})"
            else:
                gone = span(tuple(range(i1 + 1, i2 + 1)))
                what = f"{name} sentence{'s' if i2 - i1 > 1 else ''} {gone} of the alignment {'are' if i2 - i1 > 1 else 'is'} gone"
            yield Problem(page, at, NAME, f"#{block.id}: {what}: {stale}; {AFTER}")


def _unmatched(zh: str, en: str, block: BlockText) -> list[tuple[str, object]]:
    """Numbers of a pair's Chinese that the English block gives but the pair's English does
    not (a number the English block lacks is the `numbers` check's)."""
    in_block = numbers_of(" ".join(block.en), "en")
    available = numbers_of(en, "en")
    out = []
    for number in chinese_numbers(remove_restorations_keep_content(zh)):
        if available[number.value] > 0:
            available[number.value] -= 1
        elif in_block[number.value] > 0:
            out.append((number.written, number.value))
    return out


def _short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[:length].rstrip() + "…"


class _Lines:
    """The lines of the file's entries and pairs, read only when a problem needs one (a
    valid file is read without them, edition/model/data_files.py)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def at(self, entry: BlockAlignment, pair: int | None = None) -> int:
        lines = _lines_of(self.path, self.path.stat().st_mtime_ns)
        place = ("blocks", entry.index) if pair is None else ("blocks", entry.index, "pairs", pair)
        return lines.line(place)


@cache
def _lines_of(path: Path, _mtime: int):
    return load_data_file(path, with_lines=True)
