"""A sixth round of probe styles: parties written out as a group's name, a proposal owned in the
genitive after the party ("Lars Fors (M):s yrkande är att …"), "KS 31 §" headings, a date with a
body prefix after a "Dnr" label, and the party codes a document defines for itself. Each case is
a short excerpt in the shape some municipality prints it, and beside it a near shape whose
reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_ITEM = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-10-07\n{header}\n§ 150   Dnr KS 2024/250\n"
         "Försäljning av fastigheten Hagen 4:2\n\nYrkanden\n{yrkanden}\n\nKommunstyrelsens beslut\n"
         "Fastigheten säljs.\n\n{after}\n")


def _item(yrkanden: str = "Anna Berg (S) yrkar bifall.", after: str = "", header: str = ""):
    return _extract(_ITEM.format(header=header, yrkanden=yrkanden, after=after)).items[0]


def _statements(after: str, header: str = "") -> list[tuple[str, list[str], list[str]]]:
    return [(s.kind, s.names, s.parties) for s in _item(after=after, header=header).statements]


def _proposals(yrkanden: str, header: str = "") -> list[tuple[str | None, str | None, str, str | None]]:
    return [(p.name, p.party, p.type, p.supports) for p in _item(yrkanden, header=header).proposals]


# --- 1. a party's members speaking as a group, the party written out ----------------------------
def test_a_group_written_out_after_a_statement_named_by_its_kind():
    # "Reservation från Anna Berg (S)" opens a statement as "Anna Berg (S) reserverar sig" does:
    # the party group's own reservation after it is a reservation of its own, not more of hers
    for first in ("Reservation från Anna Berg (S), bilaga 2.", "Skriftlig reservation av Anna Berg (S)."):
        for group in ("Ledamöterna för Liberalerna reserverar sig mot beslutet.",
                      "(Liberalerna) reserverar sig mot beslutet."):
            assert _statements(f"Reservation\n{first}\n{group}") == [
                ("reservation", ["Anna Berg"], ["S"]), ("reservation", [], ["L"])], (first, group)


def test_a_local_party_written_out_with_its_code_is_a_group_not_a_person():
    assert _statements("Reservation\n(Lokalt Alternativ, LA) reserverar sig mot beslutet.") == [
        ("reservation", [], ["LA"])]
    assert _statements("Reservation\nLedamöterna för Lokalt Alternativ (LA) reserverar sig mot beslutet.") == [
        ("reservation", [], ["LA"])]
    assert _statements("Ledamöterna för Sjukvårdspartiet (SJVP) reserverar sig mot beslutet.") == [
        ("reservation", [], ["SJVP"])]
    assert _proposals("(Lokalt Alternativ, LA) yrkar avslag.") == [(None, "LA", "avslag", None)]
    assert _proposals("Sjukvårdspartiet (SJVP) yrkar avslag.") == [(None, "SJVP", "avslag", None)]


def test_group_statements_and_members_unchanged():
    # the national parties written out, alone or in brackets, were read before and still are
    assert _statements("Reservation\nLedamöterna för Liberalerna reserverar sig mot beslutet.") == [
        ("reservation", [], ["L"])]
    assert _statements("(Liberalerna) reserverar sig mot beslutet.") == [("reservation", [], ["L"])]
    assert _statements("Ida Stern (Liberalerna) reserverar sig mot beslutet.") == [
        ("reservation", ["Ida Stern"], ["L"])]
    # a statement named by its kind goes on in sentences without a verb of their own
    assert _statements("Reservation\nReservation från Anna Berg (S), bilaga 2.\n"
                       "Hon anser att fastigheten säljs för billigt.") == [("reservation", ["Anna Berg"], ["S"])]
    # a member named after it without a verb of their own joins it, as before
    assert _statements("Reservation\nReservation från Anna Berg (S), bilaga 2.\n"
                       "Även Per Ek (V) ställer sig bakom reservationen.") == [
        ("reservation", ["Anna Berg", "Per Ek"], ["S", "V"])]
    # an opening cut in two (the names, then the verb) is still one statement
    assert _statements("Särskilt uttalande\nOrdföranden Maria Falk m.fl. (M), ledamoten Jon Sund (L),\n\n"
                       "ledamoten Eva Ek (C) lämnar ett särskilt uttalande enligt följande.") == [
        ("sarskilt_uttalande", ["Maria Falk", "Jon Sund", "Eva Ek"], ["M", "L", "C"])]
    # initials that are no party's name: persons, as before
    assert _statements("Lars Andersson (L) reserverar sig mot beslutet.") == [
        ("reservation", ["Lars Andersson"], ["L"])]
    assert _proposals("Sofia Grön (Lokalt Alternativ, LA) yrkar avslag.") == [("Sofia Grön", "LA", "avslag", None)]


# --- 2. the proposal owned in the genitive after the party ---------------------------------------
def test_a_genitive_after_the_party_with_a_verb_of_being_proposes():
    assert _proposals("Lars Fors (M):s yrkande är att ärendet återremitteras.") == [
        ("Lars Fors", "M", "aterremiss", None)]
    assert _proposals("Eva Ström (S):s yrkande är bifall till förvaltningens förslag.") == [
        ("Eva Ström", "S", "bifall", None)]
    assert _proposals("Lars Fors (M) och Eva Holm (KD):s yrkande lyder att motionen avslås.") == [
        ("Lars Fors", "M", "avslag", None), ("Eva Holm", "KD", "avslag", None)]
    assert _proposals("Lars Fors (M):s yrkande innebär att ärendet bordläggs.") == [
        ("Lars Fors", "M", "bordlaggning", None)]


def test_sentences_about_a_genitive_proposal_unchanged():
    # the chair's proposition, a support, the outcome of someone's proposal: no proposal of their own
    assert _proposals("Ordföranden ställer proposition på Lars Fors (M):s yrkande och finner att det avslås.") == []
    assert _proposals("Anna Berg (S) yrkar bifall till Lars Fors (M):s yrkande.") == [
        ("Anna Berg", "S", "bifall", "Lars Fors")]
    assert _proposals("Lars Fors (M):s yrkande är inte förenligt med budgeten.") == []
    assert _proposals("Lars Fors (M):s yrkande om återremiss avslås.") == []


# --- 3. the body's prefix before "31 §" ---------------------------------------------------------
_HEADINGS = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-05-16\n\n{h1}\nFörsäljning av fastigheten Hagen 4:2\n\n"
             "Kommunstyrelsens beslut\nFastigheten säljs enligt 31 § förvaltningslagen.\n\n{h2}\nTaxa 2025\n\n"
             "Kommunstyrelsens beslut\nTaxan antas.\n")


def _items(text: str) -> list[tuple[str, str | None, list[str]]]:
    return [(i.paragraph, i.title, i.dnr) for i in _extract(text).items]


def test_a_body_prefix_before_a_number_first_heading():
    assert _items(_HEADINGS.format(h1="KS 31 §   Dnr KS 2024/250", h2="KS 32 §   Dnr KS 2024/251")) == [
        ("31", "Försäljning av fastigheten Hagen 4:2", ["KS 2024/250"]), ("32", "Taxa 2025", ["KS 2024/251"])]
    assert _items(_HEADINGS.format(h1="KS 31 §", h2="KS 32 §")) == [
        ("31", "Försäljning av fastigheten Hagen 4:2", []), ("32", "Taxa 2025", [])]
    text = _HEADINGS.format(h1="BUN 31 § Skolskjuts", h2="BUN 32 § Läsårstider").replace(
        "\nFörsäljning av fastigheten Hagen 4:2\n", "\n").replace("\nTaxa 2025\n", "\n").replace(
        "Kommunstyrelsen\n", "Barn- och utbildningsnämnden\n", 1)
    ex = _extract(text)
    assert [(i.paragraph, i.title) for i in ex.items] == [("31", "Skolskjuts"), ("32", "Läsårstider")]
    assert ex.body == "Barn- och utbildningsnämnden"
    # a protocol extract of one paragraph
    assert _items("Protokollsutdrag\nSocialnämnden\nSammanträdesdatum 2023-05-16\n\nSN 31 §\n"
                  "Riktlinjer för ekonomiskt bistånd\nDnr SN 2023/0123\n\nBeslut\nSocialnämnden antar riktlinjerna.\n") == [
        ("31", "Riktlinjer för ekonomiskt bistånd", ["SN 2023/0123"])]


def test_laws_cited_with_a_prefix_or_in_running_text_unchanged():
    # the law cited inside the decision stays its text; the other heading styles read as before
    for h1, h2 in (("§ 31", "§ 32"), ("31 §", "32 §"), ("KS § 31", "KS § 32")):
        items = _extract(_HEADINGS.format(h1=h1, h2=h2)).items
        assert [i.paragraph for i in items] == ["31", "32"], h1
        assert [d.text for d in items[0].decisions] == ["Fastigheten säljs enligt 31 § förvaltningslagen."]
    # a statute's abbreviation before the sign, standing apart, heads nothing
    got = _items(_HEADINGS.format(h1="KS 31 §", h2="KS 32 §").replace(
        "Taxan antas.\n", "Taxan antas.\n\nLSS 9 § Insatser för särskilt stöd\n\nSoL 4 § Rätten till bistånd\n"))
    assert [p for p, _, _ in got] == ["31", "32"]
    # a sentence wrapped onto a line that opens with the prefix and the number is no heading
    got = _items(_HEADINGS.format(h1="KS 31 §", h2="KS 32 §").replace(
        "Fastigheten säljs enligt 31 § förvaltningslagen.", "Fastigheten säljs i enlighet med beslut i\n"
        "KF 12 § Försäljning av mark 2023."))
    assert [p for p, _, _ in got] == ["31", "32"]


# --- 4. a date after a "Dnr" label, with a body prefix ------------------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_a_date_after_a_dnr_label_with_a_body_prefix_is_no_number():
    assert _dnr("Dnr KS 2023-05-16") == []
    assert _dnr("Diarienummer: SN 2023-05-16") == []
    assert _dnr("Dnr KS 2023.05.16") == []
    assert _dnr("Dnr KS-2023-05-16") == []
    assert _dnr("(KS 2023.05.16 § 34)") == []
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2023-05-16\n\n§ 31   Dnr KS 2023-05-16\n"
                  "Budget 2024\n\nKommunstyrelsens beslut\nBudgeten godkänns.\n")
    assert (ex.items[0].title, ex.items[0].dnr, ex.dnr) == ("Budget 2024", [], [])


def test_prefixed_numbers_after_a_label_unchanged():
    assert _dnr("Dnr KS 2023/045") == ["KS 2023/045"]
    assert _dnr("Dnr BN 2025-1234") == ["BN 2025-1234"]
    assert _dnr("Dnr KS-2021-00345") == ["KS-2021-00345"]
    assert _dnr("Dnr KS 2023-0516") == ["KS 2023-0516"]
    assert _dnr("Dnr KS.2022.0031") == ["KS.2022.0031"]
    assert _dnr("Dnr SN 2014/0033-753") == ["SN 2014/0033-753"]
    assert _dnr("Dnr KS 2023-13-45") == ["KS 2023-13-45"]      # no calendar date
    assert _dnr("KS 2014/0159") == ["KS 2014/0159"]


# --- 5. the party code a document defines for itself ---------------------------------------------
_OWN = "Beslutande: Lena Öhman (SJVP), ordförande\nSiv Ek (Sjukvårdspartiet, SJVP)\nAnna Berg (S)\n"


def test_a_written_out_party_takes_the_code_the_document_defines():
    assert _proposals("Sven Hall (Sjukvårdspartiet) yrkar avslag.", header=_OWN) == [
        ("Sven Hall", "SJVP", "avslag", None)]
    assert _statements("Reservation\nLedamöterna för Sjukvårdspartiet reserverar sig mot beslutet.",
                       header=_OWN) == [("reservation", [], ["SJVP"])]
    # the name before its code, once in running text
    header = "Beslutande: Lena Öhman, ordförande\nAnna Berg (S)\n\nSjukvårdspartiet (SJVP) har två mandat.\n"
    assert _statements("Reservation\n(Sjukvårdspartiet) reserverar sig mot beslutet.", header=header) == [
        ("reservation", [], ["SJVP"])]
    # a local party the vocabulary does not know, defined once: its name alone reads as its code
    header = "Beslutande: Nils Blom (Jämtlandspartiet, JP), ordförande\nAnna Berg (S)\n"
    assert _statements("Reservation\nLedamöterna för Jämtlandspartiet reserverar sig mot beslutet.",
                       header=header) == [("reservation", [], ["JP"])]
    assert _proposals("Eva Lund (Jämtlandspartiet) yrkar avslag.", header=header) == [
        ("Eva Lund", "JP", "avslag", None)]
    ex = _extract(_ITEM.format(header=header, yrkanden="Anna Berg (S) yrkar bifall.", after=""))
    assert [(a.name, a.party) for a in ex.attendance] == [("Nils Blom", "JP"), ("Anna Berg", "S")]


def test_the_vocabularys_code_without_a_definition_unchanged():
    assert _proposals("Sven Hall (Sjukvårdspartiet) yrkar avslag.") == [("Sven Hall", "SJV", "avslag", None)]
    # the code used alone, never beside the name, defines nothing
    header = "Beslutande: Lena Öhman (SJVP), ordförande\nAnna Berg (S)\n"
    assert _statements("Ledamöterna för Sjukvårdspartiet reserverar sig mot beslutet.", header=header) == [
        ("reservation", [], ["SJV"])]
    # a national party's own code, and an unknown name without a definition
    assert _proposals("Ida Stern (Liberalerna) yrkar bifall.", header="Liberalerna (L) har tre mandat.\n") == [
        ("Ida Stern", "L", "bifall", None)]
    assert _statements("Reservation\nLedamöterna för Jämtlandspartiet reserverar sig mot beslutet.") == [
        ("reservation", [], [])]
