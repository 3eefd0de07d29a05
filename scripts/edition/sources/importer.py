"""Import the raw text of a report of this kind into pages with ids, ready to translate.

The raw text is what a maintainer copies from the county's or district's web page, unchanged:
the page's own lines above the report (the site's banner, "无障碍 简体|繁体", a breadcrumb),
the title, the publication line and metadata (发布时间, 来源, 索引号 …), perhaps the title
again, then the body: a preamble, parts 一、二、…, sections （一）（二）… on lines of their
own, and numbered items 1. 2. … (numbered afresh in each section, or straight through the
part) whose first sentence is a run-in heading; perhaps the page's footer below it.

`parse_raw` reads it with general patterns and says what it guessed (`Parsed.guesses`): the
title, the publication date and the lines it took for page chrome; each guess can be
overridden (`Overrides`, the command line's --title, --published, --chrome, --not-chrome).
`write_report` then writes:

- docs/SLUG/index.md (title, metadata table, preamble) and part-N.md, Chinese, with ids
  (part-N, s-N-M, p-N-M-K / p-N-K, p-0-K: K counts the paragraphs of the section or part),
  full-width punctuation restored;
- the same pages in English (x.en.md) with the structure, ids and numbering in place and
  each text marked TRANSLATE (the `untranslated` check lists them, by file and line), and
  the version of the Chinese they follow (source_hash);
- reports/SLUG/: the source unchanged, report.yml (sha256, dates, where the title and
  header are), editorial-notes.yml (the page chrome, to confirm), glossary.yml;
- the report's group in mkdocs.yml's nav, right after the home page, with an English nav
  title to translate.

It refuses input it cannot read as such a report, naming the line: no part headings, a gap
or a repeat in the numbering, bytes that are not UTF-8, no title or date it can find (then
--title or --published gives them).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..model.blocks import parse_page
from ..model.fingerprint import page_hash
from ..model.text import format_numbering, numbering

HALF_TO_FULL = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）"})
CJK_OR_MARK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’《》]"
STRAY_SPACE = re.compile(rf"(?<={CJK_OR_MARK})[ \u00a0]+|[ \u00a0]+(?={CJK_OR_MARK})")
LOST_OPENING = re.compile(r"^[)）]")
MARKER = "TRANSLATE"

# The labels of a government page's metadata, longest first (时间 is the end of 发布时间).
# A label may be letter-spaced on the page (关 键 词, 索 引 号).
LABELS = sorted(
    [
        "发布时间", "发布日期", "来源", "文章来源", "信息来源", "索引号", "主题分类", "发布机构", "公开形式",
        "关键词", "名称", "文号", "发文字号", "文件分类", "所属机构", "成文日期", "发文机关", "发文机构",
        "更新时间", "时间", "有效性", "信息分类", "生效日期", "作者",
    ],
    key=len,
    reverse=True,
)  # fmt: skip
LABEL = re.compile("(" + "|".join(r"\s*".join(label) for label in LABELS) + r")\s*[:：]?\s*")
#: Where the publication date is read from, most trusted first.
DATE_LABELS = ("发布日期", "发布时间", "成文日期", "更新时间", "时间")
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")

# Page chrome: the web page's own furniture, not text of the report. Each pattern, with
# what it is (for editorial-notes.yml, in both languages). A whole line matching one is
# chrome; FRAGMENTS are also cut out of a metadata line.
_WHAT = {
    "banner": ("原网页页眉的网站名称与当日日期", "the site's banner with the day's date"),
    "access": ("原网页的无障碍、简繁体、长者版等切换链接", "the page's accessibility, script and large-print switches"),
    "menu": ("原网页的站点菜单链接", "a link of the site's menu"),
    "breadcrumb": ("原网页的栏目路径", "the page's breadcrumb (where it stands on the site)"),
    "font": ("原网页的字号选择控件", "the page's font-size control"),
    "counter": ("原网页的浏览次数", "the page's view counter"),
    "tools": ("原网页的打印、分享、关闭等按钮", "the page's print, share and close buttons"),
    "footer": ("原网页页脚的主办单位、备案等信息", "the page's footer (sponsor, registration)"),
    "title": ("报告标题在正文上方重复出现", "the title, repeated above the text"),
    "other": ("原网页的页面元素，不属于报告内容", "an element of the source web page, not part of the report"),
}
CHROME_LINES = [
    ("banner", re.compile(r"星期[一二三四五六日天]|^今天是")),
    ("access", re.compile(r"无障碍|简体\s*[|｜/]\s*繁[体體]|繁體|长者版|关怀版|适老化|English\s*$")),
    ("menu", re.compile(r"设为首页|加入收藏|网站地图|联系我们")),
    ("breadcrumb", re.compile(r"(?:您|当前|所在)[^:：]{0,4}位置\s*[:：]|^\s*首页\s*[>＞]")),
    ("tools", re.compile(r"打印(?:正文|本页)?|关闭(?:窗口|本页)|分享到|返回顶部|扫一扫|^\s*[×x]\s*$|用户登录")),
    ("footer", re.compile(r"^主办[:：]|^承办[:：]|网站标识码|ICP备|公网安备|^技术支持|^版权所有|^Copyright")),
]
FRAGMENTS = [
    ("font", re.compile(r"(?:选择)?(?:阅读)?(?:字号|字体)(?:大小)?\s*[:：]\s*(?:\[\s*\]|【[^】\n]*】?|[大中小\s]+)?")),
    ("counter", re.compile(r"(?:浏览|阅读|访问|点击)(?:次数|量|数)\s*[:：]\s*\d*")),
    ("tools", re.compile(r"【(?:打印|关闭|收藏|分享)[^】\n]*】")),
]
#: The title of a report of this genre: "…关于2023年度法治政府建设情况的报告", "静海区…报告".
TITLE = re.compile(r"^[^，,。；;：:]{4,80}报告[)）]?$")
TITLE_HINT = re.compile(r"\d{4}\s*年|法治|关于")
#: The end of a sentence, a quotation or a heading: where a complete text may end.
#: Page chrome is short: a longer line is the report's.
CHROME_LENGTH = 60
COMPLETE_END = re.compile(r"[。！？!?；;…”’」』）)：:]$|^\d{4}年\d{1,2}月\d{1,2}日$|(?:政府|局|办公室|委员会)$")


class RawReportError(Exception):
    """Input that is not a report of this shape; message names the line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line


