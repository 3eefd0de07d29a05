"""What the site makes of a report's releases (edition/model/releases.py):

    the comparison files     /SLUG/releases/VERSION.json and /en/SLUG/releases/VERSION.json,
                             one per release and language: each block of the report whose
                             text in that language has changed since the release, with its
                             text then and a word-by-word comparison with today's. A page
                             opened from a citation of the release (?v=VERSION) fetches it
                             (docs/assets/javascripts/versions.js) and shows, in place, each
                             changed paragraph as it read; no page carries it otherwise.
    {{ releases }}           the revision history's list of releases, each with the blocks
                             it changed since the one before (linked, with the comparison),
                             and those changed since the latest release, not yet released.

A comparison is of words: the English cut at spaces, the Chinese (written without them)
at characters; runs of one kind are merged, so that a changed phrase reads as one.
"""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from html import escape
from pathlib import Path

from ..model.project import DEFAULT_LANGUAGE, LANGUAGES, Project, Report
from ..model.releases import Release, Snapshot, release_text, releases
from .corpus import aligned_blocks

FOLDER = "releases"
WORDS = re.compile(r"\S+\s*|\s+")


def tokens(text: str, lang: str) -> list[str]:
    return list(text) if lang == "zh" else WORDS.findall(text)


def word_diff(old: str, new: str, lang: str) -> list[tuple[str, str]]:
    """[(op, text)]: "=" kept, "-" in the old text only, "+" in the new only."""
    a, b = tokens(old, lang), tokens(new, lang)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("+", "".join(b[j1:j2])))
    return out


def diff_html(old: str, new: str, lang: str) -> str:
    """The comparison as HTML: <del> what went, <ins> what came (the space after a word
    left outside its mark, so that no mark underlines or strikes a space)."""
    tag = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    out = []
    for op, text in word_diff(old, new, lang):
        words = text.rstrip() if op != "=" else text
        out.append(tag[op].format(escape(words)) + escape(text[len(words) :]))
    return "".join(out)


def current_text(project: Project, report: Report) -> dict[str, Snapshot]:
    """Today's blocks, as a release would record them."""
    return {r.id: Snapshot(r.id, r.page, r.kind, r.zh, r.en) for r in aligned_blocks(project, report)}


def changed(before: dict[str, Snapshot], after: dict[str, Snapshot], lang: str) -> list[tuple[Snapshot | None, Snapshot | None]]:
    """(then, now) of each block whose text in `lang` differs, added (then None) or removed
    (now None), in the reading order of `after`, the removed last."""
    out: list[tuple[Snapshot | None, Snapshot | None]] = []
    for ident, now in after.items():
        then = before.get(ident)
        if then is None or getattr(then, lang) != getattr(now, lang):
            out.append((then, now))
    out += [(then, None) for ident, then in before.items() if ident not in after]
    return out


def comparison(project: Project, report: Report, release: Release, lang: str) -> dict:
    """A release's comparison file in one language: each block of today's pages whose text
    has changed since, with its text then (or none: added since) and the comparison."""
    then_blocks = release_text(report, release.version)
    blocks = {}
    for then, block in changed(then_blocks, current_text(project, report), lang):
        if block is None:
            continue  # removed since: no paragraph of today's pages to show it at
        old = getattr(then, lang) if then else ""
        blocks[block.id] = {"old": old, "diff": diff_html(old, getattr(block, lang), lang)}
    return {"version": release.version, "date": release.date, "blocks": blocks}


def write_release_comparisons(project: Project, site_dir: Path) -> list[Path]:
    written = []
    for report in project.reports:
        for release in releases(report):
            for lang in LANGUAGES:
                folder = site_dir / ("" if lang == DEFAULT_LANGUAGE else lang) / report.slug / FOLDER
                folder.mkdir(parents=True, exist_ok=True)
                target = folder / f"{release.version}.json"
                data = comparison(project, report, release, lang)
                target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
                written.append(target)
    return written


