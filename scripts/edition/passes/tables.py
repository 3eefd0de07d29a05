"""Tables that read on a phone. On a narrow screen a table of three columns or more is laid
out as a block of labelled lines per row (docs/assets/tables.css), so that nothing scrolls
sideways: the key figures, the glossary, the editorial notes, the downloads, the revision
history's scores. Two-column tables (the cover's metadata) fit as they are.

    stack_tables(html, to_root)   each such table of a built page's body marked
                                  data-stacked, its cells labelled, its stylesheet linked

A plain function over the HTML, which both builds call (edition/passes/page_html.py). Each cell
gets its column's name (data-label, from the table's head). No element gets a role: the
table's own elements are the table to a screen reader, and Chromium keeps them a table laid
out in blocks (tests/test_tables_phone.py reads its accessibility tree). Roles written on
them (role="row" on a <tr>, "cell" on a <td>) are invalid HTML: the W3C Nu validator gave
2,822 errors for them (tests/test_valid_html.py).
"""

from __future__ import annotations

import re
from html import escape, unescape

MIN_COLUMNS = 3
TABLE = re.compile(r"<table\b([^>]*)>(.*?)</table>", re.S)
HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
HEAD_CELL = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
ROW = re.compile(r"<tr\b([^>]*)>(.*?)</tr>", re.S)
CELL = re.compile(r"<td\b([^>]*)>")
TAG = re.compile(r"<[^>]+>")


def stack_tables(html: str, to_root: str) -> str:
    """`html` with every table of MIN_COLUMNS or more columns ready to be stacked on a
    phone, and the stylesheet that stacks them linked once, before the first (`to_root`:
    the page's way back to the site's root, "" or "../" repeated)."""
    stacked = 0

    def table(match: re.Match) -> str:
        nonlocal stacked
        attrs, body = match.groups()
        head = HEAD.search(body)
        labels = [" ".join(unescape(TAG.sub("", cell)).split()) for cell in HEAD_CELL.findall(head.group(1))] if head else []
        if len(labels) < MIN_COLUMNS or "data-stacked" in attrs:
            return match.group(0)
        stacked += 1
        body = ROW.sub(lambda row: _labelled_row(row, labels), body)
        return f"<table{attrs} data-stacked>{body}</table>"

    html = TABLE.sub(table, html)
    if not stacked:
        return html
    # Before the first table, or before the scroll wrapper it sits in (a <link> inside
    # Material's wrapper would be laid out as part of it).
    at = re.search(r"<table\b[^>]*\bdata-stacked", html).start()
    wrapper = html.rfind('<div class="md-typeset__scrollwrap', 0, at)
    if wrapper != -1 and "</div>" not in html[wrapper:at]:
        at = wrapper
    return html[:at] + f'<link rel="stylesheet" href="{to_root}assets/tables.css">' + html[at:]


def _labelled_row(row: re.Match, labels: list[str]) -> str:
    attrs, cells = row.groups()
    column = iter(labels)

    def cell(match: re.Match) -> str:
        return f'<td data-label="{escape(next(column, ""))}"{match.group(1)}>'

    return f"<tr{attrs}>{CELL.sub(cell, cells)}</tr>"
