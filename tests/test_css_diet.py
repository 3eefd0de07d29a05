"""Material's stylesheet, trimmed of unused features (edition/passes/css_diet.py), styles every page
exactly as Material's own does: the same computed style on every element and pseudo-element,
on the page types of both languages, desktop and phone, with search, a hint and Cite open
(six cases: the comparison reads every property of every element, seconds per page)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest

from conftest import ROOT
from edition.generators.browser import rendered, wait_until
from edition.model.problems import Problem
from edition.passes.css_diet import UNUSED, trim
from edition.passes.preview import banner

MATERIAL_CSS = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
# Both stylesheets are served with transitions off, so that a style is read at rest.
STILL = "*,::before,::after{transition:none!important;animation:none!important}"

STYLES = """() => {
  const out = [];
  const all = document.querySelectorAll("body *");
  for (let i = 0; i < all.length; i++) {
    for (const pseudo of [null, "::before", "::after"]) {
      const style = getComputedStyle(all[i], pseudo);
      if (pseudo && style.content === "none") continue;
      const values = {};
      // Custom properties are left out: the trimmed ones are read by no rule that remains.
      // (The count read once: reading style.length each time doubled the loop's time.)
      for (let j = 0, count = style.length; j < count; j++) {
        const name = style.item(j);
        if (!name.startsWith("--")) values[name] = style.getPropertyValue(name);
      }
      out.push([i + (pseudo || "") + " " + all[i].tagName.toLowerCase() + (all[i].className ? "." + String(all[i].className).trim().split(/\\s+/).join(".") : ""), values]);
    }
  }
  // One string, read with json.loads: Playwright's own serialisation of the same
  // objects took four fifths of the comparison's time.
  return JSON.stringify(out);
}"""


def differences(ours: list, theirs: list) -> list[str]:
    """Each element and property whose computed style differs: `3 label.md-search-scope
    color: rgb(…) (trimmed) ≠ rgb(…) (Material's)`; elements present in one run only."""
    found = []
    if [key for key, _ in ours] != [key for key, _ in theirs]:
        extra = sorted({key for key, _ in ours} ^ {key for key, _ in theirs})
        found.append(f"the two pages differ in their elements: {extra[:5]}")
    for (key, a), (_, b) in zip(ours, theirs, strict=False):
        for name in sorted(set(a) | set(b)):
            if a.get(name) != b.get(name):
                found.append(f"{key} {name}: {a.get(name)} (trimmed) ≠ {b.get(name)} (Material's)")
    return found


CASES = [
    ("/yushan-2023/", 1280, None),  # admonitions
    ("/en/yushan-2023/part-1/", 1280, "hint"),  # footnotes, marks, a hint open
    ("/en/yushan-2023/part-1/", 375, "search"),  # the phone layout, search results
    ("/yushan-2023/part-1/", 1280, "cite"),
    ("/yushan-2023/parallel/", 375, None),
    ("/404.html", 1280, None),
]


SHEET = re.compile(r".*/assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
NOTHING_HOVERED = "document.querySelectorAll(':hover').length === 0"
# Material's search has started: its worker has loaded and indexed, and Material has
# rewritten the count line ("Initializing search" → "Type to start searching"), which
# edition.js stamps (data-answered, the empty query). Until then the line's height differs.
SEARCH_STARTED = "document.querySelector('.md-search-result').dataset.answered !== undefined"
SCROLL_LOCKED_BELOW = 960  # px: Material locks the page's scroll under an open search below its tablet width (60em)


def styles(browser, server: str, path: str, width: int, action: str | None, css: str) -> list:
    """The computed styles of every element of a page served with the stylesheet `css`, once
    the action is done and the page is at rest.

    At rest, on a phone with the search open, means with the page's scroll locked: Material
    locks it (body[data-md-scrolllock], the body fixed at its offset) a moment after the
    search opens, and whether the results were answered before or after decided what a run
    read: the page 2993 px tall and 1247 px wide around the overlay, or 900 × 375 (its bundle
    sets the lock 400 ms after the search opens). On a
    loaded machine the two runs fell on either side of it
    (test_trimmed_stylesheet_computes_the_same_styles[/en/yushan-2023/part-1/-375-search]:
    "2 label.md-overlay bottom: 2993px (trimmed) ≠ 900px (Material's)"). At rest also means
    that nothing is hovered: a click leaves the pointer where it clicked, and what lies under
    it changes as the page answers (there, the field first, then the clear button drawn
    over it once the query is typed); the hint, opened by hovering its term, is read with
    that term, and only it, hovered."""
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.route(SHEET, lambda route: route.fulfill(body=css + STILL, content_type="text/css"))
    page.goto(server + path)
    rendered(page)
    # A page rendered may still say "Initializing search": on a phone the two loads read one
    # each ("51 div.md-search-result height: 252px (trimmed) ≠ 324px (Material's)"). Given as
    # long as a first search answer is (edition.workbench.search_queries.ask).
    wait_until(page, SEARCH_STARTED, timeout_ms=120_000)
    if action == "hint":
        page.locator(".md-content a.gloss").first.hover()
        page.wait_for_selector("#term-hint:not([hidden])")
        wait_until(page, "document.querySelector('.md-content a.gloss:hover') === document.querySelector('.md-content a.gloss')")
    else:
        if action == "search":
            page.locator("label[for=__search]").first.click()
            # One input, then a key, and a wait for the results stamped as answering "law": a
            # key-by-key query would leave the answers to "l" and "la" arriving in either run.
            page.keyboard.insert_text("law")
            page.keyboard.press("End")
            wait_until(page, "document.querySelector('.md-search-result').dataset.answered === 'law'")
            if width < SCROLL_LOCKED_BELOW:
                wait_until(page, "document.body.hasAttribute('data-md-scrolllock')")
        elif action == "cite":
            page.locator("button.para-cite").first.click()
            page.wait_for_selector("dialog.cite-dialog[open]")
        page.mouse.move(-10, -10)
        wait_until(page, NOTHING_HOVERED)
    found = json.loads(page.evaluate(STYLES))
    context.close()
    return found


def test_site_serves_the_trimmed_stylesheet(site):
    served = next((site / "assets/stylesheets").glob("main.*.min.css"))
    assert served.name == MATERIAL_CSS.name
    original = MATERIAL_CSS.read_text(encoding="utf-8")
    assert served.read_text(encoding="utf-8") == trim(original)
    assert len(served.read_bytes()) < 0.7 * len(original)


@pytest.mark.parametrize(("path", "width", "action"), CASES)
def test_trimmed_stylesheet_computes_the_same_styles(browser, server, path, width, action):
    original = MATERIAL_CSS.read_text(encoding="utf-8")
    ours = styles(browser, server, path, width, action, trim(original))
    theirs = styles(browser, server, path, width, action, original)
    assert len(ours) > 100
    assert differences(ours, theirs) == []


def test_style_comparison_fails_when_a_used_rule_is_trimmed(browser, server):
    """Mutation: drop the rules of Material's header (which every page uses): styles differ."""
    original = MATERIAL_CSS.read_text(encoding="utf-8")
    broken = re.sub(r"\.md-header\{[^}]*\}", "", trim(original))
    assert broken != trim(original)
    found = differences(styles(browser, server, "/", 1280, None, broken), styles(browser, server, "/", 1280, None, trim(original)))
    # Named by element and property: the header's own box, as the test prints it.
    assert any(line.split(" ", 2)[1].startswith("header.md-header") for line in found), found[:5]


