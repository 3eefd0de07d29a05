"""Sentence by sentence in Chromium (issue 28), in both languages, on a desktop and a phone:
the side-by-side view highlights a sentence's counterpart on pointing, tapping and keyboard
focus; a reading page, its switch on, shows the other language of one sentence. Nothing of
it is fetched before a reader asks."""

from __future__ import annotations

import pytest
from browsing import Visit, settle
from playwright.sync_api import expect
from test_accessibility import axe_violations

from conftest import ROOT
from edition.generators.browser import rendered, wait_until
from edition.model.project import Project
from edition.model.sentences import load_alignment, report_sentences

DESKTOP, PHONE = 1366, 390
PAIRED = "Array.from(document.querySelectorAll('#p-1-2-1 .sentence.is-paired')).map(e => e.getAttribute('data-sentence'))"


def one_to_two() -> tuple[int, list[int]]:
    """p-1-2-1's pair of one Chinese sentence to two English ones, as the alignment has it
    today: its Chinese sentence number and its English ones."""
    project = Project(ROOT)
    (report,) = project.reports
    pairs = load_alignment(report.data("sentences.yml"))["p-1-2-1"].pairs
    pair = next(p for p in pairs if len(p.zh) == 1 and len(p.en) == 2)
    return pair.zh[0], list(pair.en)


def sentences_of(block_id: str):
    project = Project(ROOT)
    (report,) = project.reports
    return next(b for b in report_sentences(project, report) if b.id == block_id)


def asked(visit: Visit) -> list[str]:
    return [url for url in visit.requests if "/parallel/sentences/" in url or url.endswith(("/sentences.js", "/sentences.css"))]


def paired(page) -> list[str]:
    return sorted(set(page.evaluate(PAIRED)))


def point(page, locator, phone: bool) -> None:
    """Tap or point at a sentence (the middle of its widest line: an inline span
    over several lines has its box's centre on a neighbour's text)."""
    box = locator.evaluate(
        "e => { e.scrollIntoView({block: 'center'}); const r = Array.from(e.getClientRects()).sort((a, b) => b.width - a.width)[0];"
        " return [r.left + r.width / 2, r.top + r.height / 2]; }"
    )
    if phone:
        page.touchscreen.tap(*box)
    else:
        page.mouse.move(*box)


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_side_by_side_highlights_the_counterpart(browser, server, lang, width):
    prefix = "/en" if lang == "en" else ""
    visit = Visit(browser, server, f"{prefix}/yushan-2023/parallel/", width=width, idle=True)
    page = visit.page
    assert asked(visit) == []  # nothing until a reader points at the text
    row = page.locator("#p-1-2-1")
    row.scroll_into_view_if_needed()
    english = row.locator(".parallel-text").nth(1)
    if width == PHONE:
        english.tap()
    else:
        english.hover()
    wait_until(page, "document.querySelectorAll('.parallel .sentence[tabindex]').length > 200")
    # p-1-2-1: one Chinese sentence rendered by two English ones.
    zh, (en_a, en_b) = one_to_two()
    point(page, row.locator(f".sentence[data-sentence='en{en_b}']").first, width == PHONE)
    wait_until(page, "document.querySelector('#p-1-2-1 .sentence.is-current') !== null")
    assert paired(page) == sorted([f"en{en_a}", f"en{en_b}", f"zh{zh}"])
    assert row.locator(".sentence.is-current").evaluate_all("els => els.map(e => e.getAttribute('data-sentence'))") == [f"en{en_b}"]
    assert row.locator(".sentence-shape").all_inner_texts() == ["1∶2", "1∶2"]  # one label a column
    # A one-to-one pair next: the label goes.
    point(page, row.locator(".sentence[data-sentence='zh2']").first, width == PHONE)
    wait_until(page, "document.querySelector('#p-1-2-1 .sentence.is-current[data-sentence=zh2]') !== null")
    assert paired(page) == ["en2", "zh2"]
    assert row.locator(".sentence-shape").count() == 0
    stems = {url.rsplit("/", 1)[1] for url in asked(visit) if url.endswith(".json")}
    assert stems == {"index.json", "part-1.json", "part-2.json", "part-3.json"}
    assert visit.errors == [] and visit.failures == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_side_by_side_by_keyboard_with_a_description(browser, server, lang):
    prefix = "/en" if lang == "en" else ""
    visit = Visit(browser, server, f"{prefix}/yushan-2023/parallel/", width=DESKTOP)
    page = visit.page
    page.focus("#p-1-2-1 .parallel-source")  # tabbing into the rows starts the pairing
    wait_until(page, "document.querySelectorAll('.parallel .sentence[tabindex]').length > 200")
    first = page.locator("#p-1-2-1 .sentence[data-sentence='en1']").first
    assert first.get_attribute("tabindex") == "0" and first.get_attribute("role") == "button"
    assert page.locator("#p-1-2-1 .sentence[data-sentence='en2']").first.get_attribute("tabindex") == "-1"  # one tab stop a cell
    first.focus()
    zh, (en_a, en_b) = one_to_two()
    for _ in range(en_a - 1):
        page.keyboard.press("ArrowDown")
    focused = "document.activeElement.getAttribute('data-sentence')"
    assert page.evaluate(focused) == f"en{en_a}"
    assert paired(page) == sorted([f"en{en_a}", f"en{en_b}", f"zh{zh}"])
    block = sentences_of("p-1-2-1")
    description = page.locator("#" + page.evaluate("document.activeElement.getAttribute('aria-describedby')"))
    text = description.text_content()
    assert block.zh[zh - 1] in text and ("(1 Chinese to 2 English)" in text if lang == "en" else "（中文1句对英文2句）" in text)
    page.keyboard.press("Enter")  # to the counterpart
    assert page.evaluate(focused) == f"zh{zh}"
    assert " ".join(block.en[en_a - 1 : en_b]) in description.text_content()
    page.keyboard.press("Escape")
    assert paired(page) == []
    assert visit.errors == []


