"""Glossary tooltips in the English text, generated from the report's glossary.

On each English page, the first occurrence of each glossary term (in a paragraph whose
Chinese uses the term) becomes a link to the term's glossary entry, with a tooltip (Chinese,
pinyin, note) that shows on hover and on keyboard focus. The terms are the ones the
terminology check matches, so a tooltip never names a term the Chinese does not use.
"""

from __future__ import annotations

import re
from html import escape

from .checks.terminology import terms_used
from .glossary import Term
from .text import plain_text, remove_restorations_keep_content

BLOCK = re.compile(r'(<(p)\b[^>]*\bid="([\w-]+)"[^>]*>)(.*?)(</\2>)', re.S)
TOKEN = re.compile(r"(<[^>]+>)")


def add_tooltips(html: str, zh_blocks: dict[str, str], terms: list[Term], glossary_url: str) -> str:
    """Mark glossary terms in the blocks of an English page (zh_blocks: id → Chinese Markdown)."""

    marked: set[str] = set()  # once per page: a term explained in every paragraph is clutter

    def block(match: re.Match) -> str:
        start, _, ident, body, end = match.groups()
        if ident not in zh_blocks:
            return match.group(0)
        chinese = remove_restorations_keep_content(plain_text(zh_blocks[ident]))
        for term in sorted(terms_used(chinese, terms), key=lambda t: -len(t.en)):
            if term.id not in marked:
                new_body = _mark_first(body, term, glossary_url)
                if new_body != body:
                    marked.add(term.id)
                    body = new_body
        return start + body + end

    return BLOCK.sub(block, html)


def _mark_first(body: str, term: Term, glossary_url: str) -> str:
    """Wrap the first plain-text occurrence of the term (outside tags, links and marks)."""
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(term.forms, key=len, reverse=True)) + r")(?![\w-])", re.I)
    parts = TOKEN.split(body)
    depth = 0  # inside <a>, <sup> or an earlier mark: leave alone
    for i, part in enumerate(parts):
        if part.startswith("<"):
            if re.match(r"<(a|sup|span)\b", part):
                depth += 1
            elif re.match(r"</(a|sup|span)>", part):
                depth = max(0, depth - 1)
            continue
        if depth:
            continue
        found = pattern.search(part)
        if found:
            link = (
                f'<a class="gloss" href="{glossary_url}#term-{term.id}">{found.group(1)}'
                f'<span class="gloss-tip" role="tooltip"><span lang="zh-Hans">{escape(term.zh)}</span> · <i>{escape(term.pinyin)}</i><br>{escape(term.note_en)}</span></a>'
            )
            parts[i] = part[: found.start()] + link + part[found.end() :]
            return "".join(parts)
    return body
