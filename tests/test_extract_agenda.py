"""Agendas (kallelse, föredragningslista, dagordning): typed `kallelse`, items with number, title
and diary numbers, nothing decided; and protocols that mention their kallelse stay protocols.
The texts are in tests/data/extract/agenda/ (see its README)."""
from __future__ import annotations

from pathlib import Path

import pytest

import extract
from benchmarks.extract_score import gold_documents, pages_of
from extract import extract as run

DATA = Path(__file__).resolve().parent / "data" / "extract" / "agenda"


def ex_of(name_or_text: str):
    path = DATA / name_or_text
    text = path.read_text(encoding="utf-8") if name_or_text.endswith(".txt") else name_or_text
    return run(pages_of(text))


def assert_nothing_decided(items):
    for it in items:
        assert it.decisions == [], (it.paragraph, [d.text for d in it.decisions])
        assert it.outcome is None
        assert it.proposals == [] and it.votes == [] and it.statements == [] and it.jav == []


AGENDAS = {
    "lex-kallelse-tabell.txt": dict(
        parts=["kallelse"], body="Kommunstyrelsen", meeting_date="2024-03-12",
        place="Kommunhuset, sammanträdesrum Ådalen",
        items=[("1", "Val av justerare och tid för justering", []),
               ("2", "Godkännande av föredragningslistan", []),
               ("3", "Årsredovisning 2023 för Sundsbergs kommun", ["KS 2024/0045"]),
               ("4", "Motion om gratis kollektivtrafik för pensionärer", ["KS 2023/0312"]),
               ("5", "Detaljplan för Norra hamnen, antagande", ["KS 2022/0188"]),
               ("6", "Redovisning av delegationsbeslut", ["KS 2024/0002"]),
               ("7", "Meddelanden", [])]),
    "dagordning-numrerad.txt": dict(
        parts=["kallelse"], body="Barn- och utbildningsnämnden", meeting_date="2023-10-18",
        place="Stadshuset, rum 201",
        items=[("1", "Mötets öppnande", []), ("2", "Val av justerare", []),
               ("3", "Godkännande av dagordning", []),
               ("4", "Budgetuppföljning september 2023", ["BUN 2023/145"]),
               ("5", "Skolplacering inför läsåret 2024/25", ["BUN 2023/201"]),
               ("6", "Revidering av nämndens delegationsordning", ["BUN 2023/088"]),
               ("7", "Information från förvaltningen", []), ("8", "Övriga frågor", []),
               ("9", "Mötets avslutande", [])]),
    "mbn-kallelse-bundle.txt": dict(
        parts=["kallelse", "tjansteutlatande"], body="Miljö- och byggnämnden",
        meeting_date="2024-05-15", place="Sessionssalen, Rådhuset",
        items=[("1", "Val av justerare", []),
               ("2", "Strandskyddsdispens för nybyggnad av brygga på fastigheten Vik 3:14",
                ["MBN 2024-000412"]),
               ("3", "Föreläggande om åtgärder vid enskilt avlopp, Ängen 1:7", ["MBN 2023-001150"]),
               ("4", "Delegationsbeslut", [])]),
    "arendelista-ks-paragrafer.txt": dict(
        parts=["kallelse"], body="Kommunfullmäktige", meeting_date="2025-02-24", place=None,
        items=[("1", "Upprop", []), ("2", "Val av justerare", []),
               ("3", "Tillkännagivande av tid och plats för justering", []),
               ("4", "Medborgarförslag om hundrastgård i Tallåsen", ["KS 2024/301"]),
               ("5", "Taxa för bygglov 2025", ["KS 2024/277"]),
               ("6", "Avsägelser och fyllnadsval", ["KS 2025/12"]),
               ("7", "Anmälan av nya motioner", [])]),
    "sn-kallelse-beslutsunderlag.txt": dict(
        parts=["kallelse"], body="Socialnämnden", meeting_date="2024-04-16",
        place="Socialkontoret, rum Linden",
        items=[("1", "Val av justerare", []), ("2", "Ekonomisk månadsrapport mars 2024", None),
               ("3", "Riktlinjer för färdtjänst", None), ("4", "Anmälan av delegationsbeslut", [])]),
}


