"""MkDocs hooks of the edition: the same checks and generators the CLI uses.

- on_pre_build: run every content check once per build (mkdocs-static-i18n builds each
  language again inside the first build; those inner builds are skipped) and log each
  problem as a warning, so that `mkdocs build --strict` fails and `mkdocs serve` shows it;
- on_page_context: the date of each page's last commit (git), shown at its foot;
- on_page_markdown: give each page a meta description in its language (its first
  paragraph) and expand `{{ glossary }}`-style directives from the report's data;
- on_post_build: write the search indexes, one per language and report (after
  mkdocs-static-i18n has written it: its on_post_build runs at priority -100), and write
  the downloads (aligned corpus, full texts, key figures, source) into the site, then
  hints.json, the stylesheet diet, minified assets and the CSP: edition/pipeline.py's
  finish_site, which the Zensical build's postbuild calls too;
- on_page_content: give each report paragraph its permalink and side-by-side link, mark
  notable glossary terms for hints (edition/hints.py; their definitions file is written
  on_post_build), link
  the editor's 〔…〕 restorations to their notes (Chinese pages) and mark Chinese words
  inside English pages with lang="zh-Hans".
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.plugins import event_priority  # noqa: E402

from edition.blocks import DIRECTIVE  # noqa: E402
from edition.checks import run_checks  # noqa: E402
from edition.citation import citation_data, page_versions  # noqa: E402
from edition.generate import GENERATORS, description, report_for_page  # noqa: E402
from edition.glossary import load_terms  # noqa: E402
from edition.hints import mark_terms  # noqa: E402
from edition.pipeline import finish_site  # noqa: E402
from edition.preview import banner, preview_mode, problems_of_page  # noqa: E402
from edition.problems import Problem, summary  # noqa: E402
from edition.project import DEFAULT_LANGUAGE, Project, counterpart, language_of  # noqa: E402
from edition.quiet import quiet_build  # noqa: E402
from edition.site import repository  # noqa: E402
from edition.source_fields import expand_source_fields  # noqa: E402
from edition.text import RESTORATION  # noqa: E402
from edition.ui_language import localise_ui  # noqa: E402

log = logging.getLogger("mkdocs.plugins.edition")
quiet_build()  # before the plugins and jieba speak: see edition/quiet.py

PARAGRAPH = re.compile(r'(<p id="(p-[\w-]+)"[^>]*>)(.*?)(</p>)', re.S)
TOKEN = re.compile(r"(<[^>]+>)")
# A Chinese run takes in the curly quotes, dashes and ellipses inside it (so that they are
# drawn from the CJK font), not those that close it in the English sentence around it.
CJK_RUN = re.compile(
    r"[\u3400-\u9fff\uf900-\ufaff](?:[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef·]|[“”‘’—…]+(?=[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]))*"
)
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"}


# The project as parsed at the start of the current build; every event of the build (and
# of its inner per-language builds) reads the pages from it instead of parsing them again.
_current: Project | None = None
# Its problems, for the banners of the preview (make serve).
_problems: list[Problem] = []


def _project(config) -> Project:
    return _current or Project(Path(config.config_file_path).resolve().parent)


def on_config(config):
    """ "Edit this page" leads to the repository named once, in extra.repository."""
    if config.extra.get("repository") and not config.edit_uri:
        config.edit_uri = config.extra["repository"].rstrip("/") + "/edit/main/docs/"
    return config


def on_pre_build(config) -> None:
    global _current, _problems
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner per-language build: the checks already ran for this build
    _current = project = Project(Path(config.config_file_path).resolve().parent)
    _problems = problems = run_checks(project)
    for problem in problems:
        log.warning("\n".join(problem.format_all(project.root)))  # with what follows from it, indented
    if problems:
        log.warning(summary(problems, len(project.markdown_files)))


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    done = finish_site(_project(config), site, [str(path) for path in (*config.extra_css, *config.extra_javascript)], live_reload=_serving)
    log.debug("search indexes: " + "; ".join(f"{lang} {sum(n.values())} entries in {len(n)} files" for lang, n in done["search"].items()))
    log.debug(f"downloads: {len(done['downloads'])} files")
    for path, before, after in done["stylesheet"]:
        log.debug(f"{path.name}: {before} → {after} bytes without unused features (edition/css_diet.py)")
    log.debug(f"content-security-policy: {done['csp']} pages")


_serving = False  # `mkdocs serve` injects a live-reload script no hash can match (edition.csp)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_page_context(context, page, config, nav):
    """The date of the page's last commit, shown at its foot (none outside a git checkout)."""
    docs = Path(config["docs_dir"]).resolve()
    page.meta["last_updated"] = last_commit_dates(docs).get(Path(page.file.abs_src_path).resolve(), "")
    return context


@functools.cache
def last_commit_dates(folder: Path) -> dict[Path, str]:
    """The date of the last commit of every file under a folder: the same one `git log` that
    gives citations their version (edition/citation.py), read once per build."""
    return {path: day for path, (_, day) in page_versions(folder).items()}


def on_page_markdown(markdown: str, page, config, files) -> str:
    path = Path(page.file.abs_src_path)
    project = _project(config)
    report = report_for_page(project, path)
    markdown = expand_source_fields(markdown, project, report, lambda message: log.warning(f"{page.file.src_uri}: {message}"))
    if not page.meta.get("description"):
        page.meta["description"] = description(markdown, path)
    if "{{" not in markdown:
        return markdown
    lang = language_of(path)

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in GENERATORS or report is None:
            log.warning(f"{page.file.src_uri}: unknown directive {{{{ {name} }}}} (known: {', '.join(GENERATORS)})")
            return match.group(0)
        return GENERATORS[name](project, report, lang)

    expanded = re.sub(DIRECTIVE.pattern, expand, markdown, flags=re.M)
    return expand_source_fields(expanded, project, report, lambda message: log.warning(f"{page.file.src_uri}: {message}"))  # {{ fulltext }} brings the cover's


def on_page_content(html: str, page, config, files) -> str:
    path = Path(page.file.abs_src_path)
    lang = language_of(path)
    project = _project(config)
    if preview_mode():
        html = banner(problems_of_page(_problems, path, project.root, project.docs), project.root, lang) + html
    report = project.report_of(path)
    base = "" if path.name.split(".")[0] == "index" else "../"
    if report is not None:
        html = link_paragraphs(html, base, lang) + citation_data(report, lang, path, repository(project.root))
    elif "data-cite=" in html and (holder := report_for_page(project, path)) is not None:  # the side-by-side rows
        html += citation_data(holder, lang, path, repository(project.root))
    if report is not None:
        zh_page = project.page(counterpart(path, DEFAULT_LANGUAGE))
        zh_blocks = {b.id: b.text for b in zh_page.blocks if b.id and b.is_text}
        html = mark_terms(html, zh_blocks, load_terms(report), lang, f"{base}glossary/")
    html = localise_ui(html, lang)
    if lang != "zh":
        return mark_chinese(html)
    if report is None or "〔" not in html:
        return html
    notes = report.data("editorial-notes.yml").get("restorations", [])
    return link_restorations(html, notes, base)


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
