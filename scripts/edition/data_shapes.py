"""The shape each YAML data file of a report must have, checked when it is read.

A data file can be valid YAML and still not be what the edition reads: a list where a
mapping belongs, a glossary term without its English. Each list of entries below is
checked entry by entry; an entry of the wrong shape becomes a problem at its own line
and is left out, so that the checks and generators only ever see well-formed entries
(Hypothesis found each of these crashing the checks: tests/test_properties.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .yaml_data import LOADER

# File name → list key → the keys each entry needs (their values text or numbers).
SHAPES: dict[str, dict[str, tuple[str, ...]]] = {
    "glossary.yml": {"terms": ("id", "zh", "en")},
    "key-figures.yml": {"figures": ("id", "paragraph", "indicator_zh", "indicator_en", "value")},
    "editorial-notes.yml": {
        "restorations": ("id", "paragraph", "published", "edition", "zh", "en"),
        "queries": ("id", "paragraph", "published", "edition", "zh", "en"),
        "chrome": ("zh", "en"),
    },
    "number-exceptions.yml": {"exceptions": ("block", "value")},
}
# Keys whose value, where given, is a list of text (glossary variants).
LISTS = {"variants"}
SCALAR = (str, int, float)


def _entry_lines(text: str, key: str) -> list[int]:
    """The line of each item of the list under a top-level key (1-based)."""
    try:
        root = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for name, value in root.value:
        if getattr(name, "value", None) == key:
            if isinstance(value, yaml.SequenceNode):
                return [item.start_mark.line + 1 for item in value.value]
            return [value.start_mark.line + 1]
    return []


def _key_line(text: str, key: str) -> int:
    for number, line in enumerate(text.split("\n"), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def conform(path: Path, text: str, data: dict[str, Any]) -> tuple[dict[str, Any], list[Problem]]:
    """The data with every ill-shaped entry left out, and a problem for each."""
    shape = SHAPES.get(path.name)
    if shape is None:
        return data, []
    problems: list[Problem] = []
    data = dict(data)
    for key, required in shape.items():
        entries = data.get(key)
        if entries is None:
            data[key] = []
            continue
        if not isinstance(entries, list):
            problems.append(Problem(path, _key_line(text, key), "input", f"{key}: expected a list of entries (- …), found {type(entries).__name__}"))
            data[key] = []
            continue
        lines = _entry_lines(text, key)
        kept = []
        for n, entry in enumerate(entries):
            line = lines[n] if n < len(lines) else _key_line(text, key)
            reason = _fault(entry, required)
            if reason:
                problems.append(Problem(path, line, "input", f"{key} entry {n + 1}: {reason}"))
            else:
                kept.append(entry)
        data[key] = kept
    return data, problems


def _fault(entry: Any, required: tuple[str, ...]) -> str | None:
    if not isinstance(entry, dict):
        return f"expected a mapping of keys to values, found {type(entry).__name__}"
    missing = [key for key in required if entry.get(key) is None]
    if missing:
        return "lacks " + ", ".join(missing)
    for key, value in entry.items():
        if key in LISTS:
            if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                return f"{key}: expected a list of text"
        elif value is not None and (not isinstance(value, SCALAR) or isinstance(value, bool)):
            return f"{key}: expected text, found {type(value).__name__}"
    return None
