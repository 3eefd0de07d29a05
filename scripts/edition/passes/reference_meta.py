"""What reference managers read in a page's head: Highwire Press `citation_*` tags (Zotero,
Mendeley, Google Scholar) and Dublin Core `DC.*` tags (DC-HTML), on every page of a
report's text, from the same cited units as the Cite dialog (edition/generators/citation.py).

The Chinese page credits the county as author and publisher, the edition as contributor
(its editor); the English page credits the county as author of what is translated and the
edition as publisher and contributor (its translator and editor), with the Chinese page as
its source. A meta tag with a name belongs in <head> only, so this runs over the written
pages after the build, in both builds (edition/adapters/pipeline.py, finish_site).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from ..generators.citation import Cited, page_citation
from ..model.project import LANGUAGES, Project, Report, counterpart

HEAD_END = re.compile(r"</head\s*>", re.I)
EXISTING = re.compile(r'\s*<meta name="(?:citation_|DC\.)[^>]*>')


def reference_tags(unit: Cited, source: str = "") -> list[tuple[str, str]]:
    """(name, content) of each tag for a unit; `source`: the page it translates."""
    issued = unit.issued.replace("-", "/")
    rights = "政府公开文件" if unit.zh else f"{unit.field('translation_licence')} (the translation); the original: public government document"
    tags = [
        ("citation_title", unit.title),
        ("citation_author", unit.author),
        ("citation_publication_date", issued),
        ("citation_language", "zh" if unit.zh else "en"),
        ("citation_publisher", unit.publisher),
        ("citation_public_url", unit.url),
        ("DC.title", unit.title),
        ("DC.creator", unit.author),
        ("DC.contributor", unit.edition),
        ("DC.date", unit.issued),
        ("DC.language", "zh-CN" if unit.zh else "en"),
        ("DC.publisher", unit.publisher),
        ("DC.identifier", unit.url),
        ("DC.rights", rights),
    ]
    if source:
        tags.append(("DC.source", source))
    return tags


def page_head(project: Project, report: Report, path: Path) -> str:
    """The tags of a page of the report's text (the cover cites the whole report)."""
    unit = page_citation(project, report, path)
    source = "" if unit.zh else page_citation(project, report, counterpart(path, "zh")).url
    tags = "".join(f'\n  <meta name="{name}" content="{escape(content)}">' for name, content in reference_tags(unit, source))
    return tags


def add_reference_meta(project: Project, site_dir: Path) -> int:
    """Write the tags into the head of every written page of each report's text (replacing
    any written before); return how many pages got them."""
    done = 0
    for report in project.reports:
        for zh_path in report.text_pages:
            stem = zh_path.name.removesuffix(".md")
            for lang in LANGUAGES:
                folder = site_dir / ("" if lang == "zh" else lang) / report.slug / ("" if stem == "index" else stem)
                page = folder / "index.html"
                if not page.exists():
                    continue
                html = EXISTING.sub("", page.read_text(encoding="utf-8"))
                end = HEAD_END.search(html)
                if end is None:
                    continue
                path = zh_path if lang == "zh" else counterpart(zh_path, lang)
                page.write_text(html[: end.start()] + page_head(project, report, path) + "\n" + html[end.start() :], encoding="utf-8")
                done += 1
    return done
