"""The search indexes: one per language and per report, paragraph by paragraph.

Material's search plugin writes one index for the whole site, one entry per section, made
from the page HTML as it stands: glossary tooltip definitions, permalink signs and the
paragraph links (¶ ⇄ Cite) are in it as if they were the report's text, a result can only
open a section, and the index grows with every report (1.6 MB gzip at 51 reports). From
the pages Material indexed, this module writes instead, for each language:

- `search/search_index.json` (under /en/ for English): the pages outside any report (the
  home page) and the list of reports. Material loads it on every page, as before.
- `search/SLUG.json`: one report's pages (text and apparatus), one entry per paragraph,
  heading, list item or table row that has an id, so that a result opens the paragraph.
  The search worker (docs/assets/javascripts/workers/edition-search.js) loads the current
  report's file on the first search, and every report's when the reader asks for all.

Each entry holds what the reader reads: the text of the element, less what
`FURNITURE` names (tooltips, permalink signs, paragraph links, footnote numbers), plus an
`alt` field with the other written forms of its numbers (1,162 ↔ 1162; 8564.48万 ↔
85644800), which the worker indexes and never shows. Chinese runs are segmented with jieba,
as Material does, so that the worker's query segmentation finds words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.project import Project

Cut = Callable[[str], Iterable[str]]  # Chinese word segmentation (jieba.cut)

INDEX = Path("search") / "search_index.json"

# Classes whose text is page furniture, not the text a reader reads: glossary tooltip
# definitions, permalink signs, the paragraph links (¶ ⇄ Cite), footnote numbers and
# back-links, the unofficial-translation notice, the edit button, the page date, the
# contents lists under a report page's title (their headings are indexed where they are).
FURNITURE = {
    "gloss-tip",
    "headerlink",
    "para-links",
    "footnote-ref",
    "footnote-backref",
    "translation-notice",
    "md-content__button",
    "last-updated",
    "md-source-file",
    "edition-contents",
    "page-tools",
}
SKIPPED_TAGS = {"script", "style", "svg", "button", "nav", "template", "noscript"}
UNIT_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote", "figure", "section", "div"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed", "track"}
BLOCK_BREAK = {"p", "li", "tr", "td", "th", "dt", "dd", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table"}

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# A number standing alone: not part of a name or code (yushan-2023, a sha256 digest).
NUMBER = re.compile(r"(?<![A-Za-z\d.,-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(万|亿)|\s+(million|billion))?(?![A-Za-z\d-])")
SCALE = {None: 1, "万": 10_000, "亿": 100_000_000, "million": 1_000_000, "billion": 1_000_000_000}
FIELDS = {"title": {"boost": 10.0}, "text": {"boost": 1.0}, "alt": {"boost": 1.0}}


@dataclass
class Unit:
    """One searchable element of a page: a heading, paragraph, item or row with an id."""

    anchor: str
    heading: bool
    title_parts: list[str] = field(default_factory=list)  # a heading's own text
    parts: list[str] = field(default_factory=list)  # text after it without an id of its own

    @cached_property  # read once the page is parsed
    def title(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.title_parts)).strip()

    @cached_property
    def text(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.parts)).strip()


class _PageText(HTMLParser):
    """The text of a built page's article, cut into units at each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.units: list[Unit] = [Unit("", False)]
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped) of each open element
        self.in_article = False
        self.open_heading: int | None = None  # stack depth of the heading being read

    def skipping(self) -> bool:
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        if not self.in_article:
            if tag == "article" and "md-content__inner" in classes:
                self.in_article = True
                self.stack = []
            return
        if tag in VOID:
            if tag == "br" and not self.skipping():
                self.units[-1].parts.append(" ")
            return
        skipped = tag in SKIPPED_TAGS or bool(classes & FURNITURE) or "data-search-exclude" in attributes
        self.stack.append((tag, skipped))
        if self.skipping():
            return
        anchor = attributes.get("id")
        if anchor and tag in UNIT_TAGS:
            self.units.append(Unit(anchor, tag in HEADINGS))
            if tag in HEADINGS:
                self.open_heading = len(self.stack)
        elif tag in BLOCK_BREAK:
            self.units[-1].parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article or tag in VOID:
            return
        if not self.stack:
            if tag == "article":
                self.in_article = False
            return
        # Close up to the matching element: Python-Markdown's HTML is well formed, but a
        # stray end tag must not leave the skip state on for the rest of the page.
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        if self.open_heading is not None and len(self.stack) < self.open_heading:
            self.open_heading = None
        if tag in BLOCK_BREAK and not self.skipping():
            self.units[-1].parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_article and not self.skipping():
            unit = self.units[-1]
            (unit.title_parts if self.open_heading is not None else unit.parts).append(data)


