"""Material's stylesheet, trimmed of unused features (edition/passes/css_diet.py), styles every page
exactly as Material's own does: the same computed style on every element and pseudo-element,
on the page types of both languages, desktop and phone, with search, a hint and Cite open
(six cases: the comparison reads every property of every element, seconds per page)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT
from edition.generators.browser import wait_until
from edition.passes.css_diet import UNUSED, trim

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
      const values = [];
      // Custom properties are left out: the trimmed ones are read by no rule that remains.
      for (let j = 0; j < style.length; j++) if (!style[j].startsWith("--")) values.push(style[j] + ":" + style.getPropertyValue(style[j]));
      out.push(i + (pseudo || "") + " " + all[i].tagName + "." + all[i].className + " " + values.join(";"));
    }
  }
  return out;
}"""

CASES = [
    ("/yushan-2023/", 1280, None),  # admonitions
    ("/en/yushan-2023/part-1/", 1280, "hint"),  # footnotes, marks, a hint open
    ("/en/yushan-2023/part-1/", 375, "search"),  # the phone layout, search results
    ("/yushan-2023/part-1/", 1280, "cite"),
    ("/yushan-2023/parallel/", 375, None),
    ("/404.html", 1280, None),
]


def styles(browser, server: str, path: str, width: int, action: str | None, css: str) -> list[str]:
    phone = width < 600
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.route(re.compile(r".*/assets/stylesheets/main\.[0-9a-f]+\.min\.css$"), lambda route: route.fulfill(body=css + STILL, content_type="text/css"))
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    if action == "hint":
        page.locator(".md-content a.gloss").first.hover()
        page.wait_for_selector("#term-hint:not([hidden])")
    elif action == "search":
        page.locator("label[for=__search]").first.click()
        # One input, then a key, and a wait for the results stamped as answering "law": a
        # key-by-key query would leave the answers to "l" and "la" arriving in either run.
        page.keyboard.insert_text("law")
        page.keyboard.press("End")
        wait_until(page, "document.querySelector('.md-search-result').dataset.answered === 'law'")
    elif action == "cite":
        page.locator("button.para-cite").first.click()
        page.wait_for_selector("dialog.cite-dialog[open]")
    found = page.evaluate(STYLES)
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
    assert len(ours) > 100 and len(ours) == len(theirs)
    differing = [(a[:160], b[:160]) for a, b in zip(ours, theirs, strict=True) if a != b]
    assert differing == []


def test_style_comparison_fails_when_a_used_rule_is_trimmed(browser, server):
    """Mutation: drop the rules of Material's header (which every page uses): styles differ."""
    original = MATERIAL_CSS.read_text(encoding="utf-8")
    broken = re.sub(r"\.md-header\{[^}]*\}", "", trim(original))
    assert broken != trim(original)
    assert styles(browser, server, "/", 1280, None, broken) != styles(browser, server, "/", 1280, None, trim(original))


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
