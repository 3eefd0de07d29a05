"""The report's key figures (reports/SLUG/key-figures.yml), checked against the text.

Each figure names its paragraph, its value as written in the Chinese (8564.48) and its
unit (万元), and the words of its sentence that say what it counts (申报拨付金额). Its
source is the sentence of its paragraph that gives the value with those words: in the
Chinese, value + unit (a qualifier such as 余 may stand after 万/亿); in the English, the
same amount in any written form (85.6448 million). A paragraph often gives one number for
two things (46 departments, 46 windows): the words say which one the figure is.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from .numbers import english_numbers, exact
from .project import Report
from .text import remove_restorations_keep_content

FIELDS = ["id", "paragraph_id", "indicator_zh", "indicator_en", "value", "unit", "unit_en", "qualifier", "qualifier_en"]
#: What the downloads add to each figure: its amount in base units (85644800 for 8564.48
#: 万元) with the unit named, the sentences that state it in both languages and the
#: addresses of its paragraph, so that a spreadsheet row can be checked and summed.
SOURCE_FIELDS = ["amount", "base_unit", "base_unit_en", "sentence_zh", "sentence_en", "url", "url_en"]
SENTENCE = re.compile(r"[^。；！？]*[。；！？]?")
# The end of an English sentence (or clause closed by a semicolon): not a decimal point.
EN_SENTENCE_END = re.compile(r"(?<!\d\.)[.;!?][”’\"')\]]*(?=\s|$)")
SCALE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
# How the English unit of a figure counted in 万 or 亿 says so (RMB 10,000; 10,000 person-times).
SCALE_EN = {"万": "10,000", "亿": "100 million"}
# The English name of a base unit whose English unit names the currency, not the unit.
BASE_UNIT_EN = {"元": "yuan"}


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
    words_zh: str
    words_en: str

    @property
    def amount(self) -> Decimal:
        """The value in plain units: 8564.48 万元 → 85,644,800."""
        scale = SCALE.get(self.unit[:1], Decimal(1))
        return exact(Decimal(self.value) * scale)

    @property
    def base_unit(self) -> str:
        """The unit of `amount`, in Chinese: 元 for 万元, 人次 for 万人次."""
        return self.unit[1:] if self.unit[:1] in SCALE else self.unit

    @property
    def base_unit_en(self) -> str:
        """The unit of `amount`, in English: yuan for RMB 10,000, person-times for 10,000 person-times."""
        if self.base_unit in BASE_UNIT_EN:
            return BASE_UNIT_EN[self.base_unit]
        scale = SCALE_EN.get(self.unit[:1], "")
        return self.unit_en.replace(scale, "").strip() if scale else self.unit_en

    @property
    def written(self) -> str:
        """The value as the Chinese writes it: 1万余人次, 8564.48万元."""
        scale = self.unit[:1] if self.unit[:1] in SCALE else ""
        return f"{self.value}{scale}{self.qualifier}{self.unit.removeprefix(scale)}"

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
                words_zh=entry["words_zh"],
                words_en=entry["words_en"],
            )
        )
    return figures


def problems_with(figure: Figure, zh_text: str, en_text: str) -> list[tuple[str, str]]:
    """What is wrong with a figure against its paragraph's Chinese and English, each with the
    side it concerns: "zh" (the Chinese paragraph), "en" (the English), "unit" (the entry)."""
    found = []
    if not figure.pattern().search(zh_text):
        found.append(("zh", f"{figure.id}: the Chinese paragraph does not read {figure.written}"))
    elif not sentence_zh(figure, zh_text):
        found.append(("zh", f"{figure.id}: no sentence of the Chinese paragraph reads both {figure.written} and “{figure.words_zh}” (words_zh)"))
    if figure.amount not in {n.value for n in english_numbers(en_text)}:
        found.append(("en", f"{figure.id}: the English paragraph does not give {figure.amount:,}"))
    elif not sentence_en(figure, en_text):
        found.append(("en", f"{figure.id}: no sentence of the English paragraph gives both {figure.amount:,} and “{figure.words_en}” (words_en)"))
    scale = SCALE_EN.get(figure.unit[:1])
    if scale and scale not in figure.unit_en:
        # The table shows the value as the Chinese writes it (1 万人次): an English unit
        # without its multiplier makes "more than 10,000" read "more than 1".
        found.append(("unit", f'{figure.id}: unit_en "{figure.unit_en}" lacks the "{scale}" of {figure.unit}'))
    return found


def sentence_zh(figure: Figure, zh_text: str) -> str:
    """The sentence (up to 。；！？) of the Chinese paragraph that states the figure: the
    first that reads its value and its words, as the edition reads it without the editor's
    〔…〕 marks (a mark may hold a sentence's end); "" if none does."""
    zh_text = remove_restorations_keep_content(zh_text)
    for sentence in SENTENCE.finditer(zh_text):
        text = sentence.group(0)
        if figure.words_zh in text and figure.pattern().search(text):
            return text.strip()
    return ""


def english_sentences(text: str) -> list[str]:
    """An English paragraph's sentences, each up to its full stop, semicolon, question or
    exclamation mark (with the quotation marks or brackets that close it)."""
    out, start = [], 0
    for end in EN_SENTENCE_END.finditer(text):
        out.append(text[start : end.end()].strip())
        start = end.end()
    return [s for s in [*out, text[start:].strip()] if s]


def sentence_en(figure: Figure, en_text: str) -> str:
    """The sentence of the English paragraph that gives the figure's amount (in any written
    form) with its English words; "" if none does."""
    for sentence in english_sentences(en_text):
        if figure.words_en in sentence and figure.amount in {n.value for n in english_numbers(sentence)}:
            return sentence
    return ""


def number(value: str) -> int | float:
    """A value as written (100, 99.75) as a JSON number: an integer where it has no decimals."""
    return int(value) if re.fullmatch(r"\d+", value) else float(value)


@dataclass(frozen=True)
class Sourced:
    """A figure with where it stands: its sentences and its paragraph's addresses."""

    figure: Figure
    sentence_zh: str
    sentence_en: str
    url: str
    url_en: str

    def row(self) -> dict[str, str]:
        f = self.figure
        return {name: getattr(f, name) for name in FIELDS} | {
            "amount": str(f.amount),
            "base_unit": f.base_unit,
            "base_unit_en": f.base_unit_en,
            "sentence_zh": self.sentence_zh,
            "sentence_en": self.sentence_en,
            "url": self.url,
            "url_en": self.url_en,
        }


def to_csv(figures: list[Sourced]) -> str:
    """CSV for spreadsheets. Callers write it with a byte-order mark (utf-8-sig): without
    one, Excel on Chinese Windows reads UTF-8 as GBK and shows the Chinese garbled."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, FIELDS + SOURCE_FIELDS, lineterminator="\n")
    writer.writeheader()
    for f in figures:
        writer.writerow(f.row())
    return buffer.getvalue()


def json_rows(figures: list[Sourced]) -> list[dict]:
    """The rows with the value and the amount as numbers (the CSV keeps them as written)."""
    return [f.row() | {"value": number(f.figure.value), "amount": number(str(f.figure.amount))} for f in figures]
