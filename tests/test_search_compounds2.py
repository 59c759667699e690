"""Compounds of a word whose stem is shorter than its dictionary form: "budget" stems to
"budg" and "styrelse" to "styr". Snowball stems a compound as one word, so the query word is
in the index as its stem when it ends a compound ("investeringsbudgeten" →
"investeringsbudg", "kommunstyrelsen" → "kommunstyr") and as its whole base form when it
begins one ("budgetramen" → "budgetram", "styrelseledamot"). Before, a query found neither:
the stem was too short to begin compounds (index.engine.MIN_PREFIX) and, being no word of the
dictionary, could end none (index.suffixes.SHORT_HEAD). Real whoosh, real index, no mocks;
each test holds the failing case and the neighbours that must not be found."""
from __future__ import annotations

import pytest

from corpus.models import Document, Item
from index import Index
from search import search
from tests.searcharchive import build_index, keys_found, protocol


def _doc(n: int, body: str, date: str, items: list[Item]) -> Document:
    return protocol(n, body, date, items, id_base=0x7c00, source="compounds2")


def _item(par: str, title: str, text: str) -> Item:
    return Item(paragraph=par, title=title, dnr=[], text=text)


ITEMS = {
    # budget: the word, a compound it ends, one it begins, and a word that merely shares "budg"
    "budget": _item("11", "Budget 2025", "Fullmäktige fastställer budgeten för 2025."),
    "investering": _item("12", "Investeringsbudget 2025–2027",
                         "Investeringsbudgeten omfattar en ny simhall."),
    "budgetram": _item("13", "Ramar för nämnderna",
                       "Budgetramen för socialnämnden höjs med två procent."),
    "budgivning": _item("14", "Försäljning av tomt",
                        "Budgivningen på tomten avslutades i maj."),
    # styrelse: the word, a compound it ends, one it begins; words that merely share "styr"
    "styrelse": _item("21", "Bolagets ledning",
                      "Styrelsen för Sjöby Energi AB sammanträder fyra gånger per år."),
    "kommunstyrelse": _item("22", "Yttrande över remiss",
                            "Kommunstyrelsen yttrar sig över remissen."),
    "ledamot": _item("23", "Fyllnadsval",
                     "Fullmäktige väljer en ny styrelseledamot i Sjöby Bostäder AB."),
    "styrka": _item("24", "Räddningstjänsten",
                    "Räddningstjänstens styrka ska utökas med två brandmän."),
    "styrgrupp": _item("25", "Projektets organisation",
                       "Styrgruppen för projektet möts varje månad."),
    "styrning": _item("26", "Ekonomi", "Ekonomistyrningen ska ses över."),
    # other words of the kind: skola → "skol", kassa → "kass"
    "skola": _item("31", "Ny skola", "En skola byggs i norra Sjöby."),
    "grundskola": _item("32", "Resultat", "Kommunens grundskolor redovisar sina resultat."),
    "handkassa": _item("33", "Kontanter", "Varje enhet har en handkassa."),
    "kassaflode": _item("34", "Likviditet",
                        "Kassaflödet från den löpande verksamheten är positivt."),
    "kassation": _item("35", "Arkivet", "Kassation av handlingar sker vart tionde år."),
    # a short word that is a word of its own: "ring" does not end förbättring
    "ring": _item("41", "Ringleden", "Trafiken på ringen kring centrum ska utredas."),
    "forbattring": _item("42", "Gatubelysning", "Förbättringen gäller belysningen."),
}


def archive() -> list[Document]:
    items = list(ITEMS.values())
    return [_doc(1, "Kommunfullmäktige", "2024-03-12", items[:9]),
            _doc(2, "Kommunstyrelsen", "2024-04-09", items[9:])]


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    index = build_index(tmp_path_factory.mktemp("compounds2") / "index", archive())
    yield index
    index.close()


def items_of(index: Index, query: str) -> set[str]:
    return keys_found(index, query, ITEMS)


BUDGET = {"budget", "investering", "budgetram"}
STYRELSE = {"styrelse", "kommunstyrelse", "ledamot"}


# -- 1. budget -----------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["budget", "budgeten", "budgetarna", "Budget"])
def test_budget_finds_the_compounds_it_ends_and_begins(ix: Index, query: str) -> None:
    # before: {"budget"} only
    assert items_of(ix, query) == BUDGET


def test_budget_does_not_find_words_that_merely_begin_with_its_stem(ix: Index) -> None:
    # "budgivning" (bidding) begins with "budg", budget's stem, and is no budget word
    assert "budgivning" not in items_of(ix, "budget")
    assert items_of(ix, "budgivning") == {"budgivning"}


