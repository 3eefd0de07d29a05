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


def test_lighthouse_scores_are_100(server):
    def run(path: str):
        try:
            return audit(server + path, path, CATEGORIES)
        except LighthouseError as error:
            pytest.fail(str(error))

    with ThreadPoolExecutor(max_workers=2) as pool:
        audits = list(pool.map(run, PAGES))
    for result in audits:
        assert result.scores == dict.fromkeys(CATEGORIES, 100), (result.path, result.shortfalls)


def test_lighthouse_reports_what_costs_points(server, site, tmp_path):
    """A page with a known fault (an image without alt text) scores below 100 and the
    audit that cost the points is named: the test above can fail."""
    page = site / "lighthouse-probe" / "index.html"
    page.parent.mkdir()
    html = (site / "yushan-2023" / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</article>", '<img src="../assets/images/favicon.png"></article>', 1), encoding="utf-8")
    try:
        result = audit(server + "/lighthouse-probe/", "/lighthouse-probe/", ("accessibility",))
    finally:
        page.unlink()
        page.parent.rmdir()
    assert result.scores["accessibility"] < 100
    assert any("image-alt" in line for line in result.shortfalls), result.shortfalls
