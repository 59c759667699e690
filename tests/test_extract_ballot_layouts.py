"""Ballot layouts beyond marks in a table: a list of names under each vote's column heading
("JA (11) / NEJ (8) / AVSTÅR (2)"), and names one a line under a heading without a colon
("Ja-röster (6)"). Both as clerks write them, and lines that must not be read as ballots."""
from __future__ import annotations

import pytest

from extract.ballots import find_all, line_ballots, name_columns, prose_ballots

KF_COLUMNS = ["JA (4)\tNEJ (2)\tAVSTÅR (1)",
              "Anna Ek (M)\tLars Berglund (S)\tIngela Borg (L)",
              "Sofia Holm (C)\tEva Nordin (S)\t",
              "Jonas Lind (KD)\t\t",
              "Kjell Ström (SD)\t\t",
              "",
              "Reservationer"]


def _votes(lists):
    return [[(b.name, b.party, b.vote) for b in bl.ballots] for bl in lists]


def test_names_under_tabbed_vote_columns():
    assert _votes(find_all(KF_COLUMNS, 0, {})) == [[
        ("Anna Ek", "M", "ja"), ("Lars Berglund", "S", "nej"), ("Ingela Borg", "L", "avstår"),
        ("Sofia Holm", "C", "ja"), ("Eva Nordin", "S", "nej"),
        ("Jonas Lind", "KD", "ja"), ("Kjell Ström", "SD", "ja")]]


def test_names_under_space_aligned_vote_columns():
    """The same list as OCR or a text export leaves it: columns kept by spaces only."""
    lines = ["Ja-röster (3)        Nej-röster (1)       Avstår (1)",
             "Anna Ek (M)          Lars Berglund (S)    Ingela Borg (L)",
             "Sofia Holm (C)",
             "Jonas Lind (KD)",
             ""]
    assert _votes(name_columns(lines, 0, {})) == [[
        ("Anna Ek", "M", "ja"), ("Lars Berglund", "S", "nej"), ("Ingela Borg", "L", "avstår"),
        ("Sofia Holm", "C", "ja"), ("Jonas Lind", "KD", "ja")]]


def test_names_without_party_take_it_from_the_file():
    lines = ["Ja\tNej", "Anna Ek\tLars Berglund", "Sofia Holm\t"]
    got = _votes(name_columns(lines, 0, {"Anna Ek": "M", "Lars Berglund": "S"}))
    assert got == [[("Anna Ek", "M", "ja"), ("Lars Berglund", "S", "nej"), ("Sofia Holm", None, "ja")]]


@pytest.mark.parametrize("lines", [
    # votes side by side: ja/nej repeat, marks under them (tab_tables reads these)
    ["Ordinarie\t\t\tVot § 3:11\t\t\tVot § 3:12\t\t",
     "\t\t\tja\tnej\tavst\tja\tnej\tavst",
     "Anna Al (M), ordf\t✓\t\t✓\t\t\t\t✓\t"],
    # a marks table: the names stand in a column of their own, not under a vote
    ["\tJa\tNej\tAvstår", "Per Ek (S)\tX\t\t", "Eva Al (M)\t\tX\t"],
    ["                    Ja    Nej", "Per Ek (S)          X", "Eva Al (M)                X"],
    # a heading row with something that is not a ballot
    ["Ledamot\tJa\tNej", "Per Ek (S)\tX\t"],
    # only one side named
    ["Ja (2)", "Per Ek (S)", "Eva Al (M)"],
])
def test_no_name_columns_where_there_are_none(lines):
    assert name_columns(lines, 0, {}) == []


def test_marks_table_is_still_read_by_marks():
    lines = ["Ledamöter\tJa\tNej\tAvstår", "Per Ek (S)\tX\t\t", "Eva Al (M)\t\tX\t"]
    assert _votes(find_all(lines, 0, {})) == [[("Per Ek", "S", "ja"), ("Eva Al", "M", "nej")]]


