"""More protocol styles met outside the sample archive (a second round of probes): each case is a
short excerpt in the shape some municipality or region prints it, and beside it a near shape whose
reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


def _votes(result: str) -> list[tuple[int | None, int | None, int | None, str | None]]:
    text = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\n"
            "Omröstning\nVotering begärs. Ja för arbetsutskottets förslag, nej för avslag.\n" + result +
            "\n\nBeslut\nKommunstyrelsen antar detaljplanen.\n")
    return [(v.yes, v.no, v.abstain, v.outcome) for v in _extract(text).items[0].votes]


def test_result_as_a_score_after_rostsiffrorna():
    assert _votes("Med röstsiffrorna 7–4 beslutar kommunstyrelsen enligt ja.") == [(7, 4, None, "ja")]
    assert _votes("Med röstsiffrorna 5-4-2 beslutar kommunstyrelsen enligt ja.") == [(5, 4, 2, "ja")]
    assert _votes("Kommunstyrelsen beslutar med röstetalet sex mot fem enligt ja.") == [(6, 5, None, "ja")]
    assert _votes("Omröstningen utföll 7-4 till förmån för ja.") == [(7, 4, None, "ja")]
    assert _votes("Kommunstyrelsen beslutar med 7 röster för och 4 emot att anta planen.") == [(7, 4, None, "ja")]


def test_a_score_without_a_vote_word_or_a_date_is_no_count():
    assert _votes("Enligt §§ 7-4 i reglementet beslutar kommunstyrelsen enligt ja.") == []
    assert _votes("Omröstningsresultat 2024-04-16 finns i bilaga.") == []
    # the shapes read before stay as they were
    assert _votes("Kommunstyrelsen beslutar med 7 röster mot 4 att anta planen.") == [(7, 4, None, "ja")]
    assert _votes("Med 7 röster för bifall och 4 röster för avslag antas planen.") == [(7, 4, None, "ja")]
    assert _votes("Omröstningsresultat: 7 ja, 4 nej, 2 avstår.") == [(7, 4, 2, "ja")]


def _proposals_of(yrkanden: str) -> list[tuple[str | None, str | None, str]]:
    text = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\n"
            "Yrkanden\n" + yrkanden + "\n\nBeslut\nKommunstyrelsen antar detaljplanen.\n")
    return [(p.name, p.party, p.type) for p in _extract(text).items[0].proposals]


def test_avslag_on_another_proposal_is_an_avslag():
    # the återremiss (tillägg, bordläggning) named is the proposal rejected
    assert _proposals_of("Lars Ström (M) yrkar återremiss av ärendet.\n"
                         "Anna Berg (S) yrkar avslag på återremissyrkandet.") == [
        ("Lars Ström", "M", "aterremiss"), ("Anna Berg", "S", "avslag")]
    assert _proposals_of("Anna Berg (S) yrkar avslag på Lars Ströms (M) tilläggsyrkande.") == [
        ("Anna Berg", "S", "avslag")]
    assert _proposals_of("Anna Berg (S) yrkar att yrkandet om bordläggning ska avslås.") == [
        ("Anna Berg", "S", "avslag")]


def test_support_for_another_proposal_keeps_its_type():
    assert _proposals_of("Anna Berg (S) yrkar bifall till återremissyrkandet.") == [("Anna Berg", "S", "aterremiss")]
    assert _proposals_of("Anna Berg (S) yrkar att ärendet återremitteras och att motionen avslås.") == [
        ("Anna Berg", "S", "aterremiss")]
    assert _proposals_of("Anna Berg (S) yrkar avslag på motionen.") == [("Anna Berg", "S", "avslag")]


def _statements_of(text: str) -> list[tuple[str, list[str], list[str]]]:
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\n"
                  "Beslut\nKommunstyrelsen antar detaljplanen.\n\n" + text + "\n")
    return [(s.kind, s.names, s.parties) for s in ex.items[0].statements]


def test_a_party_speaking_through_its_members():
    assert _statements_of("Reservation\nCenterpartiet genom Per Ek reserverar sig mot beslutet.") == [
        ("reservation", ["Per Ek"], ["C"])]
    assert _statements_of("(M)-gruppen genom Lisa Holm och Eva Åberg reserverar sig mot beslutet.") == [
        ("reservation", ["Lisa Holm", "Eva Åberg"], ["M"])]
    assert _proposals_of("Socialdemokraterna genom gruppledaren Anna Berg yrkar bifall till förslaget.") == [
        ("Anna Berg", "S", "bifall")]


def test_a_party_without_a_named_member_or_a_member_with_brackets_unchanged():
    assert _statements_of("Reservation\nCenterpartiet genom sin gruppledare reserverar sig mot beslutet.") == [
        ("reservation", [], ["C"])]
    assert _statements_of("Reservation\nVänsterpartiet genom Kim Li (V) reserverar sig mot beslutet.") == [
        ("reservation", ["Kim Li"], ["V"])]
    assert _statements_of("Reservation\nKommunen genom Kim Li reserverar sig mot beslutet.") == [
        ("reservation", [], [])]


def test_protocol_heading_with_utdrag_after_it_is_an_extract():
    body = "\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\nBeslut\nPlanen antas.\n"
    for heading in ("Protokoll (utdrag)", "SAMMANTRÄDESPROTOKOLL – UTDRAG", "Sätila kommun\tProtokoll (utdrag)"):
        assert _extract(heading + body).doc_type == "protokollsutdrag", heading


def test_protocol_heading_without_utdrag_unchanged():
    body = "\nKommunstyrelsen\nSammanträdesdatum 2024-04-16\n\n§ 62   Dnr KS 2024/145\nDetaljplan\n\nBeslut\nPlanen antas.\n"
    assert _extract("Protokoll" + body).doc_type == "protokoll"
    assert _extract("Protokoll, utdrag och bilagor finns på webben." + body).doc_type == "protokoll"
    assert _extract("Utdrag ur protokoll" + body).doc_type == "protokollsutdrag"


def _question(omrostning: str) -> str | None:
    text = ("Protokoll\nRegionfullmäktige\nSammanträdesdatum 2024-06-18\n\n§ 87\nRegionplan\n\nOmröstning\n"
            + omrostning + "\n\nBeslut\nRegionfullmäktige fastställer planen.\n")
    return _extract(text).items[0].votes[0].question


def test_a_question_without_a_full_stop_ends_where_the_ballots_begin():
    ballots = ("Ja-röster: Per Ek (S), Eva Ek (KD)\nNej-röster: Bo Ek (SD)\n"
               "Med 2 ja-röster mot 1 nej-röst beslutar fullmäktige att avgöra ärendet idag.")
    assert _question("Omröstning begärs.\nJa-röst för att avgöra ärendet idag, nej-röst för återremiss\n"
                     + ballots) == "Ja-röst för att avgöra ärendet idag, nej-röst för återremiss"
    assert _question("Omröstning begärs.\nJa för avgörande idag, nej för återremiss\n"
                     "Följande ledamöter röstar ja: Per Ek (S), Eva Ek (KD)\nFöljande ledamöter röstar nej: Bo Ek (SD)\n"
                     "Med 2 ja-röster mot 1 nej-röst avgörs ärendet idag.") == "Ja för avgörande idag, nej för återremiss"


def test_a_question_that_ends_with_its_full_stop_unchanged():
    assert _question("Omröstning begärs. Ja för Per Eks (S) yrkande, nej för Bo Eks (SD) yrkande.\n"
                     "Med 2 ja-röster mot 1 nej-röst bifalls Per Eks yrkande.") == \
        "Ja för Per Eks (S) yrkande, nej för Bo Eks (SD) yrkande"


def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_serial_first_diary_numbers_after_a_label():
    assert _dnr("Diarienummer: RS 1234-2024") == ["RS 1234-2024"]
    assert _dnr("Dnr KS 347/2019") == ["KS 347/2019"]
    assert _dnr("Dnr 123-2019") == ["123-2019"]
    ex = _extract("Protokoll\nRegionfullmäktige\nSammanträdesdatum 2024-06-18\n\n§ 87\nRegionplan\n"
                  "Diarienummer: RS 1234-2024\n\nBeslut\nRegionfullmäktige fastställer planen.\n")
    assert (ex.items[0].dnr, ex.dnr) == (["RS 1234-2024"], ["RS 1234-2024"])


def test_serial_first_without_a_label_or_a_year_is_no_diary_number():
    assert _dnr("Se KF 45/2019 och avsnitt 12-2019.") == []
    assert _dnr("Dnr SOU 12/2019") == []
    # the shapes read before stay as they were
    assert _dnr("Dnr KS 2014/0159, dnr 2020-1234, Dnr 0873/21") == ["KS 2014/0159", "2020-1234", "0873/21"]


def test_members_listed_before_a_colon_all_propose():
    # the colon stands for the verb (regions print their Yrkanden so)
    assert _proposals_of("Peter Olofsson (S), Nicklas Sandström (S) och Veronica Kerr (KD): bifall till "
                         "regionstyrelsens förslag.\nAnders Sellström (KD): återremiss.") == [
        ("Peter Olofsson", "S", "bifall"), ("Nicklas Sandström", "S", "bifall"), ("Veronica Kerr", "KD", "bifall"),
        ("Anders Sellström", "KD", "aterremiss")]


def test_a_colon_without_a_proposal_after_it_unchanged():
    assert _proposals_of("Peter Olofsson (S): Jag vill tacka förvaltningen för arbetet.") == []
    assert _proposals_of("Peter Olofsson (S) yrkar bifall till förslaget. Eva Ek (M) instämmer.") == [
        ("Peter Olofsson", "S", "bifall"), ("Eva Ek", "M", "bifall")]
    text = ("Protokoll\nSocialnämnden\nSammanträdesdag 2021-11-23\n\n§ 14\nMotion\n\nBeslutsgång\n"
            "Votering begärs och verkställs.\nJa-röster: Ulf Kristersson (M), Anna Lind (L)\n"
            "Nej-röster: Jan Valeskog (S)\nMed 2 ja-röster mot 1 nej-röst bifaller nämnden förslaget.\n\n"
            "Beslut\nNämnden bifaller förvaltningens förslag.\n")
    assert _extract(text).items[0].proposals == []


def _municipality(line: str) -> str | None:
    from extract.header import municipality_of
    from extract.text import split_lines
    return municipality_of(split_lines([(1, line)]))


def test_upper_case_letterheads_of_regions_and_two_word_names():
    assert _municipality("REGION VÄSTERBOTTEN") == "Region Västerbotten"
    assert _municipality("REGION KALMAR LÄN") == "Region Kalmar län"
    assert _municipality("Region Jönköpings län") == "Region Jönköpings län"
    assert _municipality("LILLA EDETS KOMMUN") == "Lilla Edets kommun"
    assert _municipality("UPPLANDS-BRO KOMMUN") == "Upplands-Bro kommun"


def test_upper_case_letterheads_read_before_unchanged():
    assert _municipality("ÖSTERÅKERS KOMMUN") == "Österåkers kommun"
    assert _municipality("MALMÖ STAD") == "Malmö stad"
    assert _municipality("REGIONSTYRELSEN") is None
    assert _municipality("Region Skåne") == "Region Skåne"


def _bolag_date(line: str) -> str | None:
    return _extract("Kommunfastigheter i Sandvik AB\n\nPROTOKOLL\nfört vid styrelsesammanträde\n" + line +
                    "\nPlats: Bolagets kontor\n\n§ 3 Försäljning av fastighet\n\nStyrelsen beslutade\n"
                    "att godkänna försäljningen.\n").meeting_date


def test_a_datum_label_with_the_date_written_after_its_weekday():
    assert _bolag_date("Datum: Onsdagen den 6:e mars 2024, kl. 15.00–17.00") == "2024-03-06"
    assert _bolag_date("Datum: den 6 mars 2024") == "2024-03-06"


def test_a_datum_label_with_digits_or_other_words_unchanged():
    assert _bolag_date("Datum: 2024-03-06") == "2024-03-06"
    assert _bolag_date("Datum för nästa möte: onsdagen den 6 mars 2024") is None


def _jav(text: str) -> list[tuple[str, str | None]]:
    ex = _extract("Protokoll\nStyrelsen\nDatum 2024-03-06\n\n§ 3 Försäljning av fastighet\n\nBeslut\n"
                  "Styrelsen godkänner försäljningen.\n\n" + text + "\n")
    return [(p.name, p.party) for p in ex.items[0].jav]


def test_jav_of_a_member_named_without_a_party():
    assert _jav("Ahmed Karimi anmälde jäv och deltog inte i beslutet.") == [("Ahmed Karimi", None)]
    assert _jav("På grund av jäv deltar inte Sara Nyström i handläggningen.") == [("Sara Nyström", None)]
    assert _jav("Jäv\nAhmed Karimi") == [("Ahmed Karimi", None)]


def test_jav_with_a_party_or_without_a_person_unchanged():
    assert _jav("Sara Nyström (S) anmäler jäv.") == [("Sara Nyström", "S")]
    assert _jav("Inget jäv anmäldes.") == []
    assert _jav("Byggbolaget AB har anmält jäv.") == []


def _bodies(text: str) -> list[str]:
    from extract.header import bodies_in
    return [b for _, b in bodies_in(text)]


def test_a_body_longer_by_a_syllable_is_not_the_known_one():
    assert _bodies("Miljö- och byggnadsnämnden") == ["Miljö- och byggnadsnämnden"]
    assert _bodies("Miljö- och byggnadsnämndens beslut") == ["Miljö- och byggnadsnämnden"]
    assert _bodies("Regionala utvecklingsnämnden") == ["Regionala utvecklingsnämnden"]
    assert _bodies("GEMENSAMMA SERVICENÄMNDEN") == ["Gemensamma servicenämnden"]


def test_ocr_damaged_and_known_bodies_unchanged():
    assert _bodies("Socialnimnden") == ["Socialnämnden"]
    assert _bodies("Kornmunstyrelsen") == ["Kommunstyrelsen"]
    assert _bodies("Miljö- och byggnämnden") == ["Miljö- och byggnämnden"]
    assert _bodies("Tekniska nämnden") == ["Tekniska nämnden"]


def test_municipality_in_a_long_title_sentence_of_an_extract():
    ex = _extract("Utdrag ur protokoll fört vid sammanträde med miljö- och byggnadsnämnden i Ljusdals kommun "
                  "den 22 februari 2024\n\nMBN § 23   Dnr MBN 2023-000915\nStrandskyddsdispens\n\n"
                  "Miljö- och byggnadsnämndens beslut\nNämnden beviljar dispens.\n")
    assert (ex.doc_type, ex.body, ex.municipality, ex.meeting_date) == (
        "protokollsutdrag", "Miljö- och byggnadsnämnden", "Ljusdals kommun", "2024-02-22")


def test_a_long_sentence_naming_a_municipality_is_still_no_letterhead():
    ex = _extract("Protokoll\nKommunstyrelsen har den 3 maj 2023 yttrat sig till miljö- och byggnadsnämnden i Ljusdals "
                  "kommun om detaljplanen för området vid Tallåsen\n\n§ 5\nÄrende\n\nBeslut\nNämnden beslutar enligt förslaget.\n")
    assert ex.municipality is None


_SIDE_BY_SIDE = """Kommunfullmäktige                    SAMMANTRÄDESPROTOKOLL
Hudiksvalls kommun                   Sammanträdesdatum 2024-03-25

