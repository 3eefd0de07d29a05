"""Shared fixtures: the project root, and a fresh copy of the miniature report project."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from edition.adapters.cli import mark_reviewed  # noqa: E402
from edition.checks import run_checks  # noqa: E402
from edition.model.project import Project  # noqa: E402

sys.path.insert(0, str(ROOT / "tests"))
from browsing import chromium_path  # noqa: E402

from edition.generators.browser import ARGS, serve  # noqa: E402
from edition.workbench.processes import run  # noqa: E402

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
        """Each problem as `make check` prints it: a root cause, then what follows from it, indented."""
        project = Project(self.root)
        return [line for p in run_checks(project, list(only) or None) for line in p.format_all(self.root)]


@pytest.fixture
def mini(tmp_path: Path) -> MiniProject:
    shutil.copytree(FIXTURE, tmp_path / "mini")
    return MiniProject(tmp_path / "mini")


def build_site(project_root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder into site_dir."""
    return run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        what=f"mkdocs build --strict of {project_root}",
        timeout=600,
        cwd=project_root,
        capture_output=True,
        text=True,
    )


#: A site already built from this tree (tests/test_content_change.py builds a changed copy,
#: then runs tests on it): the session uses it instead of building the same tree again.
PREBUILT = "EDITION_TEST_SITE"


def make_build(root: Path, site_dir: Path) -> tuple[int, list[str]]:
    """`make build SITE=…` in a project folder, as a maintainer runs it: status and output lines."""
    result = run(["make", "build", f"SITE={site_dir}"], what=f"make build of {root}", timeout=600, cwd=root, capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).splitlines()


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> tuple[Path, list[str] | None]:
    """The project's site, built once for the session with `make build` (strict), and what
    the build printed (None for a site built before the session). `make test` builds only
    here; a failed build ends the session with its output."""
    if os.environ.get(PREBUILT):
        return Path(os.environ[PREBUILT]), None
    site_dir = tmp_path_factory.mktemp("site")
    status, lines = make_build(ROOT, site_dir)
    if status != 0:  # nothing to test: say why once, not at every test that reads the site
        pytest.exit("`make build` (strict) failed:\n" + "\n".join(lines), returncode=1)
    return site_dir, lines


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The project's site, built once for the session with --strict."""
    return site_build[0]


def copy_project(target: Path, make: bool = False) -> Path:
    """A copy of everything the build reads, for tests that break it; `make`: with the
    Makefile and the project's .venv, for `make build` and `make serve`."""
    for folder in ("docs", "reports", "scripts", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if make:
        for name in ("Makefile", "requirements.txt", "requirements-zensical.txt"):
            shutil.copy2(ROOT / name, target / name)  # copy2: the venv's stamp stays newer than requirements.txt
        (target / ".venv").symlink_to(ROOT / ".venv")
    return target


#: The faults of the broken build, one per page, each of a kind a test names.
BROKEN = {
    "missing English page": "docs/yushan-2023/part-3.en.md",
    "check failure": ("docs/yushan-2023/part-2.en.md", "{#part-2}", "{#part-two}"),
    "footnote": ("docs/yushan-2023/part-1.en.md", "[^p-1-1-2-a]", "[^p-1-1-2-x]"),
}


@pytest.fixture(scope="session")
def broken_build(tmp_path_factory) -> tuple[Path, int, str]:
    """A copy of the project with the faults of BROKEN, built once with `make build` for
    the tests of what a failing build says (tests/test_site.py, test_footnotes.py,
    test_quiet_build.py): (site folder, status, output)."""
    root = copy_project(tmp_path_factory.mktemp("broken") / "project", make=True)
    (root / BROKEN["missing English page"]).unlink()
    for rel, old, new in (BROKEN["check failure"], BROKEN["footnote"]):
        page = root / rel
        text = page.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        page.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, lines = make_build(root, root / "site")
    return root / "site", status, "\n".join(lines)


@pytest.fixture(scope="session")
def server(site) -> Iterator[str]:
    """The built site on a loopback port, served as GitHub Pages serves it."""
    with serve(site) as base:
        yield base


class QuietBrowser:
    """The session's Chromium, whose pages and contexts block service workers unless a test
    allows them (service_workers="allow": the offline tests, tests/test_phone_reader.py).
    A page that has registered the edition's worker keeps its report and is answered from
    that copy, past the routes a test sets and the requests it counts."""

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_context(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_context(**options)

    def new_page(self, **options):
        options.setdefault("service_workers", "block")
        return self._browser.new_page(**options)

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Conditions, never fixed waits: give each as long as a loaded two-core machine needs
    # (Playwright's 5 s default for `expect` is short there; a met condition returns at once).
    expect.set_options(timeout=20_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=ARGS)
        yield QuietBrowser(browser)
        browser.close()


@pytest.fixture(scope="session")
def crawled(browser, server, site):
    """Every built page visited once, for the tests that read every page (tests/crawling.py)."""
    from crawling import crawl

    return crawl(browser, server, site)
