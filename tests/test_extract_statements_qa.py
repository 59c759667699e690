"""Bugs a tester found in the jäv and proposal extraction (/tmp/qa1, 2025 minutes from Ljungby,
Nyköping and Tranås): the substitute who serves in a jävig member's place is not jävig; a
propositionsordning in the passive ("Därefter ställs X:s yrkande under proposition …") is no
proposal; "Name, S, instämmer." joins the proposal just before it. Each case sits beside a near
shape whose reading must not change."""
from __future__ import annotations

import pytest

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_ITEM = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-10-14\n\n§ 201   Dnr KS 2024/412\n"
         "Detaljplan för Hällbergsudden\n\n{body}\n\nKommunstyrelsens beslut\nPlanen antas.\n")


def _item(body: str):
    return _extract(_ITEM.format(body=body)).items[0]


def _jav(body: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.party) for p in _item(body).jav]


def _proposals(body: str) -> list[tuple[str | None, str | None, str, str | None]]:
    return [(p.name, p.party, p.type, p.supports) for p in _item(body).proposals]


# --- D. the substitute serving in a jävig member's place -----------------------------------------
@pytest.mark.parametrize("after", [
    "Ersättaren Oskar Fält (M) tjänstgör i hennes ställe.",          # Ljungby socialnämnd 2025-04-09
    "Oskar Fält (M) ersätter henne.",
    "Oskar Fält (M) tjänstgör som ersättare.",
    "Tjänstgörande ersättaren Oskar Fält (M) träder in.",
    "Oskar Fält (M) går in i hennes ställe under ärendet.",
    "I hennes ställe tjänstgör ersättaren Oskar Fält (M).",
    "Som ersättare tjänstgör Oskar Fält (M).",
    "Oskar Fält (M) och Eva Lund (M) går in i deras ställe.",
    "Oskar Fält (M) ersätter Birgitta Kåhre (M).",
])
def test_a_substitute_under_a_jav_heading_is_not_javig(after):
    got = _jav("Jäv\nBirgitta Kåhre (M) anmäler jäv på grund av anställning hos en av anbudsgivarna "
               f"och lämnar lokalen under ärendets behandling. {after}")
    assert got == [("Birgitta Kåhre", "M")], after


def test_a_substitute_in_a_jav_sentence_is_not_javig():
    assert _jav("Birgitta Kåhre (M) anmäler jäv och ersätts av Oskar Fält (M).") == [("Birgitta Kåhre", "M")]
    assert _jav("Jäv\nBirgitta Kåhre, M, anmäler jäv. Ersättaren Oskar Fält, M, tjänstgör i hennes ställe.") == [
        ("Birgitta Kåhre", "M")]


def test_a_substitute_named_without_a_party_is_not_javig():
    assert _jav("Jäv\nAhmed Karimi anmäler jäv. Ersättaren Oskar Fält tjänstgör i hans ställe.") == [
        ("Ahmed Karimi", None)]


def test_jav_of_several_and_of_a_substitute_unchanged():
    assert _jav("Jäv\nBirgitta Kåhre (M) och Anna Ek (S) anmäler jäv.") == [
        ("Birgitta Kåhre", "M"), ("Anna Ek", "S")]
    assert _jav("Birgitta Kåhre (M) och Anna Ek (S) anmäler jäv och deltar inte i handläggningen.") == [
        ("Birgitta Kåhre", "M"), ("Anna Ek", "S")]
    # a serving substitute can be jävig herself
    assert _jav("Jäv\nErsättaren Oskar Fält (M) anmäler jäv.") == [("Oskar Fält", "M")]
    assert _jav("Jäv\nBirgitta Kåhre (M)") == [("Birgitta Kåhre", "M")]
    assert _jav("Jäv\nBirgitta Kåhre (M) tjänstgör inte under ärendet på grund av jäv.") == [
        ("Birgitta Kåhre", "M")]


# --- E. the order of putting proposals, in the passive ------------------------------------------
_YRKANDEN = ("Yrkanden\nUrban Sköld (S) yrkar bifall till samhällsbyggnadsnämndens förslag.\n"
             "Thomas Åkesson (M) yrkar bifall till Urban Skölds (S) yrkande med ett tillägg: att "
             "kommunstyrelsen ska följa upp trafiksituationen.\n\n")
