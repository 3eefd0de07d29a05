"""Material's stylesheet without the features this site never uses.

Material ships one stylesheet for every feature it offers: content tabs, annotations, task
lists, code highlighting, blog posts, tags, cookie consent, a repository badge, a dozen
admonition types. On this site those rules style nothing, yet every reader downloads them:
about a quarter of the stylesheet. `trim` removes the selectors that name such a feature
(UNUSED) and the custom properties only they read, and leaves every other rule, in its order,
as Material wrote it. A test renders pages with Material's own stylesheet and with the trimmed
one and requires the same pixels; another proves that no built page uses a feature trimmed here.
"""

from __future__ import annotations

import re
from pathlib import Path

# Class names of features this site does not use (markdown extensions and theme features
# not enabled in mkdocs.yml, admonition types the pages do not use). "(?![\w-])" ends a
# class name: .cite is an admonition type, .cite-dialog is ours.
UNUSED_FEATURES = (
    r"tabbed-[\w-]+",  # pymdownx.tabbed
    r"md-annotation[\w-]*",
    r"annotate",
    r"mermaid",
    r"task-list[\w-]*",
    r"md-tabs[\w-]*",  # navigation.tabs
    r"md-source[\w-]*",  # repo_url
    r"md-social[\w-]*",
    r"md-consent[\w-]*",
    r"md-banner[\w-]*",
    r"md-announce[\w-]*",
    r"md-version[\w-]*",
    r"md-status[\w-]*",
    r"md-feedback[\w-]*",
    r"md-tags?[\w-]*",
    r"md-post[\w-]*",  # the blog plugin
    r"md-profile[\w-]*",
    r"md-author[\w-]*",
    r"critic[\w-]*",
    r"arithmatex",
    r"katex[\w-]*",
    r"keys",  # pymdownx.keys
    r"twemoji|emojione|gemoji",
    r"highlight|highlighttable|hll|linenos|linenodiv|filename",  # pymdownx.highlight
    r"grid|cards?",  # grid cards
    # Admonition types other than note and info (the pages use those two) and failure (the
    # red banner of the preview, edition/passes/preview.py).
    r"abstract|summary|tldr|todo|tip|hint|important|success|check|done|question|help|faq",
    r"warning|caution|attention|fail|missing|danger|error|bug|example|quote|cite",
)
UNUSED = re.compile(r"\.(?:" + "|".join(UNUSED_FEATURES) + r")(?![\w-])")
UNUSED_PROPERTIES = re.compile(r"--md-(?:admonition-icon--(?!note\b|info\b|failure\b)[\w-]+|tasklist-icon[\w-]*|status[\w-]*|tag-icon[\w-]*|annotation[\w-]*)")


def trim(css: str) -> str:
    """The stylesheet without the rules and custom properties of UNUSED features."""
    return "".join(_trim_block(css))


def _trim_block(css: str):
    i = 0
    while i < len(css):
        brace = _find(css, "{", i)
        if brace < 0:
            yield css[i:]
            return
        prelude = css[i:brace]
        statement = max(prelude.rfind(";"), prelude.rfind("}"))
        if statement >= 0 and _find(prelude, ";", 0) >= 0:  # @charset "…"; @import …; before the rule
            yield prelude[: statement + 1]
            prelude = prelude[statement + 1 :]
        end = _matching(css, brace)
        body = css[brace + 1 : end]
        i = end + 1
        head = prelude.strip()
        if head.startswith(("@media", "@supports", "@layer", "@container")):
            inner = "".join(_trim_block(body))
            if inner.strip():
                yield f"{prelude}{{{inner}}}"
        elif head.startswith("@"):
            yield f"{prelude}{{{body}}}"
        else:
            selectors = [s for s in _split(prelude, ",") if not UNUSED.search(s)]
            if not selectors:
                continue
            if "--md-" in body:
                body = ";".join(d for d in _split(body, ";") if not UNUSED_PROPERTIES.match(d.strip()))
            yield f"{','.join(selectors)}{{{body}}}"


def _find(css: str, char: str, start: int) -> int:
    """The next `char` outside quotes and parentheses (a data: URL may hold anything)."""
    quote, depth, j = "", 0, start - 1
    while j + 1 < len(css):
        j += 1
        c = css[j]
        if quote:
            if c == "\\":
                j += 1  # an escaped character, whatever it is
            elif c == quote:
                quote = ""
        elif c in "\"'":
            quote = c
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == char and depth == 0:
            return j
    return -1


def _matching(css: str, brace: int) -> int:
    depth = 0
    j = brace
    while j < len(css):
        nxt = min((k for k in (_find(css, "{", j), _find(css, "}", j)) if k >= 0), default=-1)
        if nxt < 0:
            raise ValueError(f"unbalanced braces after character {brace}")
        depth += 1 if css[nxt] == "{" else -1
        if depth == 0:
            return nxt
        j = nxt + 1
    raise ValueError(f"unbalanced braces after character {brace}")


def _split(text: str, sep: str) -> list[str]:
    parts, start = [], 0
    while (at := _find(text, sep, start)) >= 0:
        parts.append(text[start:at])
        start = at + 1
    parts.append(text[start:])
    return parts


def trim_material_stylesheet(site: Path) -> list[tuple[Path, int, int]]:
    """Trim Material's main stylesheet in a built site, in place: (file, bytes before, after)."""
    done = []
    for path in sorted((site / "assets" / "stylesheets").glob("main.*.min.css")):
        css = path.read_text(encoding="utf-8")
        trimmed = trim(css)
        path.write_text(trimmed, encoding="utf-8")
        done.append((path, len(css), len(trimmed)))
    return done
