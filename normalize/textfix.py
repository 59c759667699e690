"""The safe repairs every page gets: Unicode, hyphenation at line ends, page furniture, the § sign.

Each function returns edits on the text it is given (`Edit(start, end, replacement, reason,
score)`); `normalize.repair` applies them and keeps the change log.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from normalize import patterns


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    reason: str
    score: float = 1.0


# ---- Unicode -------------------------------------------------------------------------------
def _ftfy_config():
    import ftfy
    # Typographic quotes and dashes are what the page said: keep them (uncurl_quotes=False).
    return ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=True, normalization="NFC",
                                explain=False)


_FTFY = None
# Signs that ftfy has work to do: mojibake of UTF-8 read as Latin-1/cp1252 ("fÃ¶r", "â€“"),
# C1 controls, ligatures (ﬁ), replacement characters. Without them ftfy would change nothing,
# and not importing it keeps a worker's start-up short.
_NEEDS_FTFY = re.compile("[ÃÂ\u0080-\u009f\ufb00-\ufb06\ufffd]|â[€\u0080-\u00bf]")


def _fix_line(line: str) -> str:
    global _FTFY
    if _NEEDS_FTFY.search(line):
        import ftfy
        if _FTFY is None:
            _FTFY = _ftfy_config()
        line = ftfy.fix_text(line, _FTFY)
    return unicodedata.normalize("NFC", line)


def fix_unicode(text: str) -> list[Edit]:
    """ftfy (mojibake, ligatures such as ﬁ) and NFC, as edits."""
    if text.isascii():
        return []
    edits = []
    pos = 0
    # Line by line: a diff of a whole page is quadratic; most lines need nothing.
    for line in text.splitlines(keepends=True):
        fixed = line
        if not line.isascii() and (_NEEDS_FTFY.search(line) or
                                   not unicodedata.is_normalized("NFC", line)):
            fixed = _fix_line(line)
        if fixed != line:
            # the changed middle of the line (common prefix and suffix kept)
            a, b = 0, 0
            while a < min(len(line), len(fixed)) and line[a] == fixed[a]:
                a += 1
            while (b < min(len(line), len(fixed)) - a
                   and line[len(line) - 1 - b] == fixed[len(fixed) - 1 - b]):
                b += 1
            edits.append(Edit(pos + a, pos + len(line) - b, fixed[a:len(fixed) - b], "unicode"))
        pos += len(line)
    return edits


# ---- page furniture ------------------------------------------------------------------------
def _line_key(line: str) -> str:
    # Page numbers and dates change from page to page; the header around them does not.
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def repeated_lines(pages: list[str], window: int = 3) -> set[str]:
    """Keys of lines repeated at the top or bottom of most pages (running heads and feet).

    A two-page document only gives its first and last lines as evidence; item headings
    (`Beslut`, `Yrkanden`) that happen to open two pages are never running heads."""
    if len(pages) < 2:
        return set()
    if len(pages) == 2:
        window = 1
    counts: Counter[str] = Counter()
    for text in pages:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        edge = set(_line_key(ln) for ln in lines[:window] + lines[-window:])
        counts.update(k for k in edge if len(k) >= 3 and k.strip(" .:") not in patterns.ITEM_HEADINGS)
    need = max(2, -(-len(pages) * 3 // 5))      # on at least 60 % of the pages
    return {k for k, c in counts.items() if c >= need}


def furniture(text: str, repeated: set[str], first_page: bool, window: int = 3) -> list[Edit]:
    """Drop furniture lines, and running heads on every page but the first (which keeps the
    body name and date an extractor needs)."""
    edits = []
    lines = text.splitlines(keepends=True)
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    edge = set(nonempty[:window] + nonempty[-window:])
    pos = 0
    for i, line in enumerate(lines):
        stripped = line.strip()
        drop = False
        if stripped and patterns.FURNITURE_LINE.match(stripped):
            drop = True
        elif not first_page and i in edge and repeated and _line_key(line) in repeated:
            drop = True
        if drop:
            edits.append(Edit(pos, pos + len(line), "", "page-furniture"))
        else:
            m = patterns.TRAILING_PAGE_COUNTER.search(line.rstrip("\n"))
            if m and m.start() > 0:
                edits.append(Edit(pos + m.start(), pos + m.end(), "", "page-furniture"))
        pos += len(line)
    return edits


# ---- hyphenation ---------------------------------------------------------------------------
_HYPHEN_BREAK = re.compile(r"(?P<a>[^\W\d_]+)(?P<h>[-~¬\u00ad\u2010])[ \t]*\n[ \t]*(?P<b>[^\W\d_]+)")


def dehyphenate(text: str) -> list[Edit]:
    """Join words broken at a line end (`ungdo-\\nmar`), keep real hyphens.

    Kept: suspended compounds (`Barn-\\noch`), a capitalised second part (`Spånga-\\nTensta`),
    capital first parts (`EU-\\nmedel` becomes `EU-medel` on one line) and the prefixes that take a
    hyphen (`ja-\\nröster`).
    """
    edits = []
    for m in _HYPHEN_BREAK.finditer(text):
        a, b = m.group("a"), m.group("b")
        if b.lower() in patterns.SUSPENDED_NEXT or not b[:1].islower():
            continue
        gap = (m.start("h"), m.start("b"))
        if (a.isupper() and len(a) >= 2) or a.lower() in patterns.HYPHEN_PREFIXES:
            edits.append(Edit(gap[0], gap[1], "-", "dehyphenate"))
            continue
        # Swedish compounds are written closed, so a break before a small letter is a syllable
        # break, even when the halves are words themselves (kinne-dom, stads-delen).
        edits.append(Edit(gap[0], gap[1], "", "dehyphenate"))
    return edits


# ---- the paragraph sign --------------------------------------------------------------------
# `swe` has no §: it reads $, 8 or S. At the start of a line (optionally after a body prefix
# such as KS, SN, BUN) and before an item number, those are the paragraph sign.
_PARA_LINE = re.compile(
    r"(?m)^(?P<pre>[ \t]*(?:[A-ZÅÄÖ]{1,5}[ \t]+)?)(?P<sign>\$\$|\$|88|8|SS|S)"
    r"(?P<gap>[ \t]*)(?P<num>\d{1,3}(?::\d{1,3})?(?:[ \t]*[-–][ \t]*\d{1,3})?)(?P<after>[^\n]*)$")
_DOLLAR_ANYWHERE = re.compile(r"\$\$?(?=[ \t]*\d{1,3}\b)")


def paragraph_signs(text: str) -> list[Edit]:
    edits = []
    taken: set[int] = set()
    for m in _PARA_LINE.finditer(text):
        sign, after = m.group("sign"), m.group("after")
        if sign[0] in "8S" and "$" not in sign:
            # "8 ledamöter" or "S 12 röster" at a line start are not paragraphs: demand that the
            # number ends the line or is followed by a title, a dnr or a body prefix.
            if not m.group("gap") and sign in ("8", "88"):
                continue        # "812" is a number
            rest = after.strip()
            if rest and not (rest[:1].isupper() or rest.lower().startswith("dnr")):
                continue
        new = "§§" if sign in ("$$", "88", "SS") or "-" in m.group("num") or "–" in m.group("num") else "§"
        edits.append(Edit(m.start("sign"), m.end("sign"), new, "paragraph-sign", 0.95))
        taken.add(m.start("sign"))
    for m in _DOLLAR_ANYWHERE.finditer(text):
        if m.start() not in taken:
            edits.append(Edit(m.start(), m.end(), "§" * len(m.group()), "paragraph-sign", 0.9))
    return sorted(edits, key=lambda e: e.start)
