#!/usr/bin/env python3
"""`python scripts/make_pdf.py [SITE]`: print the report's PDFs from a built site, then give
their sizes on its Downloads pages (make pdf; the publish workflow runs it)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.generators.pdf import print_pdfs  # noqa: E402
from edition.model.project import Project  # noqa: E402


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not (site / "index.html").exists():
        print(f"pdf: {site} holds no built site: run `make build` first", file=sys.stderr)
        return 2
    root = Path(__file__).resolve().parent.parent
    for path in print_pdfs(Project(root), site):
        print(f"pdf: {path} ({path.stat().st_size / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
