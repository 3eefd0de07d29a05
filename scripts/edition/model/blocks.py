"""The one Markdown parser of the project: a page becomes a list of blocks with ids.

Every check and every generator reads pages through `parse_page`; nothing else splits
the Markdown sources. The dialect is the small subset the edition uses:

- YAML front matter between `---` lines;
- ATX headings with an explicit id: `## （一）标题 {#s-1-1}`;
- paragraphs, with their id in an attribute line below them: `{: #p-1-1-1 }`;
- list items (`-`, `*`, `1.`), ids as a trailing `{: #id }`;
- pipe tables (each data row is a block);
- footnote definitions `[^label]: …` and admonitions `!!! note` (apparatus: notes that
  belong to one language and have no counterpart in the other);
- fenced code, raw HTML blocks, and generator directives `{{ name }}`.

Problems in the source (bad encoding, unclosed fence, a heading without id, a duplicate
id …) are collected on the page, never raised, so that a check can report all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .text import plain_text
from .yaml_data import describe_error, load_yaml

HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
HEADING_ATTRS = re.compile(r"[ \t]*\{:?[ \t]*([^}]*)\}[ \t]*$")
ATTR_LINE = re.compile(r"^\{:[ \t]*([^}]*)\}[ \t]*$")
TRAILING_ATTRS = re.compile(r"[ \t]*\{:[ \t]*([^}]*)\}[ \t]*$")
FENCE = re.compile(r"^(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^([-*+]|\d+\.)[ \t]+")
FOOTNOTE_DEF = re.compile(r"^\[\^([^\]]+)\]:[ \t]?(.*)$")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)[ \t]+\S")
DIRECTIVE = re.compile(r"^\{\{[ \t]*([\w-]+)[ \t]*\}\}[ \t]*$")
TABLE_ROW = re.compile(r"^\|.*\|[ \t]*$")
TABLE_RULE = re.compile(r"^\|?[ \t]*:?-{3,}:?[ \t]*(\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$")
ID = re.compile(r"^[A-Za-z][\w-]*$")

#: Block kinds that are text of the page in its language and have a counterpart.
TEXT_KINDS = ("heading", "paragraph", "list_item", "table_row")
#: Block kinds that belong to one language only (notes of the editor or translator).
APPARATUS_KINDS = ("footnote", "admonition")


@dataclass(frozen=True)
class Block:
    """One block of a page: its kind, id, Markdown text and first line (1-based)."""

    kind: str
    text: str
    line: int
    id: str | None = None
    level: int = 0  # headings only
    cells: tuple[str, ...] = ()  # table rows only
    duplicate: bool = False  # its id was already used on the page (and is dropped here)
    end: int = 0  # its last line (its attribute line included)

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS

    @property
    def plain(self) -> str:
        """The text a reader sees (table cells joined by spaces)."""
        if self.kind == "table_row":
            return " ".join(plain_text(cell) for cell in self.cells)
        return plain_text(self.text)


@dataclass
class Page:
    """A parsed Markdown page."""

    path: Path
    front_matter: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, line: int, check: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, check, message))

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    @property
    def ids(self) -> dict[str, Block]:
        return {b.id: b for b in self.blocks if b.id}

    @property
    def title(self) -> str | None:
        first = next(iter(self.headings), None)
        return first.text if first else None

    def place_after(self, preceding: list[str]) -> tuple[int, str | None]:
        """Where a block missing from this page belongs: the line after the nearest of the
        blocks that precede it in the other language (`preceding`, nearest last) that this
        page has, and that block's id; the page's first block when none is here."""
        ids = self.ids
        for ident in reversed(preceding):
            if ident in ids:
                return ids[ident].end + 1, ident
        return (self.blocks[0].line if self.blocks else 1), None


def parse_attrs(attrs: str) -> tuple[str | None, list[str]]:
    """`#p-1 .lead` → ("p-1", ["lead"])."""
    ident, classes = None, []
    for token in attrs.split():
        if token.startswith("#"):
            ident = token[1:]
        elif token.startswith("."):
            classes.append(token[1:])
    return ident, classes


def read_page(path: Path) -> Page:
    """Read and parse a page file; unreadable input becomes a problem on the page."""
    page = Page(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        page.problem(0, "input", "file not found")
        return page
    except OSError as error:
        page.problem(0, "input", f"cannot read file: {error.strerror}")
        return page
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        page.problem(line, "input", f"not valid UTF-8 (byte 0x{raw[error.start]:02x} at offset {error.start})")
        return page
    return parse_page(text, path, page)


def parse_page(text: str, path: Path, page: Page | None = None) -> Page:
    """Parse Markdown text into a Page (front matter and blocks)."""
    page = page or Page(path)
    if not text.strip():
        page.problem(1, "input", "file is empty")
        return page
    lines = text.removeprefix("\ufeff").split("\n")
    start = _front_matter(lines, page)
    _Parser(lines, start, page).run()
    _check_ids(page)
    return page


def _front_matter(lines: list[str], page: Page) -> int:
    """Parse front matter; return the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        page.problem(1, "front-matter", "front matter opened with '---' is never closed")
        return len(lines)
    front = "\n".join(lines[1:end])
    try:
        data = load_yaml(front) or {}
    except yaml.YAMLError as error:
        line, reason = describe_error(error, front, offset=1)  # the front matter starts after the opening ---
        page.problem(line, "front-matter", f"malformed YAML front matter: {reason}")
        return end + 1
    if not isinstance(data, dict):
        page.problem(1, "front-matter", "front matter must be a mapping of keys to values")
        return end + 1
    page.front_matter = data
    return end + 1


