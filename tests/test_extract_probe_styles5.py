"""A fifth round of probe styles: regional councils and boards, small municipalities numbering
their items "Ärende 5", voting lists in an appendix ("Bilaga 1, omröstningslista § 44"), decisions
continued over a page with a "§ 201 (forts.)" header, parties written out in brackets. Each case
is a short excerpt in the shape some municipality or region prints it, and beside it a near shape
whose reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


# --- 1. "Ärende 5" instead of "§ 5" ------------------------------------------------------------
_ARENDE = """SAMMANTRÄDESPROTOKOLL
Kommunstyrelsen
Sammanträdesdatum: 2024-03-12

Beslutande: Per Sandberg (C), ordförande
Maria Holm (S)
Justerare: Maria Holm

Ärende 5
Dnr KS 2024/41
Bidrag till hembygdsföreningen

Jäv
Britt Åkesson (KD) anmäler jäv och deltar inte i handläggningen av ärendet.

Kommunstyrelsens beslut
Kommunstyrelsen beviljar föreningen 25 000 kronor i bidrag för 2024.

Ärende 6 Taxa för renhållning 2024
Dnr KS 2024/17

Yrkanden
Jonas Eriksson (M) yrkar att ärendet återremitteras.

Kommunstyrelsens beslut
Ärendet återremitteras till förvaltningen.
"""


def test_arende_numbers_head_the_items_of_a_protocol():
    items = _extract(_ARENDE).items
    assert [(i.paragraph, i.title, i.dnr) for i in items] == [
        ("5", "Bidrag till hembygdsföreningen", ["KS 2024/41"]),
        ("6", "Taxa för renhållning 2024", ["KS 2024/17"])]
    assert [j.name for j in items[0].jav] == ["Britt Åkesson"]
    assert [d.text for d in items[0].decisions] == [
        "Kommunstyrelsen beviljar föreningen 25 000 kronor i bidrag för 2024."]
    assert [(p.name, p.type) for p in items[1].proposals] == [("Jonas Eriksson", "aterremiss")]
    assert items[1].outcome == "aterremiss"


def test_arende_in_running_text_or_beside_paragraphs_unchanged():
    # a sentence that names an item, wrapped to the start of a line, heads nothing
    text = _ARENDE.replace("Ärende 5\nDnr KS 2024/41", "§ 5\nDnr KS 2024/41").replace(
        "Ärende 6 Taxa", "§ 6 Taxa").replace(
        "Kommunstyrelsen beviljar föreningen", "Ordföranden meddelar att\n\nÄrende 7 behandlas efter ärende 8.\n\n"
                                              "Kommunstyrelsen beviljar föreningen")
    assert [i.paragraph for i in _extract(text).items] == ["5", "6"]
    # without § and with the word only in lower-case sentences: one item, as before
    one = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-03-12\n\nBidrag till hembygdsföreningen\n\n"
           "Ärende 5 i kallelsen behandlades först.\n\nKommunstyrelsens beslut\nBidraget beviljas.\n")
    assert [i.paragraph for i in _extract(one).items] == [""]
    # a range of items standing apart ("Ärende 1–3", a header's list) heads nothing either
    ranged = one.replace("Ärende 5 i kallelsen behandlades först.", "Ärende 1–3\n\nÄrende 4 - 5")
    assert [i.paragraph for i in _extract(ranged).items] == [""]


# --- 2. a party written out in brackets --------------------------------------------------------
def _proposals(yrkanden: str):
    text = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-10-07\n\n§ 150   Dnr KS 2024/250\n"
            "Försäljning av fastigheten Hagen 4:2\n\nYrkanden\n" + yrkanden +
            "\n\nKommunstyrelsens beslut\nFastigheten säljs.\n")
    return [(p.name, p.party, p.type, p.supports) for p in _extract(text).items[0].proposals]


def test_a_party_written_out_or_named_before_its_abbreviation():
    assert _proposals("Bo Stål (MP) yrkar avslag.\nSven Hall (Sjukvårdspartiet) instämmer i Bo Ståls (MP) yrkande.") == [
        ("Bo Stål", "MP", "avslag", None), ("Sven Hall", "SJV", "bifall", "Bo Stål")]
    assert _proposals("Ida Stern (Liberalerna) yrkar bifall till förslaget.") == [("Ida Stern", "L", "bifall", None)]
    assert _proposals("Nils Blom (Jämtlandspartiet, JP) yrkar avslag.") == [("Nils Blom", "JP", "avslag", None)]
    header = ("Beslutande: Sofia Grön (Lokalt Alternativ, LA), ordförande\n"
              "Ida Stern (Liberalerna), tjänstgörande ersättare för Ove Lind (L)\n")
    text = "Sammanträdesprotokoll\nBarn- och utbildningsnämnden\nSammanträdesdatum 2024-05-14\n" + header + \
        "\n§ 30   Dnr BUN 2024/77\nDigital strategi\n\nBeslut\nStrategin antas.\n"
    assert [(a.name, a.party, a.role, a.substitutes_for) for a in _extract(text).attendance] == [
        ("Sofia Grön", "LA", "ordforande", None), ("Ida Stern", "L", "tjanstgorande_ersattare", "Ove Lind")]


def test_other_words_in_brackets_unchanged():
    # an unknown word, an appendix or a role in brackets is no party
    assert _proposals("Sven Hall (Hjärtat) yrkar avslag.") == []
    assert _proposals("Sven Hall (bilaga 3, S) yrkar avslag.") == []
    assert _proposals("Anna Berg (S) yrkar bifall.\nPer Ek (V) yrkar avslag.") == [
        ("Anna Berg", "S", "bifall", None), ("Per Ek", "V", "avslag", None)]


# --- 3. a decision continued on the next page, no form feed between --------------------------
_CONTINUED = """Protokoll
Regionstyrelsen
Sammanträdesdatum 2024-09-10

