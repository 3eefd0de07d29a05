"""What a reader sees, in the system Chromium driven by Playwright.

A missing browser fails these tests (it never skips them): run `make browser`, or set
CHROMIUM to the browser's path.
"""

from __future__ import annotations

import pytest
from browsing import Visit
from playwright.sync_api import expect

from conftest import ROOT
from edition.generators.browser import rendered, wait_until
from edition.model.blocks import read_page
from edition.model.project import Project
from edition.model.releases import latest
from edition.model.text import plain_text
from edition.model.yaml_data import load_yaml

PAGES = [
    "/",
    "/yushan-2023/",
    "/yushan-2023/part-1/",
    "/yushan-2023/part-2/",
    "/yushan-2023/part-3/",
    "/yushan-2023/editorial-notes/",
    "/yushan-2023/glossary/",
]


def test_the_tests_drive_chromiums_headless_shell_where_it_is_installed(monkeypatch, tmp_path):
    """The headless shell (a third of the CPU time a page) when installed; else the full
    browser; CHROMIUM, when set, wins over both."""
    from edition.generators import browser

    shell, full, own = (tmp_path / name for name in ("chromium-headless-shell", "chromium", "own-chromium"))
    for path in (shell, full, own):
        path.touch()
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(browser, "SHELL_CANDIDATES", [str(shell)])
    monkeypatch.setattr(browser, "CANDIDATES", [str(full)])
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    assert browser.find_test_browser() == str(shell)
    assert browser.find_chromium() == str(full)  # Lighthouse's and the PDF printer's
    monkeypatch.setenv("CHROMIUM", str(own))
    assert browser.find_test_browser() == str(own)
    monkeypatch.delenv("CHROMIUM")
    shell.unlink()
    assert browser.find_test_browser() == str(full)


@pytest.mark.parametrize("path", PAGES + ["/en" + p for p in PAGES])
def test_page_loads_cleanly_and_stays_on_this_site(crawled, path):
    """Read from the session's one visit of every page (tests/crawling.py)."""
    visit = crawled[path]
    assert visit.headings == 1
    assert visit.view.outside == ()
    assert visit.failures == []
    assert visit.errors == []


def test_both_languages_show_the_report(browser, server):
    # What the pages say, from their Markdown: the test holds whatever the text reads.
    zh_page, en_page = (read_page(ROOT / "docs" / "yushan-2023" / name) for name in ("part-1.md", "part-1.en.md"))
    zh = Visit(browser, server, "/yushan-2023/part-1/")
    assert zh.page.locator("h1").inner_text().startswith(plain_text(zh_page.title))
    assert plain_text(zh_page.ids["p-1-2-1"].text)[:20] in zh.page.locator("#p-1-2-1").inner_text()
    en = Visit(browser, server, "/en/yushan-2023/part-1/")
    assert en.page.locator("h1").inner_text().startswith(plain_text(en_page.title))
    assert plain_text(en_page.ids["p-1-2-1"].text)[:40] in en.page.locator("#p-1-2-1").inner_text()
    expect(en.page.locator(".translation-notice")).to_be_visible()


def switch_language(visit: Visit, lang: str) -> None:
    visit.page.locator(".md-header__option .md-select").hover()
    link = visit.page.locator(f'a.md-select__link[hreflang="{lang}"]')
    # A click at the link's place: Locator.click() may scroll the page to "reveal" the
    # sticky header's link, which moves the reading position the switch keeps.
    link.wait_for(state="visible")
    box = link.bounding_box()
    visit.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    visit.page.wait_for_url(lambda url: ("/en/" in url) == (lang == "en"))
    rendered(visit.page)


def test_language_switch_goes_to_the_same_page(browser, server):
    visit = Visit(browser, server, "/yushan-2023/part-2/")
    switch_language(visit, "en")
    assert visit.page.url.endswith("/en/yushan-2023/part-2/")
    assert visit.page.locator("h1").inner_text().startswith("II.")


