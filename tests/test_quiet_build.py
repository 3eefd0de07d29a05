"""A clean `make build` prints at most five lines; a broken one still prints every warning."""

from __future__ import annotations

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
