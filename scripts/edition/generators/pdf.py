"""PDFs of the report, printed by headless Chromium from the site's own pages.

For each report: the Chinese and the English full text (the print pages) and the
side-by-side view, with the site's print styles (paragraph ids in the margin; what makes
sense on a screen alone, `.screen-only`, left out), the CJK fonts embedded, page numbers in
the footer. Each PDF is what a researcher can cite and quote:

- it opens with a title block: the title (both languages side by side), the edition and its
  version, the day it was printed, its address and the page's, how to cite it, the licences;
- its document properties say the same (Title, Author, Subject, Language);
- every link leads to the published site (site_url), never to the local server it was
  printed from; links within the document stay within it;
- its text copies as written: Chinese is printed with fonts whose character map sends no
  radical code point to an ideograph's glyph (pdf_fonts.py), and `check_text` refuses a
  PDF whose text holds one.

Written next to the other downloads, in SITE/SLUG/files/; then each Downloads page gives
their sizes (`write_sizes`), since the site is built before they are printed.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from ..model import site
from ..model.project import Project, Report
from .browser import ARGS, find_chromium, serve
from .citation import Cited, house_style, page_unit
from .pdf_fonts import RADICALS, printing_fontconfig

FOOTER = '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif"><span class="pageNumber"></span> / <span class="totalPages"></span></div>'


@dataclass(frozen=True)
class PdfPage:
    """One PDF of a report: the page it is printed from, its file, its languages."""

    path: str  # the page's address under the site: /SLUG/print/
    name: str  # the file: SLUG.zh.pdf
    running_title: str  # the header of every page
    langs: tuple[str, ...]  # the languages it holds, the first its own

    @property
    def kind(self) -> str:
        """zh, en or parallel."""
        return self.name.split(".")[-2]


def pdf_pages(slug: str) -> list[PdfPage]:
    """Every PDF of a report."""
    return [
        PdfPage(f"/{slug}/print/", f"{slug}.zh.pdf", "中文原文", ("zh",)),
        PdfPage(f"/en/{slug}/print/", f"{slug}.en.pdf", "English translation (unofficial)", ("en",)),
        PdfPage(f"/{slug}/parallel/", f"{slug}.parallel.pdf", "中英对照 · Side by side", ("zh", "en")),
    ]


# --- what a PDF says of itself ------------------------------------------------------------

LABELS = {
    "zh": {
        "edition": "版本",
        "printed": "印制日期",
        "pdf": "本文件",
        "page": "网页",
        "cite": "引用方式",
        "licence": "许可",
        "full": "全文",
        "parallel": "逐段对照",
    },
    "en": {
        "edition": "Version",
        "printed": "Printed",
        "pdf": "This file",
        "page": "Web page",
        "cite": "How to cite",
        "licence": "Licences",
        "full": "Full text",
        "parallel": "Side by side",
    },
}


def licences(unit: Cited) -> str:
    if unit.zh:
        return f"中文原文为{unit.author}发布的政府公开文件；英文译文为非官方译文，采用{unit.field('translation_licence')}许可，以中文原文为准。"
    return (
        f"The Chinese original is a public government document of the {unit.author}. The English is an unofficial translation, "
        f"licensed {unit.field('translation_licence')}; the Chinese original prevails."
    )


def title_block(project: Project, report: Report, pdf: PdfPage, printed: date) -> str:
    """The PDF's first lines, in its languages: what it is, which version, when printed,
    where it lives, how to cite it, under which licences."""
    base = site.site_url(project.root) or "/"
    out = ['<header class="pdf-title">']
    units = [page_unit(project, report, lang, "") for lang in pdf.langs]
    for unit in units:
        label = LABELS[unit.lang]
        kind = label["parallel"] if pdf.kind == "parallel" else label["full"]
        lang = "zh-Hans" if unit.zh else "en"
        out.append(f'<div lang="{lang}"><p class="pdf-edition">{escape(unit.edition)} · {escape(kind)}</p><h1>{escape(unit.title)}</h1>')
        day = f"{printed.year}年{printed.month}月{printed.day}日" if unit.zh else printed.isoformat()
        rows = [
            (label["edition"], unit.version.label_zh if unit.zh else unit.version.label),
            (label["printed"], day),
            (label["pdf"], f"{base}{report.slug}/files/{pdf.name}"),
            (label["page"], f"{base}{'' if unit.zh else 'en/'}{report.slug}/{pdf.path.rstrip('/').rsplit('/', 1)[1]}/"),
            (label["cite"], house_style(unit, None)),
            (label["licence"], licences(unit)),
        ]
        out.append("<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{_linked(v)}</dd>" for k, v in rows if v) + "</dl></div>")
    out.append("</header>")
    return "".join(out)


def _linked(text: str) -> str:
    """Text with its web addresses as links (which the PDF keeps as links)."""
    parts = re.split(r"(https?://[^\s（）()]+[^\s（）().,;，。；])", text)
    return "".join(f'<a href="{escape(p)}">{escape(p)}</a>' if n % 2 else escape(p) for n, p in enumerate(parts))


TITLE_STYLE = """
.pdf-title { margin: 0 0 2em; padding-bottom: 1em; border-bottom: 1px solid #999; font-size: 10pt; line-height: 1.5; }
.pdf-title > div + div { margin-top: 1.5em; }
.pdf-title .pdf-edition { margin: 0; color: #555; }
.md-typeset .pdf-title h1 { margin: 0.2em 0 0.6em; font-size: 16pt; line-height: 1.3; color: #000; }
.pdf-title dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0; }
.pdf-title dt { font-weight: 700; }
.pdf-title dd { margin: 0; overflow-wrap: anywhere; }
.pdf-title [lang="en"] { font-family: var(--md-text-font-family); }
"""

# Run in the page before printing: the title block replaces the page's own heading; every
# link to the site points at the published site, links within the page stay as they are.
PREPARE = """([block, style, published]) => {
  const heading = document.querySelector('.md-content__inner h1');
  heading.insertAdjacentHTML('beforebegin', block);
  heading.remove();
  const css = document.createElement('style');
  css.textContent = style;
  document.head.appendChild(css);
  for (const a of document.querySelectorAll('a[href]')) {
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin) continue;
    if (url.pathname === location.pathname && url.hash) continue;
    a.href = published + url.pathname.replace(/^\\//, '') + url.search + url.hash;
  }
}"""


def prepare(page, project: Project, report: Report, pdf: PdfPage, printed: date) -> None:
    """Make an open page ready to print as `pdf` (its title block, its links)."""
    published = site.site_url(project.root) or "/"
    page.evaluate(PREPARE, [title_block(project, report, pdf, printed), TITLE_STYLE, published])


def properties(project: Project, report: Report, pdf: PdfPage) -> dict[str, str]:
    """The PDF's document information: Title, Author, Subject (and its language)."""
    units = [page_unit(project, report, lang, "") for lang in pdf.langs]
    zh = units[0].zh
    title = " · ".join(u.title for u in units)
    if pdf.kind == "zh":
        author = units[0].author
    elif pdf.kind == "en":
        author = f"{units[0].author}; translated by {units[0].edition}"
    else:
        author = f"{units[0].author}; {units[1].author} (original), {units[1].edition} (unofficial English translation)"
    if zh and len(units) == 1:
        subject = f"中文原文全文，{units[0].edition}，{units[0].version.label_zh}"
    elif len(units) == 1:
        subject = f"Unofficial English translation, full text; {units[0].edition}, version {units[0].version.label}; the Chinese original prevails"
    else:
        subject = f"中英对照 · Side by side; {units[0].edition}, 中文{units[0].version.label_zh}; English version {units[1].version.label}"
    return {"/Title": title, "/Author": author, "/Subject": subject, "/Lang": "zh-CN" if zh else "en"}


def set_properties(path: Path, props: dict[str, str]) -> None:
    """Write the document information and the catalog's language into a printed PDF."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=str(path))
    writer.add_metadata({key: value for key, value in props.items() if key != "/Lang"} | {"/Creator": "make pdf (Chromium)"})
    root = writer._root_object
    root[NameObject("/Lang")] = TextStringObject(props["/Lang"])
    # Viewers show the title, not the file name, in their window.
    root[NameObject("/ViewerPreferences")] = DictionaryObject({NameObject("/DisplayDocTitle"): BooleanObject(True)})
    with path.open("wb") as out:
        writer.write(out)


def radicals_in(path: Path) -> int:
    """How many characters of the PDF's text, as a reader's copy or pypdf extracts it, are
    CJK radicals (U+2E80–U+2FDF): the look-alikes of a faulty ToUnicode map."""
    from pypdf import PdfReader

    return sum(1 for page in PdfReader(str(path)).pages for ch in page.extract_text() if ord(ch) in RADICALS)


# --- printing -------------------------------------------------------------------------------


def print_pdfs(project: Project, site_dir: Path, browser=None, printed: date | None = None) -> list[Path]:
    """Print every report's PDFs, then give their sizes on the Downloads pages. `browser`:
    a running Playwright browser whose browser type launches the printing Chromium (the
    tests'), or None to start Playwright here."""
    printed = printed or date.today()
    with tempfile.TemporaryDirectory(prefix="edition-pdf-fonts-") as folder:
        env = {"FONTCONFIG_FILE": str(printing_fontconfig(Path(folder)))}
        if browser is not None:
            written = _print_with(browser.browser_type, project, site_dir, env, printed)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                written = _print_with(playwright.chromium, project, site_dir, env, printed)
    write_sizes(project, site_dir)
    return written


def _print_with(browser_type, project: Project, site_dir: Path, env: dict[str, str], printed: date) -> list[Path]:
    import os

    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("pdf: no Chromium found: run `make browser` or set CHROMIUM=/path/to/chromium")
    printer = browser_type.launch(executable_path=chromium, args=ARGS, env=dict(os.environ) | env)
    try:
        with serve(site_dir) as base:
            return _print_all(project, site_dir, base, printer, printed)
    finally:
        printer.close()


def _print_all(project: Project, site_dir: Path, base: str, printer, printed: date) -> list[Path]:
    written = []
    # The title block's style is the printer's own, not the site's: its policy would refuse it.
    context = printer.new_context(bypass_csp=True)
    for report in project.reports:
        for pdf in pdf_pages(report.slug):
            page = context.new_page()
            response = page.goto(base + pdf.path)
            if response is None or response.status != 200:
                raise SystemExit(f"pdf: {pdf.path} is not in {site_dir} (build the site first)")
            page.wait_for_load_state("networkidle")
            prepare(page, project, report, pdf, printed)
            target = site_dir / report.slug / "files" / pdf.name
            target.parent.mkdir(parents=True, exist_ok=True)
            header = f'<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">{escape(pdf.running_title)}</div>'
            page.pdf(
                path=str(target),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template=header,
                footer_template=FOOTER,
                margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "14mm"},
                outline=True,  # the headings as the PDF's bookmarks
                tagged=True,
            )
            page.close()
            set_properties(target, properties(project, report, pdf))
            bad = radicals_in(target)
            if bad:
                raise SystemExit(
                    f"pdf: {target}: {bad} characters of its text are CJK radicals (U+2E80–U+2FDF), look-alikes of the ideographs "
                    "printed: the CJK font's character map was not replaced (edition/generators/pdf_fonts.py)"
                )
            written.append(target)
    context.close()
    return written


# --- sizes on the Downloads pages ------------------------------------------------------------

#: The size cell of a PDF's row on a Downloads page (downloads.downloads_table writes it;
#: the tables pass adds its role and label before the class).
SIZE_CELL = re.compile(r'(<td[^>]*\bclass="pdf-size" data-file="([^"]+)">)(.*?)(</td>)', re.S)


def not_printed(lang: str) -> str:
    """What a Downloads page says of a PDF the build has not printed (a local build)."""
    return "本次构建未生成（make pdf）" if lang == "zh" else "not printed in this build (make pdf)"


def write_sizes(project: Project, site_dir: Path) -> int:
    """Give each printed PDF's size on the built Downloads pages; return the cells written."""
    done = 0
    for report in project.reports:
        files = site_dir / report.slug / "files"
        for page in (site_dir / report.slug / "downloads" / "index.html", site_dir / "en" / report.slug / "downloads" / "index.html"):
            if page.exists():
                html, count = SIZE_CELL.subn(lambda match, files=files: _size_cell(match, files), page.read_text(encoding="utf-8"))
                page.write_text(html, encoding="utf-8")
                done += count
    return done


def _size_cell(match: re.Match, files: Path) -> str:
    path = files / match.group(2)
    text = f"{path.stat().st_size / 1024:.1f} KB" if path.exists() else match.group(3)
    return match.group(1) + text + match.group(4)
