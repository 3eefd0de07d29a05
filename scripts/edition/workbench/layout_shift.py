"""Cumulative layout shift of a page as a reader on a slow phone sees it load, measured in
Chromium with a PerformanceObserver: the sum of the `layout-shift` entries the page
records from its start. The reader gives no input during the measure, so every entry
counts, as Lighthouse counts them: Chromium marks the shifts of the first 500 ms "after
input" (hadRecentInput) because of the emulated phone screen, which a real phone has not,
and the web-vitals rule that drops those entries would drop the very shifts measured here.

On a fast connection the page's scripts run before its first paint, and whatever they
insert moves nothing anyone saw; on a phone they often arrive after it. So the measure
holds back every script of the page (not its stylesheets, which the first paint waits
for) until the page has painted, then lets them run: the worst case, every time, without
a timing. Lighthouse found 0.214 on the Chinese Part I this way (the term-hint switch
inserted under the title); in a plain page load here it read 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..generators.browser import loaded_together, wait_until

OBSERVE = """
window.__layoutShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) {
    window.__layoutShifts.push({
      value: entry.value,
      nodes: entry.sources.map(function (source) {
        var node = source.node;
        if (!node || node.nodeType !== 1) return node ? node.nodeName : "?";
        return node.nodeName.toLowerCase() + (node.id ? "#" + node.id : "") + (node.classList.length ? "." + Array.from(node.classList).join(".") : "");
      })
    });
  });
}).observe({type: "layout-shift", buffered: true});
"""
PAINTED = "performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')"
SHIFTS = "window.__layoutShifts"


@dataclass(frozen=True)
class LayoutShift:
    path: str
    width: int
    score: float  # cumulative layout shift
    shifted: tuple[str, ...]  # the elements that moved, largest shift first


def layout_shift(browser, base: str, path: str, width: int = 390, routes: dict | None = None) -> LayoutShift:
    """The page's cumulative layout shift at `width` CSS px (under 600: a phone, touch, no
    hover), its scripts held back until it has painted. `routes`: a test's hooks to change
    what the server sends (a mutation), {URL pattern: handler(route)}."""
    return _Loading(browser, base, path, width, routes).shift()


def layout_shifts(browser, base: str, paths: list[str], width: int = 390) -> dict[str, LayoutShift]:
    """layout_shift() of each page, several pages loading at a time."""
    return loaded_together(paths, lambda path: _Loading(browser, base, path, width), _Loading.shift)


class _Loading:
    """A page loading in a context of its own, its scripts held back until it had painted."""

    def __init__(self, browser, base: str, path: str, width: int, routes: dict | None = None) -> None:
        self.path, self.width = path, width
        phone = width < 600
        self.context = browser.new_context(
            viewport={"width": width, "height": 844 if phone else 900}, is_mobile=phone, has_touch=phone, service_workers="block"
        )
        self.context.add_init_script(OBSERVE)
        held, painted = [], []

        def hold(route) -> None:  # until the first paint; from then on, straight through
            if painted or route.request.resource_type != "script":
                route.continue_()
            else:
                held.append(route)

        self.context.route("**/*.js", hold)
        for pattern, handler in (routes or {}).items():
            self.context.route(pattern, handler)
        self.page = self.context.new_page()
        try:
            self.page.goto(base + path, wait_until="commit")
            wait_until(self.page, PAINTED)
            painted.append(True)
            while held:
                held.pop(0).continue_()
        except BaseException:
            self.context.close()
            raise

    def shift(self) -> LayoutShift:
        """Once the page's network is idle: the shifts it recorded."""
        try:
            self.page.wait_for_load_state("networkidle")
            shifts = self.page.evaluate(SHIFTS)
        finally:
            self.context.close()
        shifts.sort(key=lambda s: -s["value"])
        nodes = tuple(dict.fromkeys(node for shift in shifts for node in shift["nodes"]))
        return LayoutShift(self.path, self.width, round(sum(s["value"] for s in shifts), 4), nodes)
