#!/usr/bin/env python3
"""`python scripts/new_report.py RAW.txt --slug SLUG`: import the next report. See edition/sources/importer.py."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.sources.importer import RawReportError, parse_raw, write_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new_report.py", description="Turn the raw text of a report into pages with ids, ready to translate.")
    parser.add_argument("raw", type=Path, help="the raw text as published (UTF-8)")
    parser.add_argument("--slug", required=True, help="the report's path, e.g. yushan-2024 (its pages go to docs/SLUG/)")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="project folder (default: this project)")
    args = parser.parse_args(argv)
    if not args.raw.is_file():
        print(f"{args.raw}: no such file", file=sys.stderr)
        return 2
    try:
        parsed = parse_raw(args.raw.read_bytes())
        written = write_report(args.root, args.raw, args.slug, parsed)
    except RawReportError as error:
        where = f"{args.raw}:{error.line}" if error.line else str(args.raw)
        print(f"{where}: {str(error).split(': ', 1)[1]}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(args.root)}")
    for note in parsed.notes:
        print(f"{args.raw}: {note}")
    print(f"added {len(parsed.parts) + 1} pages to the nav of mkdocs.yml; `make check` now lists what is left to translate")
    return 0


if __name__ == "__main__":
    sys.exit(main())
