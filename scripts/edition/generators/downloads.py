"""The files researchers download, generated at build time from the pages and data.

Everything here is written from the parsed pages (through corpus.aligned_blocks) and the
report's data files; nothing is committed. `write_downloads` puts them in the built site
under /SLUG/files/, and the Downloads page lists them (the `{{ downloads }}` directive).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model import figures
from ..model.project import Project, Report
from . import citation, corpus, figures_package


@dataclass(frozen=True)
class Download:
    name: str
    content: bytes
    zh: str
    en: str


def downloads(project: Project, report: Report) -> list[Download]:
    """The report's files (listed on both Downloads pages, written after the build)."""
    return project.memo(("downloads", report.slug), lambda: _downloads(project, report))


def _downloads(project: Project, report: Report) -> list[Download]:
    records = corpus.aligned_blocks(project, report)
    slug = report.slug
    files = [
        Download(
            f"{slug}-aligned.tmx",
            corpus.to_tmx(records).encode(),
            "对齐语料，TMX 1.4（zh-CN / en），每段一个翻译单元",
            "Aligned corpus, TMX 1.4 (zh-CN / en), one translation unit per block",
        ),
        Download(
            f"{slug}-aligned.csv",
            corpus.to_csv(records).encode("utf-8-sig"),  # a byte-order mark: Excel on Chinese Windows reads it as UTF-8
            "对齐语料，CSV（id、类型、章节、中文、英文；带BOM的UTF-8）",
            "Aligned corpus, CSV (id, kind, section, Chinese, English; UTF-8 with a byte-order mark)",
        ),
        Download(
            f"{slug}-aligned.jsonl", corpus.to_jsonl(records).encode(), "对齐语料，JSON Lines，每段一条记录", "Aligned corpus, JSON Lines, one record per block"
        ),
    ]
    pairs = corpus.sentence_pairs(project, report)
    if pairs:
        # Beside the paragraph-level corpus: one unit per sentence pair, with its paragraph id
        # and sentence ids (reports/SLUG/sentences.yml).
        files += [
            Download(
                f"{slug}-sentences.tmx",
                corpus.sentences_to_tmx(pairs).encode(),
                f"逐句对齐语料，TMX 1.4（zh-CN / en），每个句对一个翻译单元，共{len(pairs)}个，附段落编号和句子编号",
                f"Sentence-aligned corpus, TMX 1.4 (zh-CN / en), one translation unit per sentence pair ({len(pairs)}), with paragraph and sentence ids",
            ),
            Download(
                f"{slug}-sentences.csv",
                corpus.sentences_to_csv(pairs).encode("utf-8-sig"),
                "逐句对齐语料，CSV（句对编号、段落编号、中英文句子编号、章节、中文、英文；带BOM的UTF-8）",
                "Sentence-aligned corpus, CSV (pair id, paragraph id, Chinese and English sentence ids, section, Chinese, English; UTF-8 with a byte-order mark)",
            ),
            Download(
                f"{slug}-sentences.jsonl",
                corpus.sentences_to_jsonl(pairs).encode(),
                "逐句对齐语料，JSON Lines，每个句对一条记录",
                "Sentence-aligned corpus, JSON Lines, one record per sentence pair",
            ),
        ]
    files += [
        Download(
            f"{slug}.zh.txt",
            corpus.to_text(records, "zh").encode(),
            "中文全文，纯文本，段落编号在方括号内",
            "Chinese full text, plain text, paragraph ids in brackets",
        ),
        Download(
            f"{slug}.en.txt",
            corpus.to_text(records, "en").encode(),
            "英文全文，纯文本，段落编号在方括号内",
            "English full text, plain text, paragraph ids in brackets",
        ),
        Download(
            f"{slug}.zh.md", corpus.to_markdown(records, "zh").encode(), "中文全文，Markdown，保留段落编号", "Chinese full text, Markdown, with paragraph ids"
        ),
        Download(
            f"{slug}.en.md", corpus.to_markdown(records, "en").encode(), "英文全文，Markdown，保留段落编号", "English full text, Markdown, with paragraph ids"
        ),
    ]
    cites = citation.citation_files(project, report)
    count = len(citation.all_units(project, report, "zh"))
    files += [
        Download(
            f"{slug}-citations.json",
            cites["json"].encode(),
            f"引用数据，CSL-JSON（报告、各部分、各段落，中英文各{count}条；Zotero等文献管理软件可导入）",
            f"Citations, CSL-JSON (the report, each part and each paragraph: {count} in each language; Zotero and other reference managers import it)",
        ),
        Download(f"{slug}-citations.ris", cites["ris"].encode(), "引用数据，RIS（同上）", "Citations, RIS (the same)"),
        Download(
            f"{slug}-citations.bib",
            cites["bib"].encode(),
            "引用数据，BibTeX（同上，含原文中文标题）",
            "Citations, BibTeX (the same, with the original's Chinese title)",
        ),
    ]
    key = sourced_figures(project, report, records)
    if key:
        csv_name = f"{slug}-key-figures.csv"
        files += [
            Download(
                csv_name,
                figures.to_csv(key).encode("utf-8-sig"),
                f"主要数据，CSV（{len(key)}项，每项均经构建时与原文核对：数值按原文写法及折合基本单位，附中英文原句和段落链接；带BOM的UTF-8，Excel可直接打开）",
                f"Key figures, CSV ({len(key)} figures, each checked against its paragraph at build time: the value as written and in base units, the Chinese and English sentences that state it, links; UTF-8 with a byte-order mark, for Excel)",
            ),
            Download(
                f"{slug}-key-figures.json",
                figures_package.figures_json(project, report, key).encode(),
                "主要数据，JSON（数值为数字，附版本、许可和来源）",
                "Key figures, JSON (values as numbers, with the version, licences and sources)",
            ),
            Download(
                "datapackage.json",
                figures_package.data_package(project, report, key, csv_name).encode(),
                "主要数据的数据包说明（Frictionless Data Package：字段类型和单位、许可、来源、版本）",
                "The key figures as a Frictionless Data Package (the CSV's fields with types and units, licences, sources, version)",
            ),
        ]
    # Every archived version of the source: the one the edition follows, and any earlier
    # one a correction replaced (CONTRIBUTING.md, "A corrected source"), so that readers
    # can compare them.
    several = len(report.source_versions) > 1
    for version in report.source_versions:
        path = report.folder / version["file"]
        if not path.exists():
            continue  # named by the integrity check
        followed = version["file"] == report.source.name
        zh_note = ("，本版所依" if followed else "，已被更正版取代") if several else ""
        en_note = ("; the version this edition follows" if followed else "; superseded by a corrected version") if several else ""
        files.append(
            Download(
                path.name,
                path.read_bytes(),
                f"存档底本（未改动，{version['published']}发布{zh_note}），SHA-256 {version['sha256']}",
                f"The archived source text (unchanged, published {version['published']}{en_note}), SHA-256 {version['sha256']}",
            )
        )
    return files


