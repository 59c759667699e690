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


def looks_like_dnr(word: str) -> bool:
    return bool(DNR_SHAPE_RE.match(word))
