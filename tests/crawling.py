"""One visit of every built page, shared by the tests that read every page: what the browser
fetched to show it (its first view: tests/test_budgets.py; requests outside the site, failed
requests and console errors: tests/test_browser.py), what axe-core finds on it at rest
(tests/test_accessibility.py, and the desktop cases of tests/test_desk.py), and each
Content-Security-Policy violation while a reader uses it (tests/test_csp.py). Three crawls of
some thirty pages, and single visits of the same pages, were half the suite's CPU time.

Each page is opened once, in a browser context of its own (nothing cached: a first visit's
first view), on a desktop (DESKTOP × 900), a few at a time (loaded_together); it is measured
when the network has fallen idle, judged by axe at rest, then used as a reader would (Cite,
scrolling, a term hint), with every violation recorded from before its first script.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from browsing import axe_violations
from playwright.sync_api import expect

from edition.generators.browser import loaded_together, wait_until
from edition.workbench.measure import FirstView, site_pages, view_of

# Runs before any script of each page (Playwright's init scripts are not subject to CSP).
RECORD = """
window.cspSeen = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.cspSeen.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.documentURI + ":" + e.lineNumber);
});
"""
# A violation event is queued as a task: a task queued after it has run once it is in.
FLUSH = "new Promise(resolve => setTimeout(resolve, 0))"


DESKTOP = 1366  # as tests/test_desk.py's desktop


@dataclass(frozen=True)
class PageVisit:
    path: str
    view: FirstView  # what a first visit fetched, and its gzip size
    failures: list[str]  # requests that failed or were answered 400 or more, until idle
    errors: list[str]  # console errors, until idle
    headings: int  # its <h1> elements
    axe: list[str]  # axe-core's violations at rest
    csp: list[str]  # violations of the page's policy, at load and in use


def use_like_a_reader(page, path: str) -> None:
    """Open and close a Cite dialog, scroll (Material moves its header and sidebars), and
    open a term hint on an English page (it fetches hints.json: connect-src must allow it)."""
    cite = page.locator("button.para-cite, button.cite-report").first
    if cite.count():
        cite.click()
        expect(page.locator("dialog.cite-dialog")).to_be_visible()
        page.keyboard.press("Escape")
        expect(page.locator("dialog.cite-dialog")).to_have_count(0)
    page.mouse.wheel(0, 1500)
    wait_until(page, "window.scrollY > 0 || document.documentElement.scrollHeight <= window.innerHeight")
    term = page.locator(".md-content a.gloss").first
    if term.count() and path.startswith("/en/"):  # hints are on by default in English
        term.hover()
        expect(page.locator("#term-hint:not([hidden])")).to_be_visible()


def crawl(browser, server: str, site: Path) -> dict[str, PageVisit]:
    return loaded_together(site_pages(site), lambda path: Opened(browser, server, path), lambda opened: opened.visit(site))


class Opened:
    """A page opened (loaded) in a context of its own, every request, failure and console
    message recorded from its start."""

    def __init__(self, browser, server: str, path: str) -> None:
        self.server, self.path = server, path
        self.context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
        self.context.add_init_script(RECORD)
        self.page = page = self.context.new_page()
        self.urls: list[str] = []
        self.failures: list[str] = []
        self.console: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("requestfailed", lambda request: self.failures.append(request.url))
        page.on("response", lambda response: self.failures.append(f"{response.status} {response.url}") if response.status >= 400 else None)
        page.on("console", lambda message: self.console.append(message.text) if "Content Security Policy" in message.text else None)
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.goto(server + path)

    def visit(self, site: Path) -> PageVisit:
        """Once the network is idle: what the page fetched, axe at rest, then a reader's use."""
        page, path = self.page, self.path
        page.wait_for_load_state("networkidle")
        view = view_of(list(self.urls), self.server, site, path)
        loaded = (list(self.failures), list(self.errors), page.locator("h1").count())
        axe = axe_violations(page)
        use_like_a_reader(page, path)
        page.evaluate(FLUSH)
        found = PageVisit(path, view, *loaded, axe, self.console + page.evaluate("window.cspSeen"))
        self.context.close()
        return found
