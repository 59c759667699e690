"""Issue 7: properties of extraction on arbitrary and on protocol-shaped text: it never raises,
and every vote's ballots either add up to its stated counts or say that they do not."""
from __future__ import annotations

from collections import Counter

from hypothesis import given, settings, strategies as st

import extract
from corpus.models import RepairedPage

LINES = st.sampled_from([
    "§ 12", "SN § 3:11", "§§ 84–86", "Dnr KS 2014/0159", "Dnr. SN 2014/0033-753 (1)",
    "Kommunstyrelsens beslut", "Beslut", "att godkänna förslaget", "1. Nämnden godkänner.",
    "Yrkanden", "Anna Berg (S) yrkar bifall till förvaltningens förslag.",
    "Omar Haddad (M) yrkar avslag.", "Votering begärs och genomförs.",
    "Med 5 ja-röster mot 3 nej-röster beslutar nämnden enligt förslaget.",
    "sju ja-röster, två nej-röster och en ledamot avstår",
    "Omröstningsbilaga", "Ledamöter\tJa\tNej\tAvstår", "Anna Berg (S)\tX\t\t",
    "Omar Haddad (M)\t\tX\t", "Lena Ek (V)\t\t\tX", "Reservation",
    "Lena Ek (V) reserverar sig mot beslutet.", "Särskilt yttrande", "Protokollsanteckning",
    "Justerat 2012-03-29", "den 3 mars 2021", "Tjänsteutlåtande", "Till Socialnämnden",
    "Utdrag ur protokoll", "Voteringslista", "", "Forts. nästa sida", "$ 7 Budget",
])
PROTOCOL = st.lists(LINES, min_size=1, max_size=40).map("\n".join)
PAGES = st.lists(st.one_of(PROTOCOL, st.text(max_size=300)), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_extract_never_raises_and_ballots_agree_or_are_flagged(texts):
    ex = extract.extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(texts)])
    for item in ex.items:
        for vote in item.votes:
            if not vote.ballots:
                assert vote.counts_agree is None
                continue
            tally = Counter(b.vote for b in vote.ballots)
            agree = (tally["ja"], tally["nej"], tally["avstår"]) == (
                vote.yes or 0, vote.no or 0, vote.abstain or 0)
            assert vote.counts_agree is agree
            assert {b.vote for b in vote.ballots} <= {"ja", "nej", "avstår"}
