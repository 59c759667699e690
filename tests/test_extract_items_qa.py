"""Items, decisions and parts at the edges of an item, as testers found them in real minutes:
a decision written without a heading and followed by a sub-heading ("Beslutet skickas till",
"Protokollsanteckning"), and the closing block after the last item (the signatures with their
roles, "Vid protokollet", "Justerat den …", the ANSLAG/BEVIS box), which belongs to no item and
starts no document. Each case is a short excerpt in the shape some municipality prints it, and
beside it a near shape whose reading must not change."""
from __future__ import annotations

import pytest

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_HEAD = "Härnösands kommun\nMiljönämnden\nProtokoll 2023-09-14\n\n"


def _items(body: str):
    return _extract(_HEAD + body).items


# --- C4. a decision without a heading, then a sub-heading ----------------------------------------
@pytest.mark.parametrize("decision, outcome", [
    ("Nämnden antar taxan.", "bifall"),
    ("Taxan antas.", "bifall"),
    ("Anmälningarna läggs till handlingarna.", "noterad"),
])
@pytest.mark.parametrize("after", [
    "Beslutet skickas till\nEkonomikontoret",
    "Expedieras till\nSamtliga nämnder\nEkonomikontoret",
    "Beslutet skickas till: Ekonomikontoret",
    "Protokollsanteckning\nMikael Öhrn (SD) antecknar till protokollet att han är emot.",
    "Reservation\nMikael Öhrn (SD) reserverar sig mot beslutet.",
])
def test_a_decision_without_heading_before_a_sub_heading(decision, outcome, after):
    sep = "\n" if after.startswith("Beslutet skickas till:") else "\n\n"
    items = _items(f"§ 47 Taxa\n{decision}{sep}{after}\n\n§ 48 Delegeringsbeslut\nInget.\n")
    assert [d.text for d in items[0].decisions] == [decision]
    assert items[0].outcome == outcome


def test_a_description_under_its_own_heading_is_still_no_decision():
    # the text under "Ärendebeskrivning" describes the case; nothing was decided in it
    items = _items("§ 47 Taxa\nÄrendebeskrivning\nFörvaltningen har tagit fram en ny taxa.\n\n"
                   "Beslutet skickas till\nEkonomikontoret\n\n§ 48 Delegeringsbeslut\nInget.\n")
    assert items[0].decisions == []


# --- C5. the closing block after the last item -----------------------------------------------------
_SIGNED = "\n\nLars-Göran Wiklund, sekreterare\n\nBritt-Marie Näslund, ordförande        Tomas Eriksson, justerare\n"
_ANSLAG = ("\nANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.\n"
           "Organ                      Miljö- och hälsoskyddsnämnden\n"
           "Datum då anslaget sätts upp   2023-09-20\nDatum då anslaget tas ned     2023-10-12\n"
           "Förvaringsplats för protokollet   Miljökontoret, Härnösand\n")
_LAST = "§ 48 Delegeringsbeslut\nNämnden lägger redovisningen till handlingarna.\n"


@pytest.mark.parametrize("closing", [
    _SIGNED,
    _SIGNED + _ANSLAG,
    _ANSLAG,
    "\nExpedieras till\nSamtliga nämnder\n\nAnslaget sätts upp: 2022-12-06\nSista dag för överklagande: 2022-12-27\n",
    "\nJusterat den 13 juni 2023\n\nUtdragsbestyrkande\nSofie Lövgren, nämndsekreterare\n",
    "\nJusterat 2025-03-14\nAnslaget 2025-03-17\n",
    "\nVid protokollet\n\nLinnéa Ström, sekreterare\n\nÅsa Sjöström, ordförande          Märta Lindqvist, justerare\n",
    "\nVid protokollet\nLinnéa Ström\n\nÅsa Sjöström          Märta Lindqvist\nOrdförande            Justerare\n",
    "\nJusteras\n\nÅsa Sjöström          Märta Lindqvist\n",
    # OCR: a letter or two wrong in the roles
    "\n\nLars-Göran Wiklund, sekreterere\n\nBritt-Marie Näslund, ordfòrande        Tomas Eriksson, juslerare\n",
])
def test_the_closing_block_ends_the_last_item(closing):
    ex = _extract(_HEAD + _LAST + closing)
    assert len(ex.parts) == 1 and len(ex.items) == 1
    item = ex.items[0]
    assert [d.text for d in item.decisions] == ["Nämnden lägger redovisningen till handlingarna."]
    assert item.outcome == "noterad"
    # the item's text, which the index searches, keeps the block: a secretary's or a
    # justerare's name finds the protocol (none of it is a decision, see above)
    assert item.text.rstrip().endswith(closing.strip().splitlines()[-1].strip())


