"""Protocol styles met outside the sample archive: each case is a short excerpt in the shape one
municipality prints it, and beside it a near shape whose reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_HEAD = """SAMMANTRÄDESPROTOKOLL
Barn- och utbildningsnämnden
Sammanträdesdatum 2023-05-03

Plats och tid        Kommunhuset, onsdagen den 3 maj 2023 kl. 13.00–16.10
Utses att justera    Per Holm
{justering}
Paragrafer           §§ 31–33

§ 31    Dnr BUN 2023/112
Skolskjutsregler

Beslut
Nämnden antar reglerna.
"""


def test_justering_label_wrapped_over_two_lines():
    # A narrow label column breaks "Justeringens plats och tid" after its first word.
    ex = _extract(_HEAD.format(justering="Justeringens\nplats och tid        Kommunhuset den 10 maj 2023"))
    assert (ex.meeting_date, ex.justering_date) == ("2023-05-03", "2023-05-10")


def test_justering_label_on_one_line_unchanged():
    ex = _extract(_HEAD.format(justering="Justeringens plats och tid   Kommunhuset den 10 maj 2023"))
    assert (ex.meeting_date, ex.justering_date) == ("2023-05-03", "2023-05-10")
    # a label-only line followed by another label is not a wrapped label
    ex = _extract(_HEAD.format(justering="Justeringens\nPlats och tid för sammanträdet 2023-05-03"))
    assert ex.justering_date is None


_INLINE_LIST = """Protokoll
Kommunstyrelsen
2024-02-06

KS § 12\tDnr KS/2023:411
Budget 2025

Yrkanden
Per Larsson (S) yrkar bifall till arbetsutskottets förslag.
Ida Ek (M) yrkar avslag på arbetsutskottets förslag.

Omröstning
JA = bifall till Per Larssons yrkande  NEJ = bifall till Ida Eks yrkande

Omröstningsbilaga
Ledamöter\tTjg ersättare\tTjg\tJa\tNej\tAvstår
Per Larsson (S)\t\tX\tX\t\t
Ida Ek (M)\t\tX\t\tX\t
Sara Lund (C)\tOlof Berg (C)\tX\t\tX\t
Omar Haddad (S)\t\tX\tX\t\t
Kim Li (V)\t\tX\tX\t\t
{after}"""


def test_voting_list_inside_its_item_keeps_the_item_whole():
    # The list sits between the question and the result; the decision follows it (Meetings Plus).
    ex = _extract(_INLINE_LIST.format(after=(
        "\nResultat: 3 ja-röster och 2 nej-röster.\n\nKommunstyrelsens beslut\n"
        "att fastställa budget 2025,\natt fastställa skattesatsen till 21,50 kronor.\n")))
    assert len(ex.parts) == 1
    item = ex.items[0]
    assert len(item.decisions) == 2
    assert [(v.yes, v.no, v.counts_agree) for v in item.votes] == [(3, 2, True)]
    assert [(b.name, b.vote) for b in item.votes[0].ballots][2] == ("Olof Berg", "nej")


def test_voting_list_after_the_item_is_still_an_appendix():
    ex = _extract(_INLINE_LIST.format(after="").replace(
        "Omröstningsbilaga", "Resultat: 3 ja-röster och 2 nej-röster.\n\nBeslut\n"
        "Kommunstyrelsen fastställer budgeten.\n\nOmröstningsbilaga"))
    assert len(ex.parts) == 2
    assert [(v.yes, v.no, v.counts_agree) for v in ex.items[0].votes] == [(3, 2, True)]


def test_bare_date_in_the_letterhead_is_the_meeting_date():
    # Letterheads that print the date alone where others write "Sammanträdesdatum".
    ex = _extract("Protokoll\nKommunstyrelsen\n2024-02-06\n\nKS § 12\nBudget\n\nBeslut\nBudgeten fastställs.\n")
    assert ex.meeting_date == "2024-02-06"
    ex = _extract("KOMMUNFULLMÄKTIGE                     PROTOKOLL\n"
                  "                                      2023-11-27\n\n§ 145\nMotion om solceller\n\n"
                  "Beslut\nMotionen anses besvarad.\n")
    assert ex.meeting_date == "2023-11-27"


def test_date_in_a_sentence_or_under_the_item_is_not_the_letterhead_date():
    ex = _extract("Protokoll\nKommunstyrelsen\n\nKS § 12\n2024-02-06\nBudget\n\nBeslut\nBudgeten fastställs.\n")
    assert ex.meeting_date is None
    ex = _extract("Protokoll\nKommunstyrelsen\nBudgeten antogs 2024-02-06.\n\nKS § 12\nBudget\n\n"
                  "Beslut\nBudgeten fastställs.\n")
    assert ex.meeting_date is None


def test_municipality_after_the_body_name():
    body = "PROTOKOLL\n{line}\n\nTid och plats: Torsdagen den 14 september 2023 kl. 18.30\n\n§ 101\nMotion\n\nBeslut\nMotionen avslås.\n"
    assert _extract(body.format(line="Kommunfullmäktige i Hjo kommun")).municipality == "Hjo kommun"
    assert _extract(body.format(line="Socialnämnden i Stockholms stad")).municipality == "Stockholms stad"
    # a sentence about another municipality, or no body before "i", names none
    assert _extract(body.format(line="Kommunstyrelsen har yttrat sig till Region Jönköpings län i Tranås kommun."
                                )).municipality is None
    assert _extract(body.format(line="Möte i Hjo kommun")).municipality is None
    # the letterhead form stays as it was
    assert _extract(body.format(line="Österåkers kommun")).municipality == "Österåkers kommun"


_NOTICE = """Sammanträdesprotokoll
Tekniska nämnden
Sammanträdesdatum: 2023-09-14

