"""The key figures as data: a Frictionless Data Package (datapackage.json describing the
CSV: its fields with their types and units, the licences, the sources, the version) and a
JSON file that carries the same description with the figures.

Written with the other downloads (downloads.py) into SLUG/files/. tests/test_figures_data.py
validates the package with the `frictionless` library, as its users do.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import figures, site
from ..model.project import Project, Report, counterpart
from .citation import cited_version

#: The CSV's columns as a Table Schema: (name, type, description), in the CSV's order.
COLUMNS: list[tuple[str, str, str]] = [
    ("id", "string", "The figure's id (kf-N), in reading order; the key-figures page's row #kf-N."),
    ("paragraph_id", "string", "The id of the paragraph that states the figure (p-1-2-1), the same in both languages."),
    ("indicator_zh", "string", "What is counted, in Chinese (the edition's wording)."),
    ("indicator_en", "string", "What is counted, in English."),
    ("value", "number", "The value as the Chinese writes it, before its unit: 8564.48 of 8564.48万元. Its unit is `unit`."),
    ("unit", "string", "The unit as the Chinese writes it after the value (万元, %, 个 …); 万 = 10,000, 亿 = 100 million."),
    ("unit_en", "string", "The unit in English, with its multiplier (RMB 10,000; 10,000 person-times)."),
    ("qualifier", "string", "A qualifier as written (余, 多: more than), or empty."),
    ("qualifier_en", "string", "The qualifier in English, or empty."),
    ("amount", "number", "The value in base units, with 万 and 亿 multiplied out: 85644800 for 8564.48万元. Its unit is `base_unit`."),
    ("base_unit", "string", "The unit of `amount`, in Chinese: 元 (yuan), 人次 (person-times), % (percent) or what is counted (个, 件 …)."),
    ("base_unit_en", "string", "The unit of `amount`, in English: yuan, person-times, % or what is counted (items, cases …)."),
    ("sentence_zh", "string", "The Chinese sentence that states the figure: its value and the words that say what it counts."),
    ("sentence_en", "string", "The English sentence that states the figure (the edition's unofficial translation)."),
    ("url", "string", "The paragraph on the published site, in Chinese."),
    ("url_en", "string", "The paragraph on the published site, in English."),
]


def data_version(project: Project, report: Report) -> str:
    """The version of the data: the newest of the report's pages (both languages) and its
    key-figures.yml, as citations name versions (citation.cited_version)."""
    pages = [p for zh in report.text_pages for p in (zh, counterpart(zh, "en"))]
    return cited_version(project, report, [*pages, report.folder / "key-figures.yml"]).label


def description(project: Project, report: Report, count: int) -> dict[str, Any]:
    """What the package and the JSON file say of the data: name, titles, version, licences,
    sources."""
    base = site.site_url(project.root)
    files = f"{base}{report.slug}/files/"
    config = report.config
    licences = [
        {
            "name": "CC-BY-4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
            "title": f"Creative Commons Attribution 4.0 International: the edition's English and its compilation of the figures ({config.get('edition_en', '')})",
        }
    ]
    repository = site.repository(project.root)
    if repository:
        licences.append(
            {
                "path": f"{repository}/blob/main/LICENSE-SOURCE.md",
                "title": f"The Chinese sentences and values: public government document of the {config.get('issuer_en', '')} ({config.get('issuer_zh', '')})",
            }
        )
    return {
        "name": f"{report.slug}-key-figures",
        "title": f"Key figures of the {config.get('title_en', '')} · {config.get('title_zh', '')} 主要数据",
        "description": (
            f"The {count} key figures of the report, each with the Chinese and English sentences that state it, its value as the "
            "Chinese writes it and in base units, and its paragraph's address; each is checked against its paragraph whenever the site "
            "is built. The English is an unofficial translation: the Chinese original prevails."
        ),
        "version": data_version(project, report),
        "homepage": f"{base}en/{report.slug}/key-figures/",
        "licenses": licences,
        "sources": [
            {
                "title": f"{config.get('issuer_zh', '')}：《{config.get('title_zh', '')}》，{config.get('published', '')}（存档底本）",
                "path": f"{files}{report.source.name}",
            },
            {"title": f"{config.get('edition_en', '')} · {config.get('edition_zh', '')}", "path": f"{base}{report.slug}/"},
        ],
        "contributors": [
            {"title": f"{config.get('issuer_en', '')} ({config.get('issuer_zh', '')})", "role": "author"},
            {"title": str(config.get("edition_en", "")), "role": "publisher"},
        ],
    }


def data_package(project: Project, report: Report, sourced: list[figures.Sourced], csv_name: str) -> str:
    """datapackage.json: the description and the CSV as a tabular resource with its schema."""
    fields = [{"name": name, "type": kind, "description": text} for name, kind, text in COLUMNS]
    for field in fields:
        if field["name"] in ("url", "url_en"):
            field["format"] = "uri"
    fields[0]["constraints"] = {"required": True, "unique": True, "pattern": r"^kf-\d+$"}
    resource = {
        "name": "key-figures",
        "path": csv_name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",  # with a byte-order mark, which CSV readers skip (Excel needs it)
        "schema": {"fields": fields, "primaryKey": ["id"]},
    }
    package = description(project, report, len(sourced)) | {"resources": [resource]}
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


def figures_json(project: Project, report: Report, sourced: list[figures.Sourced]) -> str:
    """The figures as JSON, with the package's description (version, licences, sources) and
    the value and amount as numbers."""
    data = description(project, report, len(sourced)) | {
        "fields": {name: text for name, _, text in COLUMNS},
        "figures": figures.json_rows(sourced),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
