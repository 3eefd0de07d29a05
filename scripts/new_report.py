#!/usr/bin/env python3
"""`python scripts/new_report.py RAW.txt --slug SLUG`: import the next report. See edition/sources/importer.py."""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edition.sources.importer import Overrides, RawReportError, parse_raw, write_report  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="new_report.py",
        description="Turn the raw text of a report, as copied from the government's page, into pages with ids, ready to translate."
        " It says what it guessed (title, date, page chrome); the options below correct a guess.",
    )
    parser.add_argument("raw", type=Path, help="the raw text as published (UTF-8)")
    parser.add_argument("--slug", required=True, help="the report's path, e.g. yushan-2024 (its pages go to docs/SLUG/)")
    parser.add_argument("--title", help="the report's title, where the text has none or the guess is wrong")
    parser.add_argument("--published", metavar="YYYY-MM-DD", help="the day the report was published, where the guess is wrong or there is none")
    parser.add_argument("--chrome", type=int, action="append", default=[], metavar="LINE", help="this line of the text is the web page's, not the report's")
    parser.add_argument("--not-chrome", type=int, action="append", default=[], metavar="LINE", help="this line is the report's, not page chrome")
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent, help="project folder (default: this project)")
    args = parser.parse_args(argv)
    if not args.raw.is_file():
        print(f"{args.raw}: no such file", file=sys.stderr)
        return 2
    overrides = Overrides(args.title, args.published, tuple(args.chrome), tuple(args.not_chrome))
    try:
        parsed = parse_raw(args.raw.read_bytes(), overrides)
        written = write_report(args.root, args.raw, args.slug, parsed)
    except RawReportError as error:
        where = f"{args.raw}:{error.line}" if error.line else str(args.raw)
        print(f"{where}: {str(error).split(': ', 1)[1]}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(args.root)}")
    print("added the report to the nav of mkdocs.yml, after the home page, with its English nav title to translate")
    print("guessed (check each against the published page; the page chrome is in editorial-notes.yml, chrome):")
    for guess in parsed.guesses:
        print(f"  {_placed(args.raw, guess)}")
    for note in parsed.notes:
        print(f"{_placed(args.raw, note)}")
    print("`make check` now lists what is left to translate ([untranslated], by file and line)")
    return 0


def _placed(raw: Path, message: str) -> str:
    """A guess "line 5: …" as "RAW:5: …", the form editors jump to."""
    if message.startswith("line "):
        number, _, rest = message[5:].partition(": ")
        return f"{raw}:{number}: {rest}"
    return f"{raw}: {message}"


if __name__ == "__main__":
    sys.exit(main())
