"""The report as aligned Chinese–English blocks, and the downloads made from them.

One record per text block (heading, paragraph, table row), in reading order, paired by
id: the side-by-side view, the TMX/CSV/JSONL corpus and the plain-text and Markdown
editions are all written from these records, so they cannot disagree with the pages.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from ..model.blocks import Block
from ..model.project import Project, Report, counterpart
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
