"""Decisions written as a sentence with a generic subject ("Nämnden beslutar …"), "beslutar i
enlighet med förvaltningens förslag" after a Beslutsförslag, and protocol headers that give the
meeting date only as "Datum" or "Sammanträdesdag"."""
from __future__ import annotations

import re

import pytest

from corpus.models import RepairedPage
from extract import extract, vocab
from extract.text import fold


def _extract(text: str):
    return extract([RepairedPage(number=1, text=text)])


@pytest.mark.parametrize("sentence,decision", [
    ("Nämnden beslutar att godkänna planen.", True),
    ("Styrelsen beslutar att anta taxan.", True),
    ("Utskottet beslutar att återremittera ärendet.", True),
    ("Nämnden beslutar i enlighet med förvaltningens förslag.", True),
    ("Kommunstyrelsen beslutar enligt arbetsutskottets förslag.", True),
    # the chair's finding and a vote's result report an outcome; they are not the decision's text
    ("Ordföranden finner att nämnden beslutar enligt förvaltningens förslag.", False),
    ("Med 5 ja-röster mot 3 nej-röster beslutar nämnden enligt förvaltningens förslag.", False),
    ("Per Ek (S) yrkar att nämnden beslutar enligt hans förslag.", False),
    ("Nämnden beslutar enligt följande.", False),          # a lead line, the points follow
])
def test_decision_sentences(sentence, decision):
    assert bool(re.match(vocab.DECISION_SENTENCE_RE, fold(sentence))) is decision


BUN = """Barn- och utbildningsnämnden
Sammanträdesdag 2020-10-14

§ 70   Skolval 2021       BUN 2020/233

Beslutsförslag
Förvaltningen föreslår att nämnden godkänner skolvalsprocessen.

Nämnden beslutar i enlighet med förvaltningens förslag.
"""


def test_decision_by_reference_after_a_beslutsforslag():
    ex = _extract(BUN)
    assert ex.meeting_date == "2020-10-14"
    assert ex.doc_type.startswith("protokoll")        # § headings and Sammanträdesdag: no tjänsteutlåtande
    item = ex.items[0]
    assert [d.text for d in item.decisions] == ["Nämnden beslutar i enlighet med förvaltningens förslag."]
    assert item.outcome == "bifall"


def test_proposal_text_under_forslag_is_not_the_decision():
    text = ("Tekniska nämnden\nSammanträdesprotokoll 2023-04-18\n\n§ 45 Taxa\n\n"
            "Förvaltningens förslag till beslut\nTekniska nämnden beslutar att anta taxan.\n\n"
            "Tekniska nämndens beslut\nTekniska nämnden beslutar att anta taxan med ändringen att "
            "den gäller från 1 juli.\n")
    item = _extract(text).items[0]
    assert [d.text for d in item.decisions] == [
        "Tekniska nämnden beslutar att anta taxan med ändringen att den gäller från 1 juli."]


@pytest.mark.parametrize("header,want", [
    ("Protokoll\nValnämnden\nDatum 2022-08-30\nJusterare Per Holm (S)\n", "2022-08-30"),
    ("Protokoll\nValnämnden\nDatum:\n2022-08-30\n", "2022-08-30"),
    # the posting of the notice and a justering are other dates
    ("Protokoll\nValnämnden\nDatum då anslaget sätts upp 2022-09-05\n", None),
    ("Protokoll\nValnämnden\nJusterat 2022-09-02\n", None),
])
def test_bare_datum_label_in_a_protocol(header, want):
    ex = _extract(header + "\n§ 12 Rösträkning\n\nValnämndens beslut\nValnämnden fastställer rutinen.\n")
    assert ex.meeting_date == want


def test_datum_of_an_agenda_is_not_its_meeting_date():
    text = ("KALLELSE\nValnämnden\nDatum 2022-08-20\n\nLedamöterna kallas till sammanträde "
            "tisdagen den 30 augusti 2022 kl. 18.00 i Stadshuset.\n\n1. Val av justerare\n2. Rösträkning\n")
    ex = _extract(text)
    assert ex.doc_type == "kallelse" and ex.meeting_date == "2022-08-30"