def test_no_page_uses_a_trimmed_feature(site):
    """A page that starts using a trimmed feature (content tabs, a warning admonition…) fails
    here: remove the feature from UNUSED_FEATURES."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        classes = {c for attr in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")) for c in attr.split()}
        used = sorted(c for c in classes if UNUSED.fullmatch("." + c))
        if used:
            found[page.relative_to(site).as_posix()] = used
    assert found == {}
    # The check sees such a class (mutation): an admonition of type warning, content tabs.
    assert UNUSED.fullmatch(".warning") and UNUSED.fullmatch(".tabbed-set") and not UNUSED.fullmatch(".cite-dialog")


def test_the_preview_banner_keeps_its_red():
    """The preview's banner (`make serve`, never in a built site) is Material's red `failure`
    admonition, which CONTRIBUTING promises: its rules and icon stay in the trimmed sheet."""
    html = banner([Problem(ROOT / "docs" / "x.md", 1, "headings", "…")], ROOT, "en")
    classes = {c for attr in re.findall(r'class="([^"]*)"', html) for c in attr.split()}
    assert "failure" in classes and not [c for c in classes if UNUSED.fullmatch("." + c)]
    trimmed = trim(MATERIAL_CSS.read_text(encoding="utf-8"))
    assert ".md-typeset .admonition.failure" in trimmed and "--md-admonition-icon--failure:" in trimmed


def test_trim_keeps_unrelated_rules_and_at_rules():
    css = '@charset "UTF-8";:root{--md-admonition-icon--note:url("a{b}");--md-admonition-icon--bug:url(x)}.md-typeset .admonition.bug,.md-typeset .bug>summary{color:red}@media screen{.tabbed-set{x:y}.md-nav{a:b}}.md-typeset .note{c:d}'
    assert trim(css) == '@charset "UTF-8";:root{--md-admonition-icon--note:url("a{b}")}@media screen{.md-nav{a:b}}.md-typeset .note{c:d}'


def test_own_assets_are_served_without_comments(site):
    from edition.passes.minify import minify_css, minify_js

    assert minify_js('// why\nvar a = "http://x"; // kept\n  if (a) {\n    // why\n    go();\n  }\n') == 'var a = "http://x"; // kept\nif (a) {\ngo();\n}'
    assert minify_css("/* why */\n.a {\n  color: red; /* x */\n}\n") == ".a{color:red;}"
    # The blank of a descendant combinator and before a pseudo-class stays; a string stays whole.
    assert minify_css('.a .b,\n.c :is(d, e) > f {\n  content: " ▲";\n  margin: 0 auto;\n}') == '.a .b,.c :is(d,e)>f{content:" ▲";margin:0 auto;}'
    for rel in ("assets/edition.css", "assets/javascripts/edition.js"):
        source = (ROOT / "docs" / rel).read_text(encoding="utf-8")
        served = (site / rel).read_text(encoding="utf-8")
        assert len(served) < 0.9 * len(source), rel
        assert "/*" not in served if rel.endswith(".css") else not any(line.startswith("//") for line in served.splitlines()), rel
