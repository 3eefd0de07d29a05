"""A clean `make build` prints at most five lines; a broken one still prints every warning."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import ROOT, copy_project

NOISE = ("Building prefix dict", "Loading model", "mkdocs_static_i18n", "end of life", "Cleaning site directory", "search index per language")


def make_build(root: Path, site: Path) -> tuple[int, list[str]]:
    result = subprocess.run(["make", "build", f"SITE={site}"], cwd=root, capture_output=True, text=True, timeout=600)
    return result.returncode, (result.stdout + result.stderr).splitlines()


def test_a_clean_build_prints_at_most_five_lines(tmp_path):
    status, lines = make_build(ROOT, tmp_path / "site")
    assert status == 0, "\n".join(lines)
    assert len(lines) <= 5, "\n".join(lines)
    assert not [line for line in lines if any(noise in line for noise in NOISE)]


def test_a_broken_build_still_prints_each_warning(tmp_path):
    root = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, root / name)  # copy2: the venv's stamp stays newer than requirements.txt
    (root / ".venv").symlink_to(ROOT / ".venv")
    page = root / "docs" / "yushan-2023" / "part-2.en.md"
    page.write_text(page.read_text(encoding="utf-8").replace("{#part-2}", "{#part-two}", 1), encoding="utf-8")
    status, lines = make_build(root, tmp_path / "site")
    output = "\n".join(lines)
    assert status != 0
    assert [line for line in lines if line.startswith("WARNING") and "[headings]" in line], output
    assert "Aborted with" in output
    assert not [line for line in lines if any(noise in line for noise in NOISE)], output