BEVIS OM ANSLAG
{notice}

§ 55   Dnr TN 2023/435
Gatukostnader

Beslut
Nämnden godkänner redovisningen.
"""


def test_notice_in_sentences_gives_justering_and_anslag():
    ex = _extract(_NOTICE.format(notice="Protokollet är justerat den 19 september 2023. Anslaget sätts upp "
                                        "den 20 september 2023 och tas ned den 12 oktober 2023."))
    assert (ex.meeting_date, ex.justering_date, ex.anslag_date, ex.appeal_deadline) == \
        ("2023-09-14", "2023-09-19", "2023-09-20", "2023-10-11")
    ex = _extract(_NOTICE.format(notice="Protokollet har justerats den 18 september 2023 och tillkännagivits "
                                        "på kommunens anslagstavla den 19 september 2023."))
    assert (ex.justering_date, ex.anslag_date) == ("2023-09-18", "2023-09-19")


def test_notice_sentence_without_its_date_gives_none():
    # the taking-down date is not the posting date; a verb without a date gives nothing
    ex = _extract(_NOTICE.format(notice="Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n"
                                        "Anslaget tas ned den 12 oktober 2023."))
    assert (ex.justering_date, ex.anslag_date) == (None, None)


_EGEN_DEL = """Protokoll
Kommunstyrelsen
Sammanträdesdatum 2024-03-12

§ 40    KS 2024/88
Investeringsbudget för Norrskolan

Kommunstyrelsens förslag till kommunfullmäktige
Kommunfullmäktige beslutar att anta investeringsbudgeten för Norrskolan.

{heading}
– Förvaltningen får i uppdrag att upphandla entreprenaden.
– Förvaltningen ska återrapportera i juni 2024.
"""


def test_beslut_for_egen_del_is_a_decision_heading_of_its_own():
    # The proposal to fullmäktige and the board's own decisions are both decisions.
    for heading in ("Kommunstyrelsens beslut för egen del", "Beslut för egen del",
                    "Kommunstyrelsens beslut, för egen del"):
        ex = _extract(_EGEN_DEL.format(heading=heading))
        assert [d.text for d in ex.items[0].decisions] == [
            "Kommunfullmäktige beslutar att anta investeringsbudgeten för Norrskolan.",
            "Förvaltningen får i uppdrag att upphandla entreprenaden.",
            "Förvaltningen ska återrapportera i juni 2024."], heading


def test_text_about_a_decision_for_egen_del_is_no_heading():
    from extract.text import section_kind
    assert section_kind("Kommunstyrelsens beslut") == "beslut"
    assert section_kind("Uppföljning av beslut för egen del") is None
    assert section_kind("Kommunstyrelsen beslutar för egen del att anta planen.") is None


_CHAIR = """Tekniska nämnden
Protokoll
Sammanträdesdatum 2019-05-21
{beslutande}
§ 133 Dnr TN-2019-1210
Sänkt hastighet på lokalgator

