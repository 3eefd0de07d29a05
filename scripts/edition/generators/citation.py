"""Citations of a report: what is cited, by whom, in which version, at which address, and
every form a researcher takes away, written here once for all their readers:

    the Cite dialog            cite.json beside the report's pages, one per language
                               (edition.js fills in the day of access and the paragraph)
    the citation downloads     CSL-JSON, RIS and BibTeX of the report, its parts and its
                               paragraphs, in both languages (downloads.py)
    reference managers         Highwire `citation_*` and Dublin Core tags in each report
                               page's head (edition/passes/reference_meta.py)
    the PDFs                   the title block's "how to cite" (pdf.py)
    the report links           the paragraph's published address and version (cite.json)

A cited unit is the whole report, one part (a page of the report) or one paragraph, in one
language. The Chinese is the county's text: its author and publisher are the county
government (玉山县人民政府), the edition is its editor. The English is the edition's
unofficial translation: the county remains the author of what is translated, the edition
is translator and editor. No person is named: none is credited anywhere in the edition.

The forms: the house style of each language, GB/T 7714-2015 for an online resource
(题名[EB/OL]. (更新日期)[引用日期]. URL.), BibTeX (biblatex fields, the Chinese title of the
original in `origtitle` and in the note), RIS and CSL-JSON (type webpage, which GB/T
7714's published CSL style renders as [EB/OL]). tests/test_citations.py renders the
CSL-JSON with citeproc-py and the published styles and compares GB/T 7714 with ours.

Versions. A unit's version is what `cited_version` says: the edition's latest release
(reports/SLUG/releases.yml, cut by `make release`; edition/model/releases.py), its version
name and date, and the address `cited_address` makes carries it (…/part-1/?v=2026.12.06#p-1-2-1):
a page opened at that address shows each of its paragraphs that has changed since as it
read in that release, beside today's wording (generators/releases.py, versions.js). A page
whose text has changed since the latest release is cited as that release "with later
corrections": the address still names the release, whose wording the reader is shown with
the change. Before a report's first release the version is the last commit of the page
(short hash and date), or, outside a git checkout, the translation's date from report.yml.
Every form reads the version and the address from those two functions alone.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..model import site
from ..model.project import Project, Report, counterpart, language_of
from ..model.releases import latest, release_text
from ..model.text import plain_text
from .corpus import aligned_blocks

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
#: What the Cite dialog fills in: the paragraph's id, and the day the reader cites it.
PARAGRAPH = "{paragraph}"


@functools.cache
def page_versions(folder: Path) -> dict[Path, tuple[str, str]]:
    """(short hash, date) of the last commit of every file under a folder, from one git log."""
    try:
        top = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True, timeout=10)
        log = subprocess.run(
            ["git", "-C", str(folder), "-c", "core.quotePath=false", "log", "--format=%x00%h %cs", "--name-only", "--", "."],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if top.returncode != 0 or log.returncode != 0:
        return {}
    root = Path(top.stdout.strip()).resolve()
    versions: dict[Path, tuple[str, str]] = {}
    for commit in log.stdout.split("\0")[1:]:
        head, *names = commit.strip().split("\n")
        short, day = head.split(" ", 1)
        for name in names:
            versions.setdefault(root / name, (short, day))  # newest first
    return versions


@dataclass(frozen=True)
class Version:
    """The version a citation names: the edition release (its name and date), or, before
    the first release, the date and, from a git checkout, the page's commit."""

    date: str  # YYYY-MM-DD
    commit: str = ""
    release: str = ""  # 2026.12.06
    corrected: bool = False  # the text has changed since the release

    @property
    def label(self) -> str:
        """2026.12.06 (, with later corrections); before a release 2026-11-27 (f2024dd), or the date."""
        if self.release:
            return self.release + (", with later corrections" if self.corrected else "")
        return f"{self.date} ({self.commit})" if self.commit else self.date

    @property
    def label_zh(self) -> str:
        """2026.12.06版（含其后更正）; before a release 2026年11月27日版（f2024dd）."""
        if self.release:
            return f"{self.release}版" + ("（含其后更正）" if self.corrected else "")
        return f"{_zh_date(self.date)}版" + (f"（{self.commit}）" if self.commit else "")