def test_a_statement_ends_at_the_closing_block():
    ex = _extract(_HEAD + "§ 48 Taxa\nNämndens beslut\nNämnden antar taxan.\n\nReservation\n"
                  "Anneli Sjögren (KD) reserverar sig till förmån för eget yrkande.\n\n"
                  "Justerat den 13 juni 2023\n\nUtdragsbestyrkande\nSofie Lövgren, nämndsekreterare\n")
    item = ex.items[0]
    assert [s.kind for s in item.statements] == ["reservation"]
    assert "Justerat" not in item.statements[0].text and "Lövgren" not in item.statements[0].text
    assert all("Lövgren" not in d.text for d in item.decisions)


def test_a_protocollsanteckning_ends_at_the_justering_line():
    ex = _extract(_HEAD + "§ 48 Taxa\nNämndens beslut\nNämnden antar taxan.\n\nProtokollsanteckning\n"
                  "Lena Söderlund (V) antecknar till protokollet att hon avstod.\n\n"
                  "Justerat 2025-03-14\nAnslaget 2025-03-17\n")
    note = ex.items[0].statements[0]
    assert "Justerat" not in note.text and "Anslaget" not in note.text


def test_page_furniture_inside_an_item_does_not_end_it():
    # "Justerandes signatur / Utdragsbestyrkande" at a page foot, the item going on after it
    ex = _extract(_HEAD + "§ 48 Taxa\nÄrendebeskrivning\nFörvaltningen har tagit fram en ny taxa.\n\n"
                  "Justerandes signatur      Utdragsbestyrkande\n\f"
                  "Miljönämnden\nNämndens beslut\nNämnden antar taxan.\n\nReservation\n"
                  "Mikael Öhrn (SD) reserverar sig mot beslutet.\n")
    item = ex.items[0]
    assert [d.text for d in item.decisions] == ["Nämnden antar taxan."]
    assert [s.kind for s in item.statements] == ["reservation"]


def test_a_decision_that_names_a_role_is_kept():
    # a sentence about a secretary or a chair is a decision, not a signature
    ex = _extract(_HEAD + "§ 48 Val av sekreterare\nNämndens beslut\n"
                  "Nämnden utser Anna Berg, nämndsekreterare, till sekreterare.\n" + _SIGNED)
    assert [d.text for d in ex.items[0].decisions] == ["Nämnden utser Anna Berg, nämndsekreterare, till sekreterare."]


# --- D6. "Vid protokollet" and the signatures start no document -----------------------------------
_LJUSDAL = ("LJUSDALS KOMMUN\nKommunstyrelsen\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2023-05-03\n\n"
            "§ 90 Motion\nKommunstyrelsens beslut\n- Motionen anses besvarad.\n\n{mid}"
            "Vid protokollet\n\n{signatures}\n")


