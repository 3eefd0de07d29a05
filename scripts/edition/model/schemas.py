"""The schemas of a report's YAML data files (reports/SLUG/*.yml), one per file name.

Each is a JSON Schema (draft 2020-12), checked by `edition.data_files.load_data_file`.
To add an optional key to a file's entries, add it under that entry's `properties`; to
make it required, list it in `required` too, or in `dependent` to require it wherever
another key stands (the glossary's `attested_zh` wherever `attested` is given). Keys that are not listed are refused
(`additionalProperties: false`), so that a misspelt key is named instead of ignored.
`UNIQUE` lists the fields that no two entries of a list may share.
"""

from __future__ import annotations

from typing import Any

TEXT = {"type": "string", "minLength": 1}
OPTIONAL_TEXT = {"type": "string"}
BLOCK_ID = {"type": "string", "pattern": r"^[A-Za-z][\w-]*$"}
DATE = {"type": "string", "pattern": r"^\d{4}-\d\d-\d\d$"}
SHA256 = {"type": "string", "pattern": r"^[0-9a-f]{64}$"}
FINGERPRINT = {"type": "string", "pattern": r"^[0-9a-f]{8}$"}
#: Sentence numbers in a block, from 1: [2] or [2, 3].
POSITIONS = {"type": "array", "minItems": 1, "items": {"type": "integer", "minimum": 1}}


def _entries(properties: dict[str, Any], required: list[str], dependent: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """A list of mappings with exactly these keys (those in `required` must be there, and
    those `dependent` lists for a key wherever that key is)."""
    items: dict[str, Any] = {"type": "object", "properties": properties, "required": required, "additionalProperties": False}
    if dependent:
        items["dependentRequired"] = dependent
    return {"type": "array", "items": items}


def _note(prefix: str) -> dict[str, Any]:
    return _entries(
        {
            "id": {"type": "string", "pattern": rf"^{prefix}-\d+$"},
            "paragraph": BLOCK_ID,
            "published": TEXT,
            "edition": TEXT,
            "zh": TEXT,
            "en": TEXT,
        },
        ["id", "paragraph", "published", "edition", "zh", "en"],
    )


SCHEMAS: dict[str, dict[str, Any]] = {
    "report.yml": {
        "type": "object",
        "properties": {
            "slug": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
            "title_zh": TEXT,
            "title_en": TEXT,
            "issuer_zh": TEXT,
            "issuer_en": TEXT,
            "published": DATE,
            "source": TEXT,
            "sources": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "properties": {"file": TEXT, "sha256": SHA256, "published": DATE, "archived": DATE, "note": OPTIONAL_TEXT},
                    "required": ["file", "sha256", "published", "archived"],
                    "additionalProperties": False,
                },
            },
            "title_line": {"type": "integer", "minimum": 0},
            "header_lines": {"type": "integer", "minimum": 0},
            "pages": {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": r"\.md$"}},
            "edition_zh": TEXT,
            "edition_en": TEXT,
            "translated": DATE,
            "translation_licence": TEXT,
        },
        "required": ["slug", "source", "sources", "pages"],
        "additionalProperties": False,
    },
    "editorial-notes.yml": {
        "type": "object",
        "properties": {
            "restorations": _note("r"),
            "queries": _note("q"),
            "chrome": _entries({"text": {"type": ["string", "null"]}, "line": {"type": "integer", "minimum": 1}, "zh": TEXT, "en": TEXT}, ["text", "zh", "en"]),
        },
        "additionalProperties": False,
    },
    "glossary.yml": {
        "type": "object",
        "properties": {
            "terms": _entries(
                {
                    "id": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"},
                    "zh": TEXT,
                    "pinyin": OPTIONAL_TEXT,
                    "en": TEXT,
                    "variants": {"type": "array", "items": TEXT},
                    "kind": {"enum": ["political", "legal", "institution", "document", "slogan"]},
                    "note_en": OPTIONAL_TEXT,
                    "note_zh": OPTIONAL_TEXT,
                    "attested": OPTIONAL_TEXT,
                    # The attestation in Chinese, for the Chinese glossary page: the English
                    # renderings it quotes stay English, the rest is Chinese.
                    "attested_zh": OPTIONAL_TEXT,
                },
                ["id", "zh", "en"],
                {"attested": ["attested_zh"]},
            )
        },
        "additionalProperties": False,
    },
    "key-figures.yml": {
        "type": "object",
        "properties": {
            "figures": _entries(
                {
                    "id": {"type": "string", "pattern": r"^kf-\d+$"},
                    "paragraph": BLOCK_ID,
                    "indicator_zh": TEXT,
                    "indicator_en": TEXT,
                    # A string, as written in the Chinese: "8564.48", not the float 8564.48.
                    "value": {"type": "string", "pattern": r"^\d+(\.\d+)?$"},
                    "unit": OPTIONAL_TEXT,
                    "unit_en": OPTIONAL_TEXT,
                    "qualifier": OPTIONAL_TEXT,
                    "qualifier_en": OPTIONAL_TEXT,
                    # Words of the sentence that states the figure, naming what it counts.
                    "words_zh": TEXT,
                    "words_en": TEXT,
                },
                ["id", "paragraph", "indicator_zh", "indicator_en", "value", "words_zh", "words_en"],
            )
        },
        "additionalProperties": False,
    },
    "sentences.yml": {
        "type": "object",
        "properties": {
            "blocks": _entries(
                {
                    "id": BLOCK_ID,
                    # The fingerprint of each sentence's text, in order (edition/model/sentences.py).
                    "zh": {"type": "array", "minItems": 1, "items": FINGERPRINT},
                    "en": {"type": "array", "minItems": 1, "items": FINGERPRINT},
                    "pairs": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "properties": {"zh": POSITIONS, "en": POSITIONS, "unsure": TEXT, "reviewed": TEXT},
                            "required": ["zh", "en"],
                            "additionalProperties": False,
                        },
                    },
                },
                ["id", "zh", "en", "pairs"],
            )
        },
        "additionalProperties": False,
    },
    "releases.yml": {
        "type": "object",
        "properties": {
            # Oldest first; each has its text in releases/VERSION.json (edition/model/releases.py).
            "releases": _entries(
                {"version": {"type": "string", "pattern": r"^\d{4}\.\d\d\.\d\d(\.\d+)?$"}, "date": DATE, "notes": TEXT, "notes_zh": TEXT},
                ["version", "date", "notes"],
            )
        },
        "required": ["releases"],
        "additionalProperties": False,
    },
    "number-exceptions.yml": {
        "type": "object",
        "properties": {
            "exceptions": _entries({"block": BLOCK_ID, "value": {"type": ["string", "number"]}, "reason": TEXT}, ["block", "value", "reason"]),
        },
        "additionalProperties": False,
    },
}

#: Fields that must differ between the entries of a list: file → [(list key, field), …].
#: A tuple of fields is unique in combination.
UNIQUE: dict[str, list[tuple[str, str | tuple[str, ...]]]] = {
    "report.yml": [("sources", "file"), ("sources", "sha256")],
    "editorial-notes.yml": [("restorations", "id"), ("queries", "id")],
    "glossary.yml": [("terms", "id"), ("terms", "zh")],
    "key-figures.yml": [("figures", "id")],
    "number-exceptions.yml": [("exceptions", ("block", "value"))],
    "sentences.yml": [("blocks", "id")],
    "releases.yml": [("releases", "version")],
}
