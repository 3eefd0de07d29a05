"""Edition releases (issue 24): a citation names the release it was copied from, and its
address shows, in place, the paragraph as it read in that release, in the cited language,
with a notice and a word-by-word comparison when it has changed since.

The fixture is a copy of the project with two releases: the first cut on an earlier wording
of p-3-4 (in both languages), then the edit to today's wording, then the second. A citation
copied from the first is followed in Chromium, in both languages, at desktop and phone width,
and offline after one visit; the revision history lists the second release's change. The
mutations: the old text lost from the release's comparison, and a release's text file gone.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_phone_reader import KEEP

from conftest import build_site, copy_project
from edition.adapters import release as release_command
from edition.generators.browser import serve
from edition.generators.citation import page_unit
from edition.generators.releases import releases_list
from edition.model import site
from edition.model.project import Project
from edition.model.releases import Release, latest

FIRST, SECOND = "2026.12.06", "2026.12.07"
PAGES = {"zh": "docs/yushan-2023/part-3.md", "en": "docs/yushan-2023/part-3.en.md"}
# p-3-4 as the first release read it, and as it reads today (the edit between the releases).
TODAY = {"zh": "组建一支高素质的执法队伍。", "en": "and build a high-calibre law enforcement workforce."}
THEN = {"zh": "组建一支执法队伍。", "en": "and build a law enforcement workforce."}
NOTICE = {"zh": f"本段自 {FIRST} 版以来有改动。", "en": f"This paragraph has changed since version {FIRST}."}
ROOTS = {"zh": "", "en": "en/"}
SIZES = {"desktop": {"viewport": {"width": 1366, "height": 800}}, "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}}
CSP_WATCH = "window.cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective));"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path}: expected one {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def released(tmp_path_factory) -> Iterator[tuple[Path, dict[str, str], str]]:
    """(project root, the citation of p-3-4 copied under the first release by language, the
    served site's base): the first release cut on the earlier wording, the edit, the second."""
    root = copy_project(tmp_path_factory.mktemp("releases") / "project")
    data = root / "reports" / "yushan-2023"
    (data / "releases.yml").unlink(missing_ok=True)
    shutil.rmtree(data / "releases", ignore_errors=True)
    for lang, rel in PAGES.items():
        replace(root / rel, TODAY[lang], THEN[lang])
    # The first release, as `make release` cuts it (its checks are the project's own test).
    project = Project(root)
    (report,) = project.reports
    release_command.cut_release(project, report, Release(FIRST, "2026-12-06", "The first release."))
    project = Project(root)
    (report,) = project.reports
    copied = {lang: page_unit(project, report, lang, "part-3", "p-3-4").url for lang in PAGES}
    for lang, rel in PAGES.items():  # the edit
        replace(root / rel, THEN[lang], TODAY[lang])
    status = release_command.main(
        [SECOND, "--notes", "p-3-4 restored to the source's wording.", "--notes-zh", "p-3-4 恢复原文措辞。", "--date", "2026-12-07", "--root", str(root)]
    )
    assert status == 0
    result = build_site(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(root / "site") as base:
        yield root, copied, base


def followed(copied: str, root: Path, base: str) -> str:
    """The cited address, on the test's server instead of the published site."""
    return base + "/" + copied.removeprefix(site.site_url(root))


def test_a_citation_names_its_release_in_its_address_and_version(released):
    root, copied, _ = released
    for lang, url in copied.items():
        assert url.endswith(f"part-3/?v={FIRST}#p-3-4") and f"/{ROOTS[lang]}yushan-2023/" in url
    project = Project(root)
    (report,) = project.reports
    assert latest(report).version == SECOND
    unit = page_unit(project, report, "en", "part-3", "p-3-4")
    assert unit.version.label == SECOND and f"?v={SECOND}#p-3-4" in unit.url  # a citation copied today names the second
    cite = json.loads((root / "site" / "en" / "yushan-2023" / "cite.json").read_text(encoding="utf-8"))
    forms = "".join(form[2] for form in cite["pages"]["part-3"]["paragraph"]["forms"])
    assert forms.count(f"?v={SECOND}#{{paragraph}}") == 5 and f"version {SECOND}" in forms  # every form: the address and the version


def shows_earlier_wording(page, lang: str, timeout: float | None = None) -> None:
    """The cited paragraph's notice, its wording then and the comparison; no other block's.
    (`timeout`: for a mutation whose page has already said it shows nothing.)"""
    notice = page.locator(".earlier-version[data-block='p-3-4']")
    expect(notice.locator(".earlier-version__notice")).to_have_text(NOTICE[lang], timeout=timeout)
    expect(notice.locator(".earlier-version__text")).to_contain_text(THEN[lang])
    expect(notice).to_be_in_viewport()
    inserted = "高素质的" if lang == "zh" else "high-calibre"
    assert notice.locator(".release-diff ins").all_inner_texts() == [inserted]
    assert notice.locator(".release-diff del").count() == 0
    assert page.locator(".earlier-version").count() == 1  # the unchanged paragraphs show nothing
    expect(page.locator("#p-3-4")).to_contain_text(TODAY[lang])  # and today's text stays


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", PAGES)
def test_following_a_citation_of_the_first_release_shows_its_wording_and_the_change(browser, released, lang, size):
    root, copied, base = released
    context = browser.new_context(**SIZES[size])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(CSP_WATCH)
    page.goto(followed(copied[lang], root, base))
    shows_earlier_wording(page, lang)
    assert page.locator("html").get_attribute("data-earlier-version") == "1" and not errors
    assert page.evaluate("window.cspViolations") == []  # the notices' style is set as the page's policy allows
    context.close()


@pytest.mark.parametrize("lang", PAGES)
def test_the_current_release_and_an_ordinary_page_load_nothing_of_it(browser, released, lang):
    root, copied, base = released
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(followed(copied[lang], root, base).replace(FIRST, SECOND))
    page.goto(f"{base}/{ROOTS[lang]}yushan-2023/part-3/")
    page.wait_for_load_state("load")
    expect(page.locator(".last-updated .edition-version")).to_have_text(SECOND)  # every page names its release
    assert not [url for url in requested if "versions.js" in url or "/releases/" in url], requested
    assert page.locator(".earlier-version").count() == 0
    page.close()


@pytest.mark.parametrize("lang", PAGES)
def test_an_unknown_release_says_so(browser, released, lang):
    root, copied, base = released
    page = browser.new_page()
    page.goto(followed(copied[lang], root, base).replace(FIRST, "2001.01.01"))
    says = "未找到 2001.01.01 版" if lang == "zh" else "No version 2001.01.01 of this edition is known"
    expect(page.locator(".earlier-version--page")).to_contain_text(says)
    page.close()


@pytest.mark.parametrize("lang", PAGES)
def test_offline_after_one_visit_a_citation_still_resolves(browser, released, lang):
    root, copied, base = released
    context = browser.new_context(**SIZES["phone"], service_workers="allow")
    page = context.new_page()
    page.goto(f"{base}/{ROOTS[lang]}yushan-2023/part-1/")
    page.evaluate(KEEP)
    context.set_offline(True)
    page.goto(followed(copied[lang], root, base))
    shows_earlier_wording(page, lang)
    context.close()


@pytest.mark.parametrize("lang", PAGES)
def test_the_revision_history_lists_each_release_with_its_changes(browser, released, lang):
    root, _, base = released
    page = browser.new_page()
    page.goto(f"{base}/{ROOTS[lang]}yushan-2023/revisions/")
    second = page.locator(f"#v-{SECOND.replace('.', '-')}")
    expect(second.locator("h3")).to_contain_text(SECOND)
    expect(second).to_contain_text("p-3-4 恢复原文措辞。" if lang == "zh" else "p-3-4 restored to the source's wording.")
    assert second.locator(".release-changes > li").count() == 1
    expect(second.locator(".release-diff ins")).to_have_text("高素质的" if lang == "zh" else "high-calibre")
    first = page.locator(f"#v-{FIRST.replace('.', '-')}")
    expect(first).to_contain_text("首个版本" if lang == "zh" else "The first release")
    assert page.locator("#unreleased").count() == 0  # nothing changed since the second
    second.locator("a[href$='#p-3-4']").click()
    page.wait_for_url(re.compile(r"/part-3/#p-3-4$"))
    page.close()


def test_mutation_the_old_text_lost_fails_the_test(browser, released, tmp_path):
    """The comparison written without the first release's text: the browser test must fail."""
    root, copied, _ = released
    mutated = tmp_path / "site"
    shutil.copytree(root / "site", mutated)
    for lang in PAGES:
        path = mutated / ROOTS[lang] / "yushan-2023" / "releases" / f"{FIRST}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        assert "p-3-4" in data["blocks"]
        del data["blocks"]["p-3-4"]
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with serve(mutated) as base:
        page = browser.new_page()
        page.goto(followed(copied["en"], root, base))
        expect(page.locator("html")).to_have_attribute("data-earlier-version", "0")
        with pytest.raises(AssertionError, match="This paragraph has changed since version"):
            shows_earlier_wording(page, "en", timeout=1000)
        page.close()


def test_mutation_a_release_without_its_text_is_named_with_its_file(released, tmp_path):
    root, _, _ = released
    copy = tmp_path / "project"
    shutil.copytree(root / "reports", copy / "reports")
    shutil.copytree(root / "docs", copy / "docs")
    shutil.copy(root / "mkdocs.yml", copy / "mkdocs.yml")
    (copy / "reports" / "yushan-2023" / "releases" / f"{FIRST}.json").unlink()
    project = Project(copy)
    (report,) = project.reports
    assert latest(report).version == SECOND
    assert [p.format(copy) for p in report.problems] == [
        f"reports/yushan-2023/releases.yml:5: [data] release {FIRST}: no text in releases/{FIRST}.json: run `make release` again, never write it by hand"
    ]
    status = release_command.main([FIRST, "--notes", "again", "--root", str(copy)])
    assert status == 1  # the checks name it, and no release is cut over it


def test_make_release_records_the_release_and_its_text(mini, capsys):
    assert release_command.main(["2026.12.06", "--notes", "The first.", "--date", "2026-12-06", "--root", str(mini.root)]) == 0
    (report,) = Project(mini.root).reports
    assert latest(report) == Release("2026.12.06", "2026-12-06", "The first.")
    text = json.loads((report.folder / "releases" / "2026.12.06.json").read_text(encoding="utf-8"))
    assert text["version"] == "2026.12.06" and {b["id"] for b in text["blocks"]} >= {"cover", "p-0-1"} and all(b["zh"] and b["en"] for b in text["blocks"])
    assert mini.problems() == []
    # Not twice, and never an earlier version after a later one.
    assert release_command.main(["2026.12.06", "--notes", "Again.", "--root", str(mini.root)]) == 1
    assert "2026.12.06 does not come after the latest release, 2026.12.06" in capsys.readouterr().err
    assert release_command.main(["6 December", "--notes", "x", "--root", str(mini.root)]) == 2
    assert "is not a version: give the date as YYYY.MM.DD" in capsys.readouterr().err
    # What the publish workflow reports: the release, then what has changed since.
    assert release_command.status(Project(mini.root)) == ["demo: edition 2026.12.06 (2026-12-06); the text is as released"]
    mini.edit("docs/demo/index.en.md", "in all respects", "in every respect")
    assert release_command.status(Project(mini.root)) == [
        "demo: edition 2026.12.06 (2026-12-06); 1 block changed since (p-0-1): their pages are cited as 2026.12.06, with later corrections"
    ]
    project = Project(mini.root)
    assert page_unit(project, project.reports[0], "en", "", "p-0-1").version.label == "2026.12.06, with later corrections"
    # The revision history lists the change as not yet released, with its comparison.
    listed = releases_list(project, project.reports[0], "en")
    assert listed.index('id="unreleased"') < listed.index('id="v-2026-12-06"')
    assert '<code>p-0-1</code></a><p class="release-diff" lang="en">' in listed and "in <del>all respects.</del> <ins>every respect.</ins> We" in listed
    assert page_unit(project, project.reports[0], "zh", "", "p-0-1").version.label_zh == "2026.12.06版"  # the Chinese is as released


def test_a_malformed_release_is_named_with_its_line(mini):
    mini.path("reports/demo/releases.yml").write_text('releases:\n  - version: "v1"\n    date: "2026-12-06"\n    notes: "x"\n', encoding="utf-8")
    assert mini.problems() == [r"reports/demo/releases.yml:2: [data] releases[0].version is 'v1', which does not match ^\d{4}\.\d\d\.\d\d(\.\d+)?$"]


def test_the_comparison_is_of_words_in_english_and_characters_in_chinese_and_escaped():
    from edition.generators.releases import diff_html

    assert diff_html("build a workforce.", "build a high-calibre, professional team.", "en") == (
        "build a <del>workforce.</del><ins>high-calibre, professional team.</ins>"
    )
    assert diff_html("组建一支执法队伍。", "组建一支高素质的执法队伍。", "zh") == "组建一支<ins>高素质的</ins>执法队伍。"
    assert diff_html("a <b> & c", "a <b> & d", "en") == "a &lt;b&gt; &amp; <del>c</del><ins>d</ins>"
