"""The Swedish protocol vocabulary, table-driven with real sentences: what must match next to
what must not."""
from __future__ import annotations

import pytest

from extract import dnr, persons
from extract.dates import find_dates, first_date
from extract.header import bodies_in, canonical_body
from extract.nlp import number_value
from extract.text import fold, section_kind


@pytest.mark.parametrize("line,kind", [
    ("Socialnämndens beslut", "beslut"),
    ("Kommunstyrelsens beslut", "beslut"),
    ("Barn- och utbildningsnämndens beslut", "beslut"),
    ("Beslut", "beslut"),
    ("Socialnimndens beslut", "beslut"),               # OCR
    ("Förslag till beslut", "forslag"),
    ("Förvaltningens förslag till beslut", "forslag"),
    ("Forvaltningens foislag till beslut.", "forslag"),  # OCR
    ("Beslutsförslag", "forslag"),
    ("Yrkanden", "yrkanden"),
    ("Propositionsordning", "beslutsgang"),
    ("Beslutsgång", "beslutsgang"),
    ("Beslutsging :", "beslutsgang"),                   # OCR
    ("Omröstning", "votering"),
    ("Reservation", "reservation"),
    ("Särskilt yttrande", "sarskilt_yttrande"),
    ("Sirskilt uttalande", "sarskilt_uttalande"),        # OCR
    ("Protokollsanteckning", "protokollsanteckning"),
    ("Jäv", "jav"),
    ("Beslutet skickas till", "expediering"),
    ("Vid protokollet", "slut"),
    # must not be headings
    ("Socialnämnden godkänner rapporten.", None),
    ("Ordföranden ställer proposition på förslaget och finner att nämnden beslutar enligt det.", None),
    ("Helena Jungenstam (M) yrkar bifall.", None),
    ("1. Ge Socialnämnden i uppdrag att inrätta sociala insatsgrupper.", None),
    ("Inrättande av sociala insatsgrupper", None),
])
def test_section_headings(line, kind):
    assert section_kind(line) == kind


@pytest.mark.parametrize("text,want", [
    ("Dnr KS 2014/0159", ["KS 2014/0159"]),
    ("Dnr. SN 2014/0033-753", ["SN 2014/0033-753"]),
    ("Dnr 2014/0033-753 (1)", ["2014/0033-753"]),
    ("Dnr 3.2-0100/2012", ["3.2-0100/2012"]),
    ("(Tjinsteutlitande, dnr 3.2- 0073/2011)", ["3.2-0073/2011"]),     # OCR split
    ("dnr 3.2-0073/201 1): Den", ["3.2-0073/2011"]),                  # OCR split year
    ("Dnr KS 2O14/Ol59", ["KS 2014/0159"]),                            # O/0 and l/1
    ("Avdelningen for stadsévergripande Dnr 3.1.1-690/2019", ["3.1.1-690/2019"]),
    ("dnr BUN 2021/57", ["BUN 2021/57"]),
    ("Dnr 2020-1234", ["2020-1234"]),
    ("Diarienummer: KS/2019:123", ["KS/2019:123"]),
    ("Vår beteckning BoM 2026-000508", ["BoM 2026-000508"]),
    ("§ 27 Dnr KS 2017/301 Årsredovisning", ["KS 2017/301"]),
    ("Årsredovisning 2016 (KS 2017/301)", ["KS 2017/301"]),
    ("Dur KS 2022/0101", ["KS 2022/0101"]),                             # OCR of "Dnr"
    # must not be diary numbers
    ("(SOU 2010:15) presenterades", []),
    ("enligt 9 kap. 30 § plan- och bygglagen (2010:900)", []),
    ("behandlat ärendet 2014-03-20, § 3:11", []),
    ("Budget 2020 och plan för 2021–2022", []),
    ("kl. 13.00–15.30", []),
])
def test_diary_numbers(text, want):
    assert [n for _, n in dnr.find(text)] == want


def test_diary_numbers_fold_prefixless_duplicates():
    assert dnr.unique(["SN 2014/0033-753", "2014/0033-753", "KS 2014/0159"]) == \
        ["SN 2014/0033-753", "KS 2014/0159"]


@pytest.mark.parametrize("text,want", [
    ("Sammanträdesdatum 2023-05-16", "2023-05-16"),
    ("Tisdagen den 16 maj 2023 kl. 13.00–15.40", "2023-05-16"),
    ("den 3 mars 2021", "2021-03-03"),
    ("2023.05.16", "2023-05-16"),
    ("16/5 2023", "2023-05-16"),
    ("den 1 sept. 2020", "2020-09-01"),
    ("Stadshuset den 10 mars 2022", "2022-03-10"),
    # not dates
    ("Dnr 2020-1234", None),
    ("KS 2014/0159", None),
    ("31 februari 2021", None),
])
def test_dates(text, want):
    assert first_date(text) == want


def test_dates_in_order():
    assert [d for _, d in find_dates("beslut 2014-03-20 och den 3 mars 2021")] == \
        ["2014-03-20", "2021-03-03"]