def cited_version(project: Project, report: Report, pages: list[Path]) -> Version:
    """The version of the wording of `pages` (one page, or all of a report's pages in one
    language): the report's latest release, corrected if the text of any of them has
    changed since; before the first release, the newest last commit among them. The one
    place that says what a version is."""
    release = latest(report)
    if release is not None:
        return Version(release.date, release=release.version, corrected=_changed_since(project, report, release.version, pages))
    known = [page_versions(page.parent.resolve()).get(page.resolve()) for page in pages]
    found = [v for v in known if v]
    if not found:
        return Version(str(report.config.get("translated", "")))
    commit, day = max(found, key=lambda v: v[1])
    return Version(day, commit)


def _changed_since(project: Project, report: Report, version: str, pages: list[Path]) -> bool:
    """Whether a text page among `pages` reads otherwise, in its language, than in the
    release: a block changed, added or removed."""
    then = release_text(report, version)
    now = aligned_blocks(project, report)
    cited = {(p.name.split(".")[0], language_of(p)) for p in pages if p.suffix == ".md"}
    for lang in {lang for _, lang in cited}:
        stems = {stem for stem, in_lang in cited if in_lang == lang}
        was = [(b.id, getattr(b, lang)) for b in then.values() if (b.page or "index") in stems]
        is_ = [(b.id, getattr(b, lang)) for b in now if (b.page or "index") in stems]
        if was != is_:
            return True
    return False


def cited_address(project: Project, report: Report, lang: str, page: str, paragraph: str = "") -> str:
    """The published address of a page of the report (from mkdocs.yml's site_url), with the
    paragraph's anchor: what every citation and report names, never the host a page was
    read from, and with the latest release's version (?v=2026.12.06): the one place a
    versioned address is made."""
    prefix = "" if lang == "zh" else f"{lang}/"
    base = site.site_url(project.root) or "/"
    release = latest(report)
    query = f"?v={release.version}" if release else ""
    return f"{base}{prefix}{report.slug}/{page + '/' if page else ''}{query}{'#' + paragraph if paragraph else ''}"


@dataclass(frozen=True)
class Cited:
    """One cited unit: the report, a part or a paragraph, in one language."""

    report: Report
    lang: str
    page: str  # "" (the cover: the whole report) or the part's page ("part-1")
    part: str  # the part's heading, "" for the whole report
    paragraph: str  # "" for a page; PARAGRAPH in the dialog's templates
    url: str
    version: Version

    def field(self, key: str) -> str:
        return str(self.report.config.get(key, ""))

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    @property
    def key(self) -> str:
        """One key per unit and language: a .bib citing a paragraph in both languages must
        not hold two entries with one key."""
        parts = [self.report.slug.replace("-", ""), self.paragraph or self.page, self.lang]
        return ":".join(p for p in parts if p)

    @property
    def title(self) -> str:
        """The title in the unit's language; a part's heading after the report's, as GB/T
        7714 gives other title information (题名: 其他题名信息)."""
        title = self.field("title_zh" if self.zh else "title_en")
        return f"{title}: {self.part}" if self.part else title

    @property
    def author(self) -> str:
        return self.field("issuer_zh" if self.zh else "issuer_en")

    @property
    def edition(self) -> str:
        return self.field("edition_zh" if self.zh else "edition_en")

    @property
    def issued(self) -> str:
        """The date of what is cited: the county's publication for the Chinese, the
        translation's version for the English (its original's date is `published`)."""
        return self.field("published") if self.zh else self.version.date

    @property
    def publisher(self) -> str:
        return self.author if self.zh else self.edition

    @property
    def locator(self) -> str:
        if not self.paragraph:
            return ""
        return f"段落{self.paragraph}" if self.zh else f"Paragraph {self.paragraph}"

    @property
    def note(self) -> str:
        if self.zh:
            return (self.locator + "。" if self.paragraph else "") + f"中文原文，{self.edition}编校，{self.version.label_zh}。"
        return (
            (self.locator + ". " if self.paragraph else "")
            + f"Unofficial English translation of 《{self.field('title_zh')}》 ({self.field('translation_licence')}), "
            + f"version {self.version.label}; the Chinese original prevails."
        )


