"""The contents of a report, made from its pages' headings (model/blocks.py parses them):

    report_contents(project, report, lang)   the cover's: each part (the title of a text
                                             page after the cover) and its sections, linked
    page_sections(project, path)             a part page's own sections, linked, for the
                                             top of the page on a phone (the table-of-
                                             contents rail shows them on a wide screen)

Each is a <nav> in the page's language, written into the page by edition/passes/page_html.py;
nothing of it is typed by hand, so a heading changed in a page is changed here too.
"""

from __future__ import annotations

from pathlib import Path

from ..model.blocks import Block
from ..model.project import Project, Report, counterpart, language_of
from ..model.text import FOOTNOTE_REF
from .inline_html import inline_html

# Not the theme's own "目录" / "Table of contents" (its contents rail): landmarks are told apart by their names.
WORDS = {"zh": ("报告目录", "本部分各节"), "en": ("Contents of the report", "In this part")}


def _link(href: str, heading: Block) -> str:
    return f'<a href="{href}">{inline_html(FOOTNOTE_REF.sub("", heading.text))}</a>'


def _nav(title: str, items: list[str], modifier: str) -> str:
    return (
        f'<nav class="edition-contents edition-contents--{modifier}" aria-label="{title}">'
        f'<p class="edition-contents__title">{title}</p><ol>{"".join(items)}</ol></nav>'
    )


def report_contents(project: Project, report: Report, lang: str) -> str:
    """The cover's contents: every text page after the cover, by its title (level 1), with
    its sections (level 2); links relative to the cover (part-1/, part-1/#s-1-1)."""
    items = []
    for zh_path in report.text_pages[1:]:
        headings = project.page(counterpart(zh_path, lang)).headings
        if not headings:
            continue
        page = zh_path.name.removesuffix(".md") + "/"
        sections = [f"<li>{_link(f'{page}#{h.id}', h)}</li>" for h in headings if h.level == 2]
        inner = f"<ol>{''.join(sections)}</ol>" if sections else ""
        items.append(f"<li>{_link(page, headings[0])}{inner}</li>")
    return _nav(WORDS[lang][0], items, "report") if items else ""


def page_sections(project: Project, path: Path) -> str:
    """A text page's sections (level 2), linked, or "" for a page with fewer than two."""
    sections = [h for h in project.page(path).headings if h.level == 2]
    if len(sections) < 2:
        return ""
    return _nav(WORDS[language_of(path)][1], [f"<li>{_link(f'#{h.id}', h)}</li>" for h in sections], "page")
