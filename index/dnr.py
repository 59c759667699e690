"""Exact, normalized diary-number (dnr) keys.

A dnr is one token. Keys ignore case, spaces and leading zeros of number runs, so that
"ks 2014/159", "KS 2014/0159" and "KS2014/0159" meet. Each dnr is also indexed without its
body prefix ("2014/0159" finds "KS 2014/0159") and without a trailing classification suffix
("SN 2014/0033" finds "SN 2014/0033-753", "KS 2023/45" finds "KS 2023/45.041").
"""
from __future__ import annotations

import re

_LABEL_RE = re.compile(r"^\s*(dnr|diarienr|diarienummer|ärendenr)\b[.:]?\s*", re.I)
_ZEROS_RE = re.compile(r"(?<!\d)0+(?=\d)")
_PREFIX_RE = re.compile(r"^([A-ZÅÄÖ]+)[\s/]*(?=\d)")
_SUFFIX_RE = re.compile(r"^(.*\d{4}[/:]\d+)(?:-\d+|(?:\.\d+)+)$")

# A word that looks like (part of) a dnr: digits around "/" or ":" ("2014/0159",
# "3.2-0100/2012", "KS/2019:123").
DNR_SHAPE_RE = re.compile(r"^(?:[A-Za-zÅÄÖåäö]+/?)?\d[\d.\-]*[/:]\d+(?:-\d+|(?:\.\d+)+)?$")
# A body prefix word that may precede a dnr-shaped word ("KS", "SN", "BUN", "BoM").
DNR_PREFIX_RE = re.compile(r"^[A-Za-zÅÄÖåäö]{1,5}$")


def dnr_key(dnr: str) -> str:
    """The canonical key of one diary number (what a query is compared with)."""
    s = _LABEL_RE.sub("", dnr).upper()
    s = re.sub(r"\s+", "", s)
    return _ZEROS_RE.sub("", s)


def dnr_keys(dnr: str) -> list[str]:
    """Every key a diary number is indexed under: the full key, without the body prefix, and
    without a classification suffix."""
    s = _LABEL_RE.sub("", dnr).upper().strip()
    full = dnr_key(s)
    if not full:
        return []
    keys = [full]
    m = _PREFIX_RE.match(s)
    bare = dnr_key(s[m.end():]) if m else full
    for k in (bare,):
        if k not in keys:
            keys.append(k)
    for k in list(keys):
        m2 = _SUFFIX_RE.match(k)
        if m2 and m2.group(1) not in keys:
            keys.append(m2.group(1))
    return keys


# A year, a dash or a dot and a serial of three digits or more ("VON 2023-0142", "MBN
# 2024-000512", "KFN 2023.0211", "2022.0456"): not a date ("2023-05-16", "2023.10.12"), a
# month ("2023-05"), a time ("17.00") or a decimal ("3.5"); a second year after a dash is a
# range of years ("2019-2022"), checked in looks_like_dnr.
_YEAR_SERIAL_RE = re.compile(r"^(?:19|20)\d\d([-.])(\d{3,})$")
# A county administrative board's number, "551-4127-2023" (no phone number: those start
# with 0).
_COUNTY_RE = re.compile(r"^[1-9]\d\d-\d{1,6}-(?:19|20)\d\d$")
# The first word of a Lex number, year first: "2023/GN" of "2023/GN 0014 612"; the words after
# it are digits (LEX_PART_RE).
LEX_HEAD_RE = re.compile(r"^(?:19|20)\d\d/[A-Za-zÅÄÖåäö]{1,5}$")
LEX_PART_RE = re.compile(r"^\d{1,6}$")


def looks_like_dnr(word: str) -> bool:
    """Whether a word is (the number of) a diary number: "2014/0159", "KS/2021:87",
    "3.2-0100/2012", "2023-0142", "2022.0456", "551-4127-2023"."""
    if DNR_SHAPE_RE.match(word) or _COUNTY_RE.match(word):
        return True
    m = _YEAR_SERIAL_RE.match(word)
    if not m:
        return False
    sep, serial = m.groups()
    # "2019-2022" is a range of years, "2023-0142" (a leading zero) a number
    return not (sep == "-" and re.fullmatch(r"(?:19|20)\d\d", serial))
