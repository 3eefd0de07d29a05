"""External processes with a time limit whose error says what hung.

`subprocess.run(..., timeout=N)` raises TimeoutExpired, whose message is the whole command
line; a reader of a red CI log wants to know which step hung and for how long. `run` names
it, and a process that never ends cannot hold a test run until CI's own limit.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence


class Hung(subprocess.SubprocessError):
    """A process ran past its time limit; the message names it. A SubprocessError, so the
    callers that already degrade on a failed git call treat it alike."""


def run(command: Sequence[str], *, what: str, timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """subprocess.run with a limit: past `timeout` seconds the process is killed and Hung
    is raised, naming `what` (e.g. "lighthouse on /en/") and the command."""
    try:
        return subprocess.run(list(command), timeout=timeout, **kwargs)
    except subprocess.TimeoutExpired as error:
        shown = " ".join(str(part) for part in command)
        raise Hung(f"{what} did not finish within {timeout:g} s (killed): {shown[:300]}") from error
