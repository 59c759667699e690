"""Diary numbers typed in the free-text box in the shapes other than "KS 2014/0159": dash or
dot after a year ("VON 2023-0142", "MBN 2024-000512", "KFN 2023.0211", "2022.0456"), county
numbers ("551-4127-2023") and Lex year-first numbers ("2023/GN 0014 612", "2023/KFN 0045"),
with or without a label ("Dnr", "Diarienr", "Ärendenr") and without their leading zeros
("MBN 2024-512"). Before, only the slash shapes were diary numbers: "VON 2023-0142" found one
of a case's records and "Dnr VON 2023-0142" none. Dates, times, decimals, years and
hyphenated words stay words. Real whoosh, real index, no mocks."""
from __future__ import annotations

import dataclasses

import pytest

from corpus.models import Document, Item
from index import Index
from index import query as q
from index.dnr import looks_like_dnr
from search.parser import parse
from tests.searcharchive import build_index, keys_found, protocol


def _doc(n: int, body: str, date: str, items: list[Item]) -> Document:
    return protocol(n, body, date, items, id_base=0x7d50, source="dnrshapes")


def _item(par: str, title: str, dnr: str) -> Item:
    # the text does not name the number: only its dnr key finds the record
    return Item(paragraph=par, title=title, dnr=[dnr], text="Nämnden behandlar ärendet.")


ITEMS = {
    "von": _item("1", "Heltid som norm", "VON 2023-0142"),
    "von2": _item("2", "Annat vårdärende", "VON 2023-0143"),
    "mbn": _item("3", "Bygglov på Tallen 3", "MBN 2024-000512"),
    "mbn2": _item("4", "Bygglov på Granen 1", "MBN 2024-000513"),
    "bn": _item("5", "Strandskydd", "BN 2022-000123"),
    "kfn": _item("6", "Föreningsbidrag", "KFN 2023.0211"),
    "dotted": _item("7", "Taxor", "2022.0456"),
    "county": _item("8", "Länsstyrelsens yttrande", "551-4127-2023"),
    "lex": _item("9", "Färdtjänst", "2023/GN 0014 612"),
    "lex2": _item("10", "Bibliotek", "2023/KFN 0045"),
    "slash": _item("11", "Ett gammalt ärende", "KS 2014/0159"),
}


@pytest.fixture(scope="module")
def ix(tmp_path_factory) -> Index:
    docs = [_doc(1, "Nämnden", "2023-05-16", list(ITEMS.values()))]
    index = build_index(tmp_path_factory.mktemp("dnrshapes") / "index", docs)
    yield index
    index.close()


@pytest.mark.parametrize("query, key", [
    ("VON 2023-0142", "von"),
    ("von 2023-0142", "von"),
    ("VON-2023-0142", "von"),
    ("Dnr VON 2023-0142", "von"),
    ("Diarienr: VON 2023-0142", "von"),
    ("Ärendenr VON 2023-0142", "von"),
    ("MBN 2024-000512", "mbn"),
    ("MBN 2024-512", "mbn"),                  # leading zeros, as "KS 2014/159"
    ("dnr BN 2022-000123", "bn"),
    ("BN 2022-123", "bn"),
    ("KFN 2023.0211", "kfn"),
    ("Dnr: KFN 2023.0211", "kfn"),
    ("KFN 2023.211", "kfn"),
    ("2022.0456", "dotted"),
    ("Dnr 2022.0456", "dotted"),
    ("551-4127-2023", "county"),
    ("Dnr 551-4127-2023", "county"),
    ("2023/GN 0014 612", "lex"),
    ("Dnr 2023/GN 0014 612", "lex"),
    ('"2023/GN 0014 612"', "lex"),
    ("2023/KFN 0045", "lex2"),
    ("Diarienummer 2023/KFN 0045", "lex2"),
    ("2023/KFN 45", "lex2"),
    ("dnr:2023/KFN 0045", "lex2"),
    ("Dnr KS 2014/0159", "slash"),           # the slash shape as before
])
def test_a_typed_diary_number_finds_its_record_only(ix: Index, query: str, key: str) -> None:
    assert keys_found(ix, query, ITEMS) == {key}


@pytest.mark.parametrize("word", [
    "2023-0142", "2024-000512", "2023.0211", "2022.0456", "551-4127-2023",
])
def test_the_new_shapes_look_like_diary_numbers(word: str) -> None:
    assert looks_like_dnr(word)


@pytest.mark.parametrize("word", [
    "2023-05-16", "2023.10.12", "17.00", "3.5", "2023", "2019-2022", "2023-05", "e-tjänst",
    "1.500", "10-15", "070-123-4567", "2023.10",
])
def test_dates_times_numbers_and_words_are_no_diary_numbers(word: str) -> None:
    assert not looks_like_dnr(word)


def _has_dnr(node) -> bool:
    if isinstance(node, q.Dnr):
        return True
    if dataclasses.is_dataclass(node):
        for f in dataclasses.fields(node):
            v = getattr(node, f.name)
            for x in (v if isinstance(v, tuple) else (v,)):
                if isinstance(x, q.Node) and _has_dnr(x):
                    return True
    return False


@pytest.mark.parametrize("query", [
    "2023-05-16", "2023.10.12", "kl 17.00", "3.5 procent", "2023", "budget 2019-2022",
    "e-tjänst", "1.500 kronor", "Dnr saknas", "år 2023 beslut", "KS 2023 bidrag",
])
def test_dates_times_amounts_years_and_words_stay_words(query: str) -> None:
    assert not _has_dnr(parse(query))


def test_a_dash_number_is_also_its_words(ix: Index) -> None:
    node = parse("VON 2023-0142")
    assert isinstance(node, q.Or) and _has_dnr(node)
    assert any(not _has_dnr(c) for c in node.children)
