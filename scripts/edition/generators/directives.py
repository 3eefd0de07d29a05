"""Content generated from a report's data files, for the `{{ name }}` directives of its pages.

    {{ glossary }}       the glossary table (glossary.yml)
    {{ restorations }}   the editor's restorations (editorial-notes.yml)
    {{ queries }}        places kept as published, with the editor's query
    {{ chrome }}         what of the source web page was left out, and why
    {{ parallel }}       the side-by-side view, Chinese beside English, block by block
    {{ downloads }}      the downloadable files (aligned corpus, full texts, key figures, source)
    {{ fulltext }}       the whole report on one page, for printing to PDF (`make pdf`)
    {{ key_figures }}    the key figures, a sortable table (key_figures_page.py)
    {{ releases }}       the edition's releases, each with the blocks it changed (releases.py)

Each renders in the page's language as an HTML table whose rows carry ids (term-…, r-N,
q-N), so that the text and the translator's notes can link to them.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from ..model.blocks import HEADING, parse_page
from ..model.glossary import PER_PAGE, load_terms, page_count, page_name, page_of, terms_on_page
from ..model.project import Project, Report, counterpart
from ..model.text import CJK, FOOTNOTE_REF, plain_text, remove_restorations_keep_content
from .corpus import aligned_blocks
from .downloads import downloads_table
from .inline_html import inline_html
from .key_figures import key_figure_ids, key_figures_table
from .releases import release_ids, releases_list
from .side_by_side import block_label, column_heads, row_notes, section_jumps

LABELS = {
    "glossary": {
        "zh": ["术语", "英文译法", "说明"],
        "en": ["Term", "Chinese", "Note"],
    },
    "notes": {
        "zh": ["编号", "段落", "原文", "本版", "说明"],
        "en": ["No.", "Paragraph", "Source reads", "Edition reads", "Note"],
    },
    "chrome": {"zh": ["略去内容", "原因"], "en": ["Left out", "Why"]},
}
KIND_EN = {
    "political": "political formulation",
    "legal": "legal or administrative term",
    "institution": "institution",
    "document": "document title",
    "slogan": "slogan, brand or shorthand",
}
KIND_ZH = {"political": "政治术语", "legal": "法律及行政术语", "institution": "机构", "document": "文件名称", "slogan": "口号、品牌及简称"}


def _table(head: list[str], rows: list[tuple[str, list[str]]], css: str) -> str:
    # Material styles tables without a class, inside its scroll wrapper; the class goes on
    # the wrapper so that the edition's CSS can address each kind of table.
    out = [f'<div class="md-typeset__scrollwrap {css}"><div class="md-typeset__table"><table>']
    out.append("<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr></thead>")
    out.append("<tbody>")
    for ident, cells in rows:
        out.append(f'<tr id="{ident}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    out.append("</tbody></table></div></div>")
    return "\n".join(out)


def glossary(project: Project, report: Report, lang: str, page: int = 1) -> str:
    """The terms of glossary page `page` (PER_PAGE a page), between links to every page."""
    rows = []
    # Full-width colons after Chinese labels, as in the Chinese text.
    also, source = ("其他译法：", "译法依据：") if lang == "zh" else ("Also rendered: ", "Attested in: ")
    for term in terms_on_page(load_terms(report), page):
        zh = f'<span lang="zh-Hans" class="term-zh">{escape(term.zh)}</span><br><i>{escape(term.pinyin)}</i>'
        en = f'<span lang="en" class="term-en">{escape(term.en)}</span>'
        if term.other_renderings:
            en += f"<br><small>{also}{escape('; '.join(term.other_renderings))}</small>"
        note = escape(term.note_zh if lang == "zh" else term.note_en)
        # Each page gives the attestation in its own language; only the English renderings
        # it quotes (and the addresses) stay English on the Chinese page.
        attested = term.attested_zh if lang == "zh" else term.attested
        note += f"<br><small>{source}{escape(attested)}</small>" if attested else ""
        cells = [zh, en, note] if lang == "zh" else [en, zh, note]
        rows.append((f"term-{term.id}", cells))
    terms = load_terms(report)
    return glossary_pager(terms, page, lang) + _table(LABELS["glossary"][lang], rows, "glossary") + glossary_pager(terms, page, lang, end=True)


def glossary_pager(terms: list, page: int, lang: str, end: bool = False) -> str:
    """Links to each glossary page by the numbers of its terms (1–100, 101–169), this one
    marked; nothing when the glossary fits one page. Above the table and below it (`end`),
    each a navigation landmark of its own name."""
    count = page_count(terms)
    if count == 1:
        return ""
    label = ("术语表分页（页末）" if end else "术语表分页") if lang == "zh" else ("Glossary pages, at the end" if end else "Glossary pages")
    links = []
    for number in range(1, count + 1):
        shown = f"{(number - 1) * PER_PAGE + 1}–{min(number * PER_PAGE, len(terms))}"
        shown = f"术语 {shown}" if lang == "zh" else f"Terms {shown}"
        if number == page:
            links.append(f'<span aria-current="page">{shown}</span>')
        else:
            links.append(f'<a href="../{page_name(number)}/">{shown}</a>')
    return f'\n<nav class="glossary-pages" aria-label="{label}">{" · ".join(links)}</nav>\n'


def _notes(kind: str) -> Callable[[Project, Report, str], str]:
    def render(project: Project, report: Report, lang: str) -> str:
        pages = project.paragraph_pages(report)
        rows = []
        for note in report.data("editorial-notes.yml").get(kind, []):
            paragraph = note["paragraph"]
            page = pages.get(paragraph, "")
            link = f'<a href="{page}#{paragraph}"><code>{paragraph}</code></a>' if page else f"<code>{paragraph}</code>"
            cells = [
                f'<a href="#{note["id"]}">{note["id"]}</a>',
                link,
                f'<span lang="zh-Hans">{escape(note["published"])}</span>',
                f'<span lang="zh-Hans">{escape(note["edition"])}</span>',
                escape(note[lang]),
            ]
            rows.append((note["id"], cells))
        return _table(LABELS["notes"][lang], rows, f"editorial-notes {kind}")

    return render


def chrome(project: Project, report: Report, lang: str) -> str:
    rows = []
    for n, item in enumerate(report.data("editorial-notes.yml").get("chrome", []), 1):
        shown = f'<code lang="zh-Hans">{escape(item["text"])}</code>' if item.get("text") else "—"
        rows.append((f"chrome-{n}", [shown, escape(item[lang])]))
    return _table(LABELS["chrome"][lang], rows, "editorial-notes chrome")


def parallel(project: Project, report: Report, lang: str) -> str:
    """The side-by-side view: each block of the report, Chinese beside English.

    Rows carry the shared block ids; each cell links to its paragraph in its page. Links
    are relative to this page at /SLUG/parallel/ (Chinese) or /en/SLUG/parallel/. Above
    the rows, jumps to the report's sections (the page has no table of contents rail);
    each paragraph row has a Cite button (citing the paragraph on its own page) and, where
    there are any, its translator's and editorial notes.
    """

    to_root = "../../" if lang == "zh" else "../../../"
    labels = {"zh": ("中文", "英文"), "en": ("Chinese", "English")}[lang]
    records = aligned_blocks(project, report)
    notes = row_notes(project, report, lang)
    out = [section_jumps(records, lang), f'<div class="parallel" role="table" aria-label="{escape(" / ".join(labels))}">', column_heads(lang)]
    for r in records:
        cells = []
        for side, text, prefix in (("zh", r.zh_markdown, ""), ("en", r.en_markdown, "en/")):
            text = FOOTNOTE_REF.sub("", text)
            if r.kind == "table_row":
                html = " · ".join(escape(cell.strip()) for cell in text.split(" | "))
            else:
                html = inline_html(text)
            tag = f"h{min(r.level + 1, 6)}" if r.kind == "heading" else "p"
            href = f"{to_root}{prefix}{report.slug}/{r.page + '/' if r.page else ''}#{r.id}"
            # The row's tools and labels speak the page's language, inside a cell of the other.
            ui = "zh-Hans" if lang == "zh" else "en"
            label = block_label(r.id, lang)
            where = {"zh": ("中文：", "英文："), "en": ("Chinese: ", "English: ")}[lang][side != "zh"]
            short = ("中文" if side == "zh" else "英文") if lang == "zh" else ("中文" if side == "zh" else "EN")
            tools = ""
            if side == "en" and r.kind != "heading":
                # The Cite button (and the row's Report link, edition.js) cites the paragraph
                # on its own page (data-cite-unit: its key in cite.json), in this page's language.
                cite = "引用" if lang == "zh" else "Cite"
                tools = (
                    f'<span class="parallel-tools" lang="{ui}"><button type="button" class="para-link para-cite" data-cite="{r.id}" '
                    f'data-cite-unit="{r.page}" aria-label="{cite} {r.id}">{cite}</button></span>'
                ) + notes.get(r.id, "")
            cells.append(
                f'<div class="parallel-cell" role="cell" lang="{"zh-Hans" if side == "zh" else "en"}">'
                f'<span class="parallel-lang" lang="{"en" if short == "EN" else "zh-Hans"}" aria-hidden="true">{short}</span>'
                f'<{tag} class="parallel-text">{html}</{tag}>{tools}'
                f'<a class="parallel-source" lang="{ui}" href="{href}" title="{where}{escape(label)}">{escape(label)}</a></div>'
            )
        out.append(f'<div class="parallel-row parallel-{r.kind}" role="row" id="{r.id}">{"".join(cells)}</div>')
    out.append("</div>")
    return "\n".join(out)


def fulltext(project: Project, report: Report, lang: str) -> str:
    """The whole report in one page (for printing): the report pages' own Markdown, one
    after another, headings one level down under the print page's title."""

    parts = []
    for zh_path in report.text_pages:
        path = counterpart(zh_path, lang)
        if not project.readable(path):
            continue  # the pages check names a missing page (a traceback here stopped the build)
        page = project.page(path)
        lines = path.read_text(encoding="utf-8").split("\n")
        start = 0
        if page.front_matter and lines[0].strip() == "---":
            start = next(i for i in range(1, len(lines)) if lines[i].strip() == "---") + 1
        body = [("#" + line) if HEADING.match(line) else line for line in lines[start:]]
        parts.append("\n".join(body).strip())
    return "\n\n".join(parts)


