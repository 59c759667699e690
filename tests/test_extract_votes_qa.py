"""Votes a tester found misread: a list heading read across the question's sentence end, a tie the
chair's utslagsröst decided in words of another form than the question's, and a question line
without a full stop that ran on into the ballots under it."""
from __future__ import annotations

import pytest

from benchmarks.extract_score import as_json, pages_of
from extract import extract
from extract.ballots import find_all, prose_ballots
from extract.votes import votes_of

JA = ["Karin Ståhl (S)", "Hussein Abdi (S)", "Lena Mårtensson (S)", "Emil Sjölund (V)", "Gunnel Ahlqvist (MP)"]
NEJ = ["Rasmus Jönsson (SD)", "Ulla-Britt Törnqvist (C)", "Oskar Fält (M)", "Jörgen Hallén (KD)", "Siv Öberg (SD)"]


def _ballots(lists):
    return [[(b.name, b.vote) for b in bl.ballots] for bl in lists]


def _names(members):
    return [m.split(" (")[0] for m in members]


# --- A: a list heading ends at its own sentence -----------------------------------------------
@pytest.mark.parametrize("question", [
    "Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej.",
    "Den som vill bifalla förslaget röstar ja. Den som vill avslå förslaget röstar nej.",
    "Den som bifaller förslaget röstar JA och den som vill återremittera röstar NEJ.",
])
@pytest.mark.parametrize("gap", ["\n", "\n\n"])
def test_prose_list_heading_does_not_start_in_the_question(question, gap):
    lines = [question, "", f"Följande ledamöter röstar ja: {', '.join(JA)}", *([""] if gap == "\n\n" else []),
             f"Följande ledamöter röstar nej: {', '.join(NEJ)}"]
    got = _ballots(prose_ballots("\n".join(lines), {}))
    assert got == [[(n, "ja") for n in _names(JA)] + [(n, "nej") for n in _names(NEJ)]]


def test_prose_list_heading_may_still_run_on_to_its_colon_on_the_line():
    text = "Följande ledamöter röstar ja till förslaget: Karin Ståhl (S), Oskar Fält (M)"
    assert _ballots(prose_ballots(text, {})) == [[("Karin Ståhl", "ja"), ("Oskar Fält", "ja")]]


def test_sentence_ending_in_rostar_nej_then_heading_on_the_next_line():
    # no "Följande": the question's "röstar nej." must not become the heading of the ja list
    text = ("Den som vill avslå förslaget röstar nej.\nRöstar ja: Karin Ståhl (S), Hussein Abdi (S)\n"
            "Röstar nej: Oskar Fält (M)")
    assert _ballots(prose_ballots(text, {})) == [[("Karin Ståhl", "ja"), ("Hussein Abdi", "ja"),
                                                  ("Oskar Fält", "nej")]]


LJUNGBY = """LJUNGBY KOMMUN
Protokoll
Socialnämnden
Sammanträdesdatum 2025-04-09

§ 57 Dnr SN 2025/0142
Upphandling av boendestöd

Yrkanden
Karin Ståhl (S) yrkar bifall till förvaltningens förslag.
Rasmus Jönsson (SD) yrkar återremiss.

Beslutsgång
Ordföranden ställer proposition på om ärendet ska avgöras i dag eller återremitteras. Votering begärs.
Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej.

Följande ledamöter röstar ja: {ja}
Följande ledamöter röstar nej: {nej}

Omröstningen utfaller med lika röstetal, fem ja-röster mot fem nej-röster. Ordföranden använder sin \
utslagsröst och nämnden beslutar att avgöra ärendet i dag.

Socialnämndens beslut
Förslaget bifalls.
""".format(ja=", ".join(JA), nej=", ".join(NEJ))


def test_ljungby_vote_whole():
    [item] = as_json(extract(pages_of(LJUNGBY)))["items"]
    [v] = item["votes"]
    assert (v["yes"], v["no"], v["outcome"], v["counts_agree"]) == (5, 5, "ja", True)
    assert [(b["name"], b["vote"]) for b in v["ballots"]] == \
        [(n, "ja") for n in _names(JA)] + [(n, "nej") for n in _names(NEJ)]


# --- B: the side the utslagsröst names, in other forms of the question's words ------------------
@pytest.mark.parametrize("question,decision,want", [
    ("Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej.",
     "Ordföranden använder sin utslagsröst och nämnden beslutar att avgöra ärendet i dag.", "ja"),
    ("Den som vill att ärendet ska avgöras i dag röstar ja, den som vill att ärendet ska återremitteras röstar nej.",
     "Ordföranden använder sin utslagsröst och nämnden beslutar att återremittera ärendet.", "nej"),
    ("Ja för avslag, nej för bifall.",
     "Ordförandens utslagsröst avgör och kommunstyrelsen avslår medborgarförslaget.", "ja"),
    ("Ja för avslag, nej för bifall.",
     "Ordförandens utslagsröst avgör och kommunstyrelsen bifaller medborgarförslaget.", "nej"),
    ("Ja-röst för bifall till motionen, nej-röst för att motionen avslås.",
     "Genom ordförandens utslagsröst beslutar fullmäktige att avslå motionen.", "nej"),
    ("Den som bifaller arbetsutskottets förslag röstar ja, den som bifaller Per Eks yrkande röstar nej.",
     "Ordföranden använder sin utslagsröst för Per Eks yrkande.", "nej"),
])
def test_tie_decided_by_the_casting_vote_in_other_word_forms(question, decision, want):
    text = f"Omröstning begärs. {question} Med 4 ja-röster mot 4 nej-röster blir det lika röstetal. {decision}"
    [v] = votes_of(text)
    assert (v.yes, v.no, v.outcome) == (4, 4, want)