@dataclass(frozen=True)
class Overrides:
    """The maintainer's corrections of the importer's guesses (new_report.py's options)."""

    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    chrome: tuple[int, ...] = ()  # lines that are page chrome
    not_chrome: tuple[int, ...] = ()  # lines that are not (metadata of the report)


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
    section: int = 0  # the number of the last section （一）（二）…
    headed: bool = False  # whether that section is a heading (else a run-in paragraph of the part)
    items: int = 0  # the number of the last numbered item, in this section
    last_item: int = 0  # … in this part, for items numbered straight through the sections

    def next_id(self) -> str:
        """The id of the next paragraph: its place in the current section, or in the part."""
        prefix = f"p-{self.number}-{self.section}-" if self.headed else f"p-{self.number}-"
        count = sum(1 for n in self.nodes if n.kind == "paragraph" and n.id.startswith(prefix) and n.id.count("-") == prefix.count("-"))
        return f"{prefix}{count + 1}"


@dataclass(frozen=True)
class Chrome:
    line: int
    text: str
    kind: str
    column: int = 0  # where on its line (a line may hold two pieces of chrome)

    def entry(self) -> str:
        zh, en = _WHAT[self.kind]
        return f"  - text: {_yaml_text(self.text)}\n    line: {self.line}\n    zh: {zh}。\n    en: {en[0].upper() + en[1:]}, not part of the report.\n"


@dataclass
class Parsed:
    title: str
    title_line: int  # 0: the text has no title line (given with --title)
    published: str
    metadata: list[tuple[str, str]]
    chrome: list[Chrome]
    header_lines: int
    preamble: list[Node]
    parts: list[Part]
    notes: list[str]  # what the importer restored or noticed, for the editor
    guesses: list[str]  # what it guessed, with the option that overrides it


def edition_text(line: str) -> str:
    """Full-width Chinese punctuation restored, stray spaces between Chinese dropped."""
    return STRAY_SPACE.sub("", line.strip().translate(HALF_TO_FULL))


