"""Evaluate Swedish OCR repair against ground truth.

    python -m benchmarks.eval_repair          # table on stdout, JSON in $EVAL_JSON (eval-repair.json)

Clean Swedish text (the sample archive's two clean texts and the municipal texts of
`benchmarks/repair_texts/`) is rendered into degraded page images by `benchmarks.render`, OCR'd by
Tesseract with `swe+eng` and with `eng` (`benchmarks.repair_pairs`, cached in benchmarks/.cache/),
and repaired. Reported per profile × languages, over held-out texts (never used to learn the
confusion weights) and over all texts:

- WER and CER of the OCR text and of the repaired text against the clean text (jiwer; words are
  whitespace tokens with surrounding punctuation removed; the JSON also has the repaired WER
  without case and dash type, which repair leaves as OCR printed them);
- accuracy on words with å/ä/ö: share of such words of the clean text found as such in the output;
- edit precision: share of word changes that turned an aligned OCR word into the clean word
  (compared without case: repair keeps the printed capitalisation, which a poor scan garbles),
  and the harmful changes among them: words OCR had right that repair made wrong;
- a plain spellchecker baseline on the same pairs: SymSpell (max edit distance 2) over wordfreq's
  Swedish list, every word it does not know replaced by its top suggestion;
- the change rate on clean text: words changed when the clean texts are repaired as OCR'd pages
  and as text pages (page furniture dropped is counted apart);
- speed: words per second in a fresh process, lexicon load from the disk cache included.

Profiles: `mild` = render.py mild at 300 dpi (grey paper, faint noise, skew ±0.5°, slight blur);
`heavy` = render.py heavy at 120 dpi (blur, noise, specks, skew ±1.2°, toner threshold, JPEG q30);
`fax` = render.py heavy at 110 dpi in a serif font (broken strokes, lost dots and rings).
`real page`: the sample archive's real poor scan itself, 560 lines of its OCR against a hand
transcription (`benchmarks/real_pages/`): `dev` the first 170 lines, which were looked at while
repair was tuned, `heldout` the next 390 (p15b, p15c), transcribed afterwards and only measured.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import jiwer

from benchmarks.repair_pairs import RENDER, Pair, pairs, real_pages, texts
from corpus.models import Page

ROOT = Path(__file__).resolve().parent.parent
_STRIP = ".,;:!?()[]{}\"'”“»«…"
DIACRITICS = set("åäöÅÄÖ")


def tokens(text: str) -> list[str]:
    out = []
    for raw in text.split():
        w = raw.strip(_STRIP)
        if w:
            out.append(w)
    return out


def _fold(text: str) -> str:
    return text.lower().replace("–", "-").replace("—", "-")


def repair_doc(text: str, source: str = "ocr") -> str:
    from normalize import repair_pages
    pages = [Page(number=i + 1, source=source, text=t) for i, t in enumerate(text.split("\f"))]
    return "\f".join(p.text for p in repair_pages(pages))


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """A minimum-edit word alignment of a to b (jiwer's Levenshtein, the one WER counts), as
    (op, a0, a1, b0, b1) with op "equal", "substitute", "delete" or "insert"."""
    if not a or not b:
        return [("delete", 0, len(a), 0, 0)] if a else [("insert", 0, 0, 0, len(b))] if b else []
    out = jiwer.process_words(" ".join(a), " ".join(b))
    return [(c.type, c.ref_start_idx, c.ref_end_idx, c.hyp_start_idx, c.hyp_end_idx)
            for c in out.alignments[0]]


def _alignment(a: list[str], b: list[str]) -> dict[int, int]:
    """Index map a -> b for tokens aligned one to one (equal or equal-sized replaced runs).
    difflib's matching blocks, not the minimum-edit alignment: where OCR dropped or split words,
    the latter pairs a word with its neighbour's reference as readily as with its own, and edit
    precision would count a right repair wrong."""
    out: dict[int, int] = {}
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, a0, a1, b0, b1 in sm.get_opcodes():
        if op in ("equal", "replace") and a1 - a0 == b1 - b0:
            for k in range(a1 - a0):
                out[a0 + k] = b0 + k
    return out


@dataclass
class Tally:
    ref: list[str] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    baseline: list[str] = field(default_factory=list)
    dia_total: int = 0
    dia_before: int = 0
    dia_after: int = 0
    dia_baseline: int = 0
    edits: int = 0
    edits_right: int = 0
    edits_harmful: int = 0          # a word OCR got right, changed into a wrong one
    base_edits: int = 0
    base_right: int = 0


def _dia_hits(ref: list[str], hyp: list[str]) -> int:
    """Words with å/ä/ö of `ref` found as such in `hyp`: equal in the minimum-edit alignment
    (difflib's blocks shift with small changes in long texts: ±10 points on one profile)."""
    hits = 0
    for op, a0, a1, _b0, _b1 in _opcodes(ref, hyp):
        if op == "equal":
            hits += sum(1 for w in ref[a0:a1] if DIACRITICS & set(w))
    return hits


def _edit_precision(ref: list[str], ocr: list[str], out: list[str]) -> tuple[int, int]:
    """(changed words aligned to the reference, of which right)."""
    changed, right, _harmful = _edit_outcomes(ref, ocr, out)
    return changed, right


def _edit_outcomes(ref: list[str], ocr: list[str], out: list[str]) -> tuple[int, int, int]:
    """(changed words aligned to the reference, of which right, of which were right before)."""
    o2r = _alignment(ocr, ref)
    o2h = _alignment(ocr, out)
    changed = right = harmful = 0
    for i, j in o2h.items():
        if out[j] == ocr[i] or i not in o2r:
            continue
        changed += 1
        # right if it now reads as the page does; case is compared apart from letters because
        # OCR capitalises at random on poor scans and repair only follows the printed case
        truth = ref[o2r[i]].lower()
        right += out[j].lower() == truth
        harmful += ocr[i].lower() == truth and out[j].lower() != truth
    return changed, right, harmful


class Baseline:
    """SymSpell over wordfreq's Swedish words: each unknown word -> top suggestion."""

    def __init__(self) -> None:
        import wordfreq
        from symspellpy import SymSpell, Verbosity
        self.verbosity = Verbosity.TOP
        self.sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for w, f in wordfreq.get_frequency_dict("sv", wordlist="large").items():
            if w.isalpha():
                self.sym.create_dictionary_entry(w, max(1, int(f * 1e9)))
        self.words = self.sym.words

    def fix(self, text: str) -> str:
        def one(m: re.Match[str]) -> str:
            w = m.group()
            low = w.lower()
            if low in self.words or not low.isalpha():
                return w
            s = self.sym.lookup(low, self.verbosity, max_edit_distance=2)
            if not s:
                return w
            best = s[0].term
            return best.capitalize() if w[:1].isupper() else best
        return re.sub(r"[^\W\d_]+", one, text)


def evaluate(all_pairs: list[Pair]) -> dict:
    baseline = Baseline()
    groups: dict[str, Tally] = {}
    for p in all_pairs:
        repaired = repair_doc(p.ocr)
        base = baseline.fix(p.ocr)
        ref, ocr, out, bl = tokens(p.truth), tokens(p.ocr), tokens(repaired), tokens(base)
        for split in ("all",) if p.split == "train" else (p.split, "all"):
            t = groups.setdefault(f"{p.profile} {p.langs} {split}", Tally())
            t.ref.append(" ".join(ref))
            t.before.append(" ".join(ocr))
            t.after.append(" ".join(out))
            t.baseline.append(" ".join(bl))
            t.dia_total += sum(1 for w in ref if DIACRITICS & set(w))
            t.dia_before += _dia_hits(ref, ocr)
            t.dia_after += _dia_hits(ref, out)
            t.dia_baseline += _dia_hits(ref, bl)
            c, r, h = _edit_outcomes(ref, ocr, out)
            t.edits += c
            t.edits_right += r
            t.edits_harmful += h
            c, r = _edit_precision(ref, ocr, bl)
            t.base_edits += c
            t.base_right += r
    rows = {}
    for key, t in sorted(groups.items()):
        rows[key] = {
            "words": sum(len(r.split()) for r in t.ref),
            "wer_before": jiwer.wer(t.ref, t.before), "wer_after": jiwer.wer(t.ref, t.after),
            "wer_baseline": jiwer.wer(t.ref, t.baseline),
            # the same without case and dash type, which repair leaves as OCR printed them
            "wer_after_nocase": jiwer.wer([_fold(r) for r in t.ref], [_fold(a) for a in t.after]),
            "cer_before": jiwer.cer(t.ref, t.before), "cer_after": jiwer.cer(t.ref, t.after),
            "cer_baseline": jiwer.cer(t.ref, t.baseline),
            "diacritic_words": t.dia_total,
            "diacritic_acc_before": t.dia_before / max(1, t.dia_total),
            "diacritic_acc_after": t.dia_after / max(1, t.dia_total),
            "diacritic_acc_baseline": t.dia_baseline / max(1, t.dia_total),
            "edits": t.edits, "edit_precision": t.edits_right / max(1, t.edits),
            "edits_harmful": t.edits_harmful,
            "baseline_edits": t.base_edits,
            "baseline_edit_precision": t.base_right / max(1, t.base_edits),
        }
    return rows


WORD_REASONS = {"diacritic", "ocr-confusion", "context", "word-join", "word-split"}


def clean_change_rate() -> dict:
    """Words changed in the clean texts, repaired as OCR'd pages and as text pages. Page
    furniture dropped (a "Forts. nästa sida" line) is counted apart: that is meant."""
    from normalize import repair_pages
    out = {}
    for source in ("ocr", "text"):
        words = changed = furniture = 0
        for _name, _split, text in texts():
            pages = [Page(number=i + 1, source=source, text=t)
                     for i, t in enumerate(text.split("\f"))]
            words += len(tokens(text))
            for page in repair_pages(pages):
                for c in page.changes:
                    if c.reason in WORD_REASONS:
                        changed += 1
                    elif c.reason == "page-furniture":
                        furniture += len(tokens(c.original))
        out[source] = {"words": words, "changed": changed, "rate": changed / max(1, words),
                       "furniture_words_dropped": furniture}
    return out


_SPEED_SNIPPET = """
import sys, time, json, resource
t0 = time.perf_counter()
from corpus.models import Page
from normalize import repair_pages
docs = json.load(sys.stdin)
words = 0
t1 = None
for i, doc in enumerate(docs):
    pages = [Page(number=k + 1, source="ocr", text=t) for k, t in enumerate(doc.split("\\f"))]
    repair_pages(pages)
    words += len(doc.split())
    if i == 0:
        t1 = time.perf_counter()
t2 = time.perf_counter()
use = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"words": words, "seconds": t2 - t0, "first_doc_seconds": t1 - t0,
                  "cpu_seconds": use.ru_utime + use.ru_stime}))
"""


def speed(all_pairs: list[Pair]) -> dict:
    """Words/s in a fresh one-core process: import, lexicon load (disk cache), repair of all pairs."""
    docs = [p.ocr for p in all_pairs]
    env = dict(os.environ, OMP_THREAD_LIMIT="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", _SPEED_SNIPPET], input=json.dumps(docs),
                          capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    r = json.loads(done.stdout)
    r["words_per_second"] = r["words"] / r["seconds"]
    # CPU time of the whole process (interpreter start included): what one core spends, not
    # what the wall clock shows on a machine shared with other work
    r["words_per_cpu_second"] = r["words"] / r["cpu_seconds"]
    return r


def main() -> None:
    all_pairs = pairs()
    repair_doc("förvärm")                    # build the lexicon cache before timing anything
    rows = evaluate(all_pairs + real_pages())
    clean = clean_change_rate()
    spd = speed(all_pairs)
    spd["per_profile"] = {prof: speed([p for p in all_pairs if p.profile == prof])
                          for prof in RENDER}
    print(f"{'profile langs texts':28} {'words':>6} {'WER ocr':>8} {'repair':>7} {'base':>6} "
          f"{'CER ocr':>8} {'repair':>7} {'åäö ocr':>8} {'repair':>7} {'base':>6} "
          f"{'edits':>6} {'prec':>6} {'harm':>5} {'base prec':>9}")
    for key, r in rows.items():
        print(f"{key:28} {r['words']:6d} {r['wer_before']:8.1%} {r['wer_after']:7.1%} "
              f"{r['wer_baseline']:6.1%} {r['cer_before']:8.1%} {r['cer_after']:7.1%} "
              f"{r['diacritic_acc_before']:8.1%} {r['diacritic_acc_after']:7.1%} "
              f"{r['diacritic_acc_baseline']:6.1%} {r['edits']:6d} {r['edit_precision']:6.1%} "
              f"{r['edits_harmful']:5d} {r['baseline_edit_precision']:9.1%}")
    for source, c in clean.items():
        print(f"clean text repaired as {source!r} pages: {c['changed']} of {c['words']} words "
              f"changed ({c['rate']:.2%}); {c['furniture_words_dropped']} words of page "
              f"furniture dropped")
    print(f"speed: {spd['words']} words in a fresh process, start-up and lexicon load included: "
          f"{spd['cpu_seconds']:.2f} s CPU = {spd['words_per_cpu_second']:.0f} words/s per core "
          f"({spd['seconds']:.2f} s wall = {spd['words_per_second']:.0f} words/s)")
    print("  per profile, each in a fresh process: " + ", ".join(
        f"{prof} {r['words_per_cpu_second']:.0f} words/s" for prof, r in spd["per_profile"].items()))
    result = {"pairs": rows, "clean_change_rate": clean, "speed": spd,
              "profiles": {name: f"render.py {base}, {dpi} dpi, {font}"
                           for name, (base, dpi, font) in RENDER.items()}}
    path = Path(os.environ.get("EVAL_JSON", "eval-repair.json"))
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
