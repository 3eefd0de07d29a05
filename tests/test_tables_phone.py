"""Tables on a phone, in Chromium (edition/passes/tables.py, docs/assets/tables.css): at 375 px
each row of a table of three columns or more is a block of labelled lines (label, value),
so nothing scrolls sideways. The key figures: every value is on screen, the row's link
leads to its paragraph, and the table stays a table to a screen reader (rows, column heads,
cells, whose names are their values, not the labels); on a desktop it is the table it was,
sortable. The other wide tables (glossary, editorial notes, downloads, revision history):
within the screen, every cell beside its column's name. Both languages. Mutation tests
serve the stylesheet without the phone layout, or with labels that a screen reader would
read, and prove the checks then fail.
"""

from __future__ import annotations

import collections

import pytest
from playwright.sync_api import expect
from test_desk import DESKTOP, PHONE, axe_violations_in, open_page

from conftest import ROOT
from edition.generators.browser import rendered

PAGES = {"zh": "/yushan-2023/key-figures/", "en": "/en/yushan-2023/key-figures/"}
LABELS = {
    "zh": ["编号", "指标", "数值", "单位", "限定", "折合", "段落"],
    "en": ["No.", "Indicator", "Value", "Unit", "Qualifier", "In base units", "Paragraph"],
}
STYLESHEET = ROOT / "docs" / "assets" / "tables.css"


