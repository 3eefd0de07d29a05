"""The published edition itself: nothing of the source lost, ids everywhere, checks clean."""

from __future__ import annotations

import hashlib
import shutil

import pytest

from conftest import ROOT
from edition.blocks import read_page
from edition.checks import integrity, run_checks
from edition.project import Project
from edition.source import read_source
from edition.text import RESTORATION

REPORT = ROOT / "reports" / "yushan-2023"
SHARED = ROOT.parent / "shared" / "source" / "yushan-2023-report.zh.txt"


@pytest.fixture(scope="module")
def project() -> Project:
    return Project(ROOT)


def test_project_passes_every_check(project):
    assert [p.format(ROOT) for p in run_checks(project)] == []


def test_archived_source_is_the_unchanged_copy(project):
    (report,) = project.reports
    digest = hashlib.sha256(report.source.read_bytes()).hexdigest()
    assert digest == report.config["sha256"] == "e4bd32bc946beaa9803fa749bf3a547a7457a6e73fbed8ff74dae977870c8816"
    if SHARED.exists():  # beside the clone on the team's machines, not needed elsewhere
        assert report.source.read_bytes() == SHARED.read_bytes()


def test_source_split_keeps_everything_but_the_listed_chrome(project):
    (report,) = project.reports
    source = read_source(report)
    assert source.title == "玉山县人民政府关于2023年度法治政府建设情况的报告"
    assert "选择阅读字号" not in source.header
    assert "索引号 000000000/2024-52017" in source.header
    assert source.body.lstrip().startswith("2023年,玉山县坚持")
    assert source.body.rstrip().endswith("努力将矛盾化解在基层。")


@pytest.fixture
def copy(tmp_path):
    for folder in ("docs", "reports"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "1817个事项",
            "1871个事项",
            'docs/yushan-2023/part-1.md:23: [integrity] text differs from the source at character 97 of this block: expected "…服务“最多跑一次”,18⟨17个事项“马上办,19⟩…", found "…服务“最多跑一次”,18⟨71个事项“马上办,19⟩…"',
        ),
        (
            "调解率达50.82%",
            "调解率达50.8%",
            'docs/yushan-2023/part-1.md:53: [integrity] text differs from the source at character 401 of this block: expected "…程覆盖,调解率达50.8⟨2%,有效地化解行政争议⟩…", found "…程覆盖,调解率达50.8⟨%,有效地化解行政争议,⟩…"',
        ),
        (
            "化解率达94%。",
            "化解率达94%",
            'docs/yushan-2023/part-1.md:59: [integrity] text differs from the source at character 321 of this block: expected "…289件,化解率达94%⟨。三是着力打造齐抓共管的⟩…", found "…289件,化解率达94%⟨三是着力打造齐抓共管的“⟩…"',
        ),
    ],
)
def test_one_character_changed_or_deleted_fails_integrity(copy, old, new, expected):
    page = copy / "docs" / "yushan-2023" / "part-1.md"
    text = page.read_text(encoding="utf-8")
    assert text.count(old) == 1
    page.write_text(text.replace(old, new), encoding="utf-8")
    assert [p.format(copy) for p in integrity.check(Project(copy))] == [expected]


def test_every_heading_and_paragraph_has_the_same_id_in_both_languages(project):
    (report,) = project.reports
    for zh_path in report.text_pages:
        zh = read_page(zh_path)
        en = read_page(zh_path.with_name(zh_path.stem + ".en.md"))
        zh_ids = [(b.kind, b.id) for b in zh.blocks if b.is_text]
        en_ids = [(b.kind, b.id) for b in en.blocks if b.is_text]
        assert all(ident for _, ident in zh_ids), zh_path
        assert zh_ids == en_ids, zh_path


def test_report_has_its_parts_and_sections(project):
    (report,) = project.reports
    headings = [h.id for path in report.text_pages for h in read_page(path).headings]
    assert headings == ["cover", "part-1", "s-1-1", "s-1-2", "s-1-3", "s-1-4", "s-1-5", "part-2", "part-3"]
    part_3 = [b.id for b in read_page(report.docs / "part-3.md").blocks if b.kind == "paragraph"]
    assert part_3 == [f"p-3-{n}" for n in range(1, 7)]


def test_every_restoration_is_marked_and_explained(project):
    (report,) = project.reports
    notes = report.data("editorial-notes.yml")
    marks = sum(len(RESTORATION.findall(b.text)) for path in report.text_pages for b in read_page(path).blocks if b.is_text)
    assert len(notes["restorations"]) == 10
    assert marks == sum(len(RESTORATION.findall(note["edition"])) for note in notes["restorations"])
    assert all(note["zh"] and note["en"] for kind in ("restorations", "queries") for note in notes[kind])


def test_cover_and_editorial_notes_state_the_verified_checksum(project):
    (report,) = project.reports
    for name in ("index.md", "index.en.md", "editorial-notes.md", "editorial-notes.en.md"):
        assert report.config["sha256"] in (report.docs / name).read_text(encoding="utf-8"), name
