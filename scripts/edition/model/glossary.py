"""The glossary of a report (reports/SLUG/glossary.yml): the one source of its terms."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .project import Report

QUOTES = re.compile(r"[“”\"‘’«»]")
#: Terms on one glossary page. The glossary is shown PER_PAGE terms a page (glossary.md, then
#: glossary-2.md, glossary-3.md …, each with the `{{ glossary }}` directive), so that a page's
#: first view does not grow with the number of terms (README, Page weight); the `pages` check
#: names a page the terms need and a page they leave empty.
PER_PAGE = 100
GLOSSARY_PAGE = re.compile(r"^glossary(?:-(\d+))?(?:\.[a-z]{2})?\.md$")


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

    @property
    def other_renderings(self) -> tuple[str, ...]:
        """The variants a reader is shown: those that are more than the rendering (or an
        earlier variant) in other capitals. The [terms] check needs "county Party
        committee" beside "County Party Committee"; a reader learns nothing from it."""
        seen = {self.en.casefold()}
        shown = []
        for variant in self.variants:
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                shown.append(variant)
        return tuple(shown)


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


def page_count(terms: list[Term]) -> int:
    """How many glossary pages the terms fill."""
    return max(1, -(-len(terms) // PER_PAGE))


def page_of(path: Path) -> int | None:
    """The glossary page a file is (glossary.md 1, glossary-2.en.md 2), or None."""
    match = GLOSSARY_PAGE.match(path.name)
    return int(match.group(1) or 1) if match else None


def page_name(number: int) -> str:
    """The file stem (and URL folder) of glossary page `number`: glossary, glossary-2 …"""
    return "glossary" if number == 1 else f"glossary-{number}"


def terms_on_page(terms: list[Term], number: int) -> list[Term]:
    return terms[(number - 1) * PER_PAGE : number * PER_PAGE]


def term_urls(terms: list[Term], base: str) -> dict[str, str]:
    """Term id → the URL of its glossary page, relative to a page of the report (`base`:
    "../" from a section page, "" from the cover)."""
    return {term.id: f"{base}{page_name(n // PER_PAGE + 1)}/" for n, term in enumerate(terms)}


@functools.lru_cache(maxsize=4096)
def normalise_english(text: str) -> str:
    """Lower case, straight apostrophes, no quotation marks, single spaces."""
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<![A-Za-z])'|'(?![A-Za-z])", "", text)
    text = QUOTES.sub("", text).replace("–", "-").replace("—", "-")
    return " ".join(text.lower().split())