def open_with_stylesheet(browser, server: str, path: str, width: int, css: str):
    """The page with tables.css replaced by `css` (for the mutation tests)."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 700}, is_mobile=phone, has_touch=phone)
    context.route("**/assets/tables.css*", lambda route: route.fulfill(body=css, content_type="text/css"))
    page = context.new_page()
    page.goto(server + path)
    rendered(page)
    return page


def layout(page) -> dict:
    """What a reader of the table sees: how wide it is against the window, and where each
    cell that holds something is, with the gap between its left edge and its text (where
    the label goes)."""
    return page.evaluate(
        """() => {
        const table = document.querySelector('table[data-sortable]');
        const wrap = table.closest('.md-typeset__scrollwrap');
        const cells = [...table.querySelectorAll('tbody td')].filter(td => td.textContent.trim()).map(td => {
            const box = td.getBoundingClientRect();
            const range = document.createRange();
            range.selectNodeContents(td);
            const text = range.getBoundingClientRect();
            return {row: td.parentElement.id, label: td.dataset.label, left: box.left, right: box.right,
                    width: box.width, height: box.height, indent: text.left - box.left, textRight: text.right,
                    visible: td.checkVisibility({visibilityProperty: true, opacityProperty: true})};
        });
        return {scrollWidth: table.scrollWidth, clientWidth: table.clientWidth, right: table.getBoundingClientRect().right,
                wrap: [wrap.scrollWidth, wrap.clientWidth, wrap.getBoundingClientRect().right],
                page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
                window: innerWidth, cells: cells};
    }"""
    )


def overflow(view: dict) -> list:
    """Everything that would make the reader scroll sideways or miss a value."""
    problems = []
    if view["scrollWidth"] > view["clientWidth"] or view["right"] > view["window"]:
        problems.append(("table", view["scrollWidth"], view["clientWidth"], view["right"], view["window"]))
    if view["wrap"][0] > view["wrap"][1] or view["wrap"][2] > view["window"]:
        problems.append(("wrapper", view["wrap"], view["window"]))
    if view["page"][0] > view["page"][1]:
        problems.append(("page", view["page"]))
    for cell in view["cells"]:
        if not cell["visible"] or cell["width"] <= 0 or cell["height"] <= 0 or cell["left"] < 0 or max(cell["right"], cell["textRight"]) > view["window"]:
            problems.append(("cell", cell))
    return problems


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_figures_on_a_phone_fit_the_screen_each_value_labelled(browser, server, lang):
    page = open_page(browser, server, PAGES[lang], PHONE)
    view = layout(page)
    assert len(view["cells"]) >= 75 * 5  # every figure: number, indicator, value, unit or qualifier, paragraph
    assert overflow(view) == []
    # Each value sits beside its column's name: the label takes the cell's first column.
    assert all(cell["indent"] >= 40 for cell in view["cells"]), [c for c in view["cells"] if c["indent"] < 40][:3]
    assert {cell["label"] for cell in view["cells"]} == set(LABELS[lang])
    label = page.locator("#kf-023 td").nth(2).evaluate("td => getComputedStyle(td, '::before').content")
    assert "attr(data-label)" in label or LABELS[lang][2] in label, label
    # The column heads stay, as sort buttons within the screen's width, and sorting works.
    value_head = page.locator("table[data-sortable] th").nth(2)
    value_head.scroll_into_view_if_needed()
    expect(value_head.locator("button")).to_be_in_viewport(ratio=1)
    value_head.locator("button").tap()
    expect(value_head).to_have_attribute("aria-sort", "ascending")
    amounts = [float(x) for x in page.locator("table[data-sortable] tbody td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert amounts == sorted(amounts) and amounts[0] < amounts[-1]
    assert overflow(layout(page)) == []
    assert axe_violations_in(page) == []
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_figures_row_link_leads_to_the_paragraph_on_a_phone(browser, server, lang):
    page = open_page(browser, server, PAGES[lang], PHONE)
    row = page.locator("#kf-023")
    value = row.locator("td").nth(2).inner_text()
    link = row.locator("a[href$='#p-1-2-1']")
    link.scroll_into_view_if_needed()
    expect(link).to_be_in_viewport()
    link.tap()
    page.wait_for_url("**/yushan-2023/part-1/#p-1-2-1")
    paragraph = page.locator("#p-1-2-1")
    expect(paragraph).to_be_in_viewport()
    assert value == "8564.48" and ("8564.48" in paragraph.inner_text() or "85.6448" in paragraph.inner_text())
    page.context.close()


def accessibility_tree(page) -> tuple[collections.Counter, list[tuple[str, str]]]:
    """Chromium's own accessibility tree (what a screen reader is given): the count of each
    role, and each cell's name beside its text."""
    session = page.context.new_cdp_session(page)
    nodes = [n for n in session.send("Accessibility.getFullAXTree")["nodes"] if not n.get("ignored")]
    roles = collections.Counter(n["role"]["value"] for n in nodes)
    names = [n.get("name", {}).get("value", "") for n in nodes if n["role"]["value"] == "cell"]
    texts = page.locator("table[data-sortable] tbody td").evaluate_all("cells => cells.map(c => c.textContent)")
    return roles, list(zip(names, texts, strict=True))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_figures_on_a_phone_stay_a_table_to_a_screen_reader(browser, server, lang):
    page = open_page(browser, server, PAGES[lang], PHONE)
    roles, cells = accessibility_tree(page)
    assert (roles["table"], roles["row"], roles["columnheader"], roles["cell"]) == (1, 76, 7, 525), roles
    # A cell is announced by its value (with its column head), never "Value 8564.48".
    assert [name for name, text in cells if name != text.strip()] == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_key_figures_on_a_desktop_are_a_table_that_sorts(browser, server, lang):
    page = open_page(browser, server, PAGES[lang], DESKTOP)
    row = page.locator("#kf-023")
    tops = row.locator("td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().top)")
    assert len(set(tops)) == 1  # one line of six cells
    assert row.locator("td").nth(2).evaluate("td => getComputedStyle(td, '::before').content") in ("none", "normal")
    assert overflow(layout(page)) == []
    value_head = page.locator("table[data-sortable] th").nth(2)
    value_head.locator("button").click()
    expect(value_head).to_have_attribute("aria-sort", "ascending")
    value_head.locator("button").click()
    expect(value_head).to_have_attribute("aria-sort", "descending")
    amounts = [float(x) for x in page.locator("table[data-sortable] tbody td:nth-child(3)").evaluate_all("cells => cells.map(c => c.dataset.sort)")]
    assert amounts == sorted(amounts, reverse=True) and amounts[0] > amounts[-1]
    page.context.close()


