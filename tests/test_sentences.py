"""Sentence alignment (issue 28): the cut into sentences, the aligner, the script that writes
reports/SLUG/sentences.yml, the `sentences` check (on the miniature project, passing and
failing precisely on a mutation of each rule), and the real report's alignment."""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_properties import line_count, mutate

from conftest import FIXTURE, ROOT
from edition.adapters.align_sentences import main as align_main
from edition.checks import run_checks
from edition.model.aligner import align, realign
from edition.model.project import Project
from edition.model.sentences import BlockAlignment, Pair, fingerprint, load_alignment, report_sentences, split_en, split_zh
from edition.workbench.processes import run

ZH = "docs/demo/part-1.md"
EN = "docs/demo/part-1.en.md"
DATA = "reports/demo/sentences.yml"
REFRESH = "refresh with python scripts/align_sentences.py (make sentences), then review the pairs it marks unsure"


def test_chinese_sentences_end_at_their_marks_with_the_closing_marks():
    assert split_zh("召开会议3次。完成“一窗通办”。调解率为99%〔。〕今年。") == ["召开会议3次。", "完成“一窗通办”。", "调解率为99%〔。〕", "今年。"]
    assert split_zh("没有句号") == ["没有句号"]
    assert split_zh("是吗？是！好") == ["是吗？", "是！", "好"]


def test_english_sentences_end_at_a_stop_before_a_new_sentence():
    text = "1. Focusing on priorities: the plan. The county held 3 meetings, cut to 0.5 days. “Zero visits” applied. (It did.) See No. 4 below."
    assert split_en(text) == [
        "1. Focusing on priorities: the plan.",
        "The county held 3 meetings, cut to 0.5 days.",
        "“Zero visits” applied.",
        "(It did.)",
        "See No. 4 below.",
    ]
    assert split_en("I. Main Measures") == ["I. Main Measures"]


def test_aligner_pairs_by_length_and_numbers():
    zh = ["一是召开会议。", "共受理纠纷4042件，已办结3962件。", "化解率达94%。"]
    en = ["First, meetings were held.", "The Centre accepted 4,042 disputes.", "Of these, 3,962 have been concluded.", "The rate was 94%."]
    proposals = align(zh, en)
    assert [(p.zh, p.en) for p in proposals] == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    assert all(not p.unsure() for p in proposals)


def test_aligner_is_unsure_when_no_pairing_fits():
    # The English joins what the Chinese gives in two sentences, and adds one without a
    # counterpart: 1:1 + 1:1 leaves 41 in the wrong pair, 2:2 is a rare shape.
    zh = ["县里办理事项1162个。", "完成41项。"]
    en = ["The county handled 1,162 items and completed 41.", "That was all."]
    (proposal,) = align(zh, en)
    assert (proposal.zh, proposal.en) == ((0, 1), (0, 1))
    assert proposal.unsure() == "a boundary after Chinese sentence 1 and English sentence 1 costs nearly as little"
    (single,) = align(["办理事项1162个，完成41项。"], ["The county handled 1,162 items."])
    assert single.unsure() == ""  # 41 is not in the English at all: the numbers check's business


def test_realign_keeps_reviewed_pairs_of_unchanged_sentences_and_aligns_the_rest():
    zh = ["一是召开会议。", "共受理纠纷4042件。", "化解率达94%。"]
    en = ["First, meetings were held.", "The Centre accepted 4,042 disputes.", "The rate was 94%."]
    old = BlockAlignment(
        "p-1",
        tuple(fingerprint(s) for s in zh),
        tuple(fingerprint(s) for s in en),
        (Pair((1,), (1,)), Pair((2,), (2,), "a doubt", "kept: checked"), Pair((3,), (3,))),
    )
    changed = [*en[:2], "The resolution rate reached 94%.", "All were resolved."]  # the last sentence edited, one added
    pairs = realign(old, zh, changed)
    assert pairs == [Pair((1,), (1,)), Pair((2,), (2,), "a doubt", "kept: checked"), Pair((3,), (3, 4))]