def parse_raw(raw: bytes, overrides: Overrides | None = None) -> Parsed:
    overrides = overrides or Overrides()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RawReportError(raw[: error.start].count(b"\n") + 1, f"not valid UTF-8 (byte 0x{raw[error.start]:02x})") from None
    lines = text.split("\n")
    if not text.strip():
        raise RawReportError(1, "the file is empty")
    for line_no in (*overrides.chrome, *overrides.not_chrome):
        if not 1 <= line_no <= len(lines) or not lines[line_no - 1].strip():
            raise RawReportError(line_no, "--chrome and --not-chrome name lines of the text that are not blank")
    start = _body_start(lines, overrides)
    chrome: list[Chrome] = []
    guesses: list[str] = []
    title, title_line = _title(lines[:start], overrides)
    metadata: list[tuple[int, str, str]] = []  # (line, label, value)
    for index in range(start):
        line_no, line = index + 1, lines[index]
        if not line.strip() or line_no == title_line:
            continue
        kind = _chrome_kind(line, title)
        if line_no in overrides.chrome or (kind and line_no not in overrides.not_chrome and not LABEL.search(_without_fragments(line))):
            chrome.append(Chrome(line_no, line.strip(), kind or "other"))
            continue
        rest = line
        for fragment_kind, pattern in FRAGMENTS:
            for match in pattern.finditer(line):
                if match.group(0).strip():
                    chrome.append(Chrome(line_no, match.group(0).strip(), fragment_kind, match.start()))
                    rest = rest.replace(match.group(0), " ", 1)
        pairs = _metadata(rest)
        if pairs or line_no in overrides.not_chrome:
            metadata.extend((line_no, label, value) for label, value in pairs or [("", " ".join(rest.split()))])
        else:  # a header line that is neither title nor metadata: the page's, until the maintainer says
            chrome.append(Chrome(line_no, line.strip(), "other"))
    end = len(lines)
    while end > start and (not lines[end - 1].strip() or (_chrome_kind(lines[end - 1], title) and end not in overrides.not_chrome) or end in overrides.chrome):
        if lines[end - 1].strip():
            chrome.append(Chrome(end, lines[end - 1].strip(), _chrome_kind(lines[end - 1], title) or "other"))
        end -= 1
    chrome.sort(key=lambda c: (c.line, c.column))
    published = _published(metadata, overrides, guesses)
    if title_line:
        guesses.insert(0, f"line {title_line}: title {title!r}" + ("" if overrides.title else " (--title to change)"))
    else:
        guesses.insert(0, f"title {title!r}, given with --title: the text has no line of its own for it")
    for item in chrome:
        what = _WHAT[item.kind][1]
        guesses.append(f"line {item.line}: page chrome ({what}): {item.text!r} (--not-chrome {item.line} if it is the report's)")
    preamble, parts, notes = _body(lines, start, end)
    last = max(range(start, end), key=lambda i: i if lines[i].strip() else -1)
    tail = edition_text(lines[last])
    if not COMPLETE_END.search(tail):
        notes.append(
            f'line {last + 1}: the text ends in mid-sentence ("…{tail[-12:]}"): is it cut off? Compare it with the published page,'
            " and copy the page again if so"
        )
    return Parsed(title, title_line, published, [(label, value) for _, label, value in metadata], chrome, start, preamble, parts, notes, guesses)


def _without_fragments(line: str) -> str:
    for _, pattern in FRAGMENTS:
        line = pattern.sub(" ", line)
    return line


def _chrome_kind(line: str, title: str) -> str | None:
    """What of the page a line is, if it is page chrome: a short line, not a sentence, that
    matches a pattern (a paragraph of the report may well mention 无障碍 or 打印)."""
    stripped = line.strip()
    if not stripped or len(stripped) > CHROME_LENGTH or stripped.endswith("。"):
        return None
    if title and stripped == title:
        return "title"
    for kind, pattern in CHROME_LINES:
        if pattern.search(stripped):
            return kind
    if _without_fragments(stripped).strip() == "":
        return next(kind for kind, pattern in FRAGMENTS if pattern.search(stripped))
    return None


def _is_text(line: str) -> bool:
    """Running text of the report: a sentence, or a numbered part, section or item."""
    stripped = edition_text(line)
    if not stripped:
        return False
    if numbering(stripped):
        return True
    if LABEL.match(stripped.lstrip("-•· ")) or _chrome_kind(line, ""):
        return False
    return len(stripped) >= 20 and bool(re.search(r"[，。；]", stripped))


