"""Size budgets (bytes, not timings): what a reader on a slow phone connection downloads."""

from __future__ import annotations

from edition.measure import first_view, search_indexes, site_pages

FIRST_VIEW_BUDGET = 100 * 1024  # gzip, per page
SEARCH_INDEX_BUDGET = 80 * 1024  # gzip, per language


def test_every_page_first_view_within_budget(browser, server, site):
    over = {}
    for path in site_pages(site):
        view = first_view(browser, server, site, path)
        assert view.files, path
        assert view.outside == (), (path, view.outside)
        if view.gzip_bytes > FIRST_VIEW_BUDGET:
            over[path] = view.gzip_bytes
    assert over == {}


def test_search_index_within_budget(site):
    sizes = search_indexes(site)
    assert set(sizes) == {"zh", "en"}
    for lang, (raw, gzipped) in sizes.items():
        assert 0 < gzipped <= SEARCH_INDEX_BUDGET, (lang, raw, gzipped)
