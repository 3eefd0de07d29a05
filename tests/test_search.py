"""Search as a reader uses it (issue 13), in the system Chromium on the built site, and
the indexes it reads: what they hold, what the first search downloads.

The query set is data (tests/search-queries.yml); scripts/edition/workbench/search_queries.py types
each query into Material's search dialog and reads the results in the order shown.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from browsing import Visit
from test_accessibility import axe_violations

from conftest import ROOT, build_site
from edition.generators.browser import rendered, serve, wait_until
from edition.model.glossary import load_terms
from edition.model.project import Project
from edition.passes import search_index
from edition.workbench.measure import gzip_size
from edition.workbench.scale import synthetic_project
from edition.workbench.search_queries import START, QueryFileError, ask, load_queries, precision

FIRST_SEARCH_BUDGET = 80 * 1024  # gzip, per language: worker, indexes, all of it (test_budgets.py)

# Text of the page furniture, in both languages, that must never be searchable.
UI_TEXT = [
    "¶",
    "⇄",
    "Link to this paragraph",
    "Side by side p-",
    "本段链接",
    "Unofficial translation. The",
    "Last updated",
    "最后更新",
    "Edit this page",
    "编辑此页",
]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_query_lands_its_paragraph(browser, server, lang):
    queries = load_queries()[lang]
    assert len(queries) >= 40
    visit = Visit(browser, server, START[lang])
    missed, results = [], []
    for query in queries:
        found, _elapsed = ask(visit.page, server, query.text)
        results.append((query, found))
        if query.expect not in found[: query.top]:
            missed.append(f"tests/search-queries.yml:{query.line}: {query.text!r} → {found[:3]}, expected {query.expect}")
        assert all(link.startswith("/en/") == (lang == "en") for link in found), (query.text, found)
    assert missed == []
    assert precision(results)["at_5"] == 1.0
    assert visit.errors == []


def test_query_file_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "queries.yml"
    bad.write_text("zh:\n  - {query: 调解, expect: /x/#p-1}\n  - {query: 信访}\nen:\n  - {query: a, expect: /en/x/#p-1}\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=r"queries\.yml:3: each query needs"):
        load_queries(bad)
    bad.write_text("zh: [\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=r"queries\.yml:2: malformed YAML"):
        load_queries(bad)


def index_entries(site: Path) -> dict[str, list[dict]]:
    """Every search index file of the site (both languages) → its entries."""
    files = sorted(site.glob("search/*.json")) + sorted(site.glob("en/search/*.json"))
    assert len(files) >= 4, files
    return {f.relative_to(site).as_posix(): json.loads(f.read_text(encoding="utf-8"))["docs"] for f in files}


def readable(entry: dict) -> str:
    return html.unescape(" ".join(str(entry.get(key, "")) for key in ("title", "text", "alt"))).replace("\u200b", "")


def glossary_definitions() -> list[str]:
    """The glossary's definitions (both languages): the tooltips' text on the pages."""
    project = Project(ROOT)
    notes = [note for report in project.reports for term in load_terms(report) for note in (term.note_en, term.note_zh)]
    return sorted({note.strip() for note in notes if len(note) > 20})


def furniture_in(entries: dict[str, list[dict]], definitions: list[str]) -> list[str]:
    """Tooltip definitions and UI strings found in index entries, each named. The glossary's
    pages (glossary/, glossary-2/ …) are exempt from the definitions: there they are the
    text the reader reads."""
    found = []
    for name, docs in entries.items():
        for doc in docs:
            text = readable(doc)
            found += [f"{name} {doc['location']}: UI text {ui!r}" for ui in UI_TEXT if ui in text]
            if not re.search(r"/glossary(?:-\d+)?/", f"/{doc['location']}"):
                found += [f"{name} {doc['location']}: tooltip {d[:40]!r}" for d in definitions if d in text]
    return found


def test_indexes_hold_no_tooltip_or_ui_text(site):
    definitions = glossary_definitions()
    assert len(definitions) > 100
    assert furniture_in(index_entries(site), definitions) == []


def test_the_furniture_check_finds_tooltips_and_ui_text(monkeypatch):
    # A paragraph as the tooltips and paragraph links write it (tooltips.py, hooks.py).
    definition = next(d for d in glossary_definitions() if d.isascii())
    page = (
        '<article class="md-content__inner"><h2 id="s-1">Heading<a class="headerlink" href="#s-1">¶</a></h2>'
        f'<p id="p-1">The <a class="gloss" href="#">term<span class="gloss-tip" role="tooltip">x<br>{html.escape(definition)}</span></a> applies.'
        '<span class="para-links"><a class="para-link" href="#p-1" aria-label="Link to this paragraph p-1">¶</a>'
        '<button type="button" class="para-link para-cite">Cite</button></span></p></article>'
    )
    entries = {"en/search/x.json": search_index.page_entries("x/", "X", page, "report", lambda t: [t])}
    assert furniture_in(entries, [definition]) == []
    assert readable(entries["en/search/x.json"][-1]).strip() == "The term applies."
    # Mutation: nothing left out, as Material's own index did; the check must see it.
    monkeypatch.setattr(search_index, "FURNITURE", set())
    entries = {"en/search/x.json": search_index.page_entries("x/", "X", page, "report", lambda t: [t])}
    found = furniture_in(entries, [definition])
    assert any("tooltip" in f for f in found), found
    assert any("UI text '¶'" in f for f in found), found


def test_numbers_are_indexed_in_every_written_form():
    assert search_index.number_forms("1162个事项") == ["1,162"]
    assert search_index.number_forms("1,162 items") == ["1162"]
    assert search_index.number_forms("8564.48万元") == ["8,564.48", "85644800", "85,644,800", "85.6448"]
    assert search_index.number_forms("RMB 85.6448 million") == ["85644800", "85,644,800", "8564.48"]
    assert search_index.number_forms("85,644,800 yuan") == ["85644800", "85.6448", "8564.48"]
    assert search_index.number_forms("99.75%") == ["99.75 percent"]
    assert search_index.number_forms("yushan-2023 in 2023, sha e4bd32bc946") == []
    # A web address's digits are no figure (a glossary source: 1004365 got 1,004,365 and
    # 100.4365, which no reader searches for and every first search downloaded).
    assert search_index.number_forms("Sixth Tone (https://www.sixthtone.com/news/1004365) uses it") == []


def test_apparatus_and_notes_are_marked_below_the_report(site):
    docs = {d["location"]: d for d in json.loads((site / "en/search/yushan-2023.json").read_text(encoding="utf-8"))["docs"]}
    assert docs["yushan-2023/part-1/#p-1-2-1"]["k"] == "report"
    assert docs["yushan-2023/part-1/#p-1-2-1"]["h"] == "yushan-2023/part-1/#s-1-2"
    assert "title" not in docs["yushan-2023/part-1/#p-1-2-1"]  # a paragraph shows its heading's
    assert docs["yushan-2023/glossary/"]["k"] == "apparatus"
    assert docs["yushan-2023/editorial-notes/"]["k"] == "apparatus"
    assert any(d["k"] == "note" and "#fn:" in loc for loc, d in docs.items())


def search_requests(visit: Visit, server: str) -> list[str]:
    return [url.removeprefix(server) for url in visit.requests if "/search/" in url or "/workers/" in url or "/lunr/" in url]


@pytest.mark.parametrize("path", ["/yushan-2023/part-2/", "/en/yushan-2023/part-2/"])
def test_a_result_opens_its_paragraph_highlighted(browser, server, site, path):
    visit = Visit(browser, server, path, idle=True)
    before = len(visit.requests)
    found, _ = ask(visit.page, server, "1162")
    index = "en/search/yushan-2023.json" if path.startswith("/en/") else "search/yushan-2023.json"
    assert [u for u in visit.requests[before:] if "/search/" in u] == [f"{server}/{index}"]
    fetched = sum(gzip_size((site / u.lstrip("/").split("?")[0]).read_bytes()) for u in search_requests(visit, server))
    assert fetched <= FIRST_SEARCH_BUDGET, fetched
    later = len(visit.requests)
    ask(visit.page, server, "99.75")
    assert visit.requests[later:] == []  # the report's index is loaded once
    expect = ("/en" if path.startswith("/en/") else "") + "/yushan-2023/part-1/#p-1-2-1"
    assert found[0] == expect
    # The page title of the result leads to the paragraph too, not to the top of the page.
    visit.page.locator(".md-search-result__item a.md-search-result__link").first.click()
    visit.page.wait_for_url(f"**{expect.split('#')[0]}?h=*#p-1-2-1")
    paragraph = visit.page.locator("#p-1-2-1")
    assert paragraph.evaluate("p => p.matches(':target')")
    assert paragraph.evaluate("p => getComputedStyle(p).backgroundColor") != "rgba(0, 0, 0, 0)"
    visit.page.wait_for_selector("#p-1-2-1 mark[data-md-highlight]")
    assert paragraph.evaluate("p => p.getBoundingClientRect().top") < 900
    assert visit.errors == []


def test_the_empty_field_is_stamped_answered_when_the_search_was_ready_first(browser, server):
    """edition.js stamps which query the results answer when Material rewrites their count;
    a page whose search worker was ready before edition.js arrived had its first rewrite
    ("Type to start searching") unstamped, and a wait for it ran out (1 of 556, in two
    processes). Held back until Material's search is ready, edition.js stamps it at once."""
    first = []

    def later(route):
        if not first:  # the page's own <script>: empty; the script is added below, later
            first.append(route.request.url)
            route.fulfill(body="", content_type="text/javascript")
        else:
            route.continue_()

    page = browser.new_page()
    page.route("**/assets/javascripts/edition.js", later)
    page.goto(server + "/en/yushan-2023/part-2/")
    placeholder = "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
    wait_until(page, f"document.querySelector('.md-search-result__meta').textContent === {placeholder}")
    page.add_script_tag(url=first[0])
    wait_until(page, "document.querySelector('.md-search-result').dataset.answered === ''")
    page.close()