def downloads(project: Project, report: Report, lang: str) -> str:
    return downloads_table(project, report, lang)


def key_figures(project: Project, report: Report, lang: str) -> str:
    return key_figures_table(project, report, lang)


GENERATORS: dict[str, Callable[[Project, Report, str], str]] = {
    "parallel": parallel,
    "key_figures": key_figures,
    "downloads": downloads,
    "fulltext": fulltext,
    "glossary": glossary,
    "restorations": _notes("restorations"),
    "queries": _notes("queries"),
    "chrome": chrome,
    "releases": releases_list,
}


def generated_ids(project: Project, report: Report, name: str, path: Path | None = None) -> set[str]:
    """The ids a directive's output carries (for the link check) on the page `path`."""
    if name == "glossary":
        terms = load_terms(report)
        return {f"term-{t.id}" for t in (terms_on_page(terms, page_of(path) or 1) if path else terms)}
    if name in ("restorations", "queries"):
        return {n["id"] for n in report.data("editorial-notes.yml").get(name, [])}
    if name == "fulltext":
        return {b.id for path in report.text_pages for b in project.page(path).blocks if b.id and b.kind != "footnote"}
    if name == "parallel":
        return {r.id for r in aligned_blocks(project, report)}
    if name == "key_figures":
        return key_figure_ids(report)
    if name == "releases":
        return release_ids(report)
    if name == "chrome":
        return {f"chrome-{n}" for n in range(1, len(report.data("editorial-notes.yml").get("chrome", [])) + 1)}
    return set()


def description(markdown: str, path: Path, limit: int = 160) -> str:
    """A page's meta description: its first paragraph, as plain text, shortened."""
    page = parse_page(markdown, path)
    first = next((b for b in page.blocks if b.kind == "paragraph"), None)
    if first is None:
        return ""
    text = remove_restorations_keep_content(plain_text(first.text))
    limit = limit // 2 if CJK.search(text) else limit  # a Chinese character says more
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if not CJK.search(text) else text[:limit]
    return cut.rstrip("，,、；;：: ") + "…"
