"""Who stands behind a proposal or a statement, written in the less common ways: "Maria Falk, S"
without brackets, a reservation made "för M-gruppen och …", a yrkande put forward ("framför ett
ändringsyrkande") or joined ("ställer sig bakom …"), and a statement whose opening sentence
wraps onto a line that looks like a heading."""
from __future__ import annotations

import pytest

from extract import persons
from extract.proposals import _from_sentence
from extract.sections import Section, split_sections
from extract.statements import statements_of
from extract.text import Line


@pytest.mark.parametrize("text,want", [
    ("Ersättaren Sanna Pihl, V, lämnar ett särskilt yttrande.", [("Sanna Pihl", "V")]),
    ("Närvarande ersättare: Sanna Pihl, V, och Oskar Brandt, M.", [("Sanna Pihl", "V"), ("Oskar Brandt", "M")]),
    ("Maria Falk, S, ordförande", [("Maria Falk", "S")]),
    ("Maria Falk, S yrkar bifall till förslaget.", [("Maria Falk", "S")]),
    ("Karin Dahl (M), vice ordförande, Fatima Said, S", [("Karin Dahl", "M"), ("Fatima Said", "S")]),
    # not a person with a party
    ("Sessionssalen, Stadshuset, Bergsjö.", []),
    ("Jenny Wallin, miljö- och byggchef", []),
    ("Lindqvist, V, och Berg, S", []),                   # one word is no full name
    ("Anna Berg, Samhällsbyggnad", []),
    ("Bilaga 2, C", []),
    ("Enligt Plan- och bygglagen, M och S i samverkan", []),
])
def test_comma_party_mentions(text, want):
    assert [(m.name, m.party) for m in persons.mentions(text)] == want


def _statements(kind: str, lines: list[str]):
    # the order of the parties says nothing: compare them as a set
    return [(s.kind, s.names, set(s.parties)) for s in statements_of([Section(kind, kind, lines)], {})]


@pytest.mark.parametrize("kind,line,want", [
    ("reservation", "Karin Dahl (M) lämnar en skriftlig reservation för M-gruppen och Agneta Lund (KD), bilaga 2.",
     [("reservation", ["Karin Dahl", "Agneta Lund"], {"M", "KD"})]),
    ("reservation", "Per Ek (S) reserverar sig för (S)-gruppen mot beslutet.",
     [("reservation", ["Per Ek"], {"S"})]),
    # whose proposal the reservation supports is not among its authors
    ("reservation", "Ulla Mäkelä (V) reserverar sig till förmån för Per Eks (S) yrkande.",
     [("reservation", ["Ulla Mäkelä"], {"V"})]),
    ("reservation", "Ulla Mäkelä (V) reserverar sig mot beslutet för att Eva Al (S) inte fick ordet.",
     [("reservation", ["Ulla Mäkelä"], {"V"})]),
    ("sarskilt_yttrande", "Ersättaren Sanna Pihl, V, lämnar ett särskilt yttrande: Vänsterpartiet vill mer.",
     [("sarskilt_yttrande", ["Sanna Pihl"], {"V"})]),
    ("reservation", "S-gruppen och Hanna Ali (V) reserverar sig skriftligt mot beslutet, bilaga 3.",
     [("reservation", ["Hanna Ali"], {"S", "V"})]),
])
def test_statement_authors(kind, line, want):
    assert _statements(kind, [line]) == want


def test_wrapped_statement_opening_is_not_a_new_heading():
    """A PDF breaks "… lämnar för sina partiers räkning följande / särskilda uttalande: …": the
    second line is the sentence going on, not a heading of its own."""
    text = ["Särskilt uttalande",
            "Margareta Frid (S) och Britt Olsson (V) lämnar för sina partiers räkning följande",
            "särskilda uttalande: Heltid som norm är en fråga om jämställdhet.",
            "",
            "Reservation",
            "Jonas Ek (M) reserverar sig mot beslutet."]
    lines = [Line(i, 1, t) for i, t in enumerate(text)]
    sections = split_sections(lines, 0, len(lines), True)
    assert [s.kind for s in sections] == ["sarskilt_uttalande", "reservation"]
    got = [(s.kind, s.names, s.parties) for s in statements_of(sections, {})]
    assert got == [("sarskilt_uttalande", ["Margareta Frid", "Britt Olsson"], ["S", "V"]),
                   ("reservation", ["Jonas Ek"], ["M"])]


