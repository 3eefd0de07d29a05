"""What CI installs and runs is pinned by content: Python packages by sha256, npm packages
by the lock file's integrity hashes, GitHub Actions by full commit SHA."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from conftest import ROOT
from edition.workbench.processes import run

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# `uses: owner/repo@<40 hex> # v1.2.3`: a tag can be moved by its owner, a commit cannot.
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def unpinned_actions(text: str, name: str) -> list[str]:
    """Every `uses:` of a workflow that is not a full commit SHA with its version in a comment."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^\s*(?:- )?uses:\s*(.*?)\s*$", line)
        if match and not PINNED.match(match.group(1)):
            found.append(f"{name}:{number}: {match.group(1)}")
    return found


def test_every_action_is_pinned_by_commit_sha():
    uses = [line for workflow in WORKFLOWS for line in workflow.read_text().splitlines() if "uses:" in line]
    assert len(uses) >= 8  # checkout, setup-python, setup-node twice; the Pages upload and deploy
    assert [p for w in WORKFLOWS for p in unpinned_actions(w.read_text(), w.name)] == []


def test_a_tag_or_a_missing_version_comment_is_caught():
    good = "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n"
    assert unpinned_actions(good, "w.yml") == []
    assert unpinned_actions("      - uses: actions/checkout@v4.2.2\n", "w.yml") == ["w.yml:1: actions/checkout@v4.2.2"]
    assert unpinned_actions(good.replace(" # v4.2.2", ""), "w.yml") != []
    assert unpinned_actions(good.replace("11bd7190", "11bd719"), "w.yml") != []  # 39 hex: a short SHA
    assert unpinned_actions("        uses: actions/deploy-pages@main\n", "w.yml") == ["w.yml:1: actions/deploy-pages@main"]


def unhashed_pins(text: str) -> list[str]:
    """The `name==version` entries of a pip-compile output without a sha256 of their files."""
    entries = re.split(r"\n(?=[A-Za-z])", text)
    pins = [e for e in entries if re.match(r"^[A-Za-z0-9][\w.-]*==", e)]
    assert pins, "no pins at all"
    return [entry.splitlines()[0] for entry in pins if not re.search(r"--hash=sha256:[0-9a-f]{64}", entry)]


def direct_pins(name: str) -> list[str]:
    return [line.split("#")[0].strip() for line in (ROOT / name).read_text().splitlines() if line.split("#")[0].strip()]


def test_every_python_package_is_pinned_with_hashes():
    text = (ROOT / "requirements.txt").read_text()
    assert len(re.findall(r"(?m)^[A-Za-z0-9][\w.-]*==", text)) >= 40
    assert unhashed_pins(text) == []
    assert "hypothesis==6.170.15" in direct_pins("requirements.in")


def test_every_package_of_the_zensical_build_is_pinned_with_hashes():
    text = (ROOT / "requirements-zensical.txt").read_text()
    assert unhashed_pins(text) == []
    # pip-compile's output from requirements-zensical.in: each direct pin is in it, as pinned.
    direct = direct_pins("requirements-zensical.in")
    assert "zensical==0.0.73" in direct and "zensical-i18n==0.3.0" in direct
    for pin in direct:
        assert re.search(rf"(?mi)^{re.escape(pin)} \\$", text), pin


def test_a_pin_without_hashes_is_caught():
    hashed = "click==8.5.1 \\\n    --hash=sha256:" + "a" * 64 + "\n    # via zensical\n"
    assert unhashed_pins(hashed) == []
    assert unhashed_pins(hashed + "tomli==2.5.0\n") == ["tomli==2.5.0"]


def test_make_installs_with_require_hashes_and_npm_ci():
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    assert "pip install --quiet --disable-pip-version-check --require-hashes -r requirements-zensical.txt" in makefile
    assert "--output-file requirements-zensical.txt requirements-zensical.in" in makefile  # make requirements does both
    assert re.search(r"(?m)^PIP_TOOLS := pip-tools==\d+\.\d+\.\d+$", makefile)
    assert "pip-compile --quiet --generate-hashes" in makefile
    assert "npm ci " in makefile


def test_dependabot_watches_pip_npm_and_actions():
    config = ROOT / ".github" / "dependabot.yml"
    checker = Path(sys.executable).parent / "check-jsonschema"
    done = run([str(checker), "--builtin-schema", "vendor.dependabot", str(config)], what="check-jsonschema", timeout=120, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    ecosystems = re.findall(r"package-ecosystem: ([\w-]+)", config.read_text())
    assert sorted(ecosystems) == ["github-actions", "npm", "pip"]
