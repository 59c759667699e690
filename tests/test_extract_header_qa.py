"""Header and diary-number shapes the testers found missing: a notice date after a bare
"Anslaget"/"Anslag:", a dotted year-serial ("Dnr 2022.0456") and the county board's
"551-4127-2023" after a label, and a letterhead whose municipality shares its line with
other cells or a page counter ("ÄLVKARLEBY KOMMUN   SAMMANTRÄDESPROTOKOLL   Sida 1 av 4")."""
from __future__ import annotations

import pytest

from corpus.models import RepairedPage
from extract import dnr, extract, header
from extract.text import split_lines
from normalize import patterns


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


def _lines(text: str):
    return split_lines([(1, text)])


ITEM = "\n§ 34    Strandskyddsdispens\n\nBeslut\nNämnden avslår ansökan.\n\n"
HEAD = "ÖRNSKÖLDSVIKS KOMMUN\nUtdrag ur sammanträdesprotokoll\nMiljö- och byggnadsnämnden\nSammanträdesdatum 2025-03-12\n"


# --- F: a bare "Anslaget" / "Anslag:" label --------------------------------------------------
@pytest.mark.parametrize("notice,want", [
    ("Justerat 2025-03-14\nAnslaget 2025-03-17\n", "2025-03-17"),
    ("Justerat 2025-03-14\nAnslag: 2025-03-17\n", "2025-03-17"),
    ("Justerat 2025-03-14\nANSLAGET  2025-03-17\n", "2025-03-17"),
    ("Anslaget den 17 mars 2025\n", "2025-03-17"),
    ("Justerat 2025-03-14        Anslaget 2025-03-17\n", "2025-03-17"),    # a flattened row
    ("Anslag: 2025-03-17 -- 2025-04-08\n", "2025-03-17"),
    # the longer labels keep working
    ("Anslaget uppsatt 2025-03-17\n", "2025-03-17"),
    ("Datum för anslag 2025-03-17\n", "2025-03-17"),
    # not a posting date
    ("Anslaget tas ned 2025-04-08\n", None),
    ("ANSLAG/BEVIS\nProtokollet är justerat 2025-03-14\n", None),
    ("Anslag\n2025-03-14 justerades protokollet\n", None),
    ("Frågan om anslaget 2025 till föreningen bereds vidare.\n", None),
])
def test_bare_anslag_label(notice, want):
    ex = _extract(HEAD + ITEM + notice)
    assert ex.anslag_date == want


def test_bare_anslag_label_gives_the_appeal_deadline():
    ex = _extract(HEAD + ITEM + "Justerat 2025-03-14\nAnslaget 2025-03-17\n")
    assert (ex.justering_date, ex.anslag_date, ex.appeal_deadline) == ("2025-03-14", "2025-03-17", "2025-04-07")


# --- A1: a dotted year-serial after a label --------------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Dnr 2022.0456", ["2022.0456"]),
    ("Dnr: 2022.0456", ["2022.0456"]),
    ("Dnr. 2022.0456", ["2022.0456"]),
    ("Diarienummer 2022.00456", ["2022.00456"]),
    ("Ärendenr 2022.456-214", ["2022.456-214"]),
    ("Diarienr 2019.123", ["2019.123"]),
    ("(Dnr 2022.0456)", ["2022.0456"]),
    # prefixed shapes unchanged
    ("Dnr KS 2022.0456", ["KS 2022.0456"]),
    ("Dnr KS.2022.0456", ["KS.2022.0456"]),
    # not diary numbers
    ("Dnr 2023.05.16", []),                        # a date in the number's place
    ("Dnr 2023.5", []),
    ("Dnr 1956.0456", []),                         # no year of a case
    ("budgeten 2022.0456 tkr enligt bilaga", []),  # unlabelled: never
    ("ökade under 2022.1234 nya ärenden", []),
])
def test_dotted_year_serial_after_a_label(text, want):
    assert [n for _, n in dnr.find(text)] == want


@pytest.mark.parametrize("heading", [
    "§ 89   Detaljplan\nDnr 2022.0456\n",
    "§ 89   Detaljplan     Dnr 2022.0456\n",
    "§ 89   Detaljplan\nDiarienummer 2022.0456\n",
])
def test_dotted_year_serial_is_the_items_number(heading):
    ex = _extract("LJUSDALS KOMMUN\nKommunstyrelsen\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2023-05-03\n\n"
                  + heading + "\nKommunstyrelsens beslut\natt anta.\n")
    assert [(i.paragraph, i.title, i.dnr) for i in ex.items] == [("89", "Detaljplan", ["2022.0456"])]
    assert ex.dnr == ["2022.0456"]


