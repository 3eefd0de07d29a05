"""The Content-Security-Policy of every page (edition.csp): what the site itself runs is
allowed, and a script smuggled into a page is not.

A crawl of every built page records each CSP violation (the securitypolicyviolation
event, and Chromium's console report) while a reader uses the page: search, the Cite
dialog, the glossary tooltips, the language switch. The probe pages prove that the
recorder sees a violation and that the policy is what blocks the script.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browsing import settle
from crawling import FLUSH, RECORD  # the recorder of every violation, before the page's first script
from playwright.sync_api import expect

from edition.generators.browser import wait_until
from edition.passes.csp import inline_script_hashes, policy, source_hash, with_csp


class Recorder:
    """A browser context whose every page reports its CSP violations into `found`."""

    def __init__(self, browser) -> None:
        self.found: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.add_init_script(RECORD)

    def open(self, url: str):
        page = self.context.new_page()
        page.on("console", lambda m: self.found.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return page

    def close(self, page) -> None:
        """Collect the page's violations (after queued events have fired), then close it."""
        page.evaluate(FLUSH)
        self.found.extend(page.evaluate("window.cspSeen"))
        page.close()


def site_pages(site: Path) -> list[str]:
    return ["/" + p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html"))]


def use_search(page, query: str) -> None:
    page.keyboard.press("s")
    field = page.locator("input.md-search__input")
    field.fill(query)  # as an input method inserts Chinese: no key event per character
    field.dispatch_event("keyup")
    page.wait_for_selector(".md-search-result__item")
    settle(page)
    page.keyboard.press("Escape")


def test_every_page_has_a_policy_before_its_first_script(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
        assert len(metas) == 1, path
        assert html.index("Content-Security-Policy") < html.index("<script"), path
        assert html.index("<meta charset") < 1024, path
        for expression in inline_script_hashes(html):
            assert expression in metas[0], (path, expression)
        assert "'unsafe-eval'" not in metas[0] and "'unsafe-inline'" not in metas[0]


def test_policy_is_computed_from_the_page():
    page = "<html><head><meta charset='utf-8'><script>alert(1)</script><script src='a.js'></script></head></html>"
    # The SHA-256 of "alert(1)", as CSP writes it (base64).
    assert source_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"
    assert inline_script_hashes(page) == [source_hash("alert(1)")]
    written = policy(page)
    assert written.startswith("default-src 'self'; script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='; ")
    for directive in ("object-src 'none'", "base-uri 'self'", "img-src 'self' data:"):
        assert directive in written
    assert "'unsafe-eval'" not in written
    assert source_hash("a\r\nb") == source_hash("a\nb")  # as the HTML parser normalises
    html = with_csp(page)
    assert html.index("Content-Security-Policy") > html.index("charset") and html.index("Content-Security-Policy") < html.index("<script")
    assert with_csp(html) == html  # a second run replaces the policy, never adds one
    assert with_csp("<p>a fragment</p>") is None
    assert "script-src 'self' 'unsafe-inline';" in policy(page, live_reload=True)
    styled = '<style>p{}</style><p style="color: red">x</p><script>var s = "<i style=x>"</script>'
    assert f"; style-src 'self' {source_hash('p{}')} 'unsafe-hashes' {source_hash('color: red')};" in policy(styled)
    assert "; style-src 'self'; " in policy(page)  # no inline style, no hash, no 'unsafe-hashes'


def test_a_crawl_of_every_page_meets_no_violation(browser, server, site, crawled):
    """Every page, loaded and used as a reader would (Cite, scrolling, a term hint: the session's
    one crawl, tests/crawling.py); then search, and the language switch."""
    assert sorted(crawled) == sorted(site_pages(site))
    assert {path: visit.csp for path, visit in crawled.items() if visit.csp} == {}
    recorder = Recorder(browser)
    for path, query in (("/", "行政复议"), ("/en/yushan-2023/part-2/", "reconsideration")):
        page = recorder.open(server + path)
        use_search(page, query)
        recorder.close(page)
    page = recorder.open(server + "/yushan-2023/part-2/")
    page.locator(".md-header__option .md-select").hover()
    with page.expect_navigation(wait_until="networkidle"):
        page.locator('a.md-select__link[hreflang="en"]').click()
    assert page.url.endswith("/en/yushan-2023/part-2/")
    use_search(page, "courts")
    recorder.close(page)
    recorder.context.close()
    assert recorder.found == []


INJECTED = '<script>window.injected = true</script><img alt="" src="../assets/images/favicon.png" onload="window.handler = true">'


@pytest.fixture
def probe(site):
    """A copy of the cover page with a script and an event handler in its content, as a
    contributed page would carry them; removed afterwards."""
    folder = site / "csp-probe"
    folder.mkdir()
    html = (site / "yushan-2023" / "index.html").read_text(encoding="utf-8")
    assert "</article>" in html
    yield folder / "index.html", html.replace("</article>", INJECTED + "</article>", 1)
    for file in folder.iterdir():
        file.unlink()
    folder.rmdir()


def test_an_injected_script_is_blocked_and_reported(browser, server, probe):
    path, html = probe
    path.write_text(html, encoding="utf-8")  # the built page's policy, which does not list the injected script
    recorder = Recorder(browser)
    page = recorder.open(server + "/csp-probe/")
    # Both are refused and reported (the crawl above would fail on such a page) …
    wait_until(page, "window.cspSeen.length >= 2")
    expect(page.locator("article img[alt='']")).to_have_js_property("complete", True)
    # … and neither ran: the image loaded, its handler did not fire.
    assert page.evaluate("[typeof window.injected, typeof window.handler]") == ["undefined", "undefined"]
    recorder.close(page)
    recorder.context.close()
    events = sorted(v.split(" at ")[0] for v in recorder.found if " blocked " in v)
    assert events == ["script-src-attr blocked inline", "script-src-elem blocked inline"], recorder.found
    assert any(v.startswith("Executing inline script violates") for v in recorder.found), recorder.found  # the console too


def test_without_the_policy_the_injected_script_runs(browser, server, probe):
    """The control: the same page with its policy removed runs both, so the policy is
    what blocks them."""
    path, html = probe
    path.write_text(re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html), encoding="utf-8")
    recorder = Recorder(browser)
    page = recorder.open(server + "/csp-probe/")
    wait_until(page, "window.injected === true && window.handler === true")
    recorder.close(page)
    recorder.context.close()
    assert recorder.found == []


def test_waiting_on_a_condition_works_under_the_policy_and_names_a_timeout(browser, server):
    """wait_until is how the browser tests wait (wait_for_function's eval is refused here)."""
    recorder = Recorder(browser)
    page = recorder.open(server + "/")
    wait_until(page, "document.querySelector('h1') !== null && arg === 7", arg=7)
    with pytest.raises(Exception, match=r"timed out after 200 ms waiting until: window\.never === true"):
        wait_until(page, "window.never === true", timeout_ms=200)
    recorder.close(page)
    recorder.context.close()
    assert recorder.found == []