@dataclass(frozen=True)
class Accessed:
    """The day a reader cites a unit, in the forms the formats write it. The dialog's
    templates hold PLACEHOLDERS, which edition.js replaces with the reader's day."""

    iso: str  # 2026-12-06
    zh: str  # 2026年12月6日
    ris: str  # 2026/12/06
    parts: str  # CSL-JSON date-parts: [[2026, 12, 6]]

    @classmethod
    def on(cls, day: date) -> Accessed:
        iso = day.isoformat()
        return cls(iso, _zh_date(iso), iso.replace("-", "/"), _date_parts(iso))


PLACEHOLDERS = Accessed("{accessed}", "{accessed-zh}", "{accessed-ris}", "{accessed-parts}")


def _zh_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def _en_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def _date_parts(iso: str) -> str:
    return json.dumps([[int(x) for x in iso.split("-")]])


# --- the forms ----------------------------------------------------------------------------


def house_style(c: Cited, accessed: Accessed | None) -> str:
    """The edition's own form, in the unit's language."""
    published = c.field("published")
    if c.zh:
        part = f"“{c.part}”，" if c.part else ""
        paragraph = f"，{c.locator}" if c.paragraph else ""
        seen = f"（{accessed.zh}访问）" if accessed else ""
        return f"{c.author}：《{c.field('title_zh')}》，{part}{_zh_date(published)}{paragraph}。载{c.edition}，{c.version.label_zh}，{c.url}{seen}。"
    part = f", “{c.part}”" if c.part else ""
    paragraph = f", para. {c.paragraph}" if c.paragraph else ""
    seen = f" (accessed {accessed.iso})" if accessed else ""
    return (
        f"{c.author}. {published[:4]}. “{c.field('title_en')}” [{c.field('title_zh')}]{part}{paragraph}. "
        f"Published {_en_date(published)}. Unofficial English translation by {c.edition} "
        f"({c.field('translation_licence')}; the Chinese original prevails), version {c.version.label}. {c.url}{seen}."
    )


def gb_t_7714(c: Cited, accessed: Accessed | None) -> str:
    """GB/T 7714-2015, an online resource: 主要责任者. 题名[EB/OL]. (更新或修改日期)[引用日期]. 获取和访问路径."""
    seen = f"[{accessed.iso}]" if accessed else ""
    return f"{c.author}. {c.title}[EB/OL]. ({c.issued}){seen}. {c.url}."


def csl_item(c: Cited, accessed: Accessed | None) -> dict[str, Any]:
    """The unit as a CSL-JSON item (dates as markers that csl_json writes out)."""
    item: dict[str, Any] = {
        "id": c.key,
        "type": "webpage",
        "title": c.title,
        "container-title": c.edition,
        "author": [{"literal": c.author}],
        "editor": [{"literal": c.edition}],
    }
    if not c.zh:
        item["translator"] = [{"literal": c.edition}]
        item["original-title"] = c.field("title_zh")
        item["original-date"] = {"date-parts": f"@{c.field('published')}@"}
    item["issued"] = {"date-parts": f"@{c.issued}@"}
    if accessed:
        item["accessed"] = {"date-parts": "@accessed@"}
    # No `publisher`: with one, GB/T 7714's style takes the item for a printed one (出版地:
    # 出版者, 出版年) instead of an online resource's (更新日期)[引用日期]; the edition is the
    # container (the web site) and, for the English, the translator.
    item.update(language="zh-CN" if c.zh else "en", URL=c.url, version=c.version.label, note=c.note)
    return item


