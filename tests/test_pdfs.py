"""The PDFs a researcher downloads (issue 23), read with pypdf as a reader's copy and a
script read them: their text is the page's text, character for character, with no CJK
radical in place of an ideograph; every link leads to the published site; each opens with a
title block and carries its document properties; nothing in them only makes sense on a
screen; the Downloads pages give their real sizes.

The PDFs are printed once, by `make pdf`'s own code, into a copy of the session's site (the
Zensical comparison reads the site as built). Printing takes a while on a loaded machine.
"""

from __future__ import annotations

import functools
import re
import shutil
from collections import Counter
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from conftest import ROOT
from edition.generators import pdf as pdf_module
from edition.generators.browser import rendered, serve
from edition.generators.citation import page_unit
from edition.generators.pdf import not_printed, pdf_pages, prepare, print_pdfs
from edition.generators.pdf_fonts import RADICALS
from edition.model.blocks import read_page
from edition.model.project import Project

SITE_URL = "https://yushan-law-report.github.io/"
PRINTED = date(2026, 12, 6)
# What makes sense on a screen alone: how to search, report, cite, switch hints.
SCREEN_ONLY = {
    "zh": ["Ctrl", "纠错", "术语提示", "查找功能", "⇄", "¶"],
    "en": ["Ctrl", "Report an error", "“Report”", "Term hints", "Find command", "find-in-page", "⇄", "¶", re.compile(r"\bCite\b")],
}


@pytest.fixture(scope="module")
def printed(site, browser, tmp_path_factory):
    """A copy of the built site with the PDFs printed into it, and the PDFs by kind."""
    copy = tmp_path_factory.mktemp("printed") / "site"
    shutil.copytree(site, copy)
    paths = print_pdfs(Project(ROOT), copy, browser, printed=PRINTED)
    return copy, {path.name.split(".")[-2]: path for path in paths}


@functools.cache
def pdf_text(path: Path) -> str:
    """The PDF's text as pypdf extracts it; read once a PDF (seconds each), for every test."""
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_three_pdfs_with_every_paragraph_page_numbers_and_embedded_fonts(printed):
    _, pdfs = printed
    assert sorted(pdfs) == ["en", "parallel", "zh"]
    (report,) = Project(ROOT).reports
    paragraph_ids = [b.id for path in report.text_pages for b in read_page(path).blocks if b.is_text and b.id.startswith("p-")]
    for kind, path in pdfs.items():
        reader = PdfReader(path)
        text = pdf_text(path)
        assert [i for i in paragraph_ids if i not in text] == [], kind
        assert f"1 / {len(reader.pages)}" in text  # page numbers in the footer
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                if font["/Subtype"] == "/Type3":
                    continue  # glyphs drawn in the file itself
                descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                descriptor = descendant["/FontDescriptor"].get_object()
                assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (kind, font["/BaseFont"])


# What the printed page shows, as text: the content's text, and what print draws beside it
# (the footnotes' numbers, the print pages' margin ids, CSS ::before).
PRINTED_TEXT = """() => {
  const content = document.querySelector('.md-content');
  const pieces = [content.innerText];
  const shown = (element) => element.getClientRects().length > 0;
  for (const list of content.querySelectorAll('ol')) {
    let n = list.start || 1;
    for (const item of list.children) if (shown(item)) pieces.push((n++) + '.');
  }
  for (const p of content.querySelectorAll('p[id^="p-"]')) {
    const before = getComputedStyle(p, '::before').content;
    if (shown(p) && before.startsWith('"')) pieces.push(JSON.parse(before));
  }
  return pieces.join('\\n');
}"""


def body_chunks(path: Path) -> list[str]:
    """The PDF's text as pypdf extracts it, chunk by chunk, less the running header and the
    page numbers (drawn in the top and bottom margins)."""
    chunks: list[str] = []
    for page in PdfReader(path).pages:
        height = float(page.mediabox.height)

        def visit(text, cm, tm, font, size, height=height):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip() and 40 < y < height - 40:
                chunks.append(text)

        page.extract_text(visitor_text=visit)
    return chunks