# --- A2: the county board's number after a label ---------------------------------------------
@pytest.mark.parametrize("text,want", [
    ("Dnr 551-4127-2023", ["551-4127-2023"]),
    ("Länsstyrelsens dnr: 526-12345-2019", ["526-12345-2019"]),
    ("Ärendenr: MHN 2023-000188, Länsstyrelsens dnr 551-4127-2023",
     ["MHN 2023-000188", "551-4127-2023"]),
    # unlabelled, or not a case: phone numbers, organisation numbers, dates, amounts
    ("Länsstyrelsen har ärendet 551-4127-2023 under handläggning.", []),
    ("Ring 0611-348 000 eller 070-123 45 67.", []),
    ("Dnr 0611-348000", []),
    ("Organisationsnummer 212000-2411", []),
    ("Dnr 212000-2411", []),
    ("Dnr 551-4127-1899", []),
    ("Kostnaden blev 551-4127 kronor 2023.", []),
])
def test_county_board_number_after_a_label(text, want):
    assert [n for _, n in dnr.find(text)] == want


def test_county_board_number_joins_the_items_numbers():
    ex = _extract("Härnösands kommun\nMiljö- och hälsoskyddsnämnden\nProtokoll 2023-09-14\n\n"
                  "§ 47 Yttrande över ansökan om tillstånd för täkt\n"
                  "Ärendenr: MHN 2023-000188, Länsstyrelsens dnr 551-4127-2023\n\n"
                  "Nämndens beslut\nNämnden lämnar yttrande enligt förvaltningens förslag.\n")
    assert [(i.title, i.dnr) for i in ex.items] == [
        ("Yttrande över ansökan om tillstånd för täkt", ["MHN 2023-000188", "551-4127-2023"])]


# --- B3: page counters and upper-case letterhead cells ---------------------------------------
@pytest.mark.parametrize("line,cut", [
    ("Kultur- och fritidsnämnden     Sida 1 av 4", "Kultur- och fritidsnämnden"),
    ("Kultur- och fritidsnämnden     Sida 1/4", "Kultur- och fritidsnämnden"),
    ("Kultur- och fritidsnämnden     Sida 1 (4)", "Kultur- och fritidsnämnden"),
    ("Socialförvaltningen\tSID 2 AV 12", "Socialförvaltningen"),
    ("ÄLVKARLEBY KOMMUN   SAMMANTRÄDESPROTOKOLL   Sida 1 av 4", "ÄLVKARLEBY KOMMUN   SAMMANTRÄDESPROTOKOLL"),
    # not a counter at the end of a header line
    ("se bilagan, sidan 4 av 12", None),
    ("se bilagan, sida 4 av 12", None),
    ("Sida 1 av 4", None),                       # a whole line is furniture of its own
])
def test_trailing_page_counter(line, cut):
    m = patterns.TRAILING_PAGE_COUNTER.search(line)
    got = line[:m.start()] if m and m.start() > 0 else None
    assert got == cut


@pytest.mark.parametrize("first,want", [
    ("ÄLVKARLEBY KOMMUN              SAMMANTRÄDESPROTOKOLL            Sida 1 av 4", "Älvkarleby kommun"),
    ("LJUSDALS KOMMUN              SAMMANTRÄDESPROTOKOLL            Sida 1 (4)", "Ljusdals kommun"),
    ("HÄRNÖSANDS KOMMUN        Sammanträdesdatum 2023-09-14", "Härnösands kommun"),
    ("Sammanträdesprotokoll        ÖSTRA GÖINGE KOMMUN", "Östra Göinge kommun"),   # a right-hand cell
    ("PROTOKOLL        KOMMUNSTYRELSEN", None),
    ("REGION GÄVLEBORG       Protokoll", "Region Gävleborg"),
    ("ÄLVKARLEBY KOMMUN", "Älvkarleby kommun"),
    ("Älvkarleby kommun      Sida 1 av 4", "Älvkarleby kommun"),
])
def test_municipality_in_an_upper_case_letterhead_cell(first, want):
    assert header.municipality_of(_lines(first + "\nKultur- och fritidsnämnden\n")) == want


@pytest.mark.parametrize("text,muni,body", [
    ("ÄLVKARLEBY KOMMUN              SAMMANTRÄDESPROTOKOLL            Sida 1 av 4\n"
     "Kultur- och fritidsnämnden     Sammanträdesdatum 2023.10.12\n",
     "Älvkarleby kommun", "Kultur- och fritidsnämnden"),
    ("Älvkarleby kommun\nKultur- och fritidsnämnden     Sida 1 av 4\nSammanträdesprotokoll\n"
     "Sammanträdesdatum 2023.10.12\n", "Älvkarleby kommun", "Kultur- och fritidsnämnden"),
    ("Härnösands kommun\nKULTUR- OCH FRITIDSNÄMNDEN     Sida 1 av 4\nSammanträdesdatum 2023-09-14\n",
     "Härnösands kommun", "Kultur- och fritidsnämnden"),
    ("HÄRNÖSANDS KOMMUN        Sammanträdesdatum 2023-09-14\nKultur- och fritidsnämnden\n",
     "Härnösands kommun", "Kultur- och fritidsnämnden"),
])
def test_letterhead_with_page_counter(text, muni, body):
    ex = _extract(text + "Plats och tid       Medborgarhuset, kl. 17.30\n\n§ 31\nInfo\n"
                  "Informationen läggs till handlingarna.\n")
    assert (ex.municipality, ex.body) == (muni, body)
