"""The downloads parse, hold one record per block, and match the pages."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT
from edition.model.blocks import read_page
from edition.model.project import Project
from edition.model.releases import latest
from edition.model.text import plain_text, remove_restorations_keep_content

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def files(site):
    return site / "yushan-2023" / "files"


@pytest.fixture(scope="module")
def block_ids():
    (report,) = Project(ROOT).reports
    return [b.id for path in report.text_pages for b in read_page(path).blocks if b.is_text]


def test_tmx_has_the_tmx_1_4_structure_and_one_unit_per_block(files, block_ids):
    root = ET.parse(files / "yushan-2023-aligned.tmx").getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    for attribute in ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"):
        assert header.get(attribute), attribute
    assert header.get("srclang") == "zh-CN"
    units = root.find("body").findall("tu")
    assert [tu.get("tuid") for tu in units] == block_ids
    for tu in units:
        variants = tu.findall("tuv")
        assert [v.get(XML_LANG) for v in variants] == ["zh-CN", "en"]
        assert all(v.find("seg").text and v.find("seg").text.strip() for v in variants), tu.get("tuid")


def test_csvs_start_with_a_byte_order_mark_for_excel(files):
    # Excel on Chinese Windows reads a CSV without one as GBK: the Chinese comes out garbled.
    for name in ("yushan-2023-aligned.csv", "yushan-2023-key-figures.csv"):
        raw = (files / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), name
        assert not raw[3:].startswith(b"\xef\xbb\xbf"), name  # one mark, not two
        raw[3:].decode("utf-8")


def test_csv_and_jsonl_round_trip_and_agree(files, block_ids):
    rows = list(csv.DictReader(io.StringIO((files / "yushan-2023-aligned.csv").read_text(encoding="utf-8-sig"))))
    records = [json.loads(line) for line in (files / "yushan-2023-aligned.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [r["id"] for r in records] == block_ids
    assert rows == [{k: str(v) for k, v in r.items()} for r in records]
    assert set(rows[0]) == {"id", "kind", "section", "zh", "en"}


def test_records_match_the_pages(files):
    records = {r["id"]: r for r in map(json.loads, (files / "yushan-2023-aligned.jsonl").read_text(encoding="utf-8").splitlines())}
    zh = {b.id: b for b in read_page(ROOT / "docs/yushan-2023/part-1.md").blocks if b.id}
    en = {b.id: b for b in read_page(ROOT / "docs/yushan-2023/part-1.en.md").blocks if b.id}
    ids = [ident for ident, block in zh.items() if block.is_text and not ident.startswith("table-")]
    assert ids
    section = "part-1"
    for ident in ids:
        assert records[ident]["zh"] == plain_text(zh[ident].text)
        assert records[ident]["en"] == plain_text(en[ident].text)
        if ident.startswith("s-"):
            section = f"part-1/{ident}"
        elif ident.startswith("p-"):
            assert records[ident]["section"] == section, ident
    (report,) = Project(ROOT).reports
    for note in report.data("editorial-notes.yml")["restorations"]:  # restorations stay marked
        assert note["edition"] in records[note["paragraph"]]["zh"], note["id"]


def test_full_texts_hold_every_block(files, block_ids):
    for lang in ("zh", "en"):
        text = (files / f"yushan-2023.{lang}.txt").read_text(encoding="utf-8")
        assert [line.split("]", 1)[0][1:] for line in text.split("\n\n") if line.strip()] == block_ids
        markdown = (files / f"yushan-2023.{lang}.md").read_text(encoding="utf-8")
        assert all(f"#{ident}" in markdown for ident in block_ids if not ident.startswith("table-"))


def test_archived_source_download_matches_its_sha256(files):
    (report,) = Project(ROOT).reports
    digest = hashlib.sha256((files / report.source.name).read_bytes()).hexdigest()
    assert digest == report.sha256


def test_downloads_page_links_every_file_in_both_languages(site, files):
    names = sorted(p.name for p in files.iterdir())
    for page, prefix in (("yushan-2023/downloads", "../files/"), ("en/yushan-2023/downloads", "../../../yushan-2023/files/")):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        for name in names:
            assert f'href="{prefix}{name}"' in html, (page, name)


def test_key_figures_parse_and_match_their_paragraphs(files):
    columns = [
        "id",
        "paragraph_id",
        "indicator_zh",
        "indicator_en",
        "value",
        "unit",
        "unit_en",
        "qualifier",
        "qualifier_en",
        "amount",
        "base_unit",
        "base_unit_en",
        "sentence_zh",
        "sentence_en",
        "url",
        "url_en",
    ]
    rows = list(csv.DictReader(io.StringIO((files / "yushan-2023-key-figures.csv").read_text(encoding="utf-8-sig"))))
    assert list(rows[0]) == columns
    (report,) = Project(ROOT).reports
    figures = report.data("key-figures.yml")["figures"]
    assert [r["id"] for r in rows] == [f["id"] for f in figures]
    for row, figure in zip(rows, figures, strict=True):
        assert (row["paragraph_id"], row["value"], row["unit"]) == (figure["paragraph"], figure["value"], figure.get("unit", ""))
    records = {r["id"]: r for r in map(json.loads, (files / "yushan-2023-aligned.jsonl").read_text(encoding="utf-8").splitlines())}
    for row in rows:  # each figure is written in its paragraph (the build's check reads units too)
        assert row["value"] in records[row["paragraph_id"]]["zh"], row["id"]
        # ... in the sentences given as its source, sentences of that paragraph
        sentence, paragraph = (remove_restorations_keep_content(t) for t in (row["sentence_zh"], records[row["paragraph_id"]]["zh"]))
        assert row["value"] in sentence and sentence in paragraph and sentence[-1] in "。；！？，", row["id"]
        assert row["sentence_en"] in records[row["paragraph_id"]]["en"], row["id"]
        page = "" if row["paragraph_id"].startswith("p-0-") else f"part-{row['paragraph_id'].split('-')[1]}/"
        release = "?v=" + latest(report).version  # a cited address names the edition's release
        assert row["url"] == f"https://yushan-law-report.github.io/yushan-2023/{page}{release}#{row['paragraph_id']}", row["id"]
        assert row["url_en"] == f"https://yushan-law-report.github.io/en/yushan-2023/{page}{release}#{row['paragraph_id']}", row["id"]


def sentence_alignment():
    from edition.model.sentences import load_alignment, report_sentences

    project = Project(ROOT)
    (report,) = project.reports
    return report_sentences(project, report), load_alignment(report.data("sentences.yml"))


def test_sentence_corpus_loads_in_translate_toolkit_with_one_unit_per_pair(files):
    # A translator's tools read the TMX (translate-toolkit's TMX store): one unit per sentence
    # pair of reports/yushan-2023/sentences.yml, Chinese source, English target.
    from translate.storage.tmx import tmxfile

    blocks, alignment = sentence_alignment()
    pairs = sum(len(entry.pairs) for entry in alignment.values())
    with open(files / "yushan-2023-sentences.tmx", "rb") as handle:
        store = tmxfile(handle, "zh-CN", "en")
    units = [unit for unit in store.units if unit.istranslatable()]
    assert len(units) == pairs == 110
    by_id = {unit.getid(): unit for unit in units}
    # The first pair of one Chinese sentence to two English, whichever it is today.
    block_id, n, pair = next((i, n, p) for i, entry in alignment.items() for n, p in enumerate(entry.pairs, 1) if len(p.zh) == 1 and len(p.en) == 2)
    block = next(b for b in blocks if b.id == block_id)
    assert by_id[f"{block_id}.{n}"].source == block.zh[pair.zh[0] - 1]
    assert by_id[f"{block_id}.{n}"].target == " ".join(block.en[i - 1] for i in pair.en)
    root = ET.parse(files / "yushan-2023-sentences.tmx").getroot()
    assert root.get("version") == "1.4" and root.find("header").get("segtype") == "sentence"
    props = {p.get("type"): p.text for p in root.find("body").find("tu").findall("prop")}
    assert set(props) == {"x-paragraph", "x-section", "x-zh-sentences", "x-en-sentences"}


def test_sentence_corpus_csv_and_jsonl_agree_and_hold_every_sentence_once(files):
    blocks, alignment = sentence_alignment()
    rows = list(csv.DictReader(io.StringIO((files / "yushan-2023-sentences.csv").read_bytes().decode("utf-8-sig"))))
    records = [json.loads(line) for line in (files / "yushan-2023-sentences.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(records) == sum(len(entry.pairs) for entry in alignment.values())
    for row, record in zip(rows, records, strict=True):
        assert row["id"] == record["id"] and row["paragraph"] == record["paragraph"] == row["id"].rsplit(".", 1)[0]
        assert row["zh_sentences"].split() == record["zh_sentences"] and row["en_sentences"].split() == record["en_sentences"]
        assert (row["zh"], row["en"]) == (record["zh"], record["en"])
    # Every sentence of every block in exactly one unit, in order; the units' text is the block's.
    for block in blocks:
        mine = [r for r in records if r["paragraph"] == block.id]
        assert [s for r in mine for s in r["zh_sentences"]] == [f"{block.id}.zh{k}" for k in range(1, len(block.zh) + 1)]
        assert [s for r in mine for s in r["en_sentences"]] == [f"{block.id}.en{k}" for k in range(1, len(block.en) + 1)]
        assert "".join(r["zh"] for r in mine) == "".join(block.zh)
        assert " ".join(r["en"] for r in mine) == " ".join(block.en)
