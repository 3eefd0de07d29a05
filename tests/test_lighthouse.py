"""Lighthouse's accessibility, best-practices and SEO scores are 100 on the cover and a
section page in both languages (mobile settings, system Chromium).

These three scores depend on the pages alone. Performance is a timing (simulated on a slow
phone from what this machine measures) and so is measured, not asserted: `make bench`
(edition/workbench/bench.py) reports the median of five runs and its range on the covers and
both Part I pages. What held it down is asserted where it is not a timing: layout shift
(tests/test_layout_shift.py) and first-view bytes (tests/test_budgets.py). Lighthouse comes
from npm (package.json, installed by `make test`); a missing copy fails.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from edition.workbench.lighthouse import PAGES, LighthouseError, audit

CATEGORIES = ("accessibility", "best-practices", "seo")
PROBE = "/lighthouse-probe/"  # the cover with a known fault: an image without alt text


@pytest.fixture(scope="module")
def audits(server, site) -> dict:
    """Lighthouse on PAGES and on PROBE, all at once: a run mostly waits (for the page to
    settle, for Chromium and Node to start), so five together take about the time of two
    after each other (23.7 s against 37.6 s two at a time, on two cores)."""
    probe = site / PROBE.strip("/") / "index.html"
    probe.parent.mkdir()
    html = (site / "yushan-2023" / "index.html").read_text(encoding="utf-8")
    probe.write_text(html.replace("</article>", '<img src="../assets/images/favicon.png"></article>', 1), encoding="utf-8")

    def run(path: str):
        try:
            return audit(server + path, path, CATEGORIES)
        except LighthouseError as error:
            return error

    try:
        with ThreadPoolExecutor(max_workers=len(PAGES) + 1) as pool:
            return dict(zip([*PAGES, PROBE], pool.map(run, [*PAGES, PROBE]), strict=True))
    finally:
        probe.unlink()
        probe.parent.rmdir()


def audited(audits: dict, path: str):
    result = audits[path]
    if isinstance(result, LighthouseError):
        pytest.fail(str(result))
    return result


@pytest.mark.parametrize("path", PAGES)
def test_lighthouse_scores_are_100(audits, path):
    result = audited(audits, path)
    assert result.scores == dict.fromkeys(CATEGORIES, 100), (path, result.shortfalls)


def test_lighthouse_reports_what_costs_points(audits):
    """A page with a known fault (an image without alt text) scores below 100 and the
    audit that cost the points is named: the test above can fail."""
    result = audited(audits, PROBE)
    assert result.scores["accessibility"] < 100
    assert any("image-alt" in line for line in result.shortfalls), result.shortfalls