def test_mutation_without_the_phone_layout_the_table_overflows(browser, server):
    page = open_with_stylesheet(browser, server, PAGES["en"], PHONE, "")
    view = layout(page)
    assert overflow(view) != []
    assert not all(cell["indent"] >= 40 for cell in view["cells"])
    page.context.close()


def test_mutation_labels_without_empty_alternative_text_are_read_out(browser, server):
    css = STYLESHEET.read_text(encoding="utf-8")
    silent = '    content: attr(data-label) / "";\n'
    assert css.count(silent) == 1
    page = open_with_stylesheet(browser, server, PAGES["en"], PHONE, css.replace(silent, ""))
    _, cells = accessibility_tree(page)
    assert [name for name, text in cells if name != text.strip()] != []
    page.context.close()


# Every other table of three columns or more, and how many rows each page's tables hold.
WIDE_TABLES = {
    "/yushan-2023/glossary/": "glossary",
    "/yushan-2023/editorial-notes/": "editorial notes: restorations, queries",
    "/yushan-2023/downloads/": "downloads",
    "/yushan-2023/revisions/": "revision history: the readings' scores, in a list item",
}


def wide_tables(page) -> dict:
    """Each table of three columns or more: whether it or a cell would make the reader
    scroll sideways, and each cell's label beside its column's head."""
    return page.evaluate(
        """() => {
        const tables = [...document.querySelectorAll('article table')].filter(t => t.querySelectorAll('thead th').length >= 3);
        const window_ = document.documentElement.clientWidth;
        return {page: document.documentElement.scrollWidth - window_, tables: tables.map(t => {
            const heads = [...t.querySelectorAll('thead th')].map(th => th.textContent.trim());
            const cells = [...t.querySelectorAll('tbody td')];
            const wrap = t.closest('.md-typeset__scrollwrap') || t;
            return {
                rows: t.querySelectorAll('tbody tr').length,
                wider: Math.max(t.scrollWidth - t.clientWidth, wrap.scrollWidth - wrap.clientWidth),
                outside: cells.filter(td => td.getBoundingClientRect().right > window_ + 0.5 || td.getBoundingClientRect().left < 0).length,
                unlabelled: cells.filter(td => td.dataset.label !== heads[td.cellIndex]).length,
                // The text starts right of the label's column (the label takes the margin).
                beside: cells.filter(td => td.textContent.trim()).every(td => {
                    const range = document.createRange();
                    range.selectNodeContents(td);
                    return range.getBoundingClientRect().left - td.getBoundingClientRect().left >= 40;
                }),
            };
        })};
    }"""
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", WIDE_TABLES)
def test_wide_tables_on_a_phone_fit_the_screen_each_cell_labelled(browser, server, path, lang):
    page = open_page(browser, server, path if lang == "zh" else "/en" + path, PHONE)
    view = wide_tables(page)
    assert view["tables"] and all(t["rows"] for t in view["tables"]), view
    assert view["page"] <= 0
    for table in view["tables"]:
        assert (table["wider"], table["outside"], table["unlabelled"], table["beside"]) == (0, 0, 0, True), (path, table)
    assert axe_violations_in(page) == []
    page.context.close()


def test_wide_tables_on_a_desktop_stay_tables(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/editorial-notes/", DESKTOP)
    row = page.locator("#r-1")
    tops = row.locator("td").evaluate_all("cells => cells.map(c => c.getBoundingClientRect().top)")
    assert len(set(tops)) == 1  # one line of five cells, the heads shown
    expect(page.locator("table").first.locator("thead th").first).to_be_visible()
    assert row.locator("td").first.evaluate("td => getComputedStyle(td, '::before').content") in ("none", "normal")
    page.context.close()


def test_mutation_without_the_phone_layout_wide_tables_overflow(browser, server):
    page = open_with_stylesheet(browser, server, "/en/yushan-2023/editorial-notes/", PHONE, "")
    view = wide_tables(page)
    assert any(t["wider"] > 0 or t["outside"] > 0 for t in view["tables"]) and not all(t["beside"] for t in view["tables"])
    page.context.close()
