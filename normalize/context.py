"""Real-word errors decided by the neighbouring words: `bor`/`bör`, `stod`/`stöd`,
`fortsatta`/`fortsätta`, `akt`/`åkt`. Both readings are Swedish words, so the lexicon cannot
choose; a lost diacritic is only restored where the words around show which one the page said,
and only in a document that loses diacritics or letters (the caller decides that per document).
The tables are in `normalize.patterns`.
"""
from __future__ import annotations

from normalize import patterns


def _is_infinitive(word: str) -> bool:
    """An infinitive or passive infinitive by its ending (vara, beaktas, göras; not 'i', '3')."""
    return (word.isalpha() and len(word) >= 3 and word.endswith(("a", "as"))
            and word not in patterns.BOR_NEXT_KEEP)


def context_word(prev: str, nxt: str, after_next: str, *, low: str) -> str | None:
    """The word the page said in place of `low` (all lower case): the replacement, `low`
    itself when the neighbours show the printed word is right, None when they do not tell
    (the lexicon's priors decide then)."""
    if low == "bor":
        if nxt in patterns.BOR_NEXT_KEEP or nxt[:1].isdigit():
            return low                      # "bor hemma", "bor 3 084 ungdomar"
        if nxt in patterns.MODAL_ADVERBS:
            nxt = after_next
        return "bör" if _is_infinitive(nxt) else None
    if low == "stod":
        if prev in patterns.STOD_PREV_KEEP or nxt in patterns.STOD_NEXT_KEEP:
            return low
        return "stöd" if prev.isalpha() else None
    if low == "fortsatta":
        if prev in patterns.VERB_BEFORE:
            return "fortsätta"
        if prev in patterns.DETERMINERS or (prev.endswith("s") and len(prev) > 3):
            return low                      # "det fortsatta arbetet", "nämndens fortsatta arbete"
        return None
    if low == "akt":
        # minutes file a paper "till akt", keep it "i akt": the file, rarer than åkt in
        # general Swedish but the word of the register; åkt (gone) follows an auxiliary
        return "åkt" if prev in patterns.PERFECT_AUXILIARIES else low
    return None


CONTEXT_WORDS = frozenset({"bor", "stod", "fortsatta", "akt"})
