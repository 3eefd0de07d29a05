"""Numeric values as a reader understands them, in Chinese and in English text.

`8564.48万元` is 85,644,800 and so is `RMB 85.6448 million`; `1万余` is 10,000 and so is
`more than 10,000`; `8月28日` holds 8 and 28, and so does `28 August` (August is 8).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

ZH_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|亿)?")
EN_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+(million|billion))?")
ZH_SCALE = {None: 1, "万": 10_000, "亿": 100_000_000}
EN_SCALE = {None: 1, "million": 1_000_000, "billion": 1_000_000_000}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
EN_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
LEADING_NUMBER = re.compile(r"^\s*(\d+)\.(?!\d)")


@dataclass(frozen=True)
class Number:
    """A value found in a text, and how it was written there."""

    value: Decimal
    written: str


def exact(value: Decimal) -> Decimal:
    """The value without trailing zeros: 85648400.00 → 85648400, 0.50 → 0.5."""
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def chinese_numbers(text: str) -> list[Number]:
    """Numbers of a Chinese plain text (a leading item number such as `1.` is numbering)."""
    text = LEADING_NUMBER.sub("", text)
    return [Number(exact(Decimal(m.group(1)) * ZH_SCALE[m.group(2)]), m.group(0)) for m in ZH_NUMBER.finditer(text)]


@functools.lru_cache(maxsize=1024)
def english_numbers(text: str) -> tuple[Number, ...]:
    """Numbers of an English plain text, month names counted as their number."""
    text = LEADING_NUMBER.sub("", text)
    found = []
    for m in EN_NUMBER.finditer(text):
        value = Decimal(m.group(1).replace(",", "") + (m.group(2) or "")) * EN_SCALE[m.group(3)]
        found.append(Number(exact(value), m.group(0)))
    found += [Number(Decimal(MONTHS.index(m.group(1)) + 1), m.group(1)) for m in EN_MONTH.finditer(text)]
    return tuple(found)


def missing_numbers(zh: str, en: str) -> list[Number]:
    """Chinese numbers whose value the English does not give (as often as the Chinese)."""
    available = Counter(n.value for n in english_numbers(en))
    missing = []
    for number in chinese_numbers(zh):
        if available[number.value] > 0:
            available[number.value] -= 1
        else:
            missing.append(number)
    return missing
