"""The report as aligned Chinese–English blocks, and the downloads made from them.

One record per text block (heading, paragraph, table row), in reading order, paired by
id: the side-by-side view, the TMX/CSV/JSONL corpus and the plain-text and Markdown
editions are all written from these records, so they cannot disagree with the pages.
The sentence-aligned corpus (TMX/CSV/JSONL) is written from the sentence pairs of
reports/SLUG/sentences.yml (edition/model/sentences.py), one unit per pair.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..model.blocks import Block
from ..model.project import Project, Report, counterpart
from ..model.sentences import FILE, load_alignment, paired_sentences, report_sentences
from ..model.text import FOOTNOTE_REF, plain_text

TMX_HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="yushan-bilingual-edition" creationtoolversion="1" datatype="plaintext" segtype="paragraph" adminlang="en" srclang="zh-CN" o-tmf="markdown"/>
  <body>
"""


@dataclass(frozen=True)
class Aligned:
    """A block of the report in both languages."""

    id: str
    kind: str
    page: str  # the page's URL stem: "" for the cover, "part-1" …
    section: str  # ids of the headings above, outermost first: "part-1/s-1-2"
    zh_markdown: str
    en_markdown: str
    level: int = 0  # headings only

    @property
    def zh(self) -> str:
        return _plain(self.kind, self.zh_markdown)

    @property
    def en(self) -> str:
        return _plain(self.kind, self.en_markdown)


def _plain(kind: str, markdown: str) -> str:
    if kind == "table_row":
        return " | ".join(plain_text(cell) for cell in markdown.split(" | "))
    return plain_text(markdown)


def aligned_blocks(project: Project, report: Report) -> list[Aligned]:
    """Every text block of the report with its English, in reading order."""
    return project.memo(("aligned", report.slug), lambda: _aligned(project, report))


def _aligned(project: Project, report: Report) -> list[Aligned]:
    records = []
    for zh_path in report.text_pages:
        en_blocks = {b.id: b for b in project.page(counterpart(zh_path, "en")).blocks if b.id and b.is_text}
        stem = zh_path.name.removesuffix(".md")
        page = "" if stem == "index" else stem
        trail: list[Block] = []
        for block in project.page(zh_path).blocks:
            if not (block.is_text and block.id):
                continue
            if block.kind == "heading":
                trail = [h for h in trail if h.level < block.level] + [block]
            en = en_blocks.get(block.id)
            section = "/".join(h.id for h in trail if h is not block) or block.id
            records.append(Aligned(block.id, block.kind, page, section, block.text, en.text if en else "", block.level))
    return records


def to_tmx(records: list[Aligned]) -> str:
    out = [TMX_HEADER]
    for r in records:
        out.append(f"    <tu tuid={quoteattr(r.id)}>\n")
        out.append(f'      <prop type="x-section">{escape(r.section)}</prop>\n')
        out.append(f'      <tuv xml:lang="zh-CN"><seg>{escape(r.zh)}</seg></tuv>\n')
        out.append(f'      <tuv xml:lang="en"><seg>{escape(r.en)}</seg></tuv>\n')
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


def to_csv(records: list[Aligned]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "kind", "section", "zh", "en"])
    for r in records:
        writer.writerow([r.id, r.kind, r.section, r.zh, r.en])
    return buffer.getvalue()


