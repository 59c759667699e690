"""Diary numbers written year first (`2014/KS 0112 002`), an item's diary number carried only by
its Beslutsunderlag, and a meeting date given in the running text of the header."""
from __future__ import annotations

import pytest

from corpus.models import RepairedPage
from extract import dnr, extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


@pytest.mark.parametrize("text,want", [
    ("§ 7        Skolskjuts för gymnasieelever                    2023/GN 0014 612", ["2023/GN 0014 612"]),
    ("Ärendet hänger samman med busskortsärendet, 2022/GN 0230 612.", ["2022/GN 0230 612"]),
    ("Dnr 2014/KS 0112 002 (2)", ["2014/KS 0112 002"]),
    ("Dnr 2014/KS 0112", ["2014/KS 0112"]),
    ("Dnr 2018/KS 0290 10", ["2018/KS 0290 10"]),           # a two-digit class (Tyresö)
    ("Dnr 2018/KS 0290\n10 Delårsrapport", ["2018/KS 0290"]),  # the next line's number is not
    ("Ärendenr 2020/BUN0045", ["2020/BUN 0045"]),
    # the shapes that were already read stay as they were
    ("Dnr KS 2014/0159", ["KS 2014/0159"]),
    ("KS/2019:123", ["KS/2019:123"]),
    ("Dnr BoM 2026-000508", ["BoM 2026-000508"]),
    # a dash between prefix and year, as printed (Malmö, Umeå, Uppsala)
    ("§ 131 Dnr TN-2019-1137", ["TN-2019-1137"]),
    ("§ 27 Dnr BUN-2022/00154", ["BUN-2022/00154"]),
    ("Diarienummer ÄLN-2020-00087", ["ÄLN-2020-00087"]),
    ("Ärendet TN-2019-1137 gäller parken.", ["TN-2019-1137"]),
    ("Dnr KS2021/345", ["KS2021/345"]),                      # fused, only after a label
    ("koden KS2021/345 i systemet", []),
    ("enligt SS-2019-123 och ISO-2015/123", []),             # standards, not cases
    ("§ 412 Dnr 0873/21", ["0873/21"]),                      # Göteborg: serial/two-digit year
    ("Dnr 0873/2021", ["0873/2021"]),
    ("läsåret 21/22 och 0873/21 utan etikett", []),
    ("Kommunfullmäktige beslutade (KF 2020-05-12 § 34) att", []),   # a decision cited by its date
    ("enligt SOSFS 2014:5 om dokumentation", []),                   # a regulation
    ("bygglov BN 2020-1234 beviljades", ["BN 2020-1234"]),
    # not diary numbers
    ("under läsåret 2023/24 och 2024/25", []),
    ("enligt prop. 2017/18:150", []),
    ("direktivet 2019/EU 1234 om arbetsvillkor", []),
    ("budgetåret 2023/KR 500", []),
])
def test_year_first_diary_numbers(text, want):
    assert [n for _, n in dnr.find(text)] == want


def test_year_first_number_leaves_the_title():
    ex = _extract("Gymnasienämnden\nProtokoll\n\n§ 7        Skolskjuts för gymnasieelever         2023/GN 0014 612\n\n"
                  "Beslut\nNämnden antar reglerna.\n")
    assert [(i.title, i.dnr) for i in ex.items] == [("Skolskjuts för gymnasieelever", ["2023/GN 0014 612"])]


MBN = """Miljö- och byggnämnden
PROTOKOLL
2024-09-18

§ 87
Anmälan av delegationsbeslut

Beslutsunderlag
Förteckning över delegationsbeslut 2024-08-01–2024-08-31, ärendenr MBN 2024-000017

Beslut
Miljö- och byggnämnden lägger redovisningen till handlingarna.

§ 88
Bygglov för enbostadshus, Tallbacken 4:12
Dnr MBN 2024-000512

Beslutsunderlag
Kommunstyrelsens beslut 2024-05-02, dnr KS 2024/0099

Beslut
Nämnden beviljar bygglov.

§ 89
Föreläggande om enskilt avlopp, Lönnen 2:4

Beslut
Nämnden förelägger fastighetsägaren att åtgärda avloppet.

Ärendebeskrivning
Ärendet har tidigare behandlats, se MBN 2023-000123.
"""


def test_diary_number_from_beslutsunderlag_only_without_one_in_the_heading():
    items = {i.paragraph: i.dnr for i in _extract(MBN).items}
    assert items == {
        "87": ["MBN 2024-000017"],       # the heading has none: the underlag's is the item's
        "88": ["MBN 2024-000512"],       # the heading's wins; the underlag cites another case
        "89": [],                        # running text refers to other cases: never the item's
    }


