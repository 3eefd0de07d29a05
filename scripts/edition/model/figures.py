"""The report's key figures (reports/SLUG/key-figures.yml), checked against the text.

Each figure names its paragraph, its value as written in the Chinese (8564.48) and its
unit (万元); the Chinese paragraph must read value + unit (a qualifier such as 余 may
stand after 万/亿), and the English paragraph must give the same value (85.6448 million).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import english_numbers, exact
from .project import Report
from .text import remove_restorations_keep_content

FIELDS = ["id", "paragraph_id", "indicator_zh", "indicator_en", "value", "unit", "unit_en", "qualifier", "qualifier_en"]
#: What the downloads add to each figure: the Chinese sentence that states it and the
#: addresses of its paragraph in both languages, so that a spreadsheet row can be checked.
SOURCE_FIELDS = ["source_sentence", "url", "url_en"]
SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
# How the English unit of a figure counted in 万 or 亿 says so (RMB 10,000; 10,000 person-times).
SCALE_EN = {"万": "10,000", "亿": "100 million"}


@dataclass(frozen=True)
class Figure:
    id: str
    paragraph_id: str
    indicator_zh: str
    indicator_en: str
    value: str
    unit: str
    unit_en: str
    qualifier: str
    qualifier_en: str

    @property
    def amount(self) -> Decimal:
        """The value in plain units: 8564.48 万元 → 85,644,800."""
        scale = SCALE.get(self.unit[:1], Decimal(1))
        return exact(Decimal(self.value) * scale)

    def pattern(self) -> re.Pattern:
        """How the Chinese writes it: 1万余人次, 100余场次, 8564.48万元, 99.75%."""
        scale, rest = (self.unit[:1], self.unit[1:]) if self.unit[:1] in SCALE else ("", self.unit)
        qualifier = re.escape(self.qualifier)
        return re.compile(rf"(?<![\d.]){re.escape(self.value)}{re.escape(scale)}{qualifier}{re.escape(rest)}")


def load_figures(report: Report) -> list[Figure]:
    figures = []
    for entry in report.data("key-figures.yml").get("figures", []) or []:
        figures.append(
            Figure(
                id=entry["id"],
                paragraph_id=entry["paragraph"],
                indicator_zh=entry["indicator_zh"],
                indicator_en=entry["indicator_en"],
                value=str(entry["value"]),
                unit=entry.get("unit") or "",
                unit_en=entry.get("unit_en") or "",
                qualifier=entry.get("qualifier") or "",
                qualifier_en=entry.get("qualifier_en") or "",
            )
        )
    return figures


def problems_with(figure: Figure, zh_text: str, en_text: str) -> list[tuple[str, str]]:
    """What is wrong with a figure against its paragraph's Chinese and English, each with the
    side it concerns: "zh" (the Chinese paragraph), "en" (the English), "unit" (the entry)."""
    found = []
    if not figure.pattern().search(zh_text):
        written = f"{figure.value}{figure.unit[:1] if figure.unit[:1] in SCALE else ''}{figure.qualifier}{figure.unit.lstrip('万亿')}"
        found.append(("zh", f"{figure.id}: the Chinese paragraph does not read {written}"))
    if figure.amount not in {n.value for n in english_numbers(en_text)}:
        found.append(("en", f"{figure.id}: the English paragraph does not give {figure.amount:,}"))
    scale = SCALE_EN.get(figure.unit[:1])
    if scale and scale not in figure.unit_en:
        # The table shows the value as the Chinese writes it (1 万人次): an English unit
        # without its multiplier makes "more than 10,000" read "more than 1".
        found.append(("unit", f'{figure.id}: unit_en "{figure.unit_en}" lacks the "{scale}" of {figure.unit}'))
    return found


def source_sentence(figure: Figure, zh_text: str) -> str:
    """The sentence (up to 。；！？) of the Chinese paragraph that states the figure, as the
    edition reads it without the editor's 〔…〕 marks (a mark may hold a sentence's end)."""
    zh_text = remove_restorations_keep_content(zh_text)
    found = figure.pattern().search(zh_text)
    if found is None:
        return ""
    for sentence in SENTENCE.finditer(zh_text):
        if sentence.start() <= found.start() < sentence.end():
            return sentence.group(0).strip()
    return ""


def number(value: str) -> int | float:
    """A value as written (100, 99.75) as a JSON number: an integer where it has no decimals."""
    return int(value) if re.fullmatch(r"\d+", value) else float(value)


@dataclass(frozen=True)
class Sourced:
    """A figure with where it stands: its Chinese sentence and its paragraph's addresses."""

    figure: Figure
    sentence: str
    url: str
    url_en: str

    def row(self) -> dict[str, str]:
        return {name: getattr(self.figure, name) for name in FIELDS} | {"source_sentence": self.sentence, "url": self.url, "url_en": self.url_en}


def to_csv(figures: list[Sourced]) -> str:
    """CSV for spreadsheets. Callers write it with a byte-order mark (utf-8-sig): without
    one, Excel on Chinese Windows reads UTF-8 as GBK and shows the Chinese garbled."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, FIELDS + SOURCE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for f in figures:
        writer.writerow(f.row())
    return buffer.getvalue()


def to_json(figures: list[Sourced]) -> str:
    """JSON with each value as a number (the CSV keeps the value as written)."""
    rows = [f.row() | {"value": number(f.figure.value)} for f in figures]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
