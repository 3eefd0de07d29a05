"""The project on disk: its pages in both languages and the reports it publishes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .blocks import Block, Page, read_page
from .data_files import load_data_file
from .problems import Problem
from .text import untranslated

DEFAULT_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
#: Problems that leave a page unusable for comparison with its counterpart.
UNREADABLE = ("input", "front-matter")


def language_of(path: Path) -> str:
    """`part-1.md` is Chinese (the default language), `part-1.en.md` English."""
    suffixes = path.name.split(".")
    return suffixes[-2] if len(suffixes) > 2 and suffixes[-2] in LANGUAGES else DEFAULT_LANGUAGE


def counterpart(path: Path, lang: str) -> Path:
    """The same page in another language: part-1.md ↔ part-1.en.md."""
    stem = path.name.removesuffix(".md")
    if language_of(path) != DEFAULT_LANGUAGE:
        stem = stem.rsplit(".", 1)[0]
    name = f"{stem}.md" if lang == DEFAULT_LANGUAGE else f"{stem}.{lang}.md"
    return path.with_name(name)


@dataclass
class Report:
    """One published report: its data folder (reports/SLUG) and its pages (docs/SLUG)."""

    slug: str
    folder: Path
    docs: Path
    config: dict[str, Any]
    _data: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)
    problems: list[Problem] = field(default_factory=list, repr=False)

    @property
    def source(self) -> Path:
        return self.folder / self.config["source"]

    @property
    def text_pages(self) -> list[Path]:
        """The Chinese pages that hold the report's text, in reading order."""
        return [self.docs / name for name in self.config["pages"]]

    def data(self, name: str) -> dict[str, Any]:
        """A YAML data file of the report (glossary.yml, editorial-notes.yml …), read once."""
        if name not in self._data:
            self._data[name] = self._load(self.folder / name)
        return self._data[name]

    def _load(self, path: Path) -> dict[str, Any]:
        if not path.exists():
            return {}
        loaded = load_data_file(path)
        self.problems.extend(loaded.problems)
        return loaded.data

    @property
    def source_versions(self) -> list[dict[str, Any]]:
        """Every archived version of the source (report.yml `sources`), oldest first."""
        return self.config.get("sources", [])

    @property
    def source_version(self) -> dict[str, Any]:
        """The archived version the edition follows (report.yml `source`)."""
        return next((v for v in self.source_versions if v["file"] == self.config["source"]), {})

    @property
    def sha256(self) -> str:
        """The sha256 of the version the edition follows, as recorded in report.yml."""
        return self.source_version.get("sha256", "")


@dataclass
class Project:
    root: Path
    _pages: dict[Path, Page] = field(default_factory=dict)
    _memo: dict[tuple, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.root = self.root.resolve()

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def memo(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """A derived result (aligned blocks, downloads …), computed once per Project, that
        is, once per run of the checks or per build."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def page(self, path: Path) -> Page:
        """The parsed page (parsed once per run)."""
        if path not in self._pages:
            self._pages[path] = read_page(path)
        return self._pages[path]

    @cached_property
    def markdown_files(self) -> list[Path]:
        return sorted(p for p in self.docs.rglob("*.md") if not any(part.startswith(".") for part in p.relative_to(self.docs).parts))

    def pages_in(self, lang: str) -> list[Path]:
        return [p for p in self.markdown_files if language_of(p) == lang]

    def readable(self, path: Path) -> bool:
        """The page exists and could be read and parsed (else its problems say why)."""
        return path.exists() and not any(p.check in UNREADABLE for p in self.page(path).problems)

    def pairs(self) -> list[tuple[Path, Path]]:
        """(Chinese, English) pages where both exist and can be read."""
        pairs = [(zh, counterpart(zh, "en")) for zh in self.pages_in("zh")]
        return [(zh, en) for zh, en in pairs if self.readable(zh) and self.readable(en)]

    def paired_blocks(self, zh_path: Path, en_path: Path) -> Iterator[tuple[Block, Block]]:
        """(Chinese, English) text blocks with the same id, in the English page's order; an
        English block not yet translated is left out (the `untranslated` check lists it)."""
        zh_blocks = {b.id: b for b in self.page(zh_path).blocks if b.id and b.is_text}
        for en_block in self.page(en_path).blocks:
            if en_block.is_text and en_block.id in zh_blocks and not untranslated(en_block.text):
                yield zh_blocks[en_block.id], en_block

    @cached_property
    def reports(self) -> list[Report]:
        reports = []
        for config_path in sorted((self.root / "reports").glob("*/report.yml")):
            loaded = load_data_file(config_path)
            self.problems.extend(loaded.problems)
            config = loaded.data
            if not all(key in config for key in ("source", "sources", "pages")):
                continue  # named in the problems above
            slug = config_path.parent.name
            report = Report(slug, config_path.parent, self.docs / slug, config)
            if not report.source_version:
                files = ", ".join(v["file"] for v in report.source_versions)
                # The file was valid, so it was read without its lines (data_files._quick).
                lines = config_path.read_text(encoding="utf-8").split("\n")
                line = next((n for n, text in enumerate(lines, 1) if text.startswith("source:")), 1)
                self.problems.append(Problem(config_path, line, "data", f"source {config['source']} is not one of the archived sources ({files})"))
                continue
            reports.append(report)
        return reports

    def report_of(self, path: Path) -> Report | None:
        """The report whose text this page (in either language) belongs to."""
        return self._report_by_text_page.get(counterpart(path, DEFAULT_LANGUAGE))

    def report_for_page(self, path: Path) -> Report | None:
        """The report whose folder holds the page (docs/SLUG/…): its text pages and the
        pages generated from its data alike."""
        return next((r for r in self.reports if r.docs in path.parents), None)

    def paragraph_pages(self, report: Report) -> dict[str, str]:
        """Paragraph id → its URL relative to a sibling page (../part-1/, or ../ for the cover)."""
        found = {}
        for path in report.text_pages:
            stem = path.name.removesuffix(".md")
            url = "../" if stem == "index" else f"../{stem}/"
            for block in self.page(path).blocks:
                if block.id:
                    found[block.id] = url
        return found

    @cached_property
    def _report_by_text_page(self) -> dict[Path, Report]:
        # One lookup per page, not a scan of every report: the checks and the build ask
        # this of every page, and the scale runs (make bench-scale) have 50 reports.
        return {page: report for report in self.reports for page in report.text_pages}

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
