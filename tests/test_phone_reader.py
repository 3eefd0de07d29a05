"""The public reader on a phone (issue 25), in Chromium on a phone screen (touch, no hover),
in both languages: offline after one visit, the contents at hand, a stable page for a thumb
and a zoom, and a search that says what its results mean.

Layout shift and valid HTML have their own files (test_layout_shift.py, test_valid_html.py);
the words of Chinese pages are read from the built HTML in test_page_language.py.
"""

from __future__ import annotations

import re
import shutil

import pytest
from browsing import settle
from playwright.sync_api import expect

from conftest import ROOT
from edition.generators.browser import loaded_together, rendered, serve, wait_until
from edition.model.project import Project
from edition.passes.offline import write_offline_worker
from edition.workbench.search_queries import ask

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ROOTS = {"zh": "/yushan-2023/", "en": "/en/yushan-2023/"}

# Ask the page's service worker to keep its report, and wait for its answer (it keeps it
# once the page has loaded anyway; the same request returns the same download).
KEEP = """() => new Promise((resolve, reject) => {
  navigator.serviceWorker.addEventListener("message", e => { if (e.data && e.data.type === "kept") resolve(e.data); });
  navigator.serviceWorker.ready.then(r => (navigator.serviceWorker.controller || r.active).postMessage({type: "keep"}), reject);
})"""
OFFLINE_CACHES = "() => caches.keys().then(names => names.filter(n => n.startsWith('edition-offline-')))"
# Runs before the page's scripts: records, in the page's own order, its load event and each
# registration of a service worker (the order of Playwright's events from the page and from
# the worker, which reach the test by separate ways, is not the browser's).
ORDER = """window.editionOrder = [];
addEventListener("load", () => window.editionOrder.push("load"));
const register = ServiceWorkerContainer.prototype.register;
ServiceWorkerContainer.prototype.register = function (...args) {
  window.editionOrder.push("register");
  return register.apply(this, args);
};"""


def phone_context(browser, **options):
    return browser.new_context(**{**PHONE, **options})


def open_search(page, query: str, server: str) -> list[str]:
    page.locator("label.md-header__button[for='__search']").first.tap()
    expect(page.locator(".search-scope")).to_be_attached()  # the search's own script has come
    found, _elapsed = ask(page, server, query)
    return found


def tap_hint(page, lang: str) -> str:
    """Switch the hints on if off (the Chinese default), tap the first mark: the hint's text."""
    switch = page.locator(".hints-switch")
    if switch.get_attribute("aria-checked") != "true":
        switch.tap()
    page.locator(".md-content a.gloss").first.tap()
    hint = page.locator("#term-hint")
    expect(hint).to_be_visible()
    return hint.inner_text()


# --- Offline ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_after_one_visit_the_report_reads_offline(browser, server, lang):
    context = phone_context(browser, service_workers="allow")
    context.add_init_script(ORDER)
    fetched: list[str] = []
    page = context.new_page()
    context.on("request", lambda request: fetched.append(request.url) if request.service_worker else None)
    page.goto(server + ROOTS[lang] + "part-1/")
    kept = page.evaluate(KEEP)
    assert kept["set"] == f"{lang}/yushan-2023"
    # The worker came after the page had loaded (it added nothing to the first view), and
    # fetched the report for offline reading.
    assert page.evaluate("window.editionOrder") == ["load", "register"]
    assert any(url.endswith(f"{ROOTS[lang]}part-3/") for url in fetched), fetched[:20]
    context.set_offline(True)
    # Another part, from the cover's contents: two taps away at most.
    page.goto(server + ROOTS[lang])
    page.locator(".edition-contents a[href='part-1/#s-1-5']").tap()
    page.wait_for_url("**/part-1/#s-1-5")
    expect(page.locator("#s-1-5")).to_be_in_viewport()
    page.goto(server + ROOTS[lang] + "part-3/")
    expect(page.locator("h1")).to_contain_text("2024" if lang == "zh" else "2024")
    assert open_search(page, "行政复议" if lang == "zh" else "reconsideration", server)[0].startswith(ROOTS[lang])
    page.goto(server + ROOTS[lang] + "part-1/")
    hint = tap_hint(page, lang)
    assert hint and "未能加载" not in hint and "could not be loaded" not in hint, hint
    # A page of the other language, not kept: it says so in its language.
    other = "en" if lang == "zh" else "zh"
    page.goto(server + ROOTS[other] + "part-2/")
    expect(page.locator("body")).to_contain_text("This page was not saved" if other == "en" else "此页未保存")
    context.close()


