"""One search index per language, split from the combined index mkdocs-static-i18n writes.

Material's search builds one lunr index from `search/search_index.json` under the page's
`base`. With the combined index and `lang: [zh, en]`, English words that the stemmer
changes (reconsideration → reconsid) are not found, and a search on /en/ shows Chinese
pages. Split, each language gets an index of its own pages and its own pipeline: Chinese
at /search/ (jieba-segmented by Material at build time), English at /en/search/ (the
English stemmer). English pages point Material's `base` at /en/ (overrides/main.html).
"""

from __future__ import annotations

import json
from pathlib import Path

INDEX = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, default: str, others: list[str]) -> dict[str, int]:
    """Rewrite site_dir's combined index as one index per language; return doc counts."""
    combined = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list[dict]] = {lang: [] for lang in [default, *others]}
    for doc in combined["docs"]:
        prefix = doc["location"].split("/", 1)[0]
        if prefix in others:
            docs[prefix].append({**doc, "location": doc["location"][len(prefix) + 1 :]})
        else:
            docs[default].append(doc)
    for lang, entries in docs.items():
        folder = site_dir if lang == default else site_dir / lang
        config = {**combined["config"], "lang": [lang]}
        path = folder / INDEX
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {lang: len(entries) for lang, entries in docs.items()}