def test_language_switch_keeps_the_anchor(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/part-1/#p-1-5-3")
    switch_language(visit, "zh")
    assert visit.page.url.endswith("/yushan-2023/part-1/#p-1-5-3")
    assert "/en/" not in visit.page.url


def test_language_switch_from_a_translators_note_goes_to_its_paragraph(browser, server):
    # The notes exist in English only: the Chinese page has no #fn:…, but has the paragraph.
    visit = Visit(browser, server, "/en/yushan-2023/part-1/#fn:p-1-2-1-b")
    switch_language(visit, "zh")
    assert visit.page.url.endswith("/yushan-2023/part-1/#p-1-2-1")
    expect(visit.page.locator("#p-1-2-1")).to_be_in_viewport()
    visit.page.close()


def test_language_switch_keeps_the_paragraph_scrolled_to(browser, server):
    visit = Visit(browser, server, "/yushan-2023/part-1/")
    visit.page.locator("#p-1-4-2").scroll_into_view_if_needed()
    visit.page.evaluate("window.scrollTo(0, document.getElementById('p-1-4-2').getBoundingClientRect().top + window.scrollY - 70)")
    switch_language(visit, "en")
    assert visit.page.url.endswith("/en/yushan-2023/part-1/#p-1-4-2")
    # The browser scrolls to the anchor as the page lays out: wait for it, then confirm.
    in_view = "(t => 0 <= t && t < 200)(document.getElementById('p-1-4-2').getBoundingClientRect().top)"
    wait_until(visit.page, in_view)


def test_not_found_page_speaks_the_language_of_the_address(browser, server):
    """A missing address under /en/ gets the English not-found page, one elsewhere the
    Chinese (issue 25: no English on a Chinese page); neither offers the language selector."""
    visit = Visit(browser, server, "/en/no-such-page/")
    visit.page.wait_for_url("**/en/404.html")
    text = visit.page.locator("article").inner_text()
    assert "Page not found" in text and "页面不存在" not in text
    assert visit.page.locator('article a[href="/en/"]').count() == 1
    expect(visit.page.locator(".md-header__option .md-select")).to_be_hidden()
    visit = Visit(browser, server, "/no-such-page/")
    text = visit.page.locator("article").inner_text()
    assert "页面不存在" in text and "Page not found" not in text
    assert visit.page.locator('article a[href="/"]').count() == 1
    expect(visit.page.locator(".md-header__option .md-select")).to_be_hidden()


def test_each_page_describes_itself_in_its_language(browser, server):
    zh = Visit(browser, server, "/yushan-2023/part-2/")
    en = Visit(browser, server, "/en/yushan-2023/part-2/")
    assert zh.page.locator('meta[name="description"]').get_attribute("content").startswith("我县法治政府建设虽然成效显著")
    assert en.page.locator('meta[name="description"]').get_attribute("content").startswith("Although")
    assert en.page.locator('meta[property="og:title"]').get_attribute("content").startswith("II.")
    assert en.page.locator('meta[property="og:locale"]').get_attribute("content") == "en_GB"
    assert en.page.locator('link[rel="canonical"]').get_attribute("href") == "https://yushan-law-report.github.io/en/yushan-2023/part-2/"
    assert zh.page.locator("html").get_attribute("lang") == "zh"
    assert en.page.locator("html").get_attribute("lang") == "en"


def test_a_page_prints_without_navigation(browser, server, tmp_path):
    visit = Visit(browser, server, "/yushan-2023/part-1/")
    visit.page.emulate_media(media="print")
    expect(visit.page.locator(".md-header")).to_be_hidden()
    expect(visit.page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(visit.page.locator("#p-1-2-1")).to_be_visible()
    pdf = tmp_path / "part-1.pdf"
    visit.page.pdf(path=str(pdf), format="A4")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000


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


# Search: tests/test_search.py (the query set, the indexes, landing on the paragraph).


def test_side_by_side_rows_pair_the_languages(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/parallel/#p-1-2-1")
    row = visit.page.locator("#p-1-2-1")
    cells = row.locator(".parallel-cell")
    assert cells.count() == 2
    assert "1162个事项" in cells.nth(0).inner_text()
    assert "1,162 items" in cells.nth(1).inner_text()
    assert cells.nth(0).get_attribute("lang") == "zh-Hans"
    # The row is in view, below the header, once the browser has scrolled to the anchor.
    wait_until(visit.page, "(t => 0 < t && t < 120)(document.getElementById('p-1-2-1').getBoundingClientRect().top)")


def test_paragraph_links_to_its_row_and_back(browser, server):
    visit = Visit(browser, server, "/yushan-2023/part-1/")
    paragraph = visit.page.locator("#p-1-4-2")
    paragraph.hover()
    paragraph.locator('a.para-link[href*="parallel/"]').click()
    visit.page.wait_for_url("**/yushan-2023/parallel/#p-1-4-2")
    visit.page.locator("#p-1-4-2 .parallel-cell[lang=en] a.parallel-source").click()
    visit.page.wait_for_url("**/en/yushan-2023/part-1/#p-1-4-2")
    expect(visit.page.locator("#p-1-4-2")).to_be_visible()


def test_paragraph_permalink_shows_on_keyboard_focus(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/part-2/")
    link = visit.page.locator('#p-2-1 a.para-link[href="#p-2-1"]')
    assert visit.page.evaluate("e => getComputedStyle(e).opacity", link.element_handle()) == "0"
    link.focus()
    # It fades in (125 ms): wait for full opacity, which never comes if focus does not show it.
    wait_until(visit.page, "getComputedStyle(arg).opacity === '1'", arg=link.element_handle())


# Each paragraph whose hidden links (pointer devices: shown on hover) would take a line of
# their own below a full last line: an empty-looking gap in the text.
LINKS_ALONE = """() => [...document.querySelectorAll("article p[id^='p-']")].filter(p => {
  const links = p.querySelector(":scope > .para-links");
  const text = document.createRange();
  text.setStart(p, 0);
  text.setEndBefore(links);
  const lastLine = Math.max(...[...text.getClientRects()].map(r => r.bottom));
  // Below the last line's glyphs there is only half the line's leading: not another line.
  return p.getBoundingClientRect().bottom - lastLine > parseFloat(getComputedStyle(p).lineHeight) / 2;
}).map(p => p.id)"""


# Each paragraph whose links row reaches into the next block (over its first line).
LINKS_OVER_NEXT = """() => [...document.querySelectorAll("article p[id^='p-']")].filter(p => {
  let next = p.nextElementSibling;
  while (next && !next.getBoundingClientRect().height) next = next.nextElementSibling;
  return next && p.querySelector(":scope > .para-links").getBoundingClientRect().bottom > next.getBoundingClientRect().top + 0.5;
}).map(p => p.id)"""


@pytest.mark.parametrize("width", [1366, 1024])
def test_hidden_paragraph_links_leave_no_empty_line(browser, server, width):
    # At these widths the Chinese p-1-4-1, p-1-5-2 (1366) and p-1-4-2, p-3-2 (1024) end on a
    # full line, where inline links used to wrap.
    for path in ("/yushan-2023/part-1/", "/yushan-2023/part-3/", "/en/yushan-2023/part-1/", "/en/yushan-2023/part-3/"):
        visit = Visit(browser, server, path, width=width)
        assert visit.page.locator("article p[id^='p-'] > .para-links").count() > 0, path
        assert visit.page.evaluate(LINKS_ALONE) == [], path
        assert visit.page.evaluate(LINKS_OVER_NEXT) == [], path
        visit.page.close()


@pytest.mark.parametrize("path", ["/yushan-2023/part-1/", "/en/yushan-2023/part-1/"])
def test_paragraph_links_on_a_phone_are_targets_a_finger_can_tap(browser, server, path):
    # WCAG 2.2 (2.5.8): at least 24 × 24 px each, so that a tap on Cite does not open Report.
    visit = Visit(browser, server, path, width=375)
    sizes = visit.page.locator("#p-1-1-2 .para-link").evaluate_all(
        "links => links.map(a => [a.getBoundingClientRect().width, a.getBoundingClientRect().height])"
    )
    assert len(sizes) == 4, sizes  # ¶ ⇄ Cite Report
    assert [size for size in sizes if min(size) < 24] == []
    visit.page.close()


def test_side_by_side_stacks_on_a_phone(browser, server):
    visit = Visit(browser, server, "/yushan-2023/parallel/", width=375)
    columns = visit.page.evaluate("getComputedStyle(document.querySelector('.parallel-row')).gridTemplateColumns")
    assert len(columns.split()) == 1
    overflow = visit.page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_glossary_tooltip_reads_by_keyboard(browser, server):
    # The hint is one role="tooltip" element filled from hints.json (tests/test_hints.py).
    visit = Visit(browser, server, "/en/yushan-2023/part-2/")
    term = visit.page.locator('#p-2-1 a.gloss[href$="#term-appear-and-speak-in-court"]')
    expect(visit.page.locator("#term-hint:not([hidden])")).to_have_count(0)
    visit.page.locator("#p-2-1").click(position={"x": 1, "y": 1})  # start tabbing from the paragraph
    for _ in range(10):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("document.activeElement.hash") == "#term-appear-and-speak-in-court":
            break
    tip = visit.page.locator("#term-hint:not([hidden])")
    expect(tip).to_be_visible()
    (entry,) = [
        t for t in load_yaml((ROOT / "reports/yushan-2023/glossary.yml").read_text(encoding="utf-8"))["terms"] if t["id"] == "appear-and-speak-in-court"
    ]
    assert entry["zh"] in tip.inner_text() and entry["pinyin"] in tip.inner_text()
    page = term.get_attribute("href").split("/")[-2]  # glossary, or a later page of it (glossary-2 …)
    assert page.startswith("glossary")
    term.click()
    visit.page.wait_for_url(f"**/en/yushan-2023/{page}/#term-appear-and-speak-in-court")


def test_glossary_tooltips_only_name_terms_the_chinese_uses(site):
    from edition.model.glossary import load_terms, term_urls
    from edition.model.project import Project

    html = (site / "en" / "yushan-2023" / "part-3" / "index.html").read_text(encoding="utf-8")
    url = term_urls(load_terms(Project(ROOT).reports[0]), "../")["four-bests"]  # the glossary page it is on
    assert html.count(f'href="{url}#term-four-bests"') == 1  # once in its section


def test_cite_a_paragraph_and_copy_its_citation(browser, server):
    import json

    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "/en/yushan-2023/part-1/")
    page.locator("#p-1-2-1 button.para-cite").click()
    dialog = page.locator("dialog.cite-dialog")
    expect(dialog.locator("pre.cite-text").first).to_be_visible()  # once cite.json is in
    texts = dialog.locator("pre.cite-text").all_inner_texts()
    release = latest(Project(ROOT).reports[0]).version  # every cited address names the release
    url = f"https://yushan-law-report.github.io/en/yushan-2023/part-1/?v={release}#p-1-2-1"
    assert texts[0].startswith("Yushan County People's Government. 2024. “Report of the Yushan County People's Government")
    assert "para. p-1-2-1" in texts[0] and url in texts[0] and "Unofficial English translation" in texts[0]
    assert "[EB/OL]" in texts[1] and texts[1].endswith(f"{url}.")  # GB/T 7714
    assert texts[2].startswith("@misc{yushan2023:p-1-2-1:en,") and f"url = {{{url}}}" in texts[2]
    assert texts[3].startswith("TY  - ELEC") and f"UR  - {url}" in texts[3]  # RIS
    (csl,) = json.loads(texts[4])
    assert csl["type"] == "webpage" and csl["URL"] == url and csl["original-date"] == {"date-parts": [[2024, 1, 23]]}
    copy = dialog.locator("button.cite-copy").nth(2)
    copy.click()
    expect(copy).to_have_text("Copied")  # the clipboard write has resolved
    assert page.evaluate("navigator.clipboard.readText()") == texts[2]
    page.keyboard.press("Escape")
    # The dialog's "close" event, which removes it, is queued as a task after the key:
    # wait for the removal rather than look once.
    expect(page.locator("dialog.cite-dialog")).to_have_count(0)
    assert errors == []
    context.close()


def test_cover_cites_the_whole_report_in_chinese(browser, server):
    visit = Visit(browser, server, "/yushan-2023/")
    visit.page.locator("button.cite-report").click()
    formatted = visit.page.locator("dialog.cite-dialog pre.cite-text").first.inner_text()
    assert formatted.startswith("玉山县人民政府：《玉山县人民政府关于2023年度法治政府建设情况的报告》，2024年1月23日。")
    assert "https://yushan-law-report.github.io/yushan-2023/" in formatted
