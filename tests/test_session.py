"""The suite's own session: what several processes (`make test`, pytest-xdist) need and is
costly is made once for all of them (conftest.made_once)."""

from __future__ import annotations

import multiprocessing
import time

from conftest import made_once


def make_counted(shared, name):
    """What a process of the session asks for: made_once of a value whose making is counted."""

    def make():
        with open(shared / "makings", "a") as makings:
            makings.write("made\n")
        time.sleep(0.5)  # a costly making (a crawl takes half a minute): the others ask meanwhile
        return {"pages": 28, "made by": multiprocessing.current_process().name}

    return made_once(shared, name, make)


def ask(shared, name, answers):
    answers.put(make_counted(shared, name))


def test_what_every_process_needs_is_made_once_for_all(tmp_path):
    answers = multiprocessing.get_context("fork").Queue()
    processes = [multiprocessing.get_context("fork").Process(target=ask, args=(tmp_path, "crawl", answers), name=f"gw{n}") for n in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    got = [answers.get(timeout=10) for _ in processes]
    assert (tmp_path / "makings").read_text() == "made\n"  # one making, four answers
    assert len({answer["made by"] for answer in got}) == 1 and got[0]["pages"] == 28
    assert make_counted(tmp_path, "crawl") == got[0]  # and once more, later: still not made again
    assert (tmp_path / "makings").read_text() == "made\n"
