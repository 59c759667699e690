"""Swedish analysis: the stems we rely on, folding, diary-number keys."""
from __future__ import annotations

import pytest

from index.analysis import content_analyzer, fold, fold_stem, stem
from index.dnr import dnr_key, dnr_keys, looks_like_dnr


@pytest.mark.parametrize("a, b", [
    ("insatsgrupp", "insatsgrupperna"),
    ("insatsgrupp", "insatsgrupper"),
    ("fritidsgård", "fritidsgårdar"),
    ("yrkande", "yrkandena"),           # Snowball alone: yrk vs yrkanden
    ("yrkande", "yrkanden"),
    ("yrkande", "yrkandet"),
    ("beslut", "beslutet"),             # Snowball alone leaves "beslutet"
    ("beslut", "besluten"),
    ("förslag", "förslaget"),           # Snowball alone leaves "förslaget"
    ("förslag", "förslagen"),
    ("ärende", "ärendet"),
    ("ärende", "ärendena"),
    ("protokoll", "protokollet"),
    ("nämnd", "nämnden"),
    ("budget", "budgeten"),
    ("reservation", "reservationen"),
])
def test_forms_meet_at_one_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize("a, b", [
    ("beslut", "budget"),
    ("förslag", "förslagsställare"),    # a compound is not the same word (found by prefix)
    ("skola", "skolskjuts"),
    ("arena", "arbete"),
    ("ja", "nej"),
])
def test_different_words_stay_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


@pytest.mark.parametrize("word, expected", [
    ("Ståhl", "stahl"), ("förslag", "forslag"), ("Öztürk", "ozturk"), ("Åkerlund", "akerlund"),
    ("Heikkinen", "heikkinen"), ("KS", "ks"),
])
def test_fold(word: str, expected: str) -> None:
    assert fold(word) == expected


def test_analyzer_drops_stop_words_and_marks_exact_forms() -> None:
    terms = [t.text for t in content_analyzer()("Förslag om sociala insatsgrupper och beslutet")]
    assert terms == ["forslag", "§förslag", "social", "insatsgrupp", "beslut"]
    assert fold_stem("forslaget") == fold_stem("förslaget") == "forslag"


@pytest.mark.parametrize("dnr, query", [
    ("KS 2014/0159", "KS 2014/0159"),
    ("KS 2014/0159", "ks 2014/0159"),
    ("KS 2014/0159", "2014/0159"),
    ("KS 2014/0159", "KS2014/159"),
    ("3.2-0100/2012", "3.2-0100/2012"),
    ("SN 2014/0033-753", "SN 2014/0033"),
    ("SN 2014/0033-753", "Dnr SN 2014/0033-753"),
    ("KS 2023/45.041", "KS 2023/45"),            # a class code after a dot, as -753
    ("KS 2023/45.041", "KS 2023/45.041"),
    ("2021/1234.3.2", "2021/1234"),
])
def test_dnr_query_finds_number(dnr: str, query: str) -> None:
    assert dnr_key(query) in dnr_keys(dnr)


@pytest.mark.parametrize("dnr, query", [
    ("KS 2014/0159", "KS 2014/0160"),
    ("KS 2014/0159", "SN 2014/0159"),      # another body's case with the same serial
    ("3.2-0100/2012", "3.2-0100/2013"),
    ("3.2-0100/2012", "0100/2012"),
    ("KS 2023/45.041", "KS 2023/45.042"),
    ("KS 2023/45", "KS 2023/45.041"),         # the class code narrows, never widens
])
def test_dnr_other_numbers_do_not_match(dnr: str, query: str) -> None:
    assert dnr_key(query) not in dnr_keys(dnr)


def test_dnr_is_one_token_shape() -> None:
    assert looks_like_dnr("3.2-0100/2012") and looks_like_dnr("2014/0159")
    assert looks_like_dnr("2023/45.041") and looks_like_dnr("KS/2019:123")
    assert not looks_like_dnr("2012") and not looks_like_dnr("2012-03-22")


@pytest.mark.parametrize("text", [
    "Förslag om sociala insatsgrupper och beslutet",
    "Jöran Ståhl (V) yrkar avslag på förslaget; 3.2-0100/2012, KS 2014/0159.",
    "FORVALTNINGENS forslag om langre oppettider",
])
def test_one_pass_analysis_equals_the_analyzer(text: str) -> None:
    from index.analysis import index_terms
    from index.analysis import bigrams
    scoring, phrase = index_terms(text)
    assert scoring.split() == [t.text for t in content_analyzer()(text)]
    assert phrase.split() == bigrams([t for t in scoring.split() if not t.startswith("§")])