def test_heading_after_a_finished_sentence_still_starts_a_section():
    text = ["Nämnden godkänner förslaget.", "Reservation", "Jonas Ek (M) reserverar sig."]
    lines = [Line(i, 1, t) for i, t in enumerate(text)]
    assert [s.kind for s in split_sections(lines, 0, len(lines), True)] == ["preamble", "reservation"]


@pytest.mark.parametrize("sentence,want", [
    ("Peter Sjöberg (S) framför ett ändringsyrkande om att avgiften ska sättas ned.",
     [("Peter Sjöberg", "S", "andring", None)]),
    ("Lena Ek (C) lägger ett tilläggsyrkande om att planen ska följas upp.",
     [("Lena Ek", "C", "tillagg", None)]),
    ("Hanna Ali (V) ställer sig bakom Peter Sjöbergs (S) ändringsyrkande.",
     [("Hanna Ali", "V", "andring", "Peter Sjöberg")]),
    ("Ola Berg (KD) ansluter sig till Lena Eks (C) yrkande.", [("Ola Berg", "KD", "bifall", "Lena Ek")]),
    # a member of the meeting in the genitive, without a party after the name
    ("Hanna Ali (V) instämmer i Peter Sjöbergs yrkande.", [("Hanna Ali", "V", "bifall", "Peter Sjöberg")]),
    ("Ola Berg (KD) yrkar bifall till Lena Eks yrkande.", [("Ola Berg", "KD", "bifall", "Lena Ek")]),
    ("Ola Berg (KD) yrkar bifall till förvaltningens förslag.", [("Ola Berg", "KD", "bifall", None)]),
    # not proposals
    ("Kenneth Ek (SD) lämnar ett särskilt yttrande.", []),
    ("Ordföranden ställer Peter Sjöbergs (S) ändringsyrkande mot förvaltningens förslag och finner att nämnden bifaller förvaltningens förslag.", []),
    ("Miljö- och byggchefen Jenny Wallin (tjänsteman) framför synpunkter på förslaget.", []),
])
def test_proposals_put_forward_or_joined(sentence, want):
    got = _from_sentence(sentence, {"Peter Sjöberg": "S", "Lena Ek": "C"}, strict=True)
    assert [(p.name, p.party, p.type, p.supports) for p in got] == want


@pytest.mark.parametrize("text,want", [
    ("S-ledamöterna reserverar sig mot beslutet.", {"S"}),
    ("S- och V-gruppen reserverar sig mot beslutet.", {"S", "V"}),
    ("M-, C-, L- och KD-ledamöterna reserverar sig.", {"M", "C", "L", "KD"}),
    ("Ledamöterna från S, V och MP reserverar sig mot beslutet.", {"S", "V", "MP"}),
    ("Alliansen reserverar sig mot beslutet.", {"M", "C", "L", "KD"}),
    ("Ledamöterna i (M)-gruppen reserverar sig.", {"M"}),
    # not groups: a body's abbreviation, a word that only starts like one, a plain mention of a meeting
    ("KS-ledamöterna fick informationen.", set()),
    ("Ledamöterna fick information om Alliansfritt samarbete.", set()),
    ("Ledamöterna från kommunstyrelsen deltog.", set()),
])
def test_party_groups_without_persons(text, want):
    assert {p for _, p in persons.groups(text)} == want


@pytest.mark.parametrize("line,want", [
    ("Eva Ek (V) anmäler reservation mot beslutet.", [("reservation", ["Eva Ek"], {"V"})]),
    ("Per Al (S) lämnar en skriftlig reservation, bilaga 4.", [("reservation", ["Per Al"], {"S"})]),
    ("S-ledamöterna reserverar sig mot beslutet.", [("reservation", [], {"S"})]),
    # history of the case, not a statement made here
    ("Nämnden har tidigare behandlat en reservation från 2019.", []),
])
def test_statements_in_running_text(line, want):
    assert _statements("preamble", [line]) == want
