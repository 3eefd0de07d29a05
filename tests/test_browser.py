"""What a reader sees, in the system Chromium driven by Playwright.

A missing browser fails these tests (it never skips them): run `make browser`, or set
CHROMIUM to the browser's path.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
# As root and on a closed network: no sandbox, and none of Chromium's own background traffic.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    for candidate in [os.environ.get("CHROMIUM", ""), *CANDIDATES, shutil.which("chromium") or ""]:
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("no Chromium found: run `make browser` (installs Debian's chromium) or set CHROMIUM=/path/to/chromium")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(site) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened in the browser, with every request and console error recorded."""

    def __init__(self, browser, server: str, path: str, width: int = 1280) -> None:
        self.server = server
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failures.append(r.url))
        self.page.on("response", lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(server + path)
        self.page.wait_for_load_state("networkidle")

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.server) and not url.startswith("data:")]


PAGES = [
    "/",
    "/yushan-2023/",
    "/yushan-2023/part-1/",
    "/yushan-2023/part-2/",
    "/yushan-2023/part-3/",
    "/yushan-2023/editorial-notes/",
    "/yushan-2023/glossary/",
]


@pytest.mark.parametrize("path", PAGES + ["/en" + p for p in PAGES])
def test_page_loads_cleanly_and_stays_on_this_site(browser, server, path):
    visit = Visit(browser, server, path)
    assert visit.page.locator("h1").count() == 1
    assert visit.outside() == []
    assert visit.failures == []
    assert visit.errors == []
    visit.page.close()


def test_both_languages_show_the_report(browser, server):
    zh = Visit(browser, server, "/yushan-2023/part-1/")
    assert zh.page.locator("h1").inner_text().startswith("一、2023年度推进法治政府建设的主要举措和成效")
    assert "1162个事项进驻政务服务大厅" in zh.page.locator("#p-1-2-1").inner_text()
    en = Visit(browser, server, "/en/yushan-2023/part-1/")
    assert en.page.locator("h1").inner_text().startswith("I. Main Measures")
    assert "1,162 items" in en.page.locator("#p-1-2-1").inner_text()
    assert en.page.locator(".translation-notice").is_visible()


def test_language_switch_goes_to_the_same_page(browser, server):
    visit = Visit(browser, server, "/yushan-2023/part-2/")
    link = visit.page.locator('a.md-select__link[hreflang="en"]')
    visit.page.goto(server + "/yushan-2023/part-2/" + link.get_attribute("href"))
    assert visit.page.url.endswith("/en/yushan-2023/part-2/")
    assert visit.page.locator("h1").inner_text().startswith("II.")


def test_restoration_leads_to_its_note(browser, server):
    visit = Visit(browser, server, "/yushan-2023/part-1/")
    visit.page.locator("#p-1-1-3 a.restoration").click()
    visit.page.wait_for_url("**/editorial-notes/#r-1")
    assert "828日" in visit.page.locator("#r-1").inner_text()


def test_readable_on_a_phone(browser, server):
    for path in ("/yushan-2023/part-1/", "/en/yushan-2023/part-1/"):
        visit = Visit(browser, server, path, width=375)
        overflow = visit.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, path
        size = visit.page.evaluate("parseFloat(getComputedStyle(document.querySelector('#p-1-1-1')).fontSize)")
        assert size >= 14, path