def test_keyboard_opens_the_first_result(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/part-3/")
    visit.page.keyboard.press("s")
    # One input, as an input method inserts text, then a key: one query, so the results
    # stamped as answering it are its own and not a late answer to "lead goose effec".
    visit.page.keyboard.insert_text("lead goose effect")
    visit.page.keyboard.press("End")
    wait_until(visit.page, "document.querySelector('.md-search-result').dataset.answered === 'lead goose effect'")
    visit.page.keyboard.press("ArrowDown")
    assert visit.page.evaluate("document.activeElement.href").endswith("#p-1-1-2")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/en/yushan-2023/part-1/?h=*#p-1-1-2")
    assert visit.errors == []


@pytest.mark.parametrize(
    ("path", "query", "paragraph"), [("/yushan-2023/part-3/", "行政复议", "#p-1-5-1"), ("/en/yushan-2023/part-3/", "lead goose effect", "#p-1-1-2")]
)
def test_a_query_pasted_without_a_key_press_is_answered(browser, server, path, query, paragraph):
    # A phone's Paste, dictation or an input method's commit: text arrives as one input
    # event and no key is pressed (Material itself answers keyup alone).
    visit = Visit(browser, server, path, width=375)
    visit.page.locator("label.md-header__button[for='__search']").tap()
    field = visit.page.locator("input.md-search__input")
    field.wait_for(state="visible")
    field.evaluate("(input, text) => { input.value = text; input.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste'})); }", query)
    wait_until(visit.page, f"document.querySelector('.md-search-result').dataset.answered === '{query}'")
    first = visit.page.locator(".md-search-result__item a.md-search-result__link").first
    assert paragraph in first.get_attribute("href")
    assert visit.errors == []
    visit.page.close()


@pytest.mark.parametrize("path", ["/yushan-2023/part-1/", "/en/"])
def test_search_open_with_results_has_no_violations(browser, server, path):
    visit = Visit(browser, server, path)
    visit.page.keyboard.press("s")
    visit.page.keyboard.insert_text("1162")
    visit.page.keyboard.press("End")
    wait_until(visit.page, "document.querySelector('.md-search-result').dataset.answered === '1162'")
    assert visit.page.locator(".search-scope input[type=checkbox]").is_visible()
    assert visit.page.get_by_role("dialog").get_attribute("aria-label")
    assert axe_violations(visit) == []


@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """The project with one synthetic report (synth-01, a copy of the real one) beside it."""
    root = synthetic_project(ROOT, tmp_path_factory.mktemp("two") / "project", 1)
    site = root / "site"
    result = build_site(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as base:
        yield base


def test_search_this_report_or_all(browser, two_reports):
    server = two_reports
    visit = Visit(browser, server, "/en/synth-01/part-1/", idle=True)
    found, _ = ask(visit.page, server, "Four Petals")
    assert found[0] == "/en/synth-01/part-1/#p-1-2-3"
    assert not any(link.startswith("/en/yushan-2023/") for link in found), found
    assert not any("/yushan-2023.json" in u for u in visit.requests)
    visit.page.keyboard.press("Tab")  # from the field, by keyboard, to the choice
    box = visit.page.locator(".search-scope input[type=checkbox]")
    box.focus()
    visit.page.keyboard.press("Space")
    assert box.is_checked()
    wait_until(visit.page, "Array.from(document.querySelectorAll('.md-search-result__item a'), a => a.href).some(h => h.includes('/en/yushan-2023/part-1/'))")
    assert any(u.endswith("/en/search/yushan-2023.json") for u in visit.requests)
    # The choice holds for the next page of the session.
    other = visit.page
    other.goto(server + "/en/synth-01/part-3/")
    rendered(other)
    found, _ = ask(other, server, "Four Petals")
    assert "/en/yushan-2023/part-1/#p-1-2-3" in found and "/en/synth-01/part-1/#p-1-2-3" in found, found
    assert visit.errors == []


def test_the_revision_history_is_found_by_its_headings_alone(site):
    """The revision history gains an entry at every revision: indexed in full, it put the
    English first search 2.5 KB over its budget. Its title, lead and entry headings are
    indexed (a search for "fifteenth reading" finds the entry); the text under them is not."""
    for lang, prefix in (("zh", ""), ("en", "en/")):
        docs = json.loads((site / f"{prefix}search/yushan-2023.json").read_text(encoding="utf-8"))["docs"]
        history = [d for d in docs if d["location"].startswith("yushan-2023/revisions/")]
        page, *entries = history
        assert page["location"] == "yushan-2023/revisions/" and page["text"], lang
        assert len(entries) >= 8 and all(e.get("title") and "text" not in e and "alt" not in e for e in entries), (lang, entries[:2])
    titles = [d.get("title", "") for d in docs if d["location"].startswith("yushan-2023/revisions/#")]
    assert any("fifteenth reading" in t for t in titles), titles