def test_a_name_whose_capital_ocr_lost_is_the_member_the_file_names():
    lines = ["Ledamöter\tParti\tJa\tNej", "jonas Ekström, 1:e vice ordförande\tM\t\tX",
             "erik Söderström\tC\tX\t"]
    known = {"Jonas Ekström": "M"}
    # (erik Söderström: named nowhere else in the file, so nothing says it is a name)
    assert _votes(find_all(lines, 0, known)) == [[("Jonas Ekström", "M", "nej")]]


GN_HEADED = """Omröstning begärs. Den som bifaller Mats Eks (S) yrkande röstar ja, den som bifaller Karin Dahls (M) yrkande röstar nej.

Ja-röster (3)
Mats Ek (S)
Fatima Said (S)
Elin Sjö (MP)

Nej-röster (2)
Karin Dahl (M)
Sven Kallio (SD)

Avstår (1)
Tove Lager (L)

Med tre ja-röster mot två nej-röster beslutar nämnden enligt Mats Eks (S) yrkande."""


def test_names_one_a_line_under_headings_without_colon():
    got = _votes(prose_ballots(GN_HEADED, {}))
    assert got == [[("Mats Ek", "S", "ja"), ("Fatima Said", "S", "ja"), ("Elin Sjö", "MP", "ja"),
                    ("Karin Dahl", "M", "nej"), ("Sven Kallio", "SD", "nej"),
                    ("Tove Lager", "L", "avstår")]]


@pytest.mark.parametrize("heading,vote", [
    ("Ja", "ja"), ("NEJ", "nej"), ("Avstår (2)", "avstår"), ("Röstade ja", "ja"), ("Nej-röster", "nej"),
])
def test_heading_shapes(heading, vote):
    got = _votes(prose_ballots(f"{heading}\nPer Ek (S)\nEva Al (M)\n", {}))
    assert got == [[("Per Ek", "S", vote), ("Eva Al", "M", vote)]]


@pytest.mark.parametrize("text", [
    # a heading must stand alone on its line: the vote's question and a count are not lists
    "Ja-röst för arbetsutskottets förslag och nej-röst för Jonas Ekströms (M) förslag.\nPer Ek (S)\n",
    "Omröstningen utfaller med 6 ja-röster.\nPer Ek (S) yrkar bifall.\n",
    "Ja, nämnden bifaller.\nPer Ek (S)\n",
])
def test_no_headed_list_in_running_text(text):
    assert _votes(prose_ballots(text, {})) == []


@pytest.mark.parametrize("lines,known,want", [
    (["Sara Lund (C) röstar ja.", "Omar Haddad (S) röstar nej.", "Pia Ek (M) avstår."], {},
     [("Sara Lund", "C", "ja"), ("Omar Haddad", "S", "nej"), ("Pia Ek", "M", "avstår")]),
    (["Sara Lund, C        Ja", "Omar Haddad, S      Nej"], {},
     [("Sara Lund", "C", "ja"), ("Omar Haddad", "S", "nej")]),
    # a vote column with words, the party in a column of its own
    (["Namn\tParti\tRöst", "Sara Lund\tC\tJa", "Omar Haddad\tS\tNej", "Pia Ek\tM\tAvstår"], {},
     [("Sara Lund", "C", "ja"), ("Omar Haddad", "S", "nej"), ("Pia Ek", "M", "avstår")]),
    # names alone in a column layout: the party, if any, from elsewhere in the file
    (["Sara Lund          Ja", "Omar Haddad        Nej"], {"Sara Lund": "C"},
     [("Sara Lund", "C", "ja"), ("Omar Haddad", None, "nej")]),
])
def test_one_member_a_line(lines, known, want):
    assert _votes(find_all(lines, 0, known)) == [want]


@pytest.mark.parametrize("lines", [
    ["Sara Lund          Ja"],                               # one line is no list
    ["Omröstning begärs          Ja", "Beslutet gäller          Nej"],
    ["Frågan är om nämnden säger ja", "Nämnden svarar nej"],   # sentences, not a layout
])
def test_no_line_ballots_without_a_list_of_names(lines):
    assert find_all(lines, 0, {}) == []


