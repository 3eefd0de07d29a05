"""axe-core finds no violation on any page, in either language: WCAG 2.1 A and AA, and
axe's best practices (Lighthouse's accessibility score counts some, such as a name for
every dialog).

axe-core comes from npm (package.json, installed by `make test`); a missing copy fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browsing import Visit, axe_violations  # noqa: F401 - the other tests import axe_violations from here

from conftest import ROOT
from edition.generators.browser import wait_until


def site_pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        pages.append("/" + rel.removesuffix("index.html"))
    return pages


def test_every_page_is_checked(site):
    pages = site_pages(site)
    assert "/en/yushan-2023/part-1/" in pages and "/yushan-2023/glossary/" in pages and "/404.html" in pages and "/en/404.html" in pages
    assert len(pages) == 2 * len(list((ROOT / "docs").rglob("*.en.md"))) + 2  # both languages, and a 404 each


def test_no_violations_on_any_page(crawled, site):
    """axe on every page, at rest, in the session's one crawl of the site (tests/crawling.py)."""
    assert sorted(crawled) == sorted(site_pages(site))
    assert {path: visit.axe for path, visit in crawled.items() if visit.axe} == {}


@pytest.mark.parametrize("path", ["/", "/en/yushan-2023/part-1/"])
def test_no_violations_with_search_open(browser, server, path):
    visit = Visit(browser, server, path)
    visit.page.keyboard.press("s")
    # One input and a wait for the results stamped as answering it: typed key by key, the
    # answers to "l" and "la" could still be replacing the list while axe reads it.
    visit.page.keyboard.insert_text("law")
    visit.page.keyboard.press("End")
    wait_until(visit.page, "document.querySelector('.md-search-result').dataset.answered === 'law'")
    assert axe_violations(visit) == []


@pytest.mark.parametrize("path", ["/yushan-2023/part-1/", "/en/yushan-2023/glossary/"])
def test_no_violations_at_phone_width(browser, server, path):
    assert axe_violations(Visit(browser, server, path, width=375)) == []


def test_keyboard_reaches_the_content_and_the_search(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/part-1/")
    visit.page.keyboard.press("Tab")
    first = visit.page.evaluate("document.activeElement.textContent.trim()")
    assert first in ("Skip to content", "跳转至")
    visit.page.keyboard.press("Enter")
    visit.page.keyboard.press("s")
    wait_until(visit.page, "document.activeElement.classList.contains('md-search__input')")