def test_a_new_build_replaces_the_offline_copy(browser, site, tmp_path):
    """A changed page makes a new sw.js; the browser installs it at the next visit, in the
    background, and the old copy is deleted: offline, the reader gets the new page."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    with serve(copy) as base:
        context = phone_context(browser, service_workers="allow")
        page = context.new_page()
        page.goto(base + "/yushan-2023/part-2/")
        page.evaluate(KEEP)
        old = page.evaluate(OFFLINE_CACHES)
        assert len(old) == 1
        part2 = copy / "yushan-2023" / "part-2" / "index.html"
        part2.write_text(part2.read_text(encoding="utf-8").replace("</article>", '<p id="new-build">新版本</p></article>'), encoding="utf-8")
        write_offline_worker(Project(ROOT), copy)
        # The new worker takes over, then (activated) has deleted the old copy.
        page.evaluate(
            """() => new Promise(resolve => {
              navigator.serviceWorker.addEventListener("controllerchange", () => {
                const worker = navigator.serviceWorker.controller;
                if (worker.state === "activated") resolve();
                worker.addEventListener("statechange", () => worker.state === "activated" && resolve());
              });
              navigator.serviceWorker.ready.then(r => r.update());
            })"""
        )
        new = page.evaluate(OFFLINE_CACHES)
        assert len(new) == 1 and new != old, (old, new)
        context.set_offline(True)
        page.goto(base + "/yushan-2023/part-2/")
        expect(page.locator("#new-build")).to_have_text("新版本")
        context.close()


NO_RESULTS = {"zh": "没有找到符合条件的结果", "en": "No matching documents"}


@pytest.mark.parametrize(
    ("lang", "search_says", "hint_says", "script_fails"),
    [
        ("zh", "搜索索引未能加载（可能已离线）。", "术语提示未能加载（可能已离线）。", "first"),
        ("en", "The search index could not be loaded (you may be offline).", "The term hint could not be loaded (you may be offline).", "last"),
    ],
)
def test_offline_without_a_copy_the_page_says_what_could_not_load(browser, server, lang, search_says, hint_says, script_fails):
    """No offline copy (the worker blocked): search and hints say they could not load,
    never "no results" — whether the search's script fails before Material has answered
    "no results" ("first") or after it ("last": the request is held until then)."""
    context = phone_context(browser)
    page = context.new_page()
    held = []
    if script_fails == "last":
        page.route("**/assets/javascripts/search.js", lambda route: held.append(route))
    page.goto(server + ROOTS[lang] + "part-1/")
    page.wait_for_load_state("networkidle")
    context.set_offline(True)
    assert tap_hint(page, lang) == hint_says
    page.locator("label.md-header__button[for='__search']").first.tap()
    field = page.locator("input.md-search__input")
    field.fill("行政复议" if lang == "zh" else "reconsideration")
    field.dispatch_event("keyup")
    meta = page.locator(".md-search-result__meta")
    if script_fails == "last":
        expect(meta).to_contain_text(NO_RESULTS[lang])
        assert len(held) == 1, held
        held[0].abort()
    expect(meta).to_have_text(search_says)
    context.close()


def test_the_preview_worker_removes_the_offline_copy(tmp_path, site):
    """Under `make serve`, sw.js is a worker that deletes the copies and unregisters itself."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    write_offline_worker(Project(ROOT), copy, live_reload=True)
    text = (copy / "sw.js").read_text(encoding="utf-8")
    assert "unregister()" in text and "SETS" not in text and 'addEventListener("fetch"' not in text


