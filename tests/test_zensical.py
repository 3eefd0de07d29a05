"""The edition built with Zensical beside the MkDocs build (`make build-zensical`).

One Zensical build per test session, into a temporary folder, compared with the session's
MkDocs build: the same pages at the same paths in both languages, the same heading and
paragraph ids and texts, the same titles and descriptions. What Zensical cannot yet do
the same way is listed in KNOWN_DIFFERENCES, with the reason (also in the README): a new
difference fails the test, and so does a listed one that has gone.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Visit
from test_accessibility import axe_violations

from conftest import ROOT
from edition.adapters.pipeline import CONTENT_END, CONTENT_START
from edition.adapters.zensical import BUNDLE_CDN, LANGUAGE_BUTTON, BuildError, build, zensical_config
from edition.generators.browser import serve
from edition.generators.pdf import pdf_pages
from edition.model.blocks import DIRECTIVE
from edition.model.project import Project
from edition.passes.minify import minify_assets
from edition.workbench.site_compare import differences, page_text

# Difference → why. Each line is what edition.site_compare.differences() reports.
KNOWN_DIFFERENCES = {
    # zensical-i18n builds each language as a site of its own.
    "en/assets/ (theme): only in Zensical": "the English site carries its own copy of the theme's assets",
    "en/assets/edition.css: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/edition.js: only in Zensical": "… and of the edition's",
    "en/assets/images/favicon.svg: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/sortable.js: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/report.js: only in Zensical": "… and of the edition's",
    "en/assets/tables.css: only in Zensical": "… and of the edition's",
    "en/assets/parallel.css: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/workers/edition-search.js: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/sentences.js: only in Zensical": "… and of the edition's",
    "en/assets/sentences.css: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/search.js: only in Zensical": "… and of the edition's",
    "en/assets/javascripts/versions.js: only in Zensical": "… and of the edition's",
    "en/sw.js: only in Zensical": "the English site's offline worker: its pages load the English site's assets (MkDocs: one sw.js at the root for both languages)",
    "en/sitemap.xml: only in Zensical": "a sitemap per language",
    "en/zensical-i18n.json: only in Zensical": "zensical-i18n's manifest of pages per language (language switch)",
    "zensical-i18n.json: only in Zensical": "zensical-i18n's manifest of pages per language (language switch)",
    "sitemap.xml.gz: only in MkDocs": "Zensical writes no gzipped sitemap",
    # Search: Zensical's own engine and index format, one index per language site.
    "search/search_index.json: only in MkDocs": "lunr index of the pages outside a report, Chinese segmented by jieba at build time",
    "en/search/search_index.json: only in MkDocs": "lunr index of the pages outside a report, English stemmed (edition-search.js)",
    "search/yushan-2023.json: only in MkDocs": "the report's lunr index, by paragraph (edition/passes/search_index.py): it is cut from MkDocs' combined index",
    "en/search/yushan-2023.json: only in MkDocs": "… and in English",
    "search.json: only in Zensical": "Zensical's own search index (Chinese segmented in the browser)",
    "en/search.json: only in Zensical": "Zensical's own search index",
}

PAGES = ["/", "/yushan-2023/", "/yushan-2023/part-1/", "/yushan-2023/parallel/", "/yushan-2023/glossary/"]


@pytest.fixture(scope="session")
def zensical_build(tmp_path_factory) -> Path:
    """The project built with Zensical once per session (prebuild, zensical-i18n, postbuild):
    its folder, with the site (`site/`) and the prebuild's pages (`build/docs/`)."""
    folder = tmp_path_factory.mktemp("zensical")
    try:
        build(ROOT, folder / "site", folder / "build", ROOT / ".venv-zensical")
    except BuildError as error:
        pytest.fail(f"the Zensical build failed (make setup-zensical installs it):\n{error}")
    return folder


@pytest.fixture(scope="session")
def zensical_site(zensical_build) -> Path:
    return zensical_build / "site"


@pytest.fixture(scope="session")
def zensical_server(zensical_site) -> Iterator[str]:
    with serve(zensical_site) as base:
        yield base


def own_assets() -> set[str]:
    assets = ROOT / "docs" / "assets"
    return {p.relative_to(assets).as_posix() for p in assets.rglob("*") if p.is_file()}


