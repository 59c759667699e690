"""Dates as clerks write them: 2023-05-16, 16 maj 2023, den 3 mars 2021, 2023.05.16, 16/5 2023."""
from __future__ import annotations

import datetime as dt
import re

from extract import vocab
from extract.text import fold

_MONTH = "|".join(sorted(vocab.MONTHS, key=len, reverse=True))
_ISO = re.compile(r"(?<![\d/])((?:19|20)\d\d)\s?[-.]\s?([01]?\d)\s?[-.]\s?([0-3]?\d)(?![\d/])")
_WORDS = re.compile(rf"(?<!\d)([0-3]?\d)(?::e|:a)?\s+({_MONTH})\.?,?\s+((?:19|20)\d\d)(?!\d)")
_SLASH = re.compile(r"(?<![\d/])([0-3]?\d)/([01]?\d)[ -]((?:19|20)\d\d)(?!\d)")
_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d\d)([01]\d)([0-3]\d)(?!\d)")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every date in the text as (offset, ISO date), in order of appearance."""
    f = fold(text)
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(f):
        iso = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if iso:
            found.append((m.start(), iso))
    for m in _WORDS.finditer(f):
        iso = _valid(int(m.group(3)), vocab.MONTHS[m.group(2)], int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    for m in _SLASH.finditer(f):
        iso = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if iso:
            found.append((m.start(), iso))
    return sorted(found)


def first_date(text: str) -> str | None:
    got = find_dates(text)
    return got[0][1] if got else None


def plus_days(iso: str, days: int) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()
