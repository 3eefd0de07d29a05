"""The page's own words (its UI) in the page's language.

`localise_ui` puts the English wording into English pages where a setting can give only one
wording for the whole site (mkdocs.yml's `permalink_title`, which Python-Markdown writes into
every heading of both languages).

`ui_strings` and `foreign_ui` say what the reader is told by the page rather than by the
report: the attributes a browser or screen reader shows or reads (title, aria-label,
placeholder, alt), the text of buttons, and the text of the page's chrome (header, navigation,
search, footer). Left out: anything inside an element whose `lang` is not the page's (the
404 page speaks both languages on purpose; Chinese terms in English pages are marked), and
the deliberate links to the other language (`hreflang`, the language selector).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..model.text import foreign_words

# Wordings that a site-wide setting writes in Chinese, and their English.
ENGLISH = {"本节链接": "Link to this section"}

ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")
# The theme's chrome, and the edition's own words inside the content: the notice at the
# top, the page date, the tools under the title and each paragraph, the contents lists,
# the side-by-side rows' labels, tools and section jumps (not their notes: text).
CHROME = re.compile(
    r"\b(md-header|md-nav|md-search|md-footer|md-top|md-tabs|translation-notice|last-updated|page-tools|para-links"
    r"|edition-contents|parallel-source|parallel-lang|parallel-tools|parallel-jumps|parallel-head)\b"
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A half-width mark after a Chinese character in Chinese UI text: "最后更新:" for "最后更新：".
HALF_WIDTH_AFTER_HAN = re.compile(r"[\u3400-\u9fff][:;,?!()]")


# The theme's Chinese words followed by a half-width colon (the footer's links to the
# previous and next pages), and the full-width colon Chinese takes.
THEME_COLONS = re.compile(r"(上一页|下一页): ")


def theme_punctuation(html: str) -> str:
    """A built Chinese page with the theme's Chinese words punctuated in Chinese (Material
    writes "上一页: …" in its footer links' names); other pages as they are."""
    head = html[:500]
    if 'lang="zh' not in head:
        return html
    return THEME_COLONS.sub(r"\1：", html)


def localise_ui(html: str, lang: str) -> str:
    """Replace the site-wide Chinese wordings of a non-Chinese page's title attributes."""
    if lang == "zh":
        return html
    for chinese, english in ENGLISH.items():
        html = html.replace(f'title="{chinese}"', f'title="{english}"')
    return html


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_lang = ""
        self.stack: list[tuple[str, bool, bool, bool]] = []  # tag, foreign, chrome, button
        self.found: list[tuple[int, str, str]] = []  # (line, where, text)
        self.ids: set[str] = set()  # a UI string may name an element of the page by its id

    def _state(self) -> tuple[bool, bool, bool]:
        # Each entry holds its element's own state, its parents' taken into account.
        if not self.stack:
            return False, False, False
        _tag, foreign, chrome, button = self.stack[-1]
        return foreign, chrome, button

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page_lang = values.get("lang", "")
            return
        if values.get("id"):
            self.ids.add(values["id"])
        lang = values.get("lang")
        parent_foreign, parent_chrome, parent_button = self._state()
        # lang is inherited, and an element may mark its own: a side-by-side row's label,
        # marked with the page's language inside the row's cell of the other, speaks the
        # page's language. The links to the other language are foreign whatever their lang.
        foreign = (not _same_language(lang, self.page_lang)) if lang is not None else parent_foreign
        foreign = foreign or "hreflang" in values or "md-select" in values.get("class", "")
        if not foreign and tag not in ("script", "style"):
            line = self.getpos()[0]
            for name in ATTRIBUTES:
                if values.get(name, "").strip():
                    self.found.append((line, f"<{tag} {name}>", values[name].strip()))
        if tag in VOID:
            return
        chrome = bool(CHROME.search(values.get("class", ""))) or tag in ("header", "footer")
        self.stack.append((tag, foreign or tag in ("script", "style"), chrome or parent_chrome, tag == "button" or parent_button))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        foreign, chrome, button = self._state()
        if foreign or not data.strip() or not (chrome or button):
            return
        self.found.append((self.getpos()[0], "<button> text" if button else "page chrome", " ".join(data.split())))


def _same_language(lang: str, page_lang: str) -> bool:
    return lang.split("-")[0].lower() == page_lang.split("-")[0].lower()


def ui_strings(html: str) -> tuple[str, list[tuple[int, str, str]], set[str]]:
    """The page's language, its UI strings (line, where, text) and its element ids."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.page_lang, collector.found, collector.ids


def foreign_ui(html: str) -> list[str]:
    """UI strings not in the page's language (on a Chinese page: a Latin word, or half-width
    punctuation after a Chinese character), as "line: where: text"."""
    lang, strings, ids = ui_strings(html)
    wrong = []
    for line, where, text in strings:
        # The page's own ids (p-1-1 in "引用 p-1-1") are names, not words.
        words = " ".join(w for w in re.split(r"[\s:：,，]+", text) if w not in ids) if lang.startswith("zh") else text
        if foreign_words(words, lang) or (lang.startswith("zh") and HALF_WIDTH_AFTER_HAN.search(text)):
            wrong.append(f"{line}: {where}: {text}")
    return wrong
