"""`make bench`: measure the build, the checks, page weight, search and Lighthouse; write
bench/results.{json,md}. `make bench-scale` (--scale): build and check the project with
10 and 50 synthetic reports added, profile the largest build; write bench/scale.{json,md}.

Timings are medians of several runs on this machine; sizes are gzip bytes. Size budgets
are enforced by tests/test_budgets.py; timings are only reported here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import pstats
import re
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from ..checks import run_checks
from ..generators.browser import ARGS, find_chromium, serve
from ..model.project import Project
from .layout_shift import layout_shifts
from .lighthouse import CATEGORIES, PAGES, PERFORMANCE_PAGES, audit
from .measure import first_search, first_view, gzip_size, offline_copy, site_pages
from .processes import Hung, run
from .scale import synthetic_project
from .search_queries import START, ask, load_queries, precision

ROOT = Path(__file__).resolve().parents[3]
RUNS = 3
LIGHTHOUSE_RUNS = 5  # Lighthouse's advice for a stable median: its timings vary run to run
SCALES = (0, 10, 50)  # synthetic reports added to the real one


def timed_build(config: Path, site: Path) -> float:
    start = time.perf_counter()
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    try:
        done = run(command, what=f"bench: the build of {config}", timeout=1200, cwd=config.parent, capture_output=True, text=True)
    except Hung as error:
        raise SystemExit(str(error)) from None
    if done.returncode != 0:
        raise SystemExit(f"bench: the build of {config} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def children_cpu() -> float:
    """CPU seconds used so far by finished child processes: on a shared machine, wall time
    says how busy the others were; CPU time says what a build costs."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build_times(site: Path) -> dict[str, float]:
    cpu = children_cpu()
    bilingual = [timed_build(ROOT / "mkdocs.yml", site) for _ in range(RUNS)]
    bilingual_cpu = (children_cpu() - cpu) / RUNS
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
    return {"build_bilingual_s": statistics.median(bilingual), "build_bilingual_cpu_s": bilingual_cpu, "build_chinese_only_s": statistics.median(chinese)}


def zensical_build_times(runs: int = RUNS) -> dict[str, float]:
    """The same site built with Zensical (scripts/build_zensical.py: prebuild, zensical-i18n,
    postbuild) as a command, like the MkDocs build: cold (a new build folder, no cache) and
    warm (Zensical's cache of the previous run kept), with the share of zensical-i18n itself."""
    cold, warm, engine, cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for attempt in range(runs):
            for kind, folder in (("cold", Path(tmp) / f"cold-{attempt}"), ("warm", Path(tmp) / "warm")):
                command = [
                    str(ROOT / ".venv-zensical" / "bin" / "python"),
                    str(ROOT / "scripts" / "build_zensical.py"),
                    "--site",
                    str(folder / "site"),
                    "--build",
                    str(folder / "build"),
                ]
                try:
                    if kind == "warm" and attempt == 0:
                        run(command, what="bench: the Zensical build (cache)", timeout=1200, cwd=ROOT, capture_output=True, text=True)
                    start, cpu_start = time.perf_counter(), children_cpu()
                    done = run(command, what="bench: the Zensical build", timeout=1200, cwd=ROOT, capture_output=True, text=True)
                except Hung as error:
                    raise SystemExit(str(error)) from None
                if done.returncode != 0:
                    raise SystemExit(f"bench: the Zensical build failed (make setup-zensical):\n{done.stderr[-2000:]}")
                (cold if kind == "cold" else warm).append(time.perf_counter() - start)
                if kind == "cold":
                    cpu.append(children_cpu() - cpu_start)
                    engine.append(float(re.search(r"zensical_s ([\d.]+)", done.stdout).group(1)))
    return {
        "build_zensical_cold_s": statistics.median(cold),
        "build_zensical_warm_s": statistics.median(warm),
        "zensical_i18n_cold_s": statistics.median(engine),
        "build_zensical_cold_cpu_s": statistics.mean(cpu),
    }


def check_time(root: Path = ROOT, runs: int = 21) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        problems = run_checks(Project(root))
        times.append(time.perf_counter() - start)
        if problems:
            raise SystemExit(f"bench: the checks of {root} found problems, first: {problems[0]}")
    return statistics.median(times)