# --- the revision history ------------------------------------------------------------------

WORDING = {
    "zh": {
        "first": "首个版本：此后的引用均可回溯至本版文字。",
        "none": "与上一版本相比，正文无改动。",
        "changed": "与上一版本（{}）相比改动的段落：",
        "pending": "尚未发布：{} 版之后改动的段落",
        "pending_note": "以下改动将在下一个版本中发布；引用仍指向 {} 版。",
        "added": "新增",
        "removed": "删除",
        "heading": "{}版（{}）",
    },
    "en": {
        "first": "The first release: citations from now on resolve to its text.",
        "none": "No change to the text since the release before.",
        "changed": "Blocks changed since the release before ({}):",
        "pending": "Not yet released: blocks changed since {}",
        "pending_note": "These changes go out with the next release; citations still name {}.",
        "added": "added",
        "removed": "removed",
        "heading": "Version {} ({})",
    },
}


def _zh_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _changes_list(project: Project, report: Report, before: dict[str, Snapshot], after: dict[str, Snapshot], lang: str) -> str:
    """One item per block changed in either language, linked, with its comparison in `lang`."""
    words = WORDING[lang]
    pages = project.paragraph_pages(report)
    items = []
    seen = set()
    for other in (lang, *[x for x in LANGUAGES if x != lang]):
        for then, now in changed(before, after, other):
            block = now or then
            assert block is not None
            if block.id in seen:
                continue
            seen.add(block.id)
            page = pages.get(block.id)
            name = f'<a href="{page}#{block.id}"><code>{block.id}</code></a>' if page and now else f"<code>{block.id}</code>"
            if now is None:
                items.append(f"<li>{name} ({words['removed']})</li>")
                continue
            label = f" ({words['added']})" if then is None else ""
            text = diff_html(getattr(then, lang) if then else "", getattr(now, lang), lang)
            items.append(f'<li>{name}{label}<p class="release-diff" lang="{"zh-Hans" if lang == "zh" else "en"}">{text}</p></li>')
    return '<ul class="release-changes">' + "".join(items) + "</ul>" if items else ""


def releases_list(project: Project, report: Report, lang: str) -> str:
    """The `{{ releases }}` directive: each release, newest first, with its notes and the
    blocks it changed; before them, the blocks changed since the latest, if any."""
    words = WORDING[lang]
    found = releases(report)
    out = []
    texts = {r.version: release_text(report, r.version) for r in found}
    if found:
        now = current_text(project, report)
        pending = _changes_list(project, report, texts[found[-1].version], now, lang)
        if pending:
            out.append(f'<section class="release" id="unreleased"><h3>{escape(words["pending"].format(found[-1].version))}</h3>')
            out.append(f"<p>{escape(words['pending_note'].format(found[-1].version))}</p>{pending}</section>")
    for n in range(len(found) - 1, -1, -1):
        release = found[n]
        day = _zh_date(release.date) if lang == "zh" else release.date
        out.append(f'<section class="release" id="v-{release.version.replace(".", "-")}">')
        notes = release.notes_zh if lang == "zh" and release.notes_zh else release.notes
        out.append(f"<h3>{escape(words['heading'].format(release.version, day))}</h3><p>{escape(notes)}</p>")
        if n == 0:
            out.append(f"<p>{escape(words['first'])}</p>")
        else:
            listed = _changes_list(project, report, texts[found[n - 1].version], texts[release.version], lang)
            out.append(f"<p>{escape(words['changed'].format(found[n - 1].version))}</p>{listed}" if listed else f"<p>{escape(words['none'])}</p>")
        out.append("</section>")
    return "\n".join(out)


def release_ids(report: Report) -> set[str]:
    """The ids `{{ releases }}` gives its sections (for the link check)."""
    return {"unreleased"} | {f"v-{r.version.replace('.', '-')}" for r in releases(report)}