# --- Contents, Chinese pages --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_contents_are_at_hand(browser, server, lang):
    """The cover lists the parts and sections above its metadata table: （五）/(V) of Part I is
    one tap away; each part page lists its sections at the top on a phone, not on a desktop."""
    context = phone_context(browser)
    page = context.new_page()
    page.goto(server + ROOTS[lang])
    contents = page.locator(".edition-contents")
    table = page.locator(".md-typeset__scrollwrap").first
    assert contents.bounding_box()["y"] < table.bounding_box()["y"]
    assert contents.locator("a").count() == 3 + 5  # three parts, Part I's five sections
    contents.locator("a", has_text="（五）" if lang == "zh" else "(V)").tap()
    page.wait_for_url("**/part-1/#s-1-5")
    expect(page.locator("#s-1-5")).to_be_in_viewport()
    page.goto(server + ROOTS[lang] + "part-1/")
    expect(page.locator(".edition-contents--page")).to_be_visible()
    assert page.locator(".edition-contents--page a").count() == 5
    context.close()
    desk = browser.new_page(viewport={"width": 1366, "height": 900})
    desk.goto(server + ROOTS[lang] + "part-1/")
    expect(desk.locator(".edition-contents--page")).to_be_hidden()  # the rail beside the text lists them
    desk.close()


@pytest.mark.parametrize(
    ("address", "lands", "says"),
    [("/yushan-2023/nowhere/", "/yushan-2023/nowhere/", "页面不存在"), ("/en/yushan-2023/nowhere/", "/en/404.html", "Page not found")],
)
def test_a_mistyped_address_gets_a_page_in_its_language(browser, server, address, lands, says):
    from edition.passes.ui_language import foreign_ui

    page = browser.new_page(**PHONE)
    page.goto(server + address)
    page.wait_for_url("**" + lands)
    expect(page.locator(".md-content")).to_contain_text(says)
    assert foreign_ui(page.content()) == []
    assert page.locator("html").get_attribute("lang") == ("en" if "/en/" in address else "zh")
    page.close()


def test_every_chinese_page_says_it_is_unofficial(site):
    for path in sorted(site.rglob("index.html")):
        if path.relative_to(site).parts[0] == "en":
            continue
        html = path.read_text(encoding="utf-8")
        assert '<p class="translation-notice">非官方整理本，以玉山县人民政府发布的原文为准。</p>' in html, path


# --- A thumb, a zoom --------------------------------------------------------------------------

