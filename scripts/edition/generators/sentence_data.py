"""What the browser loads to pair sentences (docs/assets/javascripts/sentences.js): for each
text page of a report, its headings', paragraphs' and list items' sentences in both
languages and their pairs, as JSON beside the side-by-side page of each language:
/SLUG/parallel/sentences/PAGE.json and /en/SLUG/parallel/sentences/PAGE.json.

It is fetched only when a reader asks for it (the side-by-side view on the first pointing,
focus or tap; a reading page when its switch is on), never with the page. The sentences are
the ones the check and the downloads count (edition/model/sentences.py); the script finds
each in the page's text.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..model.project import DEFAULT_LANGUAGE, LANGUAGES, Project, Report
from ..model.sentences import FILE, load_alignment, paired_sentences, report_sentences

FOLDER = "parallel/sentences"
KINDS = ("heading", "paragraph", "list_item")


def page_data(project: Project, report: Report) -> dict[str, dict]:
    """Page stem ("index", "part-1" …) → {block id: {"zh": […], "en": […], "pairs": [[[1], [1, 2]], …]}}."""
    if not (report.folder / FILE).exists():
        return {}
    alignment = load_alignment(report.data(FILE))
    out: dict[str, dict] = {path.name.removesuffix(".md"): {} for path in report.text_pages}
    for block in report_sentences(project, report):
        if block.zh_block.kind not in KINDS:
            continue
        pairs = paired_sentences(alignment.get(block.id), block.zh, block.en)
        if pairs is None:
            continue  # the `sentences` check names it
        entry = {"zh": block.zh, "en": block.en, "pairs": [[list(p.zh), list(p.en)] for _, _, p in pairs]}
        out[block.zh_path.name.removesuffix(".md")][block.id] = entry
    return out


def write_sentence_data(project: Project, site_dir: Path) -> list[Path]:
    written = []
    for report in project.reports:
        for stem, blocks in page_data(project, report).items():
            text = json.dumps(blocks, ensure_ascii=False, separators=(",", ":"))
            for lang in LANGUAGES:
                folder = site_dir / ("" if lang == DEFAULT_LANGUAGE else lang) / report.slug / FOLDER
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{stem}.json").write_text(text, encoding="utf-8")
                written.append(folder / f"{stem}.json")
    return written