def printed_pdfs() -> set[str]:
    """The PDFs `make pdf` prints into a built site after the build (tests/test_downloads.py
    prints them into the session's MkDocs site): not part of either build."""
    return {f"{report.slug}/files/{name}: only in MkDocs" for report in Project(ROOT).reports for name in (pdf.name for pdf in pdf_pages(report.slug))}


def test_zensical_gives_the_same_site_but_for_the_known_differences(site, zensical_site):
    found = [line for line in differences(site, zensical_site, ("MkDocs", "Zensical"), own_assets()) if line not in printed_pdfs()]
    new = [line for line in found if line not in KNOWN_DIFFERENCES]
    gone = [line for line in KNOWN_DIFFERENCES if line not in found]
    assert new == [], "new differences from the MkDocs build (fix them, or list them with a reason)"
    assert gone == [], "listed differences that are gone: remove them from KNOWN_DIFFERENCES and the README"


def test_zensical_pages_carry_the_editions_html_work(zensical_site):
    """Not only alike: the postbuild's work is there (a comparison of two empty sites passes)."""
    en = page_text((zensical_site / "en/yushan-2023/part-1/index.html").read_text(encoding="utf-8"))
    assert "s-1-5" in en.heading_ids and "p-1-5-3" in en.paragraph_ids
    assert en.paragraphs["p-1-2-1"].endswith("¶⇄Cite")  # paragraph links and Cite
    assert en.head["og:locale"] == "en_GB" and en.head["date"]
    html = (zensical_site / "en/yushan-2023/part-1/index.html").read_text(encoding="utf-8")
    assert 'class="gloss"' in html and 'id="edition-citation"' in html and '<span lang="zh-Hans">' in html
    assert "edition:content" not in html and "{{" not in html
    zh = (zensical_site / "yushan-2023/part-1/index.html").read_text(encoding="utf-8")
    assert 'class="restoration" href="../editorial-notes/#r-1"' in zh
    assert (zensical_site / "yushan-2023/files/yushan-2023-aligned.tmx").is_file()
    # finish_site, as on_post_build: the hints' definitions, the policy in every page.
    assert (zensical_site / "en/yushan-2023/glossary/hints.json").is_file() and (zensical_site / "yushan-2023/glossary/hints.json").is_file()
    assert all('http-equiv="Content-Security-Policy"' in p.read_text(encoding="utf-8") for p in zensical_site.rglob("index.html"))


def test_the_policy_admits_the_style_zensicals_search_inserts(tmp_path, zensical_site):
    """The text found in the bundle is hashed into every page's style-src; a bundle that
    inserts it otherwise yields nothing (then the browser tests fail on the refused style)."""
    from edition.adapters.zensical import bundle_styles
    from edition.passes.csp import source_hash

    (style,) = bundle_styles(zensical_site)
    assert ".u{" in style and all(source_hash(style) in p.read_text(encoding="utf-8") for p in zensical_site.rglob("index.html"))
    bundle = tmp_path / "assets/javascripts/bundle.0.min.js"
    bundle.parent.mkdir(parents=True)
    bundle.write_text("var Ab='.x{color:red}';o.appendChild(C(\"style\",{},Ab.toString()));", encoding="utf-8")
    assert bundle_styles(tmp_path) == (".x{color:red}",)
    bundle.write_text("var Ab='.x{color:red}';o.appendChild(C(\"style\",{},Ab));", encoding="utf-8")
    assert bundle_styles(tmp_path) == ()


def test_the_comparison_sees_a_changed_paragraph(site, zensical_site, tmp_path):
    """Mutation: a changed paragraph text, a dropped id and a missing page are reported."""
    import shutil

    copy = tmp_path / "zensical"
    shutil.copytree(zensical_site, copy)
    page = copy / "en/yushan-2023/part-1/index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("1,162 items", "1,163 items", 1).replace('id="p-1-5-3"', 'id="p-1-5-x"', 1), encoding="utf-8")
    shutil.rmtree(copy / "en/yushan-2023/glossary")
    found = [line for line in differences(site, copy, ("MkDocs", "Zensical"), own_assets()) if line not in KNOWN_DIFFERENCES]
    assert "en/yushan-2023/glossary/index.html: only in MkDocs" in found
    assert any(line.startswith("en/yushan-2023/part-1/index.html: #p-1-2-1 text differs") for line in found), found
    assert any(line.startswith("en/yushan-2023/part-1/index.html: paragraph ids differ") for line in found), found


