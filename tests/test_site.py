"""The built site: both languages, every page, no Chinese fallback, checks inside the build."""

from __future__ import annotations

import re

from conftest import ROOT, build_site, copy_project
from edition.processes import run
from edition.project import Project


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


def test_english_pages_are_english_not_a_fallback(site):
    page = html(site, "en/yushan-2023/part-1")
    h1 = re.search(r"<h1 id=\"part-1\">(.*?)<", page).group(1)
    assert h1.startswith("I. Main Measures")
    assert "Unofficial translation." in page
    assert "县政府主要负责人亲自安排" not in page


def test_chinese_pages_have_no_translation_notice(site):
    assert "Unofficial translation." not in html(site, "yushan-2023/part-1")


def test_paragraph_ids_are_anchors_in_both_languages(site):
    for url in ("yushan-2023/part-1", "en/yushan-2023/part-1"):
        page = html(site, url)
        for ident in ("s-1-2", "p-1-2-1", "p-1-5-4"):
            assert f'id="{ident}"' in page, (url, ident)


def test_restorations_link_to_their_notes(site):
    page = html(site, "yushan-2023/part-1")
    assert re.search(r'8<a class="restoration" href="\.\./editorial-notes/#r-1" title="[^"]+">〔月〕</a>28日', page)
    cover = html(site, "yushan-2023/part-3")
    assert 'href="../editorial-notes/#r-10"' in cover


def test_editorial_notes_list_every_restoration_in_both_languages(site):
    for url in ("yushan-2023/editorial-notes", "en/yushan-2023/editorial-notes"):
        page = html(site, url)
        rows = re.findall(r'<tr id="(r-\d+|q-\d+)">', page)
        assert rows == [f"r-{n}" for n in range(1, 11)] + [f"q-{n}" for n in range(1, 7)], url
        assert "选择阅读字号:[ ]" in page


def test_chinese_inside_english_pages_is_marked(site):
    page = html(site, "en/yushan-2023/part-1")
    assert '<span lang="zh-Hans">头雁效应</span>' in page


def test_sitemap_has_language_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="en" href="https://yushan-law-report.github.io/en/yushan-2023/part-1/"' in sitemap
    assert 'hreflang="zh" href="https://yushan-law-report.github.io/yushan-2023/part-1/"' in sitemap


def test_missing_english_page_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "yushan-2023" / "part-2.en.md").unlink()
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    message = "docs/yushan-2023/part-2.md: [pages] no English page: create docs/yushan-2023/part-2.en.md"
    assert output.count(message) == 1, output
    assert not (tmp_path / "site" / "en" / "yushan-2023" / "part-2").exists() or "Aborted" in output


def test_a_check_failure_fails_the_build_once(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "yushan-2023" / "part-2.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{#part-2}", "{#part-two}"), encoding="utf-8")
    result = build_site(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert output.count("[headings] heading #part-two") == 1, output
    assert "Aborted with" in output


def test_edit_link_opens_the_page_in_its_own_language(site):
    base = "https://github.com/yushan-law-report/yushan-law-report.github.io/edit/main/docs/"
    assert f'href="{base}yushan-2023/part-3.en.md"' in html(site, "en/yushan-2023/part-3")
    assert f'href="{base}yushan-2023/part-3.md"' in html(site, "yushan-2023/part-3")


def test_pages_show_their_last_commit_date(site):
    for page, source, label in (
        ("en/yushan-2023/part-1", "yushan-2023/part-1.en.md", "Last updated"),
        ("yushan-2023/glossary", "yushan-2023/glossary.md", "最后更新"),
    ):
        day = run(
            ["git", "log", "-1", "--format=%cs", "--", f"docs/{source}"], what="git log", timeout=60, cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", day), source
        assert re.search(rf'{label}:\s*<time datetime="{day}">', html(site, page)), page


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
