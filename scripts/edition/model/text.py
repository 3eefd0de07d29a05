"""What a block's Markdown says, as plain text, links and numbering."""

from __future__ import annotations

import re
import unicodedata

FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)(?:[ \t]+\"[^\"]*\")?\)")
IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
EMPHASIS = re.compile(r"(\*\*|__|\*|_(?=\S))")
ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
#: Restorations of the editor: text the edition adds, marked 〔…〕. Not the year of a
#: document number, which official texts write in the same brackets (厅字〔2019〕28号).
RESTORATION = re.compile(r"〔(?!\d{4}〕\d+号)([^〔〕]*)〕")
RUN_IN = re.compile(r"^\*\*(.+?)\*\*")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
#: What the importer writes in place of each English text still to translate.
UNTRANSLATED = "TRANSLATE"
_UNTRANSLATED = re.compile(rf"\b{UNTRANSLATED}\b")

ZH_DIGITS = "一二三四五六七八九十"
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
NUMBERING = [
    # (kind, pattern) — kind: part 一、/I., section （一）/(I), item 1./1.
    ("part", re.compile(r"^([一二三四五六七八九十]+)、")),
    ("part", re.compile(r"^((?:X|IX|IV|V?I{0,3}))\.\s")),
    ("section", re.compile(r"^[（(]([一二三四五六七八九十]+)[)）]")),
    ("section", re.compile(r"^\(((?:X|IX|IV|V?I{0,3}))\)")),
    ("item", re.compile(r"^(\d+)\.")),
]


def plain_text(markdown: str) -> str:
    """The text a reader sees: no emphasis, link targets, footnote marks or tags."""
    text = FOOTNOTE_REF.sub("", markdown)
    text = IMAGE.sub(r"\1", text)
    text = LINK.sub(r"\1", text)
    text = TAG.sub("", text)
    text = EMPHASIS.sub("", text)
    text = ESCAPE.sub(r"\1", text)
    return " ".join(text.split()) if not CJK.search(text) else "".join(_join_lines(text))


def _join_lines(text: str) -> list[str]:
    # Chinese lines join without a space; a space stays between Latin words.
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if out and line and not (CJK.match(line[0]) or CJK.match(out[-1][-1])):
            out.append(" ")
        out.append(line)
    return out


#: Which words belong to which language, for a page's words that are not the report's text
#: (its titles, headings, buttons, navigation): Chinese characters and full-width marks on an
#: English page; Latin words on a Chinese page, but for names of formats and products.
UI_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+")
LATIN_ALLOWED = re.compile(r"\b(?:Material for MkDocs|MkDocs|BibTeX|CSL-JSON|JSONL|JSON|CSV|TMX|PDF|GitHub|CC BY 4\.0|MIT)\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def foreign_words(text: str, lang: str) -> str | None:
    """The first run of the other language in a text meant for readers of `lang`, if any."""
    if lang.startswith("zh"):
        found = LATIN_WORD.search(LATIN_ALLOWED.sub("", text))
    else:
        found = UI_CJK.search(text)
    return found.group(0) if found else None


def untranslated(text: str) -> bool:
    """Whether an English text is still the importer's scaffold (TRANSLATE: 中文 …)."""
    return bool(_UNTRANSLATED.search(text))


def links(markdown: str) -> list[str]:
    """Link targets in the block, in order."""
    return [m.group(2) for m in LINK.finditer(markdown)]


def remove_restorations(text: str) -> str:
    """The text as published: drop what the editor added in 〔…〕."""
    return RESTORATION.sub("", text)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def run_in_lead(markdown: str) -> str | None:
    """The bold run-in heading a paragraph opens with (1.抓重点，…。), if any."""
    match = RUN_IN.match(markdown)
    return match.group(1) if match else None


def numbering(text: str) -> tuple[str, int] | None:
    """`一、…`/`I. …` → ("part", 1); `（一）`/`(I)` → ("section", 1); `1.` → ("item", 1)."""
    text = remove_restorations_keep_content(text)
    for kind, pattern in NUMBERING:
        match = pattern.match(text)
        if match and match.group(1):
            return kind, _value(match.group(1))
    return None


def remove_restorations_keep_content(text: str) -> str:
    """The text as the edition reads it: restored text kept, marks dropped."""
    return RESTORATION.sub(r"\1", text)


def _value(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    if numeral in ROMAN:
        return ROMAN[numeral]
    # Chinese numerals up to 99: 十, 十二, 二十, 二十三.
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (ZH_DIGITS.index(tens) + 1 if tens else 1) * 10 + (ZH_DIGITS.index(ones) + 1 if ones else 0)
    return ZH_DIGITS.index(numeral) + 1


def format_numbering(kind: str, value: int, lang: str) -> str:
    """The numbering as it is written in a language: ("section", 2, "en") → "(II)"."""
    roman = {v: k for k, v in ROMAN.items()}
    if kind == "item":
        return f"{value}."
    if lang == "zh":
        numeral = _zh_numeral(value)
        return f"{numeral}、" if kind == "part" else f"（{numeral}）"
    return f"{roman[value]}." if kind == "part" else f"({roman[value]})"


def _zh_numeral(value: int) -> str:
    if value <= 10:
        return ZH_DIGITS[value - 1]
    tens, ones = divmod(value, 10)
    return (ZH_DIGITS[tens - 1] if tens > 1 else "") + "十" + (ZH_DIGITS[ones - 1] if ones else "")