@pytest.fixture
def aligned(mini):
    """The miniature project with its sentence alignment written by the script: p-1-1-1 (two
    sentences a language) has its entry on line 55 of sentences.yml and its pairs on 59 and
    60; p-2-1 (one sentence) its entry on line 72 and its pair on 76."""
    assert align_main([str(mini.root)]) == 0
    return mini


def set_pairs(m, block: str, *pairs: str) -> None:
    """Replace the pairs of a block in sentences.yml (as a reviewer would correct them)."""
    path = m.path(DATA)
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(  - id: {block}\n(?:    \S.*\n)*?    pairs:\n)(?:      - .*\n)+")
    assert pattern.search(text), block
    path.write_text(pattern.sub(lambda found: found.group(1) + "".join(f"      - {p}\n" for p in pairs), text, count=1), encoding="utf-8")


def test_script_writes_an_alignment_the_check_passes(mini, capsys):
    assert align_main([str(mini.root)]) == 0
    assert capsys.readouterr().out == f"{DATA}: 14 pairs; 11 block(s) aligned afresh; 0 pair(s) await review\n"
    assert mini.problems() == []
    text = mini.path(DATA).read_text(encoding="utf-8")
    assert align_main([str(mini.root)]) == 0  # a second run changes nothing
    assert mini.path(DATA).read_text(encoding="utf-8") == text
    assert "0 block(s) aligned afresh" in capsys.readouterr().out


def test_a_report_without_sentences_yml_is_not_checked(mini):
    assert mini.problems("sentences") == []


def split_the_english_sentence(m) -> None:
    m.edit(EN, "The county held 3 meetings, handled", "The county held 3 meetings. It handled")
    assert align_main([str(m.root)]) == 0  # p-1-1-1: Chinese 2 = English 2–3


