"""The Pagefind trial of issue 13: index a built site with Pagefind and measure it as the
edition's own search is measured (README, "Search at scale: two designs measured").

    python3 -m venv /tmp/pf && /tmp/pf/bin/pip install pagefind-bin-extended==1.5.2
    .venv/bin/python scripts/pagefind_trial.py SITE --pagefind /tmp/pf/bin/...pagefind_extended

Pagefind is not a dependency of the edition (it lost the trial); this script only runs
it on a copy of a built site. It prints JSON: the index time, what a first search
downloads (gzip bytes; Pagefind's .pagefind files are compressed already), keystroke to
results, and precision at 1 and 5 of tests/search-queries.yml, a result's paragraph being
the last element with an id before the first match (Pagefind's `anchors`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from ..generators.browser import ARGS, find_chromium, serve
from .measure import gzip_size
from .search_queries import START, load_queries, precision

# What the edition's index leaves out, left out of Pagefind's too, for a fair comparison.
EXCLUDE = ".gloss-tip, .headerlink, .para-links, .footnote-ref, .footnote-backref, .translation-notice, .md-content__button, .last-updated"

# In the page: load Pagefind, search, read the top results' data; the paragraph of a
# result is the last anchor (element with an id) at or before its first matching word.
SEARCH = """async (query) => {
  if (!window.__pf) { window.__pf = await import('/pagefind/pagefind.js'); await window.__pf.init(); }
  const began = performance.now();
  const search = await window.__pf.search(query);
  const data = await Promise.all(search.results.slice(0, 5).map(r => r.data()));
  const elapsed = performance.now() - began;
  const found = data.map(d => {
    const first = Math.min(...(d.locations.length ? d.locations : [0]));
    const anchors = (d.anchors || []).filter(a => a.location <= first && /^(p-|fn:)/.test(a.id));
    const path = new URL(d.url, location.href).pathname;
    return anchors.length ? path + '#' + anchors[anchors.length - 1].id : path;
  });
  return {found, elapsed};
}"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pagefind_trial.py", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--pagefind", required=True, help="the pagefind_extended binary")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site, site)
        began = time.perf_counter()
        command = [args.pagefind, "--site", str(site), "--root-selector", "article.md-content__inner", "--exclude-selectors", EXCLUDE]
        subprocess.run(command, check=True, capture_output=True)
        index_s = time.perf_counter() - began
        results = {"index_s": index_s}
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=ARGS)
            for lang, queries in load_queries().items():
                page = browser.new_page()
                requests: list[str] = []
                page.goto(base + START[lang] + "yushan-2023/part-2/")
                page.wait_for_load_state("networkidle")
                page.on("request", lambda r, seen=requests: seen.append(r.url))
                ranked, times = [], []
                for number, query in enumerate(queries):
                    answer = page.evaluate(SEARCH, query.text)
                    if number == 0:
                        first = sorted(set(requests))
                    ranked.append((query, answer["found"]))
                    times.append(answer["elapsed"])
                files = [site / u.removeprefix(base).lstrip("/").split("?")[0] for u in first]
                sizes = {
                    f.relative_to(site).as_posix(): f.stat().st_size if f.suffix.startswith(".pf") or f.suffix == ".pagefind" else gzip_size(f.read_bytes())
                    for f in files
                    if f.is_file()
                }
                ranks = precision(ranked)
                results[lang] = {
                    "first_search_gzip_bytes": sum(sizes.values()),
                    "first_search_files": sizes,
                    "precision_at_1": ranks["at_1"],
                    "precision_at_5": ranks["at_5"],
                    "first_query_ms": times[0],
                    "later_queries_median_ms": statistics.median(times[1:]),
                    "misses": [f"{q.text} → {found[:2]} (expected {q.expect})" for q, found in ranked if q.expect not in found[: q.top]][:10],
                }
                page.close()
            browser.close()
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0