def to_jsonl(records: list[Aligned]) -> str:
    lines = [json.dumps({"id": r.id, "kind": r.kind, "section": r.section, "zh": r.zh, "en": r.en}, ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


def to_text(records: list[Aligned], lang: str) -> str:
    """The edition in one language as plain text, a block a paragraph, ids in brackets."""
    return "\n\n".join(f"[{r.id}] {r.zh if lang == 'zh' else r.en}" for r in records) + "\n"


def to_markdown(records: list[Aligned], lang: str) -> str:
    """The edition in one language as Markdown, ids kept, notes left to the site."""
    out = []
    for r in records:
        text = FOOTNOTE_REF.sub("", r.zh_markdown if lang == "zh" else r.en_markdown)
        if r.kind == "heading":
            out.append(f"{'#' * r.level} {text} {{#{r.id}}}")
        elif r.kind == "table_row":
            out.append("- " + ": ".join(cell.strip() for cell in text.split(" | ")))
        else:
            out.append(f"{text}\n{{: #{r.id} }}")
    return "\n\n".join(out) + "\n"


@dataclass(frozen=True)
class SentencePair:
    """A pair of the sentence alignment: one or more Chinese sentences and the English that
    renders them, with the block (paragraph) they belong to and their sentence ids."""

    id: str  # the pair: "p-1-2-1.3" is the third pair of p-1-2-1
    paragraph: str
    section: str
    zh_ids: tuple[str, ...]  # "p-1-2-1.zh3": the third Chinese sentence of p-1-2-1
    en_ids: tuple[str, ...]
    zh: str
    en: str


def sentence_pairs(project: Project, report: Report) -> list[SentencePair]:
    """Every sentence pair of the report in reading order (none where the report has no
    sentences.yml; a block whose alignment does not fit its text is the `sentences`
    check's problem, and left out here)."""
    return project.memo(("sentence pairs", report.slug), lambda: _sentence_pairs(project, report))


def _sentence_pairs(project: Project, report: Report) -> list[SentencePair]:
    if not (report.folder / FILE).exists():
        return []
    alignment = load_alignment(report.data(FILE))
    sections = {r.id: r.section for r in aligned_blocks(project, report)}
    out = []
    for block in report_sentences(project, report):
        pairs = paired_sentences(alignment.get(block.id), block.zh, block.en)
        for n, (zh, en, pair) in enumerate(pairs or [], 1):
            out.append(
                SentencePair(
                    f"{block.id}.{n}",
                    block.id,
                    sections.get(block.id, ""),
                    tuple(f"{block.id}.zh{i}" for i in pair.zh),
                    tuple(f"{block.id}.en{j}" for j in pair.en),
                    "".join(zh),
                    " ".join(en),
                )
            )
    return out


def sentences_to_tmx(pairs: list[SentencePair]) -> str:
    """TMX 1.4b, one translation unit per sentence pair, its paragraph and sentence ids as
    properties."""
    out = [TMX_HEADER.replace('segtype="paragraph"', 'segtype="sentence"')]
    for p in pairs:
        out.append(f"    <tu tuid={quoteattr(p.id)}>\n")
        out.append(f'      <prop type="x-paragraph">{escape(p.paragraph)}</prop>\n')
        out.append(f'      <prop type="x-section">{escape(p.section)}</prop>\n')
        out.append(f'      <prop type="x-zh-sentences">{escape(" ".join(p.zh_ids))}</prop>\n')
        out.append(f'      <prop type="x-en-sentences">{escape(" ".join(p.en_ids))}</prop>\n')
        out.append(f'      <tuv xml:lang="zh-CN"><seg>{escape(p.zh)}</seg></tuv>\n')
        out.append(f'      <tuv xml:lang="en"><seg>{escape(p.en)}</seg></tuv>\n')
        out.append("    </tu>\n")
    out.append("  </body>\n</tmx>\n")
    return "".join(out)


SENTENCE_FIELDS = ["id", "paragraph", "zh_sentences", "en_sentences", "section", "zh", "en"]


def sentences_to_csv(pairs: list[SentencePair]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SENTENCE_FIELDS)
    for p in pairs:
        writer.writerow([p.id, p.paragraph, " ".join(p.zh_ids), " ".join(p.en_ids), p.section, p.zh, p.en])
    return buffer.getvalue()


def sentences_to_jsonl(pairs: list[SentencePair]) -> str:
    rows = [
        {"id": p.id, "paragraph": p.paragraph, "zh_sentences": list(p.zh_ids), "en_sentences": list(p.en_ids), "section": p.section, "zh": p.zh, "en": p.en}
        for p in pairs
    ]
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