# -- 2. styrelse ---------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["styrelse", "styrelsen", "styrelsens", "styrelserna"])
def test_styrelse_finds_the_compounds_it_ends_and_begins(ix: Index, query: str) -> None:
    # before: {"styrelse"} only
    assert items_of(ix, query) == STYRELSE


def test_styrelse_does_not_find_styrka_styrgrupp_or_styrning(ix: Index) -> None:
    found = items_of(ix, "styrelse")
    assert not found & {"styrka", "styrgrupp", "styrning"}
    # and the reverse: none of those finds a styrelse
    assert items_of(ix, "styrka") == {"styrka"}
    assert items_of(ix, "styrgrupp") == {"styrgrupp"}
    assert not items_of(ix, "styrning") & STYRELSE


def test_a_compound_query_is_unchanged(ix: Index) -> None:
    assert items_of(ix, "kommunstyrelsen") == {"kommunstyrelse"}
    assert items_of(ix, "investeringsbudget") == {"investering"}
    assert items_of(ix, "budgetram") == {"budgetram"}
    assert items_of(ix, "styrelseledamöter") == {"ledamot"}


# -- 3. ranking, snippets, fields, wildcards -----------------------------------------------

@pytest.mark.parametrize("query, own", [("budget", "budget"), ("styrelse", "styrelse")])
def test_the_word_itself_ranks_above_its_compounds(ix: Index, query: str, own: str) -> None:
    hits = search(ix, query, limit=100)["hits"]
    assert hits[0]["title"] == ITEMS[own].title


@pytest.mark.parametrize("query, item, marked", [
    ("budget", "investering", "<mark>Investeringsbudgeten</mark>"),
    ("budget", "budgetram", "<mark>Budgetramen</mark>"),
    ("styrelse", "kommunstyrelse", "<mark>Kommunstyrelsen</mark>"),
    ("styrelse", "ledamot", "<mark>styrelseledamot</mark>"),
])
def test_the_compounds_are_marked_in_snippets(ix: Index, query: str, item: str,
                                              marked: str) -> None:
    hits = search(ix, query, limit=100)["hits"]
    hit = next(h for h in hits if h["title"] == ITEMS[item].title)
    assert marked in hit["snippet"]


def test_budgivning_is_not_marked_for_budget(ix: Index) -> None:
    hits = search(ix, "budget OR budgivning", limit=100)["hits"]
    hit = next(h for h in hits if h["title"] == ITEMS["budgivning"].title)
    assert "<mark>Budgivningen</mark>" in hit["snippet"]          # for its own word
    hits = search(ix, "budget OR tomten", limit=100)["hits"]
    hit = next(h for h in hits if h["title"] == ITEMS["budgivning"].title)
    assert "<mark>tomten</mark>" in hit["snippet"]
    assert "<mark>Budgivningen</mark>" not in hit["snippet"]


def test_a_title_query_finds_the_compound_title(ix: Index) -> None:
    assert items_of(ix, "title:budget") == {"budget", "investering"}


def test_a_wildcard_finds_what_the_word_finds(ix: Index) -> None:
    # "budget*" found the words beginning with "budget"; as the word, now also those it ends
    assert items_of(ix, "budget*") == BUDGET
    assert items_of(ix, "styrelse*") == STYRELSE


# -- 4. other words of the kind, and the guards --------------------------------------------

def test_skola_finds_grundskolor(ix: Index) -> None:
    # "skola" stems to "skol", no word of its own; "skola" is one that ends compounds
    assert items_of(ix, "skola") == {"skola", "grundskola"}


def test_kassa_finds_its_compounds_but_not_kassation(ix: Index) -> None:
    found = items_of(ix, "kassa")
    assert {"handkassa", "kassaflode"} <= found
    # "kassation" begins with the whole word "kassa", but "tion" ends no word it could be
    # a compound of
    assert "kassation" not in found


def test_a_short_word_still_does_not_match_derivations(ix: Index) -> None:
    assert items_of(ix, "ring") == {"ring"}
    assert items_of(ix, "förbättring") == {"forbattring"}


@pytest.mark.parametrize("word, base", [
    ("budget", "budget"), ("budgeten", "budget"), ("budgetarna", "budget"),
    ("styrelse", "styrelse"), ("styrelsens", "styrelse"), ("Styrelsen", "styrelse"),
    ("kassa", "kassa"),
    # the stem is the word, or long enough to begin compounds itself: no base needed
    ("plan", None), ("ring", None), ("styrka", None), ("nämnden", None),
    # "skola" is no form that begins compounds (they begin with "skol")
    ("skola", None), ("och", None), ("2024", None),
])
def test_compound_base(word: str, base: str | None) -> None:
    from index.suffixes import compound_base
    assert compound_base(word) == base
