"""PDFs of the report, printed by headless Chromium from the site's own pages.

For each report: the Chinese and the English full text (the print pages) and the
side-by-side view, with the site's print styles (paragraph ids in the margin), the CJK
fonts embedded, and page numbers in the footer. Written next to the other downloads, in
SITE/SLUG/files/.
"""

from __future__ import annotations

from pathlib import Path

from ..model.project import Project
from .browser import ARGS, find_chromium, serve

FOOTER = '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'


def pdf_pages(slug: str) -> list[tuple[str, str, str]]:
    """(URL path, file name, running title) of each PDF."""
    return [
        (f"/{slug}/print/", f"{slug}.zh.pdf", "中文原文"),
        (f"/en/{slug}/print/", f"{slug}.en.pdf", "English translation (unofficial)"),
        (f"/{slug}/parallel/", f"{slug}.parallel.pdf", "中英对照 · Side by side"),
    ]


def print_pdfs(project: Project, site_dir: Path, browser=None) -> list[Path]:
    """Print every report's PDFs; `browser` is a running Playwright browser, or None to
    start the system Chromium."""
    if browser is not None:
        with serve(site_dir) as base:
            return _print_all(project, site_dir, base, browser)
    from playwright.sync_api import sync_playwright

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("pdf: no Chromium found: run `make browser` or set CHROMIUM=/path/to/chromium")
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            return _print_all(project, site_dir, base, browser)
        finally:
            browser.close()


def _print_all(project: Project, site_dir: Path, base: str, browser) -> list[Path]:
    written = []
    for report in project.reports:
        for path, name, title in pdf_pages(report.slug):
            page = browser.new_page()
            response = page.goto(base + path)
            if response is None or response.status != 200:
                raise SystemExit(f"pdf: {path} is not in {site_dir} (build the site first)")
            page.wait_for_load_state("networkidle")
            target = site_dir / report.slug / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            header = f'<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">{title}</div>'
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=header,
                footer_template=FOOTER,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "14mm"},
            )
            page.close()
            written.append(target)
    return written
