"""The system Chromium, which the PDF printer and the browser tests drive with Playwright."""

from __future__ import annotations

import functools
import http.server
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


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as GitHub Pages does: a missing page gets 404.html, status 404."""

    def log_message(self, *args) -> None:
        pass

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
