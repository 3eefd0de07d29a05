"""Every YAML data file of a report is checked against its schema: each problem is one
line `file:line: [data] …` that names the key, never a traceback (issue 18, point 4)."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT
from edition.model.schemas import SCHEMAS
from edition.workbench.processes import run

CHECK = [sys.executable, str(ROOT / "scripts" / "check.py")]
DATA = "reports/demo"
EXCEPTIONS = 'exceptions:\n  - block: p-1-1-1\n    value: "1162"\n    reason: a test\n'


def cli(mini) -> tuple[int, list[str], str]:
    """Run the checks as a maintainer does; return the status, the problem lines, stderr."""
    result = run([*CHECK, str(mini.root)], what="scripts/check.py", timeout=120, capture_output=True, text=True)
    return result.returncode, result.stdout.strip().splitlines()[:-1], result.stderr


def test_real_data_files_all_have_a_schema_and_pass_it():
    names = {p.name for p in (ROOT / "reports").glob("*/*.yml")}
    assert names <= set(SCHEMAS), names - set(SCHEMAS)


def test_glossary_entry_without_english(mini):
    mini.edit(f"{DATA}/glossary.yml", "    en: law-based government\n", "")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [f"{DATA}/glossary.yml:2: [data] terms[0] (law-based-government) lacks en"]


@pytest.mark.parametrize(
    ("name", "old", "line"),
    [
        ("report.yml", "header_lines: 4\n", 9),
        ("editorial-notes.yml", "    en: The character 月 (month) is lost.\n", 8),
        ("glossary.yml", "    attested_zh: 测试样例\n  - id: administrative", 12),
        ("key-figures.yml", '    qualifier_en: ""\n', 11),
        ("number-exceptions.yml", "    reason: a test\n", 5),
    ],
)
def test_unknown_key_in_each_data_file_is_named(mini, name, old, line):
    if name == "number-exceptions.yml":
        mini.path(f"{DATA}/{name}").write_text(EXCEPTIONS, encoding="utf-8")
    mini.edit(f"{DATA}/{name}", old, old.replace("\n", "\nsourse: x\n" if name == "report.yml" else "\n    colour: red\n", 1))
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{DATA}/{name}:{line}: [data] ")
    unknown = "sourse" if name == "report.yml" else "colour"
    assert f"has unknown key {unknown} (known: " in problems[0]


def test_duplicate_glossary_term_and_id(mini):
    path = mini.path(f"{DATA}/glossary.yml")
    text = path.read_text(encoding="utf-8")
    first = text.split("  - id: administrative")[0].removeprefix("terms:\n")
    path.write_text(text + first + first.replace("id: law-based-government", "id: law-based-government-2"), encoding="utf-8")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [
        f'{DATA}/glossary.yml:22: [data] duplicate terms id "law-based-government" (first on line 2)',
        f'{DATA}/glossary.yml:22: [data] duplicate terms zh "法治政府" (first on line 2)',
        f'{DATA}/glossary.yml:32: [data] duplicate terms zh "法治政府" (first on line 2)',
    ]


def test_glossary_attestation_without_its_chinese(mini):
    """The Chinese glossary shows attested_zh: an attestation given in English only would
    put English prose on a Chinese page, so the check names it at the attested line."""
    mini.edit(f"{DATA}/glossary.yml", "    attested_zh: 测试样例\n  - id: administrative", "  - id: administrative")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [f"{DATA}/glossary.yml:10: [data] terms[0] (law-based-government) has attested but lacks attested_zh"]


def test_paragraph_instead_of_block_in_number_exceptions(mini):
    mini.path(f"{DATA}/number-exceptions.yml").write_text(EXCEPTIONS.replace("block:", "paragraph:"), encoding="utf-8")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [
        f"{DATA}/number-exceptions.yml:2: [data] exceptions[0] has unknown key paragraph (known: block, reason, value)",
        f"{DATA}/number-exceptions.yml:2: [data] exceptions[0] lacks block",
    ]


def test_a_valid_number_exception_silences_its_number(mini):
    mini.edit("docs/demo/part-1.en.md", "1,162", "1,126")
    assert any("[numbers] 1162" in p for p in mini.problems())
    mini.path(f"{DATA}/number-exceptions.yml").write_text(EXCEPTIONS, encoding="utf-8")
    assert not any("[numbers] 1162" in p for p in mini.problems())


def test_duplicate_yaml_key(mini):
    mini.edit(f"{DATA}/report.yml", "header_lines: 4\n", "header_lines: 4\nheader_lines: 5\n")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [f'{DATA}/report.yml:9: [data] duplicate key "header_lines" (first on line 8): keep one']


def test_a_figure_value_written_as_a_number(mini):
    mini.edit(f"{DATA}/key-figures.yml", 'value: "8564.48"', "value: 8564.48")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems == [f"{DATA}/key-figures.yml:6: [data] figures[0] (kf-001).value is 8564.48, expected text"]


def test_report_following_a_source_that_is_not_archived(mini):
    mini.edit(f"{DATA}/report.yml", "source: source.zh.txt", "source: source-v2.zh.txt")
    status, problems, stderr = cli(mini)
    assert status == 1 and "Traceback" not in stderr
    assert problems[0] == f"{DATA}/report.yml:7: [data] source source-v2.zh.txt is not one of the archived sources (source.zh.txt)"


def test_the_quick_validation_never_passes_what_jsonschema_refuses():
    """load_data_file checks a file with `conforms` first and asks jsonschema (which names
    the problems) only when it fails: on the real files and on every one-key mutation of
    their first entries, the two must agree."""
    import copy

    import jsonschema
    import yaml

    from edition.model.data_files import conforms

    for path in sorted((ROOT / "reports").glob("*/*.yml")):
        schema = SCHEMAS[path.name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(yaml.safe_dump(data, default_style='"'))  # dates as text, as the loader keeps them
        cases = [data]
        for key, value in data.items():
            cases += [{**data, key: None}, {k: v for k, v in data.items() if k != key}, {**data, "colour": "red"}]
            entries = value if isinstance(value, list) else []
            for entry in entries[:3]:
                if not isinstance(entry, dict):
                    continue
                for field in entry:
                    for replacement in (None, 1, "", "x" * 3, ["x"]):
                        case = copy.deepcopy(data)
                        case[key][entries.index(entry)][field] = replacement
                        cases.append(case)
                    case = copy.deepcopy(data)
                    del case[key][entries.index(entry)][field]
                    cases.append(case)
        for case in cases:
            assert conforms(case, schema) == jsonschema.Draft202012Validator(schema).is_valid(case), (path.name, case if case is not data else "the file")
