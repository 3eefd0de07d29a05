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


def test_a_glossary_grown_to_300_terms_fills_pages_the_checks_accept(tmp_path):
    """make bench-scale's glossary of 300 terms: the real terms and copies under new ids,
    PER_PAGE a page, every page in both languages, every check passing."""
    from edition.model.glossary import PER_PAGE, load_terms
    from edition.workbench.scale import glossary_project

    project = glossary_project(ROOT, tmp_path / "glossary", 300)
    terms = load_terms(Project(project).reports[0])
    assert len(terms) == 300 and len({t.id for t in terms}) == len({t.zh for t in terms}) == 300
    pages = sorted(p.name for p in (project / "docs" / "yushan-2023").glob("glossary*.md"))
    assert len(pages) == 2 * -(-300 // PER_PAGE)
    assert [p.format(project) for p in run_checks(Project(project))] == []


@pytest.mark.parametrize("name", ["results", "builds", "scale"])
def test_the_readme_shows_the_figures_make_bench_wrote(name):
    """The README's tables of the last `make bench` / `make bench-scale` are the ones
    scripts/bench.py writes from bench/results.json and bench/scale.json (committed with
    it): a figure edited by hand, or a run committed without its README, fails here."""
    import json

    from edition.workbench.bench import README, readme_block, readme_tables

    source, render = readme_tables()[name]
    measured = json.loads((ROOT / "bench" / source).read_text(encoding="utf-8"))
    shown = readme_block(README.read_text(encoding="utf-8"), name)
    assert shown is not None, f"README.md has no block {name}"
    assert shown == render(measured)


def test_a_figure_edited_by_hand_is_seen(tmp_path):
    """Mutation: one digit changed in a written block no longer reads as the measurement."""
    from edition.workbench.bench import builds_table, publish, readme_block

    measured = {"date": "2026-12-06", "machine": "M", "build_bilingual_s": 4.5, "build_bilingual_cpu_s": 3.0, "build_chinese_only_s": 3.1}
    measured |= {"build_zensical_cold_s": 5.0, "build_zensical_warm_s": 5.5, "zensical_i18n_cold_s": 2.0, "build_zensical_cold_cpu_s": 2.9}
    readme = tmp_path / "README.md"
    readme.write_text(
        "- a list item:\n\n  <!-- make bench: builds (written by scripts/bench.py; do not edit) -->\n  <!-- end of make bench: builds -->\n", encoding="utf-8"
    )
    publish("builds", measured, readme)
    assert readme_block(readme.read_text(encoding="utf-8"), "builds") == builds_table(measured)
    readme.write_text(readme.read_text(encoding="utf-8").replace("4.5 s", "4.4 s"), encoding="utf-8")
    assert readme_block(readme.read_text(encoding="utf-8"), "builds") != builds_table(measured)
