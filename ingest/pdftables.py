"""Text of a pdfplumber page, with ruled tables as tab-separated lines.

Voting lists (Ledamöter / Ja / Nej / Avstår, marks X or ✓) are usually ruled tables. Flattened
by `extract_text` their marks lose their column and nobody can tell a ja from a nej; as
tab-separated rows (the shape CONVENTIONS.md lists for flattened voting lists) the extractor
can read them. The text above, between and below tables stays in reading order.

`find_tables` is costly, so it only runs on pages with enough ruling lines to hold a table.

Unruled columns (a voting list aligned with tab stops, "Ordförande  Justerare" under a
signature) keep their horizontal layout as Tesseract's readings do (`ingest.columns`):
`extract_text` writes one space for any gap, and a mark's column, which says ja, nej or avstår,
would be lost.
"""
from __future__ import annotations

from ingest import columns
from ingest.ocrtables import Word

# Fewer line/rect edges than this cannot make a table of two rows and two columns.
MIN_EDGES_FOR_TABLE = 4
SPACE_GAP = 3.0            # points: pdfplumber's own x_tolerance, where it writes a space
SCALE = 10                 # PDF points to the integer units of word boxes (0.1 pt)


def page_text(page) -> str:
    """The text of a pdfplumber `Page`; ruled tables become tab-separated lines in place."""
    if len(page.lines) + len(page.rects) < MIN_EDGES_FOR_TABLE:
        return text_with_columns(page)
    tables = [t for t in page.find_tables() if _is_table(t)]
    if not tables:
        return text_with_columns(page)
    tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
    parts: list[str] = []
    cursor = page.bbox[1]     # everything above this is already in `parts`
    for table in tables:
        _, top, _, bottom = table.bbox
        parts.append(_text_in_band(page, cursor, top, tables))
        parts.append(_table_lines(table))
        # Text level with the table but outside it (a note in the margin) follows the table.
        parts.append(_text_in_band(page, max(cursor, top), bottom, tables))
        cursor = max(cursor, bottom)
    parts.append(_text_in_band(page, cursor, page.bbox[3] + 1, tables))
    return "\n".join(p for p in parts if p)


def _is_table(table) -> bool:
    """At least two rows and two columns with content: not a frame around a block of text."""
    rows = [r for r in table.extract() if any(c and c.strip() for c in r)]
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2 and \
        sum(1 for r in rows if sum(1 for c in r if c and c.strip()) >= 2) >= 1


def _table_lines(table) -> str:
    lines = []
    for row in table.extract():
        cells = [" ".join(c.split()) if c else "" for c in row]
        if any(cells):
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]


def _text_in_band(page, top: float, bottom: float, tables) -> str:
    """Characters whose centre lies between `top` and `bottom` and in no table."""
    if bottom <= top:
        return ""
    boxes = [t.bbox for t in tables]

    def keep(obj: dict) -> bool:
        if obj.get("object_type") != "char":
            return False
        y = (obj["top"] + obj["bottom"]) / 2
        return top <= y < bottom and not any(_inside(obj, b) for b in boxes)

    return text_with_columns(page.filter(keep))


def text_with_columns(page) -> str:
    """`extract_text`, with lines that are table rows laid out in columns (`ingest.columns`)."""
    lines = page.extract_text_lines(strip=True, return_chars=True)
    plain = [line["text"] for line in lines]
    words = [_words(line["chars"]) for line in lines]
    # a line whose words do not spell pdfplumber's reading (characters drawn right to left or
    # over each other) keeps that reading
    words = [w if " ".join(x.text for x in w) == " ".join(t.split()) else []
             for w, t in zip(words, plain)]
    unit = columns.char_width([w for line in words for w in line])
    if not unit:
        return "\n".join(plain)
    origin = min(w[0].left for w in words if w)
    laid = [columns.line_text(w, unit, origin) if w else t for w, t in zip(words, plain)]
    return "\n".join(columns.keep_rows(laid, plain))


def _words(chars: list[dict]) -> list[Word]:
    """The characters of a line as words, split where pdfplumber writes a space."""
    out: list[Word] = []
    text, left, right, top, bottom = "", 0.0, 0.0, 0.0, 0.0
    for ch in chars:
        if not ch["text"].strip():
            continue
        if text and ch["x0"] - right > SPACE_GAP:
            out.append(_word(text, left, top, right, bottom))
            text = ""
        if not text:
            left, top, bottom = ch["x0"], ch["top"], ch["bottom"]
        text += ch["text"]
        right = ch["x1"]
        top, bottom = min(top, ch["top"]), max(bottom, ch["bottom"])
    if text:
        out.append(_word(text, left, top, right, bottom))
    return out


def _word(text: str, left: float, top: float, right: float, bottom: float) -> Word:
    return Word(text, round(left * SCALE), round(top * SCALE), max(1, round((right - left) * SCALE)),
                max(1, round((bottom - top) * SCALE)))
