"""The researcher's desk (issue 17), as a reader meets it in Chromium: the language switch
keeps the paragraph being read, clean copying, citations per language with the page's
version, "report an error" links, the key-figures page, the side-by-side view and the
whole report on one page; in both languages, on a desktop and on a phone.

Browser tests wait for conditions (Playwright's expect, wait_for_url), never for a time.
Where a check could pass by accident, a mutation test serves a broken copy of the
script and proves that the check then fails.
"""

from __future__ import annotations

import json
import re

import pytest
from browsing import Visit
from playwright.sync_api import expect
from test_accessibility import axe_violations

from conftest import ROOT
from edition.generators.browser import rendered
from edition.generators.citation import page_unit
from edition.model.blocks import read_page
from edition.model.project import Project
from edition.model.text import plain_text

REPOSITORY = "https://github.com/yushan-law-report/yushan-law-report.github.io"
DESKTOP, PHONE = 1366, 375


def open_page(browser, server: str, path: str, width: int, mutate: tuple[str, str, str] | None = None):
    """A page in a fresh context (clipboard allowed); `mutate` = (script name, old, new)
    serves that script with `old` replaced by `new`, for the mutation tests."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 700}, is_mobile=phone, has_touch=phone)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    if mutate:
        name, old, new = mutate
        source = (ROOT / "docs" / "assets" / "javascripts" / name).read_text(encoding="utf-8")
        assert source.count(old) == 1, f"mutation does not apply: {old!r}"
        body = source.replace(old, new)
        context.route(f"**/assets/javascripts/{name}*", lambda route: route.fulfill(body=body, content_type="text/javascript"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + path)
    rendered(page)
    page.errors = errors  # type: ignore[attr-defined]
    return page


def switch_language(page, lang: str, phone: bool) -> None:
    """Choose the language in the header as a reader does: hover and click on a desktop,
    two taps on a phone. Pointer events at the element's place, not Locator.click(), which
    may scroll the page to "reveal" an element of the sticky header, and so move the
    reading position this test is about."""

    def press(locator) -> None:
        expect(locator).to_be_visible()
        box = locator.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if phone:
            page.touchscreen.tap(x, y)
        else:
            page.mouse.move(x, y)
            page.mouse.click(x, y)

    scrolled = page.evaluate("scrollY")
    if phone:
        press(page.locator(".md-header__option .md-select button"))  # a tap opens the menu
    else:
        page.locator(".md-header__option .md-select").hover()
    link = page.locator(f'a.md-select__link[hreflang="{lang}"]')
    expect(link).to_be_visible()
    assert page.evaluate("scrollY") == scrolled
    press(link)
    page.wait_for_url(lambda url: ("/en/" in url) == (lang == "en"))
    rendered(page)


def read_in_the_middle(page) -> str:
    """Scroll as in the issue: the last lines of one paragraph at the window's top edge
    (where the old switch looked), the next paragraph, in the middle of a long page,
    whole or filling the window below. Returns the id of that next paragraph."""
    return page.evaluate(
        """() => {
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const all = [...document.querySelectorAll('.md-content p[id^="p-"]')];
        const middle = all.slice(Math.floor(all.length / 3), Math.ceil(2 * all.length / 3))
            .filter(p => p.previousElementSibling && p.previousElementSibling.matches('p[id^="p-"]'));
        const target = middle.reduce((a, b) => b.offsetHeight > a.offsetHeight ? b : a);
        const before = target.previousElementSibling;
        window.scrollTo(0, before.getBoundingClientRect().bottom + scrollY - (header + 40));
        return target.id;
    }"""
    )


def in_view(page, ident: str) -> dict:
    return page.evaluate(
        """ident => {
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        const box = document.getElementById(ident).getBoundingClientRect();
        const above = document.elementFromPoint(innerWidth / 2, header + 5).closest('[id]');
        const edge = above.getBoundingClientRect();
        return {top: box.top, bottom: box.bottom, height: innerHeight, header: header,
                shown: Math.min(box.bottom, innerHeight) - Math.max(box.top, header),
                edge: above.id, edge_shown: edge.bottom - header, edge_height: edge.height};
    }""",
        ident,
    )


# --- 1. The language switch keeps the reading position -----------------------------------


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize(
    ("start", "lang", "other"), [("/en/yushan-2023/part-1/", "zh", "/yushan-2023/part-1/"), ("/yushan-2023/part-1/", "en", "/en/yushan-2023/part-1/")]
)
def test_switch_keeps_the_paragraph_in_view(browser, server, start, lang, other, width):
    page = open_page(browser, server, start, width)
    reading = read_in_the_middle(page)
    before = in_view(page, reading)
    # Another paragraph's last lines are at the top edge; the one being read is below it.
    assert before["edge"] != reading and before["edge_shown"] < before["edge_height"] / 2, before
    assert before["top"] > before["header"] and before["shown"] > 2 * before["edge_shown"], before
    switch_language(page, lang, width < 600)
    page.wait_for_url(f"**{other}#*")
    assert page.url.endswith(f"{other}#{reading}"), (page.url, before)
    after = in_view(page, reading)
    assert after["top"] >= 0 and after["top"] < after["height"] / 2, after  # arrived at it, in view
    assert page.evaluate("document.querySelector(':target').id") == reading
    assert page.errors == []
    page.context.close()


def test_mutation_the_top_edge_switch_fails_the_test(browser, server):
    # The switch as it was: the first block in view (the one at the top edge) wins.
    page = open_page(
        browser, server, "/en/yushan-2023/part-1/", DESKTOP, ("edition.js", "if (height > 0 && (height >= 0.9", "if (height > 0 && (true || height >= 0.9")
    )
    reading = read_in_the_middle(page)
    switch_language(page, "zh", False)
    page.wait_for_url("**/yushan-2023/part-1/#*")
    assert not page.url.endswith("#" + reading)
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_switch_takes_the_paragraph_last_clicked(browser, server, width):
    page = open_page(browser, server, "/yushan-2023/part-1/", width)
    reading = read_in_the_middle(page)
    # The reader clicks in the paragraph below, only partly in view: that one is chosen.
    clicked = page.evaluate(
        """ident => {
        const all = [...document.querySelectorAll('.md-content p[id^="p-"]')];
        const next = all[all.findIndex(p => p.id === ident) + 1];
        window.scrollBy(0, next.getBoundingClientRect().top - (innerHeight - 60));
        return next.id;
    }""",
        reading,
    )
    assert in_view(page, clicked)["shown"] < in_view(page, reading)["shown"]  # not the one most in view
    page.locator(f"#{clicked}").click(position={"x": 5, "y": 5})
    switch_language(page, "en", width < 600)
    page.wait_for_url(f"**/en/yushan-2023/part-1/#{clicked}")
    page.context.close()


def test_notice_link_to_the_chinese_keeps_the_linked_paragraph(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/part-1/#p-1-5-3", DESKTOP)
    page.evaluate("window.scrollTo(0, 0)")  # back up to the notice
    page.locator(".translation-notice a[hreflang=zh]").click()
    page.wait_for_url("**/yushan-2023/part-1/#p-1-5-3")
    assert "/en/" not in page.url
    page.context.close()


def test_notice_link_to_the_chinese_keeps_the_paragraph_in_view(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/part-3/", PHONE)
    reading = read_in_the_middle(page)
    # The notice is the page's first link: a keyboard user reaches it without scrolling
    # the page, as a script's click does.
    page.locator(".translation-notice a[hreflang=zh]").dispatch_event("click")
    page.wait_for_url(f"**/yushan-2023/part-3/#{reading}")
    page.context.close()


# --- 5. Clean copy ---------------------------------------------------------------------------


def copy_paragraph(page, ident: str) -> str:
    page.evaluate(
        """ident => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(ident));
        getSelection().removeAllRanges();
        getSelection().addRange(range);
    }""",
        ident,
    )
    page.keyboard.press("Control+c")
    return page.evaluate("navigator.clipboard.readText()")


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_copying_english_gives_the_text_with_notes_as_numbers(browser, server, width):
    page = open_page(browser, server, "/en/yushan-2023/part-1/", width)
    tips = page.locator("#p-1-1-2 .gloss-tip").evaluate_all("tips => tips.map(t => t.textContent)")
    text = copy_paragraph(page, "p-1-1-2")
    assert text.startswith("2. Focusing on what is key:"), text
    assert re.search(r"effect”,?\[\d+\] ", text), text  # the footnote call as [n]
    for furniture in ["¶", "⇄", "Cite", "Report", *tips]:  # glossary tooltips are not the text either
        assert furniture not in text, (furniture, text)
    # It ends as the paragraph does (its last words from the English page, not pinned here).
    last = plain_text(next(b.text for b in read_page(ROOT / "docs/yushan-2023/part-1.en.md").blocks if b.id == "p-1-1-2"))[-40:]
    assert text.endswith(last), text
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_copying_chinese_gives_the_text(browser, server, width):
    page = open_page(browser, server, "/yushan-2023/part-1/", width)
    text = copy_paragraph(page, "p-1-2-1")
    assert "1162个事项进驻政务服务大厅" in text
    assert text.rstrip().endswith("。"), text
    # The editor's restorations (r-2, r-3) are not copied: the text as published.
    assert "全程网办率达99.75%41项" in text and "1817个事项“马上办，" in text and "〔" not in text, text
    for furniture in ("¶", "⇄", "引用", "纠错"):
        assert furniture not in text, (furniture, text)
    page.context.close()


def test_mutation_without_the_copy_handler_the_furniture_comes_along(browser, server):
    page = open_page(
        browser, server, "/en/yushan-2023/part-1/", DESKTOP, ("edition.js", 'document.addEventListener("copy"', 'document.addEventListener("x-no-copy"')
    )
    text = copy_paragraph(page, "p-1-1-2")
    assert re.search(r"effect”,?\d+ ", text), text  # a bare footnote number, not [n]
    page.context.close()


# --- 6. Citations that hold ------------------------------------------------------------------


def page_version(site, lang: str) -> dict:
    """The #edition-citation data of Part I in a language."""
    html = (site / ("en/" if lang == "en" else "") / "yushan-2023" / "part-1" / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r'id="edition-citation">(.*?)</script>', html).group(1))


