"""Language: what a page shows in its chrome is in the page's language.

A page's title (front matter) and its headings are shown outside its text: in the browser's
tab, the navigation and the table of contents, where a reader of the English finds no
Chinese, and a reader of the Chinese no English word (formats such as PDF aside); so are
the English nav titles of mkdocs.yml (`nav_translations`). The built pages are read for the
same rule by the tests (tests/test_page_language.py, `foreign_ui`); here it is decided from
the Markdown, with file and line, in the second `make check` takes. Chinese a heading of an
English page must show goes in a lang span: `<span lang="zh-Hans">…</span>`. A text the
importer left to translate is named by the `untranslated` check instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model.problems import Problem
from ..model.project import Project, language_of
from ..model.text import foreign_words, untranslated

NAME = "language"
MARKED = re.compile(r'<span lang="[^"]*">.*?</span>')
WORDS = {"zh": "an English word", "en": "Chinese"}


def check(project: Project) -> Iterator[Problem]:
    for path in project.markdown_files:
        if not project.readable(path):
            continue
        lang, page = language_of(path), project.page(path)
        title = str(page.front_matter.get("title", ""))
        if (found := foreign_words(title, lang)) and not untranslated(title):
            lines = path.read_text(encoding="utf-8").split("\n")
            line = next((n for n, text in enumerate(lines, 1) if text.startswith("title:")), 1)
            yield Problem(path, line, NAME, f'the page\'s title "{title}" has {WORDS[lang]} ({found}): it shows in the browser tab and the navigation')
        for block in page.blocks:
            if block.kind != "heading" or untranslated(block.text):
                continue
            if found := foreign_words(MARKED.sub("", block.text), lang):
                fix = 'translate it, or mark it <span lang="zh-Hans">…</span>' if lang == "en" else "write it in Chinese"
                yield Problem(path, block.line, NAME, f'heading #{block.id} "{block.text}" has {WORDS[lang]} ({found}), shown in the table of contents: {fix}')
    config = project.root / "mkdocs.yml"
    if config.exists():
        yield from _nav_titles(config)


NAV_TRANSLATION = re.compile(r'^\s+(.+?):\s*"?(.*?)"?\s*$')


def _nav_titles(config) -> Iterator[Problem]:
    """The English nav titles (the English language's nav_translations) hold no Chinese."""
    inside, indent = False, 0
    for number, line in enumerate(config.read_text(encoding="utf-8").split("\n"), 1):
        if line.strip() == "nav_translations:":
            inside, indent = True, len(line) - len(line.lstrip())
            continue
        if inside and (not line.strip() or len(line) - len(line.lstrip()) <= indent):
            inside = False
        match = NAV_TRANSLATION.match(line) if inside else None
        if match and not untranslated(match.group(2)) and (found := foreign_words(match.group(2), "en")):
            yield Problem(config, number, NAME, f"the English nav title of {match.group(1)} has Chinese ({found}): translate it")