MUTATIONS = {
    "a Chinese sentence changed": (
        lambda m: m.edit(ZH, "召开会议3次", "召开会议三次"),
        # Folded (indented) under the root cause the checks name first, the changed Chinese.
        [
            f'    {ZH}:9: [sentences] #p-1-1-1: changed since the sentences were aligned (Chinese sentence 2: "召开会议三次，办理事项1162个，兑现资金8564.48万元，服务1万余人次。"): '
            f"pair 2 at {DATA}:60 is stale; {REFRESH}",
        ],
    ),
    "an English sentence changed": (
        lambda m: m.edit(EN, "The county held 3 meetings,", "The county convened 3 meetings,"),
        [
            f'{EN}:10: [sentences] #p-1-1-1: changed since the sentences were aligned (English sentence 2: "The county convened 3 meetings, handled…"): '
            f"pair 2 at {DATA}:60 is stale; {REFRESH}",
        ],
    ),
    "an English sentence added": (
        lambda m: m.edit(EN, "staff are too few.", "staff are too few. More are needed."),
        [
            f'{EN}:18: [sentences] #p-2-1: added since the sentences were aligned (English sentence 2: "More are needed."): '
            f"pair 1 at {DATA}:76 is stale; {REFRESH}",
        ],
    ),
    "a sentence in two pairs": (
        lambda m: set_pairs(m, "p-1-1-1", "{zh: [1], en: [1]}", "{zh: [2], en: [1, 2]}"),
        [
            f"{DATA}:60: [sentences] #p-1-1-1: English sentence 1 is in pairs 1 and 2: a sentence belongs to one pair",
            f"{DATA}:60: [sentences] #p-1-1-1: pair 2 (English 1, 2) does not follow pair 1 (English up to 1)",
        ],
    ),
    "a sentence in no pair": (
        lambda m: set_pairs(m, "p-1-1-1", "{zh: [1], en: [1]}"),
        [
            f"{DATA}:55: [sentences] #p-1-1-1: Chinese sentence 2 in no pair: every sentence belongs to one",
            f"{DATA}:55: [sentences] #p-1-1-1: English sentence 2 in no pair: every sentence belongs to one",
        ],
    ),
    "a pair whose numbers disagree": (
        # Chinese 2 ("召开会议3次，…") paired with English 3 ("It handled 1,162 items…") alone.
        lambda m: (split_the_english_sentence(m), set_pairs(m, "p-1-1-1", "{zh: [1], en: [1, 2]}", "{zh: [2], en: [3]}")),
        [
            f"{EN}:10: [sentences] #p-1-1-1: 3 (= 3) of Chinese sentence 2 is not in its English, sentence 3 (pair 2 at {DATA}:60): "
            "pair the sentences that give it, or correct the English",
        ],
    ),
    "an unsure pair without review": (
        lambda m: set_pairs(m, "p-2-1", '{zh: [1], en: [1], unsure: "a doubt"}'),
        [
            f"{DATA}:76: [sentences] #p-2-1: pair 1 (Chinese 1 = English 1) awaits review: the script was unsure (a doubt); "
            'check it against both texts, correct its sentence numbers if need be, and record the decision as reviewed: "…"',
        ],
    ),
    "a block without its alignment": (
        lambda m: (
            m.edit(DATA, "  - id: p-2-1\n", "  - id: p-2-1\n", count=1)
            or m.path(DATA).write_text(m.path(DATA).read_text(encoding="utf-8").split("  - id: p-2-1\n")[0], encoding="utf-8")
        ),
        [f"{ZH}:17: [sentences] #p-2-1 has no sentence alignment in {DATA}: {REFRESH}"],
    ),
    "an alignment of a block the report lacks": (
        lambda m: m.edit(DATA, "  - id: p-2-1\n", "  - id: p-2-9\n"),
        [
            f"{ZH}:17: [sentences] #p-2-1 has no sentence alignment in {DATA}: {REFRESH}",
            f"{DATA}:72: [sentences] #p-2-9 is not a block of both languages of the report: {REFRESH} (it drops the entry)",
        ],
    ),
    "a fingerprint typed by hand": (
        lambda m: m.edit(DATA, 'zh: ["2b0cee41"]', 'zh: ["2b0cee4"]'),
        [
            f"{DATA}:73: [data] blocks[10] (p-2-1).zh[0] is '2b0cee4', which does not match ^[0-9a-f]{{8}}$",
            f"{ZH}:17: [sentences] #p-2-1 has no sentence alignment in {DATA}: {REFRESH}",
        ],
    ),
}


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_fails_with_precise_message(aligned, name):
    mutate, expected = MUTATIONS[name]
    mutate(aligned)
    problems = [line for problem in run_checks(Project(aligned.root)) for line in problem.format_all(aligned.root)]
    assert [p for p in problems if "[sentences]" in p or "[data]" in p] == expected


@pytest.mark.parametrize("name", ["a Chinese sentence changed", "an English sentence changed", "an English sentence added"])
def test_the_refresh_command_clears_a_stale_alignment(aligned, name):
    MUTATIONS[name][0](aligned)
    assert align_main([str(aligned.root)]) == 0
    assert aligned.problems("sentences") == []


def test_refresh_keeps_a_persons_review_and_lists_what_awaits_one(aligned, capsys):
    set_pairs(aligned, "p-1-1-2", '{zh: [1], en: [1], unsure: "a doubt", reviewed: "kept: checked"}', "{zh: [2], en: [2]}")
    aligned.edit(EN, "the mediation rate reached 50.82%.", "the rate of mediation reached 50.82%.")
    capsys.readouterr()
    assert align_main([str(aligned.root)]) == 0
    assert 'reviewed: "kept: checked"' in aligned.path(DATA).read_text(encoding="utf-8")
    assert "1 block(s) aligned afresh; 0 pair(s) await review" in capsys.readouterr().out
    assert aligned.problems("sentences") == []


