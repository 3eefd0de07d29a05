"""Driving the system Chromium with Playwright: find the browser, visit a page, record it.

A missing browser fails the tests that need it (it never skips them): run `make browser`,
or set CHROMIUM to the browser's path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from edition.generators.browser import find_test_browser, rendered, wait_until

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

# True once no CSS transition or finite animation is running: the state a reader sees when
# the page has come to rest. Material fades its search results in (opacity, 0.4 s); axe
# read mid-fade finds text lighter than it will be (#7b7b7b, 4.23:1, instead of #757575).
SETTLED = "document.getAnimations().every(a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"


def settle(page) -> None:
    """Wait until the page is at rest: every transition and finite animation has ended."""
    wait_until(page, SETTLED)


def chromium_path() -> str:
    """The system Chromium's headless shell, or else the full browser (find_test_browser);
    its absence fails the test (never a skip)."""
    path = find_test_browser()
    if path is None:
        pytest.fail("no Chromium found: run `make browser` (installs Debian's chromium and chromium-headless-shell) or set CHROMIUM=/path/to/chromium")
    return path


class Visit:
    """A page opened in the browser and rendered (edition.generators.browser.rendered), with
    every request and console error recorded; `idle`: and its network idle, for a test that
    judges what the page fetched, or did not, before a reader did anything."""

    def __init__(self, browser, server: str, path: str, width: int = 1280, idle: bool = False) -> None:
        phone = width < 600  # a phone: touch, no hover (CSS `hover: none`), as Lighthouse's mobile run
        self.server = server
        self.requests: list[str] = []
        self.failures: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failures.append(r.url))
        self.page.on("response", lambda r: self.failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.goto(server + path)
        rendered(self.page)
        if idle:
            self.page.wait_for_load_state("networkidle")

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.server) and not url.startswith("data:")]


def axe_violations(visit) -> list[str]:
    """axe-core's violations on a page (a Visit, or a Playwright page) at rest."""
    page = getattr(visit, "page", visit)
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci` (make test does)")
    settle(page)  # judge what a reader sees at rest, not a frame of a fade-in
    # Evaluated through the DevTools protocol: a <script> tag added to the page would be
    # refused by the page's Content-Security-Policy, as any script the site did not write.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    # Only the violations come back: axe's whole result (every node of every rule passed)
    # took two thirds of the time of a run, in Playwright's serialisation alone.
    violations = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(result => result.violations)", TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]} {v['nodes'][0]['failureSummary']}" for v in violations]
