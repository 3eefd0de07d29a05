"""Each page speaks its own language in its UI, and Chinese text gets full-width punctuation
(issue 14, points 3 and 4)."""

from __future__ import annotations

import re

import pytest
from browsing import Visit

from conftest import ROOT
from edition.generators.browser import rendered
from edition.passes.ui_language import foreign_ui, localise_ui

ENGLISH_PAGE = (
    '<html lang="en"><body><header class="md-header"><a title="{title}" href="/">x</a><a hreflang="zh" href="/">中文</a></header>{body}</body></html>'
)
CHINESE_PAGE = '<html lang="zh"><body><nav class="md-nav"><span>{nav}</span></nav><button aria-label="{label}">{text}</button><p id="p-1-1">正文 English text</p></body></html>'


def test_no_page_has_ui_strings_in_the_other_language(site):
    found = {}
    for page in sorted(site.rglob("*.html")):
        wrong = foreign_ui(page.read_text(encoding="utf-8"))
        if wrong:
            found[page.relative_to(site).as_posix()] = wrong[:5]
    assert found == {}
    assert len(list(site.rglob("*.html"))) == 2 * len(list((ROOT / "docs").rglob("*.en.md"))) + 2  # and a not-found page each


def test_the_ui_check_catches_each_kind_of_mistake():
    """Mutations: each wrong string is named; the deliberate ones are not."""
    assert foreign_ui(ENGLISH_PAGE.format(title="Home", body="")) == []  # the hreflang link is deliberate
    assert foreign_ui(ENGLISH_PAGE.format(title="本节链接", body="")) == ["1: <a title>: 本节链接"]
    assert foreign_ui(ENGLISH_PAGE.format(title="Home", body='<input placeholder="搜索">')) == ["1: <input placeholder>: 搜索"]
    assert foreign_ui(ENGLISH_PAGE.format(title="Home", body='<div lang="zh-Hans"><button>复制</button></div>')) == []
    assert foreign_ui(ENGLISH_PAGE.format(title="Home", body="<button>复制</button>")) == ["1: <button> text: 复制"]
    ok = CHINESE_PAGE.format(nav="下载 PDF", label="引用 p-1-1", text="复制 BibTeX")
    assert foreign_ui(ok) == []  # formats and the page's own ids are not English words; report text is not UI
    assert foreign_ui(CHINESE_PAGE.format(nav="Downloads", label="引用", text="复制")) == ["1: page chrome: Downloads"]
    assert foreign_ui(CHINESE_PAGE.format(nav="下载", label="Cite p-1-1", text="复制")) == ["1: <button aria-label>: Cite p-1-1"]
    assert foreign_ui(CHINESE_PAGE.format(nav="下载", label="引用", text="Copy")) == ["1: <button> text: Copy"]
    # The edition's own words inside the content: a side-by-side row's label (issue 25:
    # "cover", "table-1-r1" on the Chinese page), in its English cell too, and the page date.
    row = '<div lang="en"><p>English text</p><a class="parallel-source" lang="zh-Hans" href="#cover">{label}</a></div>'
    assert foreign_ui(CHINESE_PAGE.replace("</body>", row.format(label="cover") + "</body>").format(nav="下载", label="引用", text="复制")) == [
        "1: page chrome: cover"
    ]
    assert foreign_ui(CHINESE_PAGE.replace("</body>", row.format(label="标题") + "</body>").format(nav="下载", label="引用", text="复制")) == []
    dated = CHINESE_PAGE.replace("</body>", '<p class="last-updated">Last updated：2026-11-26</p></body>')
    assert foreign_ui(dated.format(nav="下载", label="引用", text="复制")) == ["1: page chrome: Last updated：2026-11-26"]
    dated = CHINESE_PAGE.replace("</body>", '<p class="last-updated">最后更新: 2026-11-26</p></body>')  # as all pages had it
    assert foreign_ui(dated.format(nav="下载", label="引用", text="复制")) == ["1: page chrome: 最后更新: 2026-11-26"]


def test_permalink_titles_are_localised():
    heading = '<h2 id="s-1">I.<a class="headerlink" href="#s-1" title="本节链接">¶</a></h2>'
    assert 'title="Link to this section"' in localise_ui(heading, "en")
    assert localise_ui(heading, "zh") == heading


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/en/yushan-2023/part-1/", ("Cite", "Copy", "Close", "Report an error in this paragraph", "Download .")),
        ("/yushan-2023/part-1/", ("引用", "复制", "关闭", "纠错：报告本段错误", "下载 .")),
    ],
)
def test_cite_box_speaks_the_page_language(browser, server, path, words):
    visit = Visit(browser, server, path)
    visit.page.locator("button.para-cite").first.click()
    dialog = visit.page.locator("dialog.cite-dialog")
    dialog.locator("pre").first.wait_for()
    assert words[0] in dialog.get_attribute("aria-label")
    buttons = dialog.locator("button").all_inner_texts()
    assert buttons and all(text in words[1:4] for text in buttons), buttons
    downloads = dialog.locator("a.cite-download").all_inner_texts()
    assert downloads and all(text.startswith(words[4]) for text in downloads), downloads
    visit.page.close()


# A “ in Chinese text must be as wide as a Chinese character (full width), as a Chinese reader
# expects; from the Latin font it is about a third as wide.
GLYPHS = """(selector) => {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.search(/“[\\u4e00-\\u9fff]/);
      if (at < 0) continue;
      const range = document.createRange();
      const width = (i) => { range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect().width; };
      return {quote: width(at), hanzi: width(at + 1), text: node.data.slice(at, at + 6)};
    }
  }
  return null;
}"""


def quote_widths(visit: Visit, selector: str) -> dict:
    found = visit.page.evaluate(GLYPHS, selector)
    assert found, f"no “ before a Chinese character in {selector}"
    return found


@pytest.mark.parametrize(
    ("path", "selector"),
    [("/yushan-2023/part-1/", ".md-content p[id^='p-']"), ("/en/yushan-2023/editorial-notes/", ".md-content [lang='zh-Hans']")],
)
def test_chinese_quotes_are_full_width(browser, server, path, selector):
    visit = Visit(browser, server, path)
    widths = quote_widths(visit, selector)
    assert widths["hanzi"] > 10
    assert abs(widths["quote"] - widths["hanzi"]) < 0.5, widths
    visit.page.close()


def test_quote_width_check_fails_without_the_cjk_punctuation_face(browser, server):
    """Mutation: without the @font-face for CJK punctuation, the same measurement fails."""
    context = browser.new_context()
    page = context.new_page()

    def without_face(route):
        css = route.fetch().text()
        route.fulfill(body=re.sub(r'"Edition CJK Punctuation",\s*', "", css), content_type="text/css")

    page.route("**/assets/edition.css", without_face)
    page.goto(server + "/yushan-2023/part-1/")
    rendered(page)
    widths = page.evaluate(GLYPHS, ".md-content p[id^='p-']")
    assert widths["quote"] < widths["hanzi"] * 0.6, widths
    context.close()