§ 201   Dnr RS 2024/1415
Budget och verksamhetsplan 2025–2027

Regionstyrelsens beslut
1. Budget och verksamhetsplan 2025–2027 fastställs.
2. Skattesatsen för 2025 fastställs till 11,51 kronor.
Justerandes signatur                Utdragsbestyrkande
Sida 2 (3)
Regionstyrelsen
Sammanträdesdatum 2024-09-10
§ 201 (forts.)
3. Regionstyrelsen får i uppdrag att fördela ramarna till nämnderna.
4. Låneramen för 2025 fastställs till 900 miljoner kronor.

Reservation
Rolf Granberg (M) reserverar sig mot beslutet.
"""


def test_a_continuation_header_is_no_part_of_the_decision_above_it():
    want = ["Budget och verksamhetsplan 2025–2027 fastställs.",
            "Skattesatsen för 2025 fastställs till 11,51 kronor.",
            "Regionstyrelsen får i uppdrag att fördela ramarna till nämnderna.",
            "Låneramen för 2025 fastställs till 900 miljoner kronor."]
    assert [d.text for d in _extract(_CONTINUED).items[0].decisions] == want
    # "Forts. § 201" and a page counter alone ("3 (12)") do the same
    text = _CONTINUED.replace("§ 201 (forts.)", "Forts. § 201").replace("Sida 2 (3)", "2 (3)")
    assert [d.text for d in _extract(text).items[0].decisions] == want
    assert [s.kind for s in _extract(_CONTINUED).items[0].statements] == ["reservation"]


def test_a_body_named_in_a_decision_point_unchanged():
    # the letterhead's words inside a point, with no page break near, stay in it
    text = _CONTINUED.replace(
        "2. Skattesatsen för 2025 fastställs till 11,51 kronor.\nJusterandes signatur                Utdragsbestyrkande\n"
        "Sida 2 (3)\nRegionstyrelsen\nSammanträdesdatum 2024-09-10\n§ 201 (forts.)\n",
        "2. Skattesatsen för 2025 fastställs till 11,51 kronor, som beslutat av\nRegionstyrelsen\n")
    assert [d.text for d in _extract(text).items[0].decisions][1] == \
        "Skattesatsen för 2025 fastställs till 11,51 kronor, som beslutat av Regionstyrelsen"


# --- 4. a voting list in an appendix named by its number ----------------------------------------
def _with_appendix(heading: str, result_45: bool = False) -> str:
    return ("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2024-04-22\n\n§ 44   Dnr KS 2023/301\nÅrsredovisning 2023\n\n"
            "Omröstning\nOmröstning begärs och verkställs.\nOmröstningsresultat: 2 ja, 1 nej (bilaga 1).\n\n"
            "Kommunfullmäktiges beslut\nÅrsredovisningen godkänns.\n\n§ 45   Dnr KS 2024/88\nMotion om solceller\n\n"
            + ("Omröstning\nOmröstning begärs.\nMed 1 ja-röst mot 2 nej-röster avslås motionen.\n\n" if result_45 else "")
            + "Kommunfullmäktiges beslut\nMotionen anses besvarad.\n\n" + heading + "\n\n"
            "Ledamöter            Ja   Nej  Avstår\nUlf Berg (S)         X\nJan Ek (S)           X\n"
            "Mona Lund (SD)            X\n")


def test_a_voting_list_headed_by_its_appendix_number():
    for heading in ("Bilaga 1, omröstningslista § 44", "Bilaga 1 – Voteringslista",
                    "Närvaro- och omröstningslista § 44"):
        items = _extract(_with_appendix(heading)).items
        assert [(b.name, b.vote) for b in items[0].votes[0].ballots] == [
            ("Ulf Berg", "ja"), ("Jan Ek", "ja"), ("Mona Lund", "nej")], heading
        assert items[0].votes[0].counts_agree is True
        assert items[1].votes == [], heading
    # the heading's paragraph decides between two votes without ballots
    items = _extract(_with_appendix("Bilaga 2, omröstningslista § 45", result_45=True)).items
    assert items[0].votes[0].ballots == [] and len(items[1].votes[0].ballots) == 3


def test_an_appendix_named_in_a_sentence_unchanged():
    # "Omröstningslista, se bilaga 1" inside the item, its decision after it: the item goes on
    text = ("Protokoll\nKommunfullmäktige\nSammanträdesdatum 2024-04-22\n\n§ 44   Dnr KS 2023/301\nÅrsredovisning 2023\n\n"
            "Omröstning\nMed 2 ja-röster mot 1 nej-röst bifalls förslaget.\nBilaga 1, omröstningslista\n\n"
            "Kommunfullmäktiges beslut\nÅrsredovisningen godkänns.\n")
    [item] = _extract(text).items
    assert [d.text for d in item.decisions] == ["Årsredovisningen godkänns."]
    assert [(v.yes, v.no) for v in item.votes] == [(2, 1)]


# --- 5. serial-first diary numbers with a slash after the prefix -------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_region_prefix_slash_serial_slash_year():
    assert _dnr("§ 310   Dnr RS/1877/2024") == ["RS/1877/2024"]
    assert _dnr("Diarienummer: RS / 0012/2024") == ["RS/0012/2024"]


def test_serial_first_shapes_and_unlabelled_slashes_unchanged():
    assert _dnr("Dnr KS 1877/2024") == ["KS 1877/2024"]
    assert _dnr("Dnr RS 1234-2024") == ["RS 1234-2024"]
    assert _dnr("Dnr RS/1902/2024") == ["RS/1902/2024"]
    assert _dnr("se RS/1877/2024 i bilagan") == []        # serial first only after a label


# --- 6. a sum row under a table with a Närv. column --------------------------------------------
def test_sum_row_read_under_its_heads_with_a_presence_column():
    from extract.votes import votes_of
    text = ("Omröstning begärs och verkställs.\n\n"
            "Ledamöter               Tjänstgörande ersättare    Närv.  Ja   Nej  Avstår\n"
            "Anna Ek (S)                                         X      X\n"
            "Erik Ny (M)             Olle Falk (M)               X           X\n"
            "Summa                                               3      2    1\n")
    assert [(v.yes, v.no, v.abstain) for v in votes_of(text)] == [(2, 1, None)]
    # the numbers not under any head, or a tab layout that may have left out the empty cell: no count
    assert votes_of(text.replace("Summa                                               3      2    1",
                                 "Summa 3 2 1")) == []
    tabbed = "Ledamöter\tNärv\tJa\tNej\tAvstår\nAnna Ek (S)\tX\tX\t\t\nSumma\t3\t2\t1\n"
    assert votes_of(tabbed) == []


def test_sum_row_of_a_plain_table_unchanged():
    from extract.votes import votes_of
    text = ("Ledamöter            Ja   Nej  Avstår\nUlf Berg (S)         X\nMona Lund (SD)            X\n"
            "Summa                1    1    0\n")
    assert [(v.yes, v.no, v.abstain) for v in votes_of(text)] == [(1, 1, 0)]
    tabbed = "Ledamöter\tJa\tNej\tAvstår\nPer Larsson (S)\tX\t\t\nSumma\t2\t1\t0\n"
    assert [(v.yes, v.no, v.abstain) for v in votes_of(tabbed)] == [(2, 1, 0)]


# --- 7. the region of two names -----------------------------------------------------------------
def test_region_jamtland_harjedalen():
    head = "\nProtokoll\nRegionstyrelsen\nSammanträdesdatum 2024-11-26\n\n§ 310\nAvgifter\n\nBeslut\nAvgifterna fastställs.\n"
    assert _extract("Region Jämtland Härjedalen" + head).municipality == "Region Jämtland Härjedalen"
    assert _extract("REGION JÄMTLAND HÄRJEDALEN" + head).municipality == "Region Jämtland Härjedalen"


def test_other_regions_and_words_after_them_unchanged():
    head = "\nRegionstyrelsen\nSammanträdesdatum 2024-11-26\n\n§ 310\nAvgifter\n\nBeslut\nAvgifterna fastställs.\n"
    assert _extract("Region Skåne Protokoll" + head).municipality == "Region Skåne"
    assert _extract("Region Örebro län" + head).municipality == "Region Örebro län"
    assert _extract("Region Jämtland" + head).municipality == "Region Jämtland"


# --- 8. "Ja röstar: …" and a local party written out in running text ---------------------------
_PROSE_VOTE = """Protokoll
Regionfullmäktige
Sammanträdesdatum 2024-04-16

