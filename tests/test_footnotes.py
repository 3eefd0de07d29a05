"""Footnotes: every reference has its definition and every definition its reference, in
both languages (check `links`); MkDocs' own link validation warns, so strict fails."""

from __future__ import annotations

import yaml

from conftest import ROOT

EN = "docs/demo/part-1.en.md"


def test_reference_without_definition(mini):
    mini.edit(EN, "28 May[^t1]", "28 May[^t1][^t2]")
    assert mini.problems() == [f'{EN}:13: [links] footnote reference [^t2] has no definition on this page: add "[^t2]: …" below the text']


def test_definition_without_reference(mini):
    mini.edit(EN, "28 May[^t1]", "28 May")
    assert (
        mini.problems()
        == [
            f"{EN}:13: [restorations] #p-1-1-2 holds restoration r-1 (docs/demo/part-1.md:12) but its English does not link editorial-notes.md#r-1: add a translator's note that points to it",  # the restorations check: the note was the link
            f"{EN}:21: [links] footnote [^t1] is never referenced: refer to it in the text ([^t1]) or delete it",
        ]
    )


def test_definition_given_twice(mini):
    path = mini.path(EN)
    path.write_text(path.read_text(encoding="utf-8") + "\n[^t1]: Again.\n", encoding="utf-8")
    assert (
        mini.problems()
        == [
            f"{EN}:13: [restorations] #p-1-1-2 holds restoration r-1 (docs/demo/part-1.md:12) but its English does not link editorial-notes.md#r-1: add a translator's note that points to it",  # the second definition upsets the restorations check too
            f"{EN}:23: [links] footnote [^t1] is defined twice (first on line 21)",
        ]
    )


def test_reference_in_the_chinese_page_is_checked_too(mini):
    mini.edit("docs/demo/part-1.md", "{: #p-1-1-2 }", "{: #p-1-1-2 }", 1)
    text = mini.path("docs/demo/part-1.md").read_text(encoding="utf-8")
    mini.path("docs/demo/part-1.md").write_text(text.replace("{: #p-1-1-2 }", "[^z]\n{: #p-1-1-2 }", 1), encoding="utf-8")
    assert [p for p in mini.problems() if "[links]" in p] == [
        'docs/demo/part-1.md:12: [links] footnote reference [^z] has no definition on this page: add "[^z]: …" below the text'
    ]


def test_a_reference_in_code_is_not_a_footnote(mini):
    mini.edit(EN, "Administrative reconsideration staff are too few.", "Administrative reconsideration staff are too few (`[^x]`).")
    assert mini.problems() == []


def test_mkdocs_validation_warns_on_links_and_anchors():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["strict"] is True
    assert config["validation"]["links"] == {"not_found": "warn", "anchors": "warn"}


def test_broken_footnote_reference_fails_the_strict_build(broken_build):
    _, status, output = broken_build  # part-1.en.md's first [^p-1-1-2-a] made [^p-1-1-2-x] (conftest.BROKEN)
    assert status != 0
    assert "[links] footnote reference [^p-1-1-2-x] has no definition on this page" in output, output
    assert "[links] footnote [^p-1-1-2-a] is never referenced" in output, output


def test_definitions_out_of_reading_order(mini):
    # Python-Markdown numbers notes by definition: a note referred to first but defined
    # second would be numbered 2 and shown before note 1.
    mini.edit(EN, "The county held 3 meetings,", "The county held 3 meetings,[^t0]")
    path = mini.path(EN)
    path.write_text(path.read_text(encoding="utf-8") + "[^t0]: Translator's note: three, as the source writes.\n", encoding="utf-8")
    assert mini.problems() == [
        f"{EN}:22: [links] footnote [^t0] is referred to before [^t1] (line 10) but defined after it (line 21): notes are numbered "
        "in the order of their definitions, so the reader would see them out of order; move this definition above line 21"
    ]
    text = path.read_text(encoding="utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    path.write_text(text.replace(last + "\n", "").replace("[^t1]: Translator's note", last + "\n[^t1]: Translator's note"), encoding="utf-8")
    assert mini.problems() == []
