"""The edition's build pipeline, apart from the site generator: before, and after, the build.

    prebuild(root, out)    the content checks, then a copy of docs/ in out/docs/ with every
                           `{{ … }}` directive expanded and each page's meta description
                           and last-commit date in its front matter: Markdown that any
                           generator (MkDocs, Zensical) only has to convert;
    postbuild(root, site)  the HTML work of the written pages (paragraph links, citation
                           data, term marks, lang spans, restoration links), then
                           finish_site: the search indexes per language and report, the
                           downloads, hints.json, the stylesheet diet, minified assets,
                           the Content-Security-Policy and, last, the offline worker
                           (as on_post_build).

Both steps call the same plain functions as the MkDocs hooks (scripts/hooks.py, now a thin
adapter over them): edition/generators/page_markdown.py's page_markdown and last_updated for each
page's Markdown, edition/passes/page_html.py's page_html for each written page's body, and
finish_site below. So both builds run the same code, and this module needs no MkDocs.

    python scripts/pipeline.py prebuild [--root .] [--out build]
    python scripts/pipeline.py postbuild SITE_DIR [--root .]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path
from typing import Any

from ..checks import run_checks
from ..generators.page_markdown import edition_version, last_updated, page_markdown
from ..model.problems import Problem, summary
from ..model.project import DEFAULT_LANGUAGE, LANGUAGES, Project, counterpart
from ..passes.page_html import page_html

# Where a page's converted Markdown starts and ends in the written HTML. The prebuild puts
# these comments around each page's body; Python-Markdown passes comments through, but
# appends the footnotes after the end mark: the region takes them in, as MkDocs'
# on_page_content sees them. The postbuild works on the region, then removes both marks.
CONTENT_START = "<!-- edition:content -->"
CONTENT_END = "<!-- /edition:content -->"
CONTENT = re.compile(
    re.escape(CONTENT_START) + r"(.*?)" + re.escape(CONTENT_END) + r'(\s*<div class="footnote">.*?</ol>\s*</div>)?',
    re.S,
)
# Python-Markdown wraps a lone comment line in nothing, but may leave it inside a <p>.
WRAPPED_MARK = re.compile(r"<p>\s*(" + re.escape(CONTENT_START) + "|" + re.escape(CONTENT_END) + r")\s*</p>")


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter lines without the --- fences, body); no front matter gives ("", text)."""
    lines = text.removeprefix("\ufeff").split("\n")
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return "\n".join(lines[1:end]), "\n".join(lines[end + 1 :])
    return "", text


def prebuilt_markdown(project: Project, path: Path) -> str:
    """A page's Markdown as the generator should see it: directives expanded, the meta
    description and last-commit date added to its front matter, the body between marks."""
    front, body = split_front_matter(path.read_text(encoding="utf-8"))
    meta = project.page(path).front_matter
    src_uri = path.relative_to(project.docs).as_posix()
    body, gained = page_markdown(project, path, body, lambda message: print(f"{src_uri}: {message}", file=sys.stderr), meta)
    gained["last_updated"] = last_updated(project.docs, path)
    gained["edition"] = edition_version(project, path)
    added = {key: gained[key] for key in ("description", "last_updated", "edition") if gained.get(key) and key not in meta}
    # JSON strings are YAML strings: quotes, colons and Chinese survive as written.
    extra = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in added.items())
    front = "\n".join(part for part in (front, extra) if part)
    head = f"---\n{front}\n---\n\n" if front else ""
    return f"{head}{CONTENT_START}\n\n{body.strip()}\n\n{CONTENT_END}\n"


def prebuild(root: Path, out: Path) -> list[Problem]:
    """Run the checks; write out/docs/ (a generator-ready copy of docs/). The problems are
    returned (and the copy written all the same, so that a preview shows the rest)."""
    project = Project(root)
    problems = run_checks(project)
    docs = out / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    for source in sorted(project.docs.rglob("*")):
        rel = source.relative_to(project.docs)
        if source.is_dir() or any(part.startswith(".") for part in rel.parts):
            continue
        target = docs / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".md":
            target.write_text(prebuilt_markdown(project, source), encoding="utf-8")
        else:
            shutil.copy2(source, target)
    return problems


