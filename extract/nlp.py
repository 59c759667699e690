"""The spaCy pipeline: a blank Swedish tokenizer with our Matcher patterns, built once per process.

`spacy.blank("sv")` loads in well under a second and needs no model download; the patterns are
built from `extract.vocab`. We match on folded text (no diacritics), so OCR text that lost its
å/ä/ö matches the same patterns.
"""
from __future__ import annotations

from functools import lru_cache

from extract import vocab

# Count words as they appear after folding and splitting "3-nej" into "3 - nej".
_YES = ["ja", "ja-roster", "ja-rost", "jaroster", "jarost", "ja-rosterna"]
_NO = ["nej", "nej-roster", "nej-rost", "nejroster", "nejrost", "nej-rosterna"]
_ABSTAIN = ["avstar", "avstod", "avstaende", "avstående", "nedlagda", "nedlagd", "avst"]


def _num() -> dict:
    words = list(vocab.NUMBER_WORDS) + list(vocab.TENS_WORDS)
    return {"LOWER": {"REGEX": r"^(?:\d{1,3}|" + "|".join(words) + r")(?:" +
                      "|".join(vocab.NUMBER_WORDS) + r")?$"}}


def count_patterns() -> dict[str, list[list[dict]]]:
    """Matcher patterns for "5 ja-röster", "sju ja", "3 ledamöter avstår", "Ja: 5", "JA 5"."""
    members = {"LOWER": {"IN": ["ledamoter", "ledamot", "ledamoterna", "personer", "st", "st.", "som"]},
               "OP": "?"}
    # "4 ledamöter som avstår (från att rösta)"
    who = {"LOWER": "som", "OP": "?"}
    votes_verb = {"LOWER": {"IN": ["rostar", "rostade", "roster", "rost", "-"]}, "OP": "?"}
    pats: dict[str, list[list[dict]]] = {}
    for label, words in (("YES", _YES), ("NO", _NO), ("ABSTAIN", _ABSTAIN)):
        word = {"LOWER": {"IN": words}}
        pats[label] = [
            [_num(), members, who, votes_verb, {"ORTH": "-", "OP": "?"}, word],
            [word, {"ORTH": ":", "OP": "?"}, {"ORTH": "=", "OP": "?"}, {"LIKE_NUM": True}],
        ]
        if label == "YES":
            # Stockholm: "7 röster för ordförandens förslag och 6 röster för …": the first
            # side is ja, the second nej (votes.py orders them).
            pats["FOR"] = [[_num(), {"LOWER": {"IN": ["roster", "rost"]}},
                            {"LOWER": {"IN": ["for", "till"]}}]]
        if label == "ABSTAIN":
            pats[label].append([_num(), members, who, {"LOWER": {"IN": ["avstar", "avstod"]}},
                                {"LOWER": "fran"}])
            pats[label].append([_num(), {"LOWER": {"IN": ["nedlagda", "blanka"]}},
                                {"LOWER": {"IN": ["roster", "rostsedlar"]}}])
    return pats


@lru_cache(maxsize=1)
def pipeline():
    """(nlp, matcher): loaded lazily, once per process."""
    import spacy
    from spacy.matcher import Matcher

    nlp = spacy.blank("sv")
    matcher = Matcher(nlp.vocab)
    for label, pats in count_patterns().items():
        matcher.add(label, pats)
    return nlp, matcher


def number_value(word: str) -> int | None:
    """"5" → 5, "sju" → 7, "tjugotre" → 23 (folded words)."""
    w = word.lower().strip(".,")
    if w.isdigit():
        return int(w)
    if w in vocab.NUMBER_WORDS:
        return vocab.NUMBER_WORDS[w]
    for tens, value in vocab.TENS_WORDS.items():
        if w.startswith(tens):
            rest = w[len(tens):]
            if not rest:
                return value
            if rest in vocab.NUMBER_WORDS and vocab.NUMBER_WORDS[rest] < 10:
                return value + vocab.NUMBER_WORDS[rest]
    return None
