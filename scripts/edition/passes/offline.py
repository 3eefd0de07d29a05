"""Offline reading: after one visit to any page of a report, the whole report in that
language is on the reader's device, and later visits are served from it.

    write_offline_worker(project, site_dir)   sw.js at the root of each language's site

sw.js is passes/offline_worker.js (what the service worker does, and why) with the build's
VERSION and SETS before it. A set is one report in one language: its pages, the language's
home page, every file of the site those pages load (stylesheets, scripts, icons: read from
the pages themselves, so that whatever the theme links is in), the search worker with the
lunr support it loads for the language, the search indexes (the site's and the report's),
the report's term hints and its releases' comparisons (edition/generators/releases.py). Each file is listed by its address relative to sw.js, with the
first 16 hex digits of its sha256; VERSION is the hash of all of them, so that any change
of any file makes a new sw.js, which the browser installs at the next visit.

A language's site is the site's root (MkDocs: the English pages load the root's assets too)
or, where a language has an assets folder of its own (Zensical: en/assets/), that folder.

In the preview (`make serve`, live_reload) sw.js is a worker that deletes the offline copies
and unregisters itself: a copy kept from a built site served on the same address would
otherwise answer for the pages being edited.

The pages register sw.js once they have loaded (docs/assets/javascripts/edition.js,
offline); the Content-Security-Policy's worker-src 'self' admits it (edition/passes/csp.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

from ..model.project import DEFAULT_LANGUAGE, LANGUAGES, Project
from .minify import minify_js

WORKER = Path(__file__).with_name("offline_worker.js")
NAME = "sw.js"
# The files a page loads: stylesheets and icons (<link href>), scripts and images (src).
LOADS = re.compile(r"""<(?:link|script|img)\b[^>]*?\s(?:href|src)="([^"#?]+)[^"]*\"""", re.I)
# Material's search worker, named in each page's configuration.
SEARCH_WORKER = re.compile(r'"search":\s*"([^"]+)"')

UNREGISTER = """// The preview (make serve): no offline copy. This worker deletes any that a built site
// served on this address left, and unregisters itself (edition/passes/offline.py).
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf("edition-offline-") === 0; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.registration.unregister(); }));
});
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def language_root(site_dir: Path, lang: str) -> Path:
    """The folder of a language's site: where its sw.js goes, and what its addresses are relative to."""
    own = site_dir / lang
    return own if lang != DEFAULT_LANGUAGE and (own / "assets").is_dir() else site_dir


def _page_path(site_dir: Path, html: Path, url: str) -> Path | None:
    """The file a page's link or src names, or None outside the site (another origin, a
    folder without an index)."""
    if re.match(r"^[a-z]+:", url) or url.startswith("//"):
        return None
    target = (site_dir / url.lstrip("/")) if url.startswith("/") else (html.parent / url)
    target = Path(os.path.normpath(target))
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() and site_dir in target.parents else None


def report_set(project: Project, site_dir: Path, lang: str, slug: str) -> dict[str, str]:
    """The files of one report in one language, by address relative to the language's root
    (pages by their folder: yushan-2023/part-1/), with their hashes."""
    root = language_root(site_dir, lang)
    pages_root = site_dir if lang == DEFAULT_LANGUAGE else site_dir / lang
    pages = [pages_root / "index.html", *sorted((pages_root / slug).rglob("index.html"))]
    files: set[Path] = set(pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for url in LOADS.findall(html):
            found = _page_path(site_dir, page, url)
            if found is not None and found.suffix != ".html":
                files.add(found)
                if found.suffix == ".js":  # and the scripts it loads beside it (search.js, edition.js loads it)
                    files |= set(found.parent.glob("*.js"))
        worker = SEARCH_WORKER.search(html)
        if worker:
            found = _page_path(site_dir, page, worker.group(1))
            if found is not None:
                files |= {found, *found.parent.glob("*.js")}  # Material's and the edition's (edition-search.js)
                lunr = found.parent.parent / "lunr" / "min"
                if lang != "en":  # what Material's worker imports for a language other than English
                    files |= {p for p in (lunr / "lunr.stemmer.support.min.js", lunr / f"lunr.{lang}.min.js") if p.is_file()}
    search = [pages_root / "search" / "search_index.json", pages_root / "search" / f"{slug}.json", pages_root / "search.json"]
    files |= {p for p in search if p.is_file()}
    # Each release's comparison with today's text: what a page opened from a citation shows
    # (versions.js, beside edition.js, comes with the scripts).
    files |= set((pages_root / slug / "releases").glob("*.json"))
    hints = pages_root / slug / "glossary" / "hints.json"
    if hints.is_file():
        files.add(hints)
    listed = {}
    for path in sorted(files):
        # Relative to the language's root; a file of the site's root that an English page of
        # a language site of its own loads (Zensical: tables.css) is ../assets/…
        rel = Path(os.path.relpath(path, root)).as_posix()
        listed[rel.removesuffix("index.html")] = _digest(path)
    return listed


def write_offline_worker(project: Project, site_dir: Path, live_reload: bool = False) -> dict[str, dict[str, int]]:
    """Write sw.js at each language's root; return {sw.js path: {set: files}}."""
    worker = WORKER.read_text(encoding="utf-8")
    by_root: dict[Path, dict[str, dict[str, str]]] = {}
    for lang in LANGUAGES:
        pages_root = site_dir if lang == DEFAULT_LANGUAGE else site_dir / lang
        for report in project.reports:
            if (pages_root / report.slug / "index.html").is_file():
                by_root.setdefault(language_root(site_dir, lang), {})[f"{lang}/{report.slug}"] = report_set(project, site_dir, lang, report.slug)
    written: dict[str, dict[str, int]] = {}
    for root, sets in by_root.items():
        path = root / NAME
        if live_reload:
            path.write_text(UNREGISTER, encoding="utf-8")
        else:
            version = hashlib.sha256(json.dumps(sets, sort_keys=True).encode("utf-8")).hexdigest()[:16]
            head = f"var VERSION = {json.dumps(version)};\nvar SETS = {json.dumps(sets, sort_keys=True, separators=(',', ':'))};\n"
            path.write_text(minify_js(head + worker) + "\n", encoding="utf-8")
        written[path.relative_to(site_dir).as_posix()] = {name: len(files) for name, files in sets.items()}
    return written
