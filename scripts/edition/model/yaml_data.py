"""Reading YAML: libyaml's C loader where PyYAML has it (ten times faster on the glossary)."""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Like yaml.safe_load; raises yaml.YAMLError with problem_mark on malformed input."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader


def error_line(error: Exception, text: str) -> int:
    """The 1-based line of `text` where a YAML error lies (see `describe_error`)."""
    return describe_error(error, text)[0]


def describe_error(error: Exception, text: str, offset: int = 0) -> tuple[int, str]:
    """(line, message) of a YAML error, lines counted from `offset` + 1.

    libyaml finds a bracket or quote left open where its end should have been, a line or
    more later ("while parsing a flow sequence at line 2: did not find expected ',' or ']'"
    at line 3): the line named is then the one where it opens, and the message keeps both.
    An error found at the end of the input (one line past the last, for libyaml) is said to
    be there, so that the line named always exists."""
    last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    problem, context = getattr(error, "problem", None), getattr(error, "context", None)
    problem_mark, context_mark = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
    if problem_mark is None and context_mark is None:
        return offset + 1, str(error).splitlines()[0]
    found = problem_mark.line + 1 if problem_mark is not None else last
    where = "at the end of the file" if found > last else f"at line {offset + min(found, last)}"
    if not (context and context_mark):
        return offset + min(found, last), problem or str(error).splitlines()[0]
    opened = min(context_mark.line + 1, last)
    unclosed = context.startswith("while scanning") or "flow" in context
    line = opened if unclosed else min(found, last)
    return offset + line, f"{context} at line {offset + opened}: {problem} {where}"
