"""The glossary of a report (reports/SLUG/glossary.yml): the one source of its terms."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .project import Report

QUOTES = re.compile(r"[“”\"‘’«»]")


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    pinyin: str
    en: str
    variants: tuple[str, ...]
    kind: str
    note_en: str
    note_zh: str
    attested: str
    #: The attestation in Chinese, shown on the Chinese glossary (schemas.py requires it
    #: wherever `attested` is given).
    attested_zh: str = ""

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.en, *self.variants)


def load_terms(report: Report) -> list[Term]:
    terms = []
    for entry in report.data("glossary.yml").get("terms", []) or []:
        terms.append(
            Term(
                id=entry["id"],
                zh=entry["zh"],
                pinyin=entry.get("pinyin", ""),
                en=entry["en"],
                variants=tuple(entry.get("variants") or ()),
                kind=entry.get("kind", ""),
                note_en=entry.get("note_en", ""),
                note_zh=entry.get("note_zh", ""),
                attested=entry.get("attested", ""),
                attested_zh=entry.get("attested_zh", ""),
            )
        )
    return terms


@functools.lru_cache(maxsize=4096)
def normalise_english(text: str) -> str:
    """Lower case, straight apostrophes, no quotation marks, single spaces."""
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<![A-Za-z])'|'(?![A-Za-z])", "", text)
    text = QUOTES.sub("", text).replace("–", "-").replace("—", "-")
    return " ".join(text.lower().split())
