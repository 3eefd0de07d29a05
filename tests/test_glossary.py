"""The glossary page in each language (issue 25): the Chinese page gives each term's
attestation in Chinese (`attested_zh`), the English page in English (`attested`), so that a
Chinese page carries no English but the English renderings themselves."""

from __future__ import annotations

import re
from html import escape

from conftest import ROOT
from edition.generators.directives import glossary
from edition.model.glossary import load_terms, page_count
from edition.model.project import Project

#: Names of sources that have no Chinese name; a Chinese attestation may give them as they
#: are. Anything else in Latin letters must be a quoted rendering (“…”) or an address.
SOURCE_NAMES = [
    "China Law Translate",
    "Bestao Consulting",
    "LexisNexis China",
    "Caixin Global",
    "State Media Monitor",
    "Sixth Tone",
    "China Plus",
    "Shine",
    "Cambodianess",
    "PolicyCN",
    "Mondaq",
    "Orrick",
    "Chinascope",
    "Law.asia",
    "Jamie P. Horsley",
    "Zhang Zhiyuan",
    "Chen",
    "Xu",
    "Yu",
]
ADDRESS = re.compile(r"https?://[^\s，；（）。]+|\b[\w-]+(?:\.[\w-]+)+\b")
QUOTED = re.compile(r"“[^”]*”")


def report():
    return next(r for r in Project(ROOT).reports if r.slug == "yushan-2023")


def english_left(text: str) -> list[str]:
    """The Latin-letter words of a Chinese attestation outside addresses, quoted renderings
    and names of sources."""
    text = QUOTED.sub("", ADDRESS.sub("", text))
    for name in SOURCE_NAMES:
        text = text.replace(name, "")
    return re.findall(r"[A-Za-z]+", text)


def test_each_glossary_page_gives_the_attestation_in_its_language():
    project, rep = Project(ROOT), report()
    # Every page of the glossary (glossary.md, glossary-2.md …), each language's together.
    count = page_count(load_terms(rep))
    pages = {lang: "".join(glossary(project, rep, lang, n) for n in range(1, count + 1)) for lang in ("zh", "en")}
    terms = [t for t in load_terms(rep) if t.attested]
    assert len(terms) > 100
    for term in terms:
        assert escape(term.attested_zh) in pages["zh"] and escape(term.attested) in pages["en"], term.id
        if term.attested != term.attested_zh:
            assert escape(term.attested) not in pages["zh"], f"{term.id}: the English attestation is on the Chinese page"


def test_chinese_attestations_are_chinese():
    for term in load_terms(report()):
        if not term.attested:
            continue
        assert re.search(r"[\u4e00-\u9fff]", term.attested_zh), f"{term.id}: attested_zh has no Chinese"
        left = english_left(term.attested_zh)
        assert not left, f"{term.id}: attested_zh has English outside quoted renderings and source names: {left}"


def test_english_prose_in_a_chinese_attestation_is_found():
    assert english_left("本版译法，未见官方英译。") == []
    assert english_left("新华社（“legal counsel system”，http://xinhuanet.com//english/2016-06/16/c_1.htm）。") == []
    assert english_left("China Law Translate网站所译条例（law.example.org）。") == []
    assert english_left("本版译法；house rendering。") == ["house", "rendering"]


def test_a_reader_is_shown_other_renderings_not_the_same_one_in_other_capitals():
    """The [terms] check needs a variant such as “county Party committee” beside “County
    Party Committee”; the glossary shows a reader only renderings that differ in words."""
    project, rep = Project(ROOT), report()
    count = page_count(load_terms(rep))
    page = "".join(glossary(project, rep, "en", n) for n in range(1, count + 1))
    shown = dict(re.findall(r'<tr id="term-([^"]+)">.*?(?:Also rendered: ([^<]*)</small>|</tr>)', page, flags=re.S))
    terms = {t.id: t for t in load_terms(rep)}
    assert "county Party committee" in terms["county-party-committee"].variants
    assert shown["county-party-committee"] == "CPC Yushan County Committee"
    assert terms["public-notices-and-announcements"].variants and not shown["public-notices-and-announcements"]
    # A variant in other words is still shown.
    worded = [t for t in terms.values() if t.other_renderings]
    assert len(worded) > 20
    for term in worded:
        assert shown[term.id] == escape("; ".join(term.other_renderings)), term.id
