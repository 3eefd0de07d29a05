"""The tools the benchmark and the browser tests rely on: the local server that stands in
for GitHub Pages, and the synthetic reports of the scale runs (make bench-scale)."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from conftest import ROOT
from edition.checks import run_checks
from edition.generators.browser import serve
from edition.model.project import Project
from edition.workbench.scale import synthetic_project


def fetch(url: str, encoding: str = "gzip"):
    return urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": encoding}))


def test_server_compresses_text_as_github_pages_does(tmp_path):
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>" + "法治政府 " * 500 + "</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>not here</p>", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG" + bytes(300))
    with serve(tmp_path) as base:
        response = fetch(base + "/page/")
        body = response.read()
        assert response.headers["Content-Encoding"] == "gzip"
        assert int(response.headers["Content-Length"]) == len(body) < 1000
        assert gzip.decompress(body).decode("utf-8").startswith("<p>法治政府")
        assert fetch(base + "/page/", encoding="identity").headers["Content-Encoding"] is None
        assert fetch(base + "/logo.png").headers["Content-Encoding"] is None  # images go as they are
        with pytest.raises(urllib.error.HTTPError) as missing:
            fetch(base + "/nowhere/")
        assert missing.value.code == 404 and b"not here" in missing.value.read()


def test_synthetic_reports_are_complete_and_listed_in_the_nav(tmp_path):
    project_root = synthetic_project(ROOT, tmp_path / "scale", 2)
    project = Project(project_root)
    assert [r.slug for r in project.reports] == ["synth-01", "synth-02", "yushan-2023"]
    assert run_checks(project) == []
    config = (project_root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "      - synth-02:\n          - synth-02/index.md\n" in config
    assert "          - synth-02/glossary.md\n" in config
    assert (project_root / ".git").is_dir()  # page dates come from git, as in the project