@pytest.mark.parametrize("name", sorted(AGENDAS))
def test_agenda_facts(name):
    want = AGENDAS[name]
    ex = ex_of(name)
    assert ex.doc_type == "kallelse"
    assert [p.doc_type for p in ex.parts] == want["parts"]
    assert ex.body == want["body"]
    assert ex.meeting_date == want["meeting_date"] == ex.date
    assert ex.place == want["place"]
    assert ex.justering_date is None and ex.anslag_date is None and ex.appeal_deadline is None
    assert ex.attendance == []
    agenda = [it for it in ex.items if it.part == 0]
    assert [(it.paragraph, it.title) for it in agenda] == [(p, t) for p, t, _ in want["items"]]
    for it, (_, _, dnr) in zip(agenda, want["items"]):
        if dnr is not None:
            assert it.dnr == dnr, it.paragraph
    assert_nothing_decided(agenda)


def test_proposed_decision_of_an_agenda_stays_in_its_text():
    ex = ex_of("mbn-kallelse-bundle.txt")
    item = next(it for it in ex.items if it.part == 0 and it.paragraph == "2")
    assert "Förslag till beslut" in item.text and "bevilja strandskyddsdispens" in item.text
    assert item.decisions == [] and item.proposals == []


def test_agenda_bundle_keeps_the_tjansteutlatande_its_own():
    ex = ex_of("mbn-kallelse-bundle.txt")
    tj = [it for it in ex.items if it.part == 1]
    assert ex.parts[1].first_page == 2 and ex.parts[1].body == "Miljö- och byggnämnden"
    assert len(tj) == 1 and tj[0].dnr == ["MBN 2024-000412"]
    assert [d.text for d in tj[0].decisions] == ["bevilja strandskyddsdispens för brygga enligt ansökan,",
                                                 "avgiften tas ut med 9 800 kronor."]


def test_numbered_points_of_a_proposal_are_not_agenda_items():
    ex = ex_of("dagordning-numrerad.txt")
    six = next(it for it in ex.items if it.paragraph == "6")
    assert "1. Nämnden antar reviderad delegationsordning." in six.text
    assert len(ex.items) == 9


def test_papers_listed_under_an_item_are_not_a_document_of_their_own():
    ex = ex_of("sn-kallelse-beslutsunderlag.txt")
    assert len(ex.parts) == 1
    assert "Tjänsteutlåtande 2024-03-28" in ex.items[2].text


def test_ocr_agenda_with_dollar_for_paragraph_sign():
    ex = ex_of("FOREDRAGNINGSLISTA\nKommunstyrelsen\nTid: tisdagen den 5 mars 2024 kl. 9.00\n"
               "Forhinder anmals till kansliet.\n\n$ 12 Val av justerare\n"
               "$ 13 Budget 2025 Dnr KS 2024/0101\nForslag till beslut\n"
               "Kommunstyrelsen foreslar kommunfullmaktige besluta att anta budgeten.\n"
               "$ 14 Motion om cykelvagar Dnr KS 2023/0777\n")
    assert ex.doc_type == "kallelse" and ex.meeting_date == "2024-03-05"
    assert [(it.paragraph, it.dnr) for it in ex.items] == [
        ("12", []), ("13", ["KS 2024/0101"]), ("14", ["KS 2023/0777"])]
    assert_nothing_decided(ex.items)


def test_agenda_after_a_tjansteutlatande_is_a_part_of_its_own():
    text = ("TJÄNSTESKRIVELSE\nDatum: 2024-05-02\nDnr: KS 2024/0200\nTill: Kommunstyrelsen\n\n"
            "Ny renhållningstaxa\n\nFörslag till beslut\nKommunstyrelsen föreslår "
            "kommunfullmäktige att anta taxan.\n\nEva Lind\nEkonomichef\n\n"
            "KALLELSE\nKommunstyrelsen kallas till sammanträde tisdagen den 14 maj 2024 kl. 9.00.\n"
            "Förhinder anmäls till kansliet.\n\n§ 40 Val av justerare\n"
            "§ 41 Ny renhållningstaxa\nDnr KS 2024/0200\n")
    ex = ex_of(text)
    assert [p.doc_type for p in ex.parts] == ["tjansteutlatande", "kallelse"]
    assert ex.doc_type == "tjansteutlatande" and len(ex.items[0].decisions) == 1
    agenda = [it for it in ex.items if it.part == 1]
    assert [(it.paragraph, it.title, it.dnr) for it in agenda] == [
        ("40", "Val av justerare", []), ("41", "Ny renhållningstaxa", ["KS 2024/0200"])]
    assert_nothing_decided(agenda)
    assert ex.parts[1].date == "2024-05-14"


