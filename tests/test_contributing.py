"""The rules live in the repository: the contributor documents link only to files in it,
and CODEOWNERS names owners for files that exist."""

from __future__ import annotations

import fnmatch
import re

from conftest import ROOT
from edition.workbench.processes import run

LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
DOCUMENTS = ["CONTRIBUTING.md", "README.md", ".github/pull_request_template.md", "reports/yushan-2023/README.md"]
# TRANSLATION.md (the translation's house rules) is added at the root by the translation
# branch; until it is merged, a link to it is the one that does not resolve yet.
PENDING = {"TRANSLATION.md"} - {p.name for p in ROOT.glob("TRANSLATION.md")}


def test_contributor_documents_link_only_inside_the_repository():
    for name in DOCUMENTS:
        document = ROOT / name
        text = re.sub(r"```.*?```|`[^`\n]*`", "", document.read_text(encoding="utf-8"), flags=re.S)  # examples in code
        for target in LINK.findall(text):
            if target.startswith(("http://", "https://", "mailto:")):
                assert name == "README.md", f"{name} links outside the repository: {target}"
                continue
            path, _, anchor = target.partition("#")
            if not path:
                continue
            resolved = (document.parent / path).resolve()
            assert ROOT.resolve() in (resolved, *resolved.parents), f"{name}: {target} leaves the repository"
            assert resolved.exists() or path in PENDING, f"{name}: {target} does not exist"


def test_contributing_covers_the_maintainers_loop():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for heading in ("## Revision history", "## Reviews", "## pre-commit", "## Data files", "## A corrected source"):
        assert heading in text, heading
    for name in ("report.yml", "editorial-notes.yml", "glossary.yml", "key-figures.yml", "number-exceptions.yml"):
        assert f"[{name}](reports/yushan-2023/{name})" in text, name
    assert "../shared" not in text


def test_every_data_file_opens_with_its_template():
    for path in sorted((ROOT / "reports").glob("*/*.yml")):
        head = path.read_text(encoding="utf-8").split("\n")[:3]
        assert all(line.startswith("#") for line in head), path


def test_codeowners_patterns_match_files():
    files = run(["git", "ls-files"], what="git ls-files", timeout=60, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert owners and all(o.startswith("@") for o in owners), line
        if pattern == "*" or pattern.lstrip("/") in PENDING:
            continue
        glob = pattern.lstrip("/").replace("**/", "*")
        glob = glob + "*" if glob.endswith("/") else glob
        assert any(fnmatch.fnmatch(f, glob) for f in files), f"CODEOWNERS: {pattern} matches no file"
