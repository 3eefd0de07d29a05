"""Numbers: every value of a Chinese block appears, with the same value, in its English block.

An exception needs a recorded reason in reports/SLUG/number-exceptions.yml, e.g.

    exceptions:
      - block: p-1-2-1
        value: "41"       # as written in the Chinese
        reason: …

(the file's schema: scripts/edition/model/schemas.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model.numbers import missing_numbers
from ..model.problems import Problem
from ..model.project import Project
from ..model.text import remove_restorations_keep_content

NAME = "numbers"


def check(project: Project) -> Iterator[Problem]:
    for zh_path, en_path in project.pairs():
        report = project.report_of(zh_path)
        exceptions = {}
        if report:
            for entry in report.data("number-exceptions.yml").get("exceptions", []) or []:
                exceptions[(entry["block"], str(entry["value"]))] = entry
        there = project.rel(zh_path)
        for zh_block, en_block in project.paired_blocks(zh_path, en_path):
            zh_text = remove_restorations_keep_content(zh_block.plain)
            for number in missing_numbers(zh_text, en_block.plain):
                if (zh_block.id, number.written) in exceptions:
                    continue
                yield Problem(
                    en_path,
                    en_block.line,
                    NAME,
                    f"{number.written} (= {number.value:,}) of #{zh_block.id} at {there}:{zh_block.line} is not in the English",
                )
