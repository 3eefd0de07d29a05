"""One block's Markdown as inline HTML, for the cells of generated tables (the side-by-side
view, its notes)."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=8192)
def inline_html(text: str) -> str:
    """One block's Markdown as inline HTML. One converter serves every cell (a new one per
    cell was a tenth of the build at scale), and each text is converted once although
    both languages' side-by-side pages show it."""
    html = _inline_converter().reset().convert(text)
    return html.removeprefix("<p>").removesuffix("</p>")


@functools.cache
def _inline_converter():
    import markdown

    return markdown.Markdown()
