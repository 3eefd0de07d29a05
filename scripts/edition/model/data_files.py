"""Reading a report's YAML data files with their line numbers, and validating them.

PyYAML's nodes carry the line of every key and value; the data is built from them here
(instead of `yaml.load`, which drops the marks and keeps the last of two equal keys), so
that every problem, a schema violation or a duplicate, names its file and line.
"""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from .problems import Problem
from .schemas import SCHEMAS, UNIQUE
from .yaml_data import LOADER, describe_error

NAME = "data"


@dataclass
class DataFile:
    """A data file's content, its problems, and the line of each key or list item."""

    data: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[tuple, int] = field(default_factory=dict)  # (key, index, …) → 1-based line

    def line(self, path: tuple) -> int:
        """The line of a place in the data, or of the nearest enclosing place."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def load_data_file(path: Path, schema_name: str | None = None, *, with_lines: bool = False) -> DataFile:
    """Read, check against its schema (by file name) and return a data file.

    Entries that break the schema are left out of `data` (and named in `problems`), so
    that the checks and the build that read them never meet a missing key. `with_lines`:
    note the line of every key and list item even when nothing is wrong (a check that
    names a place in a valid file asks for it)."""
    result = DataFile()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        result.problems.append(Problem(path, 0, "input", f"not valid UTF-8 (offset {error.start})"))
        return result
    name = schema_name or path.name
    quick = None if with_lines else _quick(text, name)
    if quick is not None:
        result.data = quick
        return result
    # Something is wrong: read again, with the line of every key, to say where.
    try:
        loader = LOADER(text)
        try:
            node = loader.get_single_node()
            data = _build(node, (), result, path, loader) if node is not None else {}
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        line, message = describe_error(error, text)
        result.problems.append(Problem(path, line, "input", f"malformed YAML: {message}"))
        return result
    if data is None:
        data = {}
    if not isinstance(data, dict):
        result.problems.append(Problem(path, 1, "input", "expected a mapping of keys to values"))
        return result
    schema = SCHEMAS.get(name)
    if schema is not None:
        data = _validate(data, schema, name, result, path)
    result.data = data
    return result


def line_of(path: Path, where: tuple) -> int:
    """The line of a place in a data file that read well (`("figures", 3, "paragraph")`), or of
    the nearest enclosing place: for a problem that a check finds in the file's content."""
    return _lines(path, path.stat().st_mtime_ns).line(where) if path.exists() else 0


def entry_line(path: Path, key: str, ident: str, field: str | None = None) -> int:
    """The line of the entry of list `key` whose id is `ident` (of its `field`, if given)."""
    if not path.exists():
        return 0
    read = _lines(path, path.stat().st_mtime_ns)
    entries = read.data.get(key) if isinstance(read.data, dict) else None
    for n, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and entry.get("id") == ident:
            return read.line((key, n, field) if field else (key, n))
    return 0


