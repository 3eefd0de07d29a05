"""The key-figures page of a report (the `{{ key_figures }}` directive): every figure of
key-figures.yml in a sortable table (indicator, value, unit, qualifier), each row linked
to its paragraph, with its value in base units (85,644,800 yuan for 8564.48 万元), so that
a search for a figure in any written form finds its row. docs/assets/javascripts/sortable.js sorts it; without JavaScript it is a
plain table in reading order. On a phone each row is a block of labelled lines, as in
every wide table (edition/passes/tables.py), not a table to scroll sideways.
"""

from __future__ import annotations

from html import escape

from ..model.figures import Figure, load_figures
from ..model.project import Project, Report

HEADS = {
    "zh": [("编号", False), ("指标", False), ("数值", True), ("单位", False), ("限定", False), ("折合", True), ("段落", False)],
    "en": [("No.", False), ("Indicator", False), ("Value", True), ("Unit", False), ("Qualifier", False), ("In base units", True), ("Paragraph", False)],
}
CAPTION = {
    "zh": "关键数据（统计数字），共{n}项：点击列标题排序，再次点击反向排序",
    "en": "Key figures (statistics), {n} in all: choose a column heading to sort, again to reverse",
}


def key_figures_table(project: Project, report: Report, lang: str) -> str:
    pages = project.paragraph_pages(report)
    head = []
    for n, (label, numeric) in enumerate(HEADS[lang]):
        sort = ' aria-sort="ascending"' if n == 0 else ' aria-sort="none"'
        kind = " data-numeric" if numeric else ""
        head.append(f'<th scope="col"{sort}{kind}><button type="button" class="sort">{escape(label)}</button></th>')
    rows = []
    figures = load_figures(report)
    for f in figures:
        page = pages.get(f.paragraph_id, "")
        indicator = f.indicator_zh if lang == "zh" else f.indicator_en
        unit = f.unit if lang == "zh" else f.unit_en
        qualifier = f.qualifier if lang == "zh" else f.qualifier_en
        cells = [
            (f.id, ""),
            (escape(indicator), ""),
            # Sorted by the amount in plain units, so that 8564.48 万元 sorts above 581.
            (escape(f.value), f' class="number" data-sort="{f.amount}"'),
            (escape(unit), ""),
            (escape(qualifier), ""),
            (escape(in_base_units(f, lang)), f' class="number" data-sort="{f.amount}"'),
            (f'<a href="{page}#{f.paragraph_id}">{f.paragraph_id}</a>', ""),
        ]
        # On a phone the row is stacked, each value beside its column's name (edition/passes/tables.py).
        row = "".join(f"<td{extra}>{content}</td>" for content, extra in cells)
        rows.append(f'<tr id="{f.id}">{row}</tr>')
    # The sorting script is this page's alone: no other page pays for it at first view.
    to_root = "../../" if lang == "zh" else "../../../"
    return (
        f'<script src="{to_root}assets/javascripts/sortable.js" defer></script>'
        '<div class="md-typeset__scrollwrap key-figures"><div class="md-typeset__table">'
        f"<table data-sortable><caption>{escape(CAPTION[lang].format(n=len(figures)))}</caption>"
        f"<thead><tr>{''.join(head)}</tr></thead><tbody>{''.join(rows)}</tbody></table></div></div>"
    )


def in_base_units(figure: Figure, lang: str) -> str:
    """The amount with its unit named: 85,644,800元 / 85,644,800 yuan; 99.75%."""
    unit = figure.base_unit if lang == "zh" else figure.base_unit_en
    space = "" if lang == "zh" or unit == "%" else " "
    return f"{figure.amount:,}{space}{unit}"


def key_figure_ids(report: Report) -> set[str]:
    """The row ids the table carries (for the link check)."""
    return {f.id for f in load_figures(report)}