def page_units(html: str) -> list[Unit]:
    """The units of a built page with their text, in page order; empty units dropped."""
    parser = _PageText()
    # Only the article is read: the header, nav and footer are most of a page's HTML
    # (and of the parsing time, which grows with the number of reports).
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    parser.feed(html[start : end + len("</article>")] if 0 <= start < end else html)
    parser.close()
    return [unit for unit in parser.units if unit.text or unit.title]


def _grouped(digits: str) -> str:
    return f"{int(digits):,}"


def _scaled(value: Decimal, unit: int) -> str:
    """85644800 in millions: 85.6448 (no trailing zeros)."""
    scaled = (value / unit).normalize()
    return f"{scaled:f}"


WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+")


def number_forms(text: str) -> list[str]:
    """The other written forms of each number in a text (those the text does not use).

    1,162 → 1162; 1162 → 1,162; 8564.48万 → 85644800 and 85,644,800; 85.6448 million → the
    same; an amount of a million or more → its millions and its 万 (85.6448, 8564.48);
    99.75% → 99.75 percent. A reader copies a figure from the other language, a table
    or a spreadsheet; each form must find the paragraph. The digits of a web address
    (a glossary source's …/news/1004365) are no figure, and get no other forms."""
    text = WEB_ADDRESS.sub(" ", text)
    forms: list[str] = []
    for match in NUMBER.finditer(text):
        whole, fraction, zh_scale, en_scale = match.groups()
        digits = whole.replace(",", "")
        fraction = fraction or ""
        forms.append(digits + fraction)
        if len(digits) > 4 or (len(digits) == 4 and not 1900 <= int(digits) <= 2100):  # not a year
            forms.append(_grouped(digits) + fraction)
        scale = zh_scale or en_scale
        value = Decimal(digits + fraction) * SCALE[scale]
        if scale and value == value.to_integral_value():
            plain = str(int(value))
            forms += [plain, _grouped(plain)]
        if value >= 1_000_000 and value == value.to_integral_value():
            # A large amount as the other language scales it: 85,644,800 is 85.6448 million
            # in English and 8564.48万 in Chinese (a key figure's row gives it in base units).
            forms += [_scaled(value, 1_000_000), _scaled(value, 10_000)]
        if text[match.end() : match.end() + 1] in ("%", "％"):
            forms.append(f"{digits}{fraction} percent")
    written = {m.group(1) + (m.group(2) or "") for m in NUMBER.finditer(text)}
    unique: list[str] = []
    for form in forms:
        if form not in written and form not in unique:
            unique.append(form)
    return unique


def segment(text: str, cut: Cut) -> str:
    """Chinese runs cut into words (jieba), each word between zero-width spaces, as
    Material's search plugin writes them (its separator splits at U+200B); HTML-escaped,
    as Material shows titles and excerpts as HTML."""
    text = escape(text, quote=False)
    return HAN.sub(lambda m: "\u200b" + "\u200b".join(cut(m.group(0))) + "\u200b", text).strip("\u200b")


HEADINGS_ONLY = re.compile(r'<h1\b[^>]*\bdata-search="headings"')


