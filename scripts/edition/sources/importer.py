"""Import the raw text of a report of this kind into pages with ids, ready to translate.

The raw text is what a county website publishes: a title line, a header (publication
line and metadata), then the body: a preamble, parts 一、二、…, sections （一）（二）… on
lines of their own, and numbered items 1. 2. … (or （一）… items run into their paragraph)
whose first sentence is a run-in heading. The importer writes:

- docs/SLUG/index.md (title, metadata table, preamble) and part-N.md, Chinese, with ids
  (part-N, s-N-M, p-N-M-K / p-N-K, p-0-K), full-width punctuation restored;
- the same pages in English (x.en.md) with the structure, ids and numbering in place and
  each Chinese heading and paragraph to translate, so that `make check` lists the work;
- reports/SLUG/: the source unchanged, report.yml (sha256, pages), editorial-notes.yml,
  glossary.yml; and the pages in mkdocs.yml's nav.

It refuses input it cannot read as such a report, naming the line: no headings, a gap or
a repeat in the numbering, bytes that are not UTF-8.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.text import format_numbering, numbering

LABELS = ["发布时间", "来源", "索引号", "主题分类", "发布机构", "发布日期", "公开形式", "关键词", "选择阅读字号"]
CHROME = re.compile(r"选择阅读字号[:：]\s*\[\s*\]")
HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
CJK_OR_MARK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]"
STRAY_SPACE = re.compile(rf"(?<={CJK_OR_MARK})[ \u00a0]+|[ \u00a0]+(?={CJK_OR_MARK})")
LOST_OPENING = re.compile(r"^[)）]")


class RawReportError(Exception):
    """Input that is not a report of this shape; message names the line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass
class Node:
    kind: str  # "heading" | "paragraph"
    id: str
    text: str
    line: int
    level: int = 0
    numbering: tuple[str, int] | None = None


@dataclass
class Part:
    number: int
    heading: Node
    nodes: list[Node] = field(default_factory=list)


@dataclass
class Parsed:
    title: str
    metadata: list[tuple[str, str]]
    chrome: list[str]
    header_lines: int
    preamble: list[Node]
    parts: list[Part]
    notes: list[str]  # what the importer restored or noticed, for the editor


def edition_text(line: str) -> str:
    """Full-width Chinese punctuation restored, stray spaces between Chinese dropped."""
    return STRAY_SPACE.sub("", line.strip().translate(HALF_TO_FULL))


def parse_raw(raw: bytes) -> Parsed:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RawReportError(raw[: error.start].count(b"\n") + 1, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})") from None
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise RawReportError(1, "the file is empty")
    title = lines[first].strip()
    header_end = first + 1
    for i in range(first + 1, min(len(lines), first + 12)):
        if any(label in re.sub(r"\s", "", lines[i]) for label in LABELS):
            header_end = i + 1
    header = "\n".join(lines[first + 1 : header_end])
    chrome = CHROME.findall(header)
    metadata = _metadata(CHROME.sub("", header))
    preamble: list[Node] = []
    parts: list[Part] = []
    notes: list[str] = []
    section = 0
    item = 0
    for index in range(header_end, len(lines)):
        raw_line = lines[index]
        if not raw_line.strip():
            continue
        line_no = index + 1
        line = edition_text(raw_line)
        number = numbering(line)
        if number and number[0] == "part":
            expected = len(parts) + 1
            _expect(number[1], expected, "part", line_no, line)
            parts.append(Part(expected, Node("heading", f"part-{expected}", line, line_no, level=1, numbering=number)))
            section = item = 0
            continue
        if not parts:
            if number:
                raise RawReportError(line_no, f'numbered line before the first part (一、…): "{line[:20]}"')
            preamble.append(Node("paragraph", f"p-0-{len(preamble) + 1}", line, line_no))
            continue
        part = parts[-1]
        if LOST_OPENING.match(line) and number is None:
            # "）深入推进…": the opening bracket and numeral were lost; restore them visibly.
            wanted = format_numbering("section", section + 1, "zh")
            line = f"〔{wanted[:-1]}〕{line}"
            number = ("section", section + 1)
            notes.append(f"line {line_no}: restored the lost item number as {wanted} (〔〕 marks the restoration; record it in editorial-notes.yml)")
        if number and number[0] == "section":
            _expect(number[1], section + 1, "section", line_no, line)
            section, item = number[1], 0
            if "。" in line:  # a run-in item of the part: （二）…。text
                part.nodes.append(Node("paragraph", f"p-{part.number}-{section}", _run_in(line), line_no, numbering=number))
            else:
                part.nodes.append(Node("heading", f"s-{part.number}-{section}", line, line_no, level=2, numbering=number))
            continue
        if number and number[0] == "item":
            _expect(number[1], item + 1, "item", line_no, line)
            item = number[1]
            prefix = f"p-{part.number}-{section}-{item}" if section else f"p-{part.number}-{item}"
            part.nodes.append(Node("paragraph", prefix, _run_in(line), line_no, numbering=number))
            continue
        count = sum(1 for n in part.nodes if n.kind == "paragraph") + 1
        ident = f"p-{part.number}-{section}-x{count}" if section else f"p-{part.number}-{count}"
        part.nodes.append(Node("paragraph", ident, line, line_no))
    if not parts:
        # The first line of the body, or the last line of a file that has no body.
        body_start = next((i + 1 for i in range(header_end, len(lines)) if lines[i].strip()), min(header_end + 1, len(lines)))
        raise RawReportError(body_start, "no part headings (一、… 二、…) found: is this a report of this kind?")
    return Parsed(title, metadata, chrome, header_end - first, preamble, parts, notes)