Beslutande
Anna Andersson (S), ordförande
Björn Brink (M)

KF § 34                              Dnr KS 2023/789
Budget 2025

Omröstning 1
Ja-röst för Björn Brinks (M) yrkande, nej-röst för Cecilia Carlssons (V) yrkande.
Omröstningen utfaller med 2 ja-röster, 1 nej-röst och 1 som avstår.

Omröstning 2
Ja-röst för kommunstyrelsens förslag, nej-röst för Björn Brinks (M) yrkande.
Omröstningen utfaller med 2 ja-röster och 2 nej-röster.

Voteringslista
                                     Omröstning 1     Omröstning 2
Ledamöter                            Ja  Nej  Avst    Ja  Nej  Avst
Anna Andersson (S)                            X       X
Björn Brink (M)                      X                    X
Cecilia Carlsson (V)                     X            X
Eva Ek (M)                           X                    X

Beslut
Kommunfullmäktige fastställer budgeten.
"""


def test_column_heads_after_a_numbered_vote_heading_are_no_count():
    # "Omröstning 2 / Ledamöter Ja Nej Avst" is no "2 ledamöter ja"
    votes = _extract(_SIDE_BY_SIDE).items[0].votes
    assert [(v.yes, v.no, v.abstain) for v in votes] == [(2, 1, 1), (2, 2, None)]


def test_counts_before_the_next_word_of_a_result_row_unchanged():
    assert _votes("Resultat: Ja 7 Nej 4 Avstår 2") == [(7, 4, 2, "ja")]
    assert _votes("31 ledamöter röstar JA, 18 ledamöter röstar NEJ och 2 ledamöter AVSTÅR.") == [(31, 18, 2, "ja")]


def test_header_of_a_flattened_letterhead_with_prefixed_paragraphs():
    ex = _extract(_SIDE_BY_SIDE)
    assert ex.municipality == "Hudiksvalls kommun"
    # the attendance is the header's: the voting list under "KF § 34" is no "Ledamöter" label
    assert [(p.name, p.role) for p in ex.attendance] == [("Anna Andersson", "ordforande"), ("Björn Brink", "ledamot")]


def test_municipality_in_a_sentence_or_beside_other_words_unchanged():
    assert _municipality("Hudiksvalls kommun har beslutat att ställa in sammanträdet den 25 mars 2024") is None
    assert _municipality("Kommunstyrelsen\tHudiksvalls kommunkansli\t2024-01-01") is None
    assert _municipality("Göteborgs Stad\tProtokollsutdrag") == "Göteborgs Stad"


def test_den_som_rostar_for_states_the_question():
    assert _question("Votering begärs och verkställs.\nDen som röstar för förvaltningens förslag röstar ja, den som "
                     "röstar för M-gruppens yrkande röstar nej.\nMed sex ja-röster och fem nej-röster bifalls förslaget.") == \
        "Den som röstar för förvaltningens förslag röstar ja, den som röstar för M-gruppens yrkande röstar nej"
    # unchanged: "Den som vill …"
    assert _question("Votering begärs.\nDen som vill bifalla förslaget röstar ja, den som vill avslå det röstar nej.\n"
                     "Med sex ja-röster och fem nej-röster bifalls förslaget.") == \
        "Den som vill bifalla förslaget röstar ja, den som vill avslå det röstar nej"


_GBG = """Göteborgs Stad                                  Protokollsutdrag
{body}

Sammanträdesdatum: 2023-10-17
{justering}

§ 145  Dnr 0873/23
Yttrande över remiss om parkeringsnorm

Beslut
Nämnden lämnar yttrande enligt förvaltningens förslag.
"""


def test_district_named_after_the_word_and_dag_for_justering():
    ex = _extract(_GBG.format(body="Stadsdelsnämnden Centrum", justering="Dag för justering\n2023-10-20"))
    assert (ex.body, ex.municipality, ex.justering_date) == ("Stadsdelsnämnden Centrum", "Göteborgs Stad", "2023-10-20")


def test_district_before_the_word_and_other_justering_labels_unchanged():
    ex = _extract(_GBG.format(body="Södermalms stadsdelsnämnd", justering="Justeringsdatum 2023-10-20"))
    assert (ex.body, ex.justering_date) == ("Södermalms stadsdelsnämnd", "2023-10-20")
    ex = _extract(_GBG.format(body="Stadsdelsnämnden", justering="Dag för nästa sammanträde 2023-11-20"))
    assert (ex.body, ex.justering_date) == ("Stadsdelsnämnden", None)
