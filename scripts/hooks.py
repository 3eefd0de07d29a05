"""MkDocs hooks of the edition: the same checks and generators the CLI uses.

- on_pre_build: run every content check once per build (mkdocs-static-i18n builds each
  language again inside the first build; those inner builds are skipped) and log each
  problem as a warning, so that `mkdocs build --strict` fails and `mkdocs serve` shows it;
- on_page_context: the date of each page's last commit (git), shown at its foot;
- on_page_markdown: give each page a meta description in its language (its first
  paragraph) and expand `{{ glossary }}`-style directives from the report's data;
- on_post_build: write the search indexes, one per language and report (after
  mkdocs-static-i18n has written it: its on_post_build runs at priority -100), and write
  the downloads (aligned corpus, full texts, key figures, source) into the site;
- on_page_content: give each report paragraph its permalink and side-by-side link, mark
  glossary terms in the English text with tooltips, link
  the editor's 〔…〕 restorations to their notes (Chinese pages) and mark Chinese words
  inside English pages with lang="zh-Hans".
"""

from __future__ import annotations

import functools
import json
import logging
import re
import subprocess
import sys
from html import escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.plugins import event_priority  # noqa: E402

from edition.blocks import DIRECTIVE  # noqa: E402
from edition.checks import run_checks  # noqa: E402
from edition.downloads import write_downloads  # noqa: E402
from edition.generate import GENERATORS, description, report_for_page  # noqa: E402
from edition.glossary import load_terms  # noqa: E402
from edition.problems import summary  # noqa: E402
from edition.project import DEFAULT_LANGUAGE, LANGUAGES, Project, counterpart, language_of  # noqa: E402
from edition.search_index import write_search_indexes  # noqa: E402
from edition.text import RESTORATION  # noqa: E402
from edition.tooltips import add_tooltips  # noqa: E402

log = logging.getLogger("mkdocs.plugins.edition")

PARAGRAPH = re.compile(r'(<p id="(p-[\w-]+)"[^>]*>)(.*?)(</p>)', re.S)
TOKEN = re.compile(r"(<[^>]+>)")
CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff][\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef·]*")
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col"}


# The project as parsed at the start of the current build; every event of the build (and
# of its inner per-language builds) reads the pages from it instead of parsing them again.
_current: Project | None = None


def _project(config) -> Project:
    return _current or Project(Path(config.config_file_path).resolve().parent)


def on_pre_build(config) -> None:
    global _current
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner per-language build: the checks already ran for this build
    _current = project = Project(Path(config.config_file_path).resolve().parent)
    problems = run_checks(project)
    for problem in problems:
        log.warning(problem.format(project.root))
    if problems:
        log.warning(summary(problems, len(project.markdown_files)))


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
    import jieba  # Material's search plugin has loaded its dictionary already

    counts = write_search_indexes(_project(config), Path(config.site_dir), DEFAULT_LANGUAGE, others, jieba.cut)
    log.info("search indexes: " + "; ".join(f"{lang} {sum(n.values())} entries in {len(n)} files" for lang, n in counts.items()))
    written = write_downloads(_project(config), Path(config.site_dir))
    log.info(f"downloads: {len(written)} files")


def on_page_context(context, page, config, nav):
    """The date of the page's last commit, shown at its foot (none outside a git checkout)."""
    docs = Path(config["docs_dir"]).resolve()
    page.meta["last_updated"] = last_commit_dates(docs).get(Path(page.file.abs_src_path).resolve(), "")
    return context


@functools.cache
def last_commit_dates(folder: Path) -> dict[Path, str]:
    """The date of the last commit of every file under a folder, from one `git log` (one
    per page took seconds once there were a thousand pages: make bench-scale)."""
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10)
        log = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-only", "--", "."],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if top.returncode != 0 or log.returncode != 0:
        return {}
    root = Path(top.stdout.strip()).resolve()
    dates: dict[Path, str] = {}
    for commit in log.stdout.split("\0")[1:]:
        day, *names = commit.strip().split("\n")
        for name in names:
            dates.setdefault(root / name, day)  # newest first: the first date seen is the last commit
    return dates


def on_page_markdown(markdown: str, page, config, files) -> str:
    path = Path(page.file.abs_src_path)
    if not page.meta.get("description"):
        page.meta["description"] = description(markdown, path)
    if "{{" not in markdown:
        return markdown
    project = _project(config)
    report = report_for_page(project, path)
    lang = language_of(path)

    def expand(match: re.Match) -> str:
        name = match.group(1)
        if name not in GENERATORS or report is None:
            log.warning(f"{page.file.src_uri}: unknown directive {{{{ {name} }}}} (known: {', '.join(GENERATORS)})")
            return match.group(0)
        return GENERATORS[name](project, report, lang)

    return re.sub(DIRECTIVE.pattern, expand, markdown, flags=re.M)


def on_page_content(html: str, page, config, files) -> str:
    path = Path(page.file.abs_src_path)
    lang = language_of(path)
    project = _project(config)
    report = project.report_of(path)
    base = "" if path.name.split(".")[0] == "index" else "../"
    if report is not None:
        html = link_paragraphs(html, base, lang) + citation_data(report, lang)
    if report is not None and lang != "zh":
        zh_page = project.page(counterpart(path, DEFAULT_LANGUAGE))
        zh_blocks = {b.id: b.text for b in zh_page.blocks if b.id and b.is_text}
        html = add_tooltips(html, zh_blocks, load_terms(report), f"{base}glossary/")
    if lang != "zh":
        return mark_chinese(html)
    if report is None or "〔" not in html:
        return html
    notes = report.data("editorial-notes.yml").get("restorations", [])
    return link_restorations(html, notes, base)


def citation_data(report, lang: str) -> str:
    """What the Cite dialog (docs/assets/javascripts/edition.js) formats, from report.yml."""
    keys = ("title_zh", "title_en", "issuer_zh", "issuer_en", "edition_zh", "edition_en", "translation_licence")
    data = {key: str(report.config.get(key, "")) for key in keys}
    data.update(slug=report.slug, published=str(report.config["published"]), translated=str(report.config.get("translated", "")), lang=lang)
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="edition-citation">{payload}</script>'


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
