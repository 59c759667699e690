"""The Hunspell reader and the compiled Swedish lexicon of normalize/."""
from __future__ import annotations

from pathlib import Path

import pytest

from corpus import hunspell
from corpus.lexicon import default_lexicon, skeleton

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


@pytest.fixture
def mini_hunspell(monkeypatch):
    from corpus import lexicon
    monkeypatch.setattr(lexicon, "find_hunspell",
                        lambda: (DATA / "mini_sv.dic", DATA / "mini_sv.aff"))
    return lexicon


def test_lexicon_cache_is_built_once_then_mapped(mini_hunspell, tmp_path, monkeypatch) -> None:
    lex = mini_hunspell.load(cache_dir=tmp_path)
    assert lex.known("stadsdelsförvaltningarnas")
    [folder] = [p for p in tmp_path.iterdir() if p.name.startswith("lexicon-sv-")]
    assert sorted(p.name for p in folder.iterdir()) == sorted(mini_hunspell._FILES)

    def no_build():
        raise AssertionError("the cached lexicon should have been used")
    monkeypatch.setattr(mini_hunspell, "build_tries", no_build)
    again = mini_hunspell.load(cache_dir=tmp_path)
    assert again.known("förvaltningens") and not again.known("forvaltningens")


def test_lexicon_without_writable_cache_is_built_in_memory(mini_hunspell, tmp_path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("a file where the cache directory should be")
    lex = mini_hunspell.load(cache_dir=blocked)
    assert lex.known("ärendes")


@pytest.mark.parametrize("skel, near, absent", [
    ("moticnen", "motionen", None),                     # a letter misread
    ("vanstevpartiet", "vansterpartiet", None),
    ("yrkazdena", "yrkandena", None),
    ("kommunstyrelaens", "kommunstyrelsens", None),
    ("ledamoierna", "ledamoterna", None),               # skeletons: ö is o here
    ("forvaltnngen", "forvaltningen", None),            # a letter lost
    ("forvaltniingen", "forvaltningen", None),          # a speck read as a letter
    ("motionen", None, "motionen"),                     # a word is not its own neighbour
    ("keislaterar", None, "konstaterar"),               # two edits: not within reach
])
def test_near_skeletons(skel: str, near: str | None, absent: str | None) -> None:
    found = default_lexicon().near_skeletons(skel, 1)
    if near:
        assert found.get(near) == 1
    if absent:
        assert absent not in found