def test_the_text_is_the_pages_text_without_look_alike_radicals(printed, browser):
    """pypdf reads the PDF's own ToUnicode map, as a reader's copy does. The characters of
    each PDF, whitespace aside, are those the page prints, each as often (its title block
    added, the running header and page numbers left out), and each run of text pypdf reads
    stands in the page's text as it is: no radical for an ideograph, no glyph lost."""
    copy, pdfs = printed
    project = Project(ROOT)
    (report,) = project.reports
    with serve(copy) as base:
        context = browser.new_context(bypass_csp=True)
        for pdf in pdf_pages(report.slug):
            path = pdfs[pdf.kind]
            assert not [ch for ch in pdf_text(path) if ord(ch) in RADICALS], pdf.kind
            page = context.new_page()
            page.goto(base + pdf.path)
            rendered(page)
            prepare(page, project, report, pdf, PRINTED)
            page.emulate_media(media="print")
            expected = bare(page.evaluate(PRINTED_TEXT))
            page.close()
            chunks = body_chunks(path)
            found = bare("".join(chunks))
            assert Counter(found) - Counter(expected) == Counter() and Counter(expected) - Counter(found) == Counter(), pdf.kind
            assert [chunk for chunk in map(bare, chunks) if chunk not in expected] == [], pdf.kind
            if "zh" in pdf.langs:
                assert "重大行政决策" in found
        context.close()


def test_mutation_printed_with_the_systems_fonts_the_text_has_radicals(site, browser, tmp_path, monkeypatch):
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    monkeypatch.setattr(pdf_module, "printing_fontconfig", lambda folder: Path("/etc/fonts/fonts.conf"))
    with pytest.raises(SystemExit, match=r"yushan-2023\.zh\.pdf: \d+ characters of its text are CJK radicals"):
        print_pdfs(Project(ROOT), copy, browser, printed=PRINTED)


def test_every_link_leads_to_the_published_site(printed):
    copy, pdfs = printed
    for kind, path in pdfs.items():
        uris = []
        for page in PdfReader(path).pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is not None and "/URI" in action:
                    uris.append(str(action["/URI"]))
        assert len(uris) >= 5, kind
        for uri in uris:
            assert uri.startswith(SITE_URL), (kind, uri)
            url = urlparse(uri)
            target = copy / url.path.lstrip("/")
            target = target / "index.html" if url.path.endswith("/") else target
            assert target.is_file(), (kind, uri)
            if url.fragment:
                assert f'id="{url.fragment}"' in target.read_text(encoding="utf-8"), (kind, uri)


def test_each_pdf_opens_with_its_title_block_and_says_so_in_its_properties(printed):
    _, pdfs = printed
    project = Project(ROOT)
    (report,) = project.reports
    for pdf in pdf_pages(report.slug):
        reader = PdfReader(pdfs[pdf.kind])
        first = bare(reader.pages[0].extract_text())
        for lang in pdf.langs:
            unit = page_unit(project, report, lang, "")
            label = unit.version.label_zh if lang == "zh" else unit.version.label
            printed_on = "2026年12月6日" if lang == "zh" else "2026-12-06"
            for part in (unit.title, unit.edition, label, printed_on, f"{SITE_URL}{report.slug}/files/{pdf.name}", unit.url, "CCBY4.0"):
                assert bare(part) in first, (pdf.kind, part)
            assert bare("引用方式" if lang == "zh" else "How to cite") in first
        info = reader.metadata
        units = [page_unit(project, report, lang, "") for lang in pdf.langs]
        assert info.title == " · ".join(u.title for u in units)
        assert units[0].author in info.author and info.subject and units[0].version.release in info.subject
        assert reader.trailer["/Root"]["/Lang"] == ("zh-CN" if pdf.langs[0] == "zh" else "en")
        if pdf.kind == "en":
            assert "translated by" in info.author


def test_no_instruction_that_only_makes_sense_on_a_screen(printed):
    _, pdfs = printed
    for pdf in pdf_pages("yushan-2023"):
        text = pdf_text(pdfs[pdf.kind])
        for lang in pdf.langs:
            for word in SCREEN_ONLY[lang]:
                found = word.search(text) if isinstance(word, re.Pattern) else word in text
                assert not found, (pdf.kind, word)


def test_downloads_pages_give_each_pdfs_real_size_or_say_it_was_not_printed(printed, site):
    copy, pdfs = printed
    for lang, prefix in (("zh", ""), ("en", "en/")):
        html = (copy / prefix / "yushan-2023/downloads/index.html").read_text(encoding="utf-8")
        built = (site / prefix / "yushan-2023/downloads/index.html").read_text(encoding="utf-8")
        for path in pdfs.values():
            cell = re.search(rf'data-file="{re.escape(path.name)}">([^<]*)</td>', html).group(1)
            assert cell == f"{path.stat().st_size / 1024:.1f} KB", (lang, path.name)
            assert re.search(rf'data-file="{re.escape(path.name)}">([^<]*)</td>', built).group(1) == not_printed(lang)
            assert f'href="{"../files/" if lang == "zh" else "../../../yushan-2023/files/"}{path.name}"' in html
