"""Stale translations: an English page translates the current version of its Chinese page.

When the Chinese changes, the English page is named as outdated, with each changed
Chinese block (found in the git history by the recorded hash). After updating the
translation, mark it reviewed: `python scripts/check.py --mark-reviewed docs/x.en.md`.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from ..model.fingerprint import KEY, earlier_version, page_hash, text_blocks
from ..model.problems import Problem
from ..model.project import Project

NAME = "stale"
MARK = "python scripts/check.py --mark-reviewed"


def check(project: Project) -> Iterator[Problem]:
    for zh_path, en_path in project.pairs():
        zh, en = project.page(zh_path), project.page(en_path)
        if zh.problems or en.problems:
            continue  # unreadable pages are reported as input problems
        recorded = en.front_matter.get(KEY)
        current = page_hash(zh)
        rel_en = project.rel(en_path)
        if not recorded:
            yield Problem(en_path, 1, NAME, f"no {KEY} in the front matter: once the translation matches {project.rel(zh_path)}, run {MARK} {rel_en}")
            continue
        if recorded == current:
            continue
        old = earlier_version(zh_path, recorded, project.root)
        if old is None:
            yield Problem(
                en_path,
                1,
                NAME,
                f"outdated: {project.rel(zh_path)} changed since this translation was reviewed ({KEY} {recorded}, now {current}); the earlier version is not in the git history, so compare by hand, then run {MARK} {rel_en}",
            )
            continue
        en_lines = {b.id: b.line for b in en.blocks if b.id}
        old_blocks = {b.id or f"(line {b.line})": b for b in text_blocks(old)}
        new_blocks = {b.id or f"(line {b.line})": b for b in text_blocks(zh)}
        changes = 0
        for ident, block in new_blocks.items():
            before = old_blocks.get(ident)
            if before is None:
                changes += 1
                yield Problem(
                    en_path, en_lines.get(ident, 1), NAME, f'outdated: #{ident} was added to {project.rel(zh_path)}:{block.line}: "{_short(block.text)}"'
                )
            elif before.text.strip() != block.text.strip():
                changes += 1
                yield Problem(
                    en_path,
                    en_lines.get(ident, 1),
                    NAME,
                    f"outdated: #{ident} changed in {project.rel(zh_path)}:{block.line}: {describe_change(before.text, block.text)}",
                )
        for ident, block in old_blocks.items():
            if ident not in new_blocks:
                changes += 1
                yield Problem(en_path, en_lines.get(ident, 1), NAME, f'outdated: #{ident} was removed from {project.rel(zh_path)}: "{_short(block.text)}"')
        if not changes:
            yield Problem(en_path, 1, NAME, f"outdated: the title of {project.rel(zh_path)} changed; update the translation, then run {MARK} {rel_en}")


def describe_change(old: str, new: str, context: int = 8) -> str:
    """`…context⟨old⟩context… → …context⟨new⟩context…` around each changed span."""
    parts = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = old[max(0, i1 - context) : i1]
        parts.append(f'"…{before}⟨{old[i1:i2]}⟩{old[i2 : i2 + context]}…" → "…{before}⟨{new[j1:j2]}⟩{new[j2 : j2 + context]}…"')
    return "; ".join(parts[:3]) + (f" (and {len(parts) - 3} more changes)" if len(parts) > 3 else "")


def _short(text: str, length: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"
