"""`make serve`: the preview answers pages while a check fails, shows each problem in the
terminal and as a banner on its page, and rebuilds when the report's data changes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, copy_project

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


@pytest.fixture
def preview(tmp_path) -> Iterator[tuple[Path, Serve]]:
    root = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, root / name)  # copy2: the venv's stamp stays newer than requirements.txt
    (root / ".venv").symlink_to(ROOT / ".venv")
    page = root / "docs" / "yushan-2023" / "part-2.en.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("{#part-2}", "{#part-two}", 1), encoding="utf-8")  # a check fails
    server = Serve(root)
    try:
        yield root, server
    finally:
        server.stop()
        server.process.wait(timeout=60)


def test_serve_answers_while_a_check_fails_and_rebuilds_on_a_data_edit(preview, browser):
    root, server = preview
    server.wait_for_output("Serving on", START)
    output = "".join(server.lines)
    assert "[headings] heading #part-two" in output  # in the terminal
    page = browser.new_page()
    response = page.goto(server.url + "/en/yushan-2023/part-2/")
    assert response.status == 200
    notice = page.locator(".edition-preview")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("Preview: the content checks found")
    expect(notice).to_contain_text("[headings] heading #part-two")
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


def test_a_published_build_shows_no_preview_banner(site):
    for page in site.rglob("*.html"):
        assert "edition-preview" not in page.read_text(encoding="utf-8"), page