§ 42   Dnr 1299-2024
Ny regional utvecklingsstrategi

Omröstning
Omröstning begärs och verkställs. Ja-röst för bifall till förslaget, nej-röst för avslag.
Omröstningsresultat: 3 ja, 2 nej, 1 avstår.

{lists}

Regionfullmäktiges beslut
Strategin antas.

Reservation (bilaga 3)
{reservation}
"""


def test_vote_word_before_rostar_opens_a_ballot_list():
    text = _PROSE_VOTE.format(lists="Ja röstar: Kent Ek (S), Ola Ek (S) och Aino Heikkinen (V)\n"
                                    "Nej röstar: Lena Öhman (SJVP), Siv Lund (M)\nAvstår: Eva Fors (KD)",
                              reservation="Ledamöterna för Sjukvårdspartiet reserverar sig mot beslutet.")
    item = _extract(text).items[0]
    [v] = item.votes
    assert [(b.name, b.vote) for b in v.ballots] == [
        ("Kent Ek", "ja"), ("Ola Ek", "ja"), ("Aino Heikkinen", "ja"), ("Lena Öhman", "nej"),
        ("Siv Lund", "nej"), ("Eva Fors", "avstår")]
    assert v.counts_agree is True
    assert [(s.kind, s.parties) for s in item.statements] == [("reservation", ["SJV"])]


def test_voting_order_in_words_and_lower_case_phrases_unchanged():
    text = _PROSE_VOTE.format(lists="Ja röstar den som vill bifalla förslaget, nej röstar den som vill avslå det.",
                              reservation="Ledamöterna reserverar sig för kommunens väl mot beslutet.")
    item = _extract(text).items[0]
    assert [v.ballots for v in item.votes] == [[]]
    assert [(s.kind, s.parties) for s in item.statements] == [("reservation", [])]
