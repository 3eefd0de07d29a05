"""A clean `make build` prints at most five lines; a broken one still prints every warning,
and stops the tests at once."""

from __future__ import annotations

import shutil
import sys

import pytest

from conftest import ROOT
from edition.workbench.processes import run

NOISE = ("Building prefix dict", "Loading model", "mkdocs_static_i18n", "end of life", "Cleaning site directory", "search index per language")


def test_a_clean_build_prints_at_most_five_lines(site_build):
    _, lines = site_build  # the session's own `make build` (conftest.py)
    assert lines is not None, "the session's site was built before it: run this test in a session that builds"
    assert len(lines) <= 5, "\n".join(lines)
    assert not [line for line in lines if any(noise in line for noise in NOISE)]


def test_a_broken_build_still_prints_each_warning(broken_build):
    _, status, output = broken_build  # three faults (conftest.BROKEN)
    lines = output.splitlines()
    assert status != 0
    assert [line for line in lines if line.startswith("WARNING") and "[headings]" in line], output
    assert "Aborted with" in output
    assert not [line for line in lines if any(noise in line for noise in NOISE)], output


@pytest.mark.parametrize("processes", [[], ["-n", "2", "--dist", "loadfile"]], ids=["one process", "two processes"])
def test_a_failed_build_stops_the_tests_at_once_with_its_output(broken_build, processes):
    """`make test` builds the site only in the tests' session (conftest.site_build; in
    several processes, in the first before it starts the others): when that strict build
    fails, the run ends there, saying why once, not at every test."""
    root = broken_build[0].parent  # the broken project (conftest.BROKEN)
    (root / "tests").mkdir(exist_ok=True)
    for name in ("conftest.py", "browsing.py", "test_quiet_build.py"):
        shutil.copy(ROOT / "tests" / name, root / "tests" / name)
    result = run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *processes, "tests/test_quiet_build.py::test_a_clean_build_prints_at_most_five_lines"],
        what="the tests of the broken project",
        timeout=600,
        cwd=root,
        capture_output=True,
        text=True,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "`make build` (strict) failed:" in output and "[headings]" in output, output
    assert output.count("`make build` (strict) failed:") == 1, output
    assert "Traceback" not in output and "INTERNALERROR" not in output and " passed" not in output, output