class _Parser:
    def __init__(self, lines: list[str], start: int, page: Page) -> None:
        self.lines, self.i, self.page = lines, start, page

    def run(self) -> None:
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip():
                self.i += 1
            elif FENCE.match(line):
                self.fence()
            elif HEADING.match(line):
                self.heading()
            elif FOOTNOTE_DEF.match(line):
                self.indented("footnote", FOOTNOTE_DEF.match(line).group(1))
            elif ADMONITION.match(line):
                self.indented("admonition", None)
            elif DIRECTIVE.match(line):
                self.add("directive", DIRECTIVE.match(line).group(1), self.i)
                self.i += 1
            elif TABLE_ROW.match(line):
                self.table()
            elif LIST_ITEM.match(line):
                self.list_item()
            elif line.lstrip().startswith("<") and not line.startswith("    "):
                self.html()
            elif ATTR_LINE.match(line):
                self.page.problem(self.i + 1, "blocks", f"attribute list {line.strip()} stands alone: put it on the line right after its paragraph")
                self.i += 1
            else:
                self.paragraph()

    def add(self, kind: str, text: str, index: int, ident: str | None = None, **extra: Any) -> None:
        """A block that starts on line index + 1 and ends on the line before self.i (unless
        told: a table row is one line)."""
        extra.setdefault("end", max(index + 1, self._last_filled()))
        self.page.blocks.append(Block(kind, text, index + 1, ident, **extra))

    def _last_filled(self) -> int:
        """The 1-based number of the last non-blank line before self.i."""
        end = self.i
        while end > 0 and not self.lines[end - 1].strip():
            end -= 1
        return end

    def fence(self) -> None:
        start, marker = self.i, FENCE.match(self.lines[self.i]).group(1)
        self.i += 1
        while self.i < len(self.lines):
            if self.lines[self.i].strip().startswith(marker[0] * len(marker)):
                self.i += 1
                self.add("code", "\n".join(self.lines[start : self.i]), start)
                return
            self.i += 1
        self.page.problem(start + 1, "input", f"code fence {marker} is never closed: close it, or the rest of the page is code")
        self.add("code", "\n".join(self.lines[start:]), start)

    def heading(self) -> None:
        hashes, content = HEADING.match(self.lines[self.i]).groups()
        ident = None
        attrs = HEADING_ATTRS.search(content)
        if attrs:
            ident, _ = parse_attrs(attrs.group(1))
            content = content[: attrs.start()]
        content = content.rstrip("# \t")
        self.add("heading", content, self.i, ident, level=len(hashes))
        if not ident:
            from .causes import heading_id

            expected = heading_id(self.page.blocks, len(self.page.blocks) - 1) or "some-id"
            self.page.problem(self.i + 1, "ids", f'heading "{content}" has no id: add {{#{expected}}} at its end')
        self.i += 1

    def indented(self, kind: str, ident: str | None) -> None:
        """A footnote definition or an admonition: first line plus indented lines."""
        start = self.i
        self.i += 1
        while self.i < len(self.lines) and (not self.lines[self.i].strip() or self.lines[self.i].startswith(("    ", "\t"))):
            self.i += 1
        end = self.i
        while end > start + 1 and not self.lines[end - 1].strip():
            end -= 1
        self.add(kind, "\n".join(self.lines[start:end]), start, ident)

    def table(self) -> None:
        start = self.i
        rows = []
        while self.i < len(self.lines) and TABLE_ROW.match(self.lines[self.i]):
            rows.append(self.i)
            self.i += 1
        if len(rows) < 2 or not TABLE_RULE.match(self.lines[rows[1]]):
            self.page.problem(start + 1, "blocks", "table has no header rule (| --- | --- |) on its second line")
            return
        # Data rows get positional ids derived from the table's place: rows of the
        # same table in the two languages must then match one to one.
        table_no = sum(1 for b in self.page.blocks if b.kind == "table_row" and b.id and b.id.endswith("-r1")) + 1
        for n, index in enumerate(rows[2:], 1):
            line = self.lines[index].strip()
            cells = tuple(c.strip() for c in line.strip("|").split("|"))
            self.add("table_row", " | ".join(cells), index, f"table-{table_no}-r{n}", cells=cells, end=index + 1)

    def list_item(self) -> None:
        start = self.i
        self.i += 1
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip() or LIST_ITEM.match(line) or HEADING.match(line):
                break
            self.i += 1
        text = "\n".join(self.lines[start : self.i])
        text = LIST_ITEM.sub("", text, count=1)
        ident = None
        attrs = TRAILING_ATTRS.search(text)
        if attrs:
            ident, _ = parse_attrs(attrs.group(1))
            text = text[: attrs.start()]
        self.add("list_item", text, start, ident)

    def html(self) -> None:
        start = self.i
        while self.i < len(self.lines) and self.lines[self.i].strip():
            self.i += 1
        self.add("html", "\n".join(self.lines[start : self.i]), start)

    def paragraph(self) -> None:
        start = self.i
        ident = None
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if not line.strip() or (self.i > start and (HEADING.match(line) or FENCE.match(line) or LIST_ITEM.match(line))):
                break
            attrs = ATTR_LINE.match(line)
            if attrs:
                ident, _ = parse_attrs(attrs.group(1))
                self.i += 1
                text = "\n".join(self.lines[start : self.i - 1])
                self.add("paragraph", text, start, ident)
                return
            self.i += 1
        self.add("paragraph", "\n".join(self.lines[start : self.i]), start)


