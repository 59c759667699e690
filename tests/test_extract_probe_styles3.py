"""A third round of probe styles: conventions of minutes met outside the sample archive (company
boards, Göteborg's "Nämnden för …", fused diary numbers, formalities, OCR'd voting lists). Each
case is a short excerpt in the shape some municipality prints it, and beside it a near shape whose
reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


# --- 1. a company board's protocol ------------------------------------------------------------
_BOLAG_ITEM = "\n§ 3 Försäljning av fastighet\n\nStyrelsen beslutade\natt godkänna försäljningen.\n"


def test_a_company_board_is_the_body():
    ex = _extract("Kommunfastigheter i Sandvik AB\n\nPROTOKOLL\nfört vid styrelsesammanträde\n"
                  "Datum: 2024-03-06\nPlats: Bolagets kontor\n" + _BOLAG_ITEM)
    assert (ex.body, ex.municipality) == ("Styrelsen för Kommunfastigheter i Sandvik AB", None)
    ex = _extract("Protokoll fört vid styrelsesammanträde i Gävle Energi AB (publ)\nDatum 2024-03-06\n" + _BOLAG_ITEM)
    assert ex.body == "Styrelsen för Gävle Energi AB"
    ex = _extract("Styrelsen för Sandvikens Bostäder AB\nProtokoll\nDatum 2024-03-06\n" + _BOLAG_ITEM)
    assert ex.body == "Styrelsen för Sandvikens Bostäder AB"
    ex = _extract("AB Gavlegårdarna\nProtokoll från styrelsemöte\nDatum 2024-03-06\n" + _BOLAG_ITEM)
    assert ex.body == "Styrelsen för AB Gavlegårdarna"
    # the meeting's date after the board's word, as after "Protokoll"
    ex = _extract("Sandviken Energi AB\tProtokoll nr 3/2024\nStyrelsemöte 2024-03-06\n" + _BOLAG_ITEM)
    assert (ex.body, ex.meeting_date) == ("Styrelsen för Sandviken Energi AB", "2024-03-06")
    # a board without its company named is the board
    assert _extract("Protokoll\nStyrelsen\nDatum 2024-03-06\n" + _BOLAG_ITEM).body == "Styrelsen"


def test_a_municipal_body_or_a_company_in_the_text_unchanged():
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-03-06\n" + _BOLAG_ITEM)
    assert ex.body == "Kommunstyrelsen"
    ex = _extract("Protokoll\nTekniska nämnden\nSammanträdesdatum 2024-03-06\n\n§ 3 Avtal\n\n"
                  "Beslut\nNämnden godkänner avtalet med Gävle Energi AB.\n")
    assert ex.body == "Tekniska nämnden"
    # a company named in a committee's header is no board
    ex = _extract("Protokoll\nDatum 2024-03-06\nGäst: Anna Ek, Gävle Energi AB\n\n§ 3 Avtal\n\n"
                  "Beslut\nAvtalet godkänns.\n")
    assert ex.body is None
    ex = _extract("Protokoll\nKommunstyrelsen\nDatum 2024-03-06\nÖvriga närvarande: Anna Ek, styrelseordförande "
                  "Gävle Energi AB\n" + _BOLAG_ITEM)
    assert ex.body == "Kommunstyrelsen"


# --- 2. "Nämnden för funktionsstöd" ------------------------------------------------------------
def _bodies(text: str) -> list[str]:
    from extract.header import bodies_in
    return [b for _, b in bodies_in(text)]


def test_a_body_named_after_fo_r():
    assert _bodies("Nämnden för funktionsstöd") == ["Nämnden för funktionsstöd"]
    assert _bodies("NÄMNDEN FÖR ARBETSMARKNAD OCH VUXENUTBILDNING") == [
        "Nämnden för arbetsmarknad och vuxenutbildning"]
    assert _bodies("Nämnden för konsument- och medborgarservice") == ["Nämnden för konsument- och medborgarservice"]
    assert _bodies("Nämnden för funktionsstöds beslut") == ["Nämnden för funktionsstöd"]
    ex = _extract("Göteborgs Stad\tProtokollsutdrag\nNämnden för funktionsstöd\nSammanträdesdatum: 2023-10-17\n\n"
                  "§ 145  Dnr 0873/23\nYttrande över remiss\n\nBeslut\nNämnden lämnar yttrande enligt förslaget.\n")
    assert ex.body == "Nämnden för funktionsstöd"


def test_fo_r_after_a_body_in_running_text_unchanged():
    assert _bodies("Nämnden för egen del beslutar att godkänna planen.") == []
    assert _bodies("beslutar nämnden för sin del") == []
    assert _bodies("Nämnden beslutar") == []
    assert _bodies("Socialnämnden för kännedom") == ["Socialnämnden"]


# --- 3. fused and dashed diary numbers after a label ----------------------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_fused_two_digit_year_and_dashed_year_prefix_serial():
    assert _dnr("Dnr 22RS1234") == ["22RS1234"]
    assert _dnr("Diarienr: 2023-KS-0123") == ["2023-KS-0123"]
    assert _dnr("Diarienummer 2021-BUN-45") == ["2021-BUN-45"]
    ex = _extract("Protokoll\nRegionstyrelsen\nSammanträdesdatum 2024-06-18\n\n§ 87\nRegionplan\nDnr 22RS1234\n\n"
                  "Beslut\nRegionstyrelsen fastställer planen.\n")
    assert (ex.items[0].dnr, ex.dnr) == (["22RS1234"], ["22RS1234"])


def test_fused_or_dashed_shapes_without_a_label_or_not_a_case_unchanged():
    assert _dnr("Se 22RS1234 och 2023-KS-0123 i bilagan.") == []
    assert _dnr("Dnr 22SOU1234") == []
    assert _dnr("Dnr 12AB") == []
    assert _dnr("Dnr KS 2014/0159, dnr 2020-1234, Dnr 0873/21") == ["KS 2014/0159", "2020-1234", "0873/21"]


# --- 4. a district body in the genitive ----------------------------------------------------------
def test_district_body_named_after_the_word_in_the_genitive():
    assert _bodies("Stadsdelsnämnden Centrums beslut") == ["Stadsdelsnämnden Centrum"]
    assert _bodies("Stadsdelsnämnden Östra Göteborgs protokoll") == ["Stadsdelsnämnden Östra Göteborg"]
    ex = _extract("Göteborgs Stad\tProtokollsutdrag\n\nSammanträdesdatum: 2023-10-17\n\n§ 145  Dnr 0873/23\n"
                  "Yttrande över remiss\n\nStadsdelsnämnden Centrums beslut\nNämnden lämnar yttrande.\n")
    assert ex.body == "Stadsdelsnämnden Centrum"


def test_district_body_in_the_nominative_unchanged():
    assert _bodies("Stadsdelsnämnden Centrum") == ["Stadsdelsnämnden Centrum"]
    assert _bodies("Stadsdelsnämnden Askim-Frölunda-Högsbo") == ["Stadsdelsnämnden Askim-Frölunda-Högsbo"]
    assert _bodies("Södermalms stadsdelsnämnd") == ["Södermalms stadsdelsnämnd"]


# --- 5. jäv without a party: no places or companies ----------------------------------------------
def _jav(text: str, header: str = "") -> list[tuple[str, str | None]]:
    ex = _extract("Protokoll\nStyrelsen\nDatum 2024-03-06\n" + header + "\n§ 3 Försäljning av fastighet\n\nBeslut\n"
                  "Styrelsen godkänner försäljningen.\n\n" + text + "\n")
    return [(p.name, p.party) for p in ex.items[0].jav]


def test_jav_names_no_organisation_or_place():
    assert _jav("Ahmed Karimi anmälde jäv på grund av sitt uppdrag i Sandvik Energi och deltog inte i beslutet.") == [
        ("Ahmed Karimi", None)]
    assert _jav("Ledamoten anmälde jäv eftersom Region Gävleborg är motpart.") == []
    assert _jav("Jäv\nSara Nyström anmäler jäv då hon är anställd vid Gävle Energi AB.") == [("Sara Nyström", None)]
    assert _jav("Jäv anmäldes av ledamoten som arbetar hos Sandvikens Bostäder.") == []


def test_jav_names_of_members_unchanged():
    assert _jav("Ahmed Karimi anmälde jäv och deltog inte i beslutet.") == [("Ahmed Karimi", None)]
    assert _jav("På grund av jäv deltar inte Sara Nyström i handläggningen.") == [("Sara Nyström", None)]
    assert _jav("Jäv\nAhmed Karimi") == [("Ahmed Karimi", None)]
    assert _jav("Sara Nyström (S) anmäler jäv.") == [("Sara Nyström", "S")]
    # a member of the attendance list stays one whatever the words around
    assert _jav("Jäv anmäldes av Gustav Energi.", header="Närvarande\nGustav Energi\nAnna Ek\n") == [
        ("Gustav Energi", None)]


# --- 6. formalities ------------------------------------------------------------------------------
_FORMALITIES = """Protokoll
Kommunstyrelsen
Sammanträdesdatum 2024-04-16