ALL_PAGES = PAGES + ["/en" + p for p in PAGES]


@pytest.fixture(scope="module")
def zensical_visits(browser, zensical_server) -> dict[str, dict]:
    """Each Zensical page opened once, its network idle: what it fetched and logged, its
    headings, its language button's name and axe's violations, for the two tests below."""
    found = {}
    for path in ALL_PAGES:
        visit = Visit(browser, zensical_server, path, idle=True)
        found[path] = {
            "h1": visit.page.locator("article h1").count(),
            "outside": visit.outside(),
            "failures": list(visit.failures),
            "errors": list(visit.errors),
            "button": visit.page.locator(".md-i18n__button").get_attribute("aria-label"),
            "axe": axe_violations(visit),
        }
        visit.page.close()
    return found


@pytest.mark.parametrize("path", ALL_PAGES)
def test_zensical_page_loads_cleanly_and_stays_on_this_site(zensical_visits, path):
    visit = zensical_visits[path]
    assert visit["h1"] == 1
    assert visit["outside"] == []  # no CDN (Pyodide, Ace, GLightbox, Mermaid), no web font
    assert visit["failures"] == []
    assert visit["errors"] == []


@pytest.mark.parametrize("path", ALL_PAGES)
def test_zensical_page_has_no_accessibility_violation(zensical_visits, path):
    # The rules of tests/test_accessibility.py. Before the classic variant and the renamed
    # language button (edition/adapters/zensical.py), every page had two: the footer's copyright line
    # at 1.77:1 and the language button's name (label-content-name-mismatch).
    visit = zensical_visits[path]
    assert visit["axe"] == []
    assert visit["button"].endswith(": en" if path.startswith("/en/") else ": zh")


def test_language_button_name_holds_the_shown_code():
    page = '<button class="md-header__button md-i18n__button" aria-label="Select language (en)">'
    assert LANGUAGE_BUTTON.sub(r'\1: \2"', page) == '<button class="md-header__button md-i18n__button" aria-label="Select language: en">'
    assert (
        LANGUAGE_BUTTON.sub(r'\1: \2"', '<button class="md-header__button" aria-label="Search (s)">')
        == '<button class="md-header__button" aria-label="Search (s)">'
    )


def test_each_language_sites_copy_of_the_assets_is_minified(tmp_path):
    for folder in ("", "en/"):
        (tmp_path / folder / "assets").mkdir(parents=True)
        (tmp_path / folder / "assets" / "edition.css").write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    done = minify_assets(tmp_path, ["assets/edition.css"])
    assert [path.relative_to(tmp_path).as_posix() for path, _, _ in done] == ["assets/edition.css", "en/assets/edition.css"]
    assert {(tmp_path / f / "assets" / "edition.css").read_text(encoding="utf-8") for f in ("", "en/")} == {".a{color:red;}\n"}


def zensical_search(visit: Visit, query: str) -> list[str]:
    """Type a query into Zensical's search dialog; return the result links (path#anchor)."""
    visit.page.locator(".md-search__button").click()
    field = visit.page.locator('dialog[open] input[role="combobox"]')  # in the dialog's open shadow root
    field.fill(query)
    status = visit.page.locator('dialog[open] [role="status"]')
    status.filter(has_text=query).or_(status.filter(has_text="result")).first.wait_for()
    visit.page.locator('dialog[open] ol[role="listbox"] a').first.wait_for()
    hrefs = visit.page.locator('dialog[open] ol[role="listbox"] a').evaluate_all("links => links.map(a => a.href)")
    found = []
    for href in hrefs:
        path = href.removeprefix(visit.server).split("?", 1)[0].split("#", 1)[0]
        found.append(path + (f"#{href.split('#', 1)[1]}" if "#" in href else ""))
    return found


