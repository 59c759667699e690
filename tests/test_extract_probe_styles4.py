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


# --- 2. a date after a diary-number label ---------------------------------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_a_calendar_date_after_a_dnr_label_is_no_diary_number():
    assert _dnr("Dnr: 2023-05-16") == []
    assert _dnr("Dnr 2023-05-16") == []
    ex = _extract("Tjänsteutlåtande\nSocialförvaltningen\nDnr: 2023-05-16\nTill Socialnämnden\n\n"
                  "Riktlinjer för ekonomiskt bistånd\n\nFörslag till beslut\n"
                  "Socialnämnden antar riktlinjerna.\n")
    assert ex.dnr == []
    # a protocol's header with the date where the number belongs, the number under the §
    ex = _extract("Protokoll\nSocialnämnden\nDnr 2023-05-16\n\n§ 31  Dnr SN 2023/0123\nRiktlinjer\n\n"
                  "Beslut\nSocialnämnden antar riktlinjerna.\n")
    assert (ex.dnr, ex.items[0].dnr) == (["SN 2023/0123"], ["SN 2023/0123"])


def test_year_and_serial_numbers_after_a_label_unchanged():
    # CONVENTIONS.md: "2020-1234", "BN 2025-1234", "F 2020-0435" are diary numbers
    assert _dnr("Dnr 2020-1234") == ["2020-1234"]
    assert _dnr("Dnr BN 2025-1234") == ["BN 2025-1234"]
    assert _dnr("Diarienummer: F 2020-0435") == ["F 2020-0435"]
    # a body prefix before a calendar date no longer makes it a number (the sixth round,
    # test_extract_probe_styles6.py); a prefixed year and serial still is one
    assert _dnr("Dnr KS 2023-05-16") == []
    assert _dnr("Dnr KS 2023-0516") == ["KS 2023-0516"]
    # no valid month and day: a serial with a suffix, not a date
    assert _dnr("Dnr 2023-13-45") == ["2023-13-45"]
    assert _dnr("Dnr 2023-0516") == ["2023-0516"]


# --- 3. a class code joined by a dot ----------------------------------------------------------------
def test_a_dotted_class_code_is_part_of_the_number():
    assert _dnr("Dnr KS 2023/45.041") == ["KS 2023/45.041"]
    assert _dnr("Ärendet (KS 2023/45.041) återremitteras.") == ["KS 2023/45.041"]
    assert _dnr("Diarienummer: 2021/1234.3.2") == ["2021/1234.3.2"]
    # a full stop ending the sentence after it is not part of it
    assert _dnr("Se ärende KS 2023/45.041.") == ["KS 2023/45.041"]
    ex = _extract("Protokollsutdrag\nKommunstyrelsen\nSammanträdesdatum 2023-05-16\n\n"
                  "§ 31  Dnr KS 2023/45.041\nBudget 2024\n\nBeslut\nKommunstyrelsen godkänner budgeten.\n")
    assert (ex.items[0].title, ex.items[0].dnr, ex.dnr) == ("Budget 2024", ["KS 2023/45.041"], ["KS 2023/45.041"])


def test_numbers_near_a_dot_unchanged():
    # a sentence's full stop, then a number of the next sentence
    assert _dnr("Dnr KS 2023/45. 3 ledamöter deltog inte.") == ["KS 2023/45"]
    assert _dnr("KS 2014/0159.") == ["KS 2014/0159"]
    # the dot that joins the prefix to a dotted number, and the dash class
    assert _dnr("Dnr KS.2022.0031") == ["KS.2022.0031"]
    assert _dnr("SN 2014/0033-753") == ["SN 2014/0033-753"]
    assert _dnr("Dnr 3.2-0100/2012") == ["3.2-0100/2012"]


# --- 4. "31 §" and "§ 31/2023" headings ------------------------------------------------------------
_HEAD = "Protokoll\nKommunstyrelsen\nSammanträdesdatum 2023-05-16\n\n"


def _items(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(i.paragraph, i.title, i.dnr) for i in _extract(text).items]


