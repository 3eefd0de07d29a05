"""An allowed content change passes the whole suite after the documented follow-up steps
(CONTRIBUTING.md): nothing in the tests pins today's text.

In a copy of the project, a maintainer (1) restores a lost character with a 〔…〕 mark and
records it in editorial-notes.yml, and (2) applies a corrected source in which a number
changed: the new version archived beside the old one in report.yml, the number changed in
the Chinese, the English and key-figures.yml. Each time they mark the English reviewed,
refresh the sentence alignment and add a revision-history entry. Then the content checks, the strict build and the tests that
read the content (the edition, the site, the downloads) all pass on the copy.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import PREBUILT, ROOT
from edition.model.project import Project
from edition.model.text import plain_text

CJK_RUN = re.compile(r"[\u4e00-\u9fff]{6}")
TESTS = ["tests/test_edition.py", "tests/test_site.py", "tests/test_downloads.py"]
# Tests that need what a copy lacks (the PDFs need the browser, the workflow files), or
# that build further copies of their own (slow, and independent of the content).
DESELECT = "not pdf and not workflows and not fails_the_build"


def run(root: Path, *command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=900, env={**os.environ, **(env or {})})


def commit(root: Path, message: str) -> None:
    for args in (("add", "-A"), ("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message)):
        assert run(root, "git", *args).returncode == 0


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_revision(root: Path, day: str, zh: str, en: str) -> None:
    """A revision-history entry in both languages, with the same id (CONTRIBUTING.md)."""
    for name, text in (("revisions.md", f"## {day}：{zh} {{#rev-{day}}}\n\n- {zh}。\n"), ("revisions.en.md", f"## {day}: {en} {{#rev-{day}}}\n\n- {en}.\n")):
        path = root / "docs" / "yushan-2023" / name
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text, encoding="utf-8")


def mark_reviewed(root: Path, *pages: str) -> None:
    result = run(root, sys.executable, "scripts/check.py", "--mark-reviewed", *pages)
    assert result.returncode == 0, result.stdout + result.stderr


def refresh_sentences(root: Path) -> None:
    """The sentence alignment after a change of the text (CONTRIBUTING.md, "Sentence
    alignment"): the changed sentences realigned, nothing left for a person to review."""
    result = run(root, sys.executable, "scripts/align_sentences.py")
    assert result.returncode == 0 and " 0 pair(s) await review" in result.stdout, result.stdout + result.stderr


def restore_a_character(root: Path) -> str:
    """Step 1: a restoration 〔，〕 in the last paragraph of the report, recorded as r-N."""
    project = Project(root)
    (report,) = project.reports
    path = report.text_pages[-1]
    block = [b for b in project.page(path).blocks if b.kind == "paragraph" and b.id][-1]
    run_ = CJK_RUN.search(plain_text(block.text)).group(0)
    edition = run_[:3] + "〔，〕" + run_[3:]
    edit(path, run_, edition)
    notes = report.folder / "editorial-notes.yml"
    count = len(report.data("editorial-notes.yml")["restorations"])
    entry = (
        f"  - id: r-{count + 1}\n    paragraph: {block.id}\n"
        f'    published: "{run_}"\n    edition: "{edition}"\n'
        "    zh: 两个分句之间脱逗号，补足。\n    en: A comma between two clauses is lost; it is restored.\n"
    )
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("\nqueries:", "\n" + entry + "queries:", 1) if "\nqueries:" in text else text + entry, encoding="utf-8")
    # The translator's note that points to the editorial note (CONTRIBUTING.md).
    en_path = path.with_name(path.stem + ".en.md")
    en_block = Project(root).page(en_path).ids[block.id]
    lines = en_path.read_text(encoding="utf-8").split("\n")
    last = en_block.line - 1 + len(en_block.text.split("\n")) - 1
    label = f"{block.id}-r{count + 1}"
    lines[last] += f"[^{label}]"
    note = f"[^{label}]: Translator's note: the source runs two clauses together; see [editorial note r-{count + 1}](editorial-notes.md#r-{count + 1})."
    en_path.write_text("\n".join(lines).rstrip("\n") + "\n\n" + note + "\n", encoding="utf-8")
    mark_reviewed(root, project.rel(en_path))
    refresh_sentences(root)
    add_revision(root, "2026-12-01", f"校补{block.id}脱漏的逗号", f"{block.id}: a lost comma restored in the Chinese")
    mark_reviewed(root, "docs/yushan-2023/revisions.en.md")
    return f"r-{count + 1}"


