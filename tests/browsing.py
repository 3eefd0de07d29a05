"""Driving the system Chromium with Playwright: find the browser, visit a page, record it.

A missing browser fails the tests that need it (it never skips them): run `make browser`,
or set CHROMIUM to the browser's path.
"""

from __future__ import annotations

import pytest

from edition.generators.browser import find_chromium, wait_until

# True once no CSS transition or finite animation is running: the state a reader sees when
# the page has come to rest. Material fades its search results in (opacity, 0.4 s); axe
# read mid-fade finds text lighter than it will be (#7b7b7b, 4.23:1, instead of #757575).
SETTLED = "document.getAnimations().every(a => a.playState !== 'running' || a.effect.getComputedTiming().iterations === Infinity)"


def settle(page) -> None:
    """Wait until the page is at rest: every transition and finite animation has ended."""
    wait_until(page, SETTLED)


def chromium_path() -> str:
    """The system Chromium; its absence fails the test (never a skip)."""
    path = find_chromium()
    if path is None:
        pytest.fail("no Chromium found: run `make browser` (installs Debian's chromium) or set CHROMIUM=/path/to/chromium")
    return path


class Visit:
    """A page opened in the browser, with every request and console error recorded."""

    def __init__(self, browser, server: str, path: str, width: int = 1280) -> None:
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
        self.page.wait_for_load_state("networkidle")

    def outside(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.server) and not url.startswith("data:")]
