"""Reading YAML: libyaml's C loader where PyYAML has it (ten times faster on the glossary)."""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """Like yaml.safe_load; raises yaml.YAMLError with problem_mark on malformed input."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader


def error_line(error: Exception, text: str) -> int:
    """The 1-based line of `text` where a YAML error lies. PyYAML marks an error found at
    the end of the input one line past the last line; that is reported as the last line,
    so that the line named always exists."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    last = max(1, text.count("\n") + (0 if text.endswith("\n") else 1))
    return min(mark.line + 1, last) if mark is not None else 1