def apply_a_corrected_source(root: Path) -> tuple[str, str, str]:
    """Step 2: the county corrects a number; the corrected source is archived beside the old
    one and followed, and the number is carried into the pages and the key figures."""
    project = Project(root)
    (report,) = project.reports
    source = report.source.read_text(encoding="utf-8")
    figures = report.data("key-figures.yml")["figures"]
    for figure in figures:  # a figure that stands once in the source and each language
        value = figure["value"]
        if not value.isdigit() or int(value) < 1000 or figure.get("unit", "")[:1] in "万亿" or source.count(value) != 1:
            continue
        zh_path = next(p for p in report.text_pages if figure["paragraph"] in project.page(p).ids)
        en_path = zh_path.with_name(zh_path.stem + ".en.md")
        english = f"{int(value):,}"
        if zh_path.read_text(encoding="utf-8").count(value) == 1 and en_path.read_text(encoding="utf-8").count(english) == 1:
            break
    else:
        raise AssertionError("no key figure stands once in the source and in each language")
    new = str(int(value) + 1)
    corrected = report.folder / f"{report.source.stem}.2024-02-01.txt"
    corrected.write_text(source.replace(value, new), encoding="utf-8")
    digest = hashlib.sha256(corrected.read_bytes()).hexdigest()
    config = report.folder / "report.yml"
    edit(
        config,
        f"source: {report.source.name}\n",
        f"  - file: {corrected.name}\n    sha256: {digest}\n    published: 2024-02-01\n    archived: 2026-12-01\n"
        f"    note: the county corrected {figure['id']}\nsource: {corrected.name}\n",
    )
    edit(zh_path, value, new)
    edit(en_path, english, f"{int(new):,}")
    edit(report.folder / "key-figures.yml", f'value: "{value}"', f'value: "{new}"')
    mark_reviewed(root, project.rel(en_path))
    refresh_sentences(root)
    add_revision(root, "2026-12-02", f"依更正后的底本修改{figure['paragraph']}的数字", f"{figure['paragraph']}: a number corrected by the county")
    mark_reviewed(root, "docs/yushan-2023/revisions.en.md")
    return figure["id"], new, digest


def test_an_allowed_content_change_passes_checks_build_and_tests(tmp_path):
    root = tmp_path / "project"
    root.mkdir()
    for folder in ("docs", "reports", "scripts", "overrides", "tests"):
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache"))
    for name in ("mkdocs.yml", "ruff.toml"):
        shutil.copy(ROOT / name, root / name)
    assert run(root, "git", "init", "-q").returncode == 0
    commit(root, "the edition as it is")

    note = restore_a_character(root)
    commit(root, "restoration")
    figure, value, digest = apply_a_corrected_source(root)
    commit(root, "corrected source")

    check = run(root, sys.executable, "scripts/check.py")
    assert check.returncode == 0, check.stdout + check.stderr
    (report,) = Project(root).reports
    assert [v["sha256"] for v in report.source_versions][-1] == report.sha256 == digest
    assert len(report.source_versions) == 2  # the old version is kept
    assert note in {n["id"] for n in report.data("editorial-notes.yml")["restorations"]}
    assert {f["id"]: f["value"] for f in report.data("key-figures.yml")["figures"]}[figure] == value

    build = run(root, sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site"))
    assert build.returncode == 0, build.stdout + build.stderr
    assert digest in (tmp_path / "site" / "yushan-2023" / "index.html").read_text(encoding="utf-8")
    for version in report.source_versions:  # both versions can be downloaded, each with its sha256
        download = tmp_path / "site" / "yushan-2023" / "files" / version["file"]
        assert hashlib.sha256(download.read_bytes()).hexdigest() == version["sha256"]

    # The tests read the site just built from the copy (conftest.PREBUILT), not a second build of it.
    tests = run(root, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS, "-k", DESELECT, env={PREBUILT: str(tmp_path / "site")})
    assert tests.returncode == 0, tests.stdout[-6000:] + tests.stderr[-2000:]
    assert " passed" in tests.stdout and "failed" not in tests.stdout