def _body_start(lines: list[str], overrides: Overrides) -> int:
    """The index of the body's first line: the first line of running text before the first
    part heading (一、…), which a report of this kind must have."""
    first_part = next((i for i, line in enumerate(lines) if (n := numbering(edition_text(line))) and n[0] == "part"), None)
    if first_part is None:
        filled = [i for i, line in enumerate(lines) if line.strip()]
        raise RawReportError(filled[min(1, len(filled) - 1)] + 1, "no part headings (一、… 二、…) found: is this a report of this kind?")
    for index in range(first_part):
        if index + 1 not in overrides.chrome and index + 1 not in overrides.not_chrome and _is_text(lines[index]):
            return index
    return first_part


def _title(header: list[str], overrides: Overrides) -> tuple[str, int]:
    """(title, its line) from the header; a title given with --title is looked for there."""
    if overrides.title:
        wanted = edition_text(overrides.title)
        line = next((i + 1 for i, text in enumerate(header) if edition_text(text) == wanted), 0)
        return overrides.title.strip(), line
    for index, line in enumerate(header):
        stripped = line.strip()
        if TITLE.match(stripped) and TITLE_HINT.search(stripped) and not LABEL.match(stripped) and index + 1 not in overrides.chrome:
            return stripped, index + 1
    raise RawReportError(
        len(header) + 1 if header else 1,
        "no title found above the text (a line such as …关于2023年度法治政府建设情况的报告): give it with --title",
    )


def _published(metadata: list[tuple[int, str, str]], overrides: Overrides, guesses: list[str]) -> str:
    if overrides.published:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", overrides.published):
            raise RawReportError(0, f"--published {overrides.published}: write the date as YYYY-MM-DD")
        guesses.append(f"published {overrides.published}, given with --published")
        return overrides.published
    for label in DATE_LABELS:
        for line_no, found, value in metadata:
            if found == label and (match := DATE.search(value)):
                year, month, day = (int(x) for x in match.groups())
                guesses.append(f"line {line_no}: published {year:04d}-{month:02d}-{day:02d}, from {label} (--published to change)")
                return f"{year:04d}-{month:02d}-{day:02d}"
    raise RawReportError(0, f"no publication date ({' or '.join(DATE_LABELS[:2])}) above the text: give it with --published YYYY-MM-DD")


def _body(lines: list[str], start: int, end: int) -> tuple[list[Node], list[Part], list[str]]:
    preamble: list[Node] = []
    parts: list[Part] = []
    notes: list[str] = []
    for index in range(start, end):
        if not lines[index].strip():
            continue
        line_no = index + 1
        line = edition_text(lines[index])
        number = numbering(line)
        if number and number[0] == "part":
            expected = len(parts) + 1
            _expect(number[1], {expected}, "part", line_no, line)
            parts.append(Part(expected, Node("heading", f"part-{expected}", line, line_no, level=1, numbering=number)))
            continue
        if not parts:
            if number:
                raise RawReportError(line_no, f'numbered line before the first part (一、…): "{line[:20]}"')
            preamble.append(Node("paragraph", f"p-0-{len(preamble) + 1}", line, line_no))
            continue
        part = parts[-1]
        if LOST_OPENING.match(line) and number is None:
            # "）深入推进…": the opening bracket and numeral were lost; restore them visibly.
            wanted = format_numbering("section", part.section + 1, "zh")
            line = f"〔{wanted[:-1]}〕{line}"
            number = ("section", part.section + 1)
            notes.append(f"line {line_no}: restored the lost item number as {wanted} (〔〕 marks the restoration; record it in editorial-notes.yml)")
        if number and number[0] == "section":
            _expect(number[1], {part.section + 1}, "section", line_no, line)
            part.section, part.items = number[1], 0
            part.headed = "。" not in line  # else a run-in item of the part: （二）…。text
            if part.headed:
                part.nodes.append(Node("heading", f"s-{part.number}-{part.section}", line, line_no, level=2, numbering=number))
            else:
                part.nodes.append(Node("paragraph", part.next_id(), _run_in(line), line_no, numbering=number))
            continue
        if number and number[0] == "item":
            # Numbered afresh in each section, or straight through the part (1. … 9. across （一）（二）).
            allowed = {part.items + 1} | ({part.last_item + 1} if part.items == 0 else set())
            _expect(number[1], allowed, "item", line_no, line)
            part.items = part.last_item = number[1]
            part.nodes.append(Node("paragraph", part.next_id(), _run_in(line), line_no, numbering=number))
            continue
        part.nodes.append(Node("paragraph", part.next_id(), line, line_no))
    if not parts:
        raise RawReportError(start + 1, "no part headings (一、… 二、…) found: is this a report of this kind?")
    return preamble, parts, notes