def _expect(found: int, expected: int, kind: str, line_no: int, line: str) -> None:
    shown = format_numbering(kind, found, "zh")
    if found < expected:
        raise RawReportError(line_no, f'duplicate {kind} number {shown} ("{line[:20]}"): expected {format_numbering(kind, expected, "zh")}')
    if found > expected:
        raise RawReportError(line_no, f'numbering gap: {shown} ("{line[:20]}") where {format_numbering(kind, expected, "zh")} was expected')


def _run_in(line: str) -> str:
    """`1.抓重点，…。text` → `**1.抓重点，…。**text` (the first sentence is the run-in heading)."""
    end = line.find("。")
    return f"**{line[: end + 1]}**{line[end + 1 :]}" if end >= 0 else line


def _metadata(header: str) -> list[tuple[str, str]]:
    """Label/value pairs of the header, in order (labels may be letter-spaced: 关 键 词)."""
    spaced = {label: r"\s*".join(label) for label in LABELS}
    pattern = re.compile("(" + "|".join(spaced.values()) + r")\s*[:：]?\s*")
    found = list(pattern.finditer(header))
    pairs = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(header)
        label = re.sub(r"\s", "", match.group(1))
        value = " ".join(header[match.end() : end].split())
        pairs.append((label, value))
    return pairs


# --- writing -------------------------------------------------------------------------


def _block(node: Node) -> str:
    if node.kind == "heading":
        return f"{'#' * node.level} {node.text} {{#{node.id}}}"
    return f"{node.text}\n{{: #{node.id} }}"


def _english(node: Node) -> str:
    """The English scaffold of a block: numbering in English, the Chinese to translate."""
    marker = "TRANSLATE"
    if node.kind == "heading":
        number = format_numbering(*node.numbering, "en") + " " if node.numbering else ""
        return f"{'#' * node.level} {number}{marker}: {node.text} {{#{node.id}}}"
    if node.numbering:
        number = format_numbering(*node.numbering, "en")
        return f"**{number} {marker}.** {node.text.replace('**', '')}\n{{: #{node.id} }}"
    return f"{marker}: {node.text}\n{{: #{node.id} }}"