@pytest.mark.parametrize("mid", ["", "Reservation\nKjell Bäckman (V) reserverar sig mot beslutet.\n\n"])
@pytest.mark.parametrize("signatures", [
    "Linnéa Ström, sekreterare\n\nÅsa Sjöström, ordförande          Märta Lindqvist, justerare",
    "Linnéa Ström\nSekreterare\n\nÅsa Sjöström                      Märta Lindqvist\n"
    "Ordförande                        Justerare",
    "Linnéa Ström, sekreterare\n\nÅsa Sjöström (S), ordförande      Märta Lindqvist (C), justerande",
    "Linnéa Ström, sekreterare\n\nÅsa Sjöström, ordfòrande          Märta Lindqvisl, juslerare",
])
def test_signatures_after_vid_protokollet_are_no_document(mid, signatures):
    ex = _extract(_LJUSDAL.format(mid=mid, signatures=signatures))
    assert [p.doc_type for p in ex.parts] == ["protokoll"]
    assert [i.paragraph for i in ex.items] == ["90"]
    item = ex.items[0]
    assert all("Sjöström" not in x.text for x in item.decisions + item.statements)


def test_a_document_after_the_signatures_is_still_a_part():
    ex = _extract(_LJUSDAL.format(mid="", signatures="Linnéa Ström, sekreterare\n\n"
                                  "Åsa Sjöström, ordförande          Märta Lindqvist, justerare")
                  + "\nTJÄNSTESKRIVELSE\nDatum: 2023-04-01\nDnr: KS/2020:312\nTill: Kommunstyrelsen\n\n"
                    "Motion om laddstolpar\n\nFörslag till beslut\nMotionen anses besvarad.\n")
    assert [p.doc_type for p in ex.parts] == ["protokoll", "tjansteutlatande"]


# --- OCR: "§ 57" alone on its line read as "857" in an extract of one item ---------------------
_ONE_ITEM = ("LJUNGBY KOMMUN   PROTOKOLL\nSocialnämnden   Sammanträdesdatum\n2025-04-09\n\n{head}\n\n"
             "Upphandling av boendestöd enligt LSS\nDnr SN 2025/0142\n\nBeslut\n"
             "Socialnämnden tilldelar kontraktet till Omsorgsgruppen Syd AB.\n")


@pytest.mark.parametrize("head", ["857", "S57", "8 57"])
def test_a_lone_fused_sign_heads_the_only_item(head):
    ex = _extract(_ONE_ITEM.format(head=head))
    assert [(i.paragraph, i.title) for i in ex.items] == [("57", "Upphandling av boendestöd enligt LSS")]
    assert ex.items[0].dnr == ["SN 2025/0142"]


def test_a_lone_number_without_an_items_head_is_no_heading():
    # an amount or a page number on its own line: no title with a diary number under it
    ex = _extract(_HEAD + "Kostnaden beräknas till\n\n850\n\nkronor per elev och år enligt bilaga.\n")
    assert all(i.paragraph != "50" for i in ex.items)


def test_two_signatures_whose_column_gap_ocr_lost_close_the_item():
    # OCR read the gap between the two signatures as one space
    ex = _extract(_HEAD + _LAST + "\n\nLars-Göran Wiklund, sekreterare\n"
                  "Britt-Marie Näslund, ordförande Tomas Eriksson, justerare\n")
    assert [d.text for d in ex.items[0].decisions] == ["Nämnden lägger redovisningen till handlingarna."]


def test_a_blank_line_under_the_proposal_heading_keeps_its_att_clauses_proposals():
    # OCR leaves a blank line under "Förvaltningens förslag till beslut": the lead and its
    # att-clauses are still the administration's proposal, not the decision
    body = ("BUN § 23 Dnr BUN 2024/1187\nSkolorganisation i Kågedalen\n\n"
            "Förvaltningens förslag till beslut\n\nBarn- och utbildningsnämnden beslutar\n\n"
            "att Kusmarks skola avvecklas,\natt eleverna erbjuds plats vid Kågeskolan.\n\n"
            "Beslut\nBarn- och utbildningsnämnden beslutar enligt förvaltningens förslag.\n")
    [item] = _extract("Skellefteå kommun\nProtokoll\nBarn- och utbildningsnämnden\n"
                      "Sammanträdesdatum: 18 februari 2025\n\n" + body).items
    assert [d.text for d in item.decisions] == [
        "Barn- och utbildningsnämnden beslutar enligt förvaltningens förslag."]