def _expect(found: int, allowed: set[int], kind: str, line_no: int, line: str) -> None:
    if found in allowed:
        return
    shown = format_numbering(kind, found, "zh")
    wanted = " or ".join(format_numbering(kind, n, "zh") for n in sorted(allowed))
    if found < min(allowed):
        raise RawReportError(line_no, f'duplicate {kind} number {shown} ("{line[:20]}"): expected {wanted}')
    raise RawReportError(line_no, f'numbering gap: {shown} ("{line[:20]}") where {wanted} was expected')


def _run_in(line: str) -> str:
    """`1.抓重点，…。text` → `**1.抓重点，…。**text` (the first sentence is the run-in heading)."""
    end = line.find("。")
    return f"**{line[: end + 1]}**{line[end + 1 :]}" if end >= 0 else line


def _metadata(header: str) -> list[tuple[str, str]]:
    """Label/value pairs of a metadata line, in order (labels may be letter-spaced: 关 键 词)."""
    found = list(LABEL.finditer(header))
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
    if node.kind == "heading":
        number = format_numbering(*node.numbering, "en") + " " if node.numbering else ""
        return f"{'#' * node.level} {number}{MARKER}: {node.text} {{#{node.id}}}"
    if node.numbering:
        number = format_numbering(*node.numbering, "en")
        return f"**{number} {MARKER}.** {node.text.replace('**', '')}\n{{: #{node.id} }}"
    return f"{MARKER}: {node.text}\n{{: #{node.id} }}"


def _yaml_text(text: str) -> str:
    """Text as a quoted YAML scalar: a title such as "报告: 2023" or "[草案]…" is not YAML
    as it stands (a JSON string is a valid YAML double-quoted scalar)."""
    return json.dumps(text, ensure_ascii=False)


def pages(parsed: Parsed) -> dict[str, str]:
    """File name → Markdown, for both languages. Each English page records the version of
    the Chinese it was made from (source_hash), as --mark-reviewed would."""
    out: dict[str, str] = {}
    table, en_table = [], []
    if parsed.metadata:
        table = ["| 项目 | 内容 |", "| --- | --- |", *[f"| {label} | {value} |" for label, value in parsed.metadata], ""]
        en_table = ["| Field | Value |", "| --- | --- |", *[f"| {MARKER}: {label} | {value} |" for label, value in parsed.metadata], ""]
    cover = [f"# {parsed.title} {{#cover}}", "", *table, *[_block(n) + "\n" for n in parsed.preamble]]
    en_cover = [f"# {MARKER}: {parsed.title} {{#cover}}", "", *en_table, *[_english(n) + "\n" for n in parsed.preamble]]
    chinese = {"index": f"---\ntitle: {_yaml_text(parsed.title)}\n---\n\n" + "\n".join(cover).rstrip() + "\n"}
    english = {"index": "\n".join(en_cover).rstrip() + "\n"}
    for part in parsed.parts:
        nodes = [part.heading, *part.nodes]
        chinese[f"part-{part.number}"] = f"---\ntitle: {_yaml_text(part.heading.text)}\n---\n\n" + "\n\n".join(_block(n) for n in nodes) + "\n"
        english[f"part-{part.number}"] = "\n\n".join(_english(n) for n in nodes) + "\n"
    for name, zh in chinese.items():
        version = page_hash(parse_page(zh, Path(f"{name}.md")))
        out[f"{name}.md"] = zh
        out[f"{name}.en.md"] = f"---\ntitle: {MARKER}\nsource_hash: {version}\n---\n\n{english[name]}"
    return out