# Citations and reports of errors: tests/test_citations.py, tests/test_report_error.py.


def axe_violations_in(page) -> list[str]:
    class _Visit:  # axe_violations takes a Visit; only its page is used
        pass

    visit = _Visit()
    visit.page = page
    return axe_violations(visit)  # type: ignore[arg-type]


def test_the_repository_is_named_once(site):
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert text.count("yushan-law-report/yushan-law-report.github.io") == 1
    html = (site / "en" / "yushan-2023" / "part-1" / "index.html").read_text(encoding="utf-8")
    assert f'href="{REPOSITORY}/edit/main/docs/yushan-2023/part-1.en.md"' in html  # derived by the build
    assert page_version(site, "en")["repository"] == REPOSITORY


# --- 3. Key figures --------------------------------------------------------------------------


def column(page, n: int) -> list[str]:
    return page.locator(f"table[data-sortable] tbody tr td:nth-child({n})").all_inner_texts()


@pytest.mark.parametrize(("path", "width"), [("/en/yushan-2023/key-figures/", DESKTOP), ("/yushan-2023/key-figures/", PHONE)])
def test_key_figures_sort_by_click_and_keyboard(browser, server, path, width):
    page = open_page(browser, server, path, width)
    rows = page.locator("table[data-sortable] tbody tr")
    assert rows.count() == 75
    value_head = page.locator("table[data-sortable] th").nth(2)
    assert value_head.get_attribute("aria-sort") == "none"
    value_head.locator("button").click()
    expect(value_head).to_have_attribute("aria-sort", "ascending")
    amounts = [float(x) for x in page.locator("table[data-sortable] tbody td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert amounts == sorted(amounts) and amounts[0] < amounts[-1]
    # The keyboard: Tab to the button, Enter reverses the order.
    value_head.locator("button").focus()
    page.keyboard.press("Enter")
    expect(value_head).to_have_attribute("aria-sort", "descending")
    amounts = [float(x) for x in page.locator("table[data-sortable] tbody td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert amounts == sorted(amounts, reverse=True)
    assert page.locator("table[data-sortable] th").first.get_attribute("aria-sort") == "none"
    # 8564.48 万元 (85,644,800 yuan) sorts above 581 households
    assert amounts[0] >= 85644800
    indicator = page.locator("table[data-sortable] th").nth(1)
    indicator.locator("button").focus()
    page.keyboard.press("Space")
    expect(indicator).to_have_attribute("aria-sort", "ascending")
    assert axe_violations_in(page) == []
    page.context.close()


def test_mutation_sorting_as_text_puts_the_values_out_of_order(browser, server):
    page = open_page(
        browser,
        server,
        "/en/yushan-2023/key-figures/",
        DESKTOP,
        ("sortable.js", "var numeric = head.hasAttribute(", "var numeric = false && head.hasAttribute("),
    )
    page.locator("table[data-sortable] th").nth(2).locator("button").click()
    amounts = [float(x) for x in page.locator("table[data-sortable] tbody td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert amounts != sorted(amounts)
    page.context.close()


@pytest.mark.parametrize(("cover", "lang"), [("/yushan-2023/", "zh"), ("/en/yushan-2023/", "en")])
def test_key_figures_are_linked_from_the_cover_and_each_row_leads_to_its_paragraph(browser, server, cover, lang):
    page = open_page(browser, server, cover, DESKTOP)
    page.locator(".md-content a[href$='key-figures/']").first.click()
    page.wait_for_url("**/yushan-2023/key-figures/")
    heading = page.locator("h1").inner_text()
    assert ("关键数据" in heading and "统计" in heading) if lang == "zh" else ("Key figures" in heading and "statistics" in heading)
    row = page.locator("#kf-023")
    value = row.locator("td").nth(2).inner_text()
    row.locator("a[href$='#p-1-2-1']").click()
    page.wait_for_url("**/yushan-2023/part-1/#p-1-2-1")
    assert value in page.locator("#p-1-2-1").inner_text().replace(",", "") or "85.6448" in page.locator("#p-1-2-1").inner_text()
    page.context.close()


def test_key_figures_page_is_in_the_search_index(site):
    # The report's own index (search/SLUG.json, edition/passes/search_index.py) holds its pages.
    for index, words in (
        (site / "search" / "yushan-2023.json", ("关键数据", "统计")),
        (site / "en" / "search" / "yushan-2023.json", ("Key figures", "statistics")),
    ):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        page = [d for d in docs if d["location"] == "yushan-2023/key-figures/"]
        assert page, index
        text = " ".join((d.get("title") or "") + " " + d["text"] for d in page).replace("\u200b", "")
        assert all(word in text for word in words), (index, words)


# --- 4. The side-by-side view ----------------------------------------------------------------


@pytest.mark.parametrize("width", [DESKTOP, 1920])
def test_side_by_side_uses_the_width_and_marks_the_row_arrived_at(browser, server, width):
    page = open_page(browser, server, "/en/yushan-2023/parallel/#p-1-1-3", width)
    assert not page.locator(".md-sidebar--secondary").is_visible()  # no empty rail
    sizes = page.evaluate(
        """() => ({inner: document.querySelector('.md-main__inner').getBoundingClientRect().width,
                  nav: document.querySelector('.md-sidebar--primary').getBoundingClientRect().width,
                  content: document.querySelector('.md-content').getBoundingClientRect().width,
                  cells: [...document.querySelectorAll('#p-1-2-1 .parallel-cell')].map(c => c.getBoundingClientRect().width)})"""
    )
    assert sizes["content"] >= sizes["inner"] - sizes["nav"] - 2, sizes  # all but the navigation
    assert min(sizes["cells"]) >= (450 if width == DESKTOP else 600), sizes  # was 329 px at 1366
    row, other = page.locator("#p-1-1-3"), page.locator("#p-1-1-4")
    colour = "e => getComputedStyle(e).backgroundColor"
    assert row.evaluate(colour) != other.evaluate(colour)  # :target
    top = row.evaluate("e => e.getBoundingClientRect().top")
    heads = page.locator(".parallel-head").evaluate("e => e.getBoundingClientRect().bottom")
    assert top >= heads - 1, (top, heads)  # the row starts below the sticky column heads
    page.context.close()


@pytest.mark.parametrize(("path", "lang"), [("/yushan-2023/parallel/", "zh"), ("/en/yushan-2023/parallel/", "en")])
def test_side_by_side_rows_have_notes_and_cite(browser, server, site, path, lang):
    page = open_page(browser, server, path, DESKTOP)
    notes = page.locator("#p-1-1-3 details.parallel-notes")
    expect(notes.locator("li").first).to_be_hidden()
    notes.locator("summary").click()
    expect(notes.locator("li").first).to_be_visible()
    text = notes.inner_text()
    assert "828日" in text and "r-1" in text  # the translator's note and the editorial note
    notes.locator("a[href$='editorial-notes/#r-1']").first.click()
    page.wait_for_url("**/yushan-2023/editorial-notes/#r-1")
    page.go_back()
    page.locator("#p-1-2-1 button.para-cite").click()
    formatted = page.locator("dialog.cite-dialog pre.cite-text").first.inner_text()
    prefix = "https://yushan-law-report.github.io/" + ("en/" if lang == "en" else "")
    (report,) = Project(ROOT).reports
    version = page_unit(Project(ROOT), report, lang, "part-1").version  # the edition's release
    assert f"{prefix}yushan-2023/part-1/?v={version.release}#p-1-2-1" in formatted  # the paragraph on its own page, in that release
    assert version.release and (version.label_zh if lang == "zh" else version.label) in formatted  # ... named
    page.context.close()


@pytest.mark.parametrize(("path", "labels"), [("/yushan-2023/parallel/", ["中文", "英文"]), ("/en/yushan-2023/parallel/", ["中文", "EN"])])
def test_side_by_side_on_a_phone_labels_cells_and_jumps_to_sections(browser, server, path, labels):
    page = open_page(browser, server, path, PHONE)
    assert page.locator("#p-1-2-1 .parallel-lang").all_inner_texts() == labels
    expect(page.locator("#p-1-2-1 .parallel-lang").first).to_be_visible()
    expect(page.locator(".parallel-head")).to_be_hidden()
    page.locator(".parallel-jumps summary").click()
    page.locator(".parallel-jumps a[href='#part-3']").click()
    page.wait_for_url("**/parallel/#part-3")
    top = page.locator("#part-3").evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 200
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    assert axe_violations_in(page) == []
    page.context.close()


def test_side_by_side_rows_are_not_split_in_print(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/parallel/", DESKTOP)
    page.emulate_media(media="print")
    assert page.locator("#p-1-2-1").evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    expect(page.locator(".parallel-jumps")).to_be_hidden()
    page.context.close()


# --- 7. The whole report on one page; 2. provenance ------------------------------------------


@pytest.mark.parametrize(("cover", "nav"), [("/yushan-2023/", "全文（单页）"), ("/en/yushan-2023/", "Full text on one page")])
def test_whole_report_on_one_page_is_linked_from_cover_and_nav(browser, server, site, cover, nav):
    page = open_page(browser, server, cover, DESKTOP)
    expect(page.locator(".md-nav--primary a", has_text=nav)).to_be_visible()
    page.locator(".md-content a[href$='print/']").first.click()
    page.wait_for_url("**/yushan-2023/print/")
    total = sum(
        1 for p in ("index", "part-1", "part-2", "part-3") for _ in re.finditer(r"\{: #p-", (ROOT / f"docs/yushan-2023/{p}.md").read_text(encoding="utf-8"))
    )
    assert page.locator(".md-content p[id^='p-']").count() == total
    page.context.close()


def test_provenance_says_how_to_find_the_original_and_invents_no_address(site):
    for path, words in (
        ("yushan-2023/index.html", ("原网页", "政府信息公开平台", "索引号000000000/2024-52017", "存档内容")),
        ("en/yushan-2023/index.html", ("was not recorded", "government information disclosure platform", "000000000/2024-52017", "What the archive holds")),
    ):
        html = (site / path).read_text(encoding="utf-8")
        provenance = html[html.index('class="admonition note"') :]
        provenance = provenance[: provenance.index("</div>")]
        assert all(word in provenance for word in words), path
        links = re.findall(r'href="(https?://[^"]+)"', provenance)
        assert links == [], links  # no address of the government's page: none is known
    readme = (ROOT / "reports" / "yushan-2023" / "README.md").read_text(encoding="utf-8")
    assert "not known" in readme and "原网页网址未记录" in readme and "000000000/2024-52017" in readme


# --- accessibility of the new and changed pages ----------------------------------------------


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize(
    "path",
    [
        "/yushan-2023/key-figures/",
        "/en/yushan-2023/key-figures/",
        "/yushan-2023/parallel/",
        "/en/yushan-2023/parallel/",
        "/en/yushan-2023/",
        "/yushan-2023/print/",
    ],
)
def test_no_axe_violations_on_new_and_changed_pages(browser, server, crawled, path, width):
    if width == DESKTOP and "parallel" not in path:
        assert crawled[path].axe == []  # the session's one visit of every page, on a desktop (tests/crawling.py)
        return
    visit = Visit(browser, server, path, width=width)
    if "parallel" in path:
        visit.page.locator("#p-1-1-3 details.parallel-notes summary").click()
        visit.page.locator(".parallel-jumps summary").click()
    assert axe_violations(visit) == []
    visit.page.close()