Yrkanden
Magnus Olsson (SD) yrkar avslag på förslaget. {chair_line}

Beslutsgång
Ordföranden ställer proposition på de två yrkandena och finner att nämnden bifaller förvaltningens förslag.

Beslut
Nämnden beslutar enligt förvaltningens förslag.
"""
_BESLUTANDE = "\nBeslutande\nAndreas Schönström (S), ordförande\nAnja Sonesson (M), vice ordförande\nMagnus Olsson (SD)\n"


def _proposers(text: str) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.party) for p in _extract(text).items[0].proposals]


def test_ordforanden_yrkar_is_the_chair_named_in_the_header():
    # Malmö: "Ordföranden yrkar bifall …" without a name; the header's Beslutande names the chair.
    text = _CHAIR.format(beslutande=_BESLUTANDE, chair_line="Ordföranden yrkar bifall till förvaltningens förslag.")
    assert _proposers(text) == [("Magnus Olsson", "SD"), ("Andreas Schönström", "S")]


def test_ordforanden_without_a_chair_in_the_header_or_with_a_name_unchanged():
    text = _CHAIR.format(beslutande="", chair_line="Ordföranden yrkar bifall till förvaltningens förslag.")
    assert _proposers(text) == [("Magnus Olsson", "SD")]
    text = _CHAIR.format(beslutande=_BESLUTANDE,
                         chair_line="Ordföranden Anja Sonesson (M) yrkar bifall till förvaltningens förslag.")
    assert _proposers(text) == [("Magnus Olsson", "SD"), ("Anja Sonesson", "M")]


def test_a_bodys_own_utskott_is_the_body():
    from extract.header import bodies_in
    ex = _extract("SOLLEFTEÅ KOMMUN                    SAMMANTRÄDESPROTOKOLL\n"
                  "Kommunstyrelsens arbetsutskott      Sammanträdesdatum\n"
                  "                                    2022-04-04\n\n§ 45   Dnr KS 2022/123\nLokalförsörjningsplan\n\n"
                  "Beslut\nArbetsutskottet godkänner planen.\n")
    assert (ex.body, ex.municipality, ex.meeting_date) == ("Kommunstyrelsens arbetsutskott", "Sollefteå kommun",
                                                           "2022-04-04")
    assert [b for _, b in bodies_in("Socialnämndens individutskott")] == ["Socialnämndens individutskott"]
    assert [b for _, b in bodies_in("Tekniska nämndens arbetsutskott")] == ["Tekniska nämndens arbetsutskott"]
    # the parent body alone, and its decision heading, stay as they were
    assert [b for _, b in bodies_in("Socialnämndens beslut")] == ["Socialnämnden"]
    assert [b for _, b in bodies_in("Kommunstyrelsen")] == ["Kommunstyrelsen"]


_BOX = """SAMMANTRÄDESPROTOKOLL
Kommunstyrelsens arbetsutskott
Sammanträdesdatum 2022-04-04

ANSLAG/BEVIS
Organ               Kommunstyrelsens arbetsutskott
{row}

§ 45   Dnr KS 2022/123
Lokalförsörjningsplan

Beslut
Arbetsutskottet godkänner planen.
"""


def test_posting_and_taking_down_dates_on_one_line():
    ex = _extract(_BOX.format(row="Datum för anslags uppsättande   2022-04-08        "
                                  "Datum för anslags nedtagande   2022-05-02"))
    assert (ex.anslag_date, ex.appeal_deadline) == ("2022-04-08", "2022-04-29")


def test_taking_down_date_alone_is_no_posting_date():
    ex = _extract(_BOX.format(row="Datum för anslags nedtagande   2022-05-02"))
    assert ex.anslag_date is None
    ex = _extract(_BOX.format(row="Datum för anslags nedtagande   2022-05-02   Datum för anslags uppsättande"))
    assert ex.anslag_date is None


_AU = """SAMMANTRÄDESPROTOKOLL
{body}
Sammanträdesdatum 2022-04-04