REPORT_TEMPLATE = """\
# The report published under docs/{slug}/, as new_report.py imported it: check each value
# against the published page. Every key: CONTRIBUTING.md ("Data files", "Adding the next
# report"); the schema: scripts/edition/model/schemas.py ("report.yml").
slug: {slug}
title_zh: {title}
published: {published}
sources:
  - file: {file}
    sha256: {sha256}
    published: {published}
    archived: {archived}
source: {file}
# Where the source's parts are: the title on line {title_line} (0: the source has none), the
# web page's header (chrome, title, metadata) in its first {header_lines} lines, then the text.
title_line: {title_line}
header_lines: {header_lines}
pages: [{pages}]
"""

NOTES_TEMPLATE = """\
# Editorial notes of the Chinese edition (the format: CONTRIBUTING.md, "Data files", and the
# commented template of reports/yushan-2023/editorial-notes.yml). `chrome` lists what the
# importer took for the web page's own furniture, with its line in the source: confirm each
# entry against the published page (the integrity check compares the rest with the pages).
restorations: []
queries: []
"""

GLOSSARY_TEMPLATE = """\
# The report's terms and their required English (the format: CONTRIBUTING.md, "Data files",
# and the commented template of reports/yushan-2023/glossary.yml). Each term: id, zh, en
# required; pinyin, variants, kind, note_en, note_zh, attested.
terms: []
"""


def write_report(root: Path, raw_path: Path, slug: str, parsed: Parsed) -> list[Path]:
    """Write the pages, the report's data folder and the nav entry; return what was written."""
    docs, data = root / "docs" / slug, root / "reports" / slug
    if docs.exists() or data.exists():
        raise RawReportError(0, f"docs/{slug} or reports/{slug} exists already: choose another --slug")
    config = root / "mkdocs.yml"
    nav = nav_with_report(config.read_text(encoding="utf-8"), parsed.title, slug, ["index.md", *[f"part-{p.number}.md" for p in parsed.parts]])
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
        REPORT_TEMPLATE.format(
            slug=slug,
            title=_yaml_text(parsed.title),
            published=parsed.published,
            file=raw_path.name,
            sha256=hashlib.sha256(raw).hexdigest(),
            archived=date.today().isoformat(),
            title_line=parsed.title_line,
            header_lines=parsed.header_lines,
            pages=", ".join(page_names),
        ),
        encoding="utf-8",
    )
    chrome = "".join(c.entry() for c in parsed.chrome)
    (data / "editorial-notes.yml").write_text(NOTES_TEMPLATE + (f"chrome:\n{chrome}" if chrome else "chrome: []\n"), encoding="utf-8")
    (data / "glossary.yml").write_text(GLOSSARY_TEMPLATE, encoding="utf-8")
    written += [data / raw_path.name, data / "report.yml", data / "editorial-notes.yml", data / "glossary.yml"]
    config.write_text(nav, encoding="utf-8")
    return written


def nav_with_report(config: str, title: str, slug: str, pages: list[str]) -> str:
    """mkdocs.yml's text with the report's group in the nav right after the home page (the
    newest report first, CONTRIBUTING.md "Adding the next report"), and its English nav title
    to translate under the English language's nav_translations, so that the English nav never
    shows the Chinese title. Text, not YAML, so that the file's comments stay."""
    lines = config.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), None)
    if start is None:
        raise RawReportError(0, "mkdocs.yml has no nav: add the pages by hand")
    at = start + 1
    while at < len(lines) and re.match(r"  - [^:]+\.md\s*$", lines[at]):  # the home page(s) stay first
        at += 1
    group = _yaml_text(title)
    lines[at:at] = [f"  - {group}:", *[f"      - {slug}/{page}" for page in pages]]
    english = next((i for i, line in enumerate(lines) if re.match(r"\s*- locale: en\s*$", line)), None)
    translations = next((i for i in range(english or 0, len(lines)) if lines[i].strip() == "nav_translations:"), None) if english is not None else None
    if translations is None:
        raise RawReportError(0, "mkdocs.yml has no nav_translations for English (plugins: i18n, locale en): add one, then import again")
    indent = re.match(r"\s*", lines[translations + 1]).group(0) if translations + 1 < len(lines) else ""
    if len(indent) <= len(re.match(r"\s*", lines[translations]).group(0)):
        indent = re.match(r"\s*", lines[translations]).group(0) + "  "
    lines.insert(translations + 1, f'{indent}{group}: "{MARKER}: {slug}"')
    return "\n".join(lines)
