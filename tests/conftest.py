"""Shared fixtures: the project root, and a fresh copy of the miniature report project."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.checks import run_checks  # noqa: E402
from edition.cli import mark_reviewed  # noqa: E402
from edition.project import Project  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "mini"


class MiniProject:
    """A copy of tests/fixtures/mini that a test may break."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        """Replace text in a file; the text must be there, so a mutation never silently misses."""
        path = self.path(rel)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == count, f"{rel}: expected {count}× {old!r}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def reviewed(self, rel: str) -> None:
        """Record that the English page translates the current Chinese (as --mark-reviewed does)."""
        assert mark_reviewed(Project(self.root), [self.path(rel)]) == 0

    def problems(self, *only: str) -> list[str]:
        project = Project(self.root)
        return [p.format(self.root) for p in run_checks(project, list(only) or None)]


@pytest.fixture
def mini(tmp_path: Path) -> MiniProject:
    shutil.copytree(FIXTURE, tmp_path / "mini")
    return MiniProject(tmp_path / "mini")
