"""Which version of a Chinese page a translation translates: a content hash of its text.

An English page records the hash of the Chinese page it was last reviewed against in its
front matter (`source_hash`). The hash covers the Chinese page's text blocks only, so
changing spacing or notes does not make a translation stale; changing a word does.
"""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from .blocks import Block, Page, parse_page

KEY = "source_hash"


def text_blocks(page: Page) -> list[Block]:
    return [b for b in page.blocks if b.is_text or b.kind == "directive"]


def page_hash(page: Page) -> str:
    digest = hashlib.sha256()
    digest.update(str(page.front_matter.get("title", "")).encode())
    for block in text_blocks(page):
        digest.update(f"\x1e{block.kind}\x1f{block.id}\x1f{block.text.strip()}".encode())
    return "sha256:" + digest.hexdigest()[:16]


def earlier_version(path: Path, wanted: str, root: Path, depth: int = 100) -> Page | None:
    """The page as it was in the git history when its hash was `wanted`, if found."""
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
        commits = subprocess.run(
            ["git", "-C", str(root), "log", f"-n{depth}", "--format=%H", "--", rel],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.split()
        for commit in commits:
            shown = subprocess.run(["git", "-C", str(root), "show", f"{commit}:{rel}"], capture_output=True, check=True, timeout=10)
            page = parse_page(shown.stdout.decode("utf-8", "replace"), path)
            if page_hash(page) == wanted:
                return page
    except (OSError, ValueError, subprocess.SubprocessError):
        return None
    return None


def set_hash(en_text: str, value: str) -> str:
    """The English page's text with `source_hash: value` in its front matter."""
    lines = en_text.split("\n")
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                body = [line for line in lines[1:i] if not line.startswith(f"{KEY}:")]
                return "\n".join(["---", *body, f"{KEY}: {value}", *lines[i:]])
    return "\n".join(["---", f"{KEY}: {value}", "---", "", *lines])
