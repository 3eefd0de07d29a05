"""The site's own settings, read from mkdocs.yml: its address and its repository.

`extra.repository` in mkdocs.yml is the one place that names the repository: the build
derives "edit this page" from it (hooks.py), and the "report an error" links (edition.js)
and CONTRIBUTING's account of corrections use it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .yaml_data import LOADER


class _Lenient(LOADER):  # type: ignore[misc, valid-type]
    """mkdocs.yml may hold tags such as !ENV or !!python/name; none of them matter here."""


_Lenient.add_multi_constructor("", lambda loader, suffix, node: None)


def settings(root: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping ({} when there is none, as in the test fixtures)."""
    path = root / "mkdocs.yml"
    if not path.exists():
        return {}
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient)  # noqa: S506 - a safe loader
    return data if isinstance(data, dict) else {}


def site_url(root: Path) -> str:
    """The published address, ending in "/" ("" when mkdocs.yml gives none)."""
    url = str(settings(root).get("site_url") or "")
    return url if not url or url.endswith("/") else url + "/"


def repository(root: Path) -> str:
    """The repository's address (extra.repository), without a trailing slash."""
    extra = settings(root).get("extra") or {}
    return str(extra.get("repository") or "").rstrip("/")