§ 45   Dnr KS 2022/123
Lokalförsörjningsplan

Arbetsutskottets förslag till kommunstyrelsen
Kommunstyrelsen föreslås besluta att anta lokalförsörjningsplanen.
"""


def test_arbetsutskottets_forslag_is_the_decision_of_its_own_protocol():
    ex = _extract(_AU.format(body="Kommunstyrelsens arbetsutskott"))
    assert [d.text for d in ex.items[0].decisions] == [
        "Kommunstyrelsen föreslås besluta att anta lokalförsörjningsplanen."]


def test_arbetsutskottets_forslag_in_the_boards_protocol_is_no_decision():
    # in Kommunstyrelsen's protocol the utskott's proposal is what the board decides on
    ex = _extract(_AU.format(body="Kommunstyrelsen"))
    assert ex.items[0].decisions == []


def _proposals_of(yrkanden: str) -> list[tuple[str | None, str | None, str, str | None]]:
    text = ("Protokoll\nSocialnämnden\nSammanträdesdatum 2023-01-10\n\n§ 5 Dnr SN 2023/1\nMotion\n\nYrkanden\n"
            + yrkanden + "\n\nBeslut\nNämnden beslutar enligt förslaget.\n")
    return [(p.name, p.party, p.type, p.supports) for p in _extract(text).items[0].proposals]


def test_med_instammande_av_after_the_verb_joins_the_proposal():
    # The member named after "med instämmande av" supports the proposer, and proposes too.
    assert _proposals_of("Anna Ek (S) yrkar, med instämmande av Bo Ek (V) och Siv Ek (MP), bifall till motionen.") == [
        ("Anna Ek", "S", "bifall", None), ("Bo Ek", "V", "bifall", "Anna Ek"), ("Siv Ek", "MP", "bifall", "Anna Ek")]


def test_support_named_after_the_verb_unchanged():
    assert _proposals_of("Anna Ek (S) yrkar bifall till motionen.\nMikael Stål (SD) instämmer i Anna Eks (S) yrkande.") == [
        ("Anna Ek", "S", "bifall", None), ("Mikael Stål", "SD", "bifall", "Anna Ek")]
    assert _proposals_of("Anna Ek (S) med instämmande av Bo Ek (V) yrkar bifall till motionen.") == [
        ("Anna Ek", "S", "bifall", None), ("Bo Ek", "V", "bifall", None)]


def test_framstaller_ett_andringsyrkande():
    assert _proposals_of("Anna Ek (S) framställer ett ändringsyrkande om att beloppet ändras.") == [
        ("Anna Ek", "S", "andring", None)]
    assert _proposals_of("Anna Ek (S) framställer frågan om bidrag.") == []


def _meeting_date(head: str) -> str | None:
    return _extract(head + "\n\n§ 5 Dnr SN 2023/1\nÄrende\n\nBeslut\nNämnden beslutar enligt förslaget.\n").meeting_date


def test_meeting_date_header_shapes():
    assert _meeting_date("PROTOKOLL\nSocialnämnden\nDatum och tid: 2023-05-03 kl 13:00") == "2023-05-03"
    assert _meeting_date("Socialnämndens protokoll 2023-05-03") == "2023-05-03"
    assert _meeting_date("Socialnämnden\nProtokoll\nTisdag 2 maj 2023 kl 13.00-15.00") == "2023-05-02"
    # unchanged: the weekday form with "den", and no date where a weekday is not followed by one
    assert _meeting_date("Socialnämnden\nProtokoll\nTisdagen den 2 maj 2023 kl 13.00") == "2023-05-02"
    assert _meeting_date("Socialnämnden\nProtokoll\nTisdagar kl 13 enligt plan; beslutet 2023-05-02") is None


def test_body_from_the_protocols_title_sentence():
    ex = _extract("Protokoll fört vid Socialnämndens sammanträde den 3 maj 2023\n\n§ 5 Dnr 2023/1\nÄrende\n\n"
                  "Beslut\nNämnden beslutar enligt förslaget.\n")
    assert (ex.body, ex.meeting_date) == ("Socialnämnden", "2023-05-03")
    # a long sentence naming a body that is not the protocol's title gives none
    ex = _extract("Protokoll\nEnligt beslut av Kommunstyrelsen den 3 maj 2023 ska rapporten lämnas in.\n\n"
                  "§ 5 Dnr 2023/1\nÄrende\n\nBeslut\nRapporten läggs till handlingarna.\n")
    assert ex.body is None


def _first_item(heading: str):
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2023-01-10\n\n" + heading +
                  "\n\nBeslut\nKommunstyrelsen godkänner svaret.\n")
    return ex.items[0].title, ex.items[0].dnr


def test_title_on_the_section_line_wraps_onto_the_next():
    assert _first_item("§ 31 Svar på motion från Anna Ek (S) om fler parkbänkar och\nbättre belysning i centrum\n"
                       "Dnr KS 2017/301") == (
        "Svar på motion från Anna Ek (S) om fler parkbänkar och bättre belysning i centrum", ["KS 2017/301"])


def test_title_on_the_section_line_with_a_capitalised_or_att_line_under_it_unchanged():
    assert _first_item("§ 31 Årsredovisning 2016\nDnr KS 2017/301") == ("Årsredovisning 2016", ["KS 2017/301"])
    assert _first_item("§ 5 Val av justerare\natt justera protokollet utses Anna Ek (S).") == ("Val av justerare", [])


def _decisions_of(beslut: str) -> list[str]:
    ex = _extract("Protokoll\nSocialnämnden\nSammanträdesdatum 2023-01-10\n\n§ 5 Dnr SN 2023/1\nÄrende\n\n" + beslut + "\n")
    return [d.text for d in ex.items[0].decisions]


def test_a_reservation_under_the_decision_is_no_decision_point():
    assert _decisions_of("Beslut\nNämnden beslutar enligt förslaget.\n\nAnna Ek (S) reserverar sig mot beslutet.") == [
        "Nämnden beslutar enligt förslaget."]
    assert _decisions_of("Beslut\nNämnden godkänner planen.\n\nBo Ek (V) lämnar ett särskilt yttrande.") == [
        "Nämnden godkänner planen."]


def test_two_decision_paragraphs_stay_two():
    assert _decisions_of("Beslut\nNämnden godkänner planen.\n\nNämnden avslår reservationen från föreningen.") == [
        "Nämnden godkänner planen.", "Nämnden avslår reservationen från föreningen."]


def test_arende_label_is_not_part_of_a_reports_title():
    ex = _extract("TJÄNSTEUTLÅTANDE\nDatum: 2023-04-12\nDiarienummer: SN 2023/0045-730\nTill: Socialnämnden\n\n"
                  "Ärende: Riktlinjer för ekonomiskt bistånd\n\nFörvaltningens förslag till beslut\n"
                  "Socialnämnden antar riktlinjerna.\n")
    assert (ex.doc_type, ex.items[0].title) == ("tjansteutlatande", "Riktlinjer för ekonomiskt bistånd")
    # a title that merely starts with the word keeps it
    assert _first_item("§ 31 Ärendebalans inom socialtjänsten\nDnr KS 2017/301")[0] == "Ärendebalans inom socialtjänsten"


_SPLIT_LIST = """Protokoll
Kommunfullmäktige
Sammanträdesdatum 2023-06-12

