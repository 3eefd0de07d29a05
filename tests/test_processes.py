"""Every external process has a time limit, and the error says what hung."""

from __future__ import annotations

import sys

import pytest

from edition.workbench.processes import Hung, run


def test_a_hung_process_is_killed_and_named():
    forever = [sys.executable, "-c", "import threading; threading.Event().wait()"]
    with pytest.raises(Hung, match=r"^the probe did not finish within 0\.5 s \(killed\): "):
        run(forever, what="the probe", timeout=0.5)


def test_a_process_within_its_limit_runs_as_subprocess_does():
    done = run([sys.executable, "-c", "print('ok')"], what="the probe", timeout=60, capture_output=True, text=True)
    assert (done.returncode, done.stdout) == (0, "ok\n")
