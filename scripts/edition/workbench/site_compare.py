"""Compare two builds of the edition (MkDocs and Zensical) as a reader would: the pages at
their paths, the heading and paragraph ids, the paragraph texts, what the page says of
itself (language, title, description, Open Graph, canonical URL, date), and the files.

Of the body only the article is read (Material's and Zensical's `md-content__inner`):
the header, nav and footer are each generator's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class PageText:
    """What a reader finds in a page's article."""

    heading_ids: list[str] = field(default_factory=list)
    paragraph_ids: list[str] = field(default_factory=list)
    paragraphs: dict[str, str] = field(default_factory=dict)  # id → text, whitespace collapsed
    head: dict[str, str] = field(default_factory=dict)  # html lang, title, description, og:*, canonical, date


class _Article(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = PageText()
        self.depth = 0  # open elements inside the article; 0 = outside
        self.paragraph: str | None = None
        self.paragraph_depth = 0
        self.text: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self._head(tag, attributes)
        if self.depth == 0:
            if tag == "article" and "md-content__inner" in (attributes.get("class") or ""):
                self.depth = 1
            return
        if tag not in VOID:
            self.depth += 1
        ident = attributes.get("id")
        if tag in HEADINGS and ident:
            self.page.heading_ids.append(ident)
        if tag == "p" and ident and self.paragraph is None:
            self.page.paragraph_ids.append(ident)
            self.paragraph, self.paragraph_depth, self.text = ident, self.depth, []

    def _head(self, tag: str, attributes: dict[str, str | None]) -> None:
        head = self.page.head
        if tag == "html":
            head["lang"] = attributes.get("lang") or ""
        elif tag == "title":
            self.in_title = True
        elif tag == "meta" and attributes.get("name") == "description":
            head["description"] = attributes.get("content") or ""
        elif tag == "meta" and (attributes.get("property") or "").startswith("og:"):
            head[attributes["property"]] = attributes.get("content") or ""
        elif tag == "link" and attributes.get("rel") == "canonical":
            head["canonical"] = attributes.get("href") or ""
        elif tag == "time" and self.depth:
            head["date"] = attributes.get("datetime") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.depth == 0 or tag in VOID:
            return
        if self.paragraph is not None and self.depth == self.paragraph_depth:
            self.page.paragraphs[self.paragraph] = re.sub(r"\s+", " ", "".join(self.text)).strip()
            self.paragraph = None
        self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.head["title"] = self.page.head.get("title", "") + data
        if self.paragraph is not None:
            self.text.append(data)


def page_text(html: str) -> PageText:
    parser = _Article()
    parser.feed(html)
    return parser.page


def pages(site: Path) -> dict[str, Path]:
    """Site-relative path of every page (x/index.html, 404.html) → its file."""
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*.html"))}


def files(site: Path, theme: set[str]) -> set[str]:
    """Every file of a site but its pages, with the theme's assets (names with hashes, one
    engine's own scripts) summed up as the folder that holds them, e.g. `assets/ (theme)`.
    `theme` are the site-relative paths that are the edition's own (docs/assets/…)."""
    out = set()
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_dir() or path.suffix == ".html":
            continue
        parts = rel.split("/")
        if "assets" in parts and rel.split("assets/", 1)[1] not in theme:
            out.add("/".join(parts[: parts.index("assets") + 1]) + "/ (theme)")
        else:
            out.add(rel)
    return out


def differences(first: Path, second: Path, names: tuple[str, str] = ("first", "second"), own_assets: set[str] = frozenset()) -> list[str]:
    """Every difference a reader would notice between two built sites, one line each.
    own_assets: the edition's own files under assets/ (compared one by one)."""
    found: list[str] = []
    a, b = pages(first), pages(second)
    found += [f"{path}: only in {names[0]}" for path in sorted(a.keys() - b.keys())]
    found += [f"{path}: only in {names[1]}" for path in sorted(b.keys() - a.keys())]
    fa, fb = files(first, set(own_assets)), files(second, set(own_assets))
    found += [f"{path}: only in {names[0]}" for path in sorted(fa - fb)]
    found += [f"{path}: only in {names[1]}" for path in sorted(fb - fa)]
    for path in sorted(a.keys() & b.keys()):
        x = page_text(a[path].read_text(encoding="utf-8"))
        y = page_text(b[path].read_text(encoding="utf-8"))
        if x.heading_ids != y.heading_ids:
            found.append(f"{path}: heading ids differ: {_first_change(x.heading_ids, y.heading_ids)}")
        if x.paragraph_ids != y.paragraph_ids:
            found.append(f"{path}: paragraph ids differ: {_first_change(x.paragraph_ids, y.paragraph_ids)}")
        for key in sorted(x.head.keys() | y.head.keys()):
            if x.head.get(key) != y.head.get(key):
                found.append(f"{path}: {key} differs: {x.head.get(key)!r} / {y.head.get(key)!r}")
        for ident in sorted(x.paragraphs.keys() & y.paragraphs.keys()):
            if x.paragraphs[ident] != y.paragraphs[ident]:
                found.append(f"{path}: #{ident} text differs: {_first_change(list(x.paragraphs[ident]), list(y.paragraphs[ident]))}")
    return found


def _first_change(x: list[str], y: list[str]) -> str:
    for i, (one, two) in enumerate(zip(x, y, strict=False)):
        if one != two:
            context = x[max(0, i - 20) : i + 20], y[max(0, i - 20) : i + 20]
            sep = "" if all(len(item) == 1 for item in x[:50]) else " "
            return f"at {i}: {sep.join(context[0])!r} / {sep.join(context[1])!r}"
    return f"lengths {len(x)} / {len(y)}"