# --- protocols that talk about their kallelse stay protocols ------------------------------------

def test_protocol_that_approves_its_agenda_stays_a_protocol():
    ex = ex_of("protokoll-kallelse-har-skett.txt")
    assert ex.doc_type == "protokoll" and [p.doc_type for p in ex.parts] == ["protokoll"]
    assert ex.meeting_date == "2024-02-20" and ex.justering_date == "2024-02-23"
    assert [(it.paragraph, len(it.decisions)) for it in ex.items] == [("1", 1), ("2", 1), ("3", 1)]
    assert ex.items[0].decisions[0].text == "Föredragningslistan godkänns."
    assert [(p.name, p.party) for p in ex.items[2].proposals] == [("Sara Lund", "C")]


def test_extract_titled_dagordning_och_kallelse_stays_a_protocol_extract():
    ex = ex_of("utdrag-dagordning.txt")
    assert [p.doc_type for p in ex.parts] == ["protokollsutdrag"]
    assert [(it.paragraph, it.title) for it in ex.items] == [("3", "Dagordning och kallelse")]
    assert len(ex.items[0].decisions) == 1


@pytest.mark.parametrize("text", [
    # "Föredragningslistan godkänns" as a § of a protocol without its header page
    "§ 1\nGodkännande av föredragningslistan\n\nBeslut\nFöredragningslistan godkänns.\n\n"
    "§ 2\nDagordning\n\nBeslut\nDagordningen fastställs med tillägg av ett extra ärende.\n",
    # "Kallelse har skett" in a protocol's preamble, the item's decision in running text
    "Protokoll\nKultur- och fritidsnämnden\n2024-01-10\n\nKallelse har skett i behörig ordning.\n\n"
    "§ 1 Kallelse och dagordning\nNämnden beslutar att godkänna dagordningen.\n",
    # a protocol whose justering and signatures name the kallelse's words
    "Dagordning\n§ 4 Val av justerare\nUtses att justera: Per Ek (C)\n"
    "Föredragningslistan godkänns.\n\nJusterandes sign\n",
    # a protocol where a member is summoned to a hearing ("kallas till sammanträde" in a decision)
    "SAMMANTRÄDESPROTOKOLL\nSocialnämnden\n\n§ 9 Ärende om bistånd\n\nSocialnämndens beslut\n"
    "Den enskilde kallas till sammanträde med utskottet.\n",
])
def test_stays_a_protocol(text):
    ex = ex_of(text)
    assert ex.doc_type in ("protokoll", "protokollsutdrag")
    assert "kallelse" not in [p.doc_type for p in ex.parts]


def test_no_gold_document_is_taken_for_an_agenda():
    """The sample archive and the protocols of tests/data/extract/ (one has an Ärendelista) keep
    their types."""
    for text_path, _ in gold_documents():
        ex = run(pages_of(text_path.read_text(encoding="utf-8")))
        assert "kallelse" not in [p.doc_type for p in ex.parts], text_path.name


def test_version_is_bumped_for_agendas():
    assert extract.VERSION >= 2


def test_a_report_on_rules_for_summonses_is_no_agenda():
    text = ("Kommunstyrelsens förvaltning\nRevidering av reglemente för nämnderna\n\n"
            "Bakgrund\nReglementet styr hur nämnderna arbetar. Kallelse till sammanträde ska "
            "vara ledamöterna tillhanda senast sju dagar före sammanträdet.\n"
            "Förhinder anmäls till sekreteraren ska enligt förslaget ske senast dagen före.\n\n"
            "1. Ändringar i 12 §\n2. Ändringar i 14 §\n")
    assert run(pages_of(text)).doc_type != "kallelse"
