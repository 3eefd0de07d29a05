"""The published edition itself: nothing of the source lost, ids everywhere, checks clean."""

from __future__ import annotations

import hashlib
import re
import shutil

import pytest

from conftest import ROOT
from edition.checks import integrity, run_checks
from edition.model.blocks import read_page
from edition.model.project import Project
from edition.model.text import RESTORATION
from edition.sources.source import comparable, read_source

REPORT = ROOT / "reports" / "yushan-2023"
SHARED = ROOT.parent / "shared" / "source" / "yushan-2023-report.zh.txt"


@pytest.fixture(scope="module")
def project() -> Project:
    return Project(ROOT)


def test_project_passes_every_check(project):
    assert [p.format(ROOT) for p in run_checks(project)] == []


def test_archived_source_is_the_unchanged_copy(project):
    (report,) = project.reports
    for version in report.source_versions:  # every archived version, as report.yml records it
        digest = hashlib.sha256((report.folder / version["file"]).read_bytes()).hexdigest()
        assert digest == version["sha256"], version["file"]
    assert report.source.name in {v["file"] for v in report.source_versions}
    first = report.folder / report.source_versions[0]["file"]
    if SHARED.exists():  # beside the clone on the team's machines, not needed elsewhere
        assert first.read_bytes() == SHARED.read_bytes()


def test_source_split_keeps_everything_but_the_listed_chrome(project):
    (report,) = project.reports
    source = read_source(report)
    raw = report.source.read_text(encoding="utf-8")
    chrome = [c["text"] for c in report.data("editorial-notes.yml")["chrome"] if c.get("text")]
    assert source.title == report.config["title_zh"]
    for text in chrome:
        assert text in raw and text not in source.header
    # Nothing but the chrome goes missing (spacing aside, which the comparison ignores).
    for text in chrome:
        raw = raw.replace(text, "", 1)
    assert comparable(source.title + source.header + source.body) == comparable(raw)