TARGETS = """(selector) => Array.from(document.querySelectorAll(selector)).map(row => Array.from(row.children)
  .filter(child => child.offsetParent).map(child => { const r = child.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }))"""


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_paragraph_tools_fit_a_thumb(browser, server, lang):
    """Each tool at least 44 × 44 px, 8 px apart, in one row at 320 px even with the longer
    "Report an error" label; the side-by-side rows' Cite and Report likewise."""
    context = phone_context(browser, viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(server + ROOTS[lang] + "part-1/")
    expect(page.locator("#p-1-1-1 .para-report")).to_be_attached()
    page.evaluate(
        "() => document.querySelectorAll('.para-report').forEach(a => { a.textContent = a.textContent.length < 4 ? '报告错误' : 'Report an error'; })"
    )
    for rows in (page.evaluate(TARGETS, ".md-content p[id] > .para-links"),):
        assert len(rows) > 10
        for row in rows:
            assert len(row) == 4, row
            assert all(w >= 44 and h >= 44 for _x, _y, w, h in row), row
            assert all(b[0] - (a[0] + a[2]) >= 8 for a, b in zip(row, row[1:], strict=False)), row
            assert len({y for _x, y, _w, _h in row}) == 1 and row[-1][0] + row[-1][2] <= 320, row  # one row, on screen
    page.goto(server + ROOTS[lang] + "parallel/")
    expect(page.locator("#p-1-1-1 .para-report")).to_be_attached()
    for row in page.evaluate(TARGETS, ".parallel-tools")[:20]:
        assert all(w >= 44 and h >= 44 for _x, _y, w, h in row) and all(b[0] - (a[0] + a[2]) >= 8 for a, b in zip(row, row[1:], strict=False)), row
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_paragraph_link_never_carries_the_search(browser, server, lang):
    """Opened from a search result (?h=…): ¶ leads to the page without ?h=, in place, and
    the address loses it once the words are marked."""
    page = browser.new_page(**PHONE)
    query = "行政复议" if lang == "zh" else "reconsideration"
    page.goto(server + ROOTS[lang] + f"part-1/?h={query}#p-1-5-1")
    expect(page.locator(".md-content mark").first).to_be_attached()
    wait_until(page, "!location.search")
    link = page.locator("#p-1-5-2 a.para-link").first
    assert link.evaluate("a => a.href") == server + ROOTS[lang] + "part-1/#p-1-5-2"
    page.evaluate("window.stillHere = true")
    link.tap()
    page.wait_for_url("**/part-1/#p-1-5-2")
    assert page.evaluate("window.stillHere === true")  # followed in place, no reload
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_cite_dialog_on_a_phone(browser, server, lang):
    """Close is on screen without scrolling, and stays there as the dialog scrolls; a tap
    outside and Escape close the dialog."""
    context = phone_context(browser, viewport={"width": 390, "height": 700})
    page = context.new_page()
    page.goto(server + ROOTS[lang] + "part-1/")
    for closing in ("tap outside", "Escape", "scrolled, then Close"):
        page.locator("#p-1-2-1 button.para-cite").tap()
        dialog = page.locator("dialog.cite-dialog")
        expect(dialog).to_be_visible()
        close = dialog.locator("button.cite-close")
        expect(close).to_be_in_viewport()
        box = close.bounding_box()
        assert box["height"] >= 44 and box["y"] + box["height"] <= 700
        if closing == "tap outside":
            dialog_box = dialog.bounding_box()
            assert dialog_box["y"] > 5
            page.touchscreen.tap(195, 3)
        elif closing == "Escape":
            page.keyboard.press("Escape")
        else:
            dialog.evaluate("d => d.scrollTop = d.scrollHeight")
            settle(page)
            expect(close).to_be_in_viewport()
            close.tap()
        expect(page.locator("dialog.cite-dialog")).to_have_count(0)
    context.close()


# Reflow: 320 CSS px and the reader's text at 200% (the browser's default font size doubled).
REFLOW = """() => {
  const width = document.documentElement.clientWidth, sideways = [];
  for (const el of document.querySelectorAll('.md-content *, .md-header *')) {
    const style = getComputedStyle(el);
    // Left out: a visually hidden table head, and the header's titles, cut short with an
    // ellipsis by design (the width the title keeps is measured below).
    const hidden = style.clipPath !== 'none' || el.clientWidth <= 1 || el.classList.contains('md-ellipsis');
    if (!hidden && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') sideways.push((el.className || el.tagName) + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
  const title = document.querySelector('.md-header__title');
  return {page: document.documentElement.scrollWidth - width, sideways,
          title: title.getBoundingClientRect().width / parseFloat(getComputedStyle(title).fontSize)};
}"""
REFLOW_PAGES = ["", "part-1/", "parallel/", "glossary/", "key-figures/", "downloads/", "editorial-notes/", "revisions/"]


def reflow_opened(browser, server: str, path: str, mutate=None):
    """The page loaded at 320 px with the browser's text at 200 %, in a context of its own."""
    context = phone_context(browser, viewport={"width": 320, "height": 700})
    if mutate:
        context.route("**/assets/edition.css", mutate)
    page = context.new_page()
    session = context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    page.goto(server + path)
    return page


def reflow_found(page) -> dict:
    """Once rendered, what of the opened page scrolls sideways or is clipped."""
    rendered(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"  # Material's 125% of 32 px
    found = page.evaluate(REFLOW)
    page.context.close()
    return found


def reflow(browser, server: str, path: str, mutate=None) -> dict:
    return reflow_found(reflow_opened(browser, server, path, mutate))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reflow_at_320_px_and_200_percent_text(browser, server, lang):
    """Nothing scrolls sideways or is clipped (the page, a table, a scroll region), and the
    header title keeps three glyphs or more."""
    found = loaded_together(REFLOW_PAGES, lambda page: reflow_opened(browser, server, ROOTS[lang] + page), reflow_found)
    assert {page: f for page, f in found.items() if f["page"] > 0 or f["sideways"] or f["title"] < 3} == {}


def test_mutation_icons_that_grow_with_the_text_push_the_header_off_the_screen(browser, server):
    def grown(route):
        css = route.fetch().text()
        assert "min(1.2rem,24px)" in css  # as served: minified
        route.fulfill(body=css.replace("min(1.2rem,24px)", "1.2rem").replace("min(0.4rem,8px)", "0.4rem"), content_type="text/css")

    found = reflow(browser, server, ROOTS["zh"], grown)
    assert found["page"] > 0 or found["title"] < 3, found


# --- Honest search --------------------------------------------------------------------------

RESULTS = "() => Array.from(document.querySelectorAll('.md-search-result__item')).map(item => item.innerHTML)"


@pytest.mark.parametrize(
    ("lang", "query", "opening"),
    [("zh", "加强行政复议应诉工作", "（五）加强"), ("en", "modernisation of the system and capacity for social governance", "(VI) Advancing")],
)
def test_snippets_keep_their_brackets_and_no_zero_width_spaces(browser, server, lang, query, opening):
    page = browser.new_page(**PHONE)
    page.goto(server + ROOTS[lang] + "part-3/")
    assert open_search(page, query, server)
    results = page.evaluate(RESULTS)
    assert any(opening in re.sub(r"<[^>]+>", "", html) for html in results), results[:2]
    assert not any("\u200b" in html for html in results)
    page.close()


@pytest.mark.parametrize(
    ("lang", "query", "says", "missing"),
    [
        ("zh", "行政复议 火星", "本报告中没有“行政复议 火星”；以下结果含其中部分词语：", "缺少："),
        ("en", "reconsideration marsupial", "“reconsideration marsupial” is not in this report; these results hold some of its words:", "Missing"),
        ("zh", "火星", "本报告中没有“火星”。", None),
        ("en", "marsupial", "“marsupial” is not in this report.", None),
    ],
)
def test_a_query_the_report_does_not_hold_says_so(browser, server, lang, query, says, missing):
    page = browser.new_page(**PHONE)
    page.goto(server + ROOTS[lang] + "part-1/")
    open_search(page, query, server)
    expect(page.locator(".md-search-result__meta")).to_have_text(says)
    if missing:
        terms = page.locator(".md-search-result__terms").first.inner_text()
        assert terms.startswith(missing) and "*" not in terms and ": " not in terms.replace("Missing: ", ""), terms
    page.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_is_marked_whole(browser, server, lang):
    page = browser.new_page(**PHONE)
    page.goto(server + ROOTS[lang] + "part-1/")
    found = open_search(page, "1,162", server)
    assert found[0] == ROOTS[lang] + "part-1/#p-1-2-1"
    marks = page.locator(".md-search-result__item").first.locator("mark").all_inner_texts()
    assert marks and set(marks) <= {"1,162", "1162"}, marks
    page.goto(server + ROOTS[lang] + "part-1/?h=1%2C162#p-1-2-1")
    wait_until(page, "!location.search")
    expect(page.locator(".md-content mark").first).to_be_attached()
    assert set(page.locator(".md-content mark").all_inner_texts()) <= {"1,162", "1162"}
    page.close()
