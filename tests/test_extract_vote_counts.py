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
    # no result of a vote here
    ("Förslaget fick 12 röster i förra omgången.", []),
    ("Motionen har stöd av fem ledamöter mot tidigare två.", []),
])
def test_roster_mot(text, want):
    assert [(v.yes, v.no, v.abstain) for v in votes_of(text)] == want