§ 1 Mötets öppnande
Ordföranden förklarade mötet öppnat.

§ 2 Upprop
Upprop förrättades.

§ 3 Val av justerare
Till justerare utsågs Anna Berg.

§ 4 Godkännande av dagordning
Dagordningen godkändes.

§ 5 Mötets avslutande
Ordföranden tackade de närvarande och förklarade mötet avslutat.

§ 6 Detaljplan

Beslut
Kommunstyrelsen antar detaljplanen.
"""


def test_formalities_a_declaration_is_no_decision_and_an_election_is_one():
    got = [(it.paragraph, len(it.decisions), it.outcome) for it in _extract(_FORMALITIES).items]
    assert got == [("1", 0, None), ("2", 0, None), ("3", 1, "bifall"), ("4", 1, "bifall"), ("5", 0, None),
                   ("6", 1, "bifall")]
    opened = _FORMALITIES.replace("Ordföranden förklarade mötet öppnat.",
                                  "Sammanträdet öppnades av ordföranden, som hälsade alla välkomna.")
    assert (_extract(opened).items[0].decisions, _extract(opened).items[0].outcome) == ([], None)


def test_formalities_decided_in_the_active_voice_unchanged():
    ex = _extract("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2021-06-14\n\n§ 112 Val av justerare\n\n"
                  "Kommunfullmäktiges beslut\nFullmäktige utser Lars Berglund (S) och Sofia Holm (C) att jämte "
                  "ordföranden justera dagens protokoll.\n\n§ 113 Dagordning\n\nBeslut\nDagordningen fastställs.\n")
    assert [(len(it.decisions), it.outcome) for it in ex.items] == [(1, "bifall"), (1, "bifall")]
    # a decision that mentions a meeting being opened is still one
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 7 Öppet hus\n\nBeslut\n"
                  "Kommunstyrelsen beslutar att förklara biblioteket öppnat för allmänheten på söndagar.\n")
    assert len(ex.items[0].decisions) == 1


# --- 7. a genitive name before its party ------------------------------------------------------------
def _proposals_of(yrkanden: str) -> list[tuple[str | None, str | None, str, str | None]]:
    text = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\n"
            "Yrkanden\n" + yrkanden + "\n\nBeslut\nKommunstyrelsen antar detaljplanen.\n")
    return [(p.name, p.party, p.type, p.supports) for p in _extract(text).items[0].proposals]


def test_support_for_a_genitive_name_seen_nowhere_bare():
    assert _proposals_of("Anna Berg (S) yrkar bifall till Lars Ströms (M) tilläggsyrkande.") == [
        ("Anna Berg", "S", "tillagg", "Lars Ström")]
    assert _proposals_of("Anna Berg (S) instämmer i Lars Ströms (M) förslag.") == [
        ("Anna Berg", "S", "bifall", "Lars Ström")]


def test_names_that_end_in_s_unchanged():
    # a name ending in s takes no genitive s ("Lars Fors (M) yrkande"), nor does a Latin -us
    assert _proposals_of("Anna Berg (S) yrkar bifall till Lars Fors (M) yrkande. Lars Fors (M) yrkar avslag.") == [
        ("Anna Berg", "S", "bifall", "Lars Fors"), ("Lars Fors", "M", "avslag", None)]
    assert _proposals_of("Anna Berg (S) yrkar bifall till Per Celsius (M) yrkande.") == [
        ("Anna Berg", "S", "bifall", "Per Celsius")]
    assert _proposals_of("Anna Berg (S) yrkar bifall till Hans Ströms (M) yrkande. Hans Ström (M) yrkar avslag.") == [
        ("Anna Berg", "S", "bifall", "Hans Ström"), ("Hans Ström", "M", "avslag", None)]
    # a proposer whose name ends in s, not followed by a proposal word
    assert _proposals_of("Lisa Ambros (V) yrkar avslag.") == [("Lisa Ambros", "V", "avslag", None)]


# --- 8. OCR'd voting lists: names matched to the document's own -------------------------------------
_OCR_BALLOTS = """Protokoll
Socialnämnden
Sammanträdesdatum 2024-05-21

