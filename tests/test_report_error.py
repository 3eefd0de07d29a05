"""Reporting an error (issue 23), in Chromium: every paragraph and every side-by-side row has
a "Report an error" / "纠错" link, which opens a report of the paragraph: its id, its
published address (site_url, not the host it was read from), its version, its source files
and its text in both languages; ready to copy, as a prefilled GitHub issue and, where
mkdocs.yml names an address, as an e-mail, each cut with a visible mark and the paragraph's
address where the link's length demands. Both languages, desktop and phone; mutation tests
serve a broken edition.js and prove the checks then fail.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from playwright.sync_api import expect
from test_desk import DESKTOP, PHONE, open_page

from conftest import ROOT
from edition.generators.browser import rendered
from edition.generators.citation import page_unit
from edition.model.project import Project

REPOSITORY = "https://github.com/yushan-law-report/yushan-law-report.github.io"
SITE_URL = "https://yushan-law-report.github.io/"
PAGES = {"zh": "/yushan-2023/part-1/", "en": "/en/yushan-2023/part-1/"}
PARALLEL = {"zh": "/yushan-2023/parallel/", "en": "/en/yushan-2023/parallel/"}
LABEL = {"zh": "纠错", "en": "Report an error"}


def records(site) -> dict[str, dict]:
    lines = (site / "yushan-2023/files/yushan-2023-aligned.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, lines)}


def open_report(page, selector: str):
    page.locator(selector).first.click()
    dialog = page.locator("dialog.report-dialog[open]")
    expect(dialog.locator("pre.report-text")).to_be_visible()
    return dialog


def issue_fields(href: str) -> dict[str, str]:
    url = urlparse(href)
    assert f"{url.scheme}://{url.netloc}{url.path}" == f"{REPOSITORY}/issues/new", href
    return {key: values[0] for key, values in parse_qs(url.query).items()}


def expected_head(lang: str, paragraph: str = "p-1-2-1", page: str = "part-1") -> list[str]:
    project = Project(ROOT)
    (report,) = project.reports
    unit = page_unit(project, report, lang, page, paragraph)
    return [
        f"Paragraph: {paragraph}",
        f"Page: {SITE_URL}{'en/' if lang == 'en' else ''}yushan-2023/{page + '/' if page else ''}?v={unit.version.release}#{paragraph}",
        "Read in: " + ("zh (Chinese original)" if lang == "zh" else "en (English translation)"),
        f"Version: {unit.version.label}",
        f"Source files: docs/yushan-2023/{page or 'index'}.md, docs/yushan-2023/{page or 'index'}.en.md",
    ]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_paragraph_has_a_report_link_named_in_full(browser, server, lang, width):
    page = open_page(browser, server, PAGES[lang], width)
    paragraphs = page.locator(".md-content p[id^='p-']")
    links = page.locator(".md-content p[id^='p-'] > .para-links > a.para-report")
    assert paragraphs.count() > 10 and links.count() == paragraphs.count()
    link = page.locator("#p-1-2-1 a.para-report")
    assert link.inner_text() == LABEL[lang]
    assert link.get_attribute("aria-label") == ("纠错 p-1-2-1（报告本段错误）" if lang == "zh" else "Report an error in p-1-2-1")
    assert link.get_attribute("aria-haspopup") == "dialog"
    if width == PHONE:  # no hover on a phone: the link is always shown
        expect(link).to_be_visible()
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_report_names_the_published_address_version_and_both_languages(browser, server, site, lang, width):
    page = open_page(browser, server, PAGES[lang], width)
    dialog = open_report(page, "#p-1-2-1 a.para-report")
    text = dialog.locator("pre.report-text").inner_text()
    assert text.split("\n")[:5] == expected_head(lang)
    assert server not in text
    record = records(site)["p-1-2-1"]
    assert "> " + record["zh"] in text and "> " + record["en"] in text  # both, whole: nothing cut in the copy
    issue = issue_fields(dialog.locator("a.report-issue").get_attribute("href"))
    assert issue["title"] == ("纠错：p-1-2-1 (zh)" if lang == "zh" else "Correction: p-1-2-1 (en)")
    assert issue["body"].split("\n")[:5] == expected_head(lang)
    assert len(dialog.locator("a.report-issue").get_attribute("href")) <= 8000
    assert dialog.locator("a.report-mail").count() == 0  # mkdocs.yml names no address
    dialog.locator("button.cite-copy").click()
    expect(dialog.locator("button.cite-copy")).to_have_text("已复制" if lang == "zh" else "Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(issue["title"] + "\n\n") and text.strip() in copied
    assert page.errors == []
    page.context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_side_by_side_row_reports_its_paragraph_on_its_own_page(browser, server, lang):
    page = open_page(browser, server, PARALLEL[lang], DESKTOP)
    rows = page.locator(".parallel-row[id]").evaluate_all(
        """rows => rows.filter(r => r.querySelector('button[data-cite]')).map(r => {
            const links = r.querySelectorAll('a.para-report');
            return [r.id, links.length, links.length ? links[0].textContent : ''];
        })"""
    )
    assert len(rows) >= 24 and [row for row in rows if row[1:] != [1, LABEL[lang]]] == []
    dialog = open_report(page, "#p-1-1-3 a.para-report")
    assert dialog.locator("pre.report-text").inner_text().split("\n")[:5] == expected_head(lang, "p-1-1-3")
    page.context.close()


def test_the_cite_dialog_leads_to_the_report(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/part-2/", DESKTOP)
    page.locator("#p-2-1 button.para-cite").click()
    page.locator("dialog.cite-dialog button.cite-report-error").click()
    dialog = page.locator("dialog.report-dialog[open]")
    expect(dialog.locator("pre.report-text")).to_contain_text("Paragraph: p-2-1")
    assert page.locator("dialog.cite-dialog:not(.report-dialog)").count() == 0  # the Cite dialog closed
    page.context.close()


def with_email(page, address: str) -> None:
    """Serve the page's data as mkdocs.yml's extra.corrections_email would make it."""

    def fulfil(route):
        response = route.fetch()
        body = response.text().replace('"email": ""', f'"email": "{address}"')
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/part-1/$"), fulfil)


def test_with_an_address_configured_the_report_goes_by_e_mail_cut_with_a_visible_mark(browser, server, site):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 700})
    page = context.new_page()
    with_email(page, "corrections@example.org")
    page.goto(server + PAGES["en"])
    rendered(page)
    dialog = open_report(page, "#p-1-2-1 a.para-report")
    mail = dialog.locator("a.report-mail").get_attribute("href")
    assert mail.startswith("mailto:corrections@example.org?subject=") and len(mail) <= 2000
    body = unquote(mail.split("&body=", 1)[1])
    assert body.split("\n")[:5] == expected_head("en")
    # Both languages, each cut short with a mark that says where the whole paragraph is.
    release = page_unit(Project(ROOT), Project(ROOT).reports[0], "en", "part-1").version.release
    mark = f" … [cut here: the whole paragraph is at {SITE_URL}en/yushan-2023/part-1/?v={release}#p-1-2-1]"
    record = records(site)["p-1-2-1"]
    quoted = [line[2:] for line in body.split("\n") if line.startswith("> ")]
    assert len(quoted) == 2 and all(q.endswith(mark) for q in quoted)
    assert record["zh"].startswith(quoted[0].removesuffix(mark)) and record["en"].startswith(quoted[1].removesuffix(mark))
    context.close()


def test_mutation_the_report_with_the_host_it_was_read_from_fails(browser, server):
    page = open_page(browser, server, PAGES["en"], DESKTOP, ("report.js", '"Page: " + c.url,', '"Page: " + location.href.split("#")[0] + "#" + c.paragraph,'))
    text = open_report(page, "#p-1-2-1 a.para-report").locator("pre.report-text").inner_text()
    assert text.split("\n")[:5] != expected_head("en") and server in text
    page.context.close()


def test_mutation_without_the_rows_in_the_selector_no_row_has_a_report_link(browser, server):
    page = open_page(
        browser,
        server,
        PARALLEL["en"],
        DESKTOP,
        ("edition.js", '> .para-links, .parallel-row[id] .parallel-tools")', '> .para-links")'),
    )
    expect(page.locator("#p-1-2-1 .parallel-tools button.para-cite")).to_be_visible()
    assert page.locator(".parallel-row a.para-report").count() == 0
    page.context.close()
