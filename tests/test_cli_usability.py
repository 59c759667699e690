"""Usability of the CLI and the search page, found by a tester on the sample archive:
several unquoted words are one query, the terminal's facet line hides no party and says how
many values it left out, and a count of one is written in the singular (1 träff, 1 post,
1 uttalande, 1 yrkande, 1 omröstning). Real import, store and index."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from search.web.app import create_app
from tests.conftest import ROOT, SAMPLES, Arkiv
from tests.searcharchive import facet_line


@pytest.fixture(scope="module")
def arkiv(tmp_path_factory) -> Arkiv:
    a = Arkiv(tmp_path_factory.mktemp("usability") / "home")
    files = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    files += sorted(str(p) for p in (ROOT / "tests" / "data" / "extract").glob("*.txt"))
    a.run("import", *files, check=True)
    return a


# 1. several words without quotes

@pytest.mark.parametrize("words", [["sociala", "insatsgrupper"],
                                   ["kind:reservation", "party:SD"],
                                   ["skolskjuts", "OR", "insatsgrupper"]])
def test_unquoted_words_are_one_query(arkiv: Arkiv, words: list[str]) -> None:
    quoted = arkiv.json("search", " ".join(words))
    r = arkiv.run("search", *words, "--json")
    assert r.returncode == 0, r.stderr
    import json
    unquoted = json.loads(r.stdout)
    assert unquoted["query"] == quoted["query"] == " ".join(words)
    assert unquoted["total"] == quoted["total"] > 0
    assert [h["id"] for h in unquoted["hits"]] == [h["id"] for h in quoted["hits"]]


def test_options_between_and_after_the_words_still_work(arkiv: Arkiv) -> None:
    base = arkiv.json("search", "skolskjuts", "--party", "SD")
    r = arkiv.json("search", "skolskjuts", "--party", "SD", "--limit", "3")
    assert r["total"] == base["total"] > 0 and len(r["hits"]) <= 3
    # words on both sides of an option
    both = arkiv.json("search", "sociala", "--party", "V", "insatsgrupper")
    assert both["query"] == "sociala insatsgrupper"
    assert both["total"] == arkiv.json("search", "sociala insatsgrupper", "--party", "V")["total"]
    # a NOT word among them is still a word, and no query at all is still the whole archive
    neg = arkiv.json("search", "skolskjuts", "-gymnasienämnden")
    assert neg["query"] == "skolskjuts -gymnasienämnden"
    assert arkiv.json("search")["total"] > 0


def test_the_text_output_of_unquoted_words(arkiv: Arkiv) -> None:
    r = arkiv.run("search", "sociala", "insatsgrupper")
    assert r.returncode == 0, r.stderr
    assert "Got unexpected extra argument" not in r.stderr
    assert re.search(r"^\d+ träff", r.stdout, re.M)


# 2. the facet line

def test_every_party_is_listed(arkiv: Arkiv) -> None:
    parties = arkiv.json("search", "skolskjuts")["facets"]["party"]
    assert len(parties) > 6          # the tester's case: V and MP were hidden
    line = facet_line(arkiv.run("search", "skolskjuts", check=True).stdout, "party")
    for p, n in parties.items():
        assert f"{p} {n}" in line, (p, line)
    assert "till" not in line


def test_a_cut_facet_says_how_many_more(arkiv: Arkiv) -> None:
    facets = arkiv.json("search", "")["facets"]
    text = arkiv.run("search", "", check=True).stdout
    for name, counts in facets.items():
        line = facet_line(text, name)
        shown = sum(1 for v, n in counts.items() if re.search(
            rf"(: |, ){re.escape(v)} {n}\b", line))
        rest = len(counts) - shown
        if rest:
            assert line.endswith(f"… och {rest} till"), line
        else:
            assert "… och" not in line
    # the archive's parties are all there, its many municipalities are cut and counted
    assert len(facets["municipality"]) > 8
    assert facet_line(text, "municipality").endswith(
        f"… och {len(facets['municipality']) - 8} till")
    assert all(f"{p} {n}" in facet_line(text, "party") for p, n in facets["party"].items())


# 3. singular and plural

def test_a_person_with_one_of_each(arkiv: Arkiv) -> None:
    p = arkiv.json("person", "Karin Dahl")
    assert p["totals"]["statement"] == p["totals"]["proposal"] == p["totals"]["vote"] == 1
    out = arkiv.run("person", "Karin Dahl", check=True).stdout
    assert "1 uttalande, 1 yrkande, 1 omröstning\n" in out
    assert "uttalanden," not in out.splitlines()[1]


def test_plural_words_of_the_renderings() -> None:
    from search.render import render_person, render_search, render_similar
    totals = {"statement": 2, "proposal": 0, "vote": 1}
    text = render_person({"name": "A B", "parties": ["S"], "totals": totals, "by_year": {},
                          "statements": [], "proposals": [], "ballots": []})
    assert "2 uttalanden, 0 yrkanden, 1 omröstning" in text
    amb = render_person({"ambiguous": True, "query": "Ståhl", "candidates": [
        {"name": "Anna Ståhl", "parties": ["S"], "records": 1},
        {"name": "Jöran Ståhl", "parties": ["V"], "records": 3}]})
    assert "Anna Ståhl (S), 1 post:" in amb and "Jöran Ståhl (V), 3 poster:" in amb
    one = {"page": 1, "limit": 10, "total": 1, "sort": "relevance", "hits": [], "facets": {}}
    assert render_search(one).startswith("1 träff (visar")
    assert render_search({**one, "total": 2}).startswith("2 träffar (visar")
    assert render_similar({"id": "x", "total": 1, "hits": []}) == "Liknande x: 1 träff"


def test_one_hit_in_the_terminal(arkiv: Arkiv) -> None:
    r = arkiv.json("search", "skolskjuts", "--kind", "vote")
    assert r["total"] == 1
    out = arkiv.run("search", "skolskjuts", "--kind", "vote", check=True).stdout
    assert out.startswith("1 träff (visar 1–1")


def test_the_web_facet_counts_say_traff_for_one(arkiv: Arkiv) -> None:
    with TestClient(create_app(arkiv.home)) as c:
        page = c.get("/search?q=skolskjuts").text
    counts = re.findall(r'<span class="count">(\d+)<span class="visually-hidden"> (\w+)</span>',
                        page)
    assert counts and ("1", "träff") in counts
    for n, word in counts:
        assert word == ("träff" if n == "1" else "träffar"), (n, word)
