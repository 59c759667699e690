"""Ruled tables on a scanned page (voting lists) read cell by cell, as tab-separated rows.

Tesseract reads the names in a ruled voting list well but loses the marks: a lone ✓ or X in a
small ruled cell is read as "v", "7", "SN" or nothing at all, and the cells of a row come out
as separate blocks. Where Tesseract reports ruling lines (it lists them as empty words), the
page's pixels give the grid: long horizontal and vertical dark runs. Each cell then takes the
words Tesseract found inside it; a cell without a readable word but with ink in it holds a
mark and becomes "X". The rows come out tab-separated, the shape `pdftables` gives ruled
tables of text-layer PDFs, so the extractor reads both the same way. No second OCR pass: the
pixels are only looked at on pages with ruling lines.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable, Protocol

from PIL import Image

# A horizontal ruling at least this long (pixels at 300 dpi: a third of a column of text).
MIN_RULE_PX = 250
# A vertical ruling spans at least one row; letters are shorter than this (×character height).
MIN_VRULE_CHARS = 1.6
# A rule may drift this many pixels across MIN_RULE_PX (a skew of 1.4°) and still be found.
SKEW_PX = 3
# How much darker than the paper (its median grey) a rule's pixels are, at least.
RULE_CONTRAST = 45
# Share of a run that must be dark to be a rule (worn scans break rules into dashes).
RULE_FILL = 0.8
# A vertical rule worn to dashes: long runs on this share of the table's height (the sure ones
# have 0.35). Text reaches it too (a column of tall letters); such a rule is only kept where no
# word of the table runs across it and no other rule is within a character's height.
WORN_VRULE = 0.15
# Skew straightened before looking for rules: up to SKEW_MAX (a slope: 2°), in steps of
# SKEW_MAX / SKEW_STEPS (0.1°).
SKEW_MAX = 0.035
SKEW_STEPS = 20
# A rule shorter than this share of a table's usual rule is no row boundary (see `_full_width`).
PART_RULE = 0.5
# Half the thickness of a scanned rule, in pixels (painted white before the table is reread).
RULE_HALF_WIDTH = 4
# Dark pixels, on the 0-255 grey scale (scans are grey paper with dark print).
DARK_BELOW = 140
# Share of a cell's inner area that must be dark for it to hold a mark (a ✓ or X covers 3-8 %,
# scanner noise well under 0.5 %).
MARK_INK = 0.012
# Tesseract's reading of a lone mark: ✓ as v, 7, /, J; X as x, Xx, K. ("V" alone is not:
# it is Vänsterpartiet in a party column.)
_MARK_READ = re.compile(r"^[\W_]*(?:[xX✓✔√v7/JK1]|[xX✓✔√vV7/JK]{2,3})[\W_]*$")
# A cell's reading this short (letters, no spaces) is a misread mark, unless in a party column.
MARK_CHARS = 3
_CODE = re.compile(r"[A-ZÅÄÖ]{1,3}")
# Column headings of a voting list: text however unsure Tesseract was of them.
# "nei": the commonest misreading of "nej" (j → i); normalize repairs it later.
_HEADINGS = {"ja", "nej", "nei", "avst", "avstår", "avstar", "närv", "narv", "tjg", "frånv"}


# Read at a cell's edges where a worn rule was: never part of a name, a party or a mark.
_EDGE_JUNK = " ‘’'\"`|_~"
# A party column's S read as a sign or a digit (the only letter OCR turns into these).
_PARTY_MISREAD = {"$": "S", "5": "S", "§": "S"}


class Box(Protocol):
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float


@dataclass
class Table:
    left: int
    top: int
    right: int
    bottom: int
    rows: list[list[str]]
    slope: float = 0.0      # the page's skew: the bounds are of the page sheared straight

    def contains(self, box: Box) -> bool:
        x = box.left + box.width / 2
        y = box.top + box.height / 2 - self.slope * x
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def text(self) -> str:
        return "\n".join("\t".join(row) for row in self.rows)


def has_rulings(rulings: list[Box]) -> bool:
    """Tesseract listed long thin empty words: ruling lines, worth looking for a grid. (How
    many of a table's rules it lists varies with the scan; a page with one rule, a letterhead
    or a signature line, is not looked at.)"""
    return sum(1 for r in rulings if r.width >= MIN_RULE_PX and r.width >= 10 * r.height) >= 2


def find_tables(image: Image.Image, words: list[Box], char_height: float,
                reread: Callable[[Image.Image], list[Box]] | None = None) -> list[Table]:
    """Ruled tables of at least two rows and two columns, their cells' text or "X" marks.

    `reread` OCRs an image (a table with its rules erased) and gives its words: Tesseract
    often leaves a ruled grid out of its page layout altogether (read as a picture), and
    reads its words well once the rules are gone. One call per table, on table pages only.
    """
    import numpy as np      # only for pages with rulings: most pages never import it

    grey = np.asarray(image.convert("L"))
    # Rules of a worn scan are faint and broken: found on anything clearly darker than paper.
    paper = int(np.median(grey[::8, ::8]))
    faint_below = min(paper - RULE_CONTRAST, 200)
    faint = grey < faint_below
    slope = _skew(faint)
    if abs(slope) * grey.shape[1] < 2 * SKEW_PX:
        slope = 0.0
    else:
        # A rule across a page scanned askew drifts over more rows than the run test allows
        # and falls apart into pieces: the page is sheared straight (each column moved up or
        # down), and so are the words' boxes.
        grey = _shear(grey, slope, paper)
        faint = grey < faint_below
        words = [Word(w.text, w.left, round(w.top - slope * (w.left + w.width / 2)), w.width,
                      w.height, w.confidence) for w in words]
    dark = grey < DARK_BELOW
    tables = []
    for top, bottom, left, right, ys in _horizontal_groups(faint):
        xs, worn = _vertical_rules(faint, top, bottom, left, right, char_height)
        if len(xs) < 2 or len(xs) + len(worn) < 3 or len(ys) < 3:
            continue
        # An outer border too worn to be found: the horizontal rules' ends stand for it, half
        # a letter further out (worn rules lose their ends: the median end may lie on the
        # first letters). Not painted over before the reread: there is no rule to erase.
        rules = list(xs)
        if xs[0] - left > char_height:
            xs.insert(0, max(0, int(left - char_height / 2)))
        if right - xs[-1] > char_height:
            xs.append(int(right + char_height / 2))
        ys = _lost_edges(faint, xs, ys)
        top, bottom = ys[0], ys[-1]
        found = words
        if reread is not None:
            found = _reread(grey, reread, xs, ys, rules) or words
        # A word taller than two lines is Tesseract reading a column of marks and rules as
        # one "word" (NISTSISTN): no text of any cell.
        found = [piece for w in found if w.height <= 2 * char_height
                 for piece in _split_bars(w)]
        xs = _with_worn(xs, worn, found, char_height, top, bottom)
        if len(xs) < 3:
            continue
        cells = []
        for y0, y1 in zip(ys, ys[1:]):
            if y1 - y0 < 0.6 * char_height:
                continue                      # a double rule, not a row
            cells.append([_cell(dark, found, x0, y0, x1, y1)
                          for x0, x1 in zip(xs, xs[1:])])
        rows = _decide_marks(cells)
        if len(rows) >= 2 and _voting_list(rows):
            tables.append(Table(left, top, right, bottom, rows, slope))
    return tables


def _skew(mask) -> float:
    """The page's skew as a slope (rows per column), from ±2°: the shear at which the rows of
    ink are sharpest (the sum of squares of the rows' ink counts is largest: rules and text
    lines then each fall on as few rows as they can)."""
    import numpy as np

    block = 16
    h, w = mask.shape
    n = w // block
    sums = mask[:, :n * block].reshape(h, n, block).sum(axis=2, dtype=np.int32)
    centres = np.arange(n) * block + block / 2
    pad = int(math.ceil(SKEW_MAX * w)) + 1       # the most a column is moved, either way
    best, best_score = 0.0, -1.0
    for slope in np.linspace(-SKEW_MAX, SKEW_MAX, 2 * SKEW_STEPS + 1):
        rows = np.zeros(h + 2 * pad, dtype=np.int64)
        for j, shift in enumerate(np.rint(-slope * centres).astype(int)):
            rows[pad + shift:pad + shift + h] += sums[:, j]
        score = float((rows * rows).sum())
        if score > best_score:
            best, best_score = float(slope), score
    return best


def _shear(grey, slope: float, paper: int):
    """`grey` with each column moved `-slope × x` rows: a line of that slope comes out level."""
    import numpy as np

    h, w = grey.shape
    out = np.full_like(grey, paper)
    block = 8
    for x0 in range(0, w, block):
        shift = int(round(-slope * (x0 + block / 2)))
        src = grey[max(0, -shift):h - max(0, shift), x0:x0 + block]
        out[max(0, shift):max(0, shift) + src.shape[0], x0:x0 + block] = src
    return out


def _lost_edges(faint, xs: list[int], ys: list[int]) -> list[int]:
    """Rules first and last missed on a worn scan: where the table's vertical rules go on for
    a row's height beyond the last (or first) rule found, that row is added (up to 3 a side).
    A worn rule is dashed: it counts when it is there on half of the row's height."""
    pitch = sorted(b - a for a, b in zip(ys, ys[1:]))[(len(ys) - 1) // 2]
    height = faint.shape[0]

    def row_there(y0: int, y1: int) -> bool:
        if y0 < 0 or y1 > height:
            return False
        band = faint[y0:y1]
        shares = sorted(float(band[:, max(0, x - SKEW_PX):x + SKEW_PX + 1].any(axis=1).mean())
                        for x in xs)
        return shares[len(shares) // 2] >= 0.5

    ys = list(ys)
    lo = int(0.1 * pitch)
    for _ in range(3):
        if not row_there(ys[-1] + lo, ys[-1] + pitch - lo):
            break
        ys.append(ys[-1] + pitch)
    for _ in range(3):
        if not row_there(ys[0] - pitch + lo, ys[0] - lo):
            break
        ys.insert(0, ys[0] - pitch)
    return ys


def _voting_list(rows: list[list[str]]) -> bool:
    """Read cell by cell only a voting list: a row of ja and nej headings, or (a page that
    goes on with one) marks on most of three rows or more. Other ruled tables (a protocol's
    head, the anslag box) read better as Tesseract laid them out."""
    if any({"ja", "nej"} <= {_heading(c) for c in row} for row in rows):
        return True
    return len(rows) >= 3 and sum("X" in row for row in rows) >= 0.6 * len(rows)


# A heading's count of votes: "JA (11)", "Nej: 8" (a list of names under each heading).
_COUNT = re.compile(r"[\s:]*[(\[]?\s*\d{1,3}\s*[)\]]?$")


def _heading(cell: str) -> str:
    """A cell as a column heading: "Ja", "JA (11)", "nej:", and "nei", "ne]" (OCR's nej) →
    ja, nej."""
    heading = _COUNT.sub("", cell.casefold()).strip(" .:")
    return "nej" if heading in ("nei", "ne]") else heading


def _unglued(text: str) -> str:
    """A heading with its cell's worn rule read into it as a letter: "INEJ (8)" → "NEJ (8)"."""
    if not text or _heading(text) in _HEADINGS:
        return text
    for rule, rest in ((text[0], text[1:]), (text[-1], text[:-1])):
        if rule in "Il!1[]" and _heading(rest) in _HEADINGS:
            return rest.strip()
    return text


def _reread(grey, reread: Callable[[Image.Image], list[Box]], xs: list[int],
            ys: list[int], rules: list[int]) -> list[Box]:
    """The table's words read again from a crop (`xs`, `ys`) with its rules (the vertical
    ones at `rules`, every horizontal one) painted white, in page coordinates."""
    x0, x1 = max(0, xs[0] - 10), xs[-1] + 10
    y0, y1 = max(0, ys[0] - 10), ys[-1] + 10
    crop = grey[y0:y1, x0:x1].copy()
    half = RULE_HALF_WIDTH + SKEW_PX
    for y in ys:
        crop[max(0, y - y0 - half):y - y0 + half + 1, :] = 255
    for x in rules:
        crop[:, max(0, x - x0 - half):x - x0 + half + 1] = 255
    return [Word(w.text, w.left + x0, w.top + y0, w.width, w.height, w.confidence)
            for w in reread(Image.fromarray(crop))]


@dataclass
class Word:
    """A word's box as Tesseract's TSV gives it (confidence -1: not read as a word)."""
    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float = -1.0

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


def split_word(word: Box, pattern: re.Pattern[str], confidence: float = -1.0) -> list[Word]:
    """The pieces of `word` that `pattern` matches, each with its share of the box (Tesseract
    gives one box per word; its letters are about equally wide)."""
    step = word.width / len(word.text)
    return [Word(m.group(0), word.left + round(m.start() * step), word.top,
                 max(1, round(len(m.group(0)) * step)), word.height, confidence)
            for m in pattern.finditer(word.text)]


_NOT_BARS = re.compile(r"[^|¦]+")


def _split_bars(word: Box) -> list[Box]:
    """"avst|ja" (a vertical rule read into a word) → "avst" and "ja", each with its share of
    the box: inside a ruled table "|" is always a rule."""
    if "|" not in word.text and "¦" not in word.text:
        return [word]
    return split_word(word, _NOT_BARS, word.confidence)


def _runs(mask) -> list[tuple[int, int]]:
    """(start, end) of each run of True in a 1-D array."""
    import numpy as np

    padded = np.concatenate(([False], mask, [False]))
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return list(zip(edges[::2].tolist(), edges[1::2].tolist()))


def _smear(dark):
    """Each pixel dark when one within SKEW_PX above or below is: a rule on a page scanned a
    little askew stays one run along a row."""
    smeared = dark.copy()
    for shift in range(1, SKEW_PX + 1):
        smeared[shift:] |= dark[:-shift]
        smeared[:-shift] |= dark[shift:]
    return smeared


def _windows(rows, length: int):
    """Pixels that start a run of `length` mostly dark pixels along each row (RULE_FILL: noise
    and small breaks in a scanned rule are tolerated)."""
    import numpy as np

    cs = np.cumsum(rows, axis=1, dtype=np.int32)
    return (cs[:, length:] - cs[:, :-length]) >= RULE_FILL * length


def _long_runs(dark, length: int, axis: int):
    """`_windows` along `axis` of the smeared image."""
    d = dark if axis == 1 else dark.T
    return _windows(_smear(d), length)


def _horizontal_groups(dark) -> list[tuple[int, int, int, int, list[int]]]:
    """Stacks of horizontal rules with the same left and right ends: (top, bottom, left, right,
    the y of every rule)."""
    import numpy as np

    # Only rows with enough dark pixels (after the skew smear) can hold a rule: the run test
    # is done on those alone (a page has a few hundred at most).
    smeared = _smear(dark)
    candidates = np.flatnonzero(smeared.sum(axis=1) >= RULE_FILL * MIN_RULE_PX)
    full = np.zeros(dark.shape[0], dtype=bool)
    runs = {}
    if len(candidates):
        window = _windows(smeared[candidates], MIN_RULE_PX)
        hit = window.any(axis=1)
        full[candidates[hit]] = True
        runs = dict(zip(candidates[hit].tolist(), window[hit]))
    rules = []
    for y0, y1 in _runs(full):
        cols = np.logical_or.reduce([runs[y] for y in range(y0, y1)]).nonzero()[0]
        # A run may start a little before the rule (RULE_FILL): its ends are its dark pixels.
        lo, hi = int(cols.min()), int(cols.max()) + MIN_RULE_PX
        inked = smeared[y0:y1, lo:hi].any(axis=0).nonzero()[0]
        rules.append(((y0 + y1) // 2, lo + int(inked.min()), lo + int(inked.max())))
    groups: list[list[tuple[int, int, int]]] = []
    for rule in rules:
        last = groups[-1][-1] if groups else None
        # Rules of one table span the same width (a worn rule may lose its ends).
        overlap = min(rule[2], last[2]) - max(rule[1], last[1]) if last else 0
        if last and overlap >= 0.8 * min(rule[2] - rule[1], last[2] - last[1]) \
                and rule[0] - last[0] <= 400:
            groups[-1].append(rule)
        else:
            groups.append([rule])
    groups = [part for g in groups for part in _even_rows(_full_width(g))]
    # The table's ends: those of most rules (a smudge may lengthen one rule).
    return [(g[0][0], g[-1][0], _median([r[1] for r in g]), _median([r[2] for r in g]),
             [r[0] for r in g]) for g in groups if len(g) >= 3]


def _full_width(rules: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A table's rules less those much shorter than most of them: a blurred line of dense text
    inside a cell ("Tjänstgörande ersättare") passes the run test over its own few hundred
    pixels, and taken for a rule it would cut every row it lies in into two rows of half
    letters. (A worn rule that lost its ends keeps most of its length.)"""
    width = _median([r[2] - r[1] for r in rules])
    return [r for r in rules if r[2] - r[1] >= PART_RULE * width]


def _median(values: list[int]) -> int:
    return sorted(values)[len(values) // 2]


def _even_rows(rules: list[tuple[int, int, int]]) -> list[list[tuple[int, int, int]]]:
    """A table's rows are of about one height: a rule more than twice the usual row height
    away (a line under a heading above the table) starts another group."""
    if len(rules) < 3:
        return [rules]
    gaps = sorted(b[0] - a[0] for a, b in zip(rules, rules[1:]))
    usual = gaps[len(gaps) // 2]
    parts = [[rules[0]]]
    for a, b in zip(rules, rules[1:]):
        if b[0] - a[0] > 2 * usual:
            parts.append([])
        parts[-1].append(b)
    return parts


def _vertical_rules(dark, top: int, bottom: int, left: int, right: int,
                    char_height: float) -> tuple[list[int], list[int]]:
    """x of the vertical rules between the table's first and last horizontal rule, and x of
    rules perhaps there but worn to a few dashes (`WORN_VRULE`; see `_with_worn`)."""
    length = max(8, int(MIN_VRULE_CHARS * char_height))
    region = dark[top:bottom + 1, max(0, left - 5):right + 5]
    if region.shape[0] <= length:
        return [], []
    share = _long_runs(region, length, axis=0).sum(axis=1) / (region.shape[0] - length)
    # A worn vertical rule is dashed: a third of the table's height in long runs is enough.
    sure = [max(0, left - 5) + (a + b) // 2 for a, b in _runs(share >= 0.35)]
    worn = [max(0, left - 5) + (a + b) // 2 for a, b in _runs(share >= WORN_VRULE)]
    return sure, [x for x in worn if all(abs(x - s) > SKEW_PX for s in sure)]


def _with_worn(xs: list[int], worn: list[int], words: list[Box], char_height: float,
               top: int, bottom: int) -> list[int]:
    """`xs` with the worn rules that are rules: inside the table, at least a character's
    height from every other rule (the first letters of a column of names stand beside their
    rule), and crossing no word of the table (a column of letters runs through words; a rule
    between two columns runs between them: "nej" and "avst" under a worn rule). A word's first
    or last letter may be the rule itself, read as "I" or a quote ("INEJ", "‘Lars")."""
    out = list(xs)
    edge = char_height / 2
    for x in worn:
        if not xs[0] < x < xs[-1] or any(abs(x - o) < char_height for o in out):
            continue
        if any(w.left + edge < x < w.left + w.width - edge
               and top <= w.top + w.height / 2 <= bottom for w in words):
            continue
        out.append(x)
    return sorted(out)


@dataclass
class _Cell:
    text: str           # the words Tesseract read inside the cell
    sure: bool          # the words are text, not a misread mark
    ink: bool           # the cell's inside holds a mark (or anything)

    @property
    def code(self) -> bool:
        """Reads like a party's letters ("S", "KD", "MP"; a lone "X" does not)."""
        letters = re.sub(r"\W", "", self.text)
        return bool(_CODE.fullmatch(letters)) and not _MARK_READ.match(letters)


def _cell(dark, words: list[Box], x0: int, y0: int, x1: int, y1: int) -> _Cell:
    inside = [w for w in words if x0 <= w.left + w.width / 2 <= x1
              and y0 <= w.top + w.height / 2 <= y1]
    # in Tesseract's reading order; a worn border beside the text is read as a quote or a bar
    text = _unglued(" ".join(w.text for w in inside).lstrip(_EDGE_JUNK).rstrip(_EDGE_JUNK))
    short = len(text.replace(" ", "")) <= MARK_CHARS
    sure = bool(text) and (text.casefold().strip(".:") in _HEADINGS
                           or not (_MARK_READ.match(text) or short))
    pad = max(4, int(0.2 * min(x1 - x0, y1 - y0)))
    inner = dark[y0 + pad:y1 - pad, x0 + pad:x1 - pad]
    ink = bool(inner.size) and float(inner.mean()) >= MARK_INK
    return _Cell(text, sure, ink)


def _decide_marks(cells: list[list[_Cell]]) -> list[list[str]]:
    """Cells as text; a short reading ("v", "7.", "Z", "SN") or a word-less cell with ink is a
    mark "X" — except in a column of party letters (most of its cells), where a short reading
    is kept as it is (a "V" there is Vänsterpartiet)."""
    party_column = []
    for c in range(len(cells[0]) if cells else 0):
        # Headings and labels ("Parti") are left out of the count.
        filled = [row[c] for row in cells if (row[c].text or row[c].ink)
                  and not (row[c].sure and not row[c].code)]
        codes = sum(cell.code for cell in filled)
        party_column.append(codes >= 2 and codes > len(filled) / 2)
    rows = []
    for row in cells:
        out = []
        for c, cell in enumerate(row):
            if cell.text and party_column[c]:
                out.append(_PARTY_MISREAD.get(cell.text, cell.text))
            elif cell.sure and not cell.code:
                out.append(cell.text)
            else:
                out.append("X" if cell.ink else "")
        rows.append(_heading_ja(out))
    return [r for r in rows if any(r)]


def _heading_ja(row: list[str]) -> list[str]:
    """A heading row's "Ja" read as a mark: the cell before "Nej" in a row that heads the
    columns ("Nej", "Avstår") is Ja, the only heading a voting list puts there. ("Ja" is two
    short letters in a narrow cell: a poor scan's OCR reads it as "J" or nothing.)"""
    folded = [c.casefold().strip(".:") for c in row]
    for i, c in enumerate(folded):
        if c in ("nej", "nei") and i > 0 and row[i - 1] == "X" and "X" not in row[i + 1:]:
            return row[:i - 1] + ["Ja"] + row[i:]
    return row
