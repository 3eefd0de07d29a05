"""MkDocs hooks of the edition: a thin adapter from MkDocs' events to the edition's
generator-independent steps in scripts/edition/, which the Zensical build's pipeline
(edition/adapters/pipeline.py) calls too. The work is done there; here only what MkDocs alone
needs (its events, its logger, the project parsed once per build).

- on_config: "Edit this page" from the repository named in extra.repository;
- on_pre_build: run every content check once per build (mkdocs-static-i18n builds each
  language again inside the first build; those inner builds are skipped) and log each
  problem as a warning, so that `mkdocs build --strict` fails and `mkdocs serve` shows it;
- on_page_markdown: edition/generators/page_markdown.py's page_markdown: the source fields and
  `{{ glossary }}`-style directives expanded, a meta description in the page's language;
- on_page_context: edition/generators/page_markdown.py's last_updated: the date of the page's last
  commit (git), shown at its foot;
- on_page_content: edition/passes/page_html.py's page_html: paragraph links, citation data,
  term marks for hints, the theme's words localised, Chinese runs of English pages in
  lang="zh-Hans", restoration links of Chinese pages; in the preview, the problems' banner;
- on_post_template: each language's not-found page kept, at its language's root;
- on_post_build: edition/adapters/pipeline.py's finish_site, after mkdocs-static-i18n has written
  the site (its on_post_build runs at priority -100): the search indexes per language and
  report, the downloads, hints.json, the stylesheet diet, minified assets and the CSP.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs.plugins import event_priority  # noqa: E402

from edition.adapters.pipeline import finish_site  # noqa: E402
from edition.adapters.quiet import quiet_build  # noqa: E402
from edition.checks import run_checks  # noqa: E402
from edition.generators.page_markdown import edition_version, last_updated, page_markdown  # noqa: E402
from edition.model.problems import Problem, summary  # noqa: E402
from edition.model.project import Project  # noqa: E402
from edition.passes.page_html import page_html  # noqa: E402
from edition.passes.preview import preview_mode  # noqa: E402

log = logging.getLogger("mkdocs.plugins.edition")
quiet_build()  # before the plugins and jieba speak: see edition/adapters/quiet.py


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


# The not-found page as each language's build renders it: mkdocs-static-i18n writes every
# language's at the site's root, the last over the first. Each is kept, at its language's
# root (overrides/404.html: /404.html hands an address under /en/ to /en/404.html).
_not_found: dict[str, str] = {}


def on_post_template(output: str, template_name: str, config) -> str:
    i18n = config.plugins.get("i18n")
    if template_name == "404.html" and i18n is not None:
        _not_found[i18n.current_language] = output
    return output


@event_priority(-200)
def on_post_build(config) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    for lang, html in _not_found.items():
        folder = site if lang == i18n.default_language else site / lang
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "404.html").write_text(html, encoding="utf-8")
    _not_found.clear()
    done = finish_site(_project(config), site, [str(path) for path in (*config.extra_css, *config.extra_javascript)], live_reload=_serving)
    log.debug("search indexes: " + "; ".join(f"{lang} {sum(n.values())} entries in {len(n)} files" for lang, n in done["search"].items()))
    log.debug(f"downloads: {len(done['downloads'])} files")
    for path, before, after in done["stylesheet"]:
        log.debug(f"{path.name}: {before} → {after} bytes without unused features (edition/passes/css_diet.py)")
    log.debug(f"content-security-policy: {done['csp']} pages")


_serving = False  # `mkdocs serve` injects a live-reload script no hash can match (edition.csp)


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def on_page_context(context, page, config, nav):
    """The date of the page's last commit (none outside a git checkout) and the edition release
    it is part of, shown at its foot."""
    page.meta["last_updated"] = last_updated(Path(config["docs_dir"]), Path(page.file.abs_src_path))
    page.meta["edition"] = edition_version(_project(config), Path(page.file.abs_src_path))
    return context


def on_page_markdown(markdown: str, page, config, files) -> str:
    """Source fields and directives expanded; the meta description (edition/generators/page_markdown.py)."""
    markdown, added = page_markdown(
        _project(config), Path(page.file.abs_src_path), markdown, lambda message: log.warning(f"{page.file.src_uri}: {message}"), page.meta
    )
    page.meta.update(added)
    return markdown


def on_page_content(html: str, page, config, files) -> str:
    """Paragraph links, citation data, term marks, lang spans, restoration links; the preview's
    banner (edition/passes/page_html.py)."""
    return page_html(_project(config), Path(page.file.abs_src_path), html, problems=_problems, preview=preview_mode())
