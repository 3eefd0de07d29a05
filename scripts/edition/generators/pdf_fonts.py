"""The CJK fonts Chromium prints the PDFs with, made so that their text copies as written.

Why: a PDF says which characters its glyphs stand for in a ToUnicode map, and Chromium
(Skia) builds that map from the font's character map, glyph by glyph, keeping for each
glyph the first code point that maps to it. Noto Sans CJK (and other CJK fonts) maps the
Kangxi radicals and the CJK radicals supplement (U+2E80–U+2FDF) to the same glyphs as the
ideographs they look like, and those code points come first: 行 extracted as ⾏ (U+2F8F),
民 as ⺠ (U+2EA0). Copying from such a PDF, searching it for 重大行政决策 or extracting it
with pypdf gives the look-alikes (Poppler's pdftotext normalises them and hides the fault).

The cure, where the fault is: for printing only, copies of the fonts fontconfig gives
Chromium for Chinese, with those code points taken out of the character map (nothing else
changes: the glyphs, names and metrics are the same bytes), served to the printing
Chromium by a fontconfig configuration of its own that sets the originals aside. The site's
pages and the reader's fonts are untouched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

#: Code points a CJK font maps to an ideograph's glyph before the ideograph's own.
RADICALS = range(0x2E80, 0x2FE0)
#: The faces Chromium prints Chinese with: what fontconfig gives for these patterns.
PATTERNS = ["sans-serif:lang=zh-cn", "sans-serif:lang=zh-cn:weight=bold", "serif:lang=zh-cn", "serif:lang=zh-cn:weight=bold"]


class FontError(Exception):
    """The printing fonts cannot be prepared (no fontconfig, no CJK font)."""


def chinese_faces() -> list[tuple[Path, int]]:
    """(file, face index) of each face fontconfig gives for Chinese text, without repeats."""
    if shutil.which("fc-match") is None:
        raise FontError("fc-match (fontconfig) is not installed: apt-get install fontconfig fonts-noto-cjk")
    faces: list[tuple[Path, int]] = []
    for pattern in PATTERNS:
        found = subprocess.run(["fc-match", "--format=%{file}\t%{index}\t%{lang}", pattern], capture_output=True, text=True, timeout=60)
        file, index, langs = (found.stdout.split("\t") + ["", "", ""])[:3]
        if found.returncode != 0 or not file:
            raise FontError(f"fc-match {pattern} found no font")
        if "zh-cn" not in langs.split("|"):
            raise FontError(f"no Chinese font installed ({pattern} gives {file}): apt-get install fonts-noto-cjk")
        face = (Path(file), int(index or 0))
        if face not in faces:
            faces.append(face)
    return faces


def without_radicals(source: Path, index: int, target: Path) -> int:
    """Write face `index` of `source` to `target` with no radical code point in its character
    map; return how many mappings went. Only the cmap table is rewritten: every other table
    is copied as it is (a second, not the minutes a full fontTools save takes)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.sfnt import SFNTReader, SFNTWriter

    with source.open("rb") as file:
        reader = SFNTReader(file, fontNumber=index)
        font = TTFont(file, fontNumber=index, lazy=True)
        cmap = font["cmap"]
        removed = 0
        for table in cmap.tables:
            for code in [code for code in table.cmap if code in RADICALS]:
                del table.cmap[code]
                removed += 1
        data = cmap.compile(font)
        tags = sorted(reader.keys())
        with target.open("wb") as out:
            writer = SFNTWriter(out, len(tags), sfntVersion=reader.sfntVersion)
            for tag in tags:
                writer[tag] = data if tag == "cmap" else reader[tag]
            writer.close()  # writes the table directory and the file's checksum
    return removed


def printing_fontconfig(folder: Path) -> Path:
    """Prepare the printing fonts in `folder`; return the fontconfig file to give Chromium
    as FONTCONFIG_FILE: the system's configuration, these fonts, the originals set aside."""
    folder.mkdir(parents=True, exist_ok=True)
    rejected = []
    for n, (source, index) in enumerate(chinese_faces()):
        without_radicals(source, index, folder / f"print-cjk-{n}{source.suffix.replace('.ttc', '.otf')}")
        rejected.append(source)
    system = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    globs = "".join(f"<glob>{escape(str(path))}</glob>" for path in dict.fromkeys(rejected))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
        f'  <include ignore_missing="yes">{escape(system)}</include>\n'
        f"  <dir>{escape(str(folder))}</dir>\n"
        f"  <cachedir>{escape(str(folder / 'cache'))}</cachedir>\n"
        f"  <selectfont><rejectfont>{globs}</rejectfont></selectfont>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return config
