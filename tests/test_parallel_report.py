"""A Report link on each row of the side-by-side view, in Chromium: beside the row's Cite,
labelled in the page's language, it opens the same prefilled GitHub issue as the Report
link of the paragraph on its own page (the paragraph id, the page's language, that page's
address, source file and version), quoting the row as shown. Both languages, desktop and
phone. Mutation tests serve edition.js without the rows' links, or without the row's own
page, and prove the checks then fail.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from test_desk import DESKTOP, PHONE, issue_fields, open_page, page_version

PARALLEL = {"zh": "/yushan-2023/parallel/", "en": "/en/yushan-2023/parallel/"}
PART_1 = {"zh": "/yushan-2023/part-1/", "en": "/en/yushan-2023/part-1/"}
WORD = {"zh": "纠错", "en": "Report"}


def report_fields(page, paragraph: str) -> dict[str, str]:
    """The issue a paragraph's Report link opens, its address filled in as a reader reaches
    for the link (keyboard focus)."""
    link = page.locator(f"#{paragraph} a.para-report")
    link.focus()
    expect(link).to_have_attribute("href", re.compile(r"body="))
    return issue_fields(link.get_attribute("href"))


def details(body: str) -> str:
    """The body's lines above the quoted text: page, paragraph, language, file, version."""
    return body.split("Quoted text:")[0]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_side_by_side_row_reports_its_paragraph(browser, server, site, lang, width):
    page = open_page(browser, server, PARALLEL[lang], width)
    # One link per row that has a Cite button, inside that row, named for its paragraph.
    rows = page.locator(".parallel-row[id]").evaluate_all(
        """rows => rows.filter(r => r.querySelector('button[data-cite]')).map(r => {
            const links = r.querySelectorAll('a.para-report');
            return [r.id, links.length, links.length ? links[0].textContent : '', links.length ? links[0].getAttribute('aria-label') : ''];
        })"""
    )
    assert len(rows) == page.locator(".parallel-row[id]:not(.parallel-heading)").count() >= 24  # paragraphs and table rows
    assert [row for row in rows if row[1:3] != [1, WORD[lang]] or not row[3].startswith(WORD[lang]) or row[0] not in row[3]] == []
    link = page.locator("#p-1-2-1 .parallel-tools a.para-report")
    link.scroll_into_view_if_needed()
    expect(link).to_be_in_viewport()
    assert link.get_attribute("target") == "_blank" and link.get_attribute("rel") == "noopener"

    fields = report_fields(page, "p-1-2-1")
    assert fields["title"] == ("纠错：p-1-2-1 (zh)" if lang == "zh" else "Correction: p-1-2-1 (en)")
    body = fields["body"]
    version = page_version(site, lang)  # part-1's own version, from its page
    expected = version["version_date"] + (f" ({version['version']})" if version["version"] else "")
    assert details(body).split("\n") == [
        f"Page: {server}{PART_1[lang]}#p-1-2-1",  # the paragraph on its own page
        "Paragraph: p-1-2-1",
        "Language: " + ("zh (Chinese original)" if lang == "zh" else "en (English translation)"),
        "Source file: docs/yushan-2023/part-1" + ("" if lang == "zh" else ".en") + ".md",
        f"Version: {expected}",
        "",
        "",
    ]
    # The row as shown: both languages' text, none of its furniture.
    quote = body.split("Quoted text:")[1]
    assert "1162个事项" in quote and "1,162 items" in quote
    assert not [word for word in ("Cite", "引用", "Report", "纠错：", "Notes", "注释", "中文\n", "EN\n", "p-1-2-1") if word in quote], quote
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_row_report_link_is_the_paragraph_pages_own(browser, server, lang):
    row = open_page(browser, server, PARALLEL[lang], DESKTOP)
    own = open_page(browser, server, PART_1[lang], DESKTOP)
    for paragraph in ("p-1-1-3", "p-1-2-1"):
        on_row, on_page = report_fields(row, paragraph), report_fields(own, paragraph)
        assert on_row["title"] == on_page["title"]
        assert details(on_row["body"]) == details(on_page["body"])
    row.context.close()
    own.context.close()


def test_mutation_without_the_rows_in_the_selector_no_row_has_a_report_link(browser, server):
    page = open_page(
        browser,
        server,
        PARALLEL["en"],
        DESKTOP,
        ("edition.js", '> .para-links, .parallel-row[id] .parallel-tools"', '> .para-links"'),
    )
    expect(page.locator("#p-1-2-1 .parallel-tools button.para-cite")).to_be_visible()
    assert page.locator(".parallel-row a.para-report").count() == 0
    page.context.close()


def test_mutation_without_the_rows_own_page_the_issue_names_the_side_by_side_page(browser, server):
    page = open_page(
        browser, server, PARALLEL["en"], DESKTOP, ("edition.js", 'var button = element && element.querySelector("[data-cite-source]");', "var button = null;")
    )
    lines = details(report_fields(page, "p-1-2-1")["body"]).split("\n")
    assert lines[0] == f"Page: {server}{PARALLEL['en']}#p-1-2-1" and lines[3] == "Source file: docs/yushan-2023/parallel.en.md"
    page.context.close()