_BEFORE = [("Urban Sköld", "S", "bifall", None), ("Thomas Åkesson", "M", "tillagg", "Urban Sköld")]


@pytest.mark.parametrize("heading", ["Propositionsordning och omröstning 2 (bifall eller avslag)",
                                     "Beslutsgång", "Propositionsordning"])
@pytest.mark.parametrize("sentence", [
    # Nyköping kommunstyrelse 2024-10-14
    "Därefter ställs Thomas Åkessons (M) tilläggsyrkande under proposition och kommunstyrelsen bifaller det.",
    "Därefter ställs Thomas Åkessons (M) yrkande under proposition och kommunstyrelsen bifaller det.",
    "Proposition ställs på Thomas Åkessons (M) tilläggsyrkande och kommunstyrelsen bifaller det.",
    "Thomas Åkessons (M) tilläggsyrkande ställs mot avslag och kommunstyrelsen bifaller tilläggsyrkandet.",
    "Urban Skölds (S) yrkande ställs mot avslag och kommunstyrelsen bifaller Urban Skölds yrkande.",
    "Ordföranden ställer Thomas Åkessons (M) tilläggsyrkande mot avslag. Kommunstyrelsen bifaller det.",
    "Thomas Åkessons (M) tilläggsyrkande ställdes under proposition och bifölls.",
])
def test_a_proposal_put_in_the_passive_is_no_proposal(heading, sentence):
    assert _proposals(f"{_YRKANDEN}{heading}\n{sentence}") == _BEFORE, (heading, sentence)


def test_proposals_naming_the_putting_of_proposals_unchanged():
    assert _proposals(_YRKANDEN + "Beslutsgång\nOrdföranden ställer proposition på Thomas Åkessons (M) "
                      "tilläggsyrkande och finner att kommunstyrelsen bifaller det.") == _BEFORE
    # "ställs" in a proposal of its own
    assert _proposals("Yrkanden\nLars Ström (M) yrkar att frågan ställs till kommunfullmäktige.") == [
        ("Lars Ström", "M", "eget", None)]
    assert _proposals("Yrkanden\nLars Ström (M) yrkar avslag på förslaget att ställa ut planen.") == [
        ("Lars Ström", "M", "avslag", None)]


# --- H. "instämmer" with no one named joins the proposal just before ----------------------------
@pytest.mark.parametrize("a,b", [("Ulrika Bergkvist, V,", "Sanna Fröberg, S,"),   # Tranås KS 2025-05-06
                                 ("Ulrika Bergkvist (V)", "Sanna Fröberg (S)")])
def test_a_bare_instammer_supports_the_proposal_before_it(a, b):
    assert _proposals(f"Yrkanden\n{a} yrkar bifall till medborgarförslaget. {b} instämmer.\n"
                      "Håkan Öberg, M, yrkar att medborgarförslaget avslås.") == [
        ("Ulrika Bergkvist", "V", "bifall", None), ("Sanna Fröberg", "S", "bifall", "Ulrika Bergkvist"),
        ("Håkan Öberg", "M", "avslag", None)]


def test_a_chain_of_bare_instammer_supports_the_first_proposer():
    assert _proposals("Yrkanden\nAnna Berg (S) yrkar återremiss.\nEva Ek (V) instämmer.\nBo Ek (MP) instämmer.") == [
        ("Anna Berg", "S", "aterremiss", None), ("Eva Ek", "V", "aterremiss", "Anna Berg"),
        ("Bo Ek", "MP", "aterremiss", "Anna Berg")]


def test_instammer_naming_whom_or_first_unchanged():
    assert _proposals("Yrkanden\nAnna Berg (S) yrkar bifall.\nLars Ström (M) yrkar avslag.\n"
                      "Eva Ek (V) instämmer i Anna Bergs (S) yrkande.") == [
        ("Anna Berg", "S", "bifall", None), ("Lars Ström", "M", "avslag", None),
        ("Eva Ek", "V", "bifall", "Anna Berg")]
    assert _proposals("Yrkanden\nEva Ek (V) instämmer.") == [("Eva Ek", "V", "bifall", None)]