@pytest.fixture
def copy(tmp_path):
    for folder in ("docs", "reports"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def first_paragraph_with(project: Project, pattern: str):
    """The first report paragraph whose text matches a pattern, and its page."""
    (report,) = project.reports
    for path in report.text_pages:
        for block in project.page(path).blocks:
            if block.kind == "paragraph" and block.id and re.search(pattern, block.text):
                return path, block
    raise AssertionError(f"no report paragraph matches {pattern}")


@pytest.mark.parametrize(
    ("what", "pattern", "change"),
    [
        ("a digit changed", r"\d{3}", lambda m: m.group(0)[:-1] + str((int(m.group(0)[-1]) + 1) % 10)),
        ("a digit deleted", r"\d\d%", lambda m: m.group(0)[1:]),
        ("a full stop deleted", r"[\d%]。", lambda m: m.group(0)[:-1]),
    ],
)
def test_one_character_changed_or_deleted_fails_integrity(project, copy, what, pattern, change):
    path, block = first_paragraph_with(project, pattern)
    page = copy / path.relative_to(ROOT)
    text = page.read_text(encoding="utf-8")
    lines = text.split("\n")
    index = block.line - 1 + next(i for i, line in enumerate(block.text.split("\n")) if re.search(pattern, line))
    lines[index] = re.sub(pattern, change, lines[index], count=1)
    page.write_text("\n".join(lines), encoding="utf-8")
    problems = [p.format(copy) for p in integrity.check(Project(copy))]
    where = f"{path.relative_to(ROOT).as_posix()}:{block.line}: [integrity] text differs from the source at character "
    assert len(problems) == 1 and problems[0].startswith(where), (what, problems)
    # The marks ⟨…⟩ hold what differs and nothing more: one character, or none where it was lost.
    expected, found = re.findall(r"⟨([^⟩]*)⟩", problems[0])
    assert (len(expected), len(found)) == ((1, 1) if what == "a digit changed" else (1, 0)), problems[0]


def test_every_heading_and_paragraph_has_the_same_id_in_both_languages(project):
    (report,) = project.reports
    for zh_path in report.text_pages:
        zh = read_page(zh_path)
        en = read_page(zh_path.with_name(zh_path.stem + ".en.md"))
        zh_ids = [(b.kind, b.id) for b in zh.blocks if b.is_text]
        en_ids = [(b.kind, b.id) for b in en.blocks if b.is_text]
        assert all(ident for _, ident in zh_ids), zh_path
        assert zh_ids == en_ids, zh_path


def test_ids_follow_the_numbering_of_the_report(project):
    """Parts part-N, sections s-N-M, paragraphs p-N-M-K (p-N-K without sections), numbered
    from 1 without gaps: the scheme that citations rely on, whatever the text says."""
    (report,) = project.reports
    parts, sections, paragraphs = [], {}, {}
    for path in report.text_pages:
        for block in read_page(path).blocks:
            if block.kind == "heading" and re.fullmatch(r"part-\d+", block.id or ""):
                parts.append(int(block.id.split("-")[1]))
            elif block.kind == "heading" and re.fullmatch(r"s-\d+-\d+", block.id or ""):
                part, number = map(int, block.id.split("-")[1:])
                sections.setdefault(part, []).append(number)
            elif block.kind == "paragraph" and (block.id or "").startswith("p-"):
                *where, number = map(int, block.id.split("-")[1:])
                paragraphs.setdefault(tuple(where), []).append(number)
    assert parts and parts == list(range(1, len(parts) + 1))
    for numbers in (*sections.values(), *paragraphs.values()):
        assert numbers == list(range(1, len(numbers) + 1))
    assert set(sections) <= set(parts)


def test_every_restoration_is_marked_and_explained(project):
    (report,) = project.reports
    notes = report.data("editorial-notes.yml")
    marks = sum(len(RESTORATION.findall(b.text)) for path in report.text_pages for b in read_page(path).blocks if b.is_text)
    assert marks == sum(len(RESTORATION.findall(note["edition"])) for note in notes["restorations"])
    assert all(note["zh"] and note["en"] for kind in ("restorations", "queries") for note in notes[kind])
    ids = [note["id"] for note in notes["restorations"]]
    assert ids == [f"r-{n}" for n in range(1, len(ids) + 1)]


HASH = re.compile(r"\b[0-9a-f]{64}\b")


def test_no_page_copies_the_checksum_by_hand(project, site):
    """The pages write {{ source.sha256 }}; the build puts the recorded sha256 there."""
    (report,) = project.reports
    for path in [*project.markdown_files, *report.folder.glob("*.md")]:
        assert not HASH.search(path.read_text(encoding="utf-8")), project.rel(path)
    for url in ("yushan-2023", "en/yushan-2023", "yushan-2023/editorial-notes", "en/yushan-2023/editorial-notes"):
        html = (site / url / "index.html").read_text(encoding="utf-8")
        assert report.sha256 in html and "{{" not in html, url


def test_a_changed_character_of_the_edition_names_the_slip_first(copy):
    """排→拍 in Part I: the integrity problem comes first, marking the one character, and the
    English named outdated (which would invite --mark-reviewed) and the paragraph's sentence
    alignment named stale (which would invite make sentences) are folded under it."""
    page = copy / "docs" / "yushan-2023" / "part-1.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("矛盾纠纷排查化解专项行动", "矛盾纠纷拍查化解专项行动", 1), encoding="utf-8")
    problems = run_checks(Project(copy))
    first = problems[0].format(copy)
    assert first.startswith("docs/yushan-2023/part-1.md:59: [integrity] text differs from the source at character ") and "#p-1-5-3" in first
    assert re.findall(r"⟨([^⟩]*)⟩", first) == ["排", "拍"]
    assert {p.check for p in problems[0].follows} == {"stale", "sentences"} and len(problems) == 1
    assert all("#p-1-5-3" in p.message for p in problems[0].follows if p.check == "sentences")


def test_an_id_slip_without_a_duplicate_is_named_with_what_follows(copy):
    """p-1-2-2 → p-1-2-22 in the English Part I: no duplicate shows it; the numbering names
    it, and the key figures of the paragraph, filed on the English page, follow from it."""
    page = copy / "docs" / "yushan-2023" / "part-1.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{: #p-1-2-2 }", "{: #p-1-2-22 }", 1), encoding="utf-8")
    (problem,) = run_checks(Project(copy))
    line = text.split("\n").index("{: #p-1-2-2 }")  # the attribute line; the paragraph starts above it
    assert problem.format(copy).startswith(
        f'docs/yushan-2023/part-1.en.md:{line}: [ids] id "p-1-2-22" is off the numbering: by the numbering this is #p-1-2-2: write {{: #p-1-2-2 }} (and '
    )
    checks = [p.check for p in problem.follows]
    assert "figures" in checks and "blocks" in checks
    assert all(p.path.name == "part-1.en.md" for p in problem.follows if p.check == "figures")


def test_the_glossary_runs_over_pages_the_check_asks_for(copy):
    """PER_PAGE terms a glossary page: a page the terms need is named, so is one they leave empty."""
    from edition.model.glossary import PER_PAGE, load_terms, page_count

    project = Project(copy)
    count = page_count(load_terms(project.reports[0]))
    last = copy / "docs" / "yushan-2023" / f"glossary-{count}.md"
    assert count >= 2 and last.exists()
    english = last.with_name(f"glossary-{count}.en.md")
    last.rename(last.with_name("moved.md"))
    english.rename(english.with_name("moved.en.md"))
    problems = [p.format(copy) for p in run_checks(Project(copy)) if p.check == "pages"]
    assert (
        problems[0].startswith("reports/yushan-2023/glossary.yml:1: [pages] the glossary's ") and f"create docs/yushan-2023/glossary-{count}.md" in problems[0]
    )
    last.with_name("moved.md").rename(last)
    english.with_name("moved.en.md").rename(english)
    extra = last.with_name(f"glossary-{count + 1}.md")
    extra.write_text(last.read_text(encoding="utf-8"), encoding="utf-8")
    problems = [p.format(copy) for p in run_checks(Project(copy)) if p.check == "pages"]
    assert problems[-1] == (
        f"docs/yushan-2023/glossary-{count + 1}.md:1: [pages] the glossary's {len(load_terms(project.reports[0]))} terms fill {count} page(s) of {PER_PAGE}:"
        " this page holds none; delete it and its English page"
    )
