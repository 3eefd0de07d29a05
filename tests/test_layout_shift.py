"""No page moves under the reader's eyes: cumulative layout shift at most 0.02 on every page
on a phone, measured in Chromium with a PerformanceObserver while the page loads as on a
slow connection, its scripts arriving after its first paint (edition/workbench/layout_shift.py).
"""

from __future__ import annotations

from edition.workbench.layout_shift import layout_shift, layout_shifts
from edition.workbench.measure import site_pages

LIMIT = 0.02  # "good" is 0.1 (Core Web Vitals); the issue asks for 0.02
PHONE = 390


def test_no_page_shifts_on_a_phone(browser, server, site):
    shifts = layout_shifts(browser, server, site_pages(site), PHONE)
    assert len(shifts) > 20
    assert {path: (s.score, s.shifted[:3]) for path, s in shifts.items() if s.score > LIMIT} == {}


def test_no_report_page_shifts_on_a_desktop(browser, server):
    shifts = layout_shifts(browser, server, ["/yushan-2023/", "/en/yushan-2023/", "/yushan-2023/part-1/", "/en/yushan-2023/part-1/"], 1366)
    assert {path: shift for path, shift in shifts.items() if shift.score > LIMIT} == {}


def test_mutation_the_switch_put_under_the_title_as_before_shifts_the_page(browser, server):
    """The term-hint switch inserted under the title after the first paint pushed the Chinese
    Part I down (Lighthouse: 0.214); the build now writes it in the row under the title
    (edition/passes/page_html.py, page_tools). Moved by the script out of that row, under
    the title, as it was put before, it shifts the page again. (The page's scripts still run
    after its first paint: the browser runs edition.js after Material's bundle, which the
    measure holds back.)"""
    adopted = 'if (button) button.addEventListener("click"'

    def as_before(route):
        script = route.fetch().text()
        assert script.count(adopted) == 1
        route.fulfill(
            body=script.replace(adopted, 'if (button) document.querySelector(".md-content h1").after(button);\n' + adopted), content_type="text/javascript"
        )

    shift = layout_shift(browser, server, "/yushan-2023/part-1/", PHONE, routes={"**/assets/javascripts/edition.js": as_before})
    assert shift.score > LIMIT and "h2#s-1-1" in shift.shifted, shift