@pytest.mark.parametrize("header,want", [
    ("GYMNASIENÄMNDEN\nPROTOKOLL\n\nGymnasienämnden sammanträdde onsdagen den 8 februari 2023 kl. 13.15–15.30 "
     "i Sessionssalen, Stadshuset.\n", "2023-02-08"),
    ("KULTURNÄMNDEN\n\nKulturnämnden höll sammanträde den 14 mars 2022 i Biblioteket.\n", "2022-03-14"),
    ("Tekniska nämnden\n\nNämnden har sammanträde 2021-10-05 kl. 9.00 i Stadshuset.\n", "2021-10-05"),
    # a justering date is never the meeting date
    ("GYMNASIENÄMNDEN\nPROTOKOLL\n\nProtokollet justeras fredagen den 10 februari 2023.\n", None),
    # a meeting mentioned later in the text is not this one's
    ("KULTURNÄMNDEN\n\nNästa sammanträde hålls 2022-04-11.\n", None),
])
def test_meeting_date_in_running_text(header, want):
    body = "\n§ 1 Val av justerare\n\nBeslut\nNämnden utser Per Ek (S) att justera.\n"
    assert _extract(header + body).meeting_date == want


FUSED = """Kommunfullmäktige
Sammanträdesprotokoll 2021-06-14

§112   Val av justerare

Kommunfullmäktiges beslut
Fullmäktige utser Lars Berglund (S) att justera.

8113 Årsredovisning 2020 för Älvsbacka kommun KS/2021:87

Kommunfullmäktiges beslut
Kommunfullmäktige godkänner årsredovisningen.

Ärendet
Årets resultat blev 14,2 miljoner kronor.

87 procent av nämnderna höll sin budget.

8115 Nämnderna redovisar sina underskott i juni.
S 3 Kommunstyrelsen svarar senast i augusti.

§114   Svar på motion om fria resor                KS/2020:233

Kommunfullmäktiges beslut
Motionen anses besvarad.
"""


def test_section_sign_fused_into_the_number_by_ocr():
    """"§113" read as "8113": an item where the paragraphs around it call for § 113; a figure
    ("87 procent"), a number that breaks the sequence or a line inside a paragraph is not."""
    items = [(i.paragraph, i.title, i.dnr) for i in _extract(FUSED).items]
    assert items == [("112", "Val av justerare", []),
                     ("113", "Årsredovisning 2020 för Älvsbacka kommun", ["KS/2021:87"]),
                     ("114", "Svar på motion om fria resor", ["KS/2020:233"])]


@pytest.mark.parametrize("text,want", [
    ("Ärendenummer: KS.2022.0031", ["KS.2022.0031"]),     # the dot as printed
    ("Dnr KS.2022/0031", ["KS 2022/0031"]),               # a dot before a slashed number: a space misread
])
def test_prefix_separator_as_printed(text, want):
    assert [n for _, n in dnr.find(text)] == want


def test_arendenummer_line_under_the_title_is_the_items():
    text = ("Kommunstyrelsen\nSammanträdesprotokoll 2022-05-10\n\n§ 9 Redovisning av delegationsbeslut\n"
            "Ärendenummer: KS.2022.0031\n\nBeslut\nRedovisningen läggs till handlingarna.\n")
    assert [(i.title, i.dnr) for i in _extract(text).items] == [
        ("Redovisning av delegationsbeslut", ["KS.2022.0031"])]


def test_goteborg_diary_number_leaves_the_title():
    ex = _extract("Protokollsutdrag\nKommunstyrelsen\nSammanträdesdatum 2021-09-22\n\n§ 412 Dnr 0873/21\n"
                  "Yttrande över remiss om ny översiktsplan\n\nBeslut\nKommunstyrelsen godkänner yttrandet.\n")
    assert [(i.title, i.dnr) for i in ex.items] == [("Yttrande över remiss om ny översiktsplan", ["0873/21"])]


FILE_WITH_TWO_DOCUMENTS = """\
Socialnämnden
PROTOKOLLSUTDRAG
2024-03-12

§ 21 Handlingsplan mot våld i nära relationer
Dnr. SN 2024/0051-750

Socialnämnden beslutar att anta handlingsplanen.
\f
Tjänsteutlåtande

Socialförvaltningen

Datum 2024-02-20

Dnr 2024/0051-750 (1)

Till Socialnämnden

Handlingsplan mot våld i nära relationer

Förslag till beslut
Socialnämnden beslutar att anta handlingsplanen.
"""


def test_a_number_without_its_prefix_is_the_prefixed_one_of_the_same_file() -> None:
    """The förvaltning's tjänsteutlåtande writes the nämnd's number without "SN": the same
    case, so both documents of the file carry SN 2024/0051-750 (the case view finds both)."""
    ex = _extract(FILE_WITH_TWO_DOCUMENTS)
    assert [p.doc_type for p in ex.parts] == ["protokollsutdrag", "tjansteutlatande"]
    assert [p.dnr for p in ex.parts] == [["SN 2024/0051-750"], ["SN 2024/0051-750"]]
    assert all(i.dnr == ["SN 2024/0051-750"] for i in ex.items)


def test_a_bare_number_alone_or_ambiguous_stays_as_written() -> None:
    alone = FILE_WITH_TWO_DOCUMENTS.split("\f")[1]
    assert _extract(alone).parts[0].dnr == ["2024/0051-750"]
    # two bodies with the same serial: the bare number could be either's
    two = FILE_WITH_TWO_DOCUMENTS.replace("Dnr. SN 2024/0051-750",
                                          "Dnr. SN 2024/0051-750, KS 2024/0051-750")
    assert _extract(two).parts[1].dnr == ["2024/0051-750"]