@pytest.mark.parametrize("sentence,want", [
    ("Ordföranden Anna König Jerlmyr m.fl. (M), ledamoten Ann-Katrin Åslund (FP), ledamoten "
     "Stina Bengtsson (C) och ledamoten Ewa Samuelsson (KD) lämnade följande särskilda uttalande.",
     [("Anna König Jerlmyr", "M", True), ("Ann-Katrin Åslund", "FP", False),
      ("Stina Bengtsson", "C", False), ("Ewa Samuelsson", "KD", False)]),
    ("Vice ordftranden Roger Mogert mufl. (S), ledamoten Stefan Nzisson m.fl. (MP)",
     [("Roger Mogert", "S", True), ("Stefan Nzisson", "MP", True)]),
    ("Därefter yrkar Omar Haddad (S) avslag.", [("Omar Haddad", "S", False)]),
    ("Immaculate K Skogemyr (RP) och Moa Bäckström (FP), 1:e v ordf",
     [("Immaculate K Skogemyr", "RP", False), ("Moa Bäckström", "FP", False)]),
    ("Tjänstgörande ersättaren Jackie Nylander (V) lämnade", [("Jackie Nylander", "V", False)]),
    # no person
    ("personlig tränare (PT) tilldelas den unge", []),
    ("(S), (V) och (MP) reserverar sig mot beslutet.", []),
    ("Rapport (1 bilaga)", []),
])
def test_person_mentions(sentence, want):
    assert [(m.name, m.party, m.mfl) for m in persons.mentions(sentence)] == want


@pytest.mark.parametrize("sentence,want", [
    ("(S), (V) och (MP) reserverar sig mot beslutet.", ["S", "V", "MP"]),
    ("S-gruppen reserverar sig till förmån för eget yrkande.", ["S"]),
    ("Ledamöterna i (S)-gruppen reserverar sig.", ["S"]),
    ("Socialdemokraterna lämnar ett särskilt yttrande.", ["S"]),
    ("Vi anser att arbetet är viktigt.", []),
])
def test_party_groups(sentence, want):
    assert [p for _, p in persons.groups(sentence)] == want


@pytest.mark.parametrize("word,want", [
    ("5", 5), ("sju", 7), ("elva", 11), ("tjugo", 20), ("tjugotre", 23), ("trettioett", 31),
    ("noll", 0), ("en", 1), ("ett", 1),
    ("ja", None), ("många", None),
])
def test_number_words(word, want):
    assert number_value(fold(word)) == want


@pytest.mark.parametrize("raw,want", [
    ("Socialnämnden", "Socialnämnden"),
    ("Socialnämndens", "Socialnämnden"),
    ("Socialnamnden", "Socialnämnden"),          # OCR lost the ä
    ("Socialnimndens", "Socialnämnden"),
    ("Kommunstyrelsens", "Kommunstyrelsen"),
    ("Kommunfullmäktiges", "Kommunfullmäktige"),
    ("Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden"),
    ("Kultur- och fritidsnämnden", "Kultur- och fritidsnämnden"),
    ("Fastighetsnämnden", "Fastighetsnämnden"),  # unknown bodies keep their name
    ("FASTIGHETSNÄMNDEN", "Fastighetsnämnden"),
    ("SOCIALNÄMNDEN", "Socialnämnden"),
    ("nämnden", None),
])
def test_body_names(raw, want):
    assert canonical_body(raw) == want


@pytest.mark.parametrize("line,want", [
    ("Till Socialnämnden", ["Socialnämnden"]),
    ("Protokoll fört vid Rinkeby-Kista stadsdelsnämnds sammanträde", ["Rinkeby-Kista stadsdelsnämnd"]),
    ("Kommunstyrelsen föreslår kommunfullmäktige besluta", ["Kommunstyrelsen", "Kommunfullmäktige"]),
    ("Socialförvaltningen", []),
])
def test_bodies_in_a_line(line, want):
    assert [b for _, b in bodies_in(line)] == want


@pytest.mark.parametrize("a,b,same", [
    ("FP", "L", True), ("L", "FP", True), ("S", "S", True),
    ("S", "SD", False), ("M", "MP", False), ("FP", None, False),
])
def test_party_alias(a, b, same):
    assert persons.same_party(a, b) is same


@pytest.mark.parametrize("first_line,want", [
    ("Österåkers kommun", "Österåkers kommun"),
    ("ÖSTERÅKERS KOMMUN", "Österåkers kommun"),
    ("Stockholms stad", "Stockholms stad"),
    ("Region Gävleborg", "Region Gävleborg"),
    ("Till Botkyrka kommun", None),
    ("Kommunstyrelsen", None),
])
def test_municipality_in_letterhead(first_line, want):
    from extract.header import municipality_of
    from extract.text import split_lines
    assert municipality_of(split_lines([(1, f"{first_line}\nProtokoll\n")])) == want
