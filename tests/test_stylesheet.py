"""The edition's stylesheets are well formed: every block they open they close. A merge
once dropped the `}` of an `@media print` block of edition.css, and every rule after it
(the search dialog's report choice, the paragraph a search result opened) applied to print
alone, with no error anywhere.
"""

from __future__ import annotations

import re

from conftest import ROOT

STYLESHEETS = sorted((ROOT / "docs" / "assets").glob("*.css"))
STYLESHEET = ROOT / "docs" / "assets" / "edition.css"


def unclosed_blocks(css: str) -> list[str]:
    """Each `{` never closed, or `}` that closes nothing, as "line N: text"."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group()), css, flags=re.S)  # comments keep their lines
    text = re.sub(r'"(?:\\.|[^"\\])*"', lambda m: " " * len(m.group()), text)  # "{" in content: ""
    lines = css.split("\n")
    stack: list[int] = []
    problems = []
    for number, line in enumerate(text.split("\n"), 1):
        for char in line:
            if char == "{":
                stack.append(number)
            elif char == "}":
                if stack:
                    stack.pop()
                else:
                    problems.append(f"line {number}: {lines[number - 1].strip()} closes nothing")
    return problems + [f"line {n}: {lines[n - 1].strip()} is never closed" for n in stack]


def test_every_block_of_the_stylesheets_is_closed():
    assert STYLESHEET in STYLESHEETS
    assert {path.name: unclosed_blocks(path.read_text(encoding="utf-8")) for path in STYLESHEETS} == {path.name: [] for path in STYLESHEETS}


def test_mutation_a_lost_brace_is_named_with_its_line():
    css = STYLESHEET.read_text(encoding="utf-8")
    start = css.index("@media print {\n  .md-typeset .para-links {")
    end = css.index("\n}\n", start)
    broken = css[:end] + css[end + 2 :]
    line = css[:start].count("\n") + 1
    assert unclosed_blocks(broken) == [f"line {line}: @media print {{ is never closed"]
    assert unclosed_blocks('.a::before { content: "{"; }\n/* } */\n') == []
