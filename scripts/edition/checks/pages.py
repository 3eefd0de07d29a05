"""Pages: every Chinese page has its English page, and every English page its source."""

from __future__ import annotations

from collections.abc import Iterator

from ..model.glossary import PER_PAGE, load_terms, page_count, page_name, page_of
from ..model.problems import Problem
from ..model.project import Project, counterpart, language_of

NAME = "pages"


def check(project: Project) -> Iterator[Problem]:
    yield from glossary_pages(project)
    for zh in project.pages_in("zh"):
        en = counterpart(zh, "en")
        if not en.exists():
            yield Problem(zh, 0, NAME, f"no English page: create {project.rel(en)} (a missing page is never served in Chinese under /en/)")
    for en in project.pages_in("en"):
        zh = counterpart(en, "zh")
        if not zh.exists():
            yield Problem(en, 0, NAME, f"English page without its Chinese page {project.rel(zh)}")


def glossary_pages(project: Project) -> Iterator[Problem]:
    """A report's glossary shows PER_PAGE terms a page: each page its terms fill exists, and
    no page is left without terms."""
    for report in project.reports:
        first = report.docs / "glossary.md"
        if not first.exists():
            continue
        terms = load_terms(report)
        count = page_count(terms)
        data = report.folder / "glossary.yml"
        for number in range(2, count + 1):
            page = report.docs / f"{page_name(number)}.md"
            if not page.exists():
                yield Problem(
                    data,
                    1,
                    NAME,
                    f"the glossary's {len(terms)} terms fill {count} pages of {PER_PAGE}: create {project.rel(page)} and its English page,"
                    f" as {page_name(number - 1)}.md (a title and {{{{ glossary }}}})",
                )
        for page in sorted(report.docs.glob("glossary-*.md")):
            number = page_of(page)
            if number and number > count and language_of(page) == "zh":
                yield Problem(
                    page, 1, NAME, f"the glossary's {len(terms)} terms fill {count} page(s) of {PER_PAGE}: this page holds none; delete it and its English page"
                )