§ 77   Dnr KS 2023/200
Ny vindkraftspolicy

Omröstning
Omröstning begärs. Ja för Anna Eks yrkande, nej för Bo Eks yrkande.
Med {yes} ja-röster mot 3 nej-röster beslutar fullmäktige enligt Anna Eks yrkande, se voteringslista.

Beslut
Fullmäktige antar policyn.

Vid protokollet
Karin Sekreterare

Voteringslista § 77
Ledamöter                 Ja    Nej   Avstår
Anna Ek (S)               X
Bo Ek (M)                       X
Siv Ek (S)                X

Justerandes signatur      Utdragsbestyrkande
Sida 5 (6)

Kommunfullmäktige
Sammanträdesdatum 2023-06-12
Ledamöter                 Ja    Nej   Avstår
Ola Ek (KD)                     X
Per Ek (V)                X
Åsa Ek (M)                      X
Lena Ek (C)               X
"""


def test_voting_list_continued_after_a_page_break():
    vote = _extract(_SPLIT_LIST.format(yes=4)).items[0].votes[0]
    assert [b.name for b in vote.ballots] == ["Anna Ek", "Bo Ek", "Siv Ek", "Ola Ek", "Per Ek", "Åsa Ek", "Lena Ek"]
    assert vote.counts_agree is True


def test_a_second_list_beyond_the_stated_result_is_not_joined():
    # with 2 ja-röster stated, the second table cannot be the rest of this vote
    vote = _extract(_SPLIT_LIST.format(yes=2)).items[0].votes[0]
    assert [b.name for b in vote.ballots] == ["Anna Ek", "Bo Ek", "Siv Ek"]


def test_municipality_letterhead_shapes():
    from extract.header import municipality_of
    from extract.text import split_lines

    def muni(line: str) -> str | None:
        return municipality_of(split_lines([(1, line)]))
    assert muni("Göteborgs Stad\tProtokollsutdrag") == "Göteborgs Stad"
    assert muni("Upplands Väsby kommun") == "Upplands Väsby kommun"
    assert muni("Lilla Edets kommun") == "Lilla Edets kommun"
    assert muni("Kommunstyrelsen, Umeå kommun") == "Umeå kommun"
    # unchanged
    assert muni("Upplands-Bro kommun") == "Upplands-Bro kommun"
    assert muni("MALMÖ STAD") == "Malmö stad"
    assert muni("Protokoll Håbo kommun") is None


def _header_dates(line: str) -> tuple[str | None, str | None]:
    ex = _extract("PROTOKOLL\nSocialnämnden\nSammanträdesdatum 2023-05-03\n" + line +
                  "\n\n§ 5 Dnr SN 2023/1\nÄrende\n\nBeslut\nNämnden beslutar enligt förslaget.\n")
    return ex.justering_date, ex.anslag_date


def test_label_in_a_tabbed_header_row_with_the_value_below():
    assert _header_dates("Justerare\tJusteringsdatum\nPer Holm\t2023-05-10") == ("2023-05-10", None)
    assert _header_dates("Justeringsdatum\n2023-05-10") == ("2023-05-10", None)


def test_posting_on_the_notice_board_in_other_words():
    assert _header_dates("Protokollet publiceras på kommunens anslagstavla 2023-05-11") == (None, "2023-05-11")
    assert _header_dates("Anslag på kommunens anslagstavla: 2023-05-11") == (None, "2023-05-11")
    assert _header_dates("Datum för tillkännagivande: 2023-05-11") == (None, "2023-05-11")
    assert _header_dates("Tillkännagivande om justering: 2023-05-11") == (None, "2023-05-11")
    # a rule about the notice board, without a date after it, gives none
    assert _header_dates("Protokollet publiceras på kommunens anslagstavla efter justering.") == (None, None)


def test_a_paragraph_reference_wrapped_to_the_line_start_is_no_item():
    text = ("Protokoll\nSocialnämnden\nSammanträdesdatum 2022-12-12\n\n§ 40   Dnr SN 2022/10\nReglemente\n\n"
            "Ärendebeskrivning\nNämnden beslutade i december om ändringar. Enligt\n"
            "§ 7 i reglementet ska nämnden årligen se över delegationen, och enligt\n§ 12 ska ordföranden rapportera.\n\n"
            "Beslut\nNämnden antar reglementet.\n\n§ 41   Dnr SN 2022/11\nDelegation\n\nBeslut\nNämnden antar den.\n")
    assert [i.paragraph for i in _extract(text).items] == ["40", "41"]


def test_an_item_after_a_finished_line_is_still_an_item():
    text = ("Protokoll\nSocialnämnden\nSammanträdesdatum 2022-12-12\n\n§ 40   Dnr SN 2022/10\nReglemente\n\n"
            "Beslut\nNämnden antar reglementet.\n§ 41 Delegation\n\nBeslut\nNämnden antar den.\n")
    assert [i.paragraph for i in _extract(text).items] == ["40", "41"]


def test_ocr_specks_after_a_heading_number_under_a_signature_keep_the_item():
    """"§1 de" under the justerare's name (heavy OCR): specks, not a sentence going on."""
    text = ("Protokoll nr 4/2016\n\nfört vid äldrenämndens sammanträde\ntisdagen den 19 april 2016\n\n"
            "Justerat 2016-04-26 Karin Wallgren\nPeter Lindahl\n\n§1 de\nAnmälan av protokollsjusterare\n\n"
            "Äldrenämndens beslut\nNämnden utser Peter Lindahl (M) att justera protokollet.\n\n"
            "§ 2\nBudgetuppföljning\n\nÄldrenämndens beslut\nÄldrenämnden godkänner uppföljningen.\n")
    assert [(i.paragraph, i.title) for i in _extract(text).items] == [
        ("1", "Anmälan av protokollsjusterare"), ("2", "Budgetuppföljning")]