def _yaml_text(text: str) -> str:
    """Text as a quoted YAML scalar: a title such as "报告: 2023" or "[草案]…" is not YAML
    as it stands (a JSON string is a valid YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def pages(parsed: Parsed) -> dict[str, str]:
    """File name → Markdown, for both languages."""
    out: dict[str, str] = {}
    table = ["| 项目 | 内容 |", "| --- | --- |", *[f"| {label} | {value} |" for label, value in parsed.metadata]]
    cover = [f"# {parsed.title} {{#cover}}", "", *table, "", *[_block(n) + "\n" for n in parsed.preamble]]
    out["index.md"] = f"---\ntitle: {_yaml_text(parsed.title)}\n---\n\n" + "\n".join(cover).rstrip() + "\n"
    en_table = ["| Field | Value |", "| --- | --- |", *[f"| TRANSLATE: {label} | {value} |" for label, value in parsed.metadata]]
    en_cover = [f"# TRANSLATE: {parsed.title} {{#cover}}", "", *en_table, "", *[_english(n) + "\n" for n in parsed.preamble]]
    out["index.en.md"] = "---\ntitle: TRANSLATE\n---\n\n" + "\n".join(en_cover).rstrip() + "\n"
    for part in parsed.parts:
        nodes = [part.heading, *part.nodes]
        zh = "\n\n".join(_block(n) for n in nodes)
        en = "\n\n".join(_english(n) for n in nodes)
        out[f"part-{part.number}.md"] = f"---\ntitle: {_yaml_text(part.heading.text)}\n---\n\n{zh}\n"
        out[f"part-{part.number}.en.md"] = f"---\ntitle: TRANSLATE\n---\n\n{en}\n"
    return out


def write_report(root: Path, raw_path: Path, slug: str, parsed: Parsed) -> list[Path]:
    """Write the pages, the report's data folder and the nav entry; return what was written."""
    docs, data = root / "docs" / slug, root / "reports" / slug
    if docs.exists() or data.exists():
        raise RawReportError(0, f"docs/{slug} or reports/{slug} exists already: choose another --slug")
    docs.mkdir(parents=True)
    data.mkdir(parents=True)
    written = []
    for name, text in pages(parsed).items():
        (docs / name).write_text(text, encoding="utf-8")
        written.append(docs / name)
    raw = raw_path.read_bytes()
    (data / raw_path.name).write_bytes(raw)
    page_names = ["index.md", *[f"part-{p.number}.md" for p in parsed.parts]]
    (data / "report.yml").write_text(
        f"slug: {slug}\ntitle_zh: {parsed.title}\n"
        f"sources:\n  - file: {raw_path.name}\n    sha256: {hashlib.sha256(raw).hexdigest()}\n"
        f"    published: {published_date(raw.decode('utf-8', 'replace'))}\n    archived: {date.today().isoformat()}\n"
        f"source: {raw_path.name}\n"
        f"header_lines: {parsed.header_lines}\npages: [{', '.join(page_names)}]\n",
        encoding="utf-8",
    )
    chrome = "".join(
        f'  - text: "{c}"\n    zh: 原网页的页面元素，不属于报告内容。\n    en: An element of the source web page, not part of the report.\n'
        for c in parsed.chrome
    )
    about = '# Its format: CONTRIBUTING.md, "Data files", and the commented template at the top of\n# the same file of an earlier report (reports/yushan-2023/{}).\n'
    (data / "editorial-notes.yml").write_text(
        about.format("editorial-notes.yml") + f"restorations: []\nqueries: []\nchrome:{chr(10) + chrome if chrome else ' []' + chr(10)}", encoding="utf-8"
    )
    (data / "glossary.yml").write_text(about.format("glossary.yml") + "terms: []\n", encoding="utf-8")
    written += [data / raw_path.name, data / "report.yml", data / "editorial-notes.yml", data / "glossary.yml"]
    add_to_nav(root / "mkdocs.yml", parsed.title, [f"{slug}/{name}" for name in page_names])
    return written


def published_date(raw: str) -> str:
    """The first date of the source web page's header (its 发布日期), else today: the
    maintainer corrects it in report.yml."""
    found = re.search(r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})", "\n".join(raw.split("\n")[:10]))
    if not found:
        return date.today().isoformat()
    year, month, day = (int(x) for x in found.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def add_to_nav(config: Path, title: str, entries: list[str]) -> None:
    """Append the report's pages to the end of mkdocs.yml's nav (text, keeping comments)."""
    lines = config.read_text(encoding="utf-8").split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), None)
    if start is None:
        raise RawReportError(0, f"{config.name} has no nav: add the pages by hand")
    end = next((i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith((" ", "#"))), len(lines))
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    block = [f"  - {title}:", *[f"      - {entry}" for entry in entries]]
    config.write_text("\n".join(lines[:end] + block + lines[end:]), encoding="utf-8")
