"""`make serve`: the preview answers pages while a check fails, shows each problem in the
terminal and as a banner on its page, and rebuilds when the report's data or the theme
(overrides/) changes."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import copy_project

START = 240  # seconds for the first build of a loaded machine, at most
REBUILD = 90  # seconds for a rebuild and the browser's reload, at most


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Serve:
    """`make serve` in a copy of the project, on a free loopback port."""

    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            ["make", "-s", "serve", f"PORT={self.port}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,  # its own process group, ended as one below
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_for_output(self, text: str, seconds: float) -> None:
        """Read the server's output until a line holds `text`; a timer ends the server if it
        never comes, which ends the reading."""
        timer = threading.Timer(seconds, self.stop)
        timer.start()
        try:
            for line in self.process.stdout:
                self.lines.append(line)
                if text in line:
                    return
        finally:
            timer.cancel()
        pytest.fail(f"no {text!r} from make serve within {seconds} s:\n" + "".join(self.lines))

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Iterator[tuple[Path, Serve]]:
    """One `make serve` for this module's tests, each of which edits the copy it serves."""
    root = copy_project(tmp_path_factory.mktemp("preview") / "project", make=True)
    page = root / "docs" / "yushan-2023" / "part-2.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{#part-2}", "{#part-two}", 1), encoding="utf-8")  # a check fails
    server = Serve(root)
    try:
        server.wait_for_output("Serving on", START)
        yield root, server
    finally:
        server.stop()
        server.process.wait(timeout=60)


def test_serve_answers_while_a_check_fails_and_rebuilds_on_a_data_edit(preview, browser):
    root, server = preview
    output = "".join(server.lines)
    assert "[headings] heading #part-two" in output  # in the terminal
    page = browser.new_page()
    response = page.goto(server.url + "/en/yushan-2023/part-2/")
    assert response.status == 200
    notice = page.locator(".edition-preview")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Preview: the content checks found")
    expect(notice).to_contain_text("[headings] heading #part-two")
    expect(notice).to_have_css("border-color", "rgb(255, 82, 82)")  # the red banner CONTRIBUTING promises
    zh = browser.new_page()
    zh.goto(server.url + "/yushan-2023/part-2/")  # the Chinese page that the problem names
    expect(zh.locator(".edition-preview")).to_contain_text("预览：内容检查发现")
    expect(zh.locator(".edition-preview")).to_contain_text("this place has #part-two")
    zh.close()

    # A slip in the report's data: the preview rebuilds, and the open page reloads with it.
    glossary = root / "reports" / "yushan-2023" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    glossary.write_text(text.replace("\n  - id: ", "\n  - colour: red\n    id: ", 1), encoding="utf-8")
    expect(notice).to_contain_text("has unknown key colour", timeout=REBUILD * 1000)
    page.close()


def test_serve_rebuilds_on_a_theme_edit(preview, browser):
    """overrides/ is watched (`--watch overrides` in the Makefile: MkDocs watches a theme's
    folders only with --watch-theme): an edit to a template shows on the open page."""
    root, server = preview
    page = browser.new_page()
    assert page.goto(server.url + "/en/yushan-2023/part-2/").status == 200
    notice = page.locator(".translation-notice")
    expect(notice).to_contain_text("Unofficial translation.")
    marker = "(theme edited in the preview)"
    assert marker not in page.content()
    template = root / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert text.count("Unofficial translation. The") == 1
    template.write_text(text.replace("Unofficial translation. The", f"Unofficial translation {marker}. The"), encoding="utf-8")
    expect(notice).to_contain_text(marker, timeout=REBUILD * 1000)  # rebuilt, and the page reloaded
    page.close()


def test_a_published_build_shows_no_preview_banner(site):
    for page in site.rglob("*.html"):
        assert "edition-preview" not in page.read_text(encoding="utf-8"), page


def test_each_page_shows_its_own_problems_the_data_files_and_the_causes_of_its_problems(tmp_path):
    from edition.model.problems import Problem
    from edition.passes.preview import banner, problems_of_page

    docs = tmp_path / "docs"
    zh, en, other = docs / "r" / "part-1.md", docs / "r" / "part-1.en.md", docs / "r" / "part-2.en.md"
    follower = Problem(en, 27, "blocks", "paragraph #p-1-2-2 has no counterpart")
    problems = [
        Problem(zh, 26, "ids", 'duplicate id "p-1-2-3" (also on line 29)', follows=(follower,)),
        Problem(en, 24, "numbers", "1162 (= 1,162) of #p-1-2-1 at r/part-1.md:23 is not in the English"),
        Problem(other, 5, "numbers", "7 of #p-2-1 is not in the English"),
        Problem(tmp_path / "reports" / "r" / "glossary.yml", 40, "data", "terms[4] lacks en"),
    ]
    assert problems_of_page(problems, en, tmp_path, docs) == [problems[0], problems[1], problems[3]]
    assert problems_of_page(problems, zh, tmp_path, docs) == [problems[0], problems[3]]
    html = banner(problems_of_page(problems, en, tmp_path, docs), tmp_path, "en")
    assert html.startswith('<div class="admonition failure edition-preview" role="alert">')
    assert "Preview: the content checks found 3 problems" in html
    assert "<code>docs/r/part-1.md:26</code> [ids] duplicate id &quot;p-1-2-3&quot; (also on line 29) (and 1 problem that follows from it)" in html
    assert "预览：内容检查发现2个问题" in banner(problems_of_page(problems, zh, tmp_path, docs), tmp_path, "zh")
    assert banner([], tmp_path, "en") == ""