def test_script_lists_what_awaits_review_at_the_line_the_check_names(aligned, capsys):
    set_pairs(aligned, "p-2-1", '{zh: [1], en: [1], unsure: "a doubt"}')
    capsys.readouterr()
    assert align_main([str(aligned.root)]) == 0
    listed = capsys.readouterr().out.split("\n")[1]
    assert listed == f"{DATA}:76: #p-2-1 Chinese 1 = English 1: a doubt"
    (problem,) = aligned.problems("sentences")
    assert problem.startswith(f"{DATA}:76: [sentences] #p-2-1: pair 1 (Chinese 1 = English 1) awaits review")


def test_script_command_line(aligned):
    result = run(
        [sys.executable, str(ROOT / "scripts" / "align_sentences.py"), str(aligned.root)],
        what="align_sentences.py",
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{DATA}: 14 pairs; 0 block(s) aligned afresh; 0 pair(s) await review\n"
    bad = run(
        [sys.executable, str(ROOT / "scripts" / "align_sentences.py"), str(aligned.root / "nowhere")],
        what="align_sentences.py",
        timeout=120,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "no docs/ folder here" in bad.stderr


def test_the_report_is_aligned_sentence_by_sentence():
    project = Project(ROOT)
    (report,) = project.reports
    assert run_checks(project, ["sentences", "data"]) == []
    alignment = load_alignment(report.data("sentences.yml"))
    blocks = report_sentences(project, report)
    assert {b.id for b in blocks} == set(alignment)  # every block of the report, both languages
    for block in blocks:
        entry = alignment[block.id]
        covered = sorted(k for pair in entry.pairs for k in pair.zh), sorted(k for pair in entry.pairs for k in pair.en)
        assert covered == (list(range(1, len(block.zh) + 1)), list(range(1, len(block.en) + 1)))
    # The English splits long Chinese sentences, never the reverse, in this report.
    shapes = {pair.shape for entry in alignment.values() for pair in entry.pairs}
    assert shapes == {"1:1", "1:2", "1:3", "1:4"}


def test_readme_gives_the_corpus_unit_counts():
    project = Project(ROOT)
    (report,) = project.reports
    alignment = load_alignment(report.data("sentences.yml"))
    pairs = sum(len(entry.pairs) for entry in alignment.values())
    zh = sum(len(entry.zh) for entry in alignment.values())
    en = sum(len(entry.en) for entry in alignment.values())
    from edition.generators.corpus import aligned_blocks

    blocks = len(aligned_blocks(project, report))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    wanted = f"{blocks} units, one per block; the sentence-aligned corpus {pairs} units, one per sentence pair, of {zh} Chinese and {en} English sentences"
    assert wanted in re.sub(r"\s+", " ", readme), wanted


# Bad input at scale (as tests/test_properties.py does for the other checks): the aligned
# miniature project, its pages and its sentences.yml mutated, never makes the checks or the
# refresh raise, and every problem names a file and a line of it.
SENTENCE_LINES = [
    "      - {zh: [1], en: [1]}",
    "      - {zh: [2, 1], en: []}",
    "      - {zh: [9], en: [1], unsure: x}",
    '    zh: ["zz"]',
    "  - id: p-1-1-1",
    "pairs:",
    "。",
    ". The",
]


@settings(derandomize=True, database=None, deadline=None, max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from([DATA, ZH, EN]),
            st.integers(min_value=0, max_value=80),
            st.sampled_from(["insert", "replace", "delete", "duplicate", "truncate"]),
            st.one_of(st.sampled_from(SENTENCE_LINES), st.text(max_size=20)),
        ),
        min_size=1,
        max_size=3,
    )
)
def test_a_mutated_alignment_never_raises_and_names_file_and_line(edits):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "mini"
        shutil.copytree(FIXTURE, root)
        assert align_main([str(root)]) == 0
        mutate(root, edits)
        problems = run_checks(Project(root))
        for problem in problems:
            path = problem.path if problem.path.is_absolute() else root / problem.path
            assert path.exists() or problem.line == 0, problem
            assert problem.line == 0 or 1 <= problem.line <= line_count(path), (problem, line_count(path))
        assert align_main([str(root)]) in (0, 1)  # a file that breaks its schema is named, not written over