# A few queries picked when the MkDocs search tests were in tests/test_browser.py (they are
# now tests/test_search.py, over the query set tests/search-queries.yml, which holds five of
# these eight), each with the section it must find: Zensical's results lead to headings,
# not to paragraphs. A trial of the whole query set is in the README (Zensical section).
SEARCHES = {
    "行政复议": "/yushan-2023/part-1/#s-1-5",
    "营商环境": "/yushan-2023/part-1/#s-1-2",
    "枫桥经验": "/yushan-2023/part-3/",
    "50.82%": "/yushan-2023/part-1/#s-1-5",
    "reconsideration": "/en/yushan-2023/part-1/#s-1-5",
    "petitions": "/en/yushan-2023/part-1/#s-1-5",
    "normative documents": "/en/yushan-2023/part-1/#s-1-3",
    "1,162": "/en/yushan-2023/part-1/#s-1-2",
}
# Query → why Zensical misses what the MkDocs build finds.
KNOWN_SEARCH_MISSES = {
    # Zensical's worker stems nothing and offers no hook but its separator; splitting a final
    # "s" there found the section 4th and highlighted every "s" of every result (README).
    "petitions": "no English stemming: the section says “petition”; MkDocs stems query and index alike",
}


def test_zensical_search_finds_chinese_and_english(browser, zensical_server):
    misses = {}
    for query, expected in SEARCHES.items():
        start = "/en/" if expected.startswith("/en/") else "/"
        visit = Visit(browser, zensical_server, start)
        found = zensical_search(visit, query)
        assert found, query
        assert all(link.startswith("/en/") == (start == "/en/") for link in found), found  # its language only
        assert visit.outside() == [] and visit.errors == []
        if not any(link.startswith(expected) for link in found):
            misses[query] = found
        visit.page.close()
    assert sorted(misses) == sorted(KNOWN_SEARCH_MISSES), misses


def test_zensical_language_switch_keeps_the_page_and_anchor(browser, zensical_server):
    visit = Visit(browser, zensical_server, "/en/yushan-2023/part-1/#p-1-5-3")
    visit.page.locator(".md-header__option .md-select").hover()
    visit.page.locator('a.md-select__link[hreflang="zh"]').click()
    visit.page.wait_for_url("**/yushan-2023/part-1/**")
    assert "/en/" not in visit.page.url
    assert visit.page.url.endswith("/yushan-2023/part-1/#p-1-5-3")
    visit.page.close()


def test_zensical_cite_dialog_and_term_hint(browser, zensical_server, zensical_site):
    """The Cite dialog, and a term hint filled from the postbuild's hints.json."""
    import json

    visit = Visit(browser, zensical_server, "/en/yushan-2023/part-2/")
    visit.page.locator("#p-2-1 button.para-cite").click()
    dialog = visit.page.locator("dialog.cite-dialog")
    dialog.wait_for()
    assert "para. p-2-1" in dialog.locator("pre.cite-text").first.inner_text()
    visit.page.keyboard.press("Escape")
    term = visit.page.locator(".md-content a.gloss").first
    term.hover()
    visit.page.wait_for_selector("#term-hint[role=tooltip]:not([hidden])")
    ident = term.get_attribute("href").split("#term-")[1]
    data = json.loads((zensical_site / "en/yushan-2023/glossary/hints.json").read_text(encoding="utf-8"))
    text = visit.page.inner_text("#term-hint")
    assert data[ident][0] in text and data[ident][2] in text
    assert visit.errors == []
    visit.page.close()


def run_pipeline(*args: str, python: str = sys.executable) -> subprocess.CompletedProcess:
    return subprocess.run([python, str(ROOT / "scripts" / "pipeline.py"), *args], capture_output=True, text=True, timeout=120)


