"""Key figures: every figure of key-figures.yml is stated, with its value, in its paragraph.

Each problem is filed where it is fixed: the Chinese paragraph's reading on the Chinese page,
the English paragraph's on the English page (where the paragraph belongs, if it is missing),
an entry's own fields (its paragraph, its English unit) on their line of key-figures.yml.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.data_files import entry_line
from ..model.figures import load_figures, problems_with
from ..model.problems import Problem
from ..model.project import Project, counterpart
from ..model.text import remove_restorations_keep_content, untranslated

NAME = "figures"


def check(project: Project) -> Iterator[Problem]:
    for report in project.reports:
        figures = load_figures(report)
        if not figures:
            continue
        data = report.folder / "key-figures.yml"
        blocks = {}
        for zh_path in report.text_pages:
            if not (project.readable(zh_path) and project.readable(counterpart(zh_path, "en"))):
                return  # an unreadable page is reported as such; figures are checked once it reads
            en_page = project.page(counterpart(zh_path, "en"))
            zh_page = project.page(zh_path)
            order = [b.id for b in zh_page.blocks if b.id and b.is_text]
            for block in zh_page.blocks:
                if block.id and block.is_text:
                    blocks[block.id] = (zh_path, block, en_page, order[: order.index(block.id)])
        for figure in figures:  # duplicate ids are refused when the file is read (data_files.py)
            if figure.paragraph_id not in blocks:
                line = entry_line(data, "figures", figure.id, "paragraph")
                yield Problem(data, line, NAME, f"{figure.id}: no paragraph {figure.paragraph_id} in the report")
                continue
            path, zh, en_page, preceding = blocks[figure.paragraph_id]
            en = en_page.ids.get(figure.paragraph_id)
            translated = en is None or not untranslated(en.text)  # if not, the untranslated check says so
            zh_text = remove_restorations_keep_content(zh.plain)
            for side, message in problems_with(figure, zh_text, en.plain if en else ""):
                where = f" (#{figure.paragraph_id}, {project.rel(data)})"
                if side == "zh":
                    yield Problem(path, zh.line, NAME, message + where)
                elif side == "en" and translated:
                    line = en.line if en else en_page.place_after(preceding)[0]
                    yield Problem(en_page.path, line, NAME, message + where)
                elif side == "unit":
                    yield Problem(data, entry_line(data, "figures", figure.id, "unit_en"), NAME, message)
