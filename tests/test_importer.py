"""The importer turns a raw report into the structure of our pages, and refuses bad input.

It is tried on the archived source of the edition, on a made-up report of the same shape, and
on real reports of four governments as their pages give them (tests/fixtures/reports/: site
banners, breadcrumbs, view counters, a title given twice or not at all, items numbered straight
through the sections, texts cut off at the end).
"""

from __future__ import annotations

import re
import shutil
import sys

import pytest
import yaml

from conftest import ROOT
from edition.checks import integrity, run_checks
from edition.model.blocks import parse_page, read_page
from edition.model.project import Project
from edition.model.text import CJK, remove_restorations
from edition.sources.importer import REPORT_TEMPLATE, Chrome
from edition.sources.source import comparable
from edition.workbench import processes

SOURCE = ROOT / "reports" / "yushan-2023" / "yushan-2023-report.zh.txt"
REAL = ROOT / "tests" / "fixtures" / "reports"
NEW_REPORT = [sys.executable, str(ROOT / "scripts" / "new_report.py")]


@pytest.fixture
def empty_project(tmp_path):
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "reports").mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def run(raw, root, slug="demo-2024", *options):
    return processes.run(
        [*NEW_REPORT, str(raw), "--slug", slug, "--root", str(root), *options],
        what="scripts/new_report.py",
        timeout=120,
        capture_output=True,
        text=True,
    )


def structure(path):
    """(kind, id, level, text as published) of each text block: what the importer must reproduce."""
    page = read_page(path)
    return [(b.kind, b.id, b.level, comparable(remove_restorations(re.sub(r"\*\*", "", b.text)))) for b in page.blocks if b.is_text]


def test_import_of_the_archived_source_reproduces_our_chinese_pages(empty_project):
    result = run(SOURCE, empty_project, "yushan-2023")
    assert result.returncode == 0, result.stderr
    assert f"{SOURCE}:60: restored the lost item number as （一）" in result.stdout
    for name in ("index.md", "part-1.md", "part-2.md", "part-3.md"):
        assert structure(empty_project / "docs" / "yushan-2023" / name) == structure(ROOT / "docs" / "yushan-2023" / name), name
    (report,) = Project(empty_project).reports
    assert report.config["pages"] == ["index.md", "part-1.md", "part-2.md", "part-3.md"]
    assert "      - yushan-2023/part-3.md" in (empty_project / "mkdocs.yml").read_text(encoding="utf-8")
    # The font-size control of the page is found by its pattern, on its line, as the
    # edition's own notes record it.
    assert report.data("editorial-notes.yml")["chrome"][0]["text"] == "选择阅读字号:[ ]"
    assert report.data("editorial-notes.yml")["chrome"][0]["line"] == 3


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
    assert "cut off" not in result.stdout  # it ends with a full sentence
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


# Each real report: (fixture, options the maintainer gives, title and line, published, the
# lines taken for page chrome, the ids of part 1).
REPORTS = {
    "jinghai-2023": (
        [],
        ("静海区2023年度法治政府建设情况报告", 5),
        "2024-03-28",
        [1, 3, 8],  # the site's banner and date, 无障碍 简体|繁体, the title again above the text
        ["part-1", "p-1-1"],
    ),
    "jinghai-2020": (
        [],
        ("2020年静海区法治政府建设情况报告", 6),
        "2021-03-29",  # 更新时间: the page gives no 发布时间
        [1, 2, 4, 10],  # 今天是…星期三, the site section, the breadcrumb, the title again
        # 1. 2. under （一）, then 3. under （二）: numbered straight through the part.
        ["part-1", "s-1-1", "p-1-1-1", "p-1-1-2", "s-1-2", "p-1-2-1"],
    ),
    "xialu-2024": (
        [],
        ("下陆区2024年法治政府建设工作报告", 9),
        "2025-02-28",
        [1, 2, 3, 4],  # 设为首页, 加入收藏, 无障碍阅读, 长者版
        ["part-1", "s-1-1", "p-1-1-1", "p-1-1-2", "p-1-1-3"],  # 一是… 二是… 三是…
    ),
    "xinjiang-2017": (
        [],
        ("新疆维吾尔自治区人民政府关于2017年法治政府建设工作的报告", 1),
        "2018-04-03",
        [2, 2],  # the view counter and the font-size control, on the metadata line
        ["part-1", "p-1-1", "s-1-1", "p-1-1-1", "p-1-1-2"],
    ),
    "yueyang-2022": (
        # The page's text has no title line and no date: the maintainer gives them (values
        # under test here, taken from the text's own words; see the fixture's README).
        ["--title", "岳阳县人民政府2022年法治政府建设工作情况报告", "--published", "2023-01-01"],
        ("岳阳县人民政府2022年法治政府建设工作情况报告", 0),
        "2023-01-01",
        [],
        ["part-1", "p-1-1", "s-1-1", "p-1-1-1", "p-1-1-2", "p-1-1-3"],
    ),
}