DATE_MARK = re.compile(r'"@(\d{4}-\d{2}-\d{2}|accessed)@"')


def csl_json(units: list[Cited], accessed: Accessed | None) -> str:
    """CSL-JSON: a list of items, dates written [[Y, M, D]] on one line."""
    text = json.dumps([csl_item(c, accessed) for c in units], ensure_ascii=False, indent=2)
    return DATE_MARK.sub(lambda m: accessed.parts if m.group(1) == "accessed" and accessed else _date_parts(m.group(1)), text)


def bibtex(c: Cited, accessed: Accessed | None) -> str:
    """A biblatex-ready @misc entry (BibTeX reads the classic fields and skips the rest)."""
    year, month, _ = c.issued.split("-")
    fields = [("author", f"{{{c.author}}}"), ("title", f"{{{c.title}}}")]  # braced: styles must not recase names
    if not c.zh:
        fields += [("origtitle", c.field("title_zh")), ("translator", f"{{{c.edition}}}")]
    fields += [("editor", f"{{{c.edition}}}"), ("year", year)]
    fields += [("month", BIBTEX_MONTHS[int(month) - 1]), ("date", c.issued)]
    if not c.zh:
        fields += [("origdate", c.field("published")), ("origlanguage", "chinese")]
    fields += [("howpublished", c.edition), ("version", c.version.label), ("note", c.note), ("url", c.url)]
    if accessed:
        fields.append(("urldate", accessed.iso))
    fields.append(("language", "chinese" if c.zh else "english"))
    body = ",\n".join(f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}"


def ris(c: Cited, accessed: Accessed | None) -> str:
    """RIS (type ELEC, a web page); lines end CR LF, as the format's specification has them."""
    lines = [("TY", "ELEC"), ("ID", c.key), ("TI", c.title), ("T2", c.edition), ("AU", c.author)]
    if not c.zh:
        lines += [("A4", c.edition), ("OP", c.field("title_zh"))]
    lines += [("ED", c.edition), ("PY", c.issued[:4]), ("DA", c.issued.replace("-", "/"))]
    if accessed:
        lines.append(("Y2", accessed.ris))
    lines += [("LA", "zh-CN" if c.zh else "en"), ("PB", c.publisher), ("ET", c.version.label), ("UR", c.url), ("N1", c.note), ("ER", "")]
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def forms(c: Cited, accessed: Accessed | None) -> list[tuple[str, str, str]]:
    """(label, file extension, text) of every form, in the unit's language; the extension
    is empty for a form that is not a file format."""
    gbt = "GB/T 7714—2015" if c.zh else "GB/T 7714-2015 (Chinese national standard)"
    return [
        ("引用格式" if c.zh else "Citation", "", house_style(c, accessed)),
        (gbt, "", gb_t_7714(c, accessed)),
        ("BibTeX", "bib", bibtex(c, accessed)),
        ("RIS", "ris", ris(c, accessed)),
        ("CSL-JSON", "json", csl_json([c], accessed)),
    ]


# --- the units of a report ------------------------------------------------------------------


def _page_of(report: Report, page: str, lang: str) -> Path:
    zh = report.docs / f"{page or 'index'}.md"
    return zh if lang == "zh" else counterpart(zh, lang)


def page_unit(project: Project, report: Report, lang: str, page: str, paragraph: str = "") -> Cited:
    """A page of the report as a cited unit (the cover stands for the whole report), or one
    of its paragraphs (PARAGRAPH for the dialog's template)."""
    path = _page_of(report, page, lang)
    if page or paragraph:
        version = cited_version(project, report, [path])
    else:  # the whole report: the newest of its pages in this language
        version = cited_version(project, report, [p if lang == "zh" else counterpart(p, lang) for p in report.text_pages])
    part = plain_text(project.page(path).title or "") if page else ""
    return Cited(report, lang, page, part, paragraph, cited_address(project, report, lang, page, paragraph), version)


