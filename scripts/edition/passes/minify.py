"""The edition's own stylesheet and scripts as the browser gets them: without comments and
indentation (a third of their gzip size; they are written to be read, in docs/assets/).
And every page without the indentation and blank lines the theme's templates leave
(compact_html: some 3% of a page's gzip size).

Only whole-line `//` comments and `/* … */` CSS comments are removed, and each line is
stripped: safe for code that, like ours, keeps no comment marks inside strings. A comment
at the end of a line of code stays. A stylesheet is also made one line, without the blanks
around its punctuation (CSS_BLANKS).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# An element whose text is kept as written, or a line break and the blank (ASCII) space
# after it: the break stays, so text and inline elements are spaced as before.
VERBATIM_OR_INDENT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)|\n[ \t\r\n]+", re.S | re.I)


# Blanks around the marks that end or separate CSS's parts ({ } ; , >) and after a colon
# that starts a value. Safe for stylesheets like ours, whose strings hold none of these
# marks next to a blank; the descendant combinator (a blank alone) and the blank before a
# pseudo-class (a :is()) are kept.
CSS_BLANKS = re.compile(r"\s*([{};,>])\s*|(:)\s+")


def minify_css(css: str) -> str:
    lines = (line.strip() for line in CSS_COMMENT.sub("", css).splitlines() if line.strip())
    return CSS_BLANKS.sub(lambda m: m.group(1) or m.group(2), " ".join(lines))


def minify_js(js: str) -> str:
    return "\n".join(line.strip() for line in js.splitlines() if line.strip() and not line.strip().startswith("//"))


def minify_assets(site: Path, paths: list[str]) -> list[tuple[Path, int, int]]:
    """Minify, in place, the site's copies of the given extra_css / extra_javascript files:
    the one at the root, and each language site's own (Zensical writes en/assets/…)."""
    done = []
    copies = [site / rel for rel in paths] + [folder / rel for folder in sorted(site.iterdir()) if folder.is_dir() for rel in paths]
    for path in copies:
        if path.suffix not in (".css", ".js") or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = minify_css(text) if path.suffix == ".css" else minify_js(text)
        path.write_text(small + "\n", encoding="utf-8")
        done.append((path, len(text), len(small)))
    return done


def compact_html(html: str) -> str:
    """`html` without indentation and blank lines, but for the text of <pre>, <textarea>,
    <script> and <style>, kept as written (the CSP hashes the inline scripts)."""
    return VERBATIM_OR_INDENT.sub(lambda m: m.group(1) or "\n", html)


def rewrite_pages(site: Path, rewrite: Callable[[str], str]) -> list[tuple[Path, int, int]]:
    """Each page of a built site through `rewrite`, in place: (page, characters before,
    after) of each page it changed."""
    done = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            done.append((path, len(text), len(new)))
    return done
