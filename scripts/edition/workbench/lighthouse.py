"""Lighthouse (from npm, package.json) run on pages of a served site with the system Chromium.

Lighthouse's defaults are its mobile settings: a phone screen, a slow 4G network and a
slowed-down CPU, simulated. `audit` returns the four category scores (0-100) and, for each
category short of 100, the audits that cost it points.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..generators.browser import ARGS, find_chromium
from .processes import Hung, run

ROOT = Path(__file__).resolve().parents[3]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The pages the issue names: the cover and one section page, in both languages.
PAGES = ("/yushan-2023/", "/yushan-2023/part-2/", "/en/yushan-2023/", "/en/yushan-2023/part-2/")
# Performance (issue 25): the covers and the longest section, Part I, in both languages.
PERFORMANCE_PAGES = ("/yushan-2023/", "/en/yushan-2023/", "/yushan-2023/part-1/", "/en/yushan-2023/part-1/")


class LighthouseError(Exception):
    """Lighthouse or Chromium is missing, or a run failed; the message says which."""


@dataclass
class Audit:
    path: str
    scores: dict[str, int]
    shortfalls: list[str]  # "category: audit id (score) value", for every audit that lost points
    metrics: dict[str, float]  # first-contentful-paint, largest-contentful-paint … in ms


def audit(url: str, path: str, categories: tuple[str, ...] = CATEGORIES) -> Audit:
    if not LIGHTHOUSE.exists():
        raise LighthouseError(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `npm ci` (make browser does)")
    chromium = find_chromium()
    if chromium is None:
        raise LighthouseError("no Chromium found: run `make browser` or set CHROMIUM")
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(categories)}",
            "--chrome-flags=" + " ".join(["--headless=new", *ARGS]),
        ]
        env = {**os.environ, "CHROME_PATH": chromium}
        try:
            done = run(command, what=f"lighthouse on {path}", timeout=300, env=env, capture_output=True, text=True)
        except Hung as error:
            raise LighthouseError(str(error)) from None
        if done.returncode != 0 or not report.exists():
            raise LighthouseError(f"lighthouse {url} failed ({done.returncode}): {done.stderr.strip()[-800:]}")
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise LighthouseError(f"lighthouse {url}: {data['runtimeError'].get('message')}")
    scores, shortfalls = {}, []
    for name, category in data["categories"].items():
        scores[name] = round((category["score"] or 0) * 100)
        for ref in category["auditRefs"]:
            result = data["audits"][ref["id"]]
            if ref["weight"] > 0 and result["score"] is not None and result["score"] < 1:
                shortfalls.append(f"{name}: {ref['id']} ({result['score']:.2f}) {result.get('displayValue', '')}".rstrip())
    metrics = {}
    for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"):
        if key in data["audits"] and data["audits"][key].get("numericValue") is not None:
            metrics[key] = data["audits"][key]["numericValue"]
    return Audit(path=path, scores=scores, shortfalls=shortfalls, metrics=metrics)
