"""Every built page is valid HTML to the W3C Nu validator (vnu.jar, from npm: package.json;
it runs on Java, which `make test` installs where it is missing: scripts/ensure-java.sh).

One run of the validator over the session's site and a probe page: the site has no error,
and the probe's known faults (the roles that stacked tables once carried, the theme's
empty tabindex and a checkbox's autocomplete) are each reported, so the test can fail.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from conftest import ROOT
from edition.passes.valid_html import valid_theme_html
from edition.workbench.processes import run

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PROBE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>probe</title></head><body>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
<label for="__drawer" tabindex="">x</label>
<table><tbody><tr role="row"><td role="cell">x</td></tr></tbody></table>
</body></html>
"""


def validate(*paths: Path) -> dict[str, list[str]]:
    """File path → its errors, "line: message", as the validator reports them."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("no Java runtime: run `make java` (scripts/ensure-java.sh installs default-jre-headless)")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `npm ci` (make browser does)")
    done = run(
        [java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, paths)],
        what="the W3C Nu validator",
        timeout=600,
        capture_output=True,
        text=True,
    )
    found: dict[str, list[str]] = {}
    for message in json.loads(done.stderr)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            found.setdefault(unquote(urlparse(message.get("url", "?")).path), []).append(f"{message.get('lastLine', '?')}: {message['message']}")
    return found


def test_every_page_is_valid_html(site, tmp_path):
    probe = tmp_path / "probe.html"
    probe.write_text(PROBE, encoding="utf-8")
    errors = validate(site, probe)
    faults = errors.pop(str(probe), [])
    pages = {path.removeprefix(str(site)): messages[:5] for path, messages in errors.items()}
    assert pages == {}, f"{sum(map(len, errors.values()))} errors"
    assert len(faults) == 4 and all(any(word in fault for fault in faults) for word in ("autocomplete", "tabindex", "“tr”", "“td”")), faults


def test_the_theme_attributes_are_put_right():
    """The probe's first two faults, as Material writes them, are gone after valid_theme_html;
    a text input keeps its autocomplete="off"."""
    html = valid_theme_html(PROBE.replace("</body>", '<input type="text" autocomplete="off"></body>'))
    assert 'type="checkbox" id="__drawer">' in html and 'tabindex=""' not in html
    assert '<input type="text" autocomplete="off">' in html
