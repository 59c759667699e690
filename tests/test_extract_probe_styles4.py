"""A fourth round of probe styles: known extraction bugs and conventions of minutes not covered by
the earlier rounds. Each case is a short excerpt in the shape some municipality prints it, and
beside it a near shape whose reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


# --- 1. a genitive proposer whose name ends in s ------------------------------------------------
def _proposals_of(yrkanden: str, header: str = "") -> list[tuple[str | None, str | None, str, str | None]]:
    text = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n" + header + "\n§ 62   Dnr KS 2024/145\n"
            "Detaljplan för Norrby 2:14\n\nYrkanden\n" + yrkanden + "\n\nBeslut\nKommunstyrelsen antar detaljplanen.\n")
    return [(p.name, p.party, p.type, p.supports) for p in _extract(text).items[0].proposals]


def test_a_name_ending_in_s_met_only_as_an_owner_keeps_its_s():
    # Swedish writes no genitive s after a name in s: "Lars Fors (M) yrkande" is Lars Fors'
    assert _proposals_of("Anna Berg (S) yrkar bifall till Lars Fors (M) yrkande.") == [
        ("Anna Berg", "S", "bifall", "Lars Fors")]
    assert _proposals_of("Anna Berg (S) instämmer i Lars Fors (M) yrkande.") == [
        ("Anna Berg", "S", "bifall", "Lars Fors")]
    assert _proposals_of("Anna Berg (S) yrkar bifall till Per Adams (V) tilläggsyrkande.") == [
        ("Anna Berg", "S", "tillagg", "Per Adams")]
    # the genitive marked after the party, as some secretaries write it
    assert _proposals_of("Anna Berg (S) yrkar bifall till Lars Fors (M):s yrkande.") == [
        ("Anna Berg", "S", "bifall", "Lars Fors")]


def test_a_proposer_named_with_yrkande_and_a_colon():
    # "Lars Fors (M):s yrkande: att …" lists the proposal under the member, the colon for the verb
    assert _proposals_of("Lars Fors (M):s yrkande: att ärendet återremitteras.") == [
        ("Lars Fors", "M", "aterremiss", None)]
    assert _proposals_of("Lars Fors (M) yrkande: bifall till förvaltningens förslag.") == [
        ("Lars Fors", "M", "bifall", None)]
    assert _proposals_of("Lars Fors (M) och Eva Holm (S):s yrkande – avslag på motionen.") == [
        ("Lars Fors", "M", "avslag", None), ("Eva Holm", "S", "avslag", None)]


def test_a_real_genitive_is_still_cut():
    # the bare name elsewhere in the file, with its party or in the attendance list without it
    assert _proposals_of("Anna Berg (S) yrkar bifall till Karin Holms (S) yrkande.\n"
                         "Karin Holm (S) yrkar avslag.") == [
        ("Anna Berg", "S", "bifall", "Karin Holm"), ("Karin Holm", "S", "avslag", None)]
    assert _proposals_of("Anna Berg (S) yrkar bifall till Omar Haddads (S) yrkande.",
                         header="\nBeslutande\nOmar Haddad, ordförande\nAnna Berg\n") == [
        ("Anna Berg", "S", "bifall", "Omar Haddad")]
    # seen nowhere bare, but a Swedish surname once the s is cut
    assert _proposals_of("Anna Berg (S) yrkar bifall till Lars Ströms (M) tilläggsyrkande.") == [
        ("Anna Berg", "S", "tillagg", "Lars Ström")]
    assert _proposals_of("Anna Berg (S) instämmer i Jonas Karlssons (M) yrkande.") == [
        ("Anna Berg", "S", "bifall", "Jonas Karlsson")]
    # a plain verb after a name in s is untouched
    assert _proposals_of("Lars Fors (M) yrkar avslag.\nLisa Ambros (V) yrkar bifall.") == [
        ("Lars Fors", "M", "avslag", None), ("Lisa Ambros", "V", "bifall", None)]
    # a sentence about the proposal, not one listing it, proposes nothing
    assert _proposals_of("Lars Fors (M) yrkande: ordföranden konstaterar att det finns ett förslag.") == []