def reading_case(lang: str):
    """An English page asks for the Chinese of the second English sentence of p-1-2-1's
    one-to-two pair; a Chinese page for the English of that pair's Chinese sentence (both
    English sentences). The buttons follow the sentences, one each."""
    block = sentences_of("p-1-2-1")
    zh, (en_a, en_b) = one_to_two()
    if lang == "en":
        return "/en/yushan-2023/part-1/", en_b - 1, block.zh[zh - 1], [f"en{en_a}", f"en{en_b}"]
    return "/yushan-2023/part-1/", zh - 1, " ".join(block.en[en_a - 1 : en_b]), [f"zh{zh}"]


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_reading_page_shows_the_other_language_of_one_sentence(browser, server, lang, width):
    path, button_index, original, highlighted = reading_case(lang)
    context = browser.new_context(viewport={"width": width, "height": 900}, is_mobile=width == PHONE, has_touch=width == PHONE)
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    switch = page.locator(".sentences-switch")
    expect(switch).to_have_attribute("aria-checked", "false")  # off by default
    assert page.locator(".sentence-ask").count() == 0
    assert not [u for u in requests if "sentences" in u]
    if width == PHONE:
        switch.tap()
    else:
        switch.click()
    expect(switch).to_have_attribute("aria-checked", "true")
    project = Project(ROOT)
    (report,) = project.reports
    expected = sum(
        len(b.zh if lang == "zh" else b.en) for b in report_sentences(project, report) if b.zh_path.name == "part-1.md" and b.zh_block.kind == "paragraph"
    )
    expect(page.locator(".sentence-ask")).to_have_count(expected)  # one button a sentence
    button = page.locator("#p-1-2-1 .sentence-ask").nth(button_index)
    expect(button).to_have_attribute("aria-expanded", "false")
    if width == PHONE:
        button.tap()
    else:
        button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    box = page.locator("#" + button.get_attribute("aria-controls"))
    expect(box).to_be_visible()
    assert original in box.inner_text()
    assert box.locator("[lang]").get_attribute("lang") == ("zh-Hans" if lang == "en" else "en")
    assert sorted(set(page.evaluate(PAIRED))) == highlighted
    box.scroll_into_view_if_needed()
    settle(page)
    assert page.evaluate(
        "(() => { const r = document.querySelector('.sentence-original').getBoundingClientRect(); return r.right <= document.documentElement.clientWidth + 1; })()"
    )
    page.keyboard.press("Escape")
    expect(box).to_have_count(0)
    expect(button).to_have_attribute("aria-expanded", "false")
    # Remembered, like the term hints: on after a reload, off again once switched off.
    page.reload()
    rendered(page)
    expect(page.locator(".sentences-switch")).to_have_attribute("aria-checked", "true")
    expect(page.locator(".sentence-ask")).to_have_count(expected)
    page.locator(".sentences-switch").click()
    expect(page.locator(".sentence-ask:visible")).to_have_count(0)
    page.reload()
    rendered(page)
    expect(page.locator(".sentences-switch")).to_have_attribute("aria-checked", "false")
    assert page.locator(".sentence-ask").count() == 0
    assert errors == []
    context.close()


def test_keyboard_opens_and_closes_the_original(browser, server):
    visit = Visit(browser, server, "/en/yushan-2023/part-1/", width=DESKTOP)
    page = visit.page
    page.locator(".sentences-switch").click()
    expect(page.locator(".sentence-ask").first).to_be_visible()
    button = page.locator("#p-1-1-1 .sentence-ask").first
    assert button.get_attribute("aria-label") == "Chinese of this sentence"
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.classList.contains('sentence-ask')")
    assert visit.errors == []


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_axe_finds_nothing_with_sentences_paired(browser, server, lang, width):
    prefix = "/en" if lang == "en" else ""
    visit = Visit(browser, server, f"{prefix}/yushan-2023/parallel/", width=width)
    visit.page.focus("#p-1-2-1 .parallel-source")
    wait_until(visit.page, "document.querySelectorAll('.parallel .sentence[tabindex]').length > 200")
    visit.page.locator(f"#p-1-2-1 .sentence[data-sentence='en{one_to_two()[1][1]}']").first.focus()
    settle(visit.page)
    assert axe_violations(visit) == []
    reading = Visit(browser, server, f"{prefix}/yushan-2023/part-1/", width=width)
    reading.page.locator(".sentences-switch").click()
    reading.page.locator("#p-1-2-1 .sentence-ask").first.click()
    expect(reading.page.locator(".sentence-original")).to_be_visible()
    settle(reading.page)
    assert axe_violations(reading) == []
