"""Shared fixtures: the project root, and a fresh copy of the miniature report project."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from xdist import is_xdist_worker

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


T = TypeVar("T")


def session_folder(request) -> Path:
    """The folder all of the session's processes share (pytest-xdist gives each worker a
    folder of its own inside the session's)."""
    own = request.getfixturevalue("tmp_path_factory").getbasetemp()
    return own.parent if is_xdist_worker(request) else own  # (not the environment: a pytest a test runs inherits it)


def made_once(shared: Path, name: str, make: Callable[[], T]) -> T:
    """What make() returns, made by the first of the session's processes that asks (`make
    test` runs the tests in several, pytest-xdist) and read by the others from the folder
    they share (session_folder): every page is crawled once, a broken copy built once, for
    all of them. The others wait while the first makes it."""
    made = shared / f"{name}.pickle"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            made.write_bytes(pickle.dumps(make()))
        return pickle.loads(made.read_bytes())


def built(site_dir: Path, config=None) -> list[str]:
    """`make build` (strict) of the project into site_dir: what it printed. A failed build
    ends the session with its output: there is nothing to test, so it says why once, not
    at every test that reads the site. `config`: before the session has started (the first
    of several processes), where pytest would repeat an exit's message, the output is
    written here, once, and the exit says only that the run stopped."""
    status, lines = make_build(ROOT, site_dir)
    if status != 0:
        failed = "`make build` (strict) failed:\n" + "\n".join(lines)
        if config is None:
            pytest.exit(failed, returncode=1)
        config.get_terminal_writer().line(failed, red=True)
        pytest.exit("stopped before the tests: the site's strict build failed (above)", returncode=1)
    return lines


#: The site that the first process of a session in several (pytest-xdist) built before it
#: started the others: its folder and what the build printed.
SESSION_SITE = pytest.StashKey[tuple[str, list[str]]]()


def pytest_sessionstart(session) -> None:
    """With several processes (`make test`), the first builds the site before it starts
    the others (pytest-xdist's own start runs last), so that a failed build stops the run
    there, said once; each process is then told where the site is (pytest_configure_node)."""
    config = session.config
    if os.environ.get(PREBUILT) or hasattr(config, "workerinput") or not config.getoption("numprocesses", None):
        return
    folder = Path(tempfile.mkdtemp(prefix="edition-tests-"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    config.stash[SESSION_SITE] = (str(folder / "site"), built(folder / "site", config))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """pytest-xdist, for each process it starts: the site the first process built."""
    if SESSION_SITE in node.config.stash:
        node.workerinput["edition_site"] = node.config.stash[SESSION_SITE]


@pytest.fixture(scope="session")
def site_build(request, tmp_path_factory) -> tuple[Path, list[str] | None]:
    """The project's site, built once for the session with `make build` (strict), and what
    the build printed (None for a site built before the session). `make test` builds only
    here, or, in several processes, in the first before it starts the others
    (pytest_sessionstart); a failed build ends the session with its output."""
    if os.environ.get(PREBUILT):
        return Path(os.environ[PREBUILT]), None
    given = getattr(request.config, "workerinput", {}).get("edition_site")
    if given:
        return Path(given[0]), given[1]
    site_dir = tmp_path_factory.mktemp("site")
    return site_dir, built(site_dir)


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
def broken_build(request, tmp_path_factory) -> tuple[Path, int, str]:
    """A copy of the project with the faults of BROKEN, built once with `make build` for
    the tests of what a failing build says (tests/test_site.py, test_footnotes.py,
    test_quiet_build.py): (site folder, status, output)."""

    def build() -> tuple[Path, int, str]:
        root = copy_project(tmp_path_factory.mktemp("broken") / "project", make=True)
        (root / BROKEN["missing English page"]).unlink()
        for rel, old, new in (BROKEN["check failure"], BROKEN["footnote"]):
            page = root / rel
            text = page.read_text(encoding="utf-8")
            assert old in text, (rel, old)
            page.write_text(text.replace(old, new, 1), encoding="utf-8")
        status, lines = make_build(root, root / "site")
        return root / "site", status, "\n".join(lines)

    return made_once(session_folder(request), "broken", build)


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
def crawled(request, browser, server, site):
    """Every built page visited once, for the tests that read every page (tests/crawling.py),
    in whichever of the session's processes asks first."""
    from crawling import crawl

    return made_once(session_folder(request), "crawl", lambda: crawl(browser, server, site))


def pytest_collection_modifyitems(config, items) -> None:
    """The order in which `make test` hands whole modules to its processes (pytest-xdist,
    `--dist loadfile --no-loadscope-reorder`): the modules with the most tests first, as
    pytest-xdist would order them, so that the processes end together; but the modules that
    read the session's crawl of every page wait for the first of them to make it (made_once),
    so that one comes first, the others last, by when it is made."""
    modules: dict[str, list] = {}
    for item in items:
        modules.setdefault(item.nodeid.split("::")[0], []).append(item)
    crawling = [name for name, tests in modules.items() if any("crawled" in test.fixturenames for test in tests)]
    by_size = sorted(modules, key=lambda name: -len(modules[name]))  # stable: ties keep their order
    order = crawling[:1] + [name for name in by_size if name not in crawling] + [name for name in by_size if name in crawling[1:]]
    items[:] = [item for name in order for item in modules[name]]
