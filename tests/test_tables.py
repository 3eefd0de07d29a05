"""edition/passes/tables.py on its own: which tables are made ready for a phone, how each cell is
labelled, and where the stylesheet is linked (the browser tests: test_tables_phone.py)."""

from __future__ import annotations

from conftest import ROOT
from edition.model.project import Project
from edition.passes.page_html import to_root
from edition.passes.tables import stack_tables

TWO = "<table><thead><tr><th>Field</th><th>Value</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"
THREE = (
    '<div class="md-typeset__scrollwrap notes"><div class="md-typeset__table"><table>'
    "<thead><tr><th>No.</th><th>Source <em>reads</em></th><th>Note &amp; why</th></tr></thead>"
    '<tbody><tr id="r-1"><td>r-1</td><td class="zh">828<span lang="zh-Hans">日</span></td><td></td></tr></tbody>'
    "</table></div></div>"
)


def test_a_two_column_table_is_left_as_it_is():
    assert stack_tables("<h1>x</h1>" + TWO, "../") == "<h1>x</h1>" + TWO


def test_a_wide_table_is_labelled_and_its_stylesheet_linked_before_its_wrapper():
    html = stack_tables("<h1>x</h1>" + TWO + THREE + THREE.replace("r-1", "r-2"), "../../")
    assert html.count("tables.css") == 1
    link = '<link rel="stylesheet" href="../../assets/tables.css">'
    assert html.index(link) + len(link) == html.index('<div class="md-typeset__scrollwrap')
    assert TWO in html  # the two-column table before it is untouched
    assert html.count("<table data-stacked>") == 2
    assert "<thead><tr><th>No.</th>" in html and "role=" not in html  # no roles: invalid on table elements
    assert '<tr id="r-1"><td data-label="No.">r-1</td>' in html
    # The label is the head's text, tags gone, as an attribute value.
    assert '<td data-label="Source reads" class="zh">' in html
    assert '<td data-label="Note &amp; why"></td>' in html


def test_stacking_twice_changes_nothing():
    once = stack_tables(THREE, "")
    assert stack_tables(once, "") == once


def test_the_way_back_to_the_root_follows_the_page_address():
    project = Project(ROOT)
    docs = project.docs
    assert to_root(project, docs / "index.md") == ""
    assert to_root(project, docs / "index.en.md") == "../"
    assert to_root(project, docs / "yushan-2023" / "index.md") == "../"
    assert to_root(project, docs / "yushan-2023" / "glossary.md") == "../../"
    assert to_root(project, docs / "yushan-2023" / "glossary.en.md") == "../../../"