def page_source(project: Project, site_dir: Path, html_path: Path) -> Path | None:
    """The Markdown page a written HTML page was built from (suffix layout: /en/x/ is
    docs/x.en.md), or None for pages of the theme (404, search)."""
    rel = html_path.relative_to(site_dir).parts
    lang = DEFAULT_LANGUAGE
    if rel and rel[0] in LANGUAGES and rel[0] != DEFAULT_LANGUAGE:
        lang, rel = rel[0], rel[1:]
    stem = "/".join(rel[:-1]) or "index"
    for name in (f"{stem}.md", f"{stem}/index.md"):
        path = project.docs / name
        if path.exists():
            return counterpart(path, lang) if lang != DEFAULT_LANGUAGE else path
    return None


def postbuild_pages(project: Project, site_dir: Path) -> int:
    """Apply page_html to each written page's marked content; return the pages done."""
    done = 0
    for html_path in sorted(site_dir.rglob("index.html")):
        html = html_path.read_text(encoding="utf-8")
        if CONTENT_START not in html:
            continue
        source = page_source(project, site_dir, html_path)
        if source is None or not source.exists():
            raise ValueError(f"{html_path}: no Markdown page in {project.docs} for it")
        html = WRAPPED_MARK.sub(r"\1", html)
        region = CONTENT.search(html)
        if region is None:
            raise ValueError(f"{html_path}: {CONTENT_START} without {CONTENT_END}: the page was not built from the prebuild's copy")
        # No preview banners: the Zensical build refuses to run on problems (edition/adapters/zensical.py).
        content = page_html(project, source, region.group(1) + (region.group(2) or ""))
        html = html[: region.start()] + content + html[region.end() :]
        html_path.write_text(html, encoding="utf-8")
        done += 1
    return done


def combined_search_index(site_dir: Path, others: list[str]) -> bool:
    """Whether the site root's lunr index still holds other languages' pages: splitting an
    index already split would leave the other languages with an empty one."""
    from ..passes.search_index import INDEX

    index = site_dir / INDEX
    if not index.exists():
        return False
    docs = json.loads(index.read_text(encoding="utf-8")).get("docs", [])
    return any(doc.get("location", "").split("/", 1)[0] in others for doc in docs)


