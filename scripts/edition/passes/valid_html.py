"""What the theme's templates write that is not valid HTML, put right in every built page
(the W3C Nu validator, tests/test_valid_html.py, found 100 such errors on the 25 pages):

- `autocomplete="off"` on Material's hidden checkboxes (the drawer and search toggles):
  the attribute is allowed on text-like inputs only. Material sets it so that Firefox does
  not bring a toggle back checked on a page restored from its history; the page's own
  script sets each toggle at load, so nothing depends on it;
- `tabindex=""` on the labels of the navigation's sections: an empty value is not a number,
  and browsers treat it as no tabindex at all, which is what is written instead.

A plain function over a page's HTML, which both builds call through finish_site
(edition/adapters/pipeline.py). Material's own templates are left unchanged: they are read
by MkDocs and Zensical alike, and a copy of them would have to follow every release.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?)\s+tabindex=""')


def valid_theme_html(html: str) -> str:
    """`html` without the theme's invalid attributes (see above)."""
    return EMPTY_TABINDEX.sub(r"\1", CHECKBOX_AUTOCOMPLETE.sub(r"\1", html))
