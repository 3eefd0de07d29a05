"""The importer turns a raw report into the structure of our pages, and refuses bad input."""

from __future__ import annotations

import re
import shutil
import sys

import pytest

from conftest import ROOT
from edition.checks import integrity
from edition.model.blocks import parse_page, read_page
from edition.model.project import Project
from edition.model.text import remove_restorations
from edition.sources.source import comparable
from edition.workbench import processes

SOURCE = ROOT / "reports" / "yushan-2023" / "yushan-2023-report.zh.txt"
NEW_REPORT = [sys.executable, str(ROOT / "scripts" / "new_report.py")]


@pytest.fixture
def empty_project(tmp_path):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "reports").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def run(raw, root, slug="demo-2024"):
    return processes.run(
        [*NEW_REPORT, str(raw), "--slug", slug, "--root", str(root)], what="scripts/new_report.py", timeout=120, capture_output=True, text=True
    )


def structure(path):
    """(kind, id, level, text as published) of each text block: what the importer must reproduce."""
    page = read_page(path)
    return [(b.kind, b.id, b.level, comparable(remove_restorations(re.sub(r"\*\*", "", b.text)))) for b in page.blocks if b.is_text]


def test_import_of_the_archived_source_reproduces_our_chinese_pages(empty_project):
    result = run(SOURCE, empty_project, slug="yushan-2023")
    assert result.returncode == 0, result.stderr
    assert "line 60: restored the lost item number as （一）" in result.stdout
    for name in ("index.md", "part-1.md", "part-2.md", "part-3.md"):
        assert structure(empty_project / "docs" / "yushan-2023" / name) == structure(ROOT / "docs" / "yushan-2023" / name), name
    (report,) = Project(empty_project).reports
    assert report.config["pages"] == ["index.md", "part-1.md", "part-2.md", "part-3.md"]
    assert "      - yushan-2023/part-3.md" in (empty_project / "mkdocs.yml").read_text(encoding="utf-8")


SECOND = """示范县人民政府关于2024年度法治政府建设情况的报告

发布时间:2025-01-20  选择阅读字号:[ ]
索引号 000000000/2025-00001 发布机构 示范县司法局

2024年,示范县深入推进法治政府建设。现报告如下:

一、主要举措

(一)加强组织领导

1.抓重点,落实第一责任人职责。召开专题会议3次。

2.抓落实,推进依法行政。办理事项1200余件。

(二)推进严格执法

1.规范执法,提升执法水平。培训执法人员300余人次。

二、存在问题

执法人员数量偏少。

三、下一步工作

(一)深化改革。持续优化营商环境。

(二)加强监督。完善行政复议工作。
"""


def test_import_of_a_second_report_of_the_same_shape(empty_project, tmp_path):
    raw = tmp_path / "demo-2024.zh.txt"
    raw.write_text(SECOND, encoding="utf-8")
    result = run(raw, empty_project)
    assert result.returncode == 0, result.stderr
    docs = empty_project / "docs" / "demo-2024"
    ids = {name: [b.id for b in read_page(docs / name).blocks if b.is_text] for name in ("index.md", "part-1.md", "part-2.md", "part-3.md")}
    assert ids["index.md"] == ["cover", "table-1-r1", "table-1-r2", "table-1-r3", "p-0-1"]
    assert ids["part-1.md"] == ["part-1", "s-1-1", "p-1-1-1", "p-1-1-2", "s-1-2", "p-1-2-1"]
    assert ids["part-2.md"] == ["part-2", "p-2-1"]
    assert ids["part-3.md"] == ["part-3", "p-3-1", "p-3-2"]
    assert "**1.抓重点，落实第一责任人职责。**召开专题会议3次。" in (docs / "part-1.md").read_text(encoding="utf-8")
    # The Chinese pages read as the source (the integrity check passes on them), and the
    # data files the importer wrote pass their schemas …
    project = Project(empty_project)
    assert [r.slug for r in project.reports] == ["demo-2024"]
    assert list(integrity.check(project)) == []
    assert [p.format() for p in project.problems + project.reports[0].problems] == []
    assert project.reports[0].data("glossary.yml") == {"terms": []}
    # … and the English pages have the same headings, ids and numbering, ready to translate.
    english = parse_page((docs / "part-1.en.md").read_text(encoding="utf-8"), docs / "part-1.en.md")
    assert [(b.id, b.text.split(":")[0]) for b in english.headings] == [("part-1", "I. TRANSLATE"), ("s-1-1", "(I) TRANSLATE"), ("s-1-2", "(II) TRANSLATE")]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"Title\n\njust some text\nwith no numbering\n", "demo.txt:3: no part headings (一、… 二、…) found: is this a report of this kind?"),
        (SECOND.replace("二、存在问题", "三、存在问题").encode(), 'demo.txt:20: numbering gap: 三、 ("三、存在问题") where 二、 was expected'),
        (SECOND.replace("2.抓落实", "1.抓落实").encode(), 'demo.txt:14: duplicate item number 1. ("1.抓落实，推进依法行政。办理事项120"): expected 2.'),
        (
            SECOND.replace("(二)推进严格执法", "(三)推进严格执法").encode(),
            'demo.txt:16: numbering gap: （三） ("（三）推进严格执法") where （二） was expected',
        ),
        (SECOND.encode().replace("执法人员数量".encode(), b"\xff\xfe"), "demo.txt:22: not valid UTF-8 (byte 0xff)"),
        (b"", "demo.txt:1: the file is empty"),
    ],
)
def test_malformed_input_gets_a_clear_message(empty_project, tmp_path, raw, message):
    path = tmp_path / "demo.txt"
    path.write_bytes(raw)
    result = run(path, empty_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().endswith(message), result.stderr
    assert not (empty_project / "docs" / "demo-2024").exists()  # nothing half-written