def finish_site(
    project: Project, site_dir: Path, assets: list[str], *, search: bool = True, live_reload: bool = False, styles: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The site-wide work after the generator has written every page, in this order (the
    MkDocs hook on_post_build and the postbuild both call it):

    - `search`: replace the generator's combined lunr index (MkDocs') with one index per
      language and report (edition/passes/search_index.py; Chinese cut by jieba);
    - the downloads, each language's cite.json and hints.json (the Cite dialog's forms,
      the term hints' definitions) and sentence data (what the side-by-side view and the
      reading pages pair sentences by), each release's comparison with today's text (what
      a page opened from a citation of it shows), and the reference managers' tags in the head of
      each page of a report's text (edition/passes/reference_meta.py);
    - Material's stylesheet without unused features; the edition's own `assets`
      (extra_css, extra_javascript, relative to the site) minified; every page without
      the templates' indentation and the theme's invalid attributes (passes/valid_html.py);
    - the Content-Security-Policy of every page: it hashes each page's inline
      scripts as written (`live_reload`: `mkdocs serve` injects a script no hash matches;
      `styles`: <style> texts the theme's scripts insert, edition/passes/csp.py);
    - last, the service worker of offline reading, which lists every file with the hash of
      its final content (edition/passes/offline.py; in the preview, one that removes it).

    Returns what was done, by step."""
    from ..generators.downloads import write_downloads
    from ..generators.releases import write_release_comparisons
    from ..generators.sentence_data import write_sentence_data
    from ..passes.csp import add_csp
    from ..passes.css_diet import trim_material_stylesheet
    from ..passes.hints import write_definitions
    from ..passes.minify import compact_html, minify_assets, rewrite_pages
    from ..passes.offline import write_offline_worker
    from ..passes.reference_meta import add_reference_meta
    from ..passes.search_index import write_search_indexes
    from ..passes.ui_language import theme_punctuation
    from ..passes.valid_html import valid_theme_html

    result: dict[str, Any] = {}
    if search:
        import jieba  # in a MkDocs build, Material's search plugin has loaded its dictionary already

        others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
        result["search"] = write_search_indexes(project, site_dir, DEFAULT_LANGUAGE, others, jieba.cut)
    result["downloads"] = write_downloads(project, site_dir)
    result["sentences"] = write_sentence_data(project, site_dir)
    result["releases"] = write_release_comparisons(project, site_dir)
    result["reference_meta"] = add_reference_meta(project, site_dir)
    result["hints"] = write_definitions(project, site_dir, {lang: "" if lang == DEFAULT_LANGUAGE else lang for lang in LANGUAGES})
    result["stylesheet"] = trim_material_stylesheet(site_dir)
    # The stylesheets that only some pages link (tables of three columns, side by side) too.
    result["minified"] = minify_assets(site_dir, [*assets, "assets/tables.css", "assets/parallel.css"])
    # One pass over the pages: the theme's invalid attributes out, its Chinese words in
    # Chinese punctuation, the indentation out.
    result["compacted"] = rewrite_pages(site_dir, lambda html: compact_html(theme_punctuation(valid_theme_html(html))))
    result["csp"] = add_csp(site_dir, live_reload=live_reload, styles=styles)
    # Last: it lists every file a report needs offline with the hash of its final content.
    result["offline"] = write_offline_worker(project, site_dir, live_reload=live_reload)
    return result


def site_assets(root: Path) -> list[str]:
    """mkdocs.yml's extra_css and extra_javascript (paths in the site), as the hook reads
    them from MkDocs' config; a script given as a mapping names its `path`."""
    import yaml

    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    paths = []
    for item in [*config.get("extra_css", []), *config.get("extra_javascript", [])]:
        paths.append(item["path"] if isinstance(item, dict) else str(item))
    return paths


def postbuild(root: Path, site_dir: Path, search: bool = True, styles: tuple[str, ...] = ()) -> dict[str, Any]:
    """The HTML work on every written page, then the site-wide work of finish_site, as
    MkDocs' on_post_build does it (`search`: MkDocs' combined lunr index, if not replaced
    by per-language indexes yet). Running it twice changes nothing more. Returns what was
    done, in counts."""
    project = Project(root)
    result: dict[str, Any] = {"pages": postbuild_pages(project, site_dir)}
    others = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]
    done = finish_site(project, site_dir, site_assets(root), search=search and combined_search_index(site_dir, others), styles=styles)
    if "search" in done:
        result["search"] = sum(sum(counts.values()) for counts in done["search"].values())
    for key in ("downloads", "hints", "stylesheet", "minified", "compacted", "offline"):
        result[key] = len(done[key])
    result["csp"] = done["csp"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pipeline.py", description="The edition's steps before and after the site generator.")
    steps = parser.add_subparsers(dest="step", required=True)
    pre = steps.add_parser("prebuild", help="run the checks and write a generator-ready copy of docs/")
    pre.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    pre.add_argument("--out", type=Path, default=Path("build"), help="build folder; the pages go to OUT/docs (default: build)")
    post = steps.add_parser("postbuild", help="post-process a written site: paragraph links, term hints, search indexes, downloads, CSP")
    post.add_argument("site", type=Path, help="the written site folder")
    post.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    post.add_argument("--no-search-split", action="store_true", help="the generator already wrote one search index per language")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "docs").is_dir():
        print(f"{root}: no docs/ folder here: give the project folder", file=sys.stderr)
        return 2
    if args.step == "prebuild":
        problems = prebuild(root, args.out.resolve())
        for problem in problems:
            print(problem.format(root), file=sys.stderr)
        if problems:
            print(summary(problems, len(Project(root).markdown_files)), file=sys.stderr)
            return 1
        print(f"prebuild: {args.out / 'docs'} written")
        return 0
    if not args.site.is_dir():
        print(f"{args.site}: no such site folder: build the site first", file=sys.stderr)
        return 2
    try:
        result = postbuild(root, args.site.resolve(), search=not args.no_search_split)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 1
    print("postbuild: " + ", ".join(f"{key} {value}" for key, value in result.items()))
    return 0