def _check_ids(page: Page) -> None:
    from .causes import NUMBERED, expected_id

    seen: dict[str, int] = {}
    for index, block in enumerate(page.blocks):
        if block.id is None or block.kind == "footnote":
            continue
        if not ID.match(block.id):
            page.problem(block.line, "ids", f"id \"{block.id}\" is not a valid id (letters, digits, '-', starting with a letter)")
        if block.id not in seen:
            seen[block.id] = index
            continue
        # Keep the id where the numbering expects it and drop it from the other block, so
        # that the other checks pair the right paragraphs (a slip in the first of two
        # equal ids is the usual case: {: #p-1-2-3 } typed for {: #p-1-2-2 }).
        first = seen[block.id]
        first_block = page.blocks[first]
        renumbered = list(page.blocks)
        renumbered[first] = replace(first_block, id=expected_id(page.blocks, first))
        if renumbered[first].id not in (None, block.id) and expected_id(renumbered, index) == block.id:
            wrong, other, at = first_block, block, first
            seen[block.id] = index
        else:
            wrong, other, at = block, first_block, index
        expected = expected_id(page.blocks, at)
        hint = f": by the numbering this is #{expected}: write {{: #{expected} }}" if expected and expected not in seen else ""
        page.problem(wrong.line, "ids", f'duplicate id "{block.id}" (also on line {other.line}){hint}')
        page.blocks[at] = replace(wrong, id=None, duplicate=True)
    # An id off the numbering that leaves the numbering's own id unused ({: #p-1-2-22 } typed
    # for {: #p-1-2-2 }): no duplicate shows it, yet every check that pairs by id goes wrong.
    present = {b.id for b in page.blocks if b.id}
    numbered = list(page.blocks)  # as the numbering has them: each slip read as meant
    for index, block in enumerate(page.blocks):
        if block.duplicate:  # named above, with the id the numbering expects
            numbered[index] = replace(block, id=expected_id(numbered, index))
            continue
        if block.kind not in ("paragraph", "list_item") or not block.id or not NUMBERED.match(block.id):
            continue
        expected = expected_id(numbered, index)
        # Only a slip within its section (p-1-2-22 for p-1-2-2): a heading missing above
        # changes what the numbering expects, and the heading is what to name then.
        if expected and expected != block.id and expected not in present and _parent(expected) == _parent(block.id):
            page.problem(block.line, "ids", f'id "{block.id}" is off the numbering: by the numbering this is #{expected}: write {{: #{expected} }}')
            numbered[index] = replace(block, id=expected)


def _parent(ident: str) -> str:
    return ident.rsplit("-", 1)[0]
