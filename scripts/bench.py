#!/usr/bin/env python3
"""`make bench`: measure the build, the checks, page weight and search; write bench/results.{json,md}.

Timings are medians of several runs on this machine; sizes are gzip bytes. Size budgets
are enforced by tests/test_budgets.py; timings are only reported here.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.browser import ARGS, find_chromium, serve  # noqa: E402
from edition.checks import run_checks  # noqa: E402
from edition.measure import first_view, search_indexes, site_pages  # noqa: E402
from edition.project import Project  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
QUERIES = {"/": ["行政复议", "调解", "营商环境", "1162"], "/en/": ["reconsideration", "courts", "handling", "99.75%"]}


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def build_times(site: Path) -> dict[str, float]:
    bilingual = [timed_build(ROOT / "mkdocs.yml", site) for _ in range(RUNS)]
    # The same content, Chinese only: the English language is not built.
    single = ROOT / ".bench-mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    single.write_text(text.replace("          name: English\n          build: true", "          name: English\n          build: false"), encoding="utf-8")
    try:
        with tempfile.TemporaryDirectory() as other:
            chinese = [timed_build(single, Path(other)) for _ in range(RUNS)]
    finally:
        single.unlink()
    timed_build(ROOT / "mkdocs.yml", site)  # leave the full site for the browser measurements
    return {"build_bilingual_s": statistics.median(bilingual), "build_chinese_only_s": statistics.median(chinese)}


def check_time() -> float:
    times = []
    for _ in range(21):
        start = time.perf_counter()
        run_checks(Project(ROOT))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def browser_measures(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("bench: no Chromium found: run `make browser` or set CHROMIUM")
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        views = [first_view(browser, base, site, path) for path in site_pages(site)]
        search = {}
        for start, queries in QUERIES.items():
            page = browser.new_page()
            page.goto(base + start)
            page.wait_for_load_state("networkidle")
            field = page.locator("input.md-search__input")
            times = []
            for query in queries:
                field.fill("")
                field.dispatch_event("keyup")
                page.wait_for_function("!/\\d|没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
                began = time.perf_counter()
                field.fill(query)
                field.dispatch_event("keyup")
                page.wait_for_function("/\\d|没有|No matching/.test(document.querySelector('.md-search-result__meta').textContent)")
                times.append(time.perf_counter() - began)
            search["zh" if start == "/" else "en"] = {"first_query_ms": times[0] * 1000, "later_queries_median_ms": statistics.median(times[1:]) * 1000}
            page.close()
        browser.close()
    largest = max(views, key=lambda v: v.gzip_bytes)
    return {
        "pages": len(views),
        "first_view_gzip_bytes": {v.path: v.gzip_bytes for v in views},
        "largest_page": {"path": largest.path, "gzip_bytes": largest.gzip_bytes},
        "third_party_requests": sum(len(v.outside) for v in views),
        "search_ms": search,
    }


def machine() -> str:
    """CPU model, cores and Python, for the record."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        model = names[0] if names else model
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        results = {
            "date": date.today().isoformat(),
            "machine": machine(),
        }
        results.update(build_times(site))
        results["check_s"] = check_time()
        results["search_index"] = {lang: {"raw_bytes": raw, "gzip_bytes": gz} for lang, (raw, gz) in search_indexes(site).items()}
        results.update(browser_measures(site))
    out = ROOT / "bench"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(table(results), encoding="utf-8")
    print(table(results))
    return 0


def table(r: dict) -> str:
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    rows = [
        ("Strict bilingual build (median of 3)", f"{r['build_bilingual_s']:.1f} s"),
        ("Chinese-only build, same content (median of 3)", f"{r['build_chinese_only_s']:.1f} s"),
        ("Content checks, in process (median of 21)", f"{r['check_s'] * 1000:.0f} ms"),
        (f"First view, largest of {r['pages']} pages ({r['largest_page']['path']}), gzip", kb(r["largest_page"]["gzip_bytes"]) + " (budget 100 KB)"),
        ("Search index zh, raw / gzip", f"{kb(r['search_index']['zh']['raw_bytes'])} / {kb(r['search_index']['zh']['gzip_bytes'])} (budget 80 KB gzip)"),
        ("Search index en, raw / gzip", f"{kb(r['search_index']['en']['raw_bytes'])} / {kb(r['search_index']['en']['gzip_bytes'])} (budget 80 KB gzip)"),
        (
            "Keystroke to results zh: first query (loads the index) / later (median)",
            f"{r['search_ms']['zh']['first_query_ms']:.0f} ms / {r['search_ms']['zh']['later_queries_median_ms']:.0f} ms",
        ),
        (
            "Keystroke to results en: first query (loads the index) / later (median)",
            f"{r['search_ms']['en']['first_query_ms']:.0f} ms / {r['search_ms']['en']['later_queries_median_ms']:.0f} ms",
        ),
        ("Third-party requests, all pages", str(r["third_party_requests"])),
    ]
    lines = [f"Measured {r['date']} on {r['machine']}.", "", "| Measure | Result |", "| --- | --- |", *[f"| {a} | {b} |" for a, b in rows]]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