def test_the_pipeline_runs_in_zensicals_venv_without_mkdocs(zensical_build, zensical_site, tmp_path):
    """`make build-zensical` runs the pipeline with .venv-zensical's Python, which has no
    MkDocs: the pipeline calls the edition's functions, never the MkDocs hooks (which are
    only an adapter over the same functions). Its pages are the same as from .venv's."""
    python = str(ROOT / ".venv-zensical" / "bin" / "python")
    probe = subprocess.run([python, "-c", "import mkdocs"], capture_output=True, text=True, timeout=60)
    assert probe.returncode != 0, "MkDocs is in .venv-zensical: this test would prove nothing"
    done = run_pipeline("prebuild", "--root", str(ROOT), "--out", str(tmp_path / "z"), python=python)
    assert done.returncode == 0, done.stderr
    # The same pages as the session's Zensical build wrote with this venv's Python (no second prebuild).
    pages = {p.relative_to(tmp_path / "z"): p.read_bytes() for p in (tmp_path / "z" / "docs").rglob("*.md")}
    made = zensical_build / "build"
    assert pages and pages == {p.relative_to(made): p.read_bytes() for p in (made / "docs").rglob("*.md")}
    # The postbuild's every step (finish_site imports its modules as it goes), on a built site.
    import shutil

    shutil.copytree(zensical_site, tmp_path / "site")
    done = run_pipeline("postbuild", str(tmp_path / "site"), "--root", str(ROOT), "--no-search-split", python=python)
    assert done.returncode == 0 and "pages 0" in done.stdout and "csp" in done.stdout, done.stdout + done.stderr


def test_prebuild_writes_pages_a_generator_only_converts(zensical_build):
    tmp_path = zensical_build / "build"  # the session's prebuild (zensical_build), read, not run again
    pages = sorted((tmp_path / "docs").rglob("*.md"))
    assert len(pages) == len(Project(ROOT).markdown_files)
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not DIRECTIVE.search(text), page  # every {{ … }} expanded
        assert text.count(CONTENT_START) == 1 and text.count(CONTENT_END) == 1, page
    part = (tmp_path / "docs/yushan-2023/part-1.en.md").read_text(encoding="utf-8")
    assert '\ndescription: "1. Focusing on priorities:' in part and '\nlast_updated: "' in part
    glossary = (tmp_path / "docs/yushan-2023/glossary.en.md").read_text(encoding="utf-8")
    assert 'id="term-law-based-government"' in glossary
    assert (tmp_path / "docs/assets/edition.css").read_bytes() == (ROOT / "docs/assets/edition.css").read_bytes()


def test_prebuild_stops_on_a_check_problem_naming_the_place(mini, tmp_path):
    mini.edit("docs/demo/index.en.md", "{: #p-0-1 }", "{: #p-0-9 }")
    done = run_pipeline("prebuild", "--root", str(mini.root), "--out", str(tmp_path))
    assert done.returncode == 1
    assert "docs/demo/index.en.md:" in done.stderr and "[ids]" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_postbuild_names_a_missing_site(tmp_path):
    done = run_pipeline("postbuild", str(tmp_path / "nowhere"), "--root", str(ROOT))
    assert done.returncode == 2
    assert "nowhere: no such site folder" in done.stderr and "Traceback" not in done.stderr


def test_zensical_config_names_a_malformed_mkdocs_yml(tmp_path):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: [material\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"mkdocs\.yml:\d+: malformed YAML"):
        zensical_config(tmp_path)


def test_zensical_config_changes_only_what_zensical_needs():
    import yaml

    original = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    changed = zensical_config(ROOT)
    assert "hooks" not in changed and changed["docs_dir"] == "docs" and changed["site_dir"] == "site"
    assert {key for key in original if original[key] != changed.get(key)} == {"hooks", "theme", "plugins", "validation"}
    assert set(changed) - set(original) == {"site_dir"}
    assert changed["theme"] == {**original["theme"], "custom_dir": str(ROOT / "overrides"), "variant": "classic"}
    privacy = next(p["privacy"] for p in changed["plugins"] if isinstance(p, dict) and "privacy" in p)
    assert privacy["assets_fetch"] is False and set(BUNDLE_CDN) <= set(privacy["assets_exclude"])


def test_postbuild_twice_changes_nothing_more(site, tmp_path):
    """On the MkDocs site (its hooks did the work): no page is processed again, and the
    search index, already one per language, is not split again into an empty one."""
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    before = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    done = run_pipeline("postbuild", str(copy), "--root", str(ROOT))
    assert done.returncode == 0, done.stderr
    assert "pages 0" in done.stdout and "search" not in done.stdout, done.stdout
    after = {p: p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    assert after == before