@pytest.mark.parametrize("name", REPORTS)
def test_a_real_report_imports_and_leaves_only_the_translation_to_do(empty_project, name):
    options, (title, title_line), published, chrome, ids = REPORTS[name]
    raw = REAL / f"{name}.zh.txt"
    result = run(raw, empty_project, name, *options)
    assert result.returncode == 0, result.stderr
    # It says what it guessed, each with its line and the option that corrects it.
    if title_line:
        assert f"{raw}:{title_line}: title {title!r} (--title to change)" in result.stdout
    if not options:
        assert re.search(rf"{re.escape(str(raw))}:\d+: published {published}, from \S+ \(--published to change\)", result.stdout)
    taken = [int(n) for n in re.findall(rf"{re.escape(str(raw))}:(\d+): page chrome", result.stdout)]
    assert taken == chrome, result.stdout
    # Every one of these texts is cut off (a stored copy keeps the page's beginning).
    assert re.search(rf"{re.escape(str(raw))}:\d+: the text ends in mid-sentence .*: is it cut off\?", result.stdout), result.stdout
    (report,) = Project(empty_project).reports
    assert (report.config["title_zh"], report.config["title_line"], report.config["published"]) == (title, title_line, published)
    assert [c["line"] for c in report.data("editorial-notes.yml").get("chrome", [])] == chrome
    part = read_page(empty_project / "docs" / name / "part-1.md")
    assert [b.id for b in part.blocks if b.is_text] == ids
    # `make check` on the result: one kind of problem, what is left to translate, each
    # named by file and line.
    problems = run_checks(Project(empty_project))
    assert problems and {p.check for p in problems} == {"untranslated"}, [p.format(empty_project) for p in problems]
    english = [empty_project / "docs" / name / f"{page.removesuffix('.md')}.en.md" for page in report.config["pages"]]
    blocks = sum(1 for path in english for b in read_page(path).blocks if b.is_text)
    assert len(problems) == blocks + len(english) + 1  # each block, each page title, the nav title
    assert all(p.line for p in problems)
    # The English nav shows no Chinese, and the report comes right after the home page.
    config = yaml.load((empty_project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Lenient)
    english_site = next(lang for lang in config["plugins"][-1]["i18n"]["languages"] if lang["locale"] == "en")
    assert not CJK.search(english_site["nav_translations"][title])
    assert list(config["nav"][1]) == [title]


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml's tags (!ENV …) read as nothing."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def test_the_text_without_a_title_needs_one_and_a_guess_can_be_overridden(empty_project):
    raw = REAL / "yueyang-2022.zh.txt"
    refused = run(raw, empty_project, "yueyang-2022")
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"{raw}:1: no title found above the text (a line such as …关于2023年度法治政府建设情况的报告): give it with --title"
    # Jinghai's line 2 ("工作报告") is the site's section, taken for chrome; a maintainer who
    # reads it otherwise keeps it as metadata, and gives another date.
    raw = REAL / "jinghai-2020.zh.txt"
    result = run(raw, empty_project, "jinghai-2020", "--not-chrome", "2", "--published", "2021-03-30")
    assert result.returncode == 0, result.stderr
    (report,) = Project(empty_project).reports
    assert [c["line"] for c in report.data("editorial-notes.yml")["chrome"]] == [1, 4, 10]
    assert report.config["published"] == "2021-03-30"
    assert "| 工作报告 |" in (empty_project / "docs" / "jinghai-2020" / "index.md").read_text(encoding="utf-8")
    assert list(integrity.check(Project(empty_project))) == []


def test_page_chrome_is_found_by_general_patterns():
    """Lines of real government pages (these reports' and others' retrieved with them):
    whole lines of chrome, and what is left of the report's own lines."""
    from edition.sources.importer import _chrome_kind

    chrome = {
        "天津市静海区人民政府 2019年12月3日星期二": "banner",
        "今天是:2019年10月31日 星期三 农历十月初七": "banner",
        "无障碍 简体| 繁体": "access",
        "- 长者版": "access",
        "- 设为首页": "menu",
        "您所在的位置:政务公开 > 工作报告": "breadcrumb",
        "您的位置: 首页 >专题专栏>法治政府建设示范创建>创建工作动态>详细内容": "breadcrumb",
        "【打印正文】": "tools",
        "分享到:": "tools",
        "主办:濮阳县人民政府办公室": "footer",
        "字体大小:【": "font",
        "选择阅读字号:[ ]": "font",
    }
    assert {line: _chrome_kind(line, "") for line in chrome} == chrome
    for line in ("一、区政府主要负责同志履行推进法治建设第一责任人职责情况", "2023年，推进无障碍环境建设，打印证照自助办理。", "执法人员数量偏少。"):
        assert _chrome_kind(line, "") is None, line
    assert Chrome(3, "浏览次数:", "counter").entry().startswith('  - text: "浏览次数:"\n    line: 3\n    zh: 原网页的浏览次数。')


def test_contributing_documents_every_field_the_importer_writes():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text[text.index("## Adding the next report") :]
    section = section[: section.index("\n## ", 4)]
    written = re.findall(r"(?m)^\s*-?\s*(\w+):", REPORT_TEMPLATE) + ["restorations", "queries", "chrome", "line", "terms", "source_hash", "nav_translations"]
    missing = [key for key in dict.fromkeys(written) if f"`{key}`" not in section]
    assert missing == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"Title\n\njust some text\nwith no numbering\n", "demo.txt:3: no part headings (一、… 二、…) found: is this a report of this kind?"),
        (SECOND.replace("二、存在问题", "三、存在问题").encode(), 'demo.txt:20: numbering gap: 三、 ("三、存在问题") where 二、 was expected'),
        (SECOND.replace("2.抓落实", "1.抓落实").encode(), 'demo.txt:14: duplicate item number 1. ("1.抓落实，推进依法行政。办理事项120"): expected 2.'),
        (SECOND.replace("2.抓落实", "3.抓落实").encode(), 'demo.txt:14: numbering gap: 3. ("3.抓落实，推进依法行政。办理事项120") where 2. was expected'),
        # After （二）, an item may start again (1.) or go on from the last (2.), nothing else.
        (
            SECOND.replace("1.规范执法", "5.规范执法").encode(),
            'demo.txt:18: numbering gap: 5. ("5.规范执法，提升执法水平。培训执法人员") where 1. or 3. was expected',
        ),
        (
            SECOND.replace("(二)推进严格执法", "(三)推进严格执法").encode(),
            'demo.txt:16: numbering gap: （三） ("（三）推进严格执法") where （二） was expected',
        ),
        (SECOND.encode().replace("执法人员数量".encode(), b"\xff\xfe"), "demo.txt:22: not valid UTF-8 (byte 0xff)"),
        (b"", "demo.txt:1: the file is empty"),
        (
            SECOND.replace("发布时间:2025-01-20", "").encode(),
            "demo.txt: no publication date (发布日期 or 发布时间) above the text: give it with --published YYYY-MM-DD",
        ),
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
