"""The Hunspell reader and the compiled Swedish lexicon of normalize/."""
from __future__ import annotations

from pathlib import Path

import pytest

from normalize import hunspell
from normalize.lexicon import default_lexicon, skeleton

DATA = Path(__file__).parent / "data" / "normalize"


@pytest.fixture(scope="module")
def mini() -> dict[str, tuple[int, bool]]:
    return hunspell.expand(DATA / "mini_sv.dic", DATA / "mini_sv.aff")


@pytest.mark.parametrize("form, roles", [
    ("förvaltning", hunspell.STANDALONE | hunspell.END),
    ("förvaltningen", hunspell.STANDALONE | hunspell.END),        # suffix D
    ("förvaltningarnas", hunspell.STANDALONE | hunspell.END),     # suffix G
    ("förvaltnings", hunspell.STANDALONE | hunspell.BEGIN | hunspell.END),  # genitive and s/WXZ
    ("stadsdels", hunspell.STANDALONE | hunspell.BEGIN | hunspell.END),
    ("ärende", hunspell.STANDALONE | hunspell.BEGIN),
    ("ärendes", hunspell.STANDALONE),
    ("Åkerlund", hunspell.STANDALONE),
    ("kötts", hunspell.STANDALONE),                # NEEDAFFIX: only the affixed form
])
def test_hunspell_forms(mini, form: str, roles: int) -> None:
    assert mini[form][0] == roles


@pytest.mark.parametrize("absent", ["felstavning", "kött", "ärendeen", "stadsdelen s"])
def test_hunspell_forbidden_and_needaffix(mini, absent: str) -> None:
    assert absent not in mini


def test_capitalised_entries_are_marked(mini) -> None:
    assert mini["Åkerlund"][1] is True
    assert mini["förvaltning"][1] is False


@pytest.mark.parametrize("word, parts", [
    ("stadsdelsförvaltningarnas", ("stadsdels", "förvaltningarnas")),
    ("insatsgrupp", ("insats", "grupp")),
    ("beslutsunderlag", ("besluts", "underlag")),
    ("forvaltningens", None),                      # a skeleton is no compound
])
def test_compounds(word: str, parts) -> None:
    assert default_lexicon().compound(word) == parts


@pytest.mark.parametrize("word, known", [
    ("förvaltningens", True), ("insatsgruppsärenden", True), ("socialnämnden", True),
    ("Åkerlund".lower(), True), ("forslag", False), ("pa", False), ("tjansteutlatande", False),
])
def test_known(word: str, known: bool) -> None:
    assert default_lexicon().known(word) is known


def test_skeleton_index() -> None:
    lex = default_lexicon()
    assert skeleton("förvaltningens") == "forvaltningens"
    assert "förvaltningens" in lex.diacritic_forms("forvaltningens")
    assert {"är", "år"} <= set(lex.diacritic_forms("ar"))
    assert lex.has_prefix("forvaltn") and not lex.has_prefix("fdrvq")


def test_priors_prefer_common_words() -> None:
    lex = default_lexicon()
    assert lex.prior("för") > lex.prior("for")
    assert lex.prior("har") > lex.prior("här")


def test_vocabulary_extends_a_copy() -> None:
    lex = default_lexicon()
    more = lex.with_vocabulary({"fröslundamodellen"})
    assert more.known("fröslundamodellen") and not lex.known("fröslundamodellen")
    assert "fröslundamodellen" in more.diacritic_forms("froslundamodellen")
