"""The HTML step of a page: the edition's work on its converted Markdown (the page body).

    page_html(project, path, html)  in the preview, the banner of the page's problems;
                          on report pages, each paragraph's permalink, side-by-side link and
                          Cite button (link_paragraphs) and the citation data; the notable
                          glossary terms marked for hints (edition/passes/hints.py); the theme's
                          words in the page's language (edition/passes/ui_language.py); then the
                          Chinese runs of English pages in lang="zh-Hans" (mark_chinese), or
                          the editor's 〔…〕 restorations of Chinese pages linked to their
                          notes (link_restorations); on every page, tables of three
                          columns or more ready to read on a phone (edition/passes/tables.py)
                          and the row under the title that the page's tools fill (page_tools);
                          on report pages, the contents under it (generators/contents.py).

Both builds call it: the MkDocs hook on_page_content (scripts/hooks.py) and the pipeline's
postbuild (edition/adapters/pipeline.py), on each written page's body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from pathlib import Path

from ..generators.citation import citation_data
from ..generators.contents import page_sections, report_contents
from ..model.glossary import load_terms, term_urls
from ..model.problems import Problem
from ..model.project import DEFAULT_LANGUAGE, Project, counterpart, language_of
from ..model.text import RESTORATION
from .hints import mark_terms
from .preview import banner, problems_of_page
from .tables import stack_tables
from .ui_language import localise_ui

PARAGRAPH = re.compile(r'(<p id="(p-[\w-]+)"[^>]*>)(.*?)(</p>)', re.S)
TOKEN = re.compile(r"(<[^>]+>)")
# A Chinese run takes in the curly quotes, dashes and ellipses inside it (so that they are
# drawn from the CJK font), not those that close it in the English sentence around it.
CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef·]|[“”‘’—…]+(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]))*"
)
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"}


def page_html(project: Project, path: Path, html: str, *, problems: Sequence[Problem] = (), preview: bool = False) -> str:
    """The body of the page built from `path` after the edition's HTML work (see above).
    `preview` (make serve): put the banner of those of `problems` that concern the page
    first."""
    lang = language_of(path)
    if preview:
        html = banner(problems_of_page(list(problems), path, project.root, project.docs), project.root, lang) + html
    report = project.report_of(path)
    base = "" if path.name.split(".")[0] == "index" else "../"
    if report is not None:
        html = link_paragraphs(id_table_rows(html), base, lang) + citation_data(project, report, path)
    elif "data-cite=" in html and (holder := project.report_for_page(path)) is not None:  # the side-by-side rows
        html += citation_data(project, holder, path, holder=True)
    if report is not None:
        zh_page = project.page(counterpart(path, DEFAULT_LANGUAGE))
        zh_blocks = {b.id: b.text for b in zh_page.blocks if b.id and b.is_text}
        terms = load_terms(report)
        html = mark_terms(html, zh_blocks, terms, lang, term_urls(terms, base))
    html = stack_tables(localise_ui(html, lang), to_root(project, path))
    html = page_tools(html, lang, cite_label(path, lang) if report is not None else None)
    if 'class="parallel"' in html:  # its stylesheet, linked by the side-by-side pages alone
        html = f'<link rel="stylesheet" href="{to_root(project, path)}assets/parallel.css">' + html
    if report is not None:
        # The contents under the title (and its tools): the report's on the cover, above the
        # metadata table; a part's own sections on the part's page.
        first = path.name.split(".")[0] == "index"
        html = after_title(html, report_contents(project, report, lang) if first else page_sections(project, path))
    if lang != "zh":
        return mark_chinese(html)
    if report is None or "〔" not in html:
        return html
    notes = report.data("editorial-notes.yml").get("restorations", [])
    return link_restorations(html, notes, base)


FIRST_H1 = re.compile(r"<h1\b[^>]*>.*?</h1>", re.S)
TOOLS = {
    "zh": {"hints": ("术语提示", "：开", "：关"), "sentences": ("逐句英文", "：关"), "cite": ("引用本报告", "引用本部分")},
    "en": {"hints": ("Term hints", ": on", ": off"), "sentences": ("Chinese by sentence", ": off"), "cite": ("Cite this report", "Cite this part")},
}


def cite_label(path: Path, lang: str) -> str:
    """The page's own Cite button: "Cite this report" on the cover, "Cite this part" on a part."""
    return TOOLS[lang]["cite"][0 if path.name.split(".")[0] == "index" else 1]


