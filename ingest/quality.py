"""Is a PDF page's text layer worth reading, or should the page be OCR'd?

Text layers go wrong in a few recognisable ways: none at all (a scan), a stamp or page number
over a scan, fonts without a Unicode map (pdfminer writes "(cid:17)", PDFium U+FFFD or private-
use code points), and fonts whose map is shifted, which gives letters in impossible proportions
(almost no vowels). Thresholds are deliberately loose: OCR of a good text page loses more than
reading a slightly odd text layer.
"""
from __future__ import annotations

import re

# Fewer visible characters than this is a nearly empty page ("Sida 3", "Bilaga 1", a stamp).
MIN_CHARS = 25
# Above this share of unreadable characters the layer is garbage.
MAX_BAD_SHARE = 0.10
# Below this share of letters and digits (leaders and rules excluded) the layer is garbage.
MIN_ALNUM_SHARE = 0.5
# Vowel share among Latin letters in Swedish and English prose is about 0.35-0.45.
VOWEL_SHARE = (0.2, 0.65)
MIN_LETTERS_FOR_VOWEL_TEST = 200

_CID = re.compile(r"\(cid:\d+\)")
_WORD = re.compile(r"[^\W\d_]+")
_VOWELS = frozenset("aeiouyåäöéèüáà")
# Characters that fill tables of contents and forms; they say nothing about the encoding.
_FILLERS = frozenset("._-–—…·|/")


def text_quality(text: str) -> str:
    """"empty", "short", "garbage" or "good"."""
    cid = sum(len(m) for m in _CID.findall(text))
    visible = [c for c in _CID.sub("", text) if not c.isspace()]
    if not visible and not cid:
        return "empty"
    total = len(visible) + cid
    bad = cid + sum(1 for c in visible if c == "\ufffd" or c < " " or "\ue000" <= c <= "\uf8ff")
    if bad > MAX_BAD_SHARE * total:
        return "garbage"
    if total < MIN_CHARS:
        return "short"
    meaningful = [c for c in visible if c not in _FILLERS]
    if meaningful and sum(1 for c in meaningful if c.isalnum()) < MIN_ALNUM_SHARE * len(meaningful):
        return "garbage"
    # Only words of four letters or more: abbreviations (KS, SN, BUN, dnr lists) have no vowels.
    words = "".join(w for w in _WORD.findall(text) if len(w) >= 4).lower()
    latin = [c for c in words if "a" <= c <= "z" or c in _VOWELS]
    if len(latin) >= MIN_LETTERS_FOR_VOWEL_TEST and len(latin) >= 0.5 * len(words):
        share = sum(1 for c in latin if c in _VOWELS) / len(latin)
        if not VOWEL_SHARE[0] <= share <= VOWEL_SHARE[1]:
            return "garbage"
    return "good"
