"""Size budgets (bytes, not timings): what a reader on a slow phone connection downloads."""

from __future__ import annotations

from edition.measure import first_search, first_view, site_pages

FIRST_VIEW_BUDGET = 100 * 1024  # gzip, per page
FIRST_SEARCH_BUDGET = 80 * 1024  # gzip, per language: what the first search downloads


def test_every_page_first_view_within_budget(browser, server, site):
    over = {}
    for path in site_pages(site):
        view = first_view(browser, server, site, path)
        assert view.files, path
        assert view.outside == (), (path, view.outside)
        if view.gzip_bytes > FIRST_VIEW_BUDGET:
            over[path] = view.gzip_bytes
    assert over == {}


def test_first_search_within_budget(site):
    # Stricter than the index alone: the worker, the lunr language support, the site-wide
    # index and the largest report's index, all that a first search on a page downloads.
    searches = first_search(site)
    assert set(searches) == {"zh", "en"}
    for lang, search in searches.items():
        assert any(name.endswith("/edition-search.js") for name in search.files), search.files
        assert 0 < search.index_bytes < search.total <= FIRST_SEARCH_BUDGET, (lang, search.files)