def test_a_ballot_list_in_the_beslutsgang_is_no_proposal():
    text = ("Protokoll\nSocialnämnden\nSammanträdesdag 2021-11-23\n\n§ 14\nMotion\nDnr SN 1.6-512/2021\n\n"
            "Beslutsgång\nOrdföranden ställer förslagen mot varandra.\n\nVotering begärs och verkställs.\n"
            "Ja-röster: Ulf Kristersson (M), Anna Lind (L), Per Holm (C)\nNej-röster: Jan Valeskog (S), Karin Rågsjö (V)\n"
            "Med 3 ja-röster mot 2 nej-röster bifaller nämnden förvaltningens förslag.\n\n"
            "Beslut\nNämnden bifaller förvaltningens förslag.\n")
    item = _extract(text).items[0]
    assert item.proposals == []
    assert [(v.yes, v.no, len(v.ballots)) for v in item.votes] == [(3, 2, 5)]


def test_a_proposal_with_its_verb_lost_is_still_read():
    # the OCR-garbled verb: a member opens the sentence and proposes bifall (kept as it was)
    text = ("Protokoll\nSocialnämnden\nSammanträdesdag 2021-11-23\n\n§ 14\nMotion\n\n"
            "Beslutsgång\nOrdföranden Ulf Kristersson (M) fmesiog bifall till förvaltningens förslag.\n\n"
            "Beslut\nNämnden bifaller förvaltningens förslag.\n")
    assert [(p.name, p.party) for p in _extract(text).items[0].proposals] == [("Ulf Kristersson", "M")]


def test_proposals_under_forslag_till_beslut_pa_sammantradet():
    # Stockholm heads the meeting's proposals so; "föreslår" there is a yrkande
    assert _proposals_of_heading("Förslag till beslut på sammanträdet\nAnna Ek (S) föreslår att ärendet återremitteras.\n"
                                 "Bo Ek (M) föreslår bifall till förvaltningens förslag.") == [
        ("Anna Ek", "S"), ("Bo Ek", "M")]


def test_forslag_till_beslut_alone_is_still_the_proposed_decision():
    from extract.text import section_kind
    assert section_kind("Förslag till beslut") == "forslag"
    assert section_kind("Förslag till beslut på sammanträdet") == "yrkanden"


def _proposals_of_heading(section: str) -> list[tuple[str | None, str | None]]:
    text = ("Protokoll\nSocialnämnden\nSammanträdesdatum 2023-01-10\n\n§ 5 Dnr SN 2023/1\nMotion om X\n\n"
            + section + "\n\nBeslut\nNämnden beslutar enligt förslaget.\n")
    return [(p.name, p.party) for p in _extract(text).items[0].proposals]
