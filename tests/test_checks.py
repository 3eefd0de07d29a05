"""Each content check passes on the miniature project and fails, precisely, on a mutation."""

from __future__ import annotations

import hashlib
import json
import sys

import pytest

from conftest import ROOT
from edition.checks import run_checks
from edition.model.project import Project
from edition.workbench.processes import run

EN = "docs/demo/part-1.en.md"
ZH = "docs/demo/part-1.md"
CHECK = [sys.executable, str(ROOT / "scripts" / "check.py")]


def test_fixture_passes_every_check(mini):
    assert mini.problems() == []


MUTATIONS = {
    "delete a heading": (
        lambda m: m.edit(EN, "## (I) Strengthening Leadership {#s-1-1}\n\n", ""),
        # Where it belongs, after the heading that precedes it in the Chinese.
        [f'{EN}:7: [headings] heading #s-1-1 "（一）加强领导" ({ZH}:7) is missing here, after #part-1'],
    ),
    "swap two headings": (
        lambda m: (
            m.edit(EN, "## (I) Strengthening Leadership {#s-1-1}", "@@"),
            m.edit(EN, "# II. Existing Problems {#part-2}", "## (I) Strengthening Leadership {#s-1-1}"),
            m.edit(EN, "@@", "# II. Existing Problems {#part-2}"),
        ),
        [f'{EN}:8: [headings] heading #part-2 "II. Existing Problems" is out of order: at this place {ZH}:7 has #s-1-1 "（一）加强领导"'],
    ),
    "change a level": (
        lambda m: m.edit(EN, "## (I) Strengthening", "### (I) Strengthening"),
        [f'{EN}:8: [headings] level 3 "(I) Strengthening Leadership" here, level 2 "（一）加强领导" at {ZH}:7'],
    ),
    "rename an id": (
        lambda m: m.edit(EN, "{#s-1-1}", "{#s-1-x}"),
        [
            f'{EN}:8: [headings] heading #s-1-1 "（一）加强领导" ({ZH}:7) is missing here (renamed? this place has #s-1-x)',
            f'{EN}:8: [headings] heading #s-1-x "(I) Strengthening Leadership" has no Chinese counterpart in {ZH}',
        ],
    ),
    "change a heading's numbering": (
        lambda m: m.edit(EN, "## (I) Strengthening", "## (II) Strengthening"),
        [f"{EN}:8: [headings] heading #s-1-1 numbered (II) here, expected (I) for （一） at {ZH}:7"],
    ),
    "change a run-in heading's numbering": (
        lambda m: m.edit(EN, "**2. Ensuring", "**3. Ensuring"),
        [f"{EN}:13: [headings] run-in heading #p-1-1-2 numbered 3. here, expected 2. for 2. at {ZH}:12"],
    ),
    "drop a paragraph": (
        lambda m: m.edit(
            EN,
            "**2. Ensuring implementation: advancing administrative reconsideration.** A meeting was held on 28 May[^t1]; the mediation rate reached 50.82%.\n{: #p-1-1-2 }\n\n",
            "",
        ),
        [
            f"{EN}:12: [blocks] paragraph #p-1-1-2 of section #s-1-1 ({ZH}:12) is missing here, after #p-1-1-1",
            f"{EN}:18: [links] footnote [^t1] is never referenced: refer to it in the text ([^t1]) or delete it",
        ],
    ),
    "an id used in one language only": (
        lambda m: m.edit(EN, "{: #p-2-1 }", "{: #p-2-9 }"),
        # The slip creates no duplicate; the numbering still names it, and what it causes follows.
        [
            f'{EN}:18: [ids] id "p-2-9" is off the numbering: by the numbering this is #p-2-1: write {{: #p-2-1 }} (and 2 problems that follow from it)',
            f"    {EN}:17: [blocks] paragraph #p-2-1 of section #part-2 ({ZH}:17) is missing here, after #part-2",
            f"    {EN}:18: [blocks] paragraph #p-2-9 has no counterpart in section #part-2 of {ZH}",
        ],
    ),
    "a paragraph without id": (
        lambda m: m.edit(EN, "\n{: #p-2-1 }", ""),
        # The missing block follows from the missing id: folded under it, named by the numbering.
        [
            f'{EN}:18: [ids] paragraph "Administrative reconsideration…" has no id: add {{: #p-2-1 }} on the line after it (and 1 problem that follows from it)',
            f"    {EN}:17: [blocks] paragraph #p-2-1 of section #part-2 ({ZH}:17) is missing here, after #part-2",
        ],
    ),
    "change a number": (
        lambda m: m.edit(EN, "1,162", "1,126"),
        [f"{EN}:10: [numbers] 1162 (= 1,162) of #p-1-1-1 at {ZH}:9 is not in the English"],
    ),
    "convert 万 wrongly": (
        lambda m: m.edit(EN, "RMB 85.6448 million", "RMB 8,564.48"),
        [
            f"{EN}:10: [figures] kf-001: the English paragraph does not give 85,644,800 (#p-1-1-1, reports/demo/key-figures.yml)",
            f"{EN}:10: [numbers] 8564.48万 (= 85,644,800) of #p-1-1-1 at {ZH}:9 is not in the English",
        ],
    ),
    "a key figure that its paragraph does not state": (
        lambda m: m.edit("reports/demo/key-figures.yml", 'value: "8564.48"', 'value: "8564.84"'),
        # Each side where it is read: the English on the English page.
        [
            f"{EN}:10: [figures] kf-001: the English paragraph does not give 85,648,400 (#p-1-1-1, reports/demo/key-figures.yml)",
            f"{ZH}:9: [figures] kf-001: the Chinese paragraph does not read 8564.84万元 (#p-1-1-1, reports/demo/key-figures.yml)",
        ],
    ),
    "a key figure whose English is wrong": (
        lambda m: m.edit(EN, "more than 10,000 person-times", "more than 1,000 person-times"),
        [
            f"{EN}:10: [figures] kf-002: the English paragraph does not give 10,000 (#p-1-1-1, reports/demo/key-figures.yml)",
            f"{EN}:10: [numbers] 1万 (= 10,000) of #p-1-1-1 at {ZH}:9 is not in the English",
        ],
    ),
    "a key figure whose English unit drops 万": (
        lambda m: m.edit("reports/demo/key-figures.yml", "unit_en: 10,000 person-times", "unit_en: person-times"),
        # The entry's own field, on its line.
        ['reports/demo/key-figures.yml:19: [figures] kf-002: unit_en "person-times" lacks the "10,000" of 万人次'],
    ),
    "a key figure whose Chinese sentence does not say what it counts": (
        lambda m: m.edit("reports/demo/key-figures.yml", "words_zh: 兑现资金", "words_zh: 进驻率"),
        [
            f"{ZH}:9: [figures] kf-001: no sentence of the Chinese paragraph reads both 8564.48万元 and “进驻率” (words_zh) (#p-1-1-1, reports/demo/key-figures.yml)"
        ],
    ),
    "a key figure whose English sentence does not say what it counts": (
        lambda m: m.edit(EN, "disbursed RMB 85.6448 million", "paid out RMB 85.6448 million"),
        [
            # The English side's problem, on the English page where it is fixed.
            f"{EN}:10: [figures] kf-001: no sentence of the English paragraph gives both 85,644,800 and “disbursed” (words_en) (#p-1-1-1, reports/demo/key-figures.yml)"
        ],
    ),
    "a key figure of a paragraph that does not exist": (
        lambda m: m.edit("reports/demo/key-figures.yml", "paragraph: p-1-1-1\n    indicator_zh: 服务人次", "paragraph: p-9-9\n    indicator_zh: 服务人次"),
        ["reports/demo/key-figures.yml:14: [figures] kf-002: no paragraph p-9-9 in the report"],
    ),
    "translate a term off-glossary": (
        lambda m: m.edit(EN, "building a law-based government", "building a rule-of-law government"),
        [f'{EN}:10: [terms] #p-1-1-1 translates 法治政府 ({ZH}:9) without the glossary\'s "law-based government"'],
    ),
    "remove a page": (
        lambda m: m.path("docs/demo/index.en.md").unlink(),
        [
            "docs/demo/index.md: [pages] no English page: create docs/demo/index.en.md (a missing page is never served in Chinese under /en/)",
            f"{EN}:21: [links] link index.md#p-0-1: no such page docs/demo/index.en.md",
        ],
    ),
    "an English page without its Chinese page": (
        lambda m: m.path("docs/demo/extra.en.md").write_text("# Extra {#extra}\n", encoding="utf-8"),
        ["docs/demo/extra.en.md: [pages] English page without its Chinese page docs/demo/extra.md"],
    ),
    "break a link": (
        lambda m: m.edit(EN, "index.md#p-0-1", "index.md#p-9-9"),
        [f"{EN}:21: [links] link index.md#p-9-9: no anchor #p-9-9 in docs/demo/index.en.md"],
    ),
    "link to a missing page": (
        lambda m: m.edit(EN, "index.md#p-0-1", "nowhere.md"),
        [f"{EN}:21: [links] link nowhere.md: no such page docs/demo/nowhere.md"],
    ),
    "change one character of the Chinese": (
        lambda m: m.edit(ZH, "1162个", "1163个"),
        # The cause first, marking the one character that differs; the English named outdated
        # (which invites --mark-reviewed) and the number no longer in it follow from it.
        [
            f'{ZH}:9: [integrity] text differs from the source at character 30 of #p-1-1-1: expected "…会议3次,办理事项116⟨2⟩个,兑现资金8564.4…", found "…会议3次,办理事项116⟨3⟩个,兑现资金8564.4…" (and 2 problems that follow from it)',
            f"    {EN}:1: [stale] outdated: {ZH} changed since this translation was reviewed (source_hash sha256:0257003a5c9cb91d, now sha256:8e7377cd17f3ee15); the earlier version is not in the git history, so compare by hand, then run python scripts/check.py --mark-reviewed {EN}",
            f"    {EN}:10: [numbers] 1163 (= 1,163) of #p-1-1-1 at {ZH}:9 is not in the English",
        ],
    ),
    "delete one character of the Chinese": (
        lambda m: m.edit(ZH, "偏少", "少"),
        [
            f'{ZH}:17: [integrity] text differs from the source at character 7 of #p-2-1: expected "…二、存在问题行政复议人员⟨偏⟩少。", found "行政复议人员⟨⟩少。" (and 1 problem that follows from it)',
            f"    {EN}:1: [stale] outdated: {ZH} changed since this translation was reviewed (source_hash sha256:0257003a5c9cb91d, now sha256:966b0c8df4e1f038); the earlier version is not in the git history, so compare by hand, then run python scripts/check.py --mark-reviewed {EN}",
        ],
    ),
    "a restoration without its note": (
        lambda m: (m.edit(ZH, "召开会议3次", "召开〔了〕会议3次"), m.reviewed(EN)),
        [f"{ZH}:9: [integrity] 1 restoration mark(s) 〔…〕 in p-1-1-1, but editorial-notes.yml explains 0: record each restoration there"],
    ),
    "a note whose restoration is gone": (
        lambda m: (m.edit(ZH, "5〔月〕28日", "528日"), m.reviewed(EN)),
        [
            f"{EN}:13: [numbers] 528 (= 528) of #p-1-1-2 at {ZH}:12 is not in the English",
            f"{ZH}:12: [integrity] 0 restoration mark(s) 〔…〕 in p-1-1-2, but editorial-notes.yml explains 1: record each restoration there",
            f'{ZH}:12: [integrity] note r-1 of reports/demo/editorial-notes.yml expects "5〔月〕28日" in p-1-1-2, not found',
        ],
    ),
    "a restoration whose translator's note does not link its editorial note": (
        lambda m: m.edit(EN, " and [editorial note r-1](editorial-notes.md#r-1)", ""),
        [
            f"{EN}:13: [restorations] #p-1-1-2 holds restoration r-1 ({ZH}:12) but its English does not link editorial-notes.md#r-1: "
            "add a translator's note that points to it"
        ],
    ),
    "a restoration whose paragraph no longer cites its translator's note": (
        lambda m: m.edit(EN, "28 May[^t1]", "28 May"),
        [
            f"{EN}:13: [restorations] #p-1-1-2 holds restoration r-1 ({ZH}:12) but its English does not link editorial-notes.md#r-1: "
            "add a translator's note that points to it",
            f"{EN}:21: [links] footnote [^t1] is never referenced: refer to it in the text ([^t1]) or delete it",
        ],
    ),
    "a note linked from the wrong paragraph's footnote": (
        lambda m: (
            m.edit(EN, "28 May[^t1]", "28 May"),
            m.edit(EN, "staff are too few.", "staff are too few.[^t1]"),
        ),
        [
            f"{EN}:13: [restorations] #p-1-1-2 holds restoration r-1 ({ZH}:12) but its English does not link editorial-notes.md#r-1: "
            "add a translator's note that points to it"
        ],
    ),
    "four inline Chinese glosses in one paragraph": (
        lambda m: m.edit(
            EN,
            "The county held 3 meetings,",
            "The county held 3 meetings (会议), handled “one matter” (一件事), “zero visits” (零跑动) and “self-service” (自助办),",
        ),
        [
            f"{EN}:10: [glosses] #p-1-1-1 carries 4 inline Chinese glosses (会议, 一件事, 零跑动, 自助办); at most 3: "
            "move the rest to a translator's note or the glossary (TRANSLATION.md)"
        ],
    ),
    "the same inline gloss twice on a page": (
        lambda m: (
            m.edit(EN, "The county held 3 meetings,", "The county held 3 meetings on “zero visits” (零跑动),"),
            m.edit(EN, "the mediation rate reached 50.82%.", "the mediation rate reached 50.82%, with “zero visits” (零跑动)."),
        ),
        [f"{EN}:13: [glosses] #p-1-1-2 repeats the inline gloss 零跑动 of #p-1-1-1 (line 10): gloss once per page"],
    ),
    "change the archived source": (
        lambda m: m.edit("reports/demo/source.zh.txt", "偏少", "偏多"),
        # The changed source is the cause of the difference found against it.
        [
            "reports/demo/source.zh.txt: [integrity] sha256 is {digest}, expected b1e07db1c4d9190dca1e1db8f0007a9eb8f7f869b0098ca79dad0e0bac4dff6d (report.yml): an archived source stays unchanged; archive a corrected source as a new file beside it (and 1 problem that follows from it)",
            f'    {ZH}:17: [integrity] text differs from the source at character 8 of #p-2-1: expected "…、存在问题行政复议人员偏⟨多⟩。", found "行政复议人员偏⟨少⟩。"',
        ],
    ),
    "a Chinese word in an English heading": (
        lambda m: m.edit(EN, "## (I) Strengthening Leadership {#s-1-1}", "## (I) Strengthening Leadership 领导 {#s-1-1}"),
        [
            f'{EN}:8: [language] heading #s-1-1 "(I) Strengthening Leadership 领导" has Chinese (领导), shown in the table of contents: '
            'translate it, or mark it <span lang="zh-Hans">…</span>'
        ],
    ),
    "an English page's title in Chinese": (
        lambda m: m.edit(EN, "title: I. Main Measures", "title: 一、Main Measures"),
        [f'{EN}:2: [language] the page\'s title "一、Main Measures" has Chinese (一、): it shows in the browser tab and the navigation'],
    ),
    "an English word in a Chinese page's title": (
        lambda m: (m.edit(ZH, "title: 一、主要举措", "title: 一、Main 主要举措"), m.reviewed(EN)),
        [f'{ZH}:2: [language] the page\'s title "一、Main 主要举措" has an English word (Main): it shows in the browser tab and the navigation'],
    ),
    "an empty file": (lambda m: m.path(EN).write_text(""), [f"{EN}:1: [input] file is empty"]),
    "non-UTF-8 bytes": (
        lambda m: m.path(EN).write_bytes(m.path(EN).read_bytes().replace(b"I. Main Measures {", b"I. Main \xff\xfeMeasures {")),
        [f"{EN}:6: [input] not valid UTF-8 (byte 0xff at offset 80)"],
    ),
    "malformed front matter": (
        lambda m: m.edit(EN, "title: I. Main Measures", "title: [I. Main Measures"),
        # The bracket opens on line 2; libyaml finds it unclosed on line 3, and says both.
        [f"{EN}:2: [front-matter] malformed YAML front matter: while parsing a flow sequence at line 2: did not find expected ',' or ']' at line 3"],
    ),
    "front matter never closed": (
        lambda m: m.edit(EN, "source_hash: sha256:0257003a5c9cb91d\n---", "source_hash: sha256:0257003a5c9cb91d"),
        [f"{EN}:1: [front-matter] front matter opened with '---' is never closed"],
    ),
    "an unclosed code fence": (
        lambda m: m.edit(EN, "# II. Existing", "```\ncode\n\n# II. Existing"),
        # The page cannot be read whole: it is compared with nothing, and what is found in it follows.
        [
            f"{EN}:16: [input] code fence ``` is never closed: close it, or the rest of the page is code (and 1 problem that follows from it)",
            f'    {EN}:13: [links] footnote reference [^t1] has no definition on this page: add "[^t1]: …" below the text',
        ],
    ),
    "a heading without id": (
        lambda m: m.edit(EN, "## (I) Strengthening Leadership {#s-1-1}", "## (I) Strengthening Leadership"),
        # The numbering names the id, and the missing heading follows from it.
        [
            f'{EN}:8: [ids] heading "(I) Strengthening Leadership" has no id: add {{#s-1-1}} at its end (and 1 problem that follows from it)',
            f'    {EN}:7: [headings] heading #s-1-1 "（一）加强领导" ({ZH}:7) is missing here, after #part-1',
        ],
    ),
    "a duplicate id": (
        lambda m: m.edit(EN, "{: #p-2-1 }", "{: #p-1-1-1 }"),
        [
            f'{EN}:18: [ids] duplicate id "p-1-1-1" (also on line 10): by the numbering this is #p-2-1: write {{: #p-2-1 }} (and 1 problem that follows from it)',
            f"    {EN}:17: [blocks] paragraph #p-2-1 of section #part-2 ({ZH}:17) is missing here, after #part-2",
        ],
    ),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_fails_with_precise_message(mini, name):
    mutate, expected = MUTATIONS[name]
    mutate(mini)
    problems = mini.problems()
    digest = hashlib.sha256(mini.path("reports/demo/source.zh.txt").read_bytes()).hexdigest()
    assert problems == [line.replace("{digest}", digest) for line in expected]


def test_chinese_marked_in_an_english_heading_passes_and_nav_titles_are_checked(mini):
    mini.edit(EN, "## (I) Strengthening Leadership {#s-1-1}", '## (I) Strengthening Leadership (<span lang="zh-Hans">领导</span>) {#s-1-1}')
    assert mini.problems() == []
    config = "plugins:\n  - i18n:\n      languages:\n        - locale: en\n          nav_translations:\n            示范县报告: Demo County Report\n            编辑资料: 编辑资料\n"
    mini.path("mkdocs.yml").write_text(config, encoding="utf-8")
    assert mini.problems() == ["mkdocs.yml:7: [language] the English nav title of 编辑资料 has Chinese (编辑资料): translate it"]


def test_three_glosses_pass_and_one_expression_counts_once(mini):
    # The limit is "more than three"; 党员联户、微事快办 is one slogan, one gloss, however
    # many 、 join its parts; footnotes may quote any amount of Chinese.
    mini.edit(
        EN,
        "The county held 3 meetings,",
        "The county held 3 meetings (会议) on “zero visits” (零跑动) and “members and households” (党员联户、微事快办、同行·巾帼之力),",
    )
    mini.edit(EN, "see [the cover]", "see 一 二 三 四 五 [the cover]")
    assert mini.problems() == []


def git(root, *args):
    run(["git", "-C", str(root), *args], what=f"git {args[0]}", timeout=60, check=True, capture_output=True)


def test_stale_translation_shows_what_changed_in_the_chinese(mini):
    git(mini.root, "init", "-q")
    git(mini.root, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(mini.root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "fixture")
    # A change the source allows (full-width colon → half-width is the same after NFKC).
    mini.edit("docs/demo/index.md", "现报告如下：", "现报告如下:")
    assert mini.problems() == [
        'docs/demo/index.en.md:14: [stale] outdated: #p-0-1 changed in docs/demo/index.md:13: "…政府。现报告如下⟨：⟩…" → "…政府。现报告如下⟨:⟩…";'
        " update the translation, then run python scripts/check.py --mark-reviewed docs/demo/index.en.md",
    ]


def test_stale_names_only_what_changed_among_blocks_without_ids(mini):
    """Blocks without ids (the apparatus pages' paragraphs) are matched by their order among
    themselves, not by their line: a paragraph added above them is the one change named."""
    notes, notes_en = "docs/demo/editorial-notes.md", "docs/demo/editorial-notes.en.md"
    mini.edit(notes, "{{ restorations }}", "{{ restorations }}\n\n第一段说明。\n\n第二段说明。")
    mini.reviewed(notes_en)
    git(mini.root, "init", "-q")
    git(mini.root, "-c", "user.name=t", "-c", "user.email=t@t", "add", ".")
    git(mini.root, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "fixture")
    mini.edit(notes, "# 编辑说明 {#editorial-notes}\n", "# 编辑说明 {#editorial-notes}\n\n新加的一段。\n")
    mini.edit(notes, "第二段说明。", "第二段的说明。")
    hint = f"; update the translation, then run python scripts/check.py --mark-reviewed {notes_en}"
    assert mini.problems() == [
        f'{notes_en}:1: [stale] outdated: a paragraph changed in {notes}:13: "…第二段⟨⟩说明。…" → "…第二段⟨的⟩说明。…"{hint}',
        f'{notes_en}:1: [stale] outdated: a paragraph was added to {notes}:7: "新加的一段。"{hint}',
    ]


def test_mark_reviewed_clears_a_stale_translation(mini):
    mini.edit("docs/demo/index.md", "现报告如下：", "现报告如下:")
    assert [p for p in mini.problems() if "[stale]" in p]
    result = run([*CHECK, "--mark-reviewed", "docs/demo/index.en.md"], what="scripts/check.py", timeout=120, cwd=mini.root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "source_hash sha256:" in result.stdout
    assert mini.problems() == []


def test_cli_exit_status_and_summary(mini):
    clean = run([*CHECK, str(mini.root)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    assert clean.returncode == 0
    assert clean.stdout.strip() == "checked 6 pages: no problems"
    mini.edit(EN, "1,162", "1,126")
    mini.edit(EN, "{#s-1-1}", "{#s-1-x}")
    broken = run([*CHECK, str(mini.root)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    assert broken.returncode == 1
    lines = broken.stdout.strip().splitlines()
    assert len(lines) == 4  # all three problems of two slips in one run, then the summary
    assert lines[-1] == "checked 6 pages: 3 problems (headings, numbers)"


def test_cli_json_output(mini):
    mini.edit(EN, "1,162", "1,126")
    result = run([*CHECK, str(mini.root), "--format", "json"], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["problems"] == [{"path": EN, "line": 10, "check": "numbers", "message": f"1162 (= 1,162) of #p-1-1-1 at {ZH}:9 is not in the English"}]


@pytest.mark.parametrize("damage", ["empty", "binary", "front matter", "fence"])
def test_bad_input_never_gives_a_traceback(mini, damage):
    path = mini.path(EN)
    if damage == "empty":
        path.write_text("")
    elif damage == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff")
    elif damage == "front matter":
        path.write_text("---\n: : :\n---\n")
    else:
        path.write_text("```\n")
    result = run([*CHECK, str(mini.root)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout.startswith(f"{EN}:")


def test_cli_without_a_project(tmp_path):
    result = run([*CHECK, str(tmp_path)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    assert result.returncode == 2
    assert "no docs/ folder here" in result.stderr


def test_malformed_data_file_is_named(mini):
    mini.path("reports/demo/glossary.yml").write_text("terms:\n  - id: x\n    zh: [unclosed\n", encoding="utf-8")
    problems = mini.problems()
    # Line 3, where the bracket opens: libyaml finds it unclosed at the end of the input (line
    # 4, past the last line), and keeps where it opened ("while parsing … at line 3").
    assert problems == [
        "reports/demo/glossary.yml:3: [input] malformed YAML: while parsing a flow sequence at line 3: did not find expected ',' or ']' at the end of the file"
    ]
    # Inside the file: the line where the bracket opens, not the next, where it is found unclosed.
    mini.path("reports/demo/glossary.yml").write_text("terms:\n  - id: x\n    zh: [unclosed\n    en: y\n  - id: z\n", encoding="utf-8")
    assert mini.problems() == [
        "reports/demo/glossary.yml:3: [input] malformed YAML: while parsing a flow sequence at line 3: did not find expected ',' or ']' at line 4"
    ]
    # A mapping indented wrongly is where libyaml finds it.
    mini.path("reports/demo/glossary.yml").write_text("terms:\n  - id: x\n    zh: 法治\n   en: y\n", encoding="utf-8")
    assert mini.problems() == [
        "reports/demo/glossary.yml:4: [input] malformed YAML: while parsing a block collection at line 2: did not find expected '-' indicator at line 4"
    ]


def test_a_slip_in_the_first_of_two_equal_ids_is_named_with_its_consequences(mini):
    """{: #p-1-1-2 } typed for {: #p-1-1-1 }: the numbering shows which of the two is wrong;
    what the wrong pairing causes is folded under it, and still listed by the CLI."""
    mini.edit(ZH, "{: #p-1-1-1 }", "{: #p-1-1-2 }")
    (problem,) = run_checks(Project(mini.root))
    assert problem.format(mini.root).startswith(
        f'{ZH}:9: [ids] duplicate id "p-1-1-2" (also on line 12): by the numbering this is #p-1-1-1: write {{: #p-1-1-1 }} (and '
    )
    assert problem.follows and all(p.check not in ("ids", "input", "data") for p in problem.follows)
    result = run([*CHECK, str(mini.root)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    lines = result.stdout.strip().splitlines()
    assert lines[0] == problem.format(mini.root)
    assert lines[1 : 1 + len(problem.follows)] == [f"    {p.format(mini.root)}" for p in problem.follows]
    assert lines[-1].endswith(f" pages: 1 problem (ids), and {len(problem.follows)} that follow from it")


def test_structural_problems_come_first(mini):
    mini.edit(EN, "1,162", "1,126")  # a number problem early in the page
    mini.edit(EN, "\n{: #p-2-1 }", "")  # an id problem later in it
    problems = mini.problems()
    assert "[ids]" in problems[0] and problems[1].startswith("    ") and "[numbers]" in problems[2], problems


# The scripts check: each way a page or data file could run code on the published site.
INDEX_EN = "docs/demo/index.en.md"
AS_FOLLOWS = "We report as follows:"
SCRIPTS = {
    "script tag": (AS_FOLLOWS + " <script>alert(1)</script>", "raw <script> tag: a page may not run code"),
    "script tag, upper case, entity-encoded bracket": (AS_FOLLOWS + " &lt;SCRIPT src=x.js>", "raw <script> tag: a page may not run code"),
    "iframe": (AS_FOLLOWS + ' <iframe src="https://example.org/"></iframe>', "raw <iframe> tag: a page may not embed another page"),
    "object": (AS_FOLLOWS + ' <object data="x.swf"></object>', "raw <object> tag: a page may not embed a plug-in or page"),
    "embed": (AS_FOLLOWS + ' <embed src="x.swf">', "raw <embed> tag: a page may not embed a plug-in"),
    "event handler": (
        AS_FOLLOWS + ' <img alt="" src="x.png" onerror="alert(1)">',
        "inline event handler (on…=): a page may not run code; link to a page instead",
    ),
    "javascript link": (AS_FOLLOWS + " [more](javascript:alert(1))", "javascript: URL: a link may not run code"),
    "javascript link, entity-encoded": (AS_FOLLOWS + " [more](jav&#x61;script&#58;alert(1))", "javascript: URL: a link may not run code"),
    "data URL": (AS_FOLLOWS + " [more](data:text/html;base64,PHNjcmlwdD4=)", "data: URL: link to a file of the site instead of embedding it in the page"),
}


@pytest.mark.parametrize("name", SCRIPTS)
def test_scripts_check_names_active_content(mini, name):
    text, message = SCRIPTS[name]
    mini.edit(INDEX_EN, AS_FOLLOWS, text)
    # Only this check: a Markdown link to a URL also draws the links check's complaint.
    assert mini.problems("scripts") == [f"{INDEX_EN}:14: [scripts] {message}"]


def test_scripts_check_names_an_event_handler_in_an_attribute_list(mini):
    mini.edit(INDEX_EN, "{: #p-0-1 }", '{: #p-0-1 onclick="alert(1)" }')
    assert mini.problems() == [f"{INDEX_EN}:15: [scripts] inline event handler (on…=): a page may not run code; link to a page instead"]


def test_scripts_check_reads_data_files(mini):
    mini.edit(
        "reports/demo/glossary.yml",
        "note_en: A government that acts under law.",
        'note_en: A government that acts <a href="javascript:alert(1)">under law</a>.',
    )
    mini.path("reports/demo/extra.yaml").write_text("a: 1\nb: <iframe src=x>\n", encoding="utf-8")
    assert mini.problems() == [
        "reports/demo/extra.yaml:2: [scripts] raw <iframe> tag: a page may not embed another page",
        "reports/demo/glossary.yml:8: [scripts] javascript: URL: a link may not run code",
    ]


def test_scripts_check_leaves_code_and_prose_alone(mini):
    mini.edit(INDEX_EN, AS_FOLLOWS, AS_FOLLOWS + " `<script>` and ``onload=`` are shown as code; data: one; carry on = go")
    path = mini.path(INDEX_EN)
    path.write_text(path.read_text(encoding="utf-8") + '\n```html\n<script>alert(1)</script>\n<a href="javascript:x">x</a>\n```\n', encoding="utf-8")
    assert mini.problems() == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("terms:\n  - id: x\n    zh: 法治\n", "reports/demo/glossary.yml:2: [data] terms[0] (x) lacks en"),
        ("terms:\n  - just text\n", "reports/demo/glossary.yml:2: [data] terms[0] is 'just text', expected a mapping of keys to values"),
        ("terms: 3\n", "reports/demo/glossary.yml:1: [data] terms is 3, expected a list (- …)"),
        ("terms:\n  - {id: x, zh: 法治, en: rule, variants: 7}\n", "reports/demo/glossary.yml:2: [data] terms[0] (x).variants is 7, expected a list (- …)"),
    ],
)
def test_ill_shaped_data_entry_is_named_not_a_crash(mini, text, expected):
    """Valid YAML of the wrong shape: named at the entry's line, and the checks go on."""
    mini.path("reports/demo/glossary.yml").write_text(text, encoding="utf-8")
    assert expected in mini.problems()
