"""The edition built with Zensical (and zensical-i18n) instead of MkDocs: `make build-zensical`.

    prebuild (edition.pipeline) → zensical-i18n build --strict → postbuild (edition.pipeline)

Zensical reads mkdocs.yml but runs no hooks: the build folder gets the pipeline's
generator-ready pages and a copy of mkdocs.yml adapted here (ZENSICAL_ONLY says why each
change). Zensical runs in its own virtual environment (.venv-zensical, from
requirements-zensical.txt), as its dependencies are pinned apart from MkDocs'.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

from ..model.problems import summary
from ..model.project import Project
from ..passes.minify import rewrite_pages
from .pipeline import postbuild, prebuild

# CDN copies that Zensical 0.0.73's own JavaScript bundle names, for features this site
# does not use (runnable Python, code editor, image lightbox, diagrams). Its privacy plugin
# flags them; pinned to the versions of that bundle, so that a new Zensical release naming
# another file fails the strict build until someone looks. The browser test
# (tests/test_zensical.py) proves that no page requests them.
BUNDLE_CDN = [
    "unpkg.com/pyodide@314.0.2/*",
    "unpkg.com/ace-builds@1.44.0/*",
    "unpkg.com/glightbox@3/*",
    "unpkg.com/mermaid@12/*",
]

# What the Zensical copy of mkdocs.yml changes, and why.
ZENSICAL_ONLY = {
    "hooks": "removed: Zensical runs no hooks; the pipeline's prebuild and postbuild do their work",
    "docs_dir": "the prebuild's pages (directives expanded), in the build folder",
    "site_dir": "inside the build folder (zensical-i18n refuses any other); moved out after",
    "theme.custom_dir": "the project's overrides/, by absolute path",
    "theme.variant": (
        "classic: Material's look, which edition.css is written for (Zensical's default, "
        "modern, sets the footer light, and the copyright line the edition darkens for "
        "Material's dark footer fell to 1.77:1 contrast)"
    ),
    "validation.invalid_links": (
        "off: Zensical takes the downloadable Markdown files (files/x.zh.md) that the downloads "
        "table links to for pages, and the postbuild writes them only after the build; the "
        "edition's own `links` check, run by the prebuild, checks every link and anchor"
    ),
    "plugins.privacy.assets_exclude": "plus Zensical's bundle CDN names (BUNDLE_CDN)",
}

# Any network request of the build goes to a closed loopback port, and fails at once: the
# build must not depend on the network, and the privacy plugin must not fetch.
OFFLINE = {"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9", "ALL_PROXY": "http://127.0.0.1:9", "NO_PROXY": ""}


# Zensical's search dialog inserts a <style> element into its shadow root, its text a
# string constant of the bundle (`h("style", {}, NAME.toString())`, NAME = '…'). The
# edition's Content-Security-Policy admits inline styles by hash only (edition/passes/csp.py):
# the postbuild hashes this text. If a release writes it otherwise, nothing is found here
# and the browser tests (tests/test_zensical.py) fail on the refused style.
INSERTED_STYLE = re.compile(r"""\("style",\{\},([\w$]+)\.toString\(\)\)""")


def bundle_styles(site_dir: Path) -> tuple[str, ...]:
    """The text of each <style> element that the theme's bundle inserts (see INSERTED_STYLE)."""
    styles = set()
    for bundle in site_dir.glob("**/assets/javascripts/bundle.*.min.js"):  # each language site has its copy
        script = bundle.read_text(encoding="utf-8")
        for name in INSERTED_STYLE.findall(script):
            constant = re.search(r"\b" + re.escape(name) + r"""='([^'\\]*)'""", script)
            if constant:
                styles.add(constant.group(1))
    return tuple(sorted(styles))


# zensical-i18n names its language button "Select language (en)" while the button shows
# "EN": axe-core's label-content-name-mismatch (WCAG 2.5.3, a speech user says what they
# see) does not find the shown text in the name with the parentheses around it. The same
# words as "Select language: en" pass; the theme's wording is kept.
LANGUAGE_BUTTON = re.compile(r'(<button class="[^"]*\bmd-i18n__button\b[^"]*" aria-label="[^"]*?) \(([\w-]+)\)"')


def name_language_button(site_dir: Path) -> int:
    """Rename the language button of every page (LANGUAGE_BUTTON); return on how many."""
    return len(rewrite_pages(site_dir, lambda html: LANGUAGE_BUTTON.sub(r'\1: \2"', html)))


class BuildError(Exception):
    """The Zensical build failed; the message says where."""


def zensical_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml as Zensical should read it from the build folder (see ZENSICAL_ONLY)."""
    config_path = root / "mkdocs.yml"
    try:
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise BuildError(f"{config_path}:{mark.line + 1 if mark else 1}: malformed YAML: {getattr(error, 'problem', error)}") from None
    config.pop("hooks", None)
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["theme"]["custom_dir"] = str((root / config["theme"].get("custom_dir", "overrides")).resolve())
    config["theme"]["variant"] = "classic"
    config["validation"] = {"invalid_links": False, "invalid_link_anchors": True}
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "privacy" in plugin:
            options = plugin["privacy"] or {}
            options["assets_exclude"] = [*options.get("assets_exclude", []), *BUNDLE_CDN]
            plugin["privacy"] = options
    return config


def zensical_command(venv: Path) -> list[str]:
    return [str(venv / "bin" / "zensical-i18n"), "build", "--strict"]


def build(root: Path, site_dir: Path, build_dir: Path, venv: Path) -> dict[str, Any]:
    """Build the site with Zensical into site_dir; return the steps' times and counts."""
    times: dict[str, Any] = {}
    start = time.perf_counter()
    problems = prebuild(root, build_dir)
    if problems:
        lines = [p.format(root) for p in problems]
        raise BuildError("\n".join([*lines, summary(problems, len(Project(root).markdown_files))]))
    config = zensical_config(root)
    (build_dir / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    times["prebuild_s"] = round(time.perf_counter() - start, 3)
    command = zensical_command(venv)
    if not Path(command[0]).exists():
        raise BuildError(f"{command[0]} not found: run `make setup-zensical` (installs requirements-zensical.txt)")
    start = time.perf_counter()
    env = {**os.environ, **OFFLINE, "NO_COLOR": "1"}
    result = subprocess.run(command, cwd=build_dir, env=env, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise BuildError(f"zensical-i18n build failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    times["zensical_s"] = round(time.perf_counter() - start, 3)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.move(build_dir / "site", site_dir)
    start = time.perf_counter()
    times["language_buttons"] = name_language_button(site_dir)
    # zensical-i18n builds each language as a site of its own: one search index each already.
    try:
        done = postbuild(root, site_dir, search=False, styles=bundle_styles(site_dir))
    except ValueError as error:  # a written page that no Markdown page accounts for
        raise BuildError(str(error)) from None
    times["postbuild_s"] = round(time.perf_counter() - start, 3)
    return {**times, **done}


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="build_zensical.py", description="Build the edition with Zensical.")
    parser.add_argument("--root", type=Path, default=Path("."), help="project folder (default: .)")
    parser.add_argument("--site", type=Path, default=Path("site-zensical"), help="where the site goes (default: site-zensical)")
    parser.add_argument("--build", type=Path, default=Path("build"), help="build folder (default: build)")
    parser.add_argument("--venv", type=Path, default=Path(".venv-zensical"), help="Zensical's virtual environment")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    try:
        result = build(root, args.site.resolve(), args.build.resolve(), args.venv.resolve())
    except BuildError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"site-zensical: {args.site} ({', '.join(f'{k} {v}' for k, v in result.items())})")
    return 0
