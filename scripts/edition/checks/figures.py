"""Key figures: every figure of key-figures.yml is stated, with its value, in its paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.figures import load_figures, problems_with
from ..model.problems import Problem
from ..model.project import Project, counterpart
from ..model.text import remove_restorations_keep_content

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
            en_blocks = {b.id: b for b in project.page(counterpart(zh_path, "en")).blocks if b.id}
            for block in project.page(zh_path).blocks:
                if block.id and block.is_text:
                    blocks[block.id] = (zh_path, block, en_blocks.get(block.id))
        for figure in figures:  # duplicate ids are refused when the file is read (data_files.py)
            if figure.paragraph_id not in blocks:
                yield Problem(data, 0, NAME, f"{figure.id}: no paragraph {figure.paragraph_id} in the report")
                continue
            path, zh, en = blocks[figure.paragraph_id]
            zh_text = remove_restorations_keep_content(zh.plain)
            en_text = en.plain if en else ""
            for message in problems_with(figure, zh_text, en_text):
                yield Problem(path, zh.line, NAME, message + f" (#{figure.paragraph_id}, {project.rel(data)})")
