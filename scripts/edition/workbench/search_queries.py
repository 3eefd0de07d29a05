"""The search query set (tests/search-queries.yml) and how to run it in the browser.

One module for the browser test (tests/test_search.py) and the benchmark (`make bench`):
each query is typed into Material's search dialog on the built site, as a reader types
it, and the result's paragraphs are read in the order shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..generators.browser import wait_until
from ..model.yaml_data import load_yaml

QUERIES = Path(__file__).resolve().parents[3] / "tests" / "search-queries.yml"
START = {"zh": "/", "en": "/en/"}

# The search dialog's results answer the query in the field once edition.js (search results) has stamped
# them (data-answered, set when Material rewrites the result count).
# A condition for edition.browser.wait_until (the site's CSP refuses wait_for_function's eval).
ANSWERED = "document.querySelector('.md-search-result').dataset.answered === arg"


class QueryFileError(ValueError):
    """The query file cannot be read; the message names file and line."""


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    expect: str  # path#paragraph of the result that must come first (or within `top`)
    top: int
    why: str
    line: int


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    """The query set by language; a malformed file is named with its line."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryFileError(f"{path}: cannot read: {error}") from None
    try:
        data = load_yaml(raw) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise QueryFileError(f"{path}:{mark.line + 1 if mark else 1}: malformed YAML: {getattr(error, 'problem', error)}") from None
    lines = raw.splitlines()
    queries: dict[str, list[Query]] = {}
    for lang in START:
        entries = data.get(lang)
        if not isinstance(entries, list) or not entries:
            raise QueryFileError(f"{path}:1: no list of queries under '{lang}:'")
        found = []
        cursor = 0
        for entry in entries:
            text = str(entry.get("query", "")) if isinstance(entry, dict) else ""
            # The entry's line: the next line that holds its query (entries are in order).
            line = next((n for n in range(cursor, len(lines)) if text and text in lines[n]), cursor)
            cursor = line + 1
            expect = entry.get("expect") if isinstance(entry, dict) else None
            if not text or not isinstance(expect, str) or "#p-" not in expect:
                raise QueryFileError(f"{path}:{line + 1}: each query needs 'query' and 'expect' (a path#p-… paragraph)")
            top = entry.get("top", 1)
            if top not in (1, 3) or (top == 3 and not entry.get("why")):
                raise QueryFileError(f"{path}:{line + 1}: 'top' is 1, or 3 with a 'why' (the ambiguity)")
            found.append(Query(lang, text, expect, top, str(entry.get("why", "")), line + 1))
        queries[lang] = found
    return queries


def ask(page, server: str, text: str) -> tuple[list[str], float]:
    """Type a query into the open page's search; return the paragraphs of the results in
    the order shown (path#id; a page's further matches folded under "more" left out) and
    the time from the keystroke to the results (s)."""
    field = page.locator("input.md-search__input")
    field.fill("")  # from the empty state, so that no result of an earlier query is read
    field.dispatch_event("keyup")
    # The first answer waits for the search to be ready (its worker, the report's index):
    # a condition, not a delay, given longer than the default because on a machine busy
    # with two test suites it once took more than 30 s. How fast it is, make bench measures.
    wait_until(page, ANSWERED, arg="", timeout_ms=120_000)
    field.fill(text)  # as an input method inserts Chinese: no key event per character
    began = time.perf_counter()
    field.dispatch_event("keyup")
    wait_until(page, ANSWERED, arg=text)
    elapsed = time.perf_counter() - began
    # What the reader sees, in order: each page's best paragraphs, not those folded away
    # under "N more on this page".
    hrefs = page.evaluate(
        "Array.from(document.querySelectorAll('.md-search-result__item a.md-search-result__link')).filter(a => !a.closest('details')).map(a => a.href)"
    )
    found: list[str] = []
    for href in hrefs:
        path = href.removeprefix(server).split("?", 1)[0].split("#", 1)[0]
        if "#" in href:
            place = f"{path}#{href.split('#', 1)[1]}"
            if place not in found:
                found.append(place)
    return found, elapsed


def precision(results: list[tuple[Query, list[str]]]) -> dict[str, float]:
    """Share of queries whose expected paragraph is first, and among the first five."""
    if not results:
        return {"at_1": 0.0, "at_5": 0.0}
    at_1 = sum(1 for query, found in results if found[:1] == [query.expect])
    at_5 = sum(1 for query, found in results if query.expect in found[:5])
    return {"at_1": at_1 / len(results), "at_5": at_5 / len(results)}
