"""Size budgets (bytes, not timings): what a reader on a slow phone connection downloads.

First view: the gzip size of a page's HTML and of everything the browser fetches to show it
(edition/workbench/measure.py). A report's cover and section pages, and every other page, stay within
the heaviest page of Material's plain default stack (75 KB); the whole-report pages (side by
side, print) and the glossary, which are long by nature, within 90 KB.
"""

from __future__ import annotations

import re

from edition.workbench.measure import first_search, site_pages

PAGE_BUDGET = 75 * 1024  # gzip, per page
LONG_PAGES = re.compile(r"/(?:parallel|print|revisions|glossary(?:-\d+)?)/$")  # glossary/, glossary-2/ …
LONG_PAGE_BUDGET = 90 * 1024  # gzip: side by side, print, glossary, revision history
FIRST_SEARCH_BUDGET = 80 * 1024  # gzip, per language: what the first search downloads


def budget(path: str) -> int:
    return LONG_PAGE_BUDGET if LONG_PAGES.search(path) else PAGE_BUDGET


def test_budget_of_each_page():
    assert budget("/en/yushan-2023/part-1/") == budget("/yushan-2023/") == budget("/") == 75 * 1024
    assert budget("/en/yushan-2023/parallel/") == budget("/yushan-2023/print/") == budget("/en/yushan-2023/glossary/") == 90 * 1024
    assert budget("/yushan-2023/glossary-2/") == 90 * 1024 and budget("/yushan-2023/glossary-notes/") == 75 * 1024
    assert budget("/yushan-2023/revisions/") == 90 * 1024


def test_every_page_first_view_within_budget(crawled, site):
    """Every page's first view, in the session's one crawl of the site (tests/crawling.py)."""
    over, sizes = {}, {}
    assert sorted(crawled) == sorted(site_pages(site))
    for path, visit in crawled.items():
        view = visit.view
        assert view.files, path
        assert view.outside == (), (path, view.outside)
        sizes[path] = view.gzip_bytes
        if view.gzip_bytes > budget(path):
            over[path] = (view.gzip_bytes, budget(path))
    assert over == {}
    # Every kind of page was measured: covers and sections of both languages, and the long pages.
    for path in (
        "/yushan-2023/",
        "/en/yushan-2023/",
        "/yushan-2023/part-1/",
        "/en/yushan-2023/part-1/",
        "/en/yushan-2023/glossary/",
        "/yushan-2023/parallel/",
        "/en/yushan-2023/print/",
    ):
        assert path in sizes, path


def test_first_search_within_budget(site):
    # Stricter than the index alone: the worker, the lunr language support, the site-wide
    # index and the largest report's index, all that a first search on a page downloads.
    searches = first_search(site)
    assert set(searches) == {"zh", "en"}
    for lang, search in searches.items():
        assert any(name.endswith("/edition-search.js") for name in search.files), search.files
        assert 0 < search.index_bytes < search.total <= FIRST_SEARCH_BUDGET, (lang, search.files)
