"""Term hints: glossary terms marked in the report's text, explained on demand.

A marked term is a plain link to its glossary entry (`<a class="gloss" href="…glossary/#term-ID">`),
which works without JavaScript. The explanation is not in the page: each language has one
definitions file per report, written beside the glossary page (`…/glossary/hints.json`), that
docs/assets/javascripts/edition.js (term hints) loads the first time a reader asks for a hint; every page of
the report names the same URL, so the browser's cache serves it to the other pages.

Only terms a reader gains from are marked (`is_notable`): the edition's own renderings, slogans
and names whose English is our coinage, and terms whose rendering is a translator's decision.
Each is marked at most once per section (h2 or h3), and no paragraph carries more than
`PER_PARAGRAPH` marks: a paragraph of links reads as a page of links.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from ..checks.terms import terms_used
from ..model.glossary import Term, load_terms
from ..model.project import Project
from ..model.text import plain_text, remove_restorations_keep_content

PER_PARAGRAPH = 3
HINTS_FILE = "hints.json"

# A section heading (h2, h3: where a reader may land from the table of contents) or a report
# paragraph with its id.
UNIT = re.compile(r'<h[23]\b[^>]*>|(<p\b[^>]*\bid="([\w-]+)"[^>]*>)(.*?)(</p>)', re.S)
TOKEN = re.compile(r"(<[^>]+>)")
SKIP_OPEN = re.compile(r"<(a|sup|span|code|button)\b")
SKIP_CLOSE = re.compile(r"</(a|sup|span|code|button)>")


def is_notable(term: Term) -> bool:
    """A term whose hint tells the reader something the text cannot: our own English (a house
    rendering, a slogan's coinage) or a rendering chosen against an obvious one ("rendered …")."""
    return term.attested.startswith("house rendering") or term.kind == "slogan" or "rendered" in term.note_en


def mark_terms(html: str, blocks: dict[str, str], terms: list[Term], lang: str, glossary_url: str | dict[str, str]) -> str:
    """Mark the notable glossary terms of a page's report paragraphs.

    blocks maps a paragraph id to its Chinese Markdown: a term is marked only where the
    Chinese uses it (so an English mark never names a term the original does not have).
    glossary_url: the glossary page's URL, or each term's (the glossary runs over pages).
    """
    notable = [t for t in terms if is_notable(t)]
    marked: set[str] = set()

    def unit(match: re.Match) -> str:
        if match.group(1) is None:  # a section heading: its terms may be marked again below it
            marked.clear()
            return match.group(0)
        start, ident, body, end = match.group(1, 2, 3, 4)
        if ident not in blocks:
            return match.group(0)
        chinese = remove_restorations_keep_content(plain_text(blocks[ident]))
        wanted = [t for t in terms_used(chinese, notable) if t.id not in marked]
        body, done = _mark(body, wanted, lang, glossary_url)
        marked.update(done)
        return start + body + end

    return UNIT.sub(unit, html)


def _mark(body: str, terms: list[Term], lang: str, glossary_url: str | dict[str, str]) -> tuple[str, list[str]]:
    """Link the first plain-text occurrence of each term, keeping the PER_PARAGRAPH earliest
    in reading order (terms never overlap: a longer term claims its text first)."""
    parts = TOKEN.split(body)
    plain = [i for i, part in enumerate(parts) if not part.startswith("<") and not _inside(parts, i)]
    found: list[tuple[int, int, int, int, Term]] = []  # (part, start, end, order, term)
    taken: dict[int, list[tuple[int, int]]] = {}
    for term in sorted(terms, key=lambda t: -len(t.zh if lang == "zh" else t.en)):
        pattern = _pattern(term, lang)
        for i in plain:
            hit = next((m for m in pattern.finditer(parts[i]) if not _overlaps(taken.get(i, []), m.span())), None)
            if hit:
                taken.setdefault(i, []).append(hit.span())
                found.append((i, hit.start(), hit.end(), len(found), term))
                break
    chosen = sorted(found, key=lambda f: (f[0], f[1]))[:PER_PARAGRAPH]
    for i, start, end, _, term in sorted(chosen, key=lambda f: (f[0], -f[1])):  # right to left
        text = parts[i]
        url = glossary_url if isinstance(glossary_url, str) else glossary_url[term.id]
        parts[i] = f'{text[:start]}<a class="gloss" href="{url}#term-{term.id}">{text[start:end]}</a>{text[end:]}'
    return "".join(parts), [f[4].id for f in chosen]


def _inside(parts: list[str], index: int) -> bool:
    """Whether a text part lies inside a link, footnote mark, span or code (left alone)."""
    depth = 0
    for part in parts[:index]:
        if SKIP_OPEN.match(part):
            depth += 1
        elif SKIP_CLOSE.match(part):
            depth = max(0, depth - 1)
    return depth > 0


def _overlaps(spans: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


def _pattern(term: Term, lang: str) -> re.Pattern:
    if lang == "zh":
        return re.compile(re.escape(term.zh))
    forms = "|".join(re.escape(f) for f in sorted(term.forms, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(" + forms + r")(?![\w-])", re.I)


def definitions(terms: list[Term], lang: str) -> dict[str, list[str]]:
    """What a hint shows, per notable term id: [the term in the other language, pinyin, note]."""
    return {t.id: [t.zh if lang != "zh" else t.en, t.pinyin, t.note_en if lang != "zh" else t.note_zh] for t in terms if is_notable(t)}


def write_definitions(project: Project, site: Path, languages: dict[str, str]) -> list[Path]:
    """Write each report's definitions file beside its glossary page, per language
    (languages: code → site folder prefix, "" for the default language)."""
    written = []
    for report in project.reports:
        terms = load_terms(report)
        slug = report.slug
        for lang, prefix in languages.items():
            glossary = site / prefix / slug / "glossary"
            if not glossary.is_dir():
                continue  # a report without a glossary page has no marks to explain
            target = glossary / HINTS_FILE
            target.write_text(json.dumps(definitions(terms, lang), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            written.append(target)
    return written