def sourced_figures(project: Project, report: Report, records: list[corpus.Aligned]) -> list[figures.Sourced]:
    """Each key figure with its sentences in both languages and its paragraph's published addresses."""
    by_id = {r.id: r for r in records}
    out = []
    for figure in figures.load_figures(report):
        record = by_id.get(figure.paragraph_id)
        page = record.page if record else ""
        zh = figures.sentence_zh(figure, record.zh) if record else ""
        en = figures.sentence_en(figure, record.en) if record else ""
        urls = (citation.cited_address(project, report, lang, page, figure.paragraph_id) for lang in ("zh", "en"))
        out.append(figures.Sourced(figure, zh, en, *urls))
    return out


def write_downloads(project: Project, site_dir: Path) -> list[Path]:
    """The downloads under SLUG/files/, and each language's cite.json beside the report's
    pages (the Cite dialog's forms, edition/generators/citation.py)."""
    written = []
    for report in project.reports:
        for lang in ("zh", "en"):
            target = site_dir / ("" if lang == "zh" else lang) / report.slug / "cite.json"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(citation.dialog_data(project, report, lang), encoding="utf-8")
            written.append(target)
        folder = site_dir / report.slug / "files"
        folder.mkdir(parents=True, exist_ok=True)
        for item in downloads(project, report):
            (folder / item.name).write_bytes(item.content)
            written.append(folder / item.name)
    return written


def downloads_table(project: Project, report: Report, lang: str) -> str:
    """The `{{ downloads }}` directive: the files with their size, linked."""
    from html import escape

    to_files = "../files/" if lang == "zh" else f"../../../{report.slug}/files/"
    head = ("文件", "内容", "大小") if lang == "zh" else ("File", "Contents", "Size")
    rows = []
    for item in downloads(project, report):
        size = f"{len(item.content) / 1024:.1f} KB"
        rows.append(
            f'<tr id="file-{escape(item.name.replace(".", "-"))}"><td><a href="{to_files}{escape(item.name)}" download><code>{escape(item.name)}</code></a></td>'
            f"<td>{escape(item.zh if lang == 'zh' else item.en)}</td><td>{size}</td></tr>"
        )
    from .pdf import not_printed, pdf_pages

    pdf_note = {
        "zh": {
            "zh": "中文全文，PDF（A4，页边印段落编号，卷首注明版本、网址、引用方式和许可）",
            "en": "英文全文，PDF（A4，页边印段落编号，卷首注明版本、网址、引用方式和许可）",
            "parallel": "中英对照，PDF（A4，卷首同上）",
        },
        "en": {
            "zh": "Chinese full text, PDF (A4, paragraph ids in the margin, opening with its version, address, how to cite it and the licences)",
            "en": "English full text, PDF (A4, paragraph ids in the margin, opening with its version, address, how to cite it and the licences)",
            "parallel": "Side by side, PDF (A4, opening likewise)",
        },
    }[lang]
    for pdf in pdf_pages(report.slug):
        # Printed after the build (make pdf), which then writes each size here (pdf.write_sizes);
        # a build without them says so.
        rows.append(
            f'<tr id="file-{escape(pdf.name.replace(".", "-"))}"><td><a href="{to_files}{escape(pdf.name)}" download><code>{escape(pdf.name)}</code></a></td>'
            f'<td>{escape(pdf_note[pdf.kind])}</td><td class="pdf-size" data-file="{escape(pdf.name)}">{escape(not_printed(lang))}</td></tr>'
        )
    header = "".join(f"<th>{h}</th>" for h in head)
    return f'<div class="md-typeset__scrollwrap downloads"><div class="md-typeset__table"><table><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>'