def page_entries(location: str, title: str, html: str, kind: str, cut: Cut) -> list[dict]:
    """The index entries of one page: the page itself, then each unit with an id.

    A paragraph's entry has no title of its own (the worker shows its heading's, from `h`):
    a section title repeated on each paragraph would rank every paragraph of the section
    for the title's words.

    A page whose title says `data-search="headings"` (the revision history, which gains an
    entry at every revision) is indexed by its title, lead and headings alone: what every
    first search downloads must not grow with it."""
    entries: list[dict] = [{"location": location, "title": segment(title, cut), "text": "", "k": kind}]
    headings_only = HEADINGS_ONLY.search(html) is not None
    heading = location
    for unit in page_units(html):
        if not unit.anchor and not unit.text:
            continue
        text = segment(unit.text, cut)
        if not unit.anchor or (unit.heading and unit.title == title and len(entries) == 1):
            entries[0]["text"] = text  # the page's own heading, or its lead: the page entry
            continue
        if headings_only:
            if not unit.heading:
                continue
            text = ""  # a heading's entry holds the text under it: left out too
        # A footnote (a translator's note) ranks just below the paragraph it annotates.
        note = kind == "report" and unit.anchor.startswith("fn:")
        entry: dict = {"location": f"{location}#{unit.anchor}", "k": "note" if note else kind}
        if unit.heading:
            entry["title"] = segment(unit.title, cut)
            heading = entry["location"]
        else:
            entry["h"] = heading
        if text:
            entry["text"] = text
        alt = number_forms(f"{unit.title} {'' if headings_only else unit.text}")
        if alt:
            entry["alt"] = " ".join(alt)
        entries.append(entry)
    return entries


def _html_path(folder: Path, location: str) -> Path:
    path = folder / location
    return path if location.endswith(".html") else path / "index.html"


def report_kinds(project: Project) -> dict[str, dict[str, str]]:
    """slug → {page location → "report" or "apparatus"}: a report's text pages (report.yml
    `pages`) rank above its other pages (glossary, notes, key figures …), whatever they are."""
    kinds: dict[str, dict[str, str]] = {}
    for report in project.reports:
        text = {}
        for page in report.text_pages:
            name = page.relative_to(project.docs).with_suffix("").as_posix()
            text[(name[: -len("index")] if name.endswith("index") else name + "/")] = "report"
        kinds[report.slug] = text
    return kinds


def report_titles(project: Project, lang: str) -> list[dict[str, str]]:
    """The reports, by slug, with their titles in a language (the worker's list)."""
    return [{"slug": r.slug, "title": str(r.config.get(f"title_{lang}") or r.slug)} for r in project.reports]


def write_search_indexes(project: Project, site_dir: Path, default: str, others: list[str], cut: Cut) -> dict[str, dict[str, int]]:
    """Replace site_dir's combined index with one index per language and per report.

    Returns {language: {file name: entries}}. `cut` segments Chinese (jieba.cut)."""
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    kinds = report_kinds(project)
    counts: dict[str, dict[str, int]] = {}
    for lang in [default, *others]:
        folder = site_dir if lang == default else site_dir / lang
        prefix = "" if lang == default else f"{lang}/"
        pages: list[tuple[str, str]] = []
        for doc in combined["docs"]:
            location = doc["location"]
            if "#" in location:
                continue
            if lang != default and not location.startswith(prefix):
                continue
            if lang == default and location.split("/", 1)[0] in others:
                continue
            pages.append((location[len(prefix) :], unescape(doc["title"].replace("\u200b", ""))))
        shards: dict[str, list[dict]] = {}
        for location, title in pages:
            slug = location.split("/", 1)[0]
            if slug in kinds:
                kind = kinds[slug].get(location, "apparatus")
            else:
                slug, kind = "", "report"
            html = _html_path(folder, location).read_text(encoding="utf-8")
            shards.setdefault(slug, []).extend(page_entries(location, title, html, kind, cut))
        config = {**combined["config"], "lang": [lang], "fields": FIELDS, "reports": report_titles(project, lang)}
        counts[lang] = {}
        for slug, entries in [("", shards.pop("", [])), *sorted(shards.items())]:
            path = folder / (INDEX if not slug else INDEX.parent / f"{slug}.json")
            path.parent.mkdir(parents=True, exist_ok=True)
            body = {"config": config, "docs": entries} if not slug else {"docs": entries}
            path.write_text(json.dumps(body, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            counts[lang][path.name] = len(entries)
    return counts