def test_tie_with_words_common_to_both_sides_stays_undecided():
    text = ("Omröstning begärs. Ja för bifall till förslaget, nej för avslag på förslaget. Med 3 ja-röster "
            "mot 3 nej-röster blir det lika röstetal. Ordföranden använder sin utslagsröst i förslaget.")
    [v] = votes_of(text)
    assert v.outcome is None


# --- C: a question line without a full stop ends at the line end ------------------------------
NYKOPING = ["Ordföranden ställer proposition på återremiss mot att ärendet avgörs i dag. Omröstning begärs.",
            "JA = ärendet avgörs i dag   NEJ = återremiss",
            "",
            "Urban Sköld (S)                               Ja",
            "Anna-Karin Dahlén (S)                         Ja",
            "Cecilia Wärn (MP)                             Nej",
            "",
            "Resultat: 2 ja, 1 nej. Kommunstyrelsen beslutar att avgöra ärendet i dag."]


@pytest.mark.parametrize("question,ballots,want", [
    ("JA = ärendet avgörs i dag   NEJ = återremiss", NYKOPING[3:6], "JA = ärendet avgörs i dag NEJ = återremiss"),
    ("JA = ärendet avgörs i dag   NEJ = återremiss", ["", *NYKOPING[3:6]], "JA = ärendet avgörs i dag NEJ = återremiss"),
    ("Ja-röst för att avgöra ärendet i dag, nej-röst för återremiss",
     ["", "Urban Sköld (S)    Ja", "Anna-Karin Dahlén (S)   Ja", "Cecilia Wärn (MP)    Nej"],
     "Ja-röst för att avgöra ärendet i dag, nej-röst för återremiss"),
    ("Ja-röst för att avgöra ärendet i dag, nej-röst för återremiss",
     ["Följande röstar ja: Urban Sköld (S), Anna-Karin Dahlén (S)", "Följande röstar nej: Cecilia Wärn (MP)"],
     "Ja-röst för att avgöra ärendet i dag, nej-röst för återremiss"),
    ("JA = avgöra i dag   NEJ = återremiss",
     ["", "Följande röstar ja: Urban Sköld (S), Anna-Karin Dahlén (S)", "Följande röstar nej: Cecilia Wärn (MP)"],
     "JA = avgöra i dag NEJ = återremiss"),
    ("Ja för avgörande i dag, nej för återremiss",
     ["Ledamot                 Ja    Nej   Avstår", "Urban Sköld (S)         X", "Anna-Karin Dahlén (S)   X",
      "Cecilia Wärn (MP)             X"],
     "Ja för avgörande i dag, nej för återremiss"),
])
def test_question_without_full_stop_ends_at_its_line(question, ballots, want):
    text = "\n".join(["Omröstning begärs.", question, *ballots, "",
                      "Resultat: 2 ja, 1 nej. Kommunstyrelsen beslutar att avgöra ärendet i dag."])
    [v] = votes_of(text)
    assert (v.yes, v.no, v.question, v.outcome) == (2, 1, want, "ja")


def test_question_wrapped_over_two_lines_is_still_whole():
    text = ("Omröstning begärs. Ja-röst för bifall till kommunstyrelsens förslag, nej-röst för bifall\n"
            "till Anna Eks (M) yrkande.\nMed 6 ja-röster mot 5 nej-röster bifaller fullmäktige förslaget.")
    [v] = votes_of(text)
    assert v.question == ("Ja-röst för bifall till kommunstyrelsens förslag, nej-röst för bifall till "
                          "Anna Eks (M) yrkande")


def test_nykoping_ballots_and_question():
    lines = ["Nyköpings kommun", "Kommunstyrelsen", "Protokoll 2024-10-14", "", "§ 201 Detaljplan för Hällbergsudden",
             "KS/2023:412", "", "Beslutsgång", *NYKOPING]
    [item] = as_json(extract(pages_of("\n".join(lines))))["items"]
    [v] = item["votes"]
    assert v["question"] == "JA = ärendet avgörs i dag NEJ = återremiss"
    assert (v["yes"], v["no"], v["outcome"], v["counts_agree"]) == (2, 1, "ja", True)
    assert len(find_all(NYKOPING, 0, {})) == 1
