"""A copy of the project with N synthetic reports beside the real one, to see how the build
and the checks grow with content (`make bench-scale`, scripts/bench.py --scale).

Each synthetic report is the real report under another slug (synth-01, synth-02 …): the
same pages in both languages, data files and archived source, so every check and
generator does for it exactly the work it does for the real one.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..model.project import Project
from .processes import run

COPIED = ("docs", "reports", "scripts", "overrides", "mkdocs.yml")


def synthetic_project(root: Path, target: Path, count: int) -> Path:
    """Copy the project at root to target and add `count` copies of its first report."""
    _copy_project(root, target)
    report = Project(root).reports[0]
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    groups = _nav_groups(config, report.slug)
    entries = re.findall(rf"(?m)^      - ({re.escape(report.slug)}/[^\n]+)$", groups)
    # As a site of many reports would list them: one section, each report a group of its
    # pages, collapsed (and, with navigation.prune, left out) except on its own pages.
    nav = ["  - 规模测试报告:\n"]
    for number in range(1, count + 1):
        slug = f"synth-{number:02d}"
        shutil.copytree(report.folder, target / "reports" / slug)
        shutil.copytree(report.docs, target / "docs" / slug)
        data = target / "reports" / slug / "report.yml"
        data.write_text(re.sub(r"(?m)^slug: .*$", f"slug: {slug}", data.read_text(encoding="utf-8")), encoding="utf-8")
        nav.append(f"      - {slug}:\n")
        nav.extend(f"          - {entry.replace(report.slug + '/', slug + '/', 1)}\n" for entry in entries)
    if count:
        (target / "mkdocs.yml").write_text(config.replace(groups, groups + "".join(nav), 1), encoding="utf-8")
    _commit(target)
    return target


def glossary_project(root: Path, target: Path, terms: int) -> Path:
    """Copy the project at root to target with its first report's glossary grown to `terms`
    terms (copies of its own, under new ids and names), and the glossary pages they fill:
    what a glossary page weighs as the glossary grows (`make bench-scale`)."""
    import yaml

    from ..model.blocks import read_page
    from ..model.fingerprint import page_hash, set_hash
    from ..model.glossary import PER_PAGE, page_name

    _copy_project(root, target)
    report = Project(target).reports[0]
    path = report.folder / "glossary.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    real = data["terms"]
    grown = [dict(t) for t in real]
    for n in range(len(real), terms):
        copy = dict(real[n % len(real)])
        copy["id"], copy["zh"] = f"{copy['id']}-{n}", f"{copy['zh']}（{n}）"
        grown.append(copy)
    data["terms"] = grown[:terms]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for number in range(2, -(-terms // PER_PAGE) + 1):
        zh = report.docs / f"{page_name(number)}.md"
        if zh.exists():
            continue
        zh.write_text(f"---\ntitle: 术语表（第{number}页）\n---\n\n# 术语表（第{number}页） {{#glossary}}\n\n{{{{ glossary }}}}\n", encoding="utf-8")
        english = f"---\ntitle: Glossary, page {number}\n---\n\n# Glossary, page {number} {{#glossary}}\n\n{{{{ glossary }}}}\n"
        zh.with_name(f"{page_name(number)}.en.md").write_text(set_hash(english, page_hash(read_page(zh))), encoding="utf-8")
    _commit(target)
    return target


def _copy_project(root: Path, target: Path) -> None:
    """What a build of the project needs (COPIED), copied from root to target."""
    for name in COPIED:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)


def _commit(target: Path) -> None:
    """Make the copy a git checkout, as the project is: the build reads page dates from git."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@localhost",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@localhost",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "synthetic reports"]):
        run(["git", "-C", str(target), *command], what=f"git {command[0]} of the synthetic project", timeout=120, check=True, capture_output=True, env=env)


def _nav_groups(config: str, slug: str) -> str:
    """The nav lines of a report's own pages: its groups (text, apparatus), consecutive in
    mkdocs.yml, each a heading and the entries under it."""
    match = re.search(rf"(?m)(?:^  - [^\n]+:\n(?:      - {re.escape(slug)}/[^\n]+\n)+)+", config)
    if match is None:
        raise ValueError(f"mkdocs.yml: no nav group lists the pages of {slug}/")
    return match.group(0)
