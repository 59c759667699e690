"""Learn the OCR confusion weights of `normalize/confusions_learned.tsv` from the training pairs,
and those of `normalize/confusions_learned_poor.tsv` for poor prints.

    python -m benchmarks.repair_learn

`confusions_learned.tsv` uses only the `train-*` texts of `benchmarks/repair_texts/` (rendered
mild and heavy, OCR'd with `swe+eng` and `eng`, see `benchmarks.repair_pairs`); the held-out
texts, the sample archive and the `fax` profile are never learned from.
`confusions_learned_poor.tsv` adds the `dev` stretch of the real poor scan
(`benchmarks/real_pages/`, `REAL_SPLITS`), its counts taken `REAL_WEIGHT` times: a thin, broken
print confuses letters that no rendering does (an i for t or r, "ii" for ä, B for ö). Repair
uses it for documents whose letters are badly damaged (`normalize.repair.POOR_PRINT_DAMAGE`).
The held-out stretches of that scan are never learned from. Words of the clean text are aligned with the OCR'd words, then letters within
each aligned word pair; every substitution of one or two letters by one or two characters is
counted against how often its true segment occurs in aligned words.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path

from benchmarks.repair_pairs import pairs, real_pages

# `fax` is left out: its garbled words align letter to letter poorly, and the noisy confusions
# they teach (s read as "vi") widen the candidate search more than they help. It is an
# evaluation-only profile, a test of the model on damage it was not fitted to.
LEARN_PROFILES = ("mild", "heavy")
OUT = Path(__file__).resolve().parent.parent / "normalize" / "confusions_learned.tsv"
OUT_POOR = OUT.with_name("confusions_learned_poor.tsv")
REAL_WEIGHT = 3     # one real page against four rendered texts in four renderings each
WORD = re.compile(r"[^\s.,;:!?()\"'”“»«]+")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def aligned_words(truth: str, ocr: str) -> list[tuple[str, str]]:
    """(true word, OCR word) for words aligned one to one."""
    t, o = words(truth), words(ocr)
    out = []
    matcher = difflib.SequenceMatcher(None, t, o, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op in ("equal", "replace") and a1 - a0 == b1 - b0:
            out.extend(zip(t[a0:a1], o[b0:b1]))
    return out


def segment_pairs(true: str, ocr: str) -> list[tuple[str, str]]:
    """Letter substitutions inside one aligned word pair."""
    if abs(len(true) - len(ocr)) > 2 or true == ocr:
        return []
    out = []
    matcher = difflib.SequenceMatcher(None, true, ocr, autojunk=False)
    # Adjacent non-equal opcodes form one block: "ö" read as "dé" is an insert and a replace.
    blocks: list[list[int]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            blocks.append([])
            continue
        if blocks and blocks[-1]:
            blocks[-1][1], blocks[-1][3] = a1, b1
        else:
            blocks.append([a0, a1, b0, b1])
    for block in blocks:
        if not block:
            continue
        a0, a1, b0, b1 = block
        ts, os_ = true[a0:a1], ocr[b0:b1]
        if not ts:                  # an inserted character: attach it to the letter before
            if a0 == 0:
                continue
            ts, os_ = true[a0 - 1], true[a0 - 1] + os_
        if not os_:                 # a dropped letter ("till" read as "til"): letter before + it
            if a0 == 0:
                continue
            ts, os_ = true[a0 - 1] + ts, true[a0 - 1]
        if len(ts) == len(os_):
            out.extend(zip(ts, os_))
        elif len(ts) <= 2 and len(os_) <= 3:
            out.append((ts, os_))
    return out


def _count(truth: str, ocr: str, subs: Counter, totals: Counter, weight: int = 1) -> None:
    for true, printed in aligned_words(truth, ocr):
        for _ in range(weight):
            for i, ch in enumerate(true):
                totals[ch] += 1
                if i + 1 < len(true):
                    totals[true[i:i + 2]] += 1
            subs.update(segment_pairs(true, printed))


def learn(real_weight: int = 0) -> tuple[Counter, Counter]:
    """Confusion counts of the training pairs; with `real_weight`, and of the real scan's dev
    stretch counted that many times."""
    subs: Counter[tuple[str, str]] = Counter()
    totals: Counter[str] = Counter()
    for pair in pairs():
        if pair.split == "train" and pair.profile in LEARN_PROFILES:
            _count(pair.truth, pair.ocr, subs, totals)
    if real_weight:
        for pair in real_pages():
            if pair.split == "dev":
                _count(pair.truth, pair.ocr, subs, totals, real_weight)
    return subs, totals


def _write(path: Path, subs: Counter, totals: Counter, source: str) -> None:
    lines = [f"# OCR confusions learned by `python -m benchmarks.repair_learn` from {source}.",
             "# true\tocr\tcount\ttimes the true segment occurred in aligned words"]
    for (true, ocr), n in sorted(subs.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < 2 or not true or not ocr:
            continue
        lines.append(f"{true}\t{ocr}\t{n}\t{totals[true]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} confusions written to {path}")


def main() -> None:
    _write(OUT, *learn(), "the train-* texts\n# of benchmarks/repair_texts/ (mild and heavy "
           "renders; swe+eng and eng OCR)")
    _write(OUT_POOR, *learn(REAL_WEIGHT), "the train-* texts\n# of benchmarks/repair_texts/ "
           "and, counted {REAL_WEIGHT} times, the dev stretch of the real poor\n# scan in "
           "benchmarks/real_pages/ (for documents whose letters are badly damaged)"
           .replace("{REAL_WEIGHT}", str(REAL_WEIGHT)))


if __name__ == "__main__":
    main()
