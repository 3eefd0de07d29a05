"""Scripts: no page or data file can make the published site run code.

Python-Markdown passes raw HTML through, and attribute lists (`{: … }`) write any
attribute, so a contributed page could carry a `<script>`, an `onerror=` or a
`javascript:` link that would run on the published site. This check refuses them in every
Markdown page of docs/ and every YAML data file of docs/ and reports/, with the line.
Fenced code and inline code spans are left out: Markdown shows them as text, escaped.
The Content-Security-Policy of the built pages (edition.csp) is the second line of defence.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

from ..model.problems import Problem
from ..model.project import Project

NAME = "scripts"

# Each pattern is matched on a line with its HTML entities decoded (`&#106;avascript:` is
# `javascript:` to a browser). Browsers also skip tabs and newlines inside a URL scheme.
_SCHEME = r"\s*".join
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> tag: a page may not run code"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe> tag: a page may not embed another page"),
    (re.compile(r"<\s*object\b", re.I), "raw <object> tag: a page may not embed a plug-in or page"),
    (re.compile(r"<\s*embed\b", re.I), "raw <embed> tag: a page may not embed a plug-in"),
    (
        re.compile(r"(?:<\s*[a-z][^>]*?|\{[^}]*?)[\s\"'/]on[a-z]+\s*=", re.I),
        "inline event handler (on…=): a page may not run code; link to a page instead",
    ),
    (re.compile(rf"(?<![\w-])(?:{_SCHEME('javascript')}|{_SCHEME('vbscript')})\s*:", re.I), "javascript: URL: a link may not run code"),
    (re.compile(r"(?<![\w-])data:[^\s,]*,", re.I), "data: URL: link to a file of the site instead of embedding it in the page"),
]
INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")


def problems_in_line(text: str) -> list[str]:
    """What in one line of a page or data file could run code, as messages."""
    decoded = html.unescape(text)
    return [message for pattern, message in PATTERNS if pattern.search(decoded)]


def _scan(path: Path, lines: list[str], skip: set[int], strip_code: bool) -> Iterator[Problem]:
    for number, line in enumerate(lines, 1):
        if number in skip:
            continue
        if strip_code:
            line = INLINE_CODE.sub("", line)
        for message in problems_in_line(line):
            yield Problem(path, number, NAME, message)


def check(project: Project) -> Iterator[Problem]:
    for path in project.markdown_files:
        page = project.page(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the page's own input problem says why
        # Fenced code, as the one parser found it, is shown as text: leave it out.
        code = set()
        for block in page.blocks:
            if block.kind == "code":
                code.update(range(block.line, block.line + block.text.count("\n") + 1))
        yield from _scan(path, text.removeprefix("\ufeff").split("\n"), code, strip_code=True)
    data_files = [*project.docs.rglob("*.y*ml"), *(project.root / "reports").rglob("*.y*ml")]
    for path in sorted(p for p in data_files if p.suffix in (".yml", ".yaml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reading the data file reports it
        yield from _scan(path, text.split("\n"), set(), strip_code=False)
