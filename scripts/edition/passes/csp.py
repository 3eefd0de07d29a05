"""A Content-Security-Policy in every built page, computed from the page itself.

GitHub Pages sends no security headers, so the policy goes into a
`<meta http-equiv="Content-Security-Policy">` at the top of each page's <head> (a meta
policy covers only what follows it). Scripts may come only from the site itself, and an
inline script runs only if the sha256 of its text is listed: each page's own inline
scripts (Material's, and the edition's JSON data) are hashed here, after every other
writer of the build has finished. Nothing is listed by hand, so a new script of the
edition passes as long as it is a file of the site or an inline script the build wrote;
a script smuggled into a page's content does not run.

Directives, and why:
- no 'unsafe-eval': Material's bundle and lunr (in the search worker) need none; the
  crawl in tests/test_csp.py records zero violations with search used;
- style-src likewise 'self' and hashes: of each <style> element and, with
  'unsafe-hashes', of each style="…" attribute the build wrote. Measured on 2026-11-27:
  Material sets styles from its scripts through the CSSOM (element.style), which CSP
  allows, and only the not-found pages have an inline <style>; the crawl in tests/test_csp.py
  (search, scrolling, Cite, tooltips) meets no style violation;
- img-src data:: Material's icons are data: SVG in its stylesheet (mask-image);
- worker-src 'self': the search workers and the service worker of offline reading (sw.js,
  edition/passes/offline.py), files of the site; the service worker's own fetches are
  governed by no page's policy, and need nothing more;
- object-src 'none', base-uri 'self', form-action 'self': no plug-ins, no <base> that
  moves relative URLs elsewhere, no form that posts elsewhere.
frame-ancestors, sandbox and report-uri are left out: a meta policy ignores them, and
the browser logs an error for each.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import unescape
from pathlib import Path

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
SRC = re.compile(r"""\ssrc\s*=""", re.I)
HEAD = re.compile(r"<head\b[^>]*>", re.I)
CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>", re.I)
EXISTING = re.compile(r"""\s*<meta http-equiv="Content-Security-Policy"[^>]*>""", re.I)

STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.S | re.I)
STYLE_ATTR = re.compile(r"""<[a-z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


def source_hash(text: str) -> str:
    """The CSP source expression of an inline script: 'sha256-…' of its text as the
    browser sees it (the HTML parser turns CR LF and CR into LF)."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalized.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_script_hashes(html: str) -> list[str]:
    """The hash of every inline <script> of a page (those without src), sorted, unique."""
    return sorted({source_hash(body) for attrs, body in SCRIPT.findall(html) if not SRC.search(attrs)})


def inline_style_sources(html: str) -> list[str]:
    """The style-src expressions a page needs beyond 'self': the hash of each <style>
    element and, with 'unsafe-hashes', of each style attribute (its value as the browser
    reads it, entities decoded)."""
    elements = sorted({source_hash(body) for body in STYLE.findall(html)})
    attributes = sorted({source_hash(unescape(a or b)) for a, b in STYLE_ATTR.findall(_without_scripts(html))})
    return elements + (["'unsafe-hashes'", *attributes] if attributes else [])


def _without_scripts(html: str) -> str:
    return SCRIPT.sub("", html)


def policy(html: str, live_reload: bool = False, styles: tuple[str, ...] = ()) -> str:
    """The policy for one page. Under `mkdocs serve` (live_reload), MkDocs injects an inline
    script with a per-request timestamp into every page it serves, which no hash can match:
    the preview allows inline scripts; the built site never does. `styles`: the text of
    <style> elements that the site's own scripts insert (none from Material; Zensical's
    search dialog: edition/adapters/zensical.py), hashed like those of the page."""
    scripts = "'self' 'unsafe-inline'" if live_reload else " ".join(["'self'", *inline_script_hashes(html)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src " + " ".join(["'self'", *sorted({source_hash(text) for text in styles}), *inline_style_sources(html)]),
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(html: str, live_reload: bool = False, styles: tuple[str, ...] = ()) -> str | None:
    """The page with its policy early in <head>, before any script (replacing an earlier
    one), or None for a file without <head> (a fragment, not a page). It goes right after
    `<meta charset>`, which must stay within the first 1024 bytes."""
    html = EXISTING.sub("", html)
    head = HEAD.search(html)
    if head is None:
        return None
    charset = CHARSET.search(html, head.end())
    at = charset.end() if charset and not SCRIPT.search(html, head.end(), charset.start()) else head.end()
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy(html, live_reload, styles)}">'
    return html[:at] + meta + html[at:]


def add_csp(site_dir: Path, live_reload: bool = False, styles: tuple[str, ...] = ()) -> int:
    """Write the policy into every page of a built site; return how many pages got one."""
    count = 0
    for path in sorted(site_dir.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        updated = with_csp(html, live_reload, styles)
        if updated is not None:
            if updated != html:
                path.write_text(updated, encoding="utf-8")
            count += 1
    return count
