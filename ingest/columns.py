"""A line of words laid out in columns by their horizontal position.

A voting list's marks mean ja, nej or avstår only by their column. Where a line has column gaps
(a table row), its parts are placed at their horizontal position in runs of spaces, on the same
scale on every line of the page, so a mark stands under its "Ja", "Nej" or "Avstår"; prose stays
single-spaced. Both readers of positioned words use it: Tesseract's word boxes (pixels) and a
text-layer PDF's characters (points), so the extractor sees one layout whatever the source.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.ocrtables import Word, split_word

# A gap wider than this many average character widths is a column gap, not a space: justified
# prose stretches spaces to about one character width, table columns are far wider apart.
COLUMN_GAP_CHARS = 2.5
# Between two runs of several words (both could be prose) a column gap must be this wide.
PROSE_GAP_CHARS = 5.0
# What a ruling line (a table's vertical border) reads as when Tesseract takes it for a word.
_RULING = re.compile(r"^[|¦]+$")
# A word read across a border: the border and the text on each side of it.
_BAR_OR_TEXT = re.compile(r"\||[^|]+")


def is_row(text: str) -> bool:
    """A line laid out in columns by `line_text` (prose never holds two spaces)."""
    return "  " in text.strip()


def char_width(words: Sequence[Word]) -> float:
    """The median character width of words with letters: the unit of a page's columns."""
    widths = sorted(w.width / len(w.text) for w in words
                    if len(w.text) >= 2 and w.width > 0 and any(c.isalpha() for c in w.text))
    return widths[len(widths) // 2] if widths else 0.0


def keep_rows(laid: list[str], plain: list[str]) -> list[str]:
    """Each line laid out where it is a row and so is the line before or after it (one prose
    line with a stray mark far to its right, or a wide gap in a badly scanned justified line,
    stays as `plain`)."""
    rows = [is_row(t) for t in laid]
    return [laid[i] if rows[i] and ((i > 0 and rows[i - 1]) or (i + 1 < len(laid) and rows[i + 1]))
            else plain[i] for i in range(len(laid))]


def line_text(words: list[Word], unit: float, origin: float) -> str:
    """The words of one line (left to right), in columns where they have column gaps."""
    if unit <= 0:
        return " ".join(w.text for w in words)
    words = _split_rulings(words, unit)
    segments: list[list[Word]] = []
    ruled = False
    for word in words:
        if _RULING.match(word.text):
            ruled = True
            segments.append([])         # a border: the next word starts a new cell
            continue
        if segments and segments[-1] and \
                word.left - segments[-1][-1].right <= COLUMN_GAP_CHARS * unit:
            segments[-1].append(word)
        else:
            segments.append([word])
    segments = _join_prose([s for s in segments if s], unit)
    if len(segments) <= 1 and not ruled:
        return " ".join(w.text for w in words)     # prose: exactly as read
    out = ""
    for segment in segments:
        column = max(0, round((segment[0].left - origin) / unit))
        if out:
            column = max(column, len(out) + 2)
        out += " " * (column - len(out)) + " ".join(w.text for w in segment)
    return out


def _join_prose(segments: list[list[Word]], unit: float) -> list[list[Word]]:
    """Two runs of three words or more are one run unless far apart (PROSE_GAP_CHARS): a wide
    space in scanned justified prose is not a column gap; a table's cells are short or far."""
    out: list[list[Word]] = []
    for segment in segments:
        if out and len(out[-1]) >= 3 and len(segment) >= 3 and \
                segment[0].left - out[-1][-1].right <= PROSE_GAP_CHARS * unit:
            out[-1] = out[-1] + segment
        else:
            out.append(segment)
    return out


def _split_rulings(words: list[Word], unit: float) -> list[Word]:
    """"|avst|ja" (borders read into the words) → "|", "avst", "|", "ja", each with its share
    of the box. Only on lines that look like a table row (a column gap or a lone border),
    so an "l" read as "|" in prose is left alone."""
    has_gap = any(b.left - a.right > COLUMN_GAP_CHARS * unit for a, b in zip(words, words[1:]))
    if not has_gap and not any(_RULING.match(w.text) for w in words):
        return words
    out: list[Word] = []
    for w in words:
        if "|" not in w.text or _RULING.match(w.text):
            out.append(w)
            continue
        out.extend(split_word(w, _BAR_OR_TEXT))
    return out
