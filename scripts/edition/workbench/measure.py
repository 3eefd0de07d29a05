"""Measurements of the built site, shared by `make bench` and the size-budget tests.

Sizes are gzip-compressed bytes (level 6, as a web server sends them) of what a page
loads before interaction: its HTML and every stylesheet, script, font and image the
browser fetches for it. The search indexes and worker load on first use, not first view;
`first_search` measures what they weigh.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

LAZY = ("/search/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def site_pages(site: Path) -> list[str]:
    """URL paths of every built page."""
    return ["/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html"))]


@dataclass(frozen=True)
class FirstView:
    path: str
    files: tuple[str, ...]
    gzip_bytes: int
    outside: tuple[str, ...]  # requests to anywhere but the site itself


def first_view(browser, base: str, site: Path, path: str) -> FirstView:
    """What the browser fetches to show a page, and its gzip size. Service workers are
    allowed, as for a reader: the edition's registers after the page has loaded, and what
    it fetches then (for offline reading) is not the page's."""
    page = browser.new_page(service_workers="allow")
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    page.goto(base + path)
    page.wait_for_load_state("networkidle")
    page.close()
    return view_of(urls, base, site, path)


def view_of(urls: list[str], base: str, site: Path, path: str) -> FirstView:
    """The first view of a page from the URLs the browser requested until the network fell
    idle, in a context with nothing cached."""
    files, outside, total = [], [], 0
    for url in dict.fromkeys(urls):
        if not url.startswith(base):
            if not url.startswith("data:"):
                outside.append(url)
            continue
        rel = urlparse(url).path
        if any(marker in rel for marker in LAZY):
            continue
        file = site / rel.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.exists():
            files.append(rel)
            total += gzip_size(file.read_bytes())
    return FirstView(path, tuple(files), total, tuple(outside))


@dataclass(frozen=True)
class FirstSearch:
    """What the first search on a report's page downloads, in one language (gzip bytes)."""

    lang: str
    files: dict[str, int]  # site-relative path → gzip bytes
    largest_report: str  # the report whose index is the largest: the worst case

    @property
    def total(self) -> int:
        return sum(self.files.values())

    @property
    def index_bytes(self) -> int:
        return sum(size for name, size in self.files.items() if "/search/" in f"/{name}")


def first_search(site: Path) -> dict[str, FirstSearch]:
    """Language → the files the first search downloads on a page of the report with the
    largest index: the edition's search script of the page (search.js, loaded when the
    search opens), the search worker (Material's and the edition's), the lunr language
    support it loads, the site-wide index and that report's index. Later searches in the
    same report download nothing more (tests/test_search.py checks this in Chromium)."""
    workers = site / "assets" / "javascripts" / "workers"
    lunr = site / "assets" / "javascripts" / "lunr" / "min"
    scripts = [*sorted(workers.glob("search.*.min.js")), workers / "edition-search.js", site / "assets" / "javascripts" / "search.js"]
    result = {}
    for index in sorted(site.rglob("search/search_index.json")):
        folder = index.parent
        lang = "zh" if folder.parent == site else folder.parent.relative_to(site).as_posix()
        support = [] if lang == "en" else [lunr / "lunr.stemmer.support.min.js", lunr / f"lunr.{lang}.min.js"]
        reports = sorted(folder.glob("*.json"))
        reports = [r for r in reports if r.name != index.name]
        largest = max(reports, key=lambda r: gzip_size(r.read_bytes())) if reports else None
        files = {}
        for file in [*scripts, *support, index, *([largest] if largest else [])]:
            files[file.relative_to(site).as_posix()] = gzip_size(file.read_bytes())
        result[lang] = FirstSearch(lang, files, largest.stem if largest else "")
    return result


def offline_copy(site: Path) -> dict[str, dict[str, int]]:
    """What one visit keeps for offline reading, per set of each sw.js (language/report):
    its files and their gzip bytes (edition/passes/offline.py lists them)."""
    copies = {}
    for worker in sorted(site.rglob("sw.js")):
        found = re.search(r"var SETS = (\{.*?\});", worker.read_text(encoding="utf-8"))
        if not found:
            continue
        for name, files in json.loads(found.group(1)).items():
            paths = [worker.parent / (rel + "index.html" if rel == "" or rel.endswith("/") else rel) for rel in files]
            copies[name] = {"files": len(paths), "gzip_bytes": sum(gzip_size(path.read_bytes()) for path in paths)}
    return copies