@functools.lru_cache(maxsize=32)
def _lines(path: Path, _version: int) -> DataFile:
    result = DataFile()
    try:
        loader = LOADER(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            if node is not None:
                result.data = _build(node, (), result, path, loader)
        finally:
            loader.dispose()
    except (yaml.YAMLError, UnicodeDecodeError):
        pass  # named when the file is read (load_data_file)
    return result


class _QuickLoader(LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, noting duplicate keys, and keeping dates as written (as _build)."""

    duplicates = False

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        keys = [key.value for key, _ in node.value if isinstance(key, yaml.ScalarNode)]
        if len(set(keys)) != len(keys):
            self.duplicates = True
        return super().construct_mapping(node, deep=deep)


_QuickLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def _quick(text: str, name: str) -> dict[str, Any] | None:
    """The data when the file is well formed, valid and free of duplicates; None to go the
    slow way (_build and jsonschema), which names each problem with its line. Most runs
    find nothing wrong, and this way takes a third of the time."""
    loader = _QuickLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if loader.duplicates or not isinstance(data, dict):
        return None
    schema = SCHEMAS.get(name)
    if schema is None:
        return data
    if not conforms(data, schema) or _duplicate_entries(data, name):
        return None
    return data


KEYWORDS = {"type", "enum", "minLength", "pattern", "minimum", "minItems", "items", "properties", "required", "dependentRequired", "additionalProperties"}
TYPES: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
    "boolean": lambda v: isinstance(v, bool),
}


def conforms(value: Any, schema: dict[str, Any]) -> bool:
    """Whether a value is valid under a schema that uses only the keywords of KEYWORDS
    (those of schemas.py); False for any other keyword, which sends the file to
    jsonschema. Never True where jsonschema would find a violation (tested)."""
    return _compiled(schema)(value)


_COMPILED: dict[int, Any] = {}


def _compiled(schema: dict[str, Any]) -> Any:
    """The schema as one function (made once per schema: the glossary has 1,500 values)."""
    key = id(schema)
    if key not in _COMPILED:
        _COMPILED[key] = _compile(schema)
    return _COMPILED[key]


def _compile(schema: dict[str, Any]) -> Any:
    if not KEYWORDS.issuperset(schema):
        return lambda value: False
    kinds = schema.get("type")
    kinds = None if kinds is None else [TYPES[k] for k in ([kinds] if isinstance(kinds, str) else kinds)]
    enum = schema.get("enum")
    min_length, pattern = schema.get("minLength", 0), re.compile(schema["pattern"]) if "pattern" in schema else None
    minimum, min_items = schema.get("minimum"), schema.get("minItems", 0)
    items = _compile(schema["items"]) if "items" in schema else None
    properties = {k: _compile(v) for k, v in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    dependent = {key: tuple(keys) for key, keys in schema.get("dependentRequired", {}).items()}
    closed = schema.get("additionalProperties", True) is False

    def check(value: Any) -> bool:
        if kinds is not None and not any(kind(value) for kind in kinds):
            return False
        if enum is not None and value not in enum:
            return False
        if isinstance(value, str):
            return len(value) >= min_length and (pattern is None or pattern.search(value) is not None)
        if isinstance(value, list):
            return len(value) >= min_items and (items is None or all(items(v) for v in value))
        if isinstance(value, dict):
            if any(k not in value for k in required) or (closed and any(k not in properties for k in value)):
                return False
            if any(k not in value for key, keys in dependent.items() if key in value for k in keys):
                return False
            return all(properties[k](v) for k, v in value.items() if k in properties)
        if minimum is not None and TYPES["number"](value) and value < minimum:
            return False
        return True

    return check


def _duplicate_entries(data: dict[str, Any], name: str) -> bool:
    for key, fields in UNIQUE.get(name, []):
        entries = data.get(key)
        entries = entries if isinstance(entries, list) else []
        values = [tuple(e.get(f) for f in fields) if isinstance(fields, tuple) else e.get(fields) for e in entries if isinstance(e, dict)]
        if len(values) != len(set(map(repr, values))):
            return True
    return False


def _build(node: yaml.Node, where: tuple, result: DataFile, path: Path, loader: Any, above: tuple = ()) -> Any:
    if any(node is n for n in above):  # &a [*a]: an alias of a node inside itself
        raise yaml.constructor.ConstructorError(None, None, "a node that contains itself (an anchor used inside itself)", node.start_mark)
    above = (*above, node)
    result.lines.setdefault(where, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):  # ? [a, b]: a list or mapping as a key
                raise yaml.constructor.ConstructorError(None, None, "a key that is a list or a mapping", key_node.start_mark)
            key = loader.construct_object(key_node, deep=True)
            if key == "<<":
                raise yaml.constructor.ConstructorError(None, None, "merge keys (<<) are not used in these files", key_node.start_mark)
            if key in out:
                first = result.lines.get((*where, key), 0)
                result.problems.append(Problem(path, key_node.start_mark.line + 1, NAME, f'duplicate key "{key}" (first on line {first}): keep one'))
                continue
            result.lines[(*where, key)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, (*where, key), result, path, loader, above)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*where, n), result, path, loader, above) for n, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    # YAML reads 2024-01-23 as a date; the schemas, the citations and the downloads want
    # the text as written.
    return value.isoformat() if isinstance(value, datetime.date) else value


@functools.cache
def _validator(name: str) -> jsonschema.protocols.Validator:
    schema = SCHEMAS[name]
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def _message(error: jsonschema.ValidationError, where: str) -> str:
    """A schema violation in words that name the key."""
    if error.validator == "required":
        missing = [key for key in error.validator_value if key not in error.instance]
        return f"{where} lacks {', '.join(missing)}"
    if error.validator == "dependentRequired":
        # {"attested": ["attested_zh"]}: jsonschema reports each key that has a missing partner.
        for key, partners in error.validator_value.items():
            missing = [p for p in partners if key in error.instance and p not in error.instance]
            if missing:
                return f"{where} has {key} but lacks {', '.join(missing)}"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(set(error.instance) - set(allowed), key=str)
        return f"{where} has unknown key {', '.join(map(str, unknown))} (known: {', '.join(allowed)})"
    if error.validator == "enum":
        return f"{where} is {error.instance!r}, expected one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "type":
        kinds = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        names = {
            "object": "a mapping of keys to values",
            "array": "a list (- …)",
            "string": "text",
            "integer": "a whole number",
            "number": "a number",
            "null": "empty",
        }
        return f"{where} is {error.instance!r}, expected {' or '.join(names.get(k, k) for k in kinds)}"
    if error.validator == "pattern":
        return f"{where} is {error.instance!r}, which does not match {error.validator_value}"
    return f"{where}: {error.message}"


def _describe(path: tuple, data: Any = None) -> str:
    """('terms', 3, 'en') → terms[3].en (list positions from 0, as the schema sees them), with
    the entry's own name where it has one: figures[0] (kf-001).value."""
    out, value = "", data
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
            name = next((value[k] for k in ("id", "block", "file") if isinstance(value, dict) and isinstance(value.get(k), str)), None)
            out += f"[{part}]" + (f" ({name})" if name else "")
        else:
            value = value.get(part) if isinstance(value, dict) else None
            out += f".{part}" if out else str(part)
    return out or "the file"


def _validate(data: dict[str, Any], schema: dict[str, Any], name: str, result: DataFile, path: Path) -> dict[str, Any]:
    drop: set[tuple] = set()
    for error in sorted(_validator(name).iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = tuple(error.absolute_path)
        if error.validator == "additionalProperties":
            # The line of the first unknown key, where the fix is.
            unknown = sorted(set(error.instance) - set(error.schema.get("properties", {})), key=str)
            result.problems.append(Problem(path, result.line((*where, unknown[0])), NAME, _message(error, _describe(where, data))))
            continue
        if error.validator == "dependentRequired":
            # The line of the key that asks for its partner (attested, for attested_zh).
            present = [key for key in error.validator_value if key in error.instance]
            at = result.line((*where, present[0])) if present else result.line(where)
        else:
            at = result.line(where)
        result.problems.append(Problem(path, at, NAME, _message(error, _describe(where, data))))
        # Leave out the list entry (or the top-level key) that breaks the schema.
        drop.add(where[:2] if len(where) >= 2 and isinstance(where[1], int) else where[:1])
    for key, fields in UNIQUE.get(name, []):
        seen: dict[Any, int] = {}
        entries = data.get(key)
        for n, entry in enumerate(entries if isinstance(entries, list) else []):  # a wrong type is named above
            if not isinstance(entry, dict):
                continue
            value = tuple(entry.get(f) for f in fields) if isinstance(fields, tuple) else entry.get(fields)
            if value is None or (isinstance(value, tuple) and None in value):
                continue
            label = " and ".join(fields) if isinstance(fields, tuple) else fields
            shown = ", ".join(map(str, value)) if isinstance(value, tuple) else value
            if value in seen:
                first = result.line((key, seen[value]))
                result.problems.append(Problem(path, result.line((key, n)), NAME, f'duplicate {key} {label} "{shown}" (first on line {first})'))
                drop.add((key, n))
            else:
                seen[value] = n
    if () in drop:
        return {}
    out = dict(data)
    for key in {d[0] for d in drop if len(d) == 1}:
        out.pop(key, None)
    for key in {d[0] for d in drop if len(d) == 2}:
        if isinstance(out.get(key), list):
            out[key] = [entry for n, entry in enumerate(out[key]) if (key, n) not in drop]
    return out