def test_name_columns_as_ocr_leaves_them():
    """Tesseract on the same list: columns drift, ruling becomes "|" or "—_", a blank line falls
    inside the list; the paragraph after it is not part of the list."""
    lines = [" JA (5)              NEJ (3)            AVSTÅR (1)",
             " Anna Ek (M)         Lars Berglund (S) Ingela Borg (L)",
             " Jonas Lind (KD)     —_  Per Sundberg (S)",
             "Gustav Åhman (M) |Leila Hassan (S)",
             "",
             "Ulf Dahl (M) be a",
             "Kjell Ström (SD)",
             "",
             "Mot beslutet reserverar sig Lars Berglund (S) och Eva Nordin (S).",
             "Maja Rask (SD)"]
    got = {b[0]: b[2] for b in _votes(name_columns(lines, 0, {}))[0]}
    assert got == {"Anna Ek": "ja", "Lars Berglund": "nej", "Ingela Borg": "avstår", "Jonas Lind": "ja",
                   "Per Sundberg": "nej", "Gustav Åhman": "ja", "Leila Hassan": "nej", "Ulf Dahl": "ja",
                   "Kjell Ström": "ja"}


def test_wrapped_vote_question_is_no_ballot():
    lines = ["Omröstning begärs. Den som bifaller Mats Eks (S) yrkande röstar ja, den som",
             "bifaller Karin Dahls (M) yrkande röstar nej."]
    assert find_all(lines, 0, {}) == []


def test_a_long_name_running_on_under_the_ja_column_keeps_its_ballot():
    lines = ["Ledamot            Ja   Nej   Avstår",
             "Anna Nordin (S)    X",
             "Lars Öberg (M)           X",
             "Niklas Lundqvist (V)     X",
             "Sara Berg (SD)                 X",
             ""]
    assert _votes(find_all(lines, 0, {})) == [[
        ("Anna Nordin", "S", "ja"), ("Lars Öberg", "M", "nej"), ("Niklas Lundqvist", "V", "nej"),
        ("Sara Berg", "SD", "avstår")]]


def test_one_a_line_substitute_named_for_the_member_casts_the_ballot():
    # "Lisa Holm (S) för Per Ek (S)  Nej": the tjänstgörande ersättare votes in Per Ek's place.
    lines = ["Kent Ahl (C)          Ja", "Siv Borg (S)          Nej",
             "Lisa Holm (S) för Per Ek (S)   Nej", "Ola Björk (KD), tjänstgörande ersättare för Bo Ek (KD) - Ja"]
    got = [(b.name, b.party, b.vote) for bl in line_ballots(lines, 0, {}) for b in bl.ballots]
    assert got == [("Kent Ahl", "C", "ja"), ("Siv Borg", "S", "nej"), ("Lisa Holm", "S", "nej"),
                   ("Ola Björk", "KD", "ja")]


def test_one_a_line_sentence_naming_two_members_is_still_no_ballot():
    lines = ["Kent Ahl (C)          Ja", "Siv Borg (S)          Nej",
             "bifall till Karin Dahls (M) yrkande mot Per Ek (S) röstar nej."]
    got = [(b.name, b.vote) for bl in line_ballots(lines, 0, {}) for b in bl.ballots]
    assert got == [("Kent Ahl", "ja"), ("Siv Borg", "nej")]


def test_table_cell_naming_the_substitute_and_the_member():
    lines = ["Namn\tJa\tNej\tAvstår", "Anna Ek (S)\tX\t\t", "Lisa Holm (S) ers. för Bo Ek (M)\t\tX\t",
             "Siv Ek (V)\t\t\tX", "Ola Ek (KD) ersätts av Per Ek (KD)\tX\t\t"]
    got = [(b.name, b.vote) for bl in find_all(lines, 0, {}) for b in bl.ballots]
    # the substitute named first casts the ballot; "ersätts av" names the one who votes last
    assert got == [("Anna Ek", "ja"), ("Lisa Holm", "nej"), ("Siv Ek", "avstår"), ("Per Ek", "ja")]
