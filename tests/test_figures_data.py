"""The key figures as a researcher takes them away (issue 23): each with the sentences that
state it, its value in base units, as a Frictionless Data Package that the `frictionless`
library validates, as JSON with its version, licences and sources, and findable by a search
for any written form of its value on the key-figures page, in both languages.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from decimal import Decimal

import pytest
from browsing import Visit
from frictionless import Package, validate

from conftest import ROOT
from edition.model.figures import Figure, english_sentences, load_figures, sentence_en, sentence_zh
from edition.model.project import Project
from edition.workbench.search_queries import ask


@pytest.fixture(scope="module")
def files(site):
    return site / "yushan-2023" / "files"


@pytest.fixture(scope="module")
def rows(files):
    return list(csv.DictReader(io.StringIO((files / "yushan-2023-key-figures.csv").read_text(encoding="utf-8-sig"))))


def test_each_figure_quotes_the_sentences_that_state_it(rows):
    (report,) = Project(ROOT).reports
    figures = {f.id: f for f in load_figures(report)}
    assert len(rows) == len(figures) >= 70
    for row in rows:
        figure = figures[row["id"]]
        assert figure.written in row["sentence_zh"] and figure.words_zh in row["sentence_zh"], row["id"]
        assert figure.words_en in row["sentence_en"], row["id"]
        assert row["sentence_zh"][-1] in "。；！？" and row["sentence_en"][-1] in ".;!?”", row["id"]
    by_id = {r["id"]: r for r in rows}
    # The two the review found quoting the paragraph's first sentence, which gives the same number.
    assert by_id["kf-005"]["sentence_zh"].startswith("可网办事项率达100%")
    assert by_id["kf-005"]["sentence_en"].startswith("The proportion of items available online reached 100%")
    assert "46个窗口" in by_id["kf-016"]["sentence_zh"] and "进驻省级" not in by_id["kf-016"]["sentence_zh"]
    assert "at 46 windows" in by_id["kf-016"]["sentence_en"] and "platform" not in by_id["kf-016"]["sentence_en"]


def test_the_sentence_is_the_one_with_the_words_not_the_first_with_the_value():
    figure = Figure("kf-1", "p-1", "可网办事项率", "available online", "100", "%", "%", "", "", "可网办事项率", "available online")
    zh = "进驻率100%。可网办事项率达100%，全程网办率达99.75%。"
    en = "The county brought 1,162 items, or 100%, into the hall. The proportion of items available online reached 100%, and 99.75% were handled online."
    assert sentence_zh(figure, zh) == "可网办事项率达100%，全程网办率达99.75%。"
    assert sentence_en(figure, en).startswith("The proportion of items available online")
    assert sentence_zh(figure, "进驻率100%。可网办事项率达99%。") == ""  # the words, but not with the value
    assert english_sentences("It was 99.75% in 2023; RMB 85.6448 million. “Done.” Next") == [
        "It was 99.75% in 2023;",
        "RMB 85.6448 million.",
        "“Done.”",
        "Next",
    ]


def test_values_in_base_units_with_the_unit_named(rows):
    by_id = {r["id"]: r for r in rows}
    assert (by_id["kf-023"]["value"], by_id["kf-023"]["unit"]) == ("8564.48", "万元")
    assert (by_id["kf-023"]["amount"], by_id["kf-023"]["base_unit"], by_id["kf-023"]["base_unit_en"]) == ("85644800", "元", "yuan")
    assert (by_id["kf-020"]["amount"], by_id["kf-020"]["base_unit"], by_id["kf-020"]["base_unit_en"]) == ("10000", "人次", "occasions")
    assert (by_id["kf-006"]["amount"], by_id["kf-006"]["base_unit_en"]) == ("99.75", "%")
    assert (by_id["kf-003"]["amount"], by_id["kf-003"]["base_unit"], by_id["kf-003"]["base_unit_en"]) == ("1162", "个", "items")
    for row in rows:
        scale = {"万": 10_000, "亿": 100_000_000}.get(row["unit"][:1], 1)
        assert Decimal(row["amount"]) == Decimal(row["value"]) * scale, row["id"]


def test_the_data_package_is_valid_for_frictionless(files, rows):
    report = validate(str(files / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(files / "datapackage.json"))
    assert package.version and package.licenses and package.sources
    (resource,) = package.resources
    fields = {f.name: f for f in resource.schema.fields}
    assert fields["amount"].type == "number" and fields["value"].type == "number"
    assert "base_unit" in fields["amount"].description and "万" in fields["unit"].description
    read = resource.read_rows()
    assert len(read) == len(rows) and read[22]["id"] == "kf-023" and read[22]["amount"] == Decimal("85644800")


def test_mutation_a_value_not_a_number_fails_frictionless(files, tmp_path):
    for name in ("datapackage.json", "yushan-2023-key-figures.csv"):
        shutil.copy(files / name, tmp_path / name)
    path = tmp_path / "yushan-2023-key-figures.csv"
    text = path.read_text(encoding="utf-8-sig")
    assert text.count(",85644800,") == 1
    path.write_text(text.replace(",85644800,", ',"85,644,800",'), encoding="utf-8-sig")
    report = validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert [error[:2] for error in report.flatten(["fieldName", "type"])] == [["amount", "type-error"]]


def test_json_carries_version_licences_and_sources(files, rows):
    data = json.loads((files / "yushan-2023-key-figures.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    package = json.loads((files / "datapackage.json").read_text(encoding="utf-8"))
    for key in ("name", "title", "version", "licenses", "sources"):
        assert data[key] == package[key], key
    assert data["licenses"][0]["name"] == "CC-BY-4.0"
    assert data["sources"][0]["path"].endswith("/yushan-2023/files/yushan-2023-report.zh.txt")
    figures = data["figures"]
    assert all(isinstance(f["value"], (int, float)) and isinstance(f["amount"], (int, float)) for f in figures)
    assert [f["id"] for f in figures] == [r["id"] for r in rows]
    for figure, row in zip(figures, rows, strict=True):
        assert figure | {"value": row["value"], "amount": row["amount"]} == row
        assert str(figure["value"]) == row["value"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_figure_is_found_in_any_written_form_on_the_key_figures_page(browser, server, lang):
    prefix = "/en" if lang == "en" else ""
    visit = Visit(browser, server, f"{prefix}/yushan-2023/key-figures/")
    for query in ("85.6448", "8564.48", "85,644,800"):
        found, _ = ask(visit.page, server, query)
        assert f"{prefix}/yushan-2023/key-figures/#kf-023" in found, (query, found)
    assert visit.errors == []
    visit.page.close()
