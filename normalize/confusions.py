"""The OCR confusion model: P(what OCR printed | what the page said), per character segment.

`DEFAULTS` are hand-set priors for the damage seen in Swedish scans (CONVENTIONS.md): they
matter where the learned table (`normalize/confusions_learned.tsv`, regenerated from OCR'd
evaluation pairs by `python -m benchmarks.repair_learn`) has too few observations. Learned counts
and priors are combined as P = (count + ALPHA * prior) / (total + ALPHA), and a prior stays a floor
at half its value (a confusion the small training text never showed is not impossible).

Segments are lower case. The loss of a diacritic (`ä` read as `a`) is *not* taken from this table
when a document is repaired: how often diacritics were lost is estimated per document (an `eng`
OCR loses all of them, a Swedish OCR of a clean page none), see `normalize.words`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEARNED = Path(__file__).with_name("confusions_learned.tsv")   # package data (*.tsv)
# ... and with a real poor scan's confusions too (see benchmarks/repair_learn.py)
LEARNED_POOR = Path(__file__).with_name("confusions_learned_poor.tsv")
ALPHA = 300.0         # weight of a prior, in observations (the training text is small)
MIN_PROB = 0.001      # confusions rarer than this are not generated as candidates
MAX_READINGS = 4      # true segments tried per OCR segment
# a poor print: more of them ("i" may be l, ä, å, t, r), and those of its own table that the
# usual one lacks (i for ö)
MAX_POOR_READINGS_BASE = 6
MAX_POOR_READINGS = 2

# (true segment, OCR segment, prior probability). Why each is here:
DEFAULTS: list[tuple[str, str, float]] = [
    # diacritics lost or misread (eng OCR: é, 6, &; Swedish OCR of poor scans: i, #, 5, d)
    ("ä", "a", 0.05), ("ä", "i", 0.03), ("ä", "é", 0.02), ("ä", "&", 0.02), ("ä", "#", 0.01),
    ("ä", "4", 0.002), ("å", "4", 0.002), ("ä", "à", 0.005), ("ä", "á", 0.005), ("ä", "ii", 0.003),
    ("å", "a", 0.05), ("å", "d", 0.01), ("å", "é", 0.005), ("å", "à", 0.005), ("å", "á", 0.005),
    ("ö", "o", 0.05), ("ö", "6", 0.02), ("ö", "é", 0.02), ("ö", "5", 0.01), ("ö", "d", 0.005),
    ("ö", "b", 0.003), ("ö", "ó", 0.01), ("ö", "ò", 0.005), ("ö", "0", 0.003), ("ö", "e", 0.003),
    ("ä", "e", 0.003), ("é", "e", 0.02),
    # eng OCR spreads ö over two characters: "bedömer" -> "beddémer", "bed6émning"
    ("ö", "dé", 0.005), ("ö", "6é", 0.005), ("ö", "oé", 0.005), ("ä", "aé", 0.003),
    ("ä", "éa", 0.003),                 # "Jamstéalldhetsanalys", "méan"
    # diacritics where the page had none (a speck above a vowel): "vårandra", "samärbetet"
    ("a", "å", 0.002), ("a", "ä", 0.002), ("o", "ö", 0.002), ("ä", "å", 0.003), ("å", "ä", 0.005),
    # i and l against the vertical strokes
    ("i", "1", 0.01), ("i", "l", 0.005), ("i", "|", 0.01), ("l", "1", 0.005), ("l", "i", 0.003),
    ("l", "|", 0.005), ("i", "j", 0.002), ("t", "f", 0.002), ("f", "t", 0.002),
    # merged and split letters
    ("m", "rn", 0.005), ("rn", "m", 0.003), ("h", "li", 0.003), ("li", "h", 0.002),
    ("ti", "fi", 0.003), ("fi", "ti", 0.002), ("n", "ri", 0.002), ("u", "ii", 0.002),
    ("e", "c", 0.003), ("c", "e", 0.003), ("o", "e", 0.002), ("e", "o", 0.002),
    ("r", "t", 0.002), ("n", "u", 0.002), ("u", "n", 0.002), ("o", "0", 0.002),
    ("s", "z", 0.004), ("n", "r", 0.002), ("ll", "l", 0.005), ("l", "t", 0.004), ("k", "x", 0.003),
    ("s", "c", 0.003), ("n", "ri", 0.002), ("nd", "r", 0.001), ("b", "s", 0.001),
    # a thin, broken print (a copy of a copy): rings and dots lost, strokes split into i's
    ("å", "i", 0.01), ("ö", "t", 0.003), ("ö", "ti", 0.003), ("m", "ni", 0.003),
    ("in", "m", 0.003), ("n", "ii", 0.003), ("r", "i", 0.003),
    ("t", "i", 0.002), ("u", "y", 0.002), ("h", "hi", 0.002), ("m", "mi", 0.002),
    ("m", "in", 0.003), ("ä", "di", 0.003),      # "soin" (som), "ndimnden" (nämnden)
]


@dataclass(frozen=True)
class Model:
    """log10 P(ocr | true) per (true, ocr) segment, and the reverse index used to generate."""
    logp: dict[tuple[str, str], float]
    # ocr segment -> skeletons of the true segments it may come from, with the best log10 P
    generate: dict[str, tuple[tuple[str, float], ...]]

    def cost(self, true: str, ocr: str) -> float | None:
        """log10 P(ocr | true); None when this confusion is not in the model."""
        return self.logp.get((true, ocr))


def _read_learned(path: Path) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    counts: dict[tuple[str, str], int] = {}
    totals: dict[str, int] = {}
    if not path.exists():
        return counts, totals
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        true, ocr, count, total = line.split("\t")
        counts[(true, ocr)] = int(count)
        totals[true] = int(total)
    return counts, totals


def _logp(path: Path) -> dict[tuple[str, str], float]:
    counts, totals = _read_learned(path)
    priors = {(t, o): p for t, o, p in DEFAULTS}
    logp: dict[tuple[str, str], float] = {}
    for key in set(priors) | set(counts):
        true = key[0]
        prior = priors.get(key, 0.0)
        p = (counts.get(key, 0) + ALPHA * prior) / (totals.get(true, 0) + ALPHA)
        # A prior is a floor at half its value: a confusion unseen in the small training text
        # is not thereby impossible.
        p = max(p, prior / 2)
        if p > 0:
            logp[key] = math.log10(min(p, 0.95))
    return logp


def _readings(logp: dict[tuple[str, str], float], limit: int) -> dict[str, dict[str, float]]:
    """OCR segment -> {skeleton of a true segment: best log10 P}, the likeliest `limit`."""
    from corpus.lexicon import skeleton
    generate: dict[str, dict[str, float]] = {}
    for (true, ocr), lp in logp.items():
        if lp < math.log10(MIN_PROB) or ocr == skeleton(true):
            continue            # diacritic loss is handled by the skeleton index, not generated
        skel = skeleton(true)
        best = generate.setdefault(ocr, {})
        best[skel] = max(best.get(skel, -99.0), lp)
    # the likeliest few readings per OCR segment: the candidate search branches on each
    return {o: dict(sorted(d.items(), key=lambda kv: -kv[1])[:limit])
            for o, d in generate.items()}


def build_model(path: Path = LEARNED, *also: Path) -> Model:
    """The model of the table at `path`; with `also`, of those tables too: each confusion as
    likely as the likeliest table makes it, the first table's likeliest MAX_READINGS readings
    generated and, of the others, the likeliest MAX_POOR_READINGS readings the first lacks."""
    base = _logp(path)
    logp = dict(base)
    generate = _readings(base, MAX_READINGS if not also else MAX_POOR_READINGS_BASE)
    for table in (_logp(p) for p in also):
        for key, lp in table.items():
            logp[key] = max(logp.get(key, -99.0), lp)
        for ocr, readings in _readings(table, 99).items():
            best = generate.setdefault(ocr, {})
            new = [(skel, lp) for skel, lp in readings.items() if skel not in best]
            for skel, lp in readings.items():
                if skel in best:
                    best[skel] = max(best[skel], lp)
            best.update(new[:MAX_POOR_READINGS])
    return Model(logp=logp, generate={o: tuple(sorted(d.items(), key=lambda kv: -kv[1]))
                                      for o, d in generate.items()})


@lru_cache(maxsize=1)
def default_model() -> Model:
    return build_model()


@lru_cache(maxsize=1)
def poor_print_model() -> Model:
    """The model for a thin, broken print (see `normalize.repair.POOR_PRINT_DAMAGE`): the
    poor-print table's confusions with the usual ones, none less likely than the usual model
    makes it. So what it leaves unrepaired the usual model leaves too, and a second repair of
    its result (no longer that damaged, so repaired with the usual model) changes nothing."""
    return build_model(LEARNED, LEARNED_POOR)
