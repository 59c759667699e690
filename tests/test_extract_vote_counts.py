"""Vote results written without ja/nej: "beslutar med 31 röster mot 18" (the carrying side first),
and sentences with "röster" that are no vote result."""
from __future__ import annotations

import pytest

from extract.votes import votes_of


@pytest.mark.parametrize("text,want", [
    ("Omröstning begärs. Kommunfullmäktige beslutar med 31 röster mot 18 att bifalla kommunstyrelsens "
     "förslag. 2 ledamöter avstår.", [(31, 18, 2)]),
    ("Fullmäktige beslutar med trettioen röster mot arton att anta budgeten.", [(31, 18, None)]),
    # said with ja/nej: read as before, not twice
    ("Med 6 ja-röster mot 3 nej-röster beslutar nämnden.", [(6, 3, None)]),
    ("Omröstningen utfaller med 6 röster för ordförandens förslag och 4 röster för vice ordförandens förslag.",
     [(6, 4, None)]),
    # "N ledamöter som avstår": the abstentions are a count too
    ("Med 39 ja-röster för kommunstyrelsens förslag mot 22 nej-röster för Moderaternas förslag och "
     "4 ledamöter som avstår från att rösta har fullmäktige bifallit kommunstyrelsens förslag.",
     [(39, 22, 4)]),
    ("Med 7 ja-röster mot 5 nej-röster och en som avstod beslutar nämnden enligt förslaget.",
     [(7, 5, 1)]),
    # no result of a vote here
    ("Förslaget fick 12 röster i förra omgången.", []),
    ("Motionen har stöd av fem ledamöter mot tidigare två.", []),
])
def test_roster_mot(text, want):
    assert [(v.yes, v.no, v.abstain) for v in votes_of(text)] == want


@pytest.mark.parametrize("question,want", [
    ("Ja för förvaltningens förslag, Nej för Lars Öbergs yrkande.", "ja"),
    ("Ja för Lars Öbergs yrkande, Nej för förvaltningens förslag.", "nej"),
    ("JA = bifall till förvaltningens förslag NEJ = bifall till Lars Öbergs yrkande.", "ja"),
    ("Ja-röst för bifall till förvaltningens förslag, nej-röst för avslag.", "ja"),
])
def test_tie_goes_to_the_side_the_casting_vote_names(question, want):
    """Lika röstetal: the chair's utslagsröst decides, and the sentence names the side, not ja/nej."""
    text = (f"Omröstning begärs. Följande voteringsproposition godkänns: {question} "
            "Med 2 ja-röster mot 2 nej-röster, och ordförandens utslagsröst, beslutar nämnden "
            "enligt förvaltningens förslag.")
    [v] = votes_of(text)
    assert (v.yes, v.no, v.outcome) == (2, 2, want)


def test_result_stated_only_in_the_tables_sum_row():
    from extract.votes import votes_of
    text = ("Omröstning begärs. Ja för Per Larssons yrkande, nej för Ida Eks yrkande.\n\n"
            "Ledamöter\tJa\tNej\tAvstår\nPer Larsson (S)\tX\t\t\nIda Ek (M)\t\tX\t\nOmar Haddad (S)\tX\t\t\n"
            "Summa\t2\t1\t0\n")
    assert [(v.yes, v.no, v.abstain, v.outcome) for v in votes_of(text)] == [(2, 1, 0, "ja")]


def test_sum_row_that_does_not_fit_the_heads_gives_no_vote():
    from extract.votes import votes_of
    # four numbers under three vote heads (a Närv. column): not read
    text = ("Ledamöter\tNärv\tJa\tNej\tAvstår\nPer Larsson (S)\tX\tX\t\t\nSumma\t3\t2\t1\t0\n")
    assert votes_of(text) == []
    # a stated result still wins over the row
    text = ("Med 2 ja-röster mot 1 nej-röst bifalls förslaget.\nLedamöter\tJa\tNej\nSumma\t5\t4\n")
    assert [(v.yes, v.no) for v in votes_of(text)] == [(2, 1)]