def test_number_before_the_sign_heads_an_item():
    assert _items(_HEAD + "31 §\tBudget 2024\nDnr KS 2023/45\n\nBeslut\nKommunstyrelsen godkänner budgeten.\n\n"
                  "32 §\tDelegationsbeslut\n\nBeslut\nRedovisningen läggs till handlingarna.\n") == [
        ("31", "Budget 2024", ["KS 2023/45"]), ("32", "Delegationsbeslut", [])]
    # a protocol extract of one paragraph, the title on the next line
    assert _items("Protokollsutdrag\nSocialnämnden\nSammanträdesdatum 2023-05-16\n\n31 §\n"
                  "Riktlinjer för ekonomiskt bistånd\nDnr SN 2023/0123\n\nBeslut\nSocialnämnden antar riktlinjerna.\n") == [
        ("31", "Riktlinjer för ekonomiskt bistånd", ["SN 2023/0123"])]


def test_paragraph_numbered_with_its_year():
    assert _items(_HEAD + "§ 31/2023 Budget 2024\nDnr KS 2023/45\n\nBeslut\nKommunstyrelsen godkänner budgeten.\n\n"
                  "§ 32/2023 Delegationsbeslut\n\nBeslut\nRedovisningen läggs till handlingarna.\n") == [
        ("31", "Budget 2024", ["KS 2023/45"]), ("32", "Delegationsbeslut", [])]
    assert _items(_HEAD + "KS § 31/23\tBudget 2024\n\nBeslut\nKommunstyrelsen godkänner budgeten.\n") == [
        ("31", "Budget 2024", [])]


def test_legal_references_are_no_items():
    body = ("§ 31 Biståndsbeslut\nDnr SN 2023/0123\n\nBeslut\nEnligt 31 § förvaltningslagen ska beslutet motiveras.\n"
            "Nämnden beslutar med stöd av 4 kap. 1 § socialtjänstlagen och\n6 kap. 5 § SoL att bevilja bistånd.\n")
    assert _items(_HEAD + body) == [("31", "Biståndsbeslut", ["SN 2023/0123"])]
    # where the minutes head their paragraphs "31 §", a law cited at the start of a line is no item,
    # neither wrapped onto it nor standing apart
    got = _items(_HEAD + "31 § Biståndsbeslut\n\nBeslut\nNämnden beslutar med stöd av 4 kap.\n"
                 "1 § socialtjänstlagen att bevilja bistånd.\n\n"
                 "5 § SoL\n\n6 kap. 5 § SoL gäller.\n\n32 §  Övriga frågor\n\nBeslut\nInga frågor.\n")
    assert [(p, t) for p, t, _ in got] == [("31", "Biståndsbeslut"), ("32", "Övriga frågor")]
    # a statute quoted in a tjänsteutlåtande, a paragraph standing apart, heads nothing
    ex = _extract("Tjänsteutlåtande\nSocialförvaltningen\nDatum 2023-05-02\nDnr SN 2023/0123\n\n"
                  "Riktlinjer för ekonomiskt bistånd\n\nBakgrund\nAv lagen framgår följande.\n\n"
                  "4 § Kommunen ansvarar för att den enskilde får det stöd som behövs.\n\n"
                  "Förslag till beslut\nSocialnämnden antar riktlinjerna.\n")
    assert [i.paragraph for i in ex.items] == [""]


# --- 5. the board's proposal in the council's own protocol -------------------------------------------
_KF = """Kommunfullmäktige
Protokoll
Sammanträdesdatum 2023-05-16

§ 31   Dnr KS/2019:123
Svar på motion om gratis kollektivtrafik för pensionärer

Kommunstyrelsens förslag till kommunfullmäktige
Motionen anses besvarad.
{beslut}"""


def test_the_boards_proposal_to_the_council_is_not_the_councils_decision_again():
    ex = _extract(_KF.format(beslut="\nKommunfullmäktiges beslut\nMotionen anses besvarad.\n"))
    assert ([d.text for d in ex.items[0].decisions], ex.items[0].outcome) == (["Motionen anses besvarad."], "besvarad")
    ex = _extract(_KF.format(beslut="\nYrkanden\nEva Björk (V) yrkar bifall till motionen.\n\n"
                                    "Kommunfullmäktiges beslut\n1. Motionen bifalls.\n2. Kommunstyrelsen får i uppdrag att införa avgiftsfri kollektivtrafik.\n"))
    assert [d.text for d in ex.items[0].decisions] == [
        "Motionen bifalls.", "Kommunstyrelsen får i uppdrag att införa avgiftsfri kollektivtrafik."]