def browser_measures(site: Path) -> dict:
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("bench: no Chromium found: run `make browser` or set CHROMIUM")
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        views = [first_view(browser, base, site, path) for path in site_pages(site)]
        # On a phone, the page's scripts after its first paint (edition/workbench/layout_shift.py).
        shifts = {path: shift.score for path, shift in layout_shifts(browser, base, site_pages(site), 390).items()}
        search = {}
        for lang, queries in load_queries().items():
            # The query set (tests/search-queries.yml), typed on a page of the report; the
            # first query also fetches the report's index.
            page = browser.new_page()
            page.goto(base + START[lang] + "yushan-2023/part-2/")
            page.wait_for_load_state("networkidle")
            times, results = [], []
            for query in queries:
                found, elapsed = ask(page, base, query.text)
                times.append(elapsed)
                results.append((query, found))
            ranks = precision(results)
            search[lang] = {
                "queries": len(queries),
                "precision_at_1": ranks["at_1"],
                "precision_at_5": ranks["at_5"],
                "first_query_ms": times[0] * 1000,
                "later_queries_median_ms": statistics.median(times[1:]) * 1000,
                "later_queries_max_ms": max(times[1:]) * 1000,
            }
            page.close()
        browser.close()
    largest = max(views, key=lambda v: v.gzip_bytes)
    return {
        "pages": len(views),
        "first_view_gzip_bytes": {v.path: v.gzip_bytes for v in views},
        "layout_shift_phone": shifts,
        "largest_page": {"path": largest.path, "gzip_bytes": largest.gzip_bytes},
        "third_party_requests": sum(len(v.outside) for v in views),
        "search_ms": search,
    }