Beslutande
Maria Olofsson (S), ordförande
Sanna Mäkinen (S)
Kent Åberg (SD)
Roger Sundqvist (M)
Eva Lund (V)

§ 41   Dnr SN 2024/77
Heltid som norm

Yrkanden
Kent Åberg (SD) yrkar avslag.

Omröstning
Votering begärs. Ja för förvaltningens förslag, nej för avslag.
Med 3 ja-röster mot 2 nej-röster beslutar nämnden enligt förvaltningens förslag.

Ledamöter\tJa\tNej
Maria Olofsson (S)\tX\t
Sanna Makinen (S)\tX\t
Kent Aberg (SD)\t\tX
Roger Sundavist (M)\tX\t
Eva Lind (V)\t\tX

Beslut
Nämnden antar förvaltningens förslag.
"""


def test_ocr_damaged_ballot_names_take_the_documents_spelling():
    ballots = [(b.name, b.vote) for b in _extract(_OCR_BALLOTS).items[0].votes[0].ballots]
    assert ballots[:4] == [("Maria Olofsson", "ja"), ("Sanna Mäkinen", "ja"), ("Kent Åberg", "nej"),
                           ("Roger Sundqvist", "ja")]


def test_a_short_name_a_letter_away_or_an_ambiguous_one_unchanged():
    # "Eva Lind" is a letter from "Eva Lund" but short names that close are different people
    assert _extract(_OCR_BALLOTS).items[0].votes[0].ballots[4].name == "Eva Lind"
    # two members the same distance away: no guess
    text = _OCR_BALLOTS.replace("Eva Lund (V)\n", "Eva Lund (V)\nRoger Sundkvist (M)\n")
    assert _extract(text).items[0].votes[0].ballots[3].name == "Roger Sundavist"