def test_the_boards_proposal_in_its_own_protocol_or_alone_unchanged():
    # alone, the proposal is what the record has of the decision
    ex = _extract(_KF.format(beslut=""))
    assert [d.text for d in ex.items[0].decisions] == ["Motionen anses besvarad."]
    # in the board's own protocol both are the board's decisions: for itself and to the council
    ex = _extract("Kommunstyrelsen\nProtokoll\nSammanträdesdatum 2023-04-25\n\n§ 61   Dnr KS 2023/0088\n"
                  "Budget 2024\n\nKommunstyrelsens beslut\nKommunstyrelsen fastställer internbudgeten.\n\n"
                  "Kommunstyrelsens förslag till kommunfullmäktige\nBudgeten för 2024 fastställs.\n")
    assert [d.text for d in ex.items[0].decisions] == [
        "Kommunstyrelsen fastställer internbudgeten.", "Budgeten för 2024 fastställs."]


# --- 6. the date alone in an extract's letterhead ---------------------------------------------------
_UTDRAG = "{head}\nSocialnämnden\n{date_line}\n\n§ 77    Ärendenr SN 2023/0456\n{under}Riktlinjer för färdtjänst\n\n" \
          "Socialnämndens beslut\nSocialnämnden beslutar i enlighet med förvaltningens förslag.\n"


def test_a_date_alone_under_an_extracts_heading_is_the_meeting_date():
    for head in ("Utdrag ur sammanträdesprotokoll", "PROTOKOLLSUTDRAG", "Utdrag ur protokoll"):
        ex = _extract(_UTDRAG.format(head=head, date_line="2023-06-13", under=""))
        assert (ex.doc_type, ex.meeting_date) == ("protokollsutdrag", "2023-06-13")
    # behind a tjänsteskrivelse, the extract's own part has its date
    ex = _extract("Tjänsteskrivelse\nSocialförvaltningen\nDatum: 2023-05-16\nVår beteckning: SN 2023/0456\n"
                  "Till Socialnämnden\n\nRiktlinjer för färdtjänst\n\nFörslag till beslut\n"
                  "Socialnämnden antar riktlinjerna.\n\f"
                  + _UTDRAG.format(head="Utdrag ur sammanträdesprotokoll", date_line="2023-06-13", under=""))
    assert [(p.doc_type, p.date) for p in ex.parts] == [("tjansteutlatande", "2023-05-16"), ("protokollsutdrag", "2023-06-13")]


def test_a_date_under_the_extracts_item_or_in_a_sentence_unchanged():
    ex = _extract(_UTDRAG.format(head="Protokollsutdrag", date_line="", under="2023-06-13\n"))
    assert ex.meeting_date is None
    ex = _extract(_UTDRAG.format(head="Protokollsutdrag", date_line="Riktlinjerna antogs 2023-06-13.", under=""))
    assert ex.meeting_date is None


# --- 7. the order of voting is no proposal ---------------------------------------------------------
def _beslutsgang(lines: str) -> list[tuple[str | None, str | None, str, str | None]]:
    text = ("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2023-06-19\n\n§ 58   Dnr KS 2023/0210\n"
            "Ändrade taxor för vatten och avlopp\n\nYrkanden\nSara Lund (C) yrkar bifall till kommunstyrelsens förslag.\n"
            "Omar Haddad (S) yrkar avslag.\n\nBeslutsgång\n" + lines + "\n\nKommunfullmäktiges beslut\nTaxorna ändras.\n")
    return [(p.name, p.party, p.type, p.supports) for p in _extract(text).items[0].proposals]


_TWO = [("Sara Lund", "C", "bifall", None), ("Omar Haddad", "S", "avslag", None)]


def test_ja_equals_and_ja_for_state_the_voting_order():
    assert _beslutsgang("Omröstning begärs.\nJA = bifall till Sara Lunds (C) yrkande  "
                        "NEJ = bifall till Omar Haddads (S) yrkande\n31 ledamöter röstar JA och 18 röstar NEJ.") == _TWO
    assert _beslutsgang("Omröstning begärs.\nJa för bifall till Sara Lunds (C) yrkande, nej för bifall till "
                        "Omar Haddads (S) yrkande.\nMed 31 ja-röster mot 18 nej-röster bifalls yrkandet.") == _TWO


def test_a_member_opening_a_sentence_in_the_beslutsgang_unchanged():
    # the OCR-garbled verb after a member still proposes
    assert _beslutsgang("Ordföranden Eva Björk (V) fmesiog bifall till motionen.") == _TWO + [
        ("Eva Björk", "V", "bifall", None)]