def page_tools(html: str, lang: str, cite: str | None) -> str:
    """The row under the page's title, with every tool it will hold, written here so that
    the page is first drawn as it stays: the term-hint switch (on a page with marked terms),
    the page's Cite button (on a page of a report: `cite`) and the sentence-by-sentence
    switch (on a page of the report's text, with paragraph links). edition.js makes the two
    buttons switches (role, state) and gives them their work; until then they keep their
    place unseen (the stylesheet hides them while they have no role). Inserted by the script after
    the first paint, they pushed the page down: 0.214 of layout shift on the Chinese Part I,
    and 0.028 on the English cover at 390 px, where the three wrap to a second line."""
    words = TOOLS[lang]
    tools = []
    if 'class="gloss"' in html:
        label, on, off = words["hints"]
        # The default state: on in English, off in Chinese (edition.js, README "Term hints").
        tools.append(f'<button type="button" class="hints-switch">{label}<span aria-hidden="true">{off if lang == "zh" else on}</span></button>')
    if cite:
        tools.append(f'<button type="button" class="md-button cite-report" data-cite="">{cite}</button>')
    if 'class="para-links"' in html:
        label, off = words["sentences"]
        tools.append(f'<button type="button" class="sentences-switch">{label}<span aria-hidden="true">{off}</span></button>')
    title = FIRST_H1.search(html)
    if not tools or title is None:
        return html
    return html[: title.end()] + f'<div class="page-tools">{"".join(tools)}</div>' + html[title.end() :]


def after_title(html: str, insert: str) -> str:
    """`insert` after the page's title and the row of tools under it (page_tools)."""
    title = FIRST_H1.search(html)
    if not insert or title is None:
        return html
    at = title.end()
    if html.startswith('<div class="page-tools">', at):
        at = html.index("</div>", at) + len("</div>")
    return html[:at] + insert + html[at:]


def to_root(project: Project, path: Path) -> str:
    """The way from the page built from `path` back to the site's root: one step for each
    folder of its address (directory URLs: x.md is x/; the English under en/)."""
    rel = path.relative_to(project.docs)
    depth = len(rel.parts) - (rel.name.split(".")[0] == "index") + (language_of(path) != DEFAULT_LANGUAGE)
    return "../" * depth


def link_paragraphs(html: str, base: str, lang: str) -> str:
    """Each report paragraph gets its permalink (¶), a link to its side-by-side row (⇄) and
    a Cite button."""
    words = {"zh": ("本段链接", "中英对照", "引用"), "en": ("Link to this paragraph", "Side by side", "Cite")}[lang]

    def paragraph(match: re.Match) -> str:
        start, ident, body, end = match.groups()
        links = (
            f'<span class="para-links">'
            f'<a class="para-link" href="#{ident}" title="{words[0]} {ident}" aria-label="{words[0]} {ident}">¶</a>'
            f'<a class="para-link" href="{base}parallel/#{ident}" title="{words[1]} {ident}" aria-label="{words[1]} {ident}">⇄</a>'
            f'<button type="button" class="para-link para-cite" data-cite="{ident}" aria-label="{words[2]} {ident}">{words[2]}</button>'
            f"</span>"
        )
        return start + body + links + end

    return PARAGRAPH.sub(paragraph, html)


TABLE = re.compile(r"<table\b.*?</table>", re.S)
BODY_ROW = re.compile(r"<tr>")


def id_table_rows(html: str) -> str:
    """Each data row of the page's tables gets the id the parser gives it (table-N-rM: the
    page's N-th table, its M-th row), so that the side-by-side view's links, the corpus and
    citations that name a row lead to it."""
    tables = iter(range(1, 10_000))

    def table(match: re.Match) -> str:
        number = next(tables)
        head, _, body = match.group(0).partition("<tbody>")
        if not body:
            return match.group(0)
        rows = iter(range(1, 10_000))
        return head + "<tbody>" + BODY_ROW.sub(lambda _: f'<tr id="table-{number}-r{next(rows)}">', body)

    return TABLE.sub(table, html)


def link_restorations(html: str, notes: list[dict], base: str) -> str:
    """Each 〔…〕 of a paragraph becomes a link to its restoration note, in order."""

    def paragraph(match: re.Match) -> str:
        start, ident, body, end = match.groups()
        mine = [n for n in notes if n["paragraph"] == ident]
        marks = [n for n in mine for _ in RESTORATION.findall(n["edition"])]
        queue = iter(marks)

        def mark(m: re.Match) -> str:
            note = next(queue, None)
            if note is None:
                return m.group(0)
            title = escape(note["zh"], quote=True)
            return f'<a class="restoration" href="{base}editorial-notes/#{note["id"]}" title="{title}">{m.group(0)}</a>'

        return start + RESTORATION.sub(mark, body) + end

    return PARAGRAPH.sub(paragraph, html)


def mark_chinese(html: str) -> str:
    """Wrap Chinese runs of an English page in <span lang="zh-Hans"> (outside lang="…"
    elements, scripts and styles)."""
    out, stack = [], []
    for token in TOKEN.split(html):
        if token.startswith("<"):
            out.append(token)
            name = re.match(r"</?\s*([A-Za-z0-9]+)", token)
            if not name:
                continue
            tag = name.group(1).lower()
            if token.startswith("</"):
                while stack and stack.pop()[0] != tag:
                    pass
            elif tag not in VOID and not token.endswith("/>"):
                stack.append((tag, " lang=" in token or tag in ("script", "style")))
        elif token and not any(has_lang for _, has_lang in stack):
            out.append(CJK_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group(0)}</span>', token))
        else:
            out.append(token)
    return "".join(out)
