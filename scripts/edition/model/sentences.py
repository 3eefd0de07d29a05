"""Sentences of a block, and the report's sentence alignment (reports/SLUG/sentences.yml).

A block's text, as a reader sees it (`Block.plain`: no link targets, footnote marks or
emphasis; the editor's 〔…〕 kept), is cut at sentence punctuation: Chinese after 。！？
(with the closing quotes and brackets that follow), English after . ! ? followed by a space
(a leading item number, `1.` or `I.`, is numbering, not a sentence). A table row is one
sentence. The same cut serves the check, the downloads and the browser, so that the three
count the same sentences.

The alignment pairs the sentences of each block in order: every Chinese and every English
sentence belongs to exactly one pair of one or more sentences on each side. It refers to
sentences by their number in the block (from 1) and records a fingerprint of each sentence's
text, so that a change to either text shows which pairs it makes stale. It is written by
`python scripts/align_sentences.py` (edition/adapters/align_sentences.py), never by hand,
except the pairs' numbers and `reviewed` where a person corrects or confirms the script.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .blocks import Block
from .project import Project, Report, counterpart

FILE = "sentences.yml"
#: Where a Chinese sentence ends: 。！？ (full or half width), then any closing marks.
ZH_END = re.compile(r"[。！？!?]+[”’」』）)〕》】]*")
#: Where an English sentence ends: . ! ? and closing marks, before a space and what can open
#: a sentence (a capital, a digit, an opening quote or bracket).
EN_END = re.compile(r"(?<=[.!?])[”’\"')\]]*(?=\s+[“‘\"'(\[A-Z0-9])")
#: A leading item number (1. / I. / (I)) is numbering, not the end of a sentence.
EN_NUMBERING = re.compile(r"^\s*(?:\d+|[IVX]+)\.$")
#: Abbreviations after which a full stop does not end an English sentence.
EN_ABBREVIATIONS = ("No.", "Nos.", "e.g.", "i.e.", "cf.", "Art.", "para.", "paras.", "Mr.", "Ms.", "Dr.", "St.", "vs.")


def split_zh(text: str) -> list[str]:
    """Chinese text → its sentences, punctuation kept, nothing left out."""
    out, start = [], 0
    for end in ZH_END.finditer(text):
        out.append(text[start : end.end()])
        start = end.end()
    return [s.strip() for s in [*out, text[start:]] if s.strip()]


def split_en(text: str) -> list[str]:
    """English text → its sentences, punctuation kept, nothing left out."""
    out, start = [], 0
    for end in EN_END.finditer(text):
        head = text[start : end.end()]
        if EN_NUMBERING.match(head) or head.endswith(EN_ABBREVIATIONS):
            continue
        out.append(head)
        start = end.end()
    return [s.strip() for s in [*out, text[start:]] if s.strip()]


def split(text: str, lang: str) -> list[str]:
    return split_zh(text) if lang == "zh" else split_en(text)


def block_sentences(block: Block, lang: str) -> list[str]:
    """The sentences of a block as a reader sees it; a table row or heading is one."""
    text = block.plain
    if block.kind in ("table_row", "heading"):
        return [text] if text.strip() else []
    return split(text, lang)


@dataclass(frozen=True)
class BlockText:
    """A text block of the report in both languages, with its sentences."""

    zh_path: Path
    en_path: Path
    zh_block: Block
    en_block: Block
    zh: list[str]
    en: list[str]

    @property
    def id(self) -> str:
        return self.zh_block.id or ""


def report_sentences(project: Project, report: Report) -> list[BlockText]:
    """Every text block with an id in both languages of the report's pages, in reading
    order, with its sentences (a block missing in one language is the `blocks` check's)."""
    return project.memo(("sentences", report.slug), lambda: list(_report_sentences(project, report)))


def _report_sentences(project: Project, report: Report) -> Iterator[BlockText]:
    for zh_path in report.text_pages:
        en_path = counterpart(zh_path, "en")
        if not (project.readable(zh_path) and project.readable(en_path)):
            continue
        en_blocks = {b.id: b for b in project.page(en_path).blocks if b.id and b.is_text}
        for block in project.page(zh_path).blocks:
            if block.is_text and block.id in en_blocks:
                en_block = en_blocks[block.id]
                yield BlockText(zh_path, en_path, block, en_block, block_sentences(block, "zh"), block_sentences(en_block, "en"))


def fingerprint(sentence: str) -> str:
    """A short fingerprint of a sentence's text: it changes when a character does."""
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Pair:
    """Sentences of one block that render each other: their numbers (from 1) in each
    language; `unsure`, why the script doubted it; `reviewed`, a person's decision."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    unsure: str = ""
    reviewed: str = ""

    @property
    def shape(self) -> str:
        """`1:1`, `1:2`, `2:1` …: how many Chinese sentences to how many English."""
        return f"{len(self.zh)}:{len(self.en)}"

    def as_data(self) -> dict:
        entry: dict = {"zh": list(self.zh), "en": list(self.en)}
        if self.unsure:
            entry["unsure"] = self.unsure
        if self.reviewed:
            entry["reviewed"] = self.reviewed
        return entry


@dataclass(frozen=True)
class BlockAlignment:
    """A block's sentences (as fingerprints, in order) and their pairs."""

    id: str
    zh: tuple[str, ...]
    en: tuple[str, ...]
    pairs: tuple[Pair, ...]
    index: int = 0  # its place in the data file's `blocks` (for the line of a problem)


def load_alignment(data: dict) -> dict[str, BlockAlignment]:
    """The alignment of a report from its sentences.yml data (already checked against its
    schema, edition/model/schemas.py), by block id."""
    out = {}
    for index, entry in enumerate(data.get("blocks", []) or []):
        pairs = tuple(Pair(tuple(p["zh"]), tuple(p["en"]), p.get("unsure", ""), p.get("reviewed", "")) for p in entry["pairs"])
        out[entry["id"]] = BlockAlignment(entry["id"], tuple(entry["zh"]), tuple(entry["en"]), pairs, index)
    return out


def partition_problems(entry: BlockAlignment) -> list[tuple[int | None, str]]:
    """What keeps the pairs of a block from being a partition of its sentences in order:
    (the pair's index, or None for the block, and what is wrong). Empty when every Chinese
    and every English sentence is in exactly one pair, and the pairs follow the order."""
    found: list[tuple[int | None, str]] = []
    for lang, count in (("zh", len(entry.zh)), ("en", len(entry.en))):
        name = LANGUAGE_NAMES[lang]
        seen: dict[int, int] = {}
        last = 0
        for n, pair in enumerate(entry.pairs):
            positions = getattr(pair, lang)
            if list(positions) != list(range(positions[0], positions[0] + len(positions))):
                found.append((n, f"pair {n + 1} has {name} sentences {_numbers(positions)}, which do not follow one another"))
            if positions[0] <= last:
                found.append((n, f"pair {n + 1} ({name} {_numbers(positions)}) does not follow pair {n} ({name} up to {last})"))
            last = max(last, positions[-1])
            for position in positions:
                if position > count:
                    found.append((n, f"pair {n + 1} names {name} sentence {position}; the block has {count}"))
                elif position in seen:
                    found.append((n, f"{name} sentence {position} is in pairs {seen[position] + 1} and {n + 1}: a sentence belongs to one pair"))
                else:
                    seen[position] = n
        missing = [position for position in range(1, count + 1) if position not in seen]
        if missing:
            found.append((None, f"{name} sentence{'s' if len(missing) > 1 else ''} {_numbers(missing)} in no pair: every sentence belongs to one"))
    return found


LANGUAGE_NAMES = {"zh": "Chinese", "en": "English"}


def _numbers(positions: tuple[int, ...] | list[int]) -> str:
    return ", ".join(map(str, positions))


def span(positions: tuple[int, ...]) -> str:
    """(2,) → "2"; (2, 3) → "2–3"."""
    return str(positions[0]) if len(positions) == 1 else f"{positions[0]}–{positions[-1]}"


def paired_sentences(entry: BlockAlignment | None, zh: list[str], en: list[str]) -> list[tuple[list[str], list[str], Pair]] | None:
    """The pairs of a block with their sentences' text, or None if the alignment does not
    fit the text (missing, stale, or not a partition: the `sentences` check says which)."""
    if entry is None or list(entry.zh) != [fingerprint(s) for s in zh] or list(entry.en) != [fingerprint(s) for s in en]:
        return None
    if partition_problems(entry):
        return None
    return [([zh[i - 1] for i in pair.zh], [en[j - 1] for j in pair.en], pair) for pair in entry.pairs]
