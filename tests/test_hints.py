"""Term hints (issue 14): marks that name a glossary id, definitions loaded on demand, a
remembered switch. Built-site checks first, then Chromium by mouse, keyboard and touch."""

from __future__ import annotations

import json
import re

from browsing import Visit
from test_accessibility import axe_violations

from conftest import ROOT
from edition.generators.browser import rendered
from edition.model.glossary import Term
from edition.model.project import Project
from edition.passes.hints import PER_PARAGRAPH, is_notable, mark_terms

PART_1 = "/en/yushan-2023/part-1/"
PARAGRAPH = re.compile(r'<p\b[^>]*\bid="(p-[\w-]+)"[^>]*>(.*?)</p>', re.S)
SECTION = re.compile(r"<h[23]\b")
MARK = re.compile(r'<a class="gloss" href="[^"#]*glossary(?:-\d+)?/#term-([\w-]+)">([^<]*)</a>')


def glossary_terms() -> list[Term]:
    from edition.model.glossary import load_terms

    return load_terms(next(r for r in Project(ROOT).reports if r.slug == "yushan-2023"))


def report_pages(site):
    return [p for p in sorted(site.rglob("yushan-2023/*/index.html")) if not p.parent.name.startswith("glossary")]


# --- the built site -----------------------------------------------------------------------


def test_no_page_carries_a_definition(site):
    """A definition is in hints.json and on the glossary's pages, in no other page's HTML."""
    notes = [n for t in glossary_terms() for n in (t.note_en, t.note_zh) if len(n) > 30]
    found = {}
    for page in sorted(site.rglob("*.html")):
        if page.parent.name.startswith("glossary"):  # glossary/, glossary-2/ …
            continue
        html = page.read_text(encoding="utf-8")
        hits = [n[:40] for n in notes if n in html] + (["gloss-tip"] if "gloss-tip" in html else []) + (['role="tooltip"'] if 'role="tooltip"' in html else [])
        if hits:
            found[page.relative_to(site).as_posix()] = hits
    assert found == {}


def test_marks_are_few_and_notable(site):
    notable = {t.id for t in glossary_terms() if is_notable(t)}
    pages = [site / "yushan-2023/part-1/index.html", site / "en/yushan-2023/part-1/index.html"]
    for page in report_pages(site):
        html = page.read_text(encoding="utf-8")
        marks = MARK.findall(html)
        assert len(marks) == html.count('class="gloss"'), page  # every mark has the one form
        assert {ident for ident, _ in marks} <= notable, page
        for _, body in PARAGRAPH.findall(html):
            assert len(MARK.findall(body)) <= PER_PARAGRAPH, (page, body[:80])
        for section in SECTION.split(html):  # at most once per section
            ids = [ident for ident, _ in MARK.findall(section)]
            assert len(ids) == len(set(ids)), (page, ids)
    for page in pages:
        assert len(MARK.findall(page.read_text(encoding="utf-8"))) >= 20, page  # there are marks to test


def test_definitions_file_per_language(site):
    en = json.loads((site / "en/yushan-2023/glossary/hints.json").read_text(encoding="utf-8"))
    zh = json.loads((site / "yushan-2023/glossary/hints.json").read_text(encoding="utf-8"))
    assert set(en) == set(zh) == {t.id for t in glossary_terms() if is_notable(t)}
    assert en["lead-goose-effect"][0] == "头雁效应" and "goose" in zh["lead-goose-effect"][0]
    assert not re.search(r"[\u4e00-\u9fff]", en["lead-goose-effect"][2])
    assert re.search(r"[\u4e00-\u9fff]", zh["lead-goose-effect"][2])
    for page in report_pages(site):
        for ident, _ in MARK.findall(page.read_text(encoding="utf-8")):
            assert ident in (en if "/en/" in page.as_posix() else zh), (page, ident)


def _term(ident: str, zh: str, en: str) -> Term:
    return Term(ident, zh, "", en, (), "slogan", "", "", "house rendering")


def test_mark_terms_keeps_three_a_paragraph_and_one_a_section():
    terms = [_term(f"t{i}", zh, en) for i, (zh, en) in enumerate([("甲", "alpha"), ("乙", "beta"), ("丙", "gamma"), ("丁", "delta")])]
    blocks = {"p-1": "甲乙丙丁", "p-2": "甲乙", "p-3": "甲"}
    html = '<h2 id="s-1">S</h2><p id="p-1">delta gamma beta alpha</p><p id="p-2">alpha beta</p><h3 id="s-2">T</h3><p id="p-3">alpha</p>'
    out = mark_terms(html, blocks, terms, "en", "../glossary/")
    marked = MARK.findall(out)
    # Three in p-1, the first three in reading order; alpha (left over) in p-2, beta not again
    # in the same section; alpha again under the new heading.
    assert [ident for ident, _ in marked] == ["t3", "t2", "t1", "t0", "t0"]
    assert 'id="p-3"><a class="gloss" href="../glossary/#term-t0">alpha</a>' in out
    # A term the Chinese block does not use is never marked, even where the English has it.
    assert "gloss" not in mark_terms('<p id="p-9">alpha</p>', {"p-9": "乙"}, terms, "en", "")


# --- Chromium -----------------------------------------------------------------------------


def hint_text(visit: Visit) -> str:
    visit.page.wait_for_selector("#term-hint[role=tooltip]:not([hidden])")
    return visit.page.inner_text("#term-hint")


