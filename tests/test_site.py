"""The built site: both languages, every page, no Chinese fallback, checks inside the build."""

from __future__ import annotations

import re
from html import escape

from conftest import ROOT
from edition.model.blocks import read_page
from edition.model.project import Project
from edition.model.text import RESTORATION, plain_text
from edition.workbench.processes import run


def html(site, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_page_is_built_in_both_languages(site):
    project = Project(ROOT)
    for zh in project.pages_in("zh"):
        rel = zh.relative_to(project.docs).with_suffix("")
        url = "" if rel.name == "index" and rel.parent == rel.parent.parent else str(rel)
        url = str(rel.parent) if rel.name == "index" else str(rel)
        url = "" if url == "." else url
        zh_html, en_html = html(site, url), html(site, f"en/{url}")
        assert '<html lang="zh"' in zh_html, url
        assert '<html lang="en"' in en_html, url


def report_page(name: str, lang: str = "zh"):
    """A page of the report, parsed (the expectations come from the pages, not from here)."""
    return read_page(ROOT / "docs" / "yushan-2023" / (f"{name}.md" if lang == "zh" else f"{name}.{lang}.md"))


def test_english_pages_are_english_not_a_fallback(site):
    page = html(site, "en/yushan-2023/part-1")
    en, zh = report_page("part-1", "en"), report_page("part-1")
    h1 = re.search(r"<h1 id=\"part-1\">(.*?)<", page).group(1)
    assert h1 == escape(plain_text(en.title), quote=False)
    assert "Unofficial translation." in page
    first = next(b for b in zh.blocks if b.kind == "paragraph")
    assert plain_text(first.text)[:12] not in page


def test_chinese_pages_have_no_translation_notice(site):
    assert "Unofficial translation." not in html(site, "yushan-2023/part-1")


def test_paragraph_ids_are_anchors_in_both_languages(site):
    for url, lang in (("yushan-2023/part-1", "zh"), ("en/yushan-2023/part-1", "en")):
        page = html(site, url)
        ids = [b.id for b in report_page("part-1", lang).blocks if b.is_text and not b.id.startswith("table-")]
        assert ids
        for ident in ids:
            assert f'id="{ident}"' in page, (url, ident)


def test_restorations_link_to_their_notes(site):
    project = Project(ROOT)
    (report,) = project.reports
    notes = report.data("editorial-notes.yml")["restorations"]
    assert notes
    for note in notes:
        path = next(p for p in report.text_pages if note["paragraph"] in project.page(p).ids)
        url = "yushan-2023" if path.stem == "index" else f"yushan-2023/{path.stem}"
        base = "" if path.stem == "index" else "../"
        mark = RESTORATION.search(note["edition"]).group(0)
        link = f'<a class="restoration" href="{base}editorial-notes/#{note["id"]}" title="[^"]+">{re.escape(mark)}</a>'
        assert re.search(link, html(site, url)), note["id"]


def test_editorial_notes_list_every_restoration_in_both_languages(site):
    (report,) = Project(ROOT).reports
    notes = report.data("editorial-notes.yml")
    for url in ("yushan-2023/editorial-notes", "en/yushan-2023/editorial-notes"):
        page = html(site, url)
        rows = re.findall(r'<tr id="(r-\d+|q-\d+)"[ >]', page)
        assert rows == [n["id"] for kind in ("restorations", "queries") for n in notes[kind]], url
        for chrome in notes["chrome"]:
            assert escape(chrome["text"] or "", quote=False) in page


def test_chinese_inside_english_pages_is_marked(site):
    page = html(site, "en/yushan-2023/part-1")
    source = (ROOT / "docs" / "yushan-2023" / "part-1.en.md").read_text(encoding="utf-8")
    # The runs of Chinese the HTML step marks (edition/passes/page_html.py, CJK_RUN), wherever the English quotes them.
    from edition.passes.page_html import CJK_RUN

    runs = set(CJK_RUN.findall(source))
    assert runs, "the English page quotes no Chinese: pick another page for this test"
    for chinese in runs:
        assert f'<span lang="zh-Hans">{chinese}</span>' in page, chinese


def test_sitemap_has_language_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://yushan-law-report.github.io/en/yushan-2023/part-1/"' in sitemap
    assert 'hreflang="zh" href="https://yushan-law-report.github.io/yushan-2023/part-1/"' in sitemap


def test_missing_english_page_fails_the_build(broken_build):
    site, status, output = broken_build  # part-3.en.md deleted (conftest.BROKEN)
    assert status != 0
    message = "docs/yushan-2023/part-3.md: [pages] no English page: create docs/yushan-2023/part-3.en.md"
    assert output.count(message) == 1, output
    assert "Aborted with" in output and "Traceback" not in output  # the print page, which reads every page, once crashed here


def test_a_check_failure_fails_the_build_once(broken_build):
    _, status, output = broken_build  # part-2.en.md's heading renamed {#part-two} (conftest.BROKEN)
    assert status != 0
    assert output.count("[headings] heading #part-two") == 1, output
    assert "Aborted with" in output


def test_edit_link_opens_the_page_in_its_own_language(site):
    base = "https://github.com/yushan-law-report/yushan-law-report.github.io/edit/main/docs/"
    assert f'href="{base}yushan-2023/part-3.en.md"' in html(site, "en/yushan-2023/part-3")
    assert f'href="{base}yushan-2023/part-3.md"' in html(site, "yushan-2023/part-3")


def test_pages_show_their_last_commit_date(site):
    for page, source, label in (
        ("en/yushan-2023/part-1", "yushan-2023/part-1.en.md", "Last updated: "),
        ("yushan-2023/glossary", "yushan-2023/glossary.md", "最后更新："),  # a full-width colon in Chinese
    ):
        day = run(
            ["git", "log", "-1", "--format=%cs", "--", f"docs/{source}"], what="git log", timeout=60, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day), source
        assert re.search(rf'{label}<time datetime="{day}">', html(site, page)), page


def test_workflows_validate_and_a_broken_one_fails(tmp_path):
    import sys
    from pathlib import Path

    checker = Path(sys.executable).parent / "check-jsonschema"
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 2
    good = run([str(checker), "--builtin-schema", "vendor.github-workflows", *workflows], what="check-jsonschema", timeout=120, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text((ROOT / ".github/workflows/test.yml").read_text().replace("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04"))
    bad = run([str(checker), "--builtin-schema", "vendor.github-workflows", str(broken)], what="check-jsonschema", timeout=120, capture_output=True, text=True)
    assert bad.returncode != 0
    for workflow in workflows:  # both run the project's own test command
        assert "run: make test" in Path(workflow).read_text()


def test_the_glossary_pages_hold_every_term_once_each_at_most_per_page(site):
    """A glossary page's first view does not grow with the terms: each page shows at most
    PER_PAGE of them, every term on exactly one page, and the term marks lead to that page."""
    from edition.model.glossary import PER_PAGE, load_terms, page_name, term_urls

    terms = load_terms(Project(ROOT).reports[0])
    for prefix in ("", "en/"):
        found = {}
        for folder in sorted((site / prefix / "yushan-2023").glob("glossary*/")):
            rows = re.findall(r'<tr id="term-([\w-]+)"', (folder / "index.html").read_text(encoding="utf-8"))
            assert 0 < len(rows) <= PER_PAGE, folder
            found.update({ident: folder.name for ident in rows})
        assert found == {t.id: page_name(n // PER_PAGE + 1) for n, t in enumerate(terms)}
    urls = term_urls(terms, "../")
    marks = re.findall(r'class="gloss" href="([^"#]+)#term-([\w-]+)"', (site / "en/yushan-2023/part-1/index.html").read_text(encoding="utf-8"))
    assert marks and all(url == urls[ident] for url, ident in marks)
    assert any(url != "../glossary/" for url, _ in marks)  # marks lead to later pages too