def lighthouse_scores(site: Path) -> dict:
    """Lighthouse, mobile settings, on the cover and a section page in both languages: the
    median of LIGHTHOUSE_RUNS runs per category (Lighthouse's own advice, as its scores vary between
    runs), with the metrics of the run whose performance score is the median."""
    results = {}
    with serve(site) as base:
        for path in dict.fromkeys(PAGES + PERFORMANCE_PAGES):
            runs = sorted((audit(base + path, path) for _ in range(LIGHTHOUSE_RUNS)), key=lambda a: a.scores["performance"])
            middle = runs[len(runs) // 2]
            results[path] = {
                "scores": {name: statistics.median(run.scores[name] for run in runs) for name in CATEGORIES},
                "performance_runs": [run.scores["performance"] for run in runs],
                "metrics_ms": {key: round(value, 3 if key == "cumulative-layout-shift" else None) for key, value in middle.metrics.items()},
                "shortfalls": middle.shortfalls,
            }
    return results


def all_reports_index(site: Path, lang: str) -> int:
    """What ticking "all reports" adds to a search: every report's index (gzip bytes)."""
    folder = site / "search" if lang == "zh" else site / lang / "search"
    return sum(gzip_size(f.read_bytes()) for f in folder.glob("*.json") if f.name != "search_index.json")


def scale_runs() -> dict:
    """Build and check the project with 0, 10 and 50 synthetic reports added; profile the
    largest build and say which code the time goes to."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in SCALES:
            project = synthetic_project(ROOT, Path(tmp) / f"scale-{count}", count)
            site = project / "site"
            builds = [timed_build(project / "mkdocs.yml", site) for _ in range(RUNS)]
            html = list(site.rglob("*.html"))
            searches = first_search(site)
            rows.append(
                {
                    "reports": count + 1,
                    "pages": len(html),
                    "build_s": statistics.median(builds),
                    "check_s": check_time(project, runs=5),
                    "site_bytes": sum(f.stat().st_size for f in site.rglob("*") if f.is_file()),
                    "largest_html_gzip_bytes": max(gzip_size(f.read_bytes()) for f in html),
                    "first_search_gzip_bytes": {lang: search.total for lang, search in searches.items()},
                    "all_reports_index_gzip_bytes": {lang: all_reports_index(site, lang) for lang in searches},
                }
            )
            print(f"scale: {count + 1} reports, {len(html)} pages: build {rows[-1]['build_s']:.1f} s, checks {rows[-1]['check_s'] * 1000:.0f} ms", flush=True)
        largest = Path(tmp) / f"scale-{SCALES[-1]}"
        profile = profile_build(largest)
    return {"date": date.today().isoformat(), "machine": machine(), "runs": rows, "profile": profile, "glossary": glossary_runs()}


GLOSSARY_TERMS = (0, 300)  # the real glossary, then one grown to 300 terms


def glossary_runs() -> list[dict]:
    """The first view of each glossary page (both languages) with the real glossary and with
    one grown to 300 terms: a page shows PER_PAGE terms, whatever the glossary holds."""
    from playwright.sync_api import sync_playwright

    from ..model.glossary import load_terms
    from .scale import glossary_project

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for terms in GLOSSARY_TERMS:
            project = glossary_project(ROOT, Path(tmp) / f"glossary-{terms}", terms or len(load_terms(Project(ROOT).reports[0])))
            site = project / "site"
            timed_build(project / "mkdocs.yml", site)
            paths = [path for path in site_pages(site) if re.search(r"/glossary(?:-\d+)?/$", path)]
            with serve(site) as base, sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=find_chromium(), args=ARGS)
                views = {path: first_view(browser, base, site, path).gzip_bytes for path in paths}
                browser.close()
            count = len(load_terms(Project(project).reports[0]))
            rows.append({"terms": count, "pages": len(paths) // 2, "first_view_gzip_bytes": views})
            print(f"glossary: {count} terms, {len(paths) // 2} pages, largest first view {max(views.values()) / 1024:.1f} KB", flush=True)
    return rows


# Where build time goes: the cumulative time of the functions that do each part of the
# build (file, function). The second language's pages are built inside
# mkdocs-static-i18n's on_post_build, so its row also holds part of every row above it;
# the side-by-side cells' Markdown counts under both Markdown and directives.
PHASES = [
    ("Markdown to HTML (Python-Markdown)", "markdown/core.py", "convert"),
    ("page templates: nav, header, footer (Jinja2, Material)", "jinja2/environment.py", "render"),
    ("search index: HTML parsing, Chinese segmentation (Material search, jieba)", "material/plugins/search/plugin.py", "on_page_context"),
    ("of which the jieba dictionary load (once per build)", "jieba/__init__.py", "initialize"),
    ("content checks (hooks: on_pre_build)", "scripts/hooks.py", "on_pre_build"),
    ("directives: glossary, side by side, notes (hooks: on_page_markdown)", "scripts/hooks.py", "on_page_markdown"),
    ("paragraph links, term marks, lang spans (hooks: on_page_content)", "scripts/hooks.py", "on_page_content"),
    ("page dates from git (hooks: on_page_context)", "scripts/hooks.py", "on_page_context"),
    ("search indexes per report and paragraph, downloads (hooks: on_post_build)", "scripts/hooks.py", "on_post_build"),
    ("the second language's build (mkdocs-static-i18n)", "mkdocs_static_i18n/plugin.py", "on_post_build"),
]


def profile_build(project: Path) -> dict:
    out = project / "build.prof"
    command = [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")]
    try:
        done = run(command, what=f"bench: the profiled build of {project}", timeout=1800, cwd=project, capture_output=True, text=True)
    except Hung as error:
        raise SystemExit(str(error)) from None
    if done.returncode != 0:
        raise SystemExit(f"bench: the profiled build of {project} failed:\n{done.stderr[-2000:]}")
    stats = pstats.Stats(str(out)).stats  # type: ignore[attr-defined]
    total = max(cumulative for (_calls, _primitive, _own, cumulative, _callers) in stats.values())
    phases = {}
    for label, filename, function in PHASES:
        seconds = sum(entry[3] for (path, _line, name), entry in stats.items() if path.replace("\\", "/").endswith(filename) and name == function)
        phases[label] = {"s": seconds, "share": seconds / total}
    return {"total_s": total, "phases": phases}


def scale_table(r: dict) -> str:
    lines = [
        f"Measured {r['date']} on {r['machine']}. Each synthetic report is a copy of the real one (9 pages per language),",
        "listed in the nav as one collapsed group. Builds are strict and bilingual, median of 3; checks in process, median of 5.",
        "",
        "| Reports | Pages built | Build | Build per report | Checks | Site size | Largest page HTML, gzip | First search zh / en, gzip | All reports' indexes zh / en, gzip |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    kb = lambda n: f"{n / 1024:.0f} KB"  # noqa: E731
    for row in r["runs"]:
        first = row["first_search_gzip_bytes"]
        every = row["all_reports_index_gzip_bytes"]
        lines.append(
            f"| {row['reports']} | {row['pages']} | {row['build_s']:.1f} s | {row['build_s'] / row['reports']:.2f} s"
            f" | {row['check_s'] * 1000:.0f} ms | {row['site_bytes'] / 1024 / 1024:.1f} MB | {kb(row['largest_html_gzip_bytes'])}"
            f" | {kb(first['zh'])} / {kb(first['en'])} | {kb(every['zh'])} / {kb(every['en'])} |"
        )
    if r.get("glossary"):
        lines += ["", "The glossary's pages as the glossary grows (first view of each page, both languages; budget 90 KB):", ""]
        lines += ["| Terms | Pages per language | Largest first view, gzip | Smallest |", "| --- | --- | --- | --- |"]
        for row in r["glossary"]:
            views = row["first_view_gzip_bytes"].values()
            lines.append(f"| {row['terms']} | {row['pages']} | {max(views) / 1024:.1f} KB | {min(views) / 1024:.1f} KB |")
    profile = r["profile"]
    lines += ["", f"Where the time of the largest build goes (cProfile, cumulative, {profile['total_s']:.0f} s under the profiler):", ""]
    lines += ["| Part of the build | Share |", "| --- | --- |"]
    lines += [f"| {label} | {phase['share'] * 100:.0f}% |" for label, phase in profile["phases"].items()]
    return "\n".join(lines) + "\n"


def machine() -> str:
    """CPU model, cores and Python, for the record."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        model = names[0] if names else model
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.py", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", action="store_true", help="build and check with 10 and 50 synthetic reports added (bench/scale.*)")
    parser.add_argument("--builds", action="store_true", help="only the build times, MkDocs and Zensical (bench/builds.*)")
    parser.add_argument("--glossary", action="store_true", help="only the glossary pages' first views, real and grown to 300 terms (bench/glossary.json)")
    args = parser.parse_args(argv)
    out = ROOT / "bench"
    out.mkdir(exist_ok=True)
    if args.builds:
        with tempfile.TemporaryDirectory() as tmp:
            results = {"date": date.today().isoformat(), "machine": machine(), **build_times(Path(tmp) / "site"), **zensical_build_times()}
        (out / "builds.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (out / "builds.md").write_text(builds_table(results), encoding="utf-8")
        print(builds_table(results))
        return 0
    if args.glossary:
        rows = glossary_runs()
        (out / "glossary.json").write_text(json.dumps(rows, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return 0
    if args.scale:
        results = scale_runs()
        (out / "scale.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (out / "scale.md").write_text(scale_table(results), encoding="utf-8")
        publish("scale", results)
        print(scale_table(results))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        results = {
            "date": date.today().isoformat(),
            "machine": machine(),
        }
        results.update(build_times(site))
        results.update(zensical_build_times())
        results["check_s"] = check_time()
        results["first_search"] = {lang: {"gzip_bytes": f.total, "index_gzip_bytes": f.index_bytes, "files": f.files} for lang, f in first_search(site).items()}
        results.update(browser_measures(site))
        results["offline_copy"] = offline_copy(site)
        results["lighthouse"] = lighthouse_scores(site)
    (out / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    (out / "results.md").write_text(table(results), encoding="utf-8")
    publish("results", results)
    publish("builds", results)
    print(table(results))
    return 0


# The README shows the figures of the last run as written here, between markers, so that
# they cannot drift from what `make bench` measured (tests/test_bench_tools.py compares them
# with bench/results.json and bench/scale.json, which are committed with the README).
README = ROOT / "README.md"


def readme_tables() -> dict[str, tuple[str, object]]:
    """Each block of the README: (the bench file it is written from, the table function)."""
    return {"results": ("results.json", table), "builds": ("results.json", builds_table), "scale": ("scale.json", scale_table)}


def _markers(name: str) -> tuple[str, str]:
    return f"<!-- make bench: {name} (written by scripts/bench.py; do not edit) -->", f"<!-- end of make bench: {name} -->"


def _block_span(text: str, name: str) -> tuple[int, int, str] | None:
    """Where block `name`'s table stands in the README's text (start, end) and the
    indentation of its markers (a block may stand in a list item)."""
    start, end = _markers(name)
    if start not in text or end not in text:
        return None
    begin = text.index(start) + len(start) + 1  # after the marker's line
    line_start = text.rfind("\n", 0, text.index(start)) + 1
    indent = text[line_start : text.index(start)]
    return begin, text.rfind("\n", 0, text.index(end)) + 1, indent


def readme_block(text: str, name: str) -> str | None:
    """The table of block `name` in the README's text, as written (unindented), or None when
    it has no such block."""
    span = _block_span(text, name)
    if span is None:
        return None
    begin, end, indent = span
    return "\n".join(line.removeprefix(indent) for line in text[begin:end].split("\n"))


def publish(name: str, results: dict, readme: Path = README) -> None:
    """Write block `name` of the README from the measurements."""
    text = readme.read_text(encoding="utf-8")
    span = _block_span(text, name)
    if span is None:
        raise SystemExit(f"bench: {readme.name} has no block for {name}: add the two lines {_markers(name)} where it goes")
    begin, end, indent = span
    table = readme_tables()[name][1](results)
    written = "\n".join(indent + line if line else line for line in table.split("\n"))
    readme.write_text(text[:begin] + written + text[end:], encoding="utf-8")


def build_rows(r: dict) -> list[tuple[str, str]]:
    return [
        ("Strict bilingual build, MkDocs (median of 3; CPU time, mean)", f"{r['build_bilingual_s']:.1f} s (CPU {r['build_bilingual_cpu_s']:.1f} s)"),
        ("Chinese-only build, same content, MkDocs (median of 3)", f"{r['build_chinese_only_s']:.1f} s"),
        (
            "Strict bilingual build, Zensical: cold / warm cache (median of 3; make build-zensical)",
            f"{r['build_zensical_cold_s']:.1f} s / {r['build_zensical_warm_s']:.1f} s"
            f" (CPU, cold: {r['build_zensical_cold_cpu_s']:.1f} s; zensical-i18n itself, cold: {r['zensical_i18n_cold_s']:.1f} s)",
        ),
    ]


def builds_table(r: dict) -> str:
    lines = [f"Measured {r['date']} on {r['machine']}.", "", "| Measure | Result |", "| --- | --- |", *[f"| {a} | {b} |" for a, b in build_rows(r)]]
    return "\n".join(lines) + "\n"


def table(r: dict) -> str:
    kb = lambda n: f"{n / 1024:.1f} KB"  # noqa: E731
    rows = [
        *build_rows(r),
        ("Content checks, in process (median of 21)", f"{r['check_s'] * 1000:.0f} ms"),
        (
            f"First view, largest of {r['pages']} pages ({r['largest_page']['path']}), gzip",
            kb(r["largest_page"]["gzip_bytes"]) + " (budget 90 KB; covers and sections 75 KB)",
        ),
        *[
            (
                f"First search {lang}: all it downloads / of which indexes, gzip",
                f"{kb(r['first_search'][lang]['gzip_bytes'])} / {kb(r['first_search'][lang]['index_gzip_bytes'])} (budget 80 KB)",
            )
            for lang in ("zh", "en")
        ],
        *[
            (
                f"Search {lang}, {r['search_ms'][lang]['queries']} queries (tests/search-queries.yml): precision at 1 / at 5",
                f"{r['search_ms'][lang]['precision_at_1'] * 100:.0f}% / {r['search_ms'][lang]['precision_at_5'] * 100:.0f}%",
            )
            for lang in ("zh", "en")
        ],
        *[
            (
                f"Keystroke to results {lang}: first query (loads the report's index) / later (median, max)",
                f"{r['search_ms'][lang]['first_query_ms']:.0f} ms / {r['search_ms'][lang]['later_queries_median_ms']:.0f} ms,"
                f" {r['search_ms'][lang]['later_queries_max_ms']:.0f} ms",
            )
            for lang in ("zh", "en")
        ],
        ("Third-party requests, all pages", str(r["third_party_requests"])),
        *[
            (f"Kept for offline reading after one visit, {name}: files / gzip", f"{copy['files']} / {kb(copy['gzip_bytes'])}")
            for name, copy in r["offline_copy"].items()
        ],
        ("Layout shift on a phone (390 px, scripts after the first paint), largest of all pages", f"{max(r['layout_shift_phone'].values()):.4f}"),
    ]
    for path, result in r["lighthouse"].items():
        scores = result["scores"]
        metrics = result["metrics_ms"]
        rows.append(
            (
                f"Lighthouse mobile {path}: performance (runs min-max) / accessibility / best practices / SEO, median of {LIGHTHOUSE_RUNS}",
                f"{scores['performance']:.0f} ({min(result['performance_runs'])}-{max(result['performance_runs'])})"
                f" / {scores['accessibility']:.0f} / {scores['best-practices']:.0f} / {scores['seo']:.0f}"
                f" (FCP {metrics['first-contentful-paint'] / 1000:.1f} s, LCP {metrics['largest-contentful-paint'] / 1000:.1f} s,"
                f" TBT {metrics['total-blocking-time']:.0f} ms)",
            )
        )
    lines = [f"Measured {r['date']} on {r['machine']}.", "", "| Measure | Result |", "| --- | --- |", *[f"| {a} | {b} |" for a, b in rows]]
    # Each page: its first view (gzip, budget 75 KB, long pages 90 KB) and its layout shift.
    lines += ["", "| Page | First view, gzip | Layout shift, phone |", "| --- | --- | --- |"]
    for path, size in r["first_view_gzip_bytes"].items():
        lines.append(f"| {path} | {kb(size)} | {r['layout_shift_phone'][path]:.4f} |")
    return "\n".join(lines) + "\n"