def test_hint_by_mouse_loads_definitions_once(browser, server, site):
    visit = Visit(browser, server, PART_1, idle=True)
    assert not [u for u in visit.requests if "hints.json" in u]  # nothing until a reader asks
    marks = visit.page.locator(".md-content a.gloss")
    first = marks.nth(0)
    first.hover()
    text = hint_text(visit)
    ident = first.get_attribute("href").split("#term-")[1]
    data = json.loads((site / "en/yushan-2023/glossary/hints.json").read_text(encoding="utf-8"))
    assert data[ident][0] in text and data[ident][2] in text
    assert first.get_attribute("aria-describedby") == "term-hint"
    assert "·" not in (first.inner_text())  # the definition is the description, not the name
    visit.page.mouse.move(0, 0)
    visit.page.wait_for_selector("#term-hint", state="hidden")
    assert first.get_attribute("aria-describedby") is None
    marks.nth(1).hover()
    hint_text(visit)
    assert len([u for u in visit.requests if u.endswith("/glossary/hints.json")]) == 1  # once for every hint
    assert visit.errors == []


def test_hint_by_keyboard_and_escape(browser, server):
    visit = Visit(browser, server, PART_1)
    # Tab through the page from the switch until the first mark has focus.
    visit.page.focus(".hints-switch")
    for _ in range(40):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("() => document.activeElement.classList.contains('gloss')"):
            break
    assert visit.page.evaluate("() => document.activeElement.classList.contains('gloss')")
    hint_text(visit)
    described = visit.page.evaluate("() => document.activeElement.getAttribute('aria-describedby')")
    assert described == "term-hint"
    visit.page.keyboard.press("Escape")
    visit.page.wait_for_selector("#term-hint", state="hidden")
    visit.page.keyboard.press("Enter")  # the mark is still a link to its glossary entry
    visit.page.wait_for_url(re.compile(r"/en/yushan-2023/glossary/#term-[\w-]+$"))


def test_hint_by_touch_first_tap_explains_second_follows(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + PART_1)
    rendered(page)
    mark = page.locator(".md-content a.gloss").nth(2)
    mark.tap()
    page.wait_for_selector("#term-hint:not([hidden])")
    assert page.url.endswith(PART_1)
    href = mark.get_attribute("href")
    mark.tap()
    page.wait_for_url(re.compile(re.escape(href.split("#")[1]) + "$"))
    context.close()


def test_switch_hides_marks_and_is_remembered_in_both_languages(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server + PART_1)
    switch = page.locator("button.hints-switch[role=switch]")
    assert switch.inner_text() == "Term hints: on" and switch.get_attribute("aria-checked") == "true"
    assert page.locator(".md-content a.gloss[href]").count() > 0
    switch.click()
    assert switch.inner_text() == "Term hints: off" and switch.get_attribute("aria-checked") == "false"
    assert page.locator(".md-content a.gloss").count() == 0  # plain text: no link, no tab stop
    assert page.locator(".md-content span.gloss-off").count() > 0
    page.locator(".md-content span.gloss-off").first.hover()
    assert page.locator("#term-hint:not([hidden])").count() == 0
    page.reload()
    assert page.locator("button.hints-switch").inner_text() == "Term hints: off"
    page.goto(server + "/yushan-2023/part-1/")  # the Chinese page: its own words, the same choice
    switch = page.locator("button.hints-switch")
    assert switch.inner_text() == "术语提示：关" and page.locator(".md-content a.gloss[href]").count() == 0
    switch.click()
    assert switch.inner_text() == "术语提示：开" and page.locator(".md-content span.gloss-off").count() == 0
    page.locator(".md-content a.gloss").first.hover()
    page.wait_for_selector("#term-hint:not([hidden])")
    assert re.search(r"[A-Za-z]", page.inner_text(".term-hint__term"))  # the hint gives the English
    page.goto(server + PART_1)
    assert page.locator("button.hints-switch").inner_text() == "Term hints: on"
    context.close()


def test_default_is_on_in_english_and_off_in_chinese(browser, server):
    for path, on in ((PART_1, True), ("/yushan-2023/part-1/", False)):
        visit = Visit(browser, server, path)
        assert visit.page.get_attribute("button.hints-switch", "aria-checked") == ("true" if on else "false")
        assert (visit.page.locator(".md-content a.gloss[href]").count() > 0) is on
        visit.page.close()


def test_without_javascript_a_mark_is_a_link_to_its_entry(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + PART_1)
    # The switch the build writes keeps its place unseen, out of reach of tab and screen reader.
    assert page.locator("button.hints-switch").count() == 1 and not page.locator("button.hints-switch").is_visible()
    mark = page.locator(".md-content a.gloss").first
    href = mark.get_attribute("href")
    mark.click()
    page.wait_for_url(re.compile(re.escape(href.split("#")[1]) + "$"))
    assert page.locator(f"#{href.split('#')[1]}").count() == 1
    context.close()


def test_axe_finds_nothing_with_a_hint_open(browser, server):
    for path in (PART_1, "/yushan-2023/part-1/"):
        visit = Visit(browser, server, path)
        if visit.page.get_attribute("button.hints-switch", "aria-checked") == "false":
            visit.page.click("button.hints-switch")
        visit.page.locator(".md-content a.gloss").first.hover()
        hint_text(visit)
        assert axe_violations(visit) == [], path
        visit.page.close()
