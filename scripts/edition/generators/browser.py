"""The system Chromium, which the PDF printer and the browser tests drive with Playwright."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"]
# As root and on a closed network: no sandbox, and none of Chromium's own background traffic.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    """CHROMIUM if set, else the usual install paths, else chromium on PATH."""
    for candidate in [os.environ.get("CHROMIUM", ""), *CANDIDATES, shutil.which("chromium") or ""]:
        if candidate and Path(candidate).exists():
            return candidate
    return None


# Chromium's headless shell (Debian's chromium-headless-shell, built from the same source and
# version as chromium): the browser Playwright itself runs for headless tests. A page load
# costs it a third of the CPU time the full browser's headless mode takes (twenty loads:
# 10-12 CPU seconds against 31-32), and page loads are most of what the browser tests
# spend. Lighthouse and the PDF printer keep the full browser (find_chromium): they judge
# and make what readers get.
SHELL_CANDIDATES = ["/usr/lib/chromium/chromium-headless-shell", "/usr/bin/chromium-headless-shell"]


def find_test_browser() -> str | None:
    """The browser the tests drive: CHROMIUM if set, else Chromium's headless shell, else
    the full browser (find_chromium)."""
    if os.environ.get("CHROMIUM"):
        return find_chromium()
    for candidate in [*SHELL_CANDIDATES, shutil.which("chromium-headless-shell") or ""]:
        if candidate and Path(candidate).exists():
            return candidate
    return find_chromium()


# What GitHub Pages sends gzip-compressed to a browser that accepts it.
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".md", ".csv", ".jsonl", ".tmx"}


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: text gzip-compressed, and a missing page
    gets 404.html with status 404. Transfer sizes measured through it are a reader's."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


@contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port; yield its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_SiteHandler, directory=str(site_dir)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def wait_until(page, condition: str, arg=None, timeout_ms: int = 30_000) -> None:
    """Wait until a JavaScript expression (which may use `arg`) is true in the page.

    Playwright's wait_for_function evaluates its expression with eval() inside the page,
    and the site's Content-Security-Policy (no 'unsafe-eval', edition.csp) refuses that.
    Here the condition is part of a function that Playwright hands to the browser through
    the DevTools protocol, which the page's policy does not govern; it is tested every
    20 ms until true, or fails after `timeout_ms` naming the condition.
    """
    expression = condition.strip()
    source = (
        "(arg) => new Promise((resolve, reject) => {"
        f" const end = performance.now() + {int(timeout_ms)};"
        f" const test = () => {{ if (({expression})) resolve(true);"
        f" else if (performance.now() > end) reject(new Error('timed out after {int(timeout_ms)} ms waiting until: ' + {json.dumps(expression)}));"
        " else setTimeout(test, 20); };"
        " test(); })"
    )
    page.evaluate(source, arg)


# What a reader sees of a page: its load event (every stylesheet, script and image its HTML
# asked for), its fonts in, and a frame painted after both. A test that judges what a page
# fetches waits for an idle network as well (500 ms without a request: Playwright's
# "networkidle"); a test of what the page shows or does need not spend that half second.
RENDERED = "document.fonts.ready.then(() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve))))"


def rendered(page) -> None:
    """Wait until the page has loaded, its fonts are in and a frame has been painted since."""
    page.wait_for_load_state("load")
    page.evaluate(RENDERED)


AT_ONCE = 4  # pages loading at once


def loaded_together(paths: list[str], open_page, read_page, at_once: int = AT_ONCE) -> dict:
    """{path: read_page(open_page(path))}, `at_once` pages opened before the first of them is
    read: each page's wait (for its rendering, or an idle network) overlaps the next
    ones' loading, instead of following it. For pages that are only read once loaded."""
    found = {}
    for start in range(0, len(paths), at_once):
        for path, opened in [(path, open_page(path)) for path in paths[start : start + at_once]]:
            found[path] = read_page(opened)
    return found
