"""OCR keeps a table's horizontal layout; prose stays single-spaced.

The TSV cases are synthetic word boxes (the shapes Tesseract gives: a table row as one line
with wide gaps, a row's cells as separate blocks, each ruled row its own block). The scanned
voting list is rendered by benchmarks/render.py (tab-separated rows become a ruled table),
read by the real Tesseract through `ingest.read_pages` and handed to `extract.extract`.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.tesseract import parse_tsv

HEADER = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
          "\tconf\ttext\n")
CHAR = 20          # pixels per character in the synthetic boxes (about 300 dpi)


def _line(block: int, par: int, line: int, top: int, words: list[tuple[int, str]]) -> str:
    """TSV rows of one line: (left, text) per word, each CHAR pixels per character wide."""
    return "".join(f"5\t1\t{block}\t{par}\t{line}\t{k + 1}\t{left}\t{top}\t{len(text) * CHAR}"
                   f"\t40\t90\t{text}\n" for k, (left, text) in enumerate(words))


def _words(start: int, text: str, space: int) -> list[tuple[int, str]]:
    """Words laid out from `start` with `space` pixels between them."""
    out, x = [], start
    for word in text.split():
        out.append((x, word))
        x += len(word) * CHAR + space
    return out


@pytest.mark.parametrize("tsv, expected", [
    # prose with ordinary spaces (a third of a character): single spaces, as before
    (_line(1, 1, 1, 100, _words(300, "Kommunstyrelsen föreslår fullmäktige besluta", 7)),
     "Kommunstyrelsen föreslår fullmäktige besluta"),
    # justified prose, spaces stretched to two characters: still single spaces
    (_line(1, 1, 1, 100, _words(300, "att anta taxan enligt bilaga", 2 * CHAR)),
     "att anta taxan enligt bilaga"),
    # an indented prose line gets no leading spaces
    (_line(1, 1, 1, 100, _words(300, "Beslut", 7)) + _line(1, 1, 2, 150, _words(500, "Ja", 7)),
     "Beslut\nJa"),
    # a "|" inside a prose word is left alone (an l read as a bar)
    (_line(1, 1, 1, 100, _words(300, "ti|l protokollet", 7)), "ti|l protokollet"),
    # one prose line with a speck read far to its right: not a table (no row beside it)
    (_line(1, 1, 1, 100, _words(300, "målen ska uppnås.", 7) + [(1800, ":")]),
     "målen ska uppnås. :"),
    # a badly scanned justified line: a three-character gap between two runs of words
    (_line(1, 1, 1, 100, _words(300, "involvera äldre deltagare.", 7)
           + _words(860, "Socialstyrelsen fick samma uppdrag", 7))
     + _line(1, 1, 2, 160, _words(300, "Detta är en rad", 7) + [(1800, "X")]),
     "involvera äldre deltagare. Socialstyrelsen fick samma uppdrag\nDetta är en rad X"),
])
def test_prose_stays_single_spaced(tsv, expected):
    assert parse_tsv(HEADER + tsv).text == expected


def _column_of(line: str, word: str) -> int:
    return line.index(word)


def test_marks_stand_under_their_column_heading():
    """Header and rows as lines with wide gaps: the X of a nej vote is under "Nej"."""
    tsv = (_line(1, 1, 1, 100, [(300, "Ledamot"), (900, "Ja"), (1100, "Nej"), (1300, "Avstår")])
           + _line(1, 1, 2, 160, [(300, "Anna"), (410, "Berg"), (520, "(S)"), (1110, "X")])
           + _line(1, 1, 3, 220, [(300, "Per"), (390, "Holm"), (500, "(M)"), (1320, "X")]))
    header, anna, per = parse_tsv(HEADER + tsv).text.split("\n")
    assert "Anna Berg (S)" in anna and "Per Holm (M)" in per       # names stay one cell
    assert abs(_column_of(anna, "X") - _column_of(header, "Nej")) <= 1
    assert abs(_column_of(per, "X") - _column_of(header, "Avstår")) <= 1
    assert "  " in header.strip()


def test_cells_read_as_separate_blocks_join_into_one_row():
    """Tesseract put the names in one block and the marks in another: rows are rebuilt by
    height, and the row blocks of a ruled table are not split by blank lines."""
    tsv = (_line(1, 1, 1, 100, [(300, "Ledamot")])
           + _line(2, 1, 1, 102, [(900, "Ja"), (1100, "Nej")])
           + _line(3, 1, 1, 160, [(300, "Anna"), (410, "Berg")])
           + _line(4, 1, 1, 161, [(1110, "X")])
           + _line(5, 1, 1, 400, _words(300, "Paragrafen förklaras omedelbart justerad", 7)))
    lines = parse_tsv(HEADER + tsv).text.split("\n")
    assert lines[0].startswith("Ledamot") and lines[0].rstrip().endswith("Nej")
    assert lines[1].startswith("Anna Berg") and lines[1].rstrip().endswith("X")
    assert abs(_column_of(lines[1], "X") - _column_of(lines[0], "Nej")) <= 1
    assert lines[2:] == ["", "Paragrafen förklaras omedelbart justerad"]


def test_lines_of_one_block_are_never_merged():
    """Two words far apart in one block but on different lines stay two lines."""
    tsv = _line(1, 1, 1, 100, [(300, "Sammanträdesdatum")]) + \
        _line(1, 1, 2, 105, [(1400, "2024-03-12")])
    assert parse_tsv(HEADER + tsv).text == "Sammanträdesdatum\n2024-03-12"


VOTING_LIST = (
    "Kommunfullmäktige\nSammanträdesprotokoll\nSammanträdesdatum: 2024-03-12\n\n"
    "KF § 12    Dnr KS 2024/45\nNy taxa för bygglov\n\n"
    "Beslutsgång\nVotering begärs. Ja-röst för kommunstyrelsens förslag, nej-röst för avslag.\n"
    "Med 2 ja-röster mot 2 nej-röster beslutar fullmäktige enligt ordförandens utslagsröst. "
    "En ledamot avstår.\n\n"
    "Voteringslista § 12\n"
    "Ledamot\tParti\tJa\tNej\tAvstår\n"
    "Anna Berg\tS\tX\t\t\n"
    "Per Holm\tM\t\tX\t\n"
    "Eva Lund\tC\t\t\tX\n"
    "Omar Said\tV\tX\t\t\n"
    "Lisa Ek\tKD\t\tX\t\n")
BALLOTS = [("Anna Berg", "S", "ja"), ("Per Holm", "M", "nej"), ("Eva Lund", "C", "avstår"),
           ("Omar Said", "V", "ja"), ("Lisa Ek", "KD", "nej")]


@pytest.mark.slow
def test_scanned_voting_list_gives_every_ballot(tmp_path):
    """A ruled voting list with X marks, scanned (mild), read by the real Tesseract: the
    extractor gets every ballot right; the prose above it stays single-spaced."""
    import extract
    import ingest
    from benchmarks.render import write_scanned_pdf
    from corpus.models import RepairedPage

    pdf = write_scanned_pdf(VOTING_LIST, tmp_path / "voteringslista.pdf", profile="mild")
    pages = ingest.read_pages(pdf.read_bytes(), "voteringslista.pdf")
    assert pages[0].source == "ocr"
    assert "Ledamot\tParti\tJa\tNej\tAvstår" in pages[0].text
    prose = [ln for ln in pages[0].text.splitlines() if "Votering begärs" in ln]
    assert prose and "  " not in prose[0]
    got = extract.extract([RepairedPage(number=p.number, text=p.text) for p in pages])
    ballots = [(b.name, b.party, b.vote) for item in got.items for vote in item.votes
               for b in vote.ballots]
    assert ballots == BALLOTS


DENSE_LIST = (
    "Omröstning\nJa-röst för arbetsutskottets förslag, nej-röst för avslag.\n\n"
    "Ledamöter\tParti\tTjänstgörande ersättare\tJa\tNej\tAvstår\n"
    "Margareta Frid, ordförande\tS\t\tx\t\t\n"
    "Jonas Ekström, 1:e vice ordförande\tM\t\t\tx\t\n"
    "Britt Olsson, 2:e vice ordförande\tV\t\tx\t\t\n"
    "Pia Lund\tS\tJohan Berg\tx\t\t\n"
    "Camilla Berg\tM\t\t\tx\t\n")


@pytest.mark.slow
def test_dense_cell_text_is_no_rule_of_the_table(tmp_path):
    """Long cell texts ("Tjänstgörande ersättare", "1:e vice ordförande"), blurred by the
    scan, are dark along a few hundred pixels: taken for rules they cut their rows into
    halves of letters (read as "LEUGINYLE!" and a row of marks)."""
    import ingest
    from benchmarks.render import write_scanned_pdf

    pdf = write_scanned_pdf(DENSE_LIST, tmp_path / "omrostning.pdf", profile="mild")
    text = ingest.read_pages(pdf.read_bytes(), "omrostning.pdf")[0].text
    rows = [ln.split("\t") for ln in text.splitlines() if "\t" in ln]
    assert rows[0] == ["Ledamöter", "Parti", "Tjänstgörande ersättare", "Ja", "Nej", "Avstår"]
    assert [r[1] for r in rows[1:]] == ["S", "M", "V", "S", "M"]
    assert [r[3:].index("X") for r in rows[1:]] == [0, 1, 0, 0, 1]
    assert rows[4][2] == "Johan Berg"


@pytest.mark.slow
def test_a_worn_askew_voting_list_gives_every_ballot(tmp_path):
    """A ruled voting list on a poor scan (render's heavy profile: 1° of skew, worn dashed
    rules, toner specks). The page is sheared straight before its rules are looked for, so each
    rule is one rule and not pieces at several heights; the worn border left of the names is
    not painted over their first letters; a heading "Ja" read as a mark is Ja again. (Before:
    the table fell apart and none of the eleven ballots was read.)"""
    import extract
    import ingest
    from benchmarks.render import write_scanned_pdf
    from normalize import repair_pages

    text = (Path(__file__).parent / "data" / "extract"
            / "von-utdrag-partikolumn-sidbrytning.txt").read_text(encoding="utf-8")
    pdf = write_scanned_pdf(text, tmp_path / "utdrag.pdf", profile="heavy")
    got = extract.extract(repair_pages(ingest.read_pages(pdf.read_bytes(), "utdrag.pdf")))
    ballots = {(b.name, b.vote) for item in got.items for vote in item.votes
               for b in vote.ballots}
    assert {("Margareta Frid", "ja"), ("Jonas Ekström", "nej"), ("Kent Åberg", "avstår"),
            ("Johan Berg", "ja"), ("Mona Hedberg", "ja"), ("Linda Wester", "nej")} <= ballots
    assert len(ballots) == 11               # "jonas Ekström" too: the file names him


def _page_with_rules(slope: float, width: int = 1600):
    import numpy as np
    grey = np.full((900, width), 235, dtype=np.uint8)
    for y0 in range(300, 600, 30):
        for x in range(100, width - 100):
            y = int(round(y0 + slope * x))
            grey[y:y + 3, x] = 20
    return grey


@pytest.mark.parametrize("slope, width, rows_per_rule", [
    (0.0, 1600, 2), (0.012, 1600, 2), (-0.02, 1600, 2),
    (0.03, 7200, 1),        # a 600-dpi scan 1.7° askew: a column moves 216 rows
])
def test_skew_is_found_and_sheared_level(slope, width, rows_per_rule):
    import numpy as np
    from ingest.ocrtables import _shear, _skew
    grey = _page_with_rules(slope, width)
    found = _skew(grey < 150)
    assert abs(found - slope) <= 0.002
    level = _shear(grey, found, 235) < 150
    rows = np.flatnonzero(level[:, 100:width - 100].mean(axis=1) > 0.9)
    assert len(rows) >= 10 * rows_per_rule      # every rule dark across (of its three rows)


@pytest.mark.parametrize("row, expected", [
    (["Ledamot", "Parti", "X", "Nej", "Avstår"], ["Ledamot", "Parti", "Ja", "Nej", "Avstår"]),
    (["Ledamot", "Ja", "Nej", "Avstår"], ["Ledamot", "Ja", "Nej", "Avstår"]),
    (["Anna Berg", "S", "X", "", ""], ["Anna Berg", "S", "X", "", ""]),      # a ballot
    (["Nej", "X"], ["Nej", "X"]),
])
def test_a_headings_ja_read_as_a_mark(row, expected):
    from ingest.ocrtables import _heading_ja
    assert _heading_ja(row) == expected


@pytest.mark.parametrize("widths, kept", [
    ([1800, 1800, 250, 1800, 1800], [0, 1, 3, 4]),    # a line of text inside: not a rule
    ([1800, 1300, 1800, 1800], [0, 1, 2, 3]),         # a worn rule that lost its ends
])
def test_only_rules_of_the_tables_width_cut_rows(widths, kept):
    from ingest.ocrtables import _full_width
    rules = [(100 + 60 * i, 300, 300 + w) for i, w in enumerate(widths)]
    assert _full_width(rules) == [rules[i] for i in kept]


def _cells(*rows: tuple[tuple[str, bool, bool], ...]):
    from ingest.ocrtables import _Cell
    return [[_Cell(text, sure, ink) for text, sure, ink in row] for row in rows]


@pytest.mark.parametrize("cells, expected", [
    # misread marks ("v", "7.", "SN") and ink without a word become X; names stay
    (_cells((("Ledamot", True, True), ("Ja", True, True), ("Nej", True, True)),
            (("Anna Berg", True, True), ("v", False, True), ("", False, False)),
            (("Per Holm", True, True), ("", False, False), ("7.", False, True)),
            (("Eva Lund", True, True), ("SN", False, True), ("", False, False))),
     [["Ledamot", "Ja", "Nej"], ["Anna Berg", "X", ""], ["Per Holm", "", "X"],
      ["Eva Lund", "X", ""]]),
    # a column of party letters keeps them, a lone "V" (Vänsterpartiet) included
    (_cells((("Anna Berg", True, True), ("S", False, True), ("X", False, True)),
            (("Omar Said", True, True), ("V", False, True), ("X", False, True)),
            (("Lisa Ek", True, True), ("KD", False, True), ("", False, False))),
     [["Anna Berg", "S", "X"], ["Omar Said", "V", "X"], ["Lisa Ek", "KD", ""]]),
    # a party column's S read as "$" or "5" (the marks column keeps its X)
    (_cells((("Anna Berg", True, True), ("$", False, True), ("X", False, True)),
            (("Omar Said", True, True), ("V", False, True), ("X", False, True)),
            (("Lisa Ek", True, True), ("KD", False, True), ("", False, False))),
     [["Anna Berg", "S", "X"], ["Omar Said", "V", "X"], ["Lisa Ek", "KD", ""]]),
    # empty rows are dropped
    (_cells((("Anna Berg", True, True), ("", False, False)),
            (("", False, False), ("", False, False))),
     [["Anna Berg", ""]]),
])
def test_marks_and_text_in_table_cells(cells, expected):
    from ingest.ocrtables import _decide_marks
    assert _decide_marks(cells) == expected


@pytest.mark.parametrize("rows, voting", [
    ([["Ledamot", "Ja", "Nej", "Avstår"], ["Anna Berg", "X", "", ""]], True),
    ([["", "ja", "nei", "avst"], ["Anna Berg", "X", "", ""]], True),     # "nei": OCR of nej
    # a voting list going on from the page before: marks on most rows
    ([["Anna Berg", "X", ""], ["Per Holm", "", "X"], ["Eva Lund", "X", ""]], True),
    # a protocol's ruled head or the anslag box: not read cell by cell
    ([["Organ", "Barn- och utbildningsnämnden"], ["Sammanträdesdatum", "2022-09-20"],
      ["Datum då anslaget sätts upp", "2022-09-28"]], False),
])
def test_only_voting_lists_are_read_cell_by_cell(rows, voting):
    from ingest.ocrtables import _voting_list
    assert _voting_list(rows) is voting


MARKS_LIST = (
    "Omröstning\nJa-röst för kommunstyrelsens förslag, nej-röst för avslag.\n\n"
    "Ledamot\tJa\tNej\tAvstår\n"
    "Anna Berg (S)\tX\t\t\n"
    "Per Holm (M)\t\tX\t\n"
    "Eva Lund (C)\t\t\tX\n"
    "Omar Said (V)\t\tX\t\n"
    "Lisa Ek (KD)\t\t\tX\n")


def _worn_page(text: str, wear_rule: int):
    """`text` rendered clean (render.py, 300 dpi) with the table's vertical rule number
    `wear_rule` worn to dashes (70 px of rule, 50 px gone), and a touch of blur."""
    import numpy as np
    from PIL import Image, ImageFilter
    from benchmarks.render import render_pages

    grey = np.array(render_pages(text, profile="clean")[0])
    dark = grey < 128
    rows = np.flatnonzero(dark.sum(axis=1) >= 0.9 * dark.sum(axis=1).max())    # rules
    top, bottom = int(rows[0]), int(rows[-1])
    cols = np.flatnonzero(dark[top:bottom].mean(axis=0) > 0.7)
    rules = [int(c) for k, c in enumerate(cols) if k == 0 or c > cols[k - 1] + 1]
    x = rules[wear_rule]
    for y in range(top + 70, bottom, 120):
        grey[y:y + 50, x - 3:x + 4] = 255
    return Image.fromarray(grey).filter(ImageFilter.GaussianBlur(0.8))


def _png(image) -> bytes:
    import io
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.slow
def test_a_vertical_rule_worn_to_dashes_still_parts_its_columns():
    """The rule between Nej and Avstår is worn to dashes (too broken for the sure rule test):
    it is a rule because no word of the table runs across it, so the marks stay in their own
    columns. (Before: Nej and Avstår were one cell, and the list no voting list.)"""
    import ingest

    text = ingest.read_pages(_png(_worn_page(MARKS_LIST, 3)), "lista.png")[0].text
    rows = [ln.split("\t") for ln in text.splitlines() if "\t" in ln]
    assert [c[:4] for c in rows[0]] == ["Leda", "Ja", "Nej", "Avst"]    # Avstår or Avstar
    assert [r[1:].index("X") for r in rows[1:]] == [0, 1, 2, 1, 2]


@pytest.mark.slow
def test_a_worn_column_of_letters_is_no_rule():
    """What must not change: the first letters of a column of names, dark along the table
    like a worn rule, cut no cell, and prose around the table keeps its single spaces."""
    import ingest

    text = ingest.read_pages(_png(_worn_page(MARKS_LIST, 1)), "lista.png")[0].text
    rows = [ln.split("\t") for ln in text.splitlines() if "\t" in ln]
    assert [len(r) for r in rows] == [4] * 6
    assert [r[0][:8] for r in rows[1:]] == ["Anna Ber", "Per Holm", "Eva Lund", "Omar Sai",
                                           "Lisa Ek "]
    assert "Ja-röst för kommunstyrelsens förslag, nej-röst för avslag." in text


NAME_COLUMNS = (
    "Kommunfullmäktige\nSammanträdesprotokoll\nSammanträdesdatum: 2024-03-12\n\n"
    "KF § 12    Dnr KS 2024/45\nNy taxa för bygglov\n\n"
    "Omröstning begärs. Den som vill bifalla förslaget röstar JA, den som vill avslå det "
    "röstar NEJ.\n"
    "Omröstningsresultat: 3 ledamöter röstar JA, 2 röstar NEJ och 1 AVSTÅR. Hur var och en "
    "röstade framgår nedan.\n\n"
    "JA (3)\tNEJ (2)\tAVSTÅR (1)\n"
    "Anna Ek (M)\tLars Berglund (S)\tIngela Borg (L)\n"
    "Sofia Holm (C)\tEva Nordin (S)\t\n"
    "Jonas Lind (KD)\t\t\n")


@pytest.mark.slow
def test_names_under_counted_headings_are_read_cell_by_cell():
    """A voting list of names under "JA (3)", "NEJ (2)", "AVSTÅR (1)" (the count after each
    heading) is a voting list: read cell by cell, rows tab-separated, every ballot found."""
    import extract
    import ingest
    from corpus.models import RepairedPage

    image = __import__("benchmarks.render", fromlist=["render_pages"]).render_pages(
        NAME_COLUMNS, profile="mild")[0]
    pages = ingest.read_pages(_png(image), "lista.png")
    rows = [ln.split("\t") for ln in pages[0].text.splitlines() if "\t" in ln]
    assert rows[0] == ["JA (3)", "NEJ (2)", "AVSTÅR (1)"]
    assert [r[0] for r in rows[1:]] == ["Anna Ek (M)", "Sofia Holm (C)", "Jonas Lind (KD)"]
    got = extract.extract([RepairedPage(number=p.number, text=p.text) for p in pages])
    ballots = {(b.name, b.vote) for item in got.items for vote in item.votes
               for b in vote.ballots}
    assert ballots == {("Anna Ek", "ja"), ("Sofia Holm", "ja"), ("Jonas Lind", "ja"),
                       ("Lars Berglund", "nej"), ("Eva Nordin", "nej"),
                       ("Ingela Borg", "avstår")}


@pytest.mark.slow
def test_a_page_without_a_table_gets_none():
    """A page of prose and a ruled protocol head (not a voting list) is read as Tesseract laid
    it out: no tab-separated rows."""
    import ingest
    from benchmarks.render import render_pages

    text = ("Organ\tKommunstyrelsen\nSammanträdesdatum\t2024-03-12\n"
            "Datum då anslaget sätts upp\t2024-03-19\n\n"
            "Kommunstyrelsen föreslår kommunfullmäktige besluta att anta taxan enligt bilaga.\n")
    page = ingest.read_pages(_png(render_pages(text, profile="heavy")[0]), "sida.png")[0]
    assert "\t" not in page.text
    assert "anta taxan enligt bilaga." in page.text


@pytest.mark.parametrize("cell, heading", [
    ("JA (11)", "ja"), ("NEJ (8)", "nej"), ("AVSTÅR (2)", "avstår"), ("Nej:", "nej"),
    ("nei", "nej"), ("NE] (2)", "nej"), ("Anna Ek (M)", "anna ek (m)"),
])
def test_headings_with_their_counts(cell, heading):
    from ingest.ocrtables import _heading
    assert _heading(cell) == heading


@pytest.mark.parametrize("cell, expected", [
    ("INEJ (8)", "NEJ (8)"), ("lja", "ja"), ("Nej", "Nej"), ("Ingela Borg (L)", "Ingela Borg (L)"),
])
def test_a_worn_rule_read_into_a_heading(cell, expected):
    from ingest.ocrtables import _unglued
    assert _unglued(cell) == expected


def test_a_worn_rule_through_a_word_is_no_rule():
    from ingest.ocrtables import Word, _with_worn
    words = [Word("nej", 500, 110, 60, 35), Word("avst", 600, 110, 80, 35),
             Word("Margareta", 120, 170, 200, 35)]
    assert _with_worn([100, 400, 700], [580, 220, 420], words, 35.0, 100, 300) == [100, 400, 580, 700]