def report_pages(report: Report) -> list[str]:
    """The report's pages as units name them: "" for the cover, then "part-1" …"""
    return ["" if p.name == "index.md" else p.name.removesuffix(".md") for p in report.text_pages]


def all_units(project: Project, report: Report, lang: str) -> list[Cited]:
    """The report, each part and each paragraph, in reading order, in one language."""
    paragraphs: dict[str, list[str]] = {}
    for r in aligned_blocks(project, report):
        if r.kind == "paragraph" and r.id.startswith("p-"):
            paragraphs.setdefault(r.page, []).append(r.id)
    out = []
    for page in report_pages(report):
        out.append(page_unit(project, report, lang, page))
        for ident in paragraphs.get(page, []):
            out.append(page_unit(project, report, lang, page, ident))
    return out


def dialog_data(project: Project, report: Report, lang: str) -> str:
    """cite.json: for each page of the report, its own citation and its paragraphs' template
    (the paragraph's id as PARAGRAPH), each form with the day of access as PLACEHOLDERS."""
    pages: dict[str, Any] = {}
    for page in report_pages(report):
        zh = _page_of(report, page, "zh")
        pages[page] = {"sources": [project.rel(zh), project.rel(counterpart(zh, "en"))]}
        for which, c in (("page", page_unit(project, report, lang, page)), ("paragraph", page_unit(project, report, lang, page, PARAGRAPH))):
            pages[page][which] = {"title": c.title, "url": c.url, "version": c.version.label, "forms": forms(c, PLACEHOLDERS)}
    return json.dumps({"report": report.slug, "lang": lang, "pages": pages}, ensure_ascii=False, separators=(",", ":")) + "\n"


def citation_files(project: Project, report: Report) -> dict[str, str]:
    """The report, its parts and paragraphs in both languages as CSL-JSON, RIS and BibTeX
    (no day of access: the reader's reference manager records when it was added)."""
    units = all_units(project, report, "zh") + all_units(project, report, "en")
    return {
        "json": csl_json(units, None) + "\n",
        "ris": "".join(ris(c, None) + "\r\n" for c in units),
        "bib": "\n\n".join(bibtex(c, None) for c in units) + "\n",
    }


# --- what a page carries ----------------------------------------------------------------------


def page_citation(project: Project, report: Report, path: Path) -> Cited:
    """The unit a page of the report stands for (the cover: the whole report)."""
    lang = language_of(path)
    stem = path.name.split(".")[0]
    return page_unit(project, report, lang, "" if stem == "index" else stem)


def citation_data(project: Project, report: Report, path: Path, *, holder: bool = False) -> str:
    """What edition.js needs on a page (the Cite dialog, the report links), as
    <script type="application/json" id="edition-citation">: the unit the page stands for,
    where cite.json and the aligned corpus are, the repository and the corrections address.
    The rest (address, version, forms) is in cite.json, fetched when a reader asks. `holder`:
    a page outside the report's text that cites it (the side-by-side view), whose rows name
    their own pages."""
    lang = language_of(path)
    to_report = "" if path.name.split(".")[0] == "index" else "../"
    settings = site.settings(project.root).get("extra") or {}
    data = {
        "slug": report.slug,
        "lang": lang,
        "unit": None if holder else page_citation(project, report, path).page,
        "cite": f"{to_report}cite.json",
        # The aligned corpus (both languages of every paragraph), under the Chinese site's files/.
        "corpus": f"{to_report}{'' if lang == 'zh' else '../../' + report.slug + '/'}files/{report.slug}-aligned.jsonl",
        "repository": site.repository(project.root),
        "email": str(settings.get("corrections_email") or ""),
    }
    # The edition's current release, and whether this page has changed since: a page opened
    # from a citation (?v=…) of another release, or of this one on a page changed since,
    # loads versions.js to show the paragraphs as they read (edition.js decides).
    release = latest(report)
    if release is not None and not holder:
        data["release"] = release.version
        data["corrected"] = page_citation(project, report, path).version.corrected
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="edition-citation">{payload}</script>'
