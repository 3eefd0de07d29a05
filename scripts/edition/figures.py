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

FIELDS = ["id", "paragraph_id", "indicator_zh", "indicator_en", "value", "unit", "unit_en", "qualifier", "qualifier_en"]
SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


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


def problems_with(figure: Figure, zh_text: str, en_text: str) -> list[str]:
    """What is wrong with a figure against its paragraph's Chinese and English."""
    found = []
    if not figure.pattern().search(zh_text):
        found.append(
            f"{figure.id}: the Chinese paragraph does not read {figure.value}{figure.unit[:1] if figure.unit[:1] in SCALE else ''}{figure.qualifier}{figure.unit.lstrip('万亿')}"
        )
    if figure.amount not in {n.value for n in english_numbers(en_text)}:
        found.append(f"{figure.id}: the English paragraph does not give {figure.amount:,}")
    return found


def to_csv(figures: list[Figure]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(FIELDS)
    for f in figures:
        writer.writerow([getattr(f, name) for name in FIELDS])
    return buffer.getvalue()


def to_json(figures: list[Figure]) -> str:
    return json.dumps([{name: getattr(f, name) for name in FIELDS} for f in figures], ensure_ascii=False, indent=2) + "\n"
