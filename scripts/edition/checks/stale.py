"""Stale translations: an English page translates the current version of its Chinese page.

When the Chinese changes, the English page is named as outdated, with each changed
Chinese block (found in the git history by the recorded hash). After updating the
translation, mark it reviewed: `python scripts/check.py --mark-reviewed docs/x.en.md`.
"""

from __future__ import annotations

from collections.abc import Iterator
from difflib import SequenceMatcher

from ..model.blocks import Block
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
        hint = f"; update the translation, then run {MARK} {rel_en}"
        changes = 0
        for ident, before, after in changed_blocks(text_blocks(old), text_blocks(zh)):
            changes += 1
            line = en_lines.get(ident, 1) if ident else 1
            name = f"#{ident}" if ident else f"a {(after or before).kind.replace('_', ' ')}"
            if before is None:
                message = f'outdated: {name} was added to {project.rel(zh_path)}:{after.line}: "{_short(after.text)}"'
            elif after is None:
                message = f'outdated: {name} was removed from {project.rel(zh_path)}: "{_short(before.text)}"'
            else:
                message = f"outdated: {name} changed in {project.rel(zh_path)}:{after.line}: {describe_change(before.text, after.text)}"
            yield Problem(en_path, line, NAME, message + hint)
        if not changes:
            yield Problem(en_path, 1, NAME, f"outdated: the title of {project.rel(zh_path)} changed{hint}")


def changed_blocks(old: list[Block], new: list[Block]) -> Iterator[tuple[str | None, Block | None, Block | None]]:
    """(id, before, after) for each text block added, removed or changed: blocks with ids by
    their id; blocks without (on pages such as the glossary's) by their order among those
    without, so that a line added above them moves them without changing them."""
    old_ids = {b.id: b for b in old if b.id}
    new_ids = {b.id: b for b in new if b.id}
    for ident, block in new_ids.items():
        if ident not in old_ids:
            yield ident, None, block
        elif old_ids[ident].text.strip() != block.text.strip():
            yield ident, old_ids[ident], block
    for ident, block in old_ids.items():
        if ident not in new_ids:
            yield ident, block, None
    before = [b for b in old if not b.id]
    after = [b for b in new if not b.id]
    matcher = SequenceMatcher(a=[(b.kind, b.text.strip()) for b in before], b=[(b.kind, b.text.strip()) for b in after], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = list(zip(before[i1:i2], after[j1:j2], strict=False)) if tag == "replace" else []
        for a, b in pairs:
            yield None, a, b
        for a in before[i1 + len(pairs) : i2]:
            yield None, a, None
        for b in after[j1 + len(pairs) : j2]:
            yield None, None, b


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
