"""Ground-truth pairs for the repair evaluation: clean text -> degraded scan -> Tesseract text.

Each clean text is rendered with `benchmarks.render` (profiles `mild` and `heavy`), OCR'd with the
`tesseract` command (`-l swe+eng` and `-l eng`, `OMP_THREAD_LIMIT=1`) and cached under
`benchmarks/.cache/repair/`, keyed by the text, the profile, the languages and the renderer's source,
so a re-run only OCRs what changed.

Texts: the sample archive's two clean texts and the municipal texts in `benchmarks/repair_texts/`.
Files named `train-*` are the only ones the confusion weights are learned from
(`benchmarks/repair_learn.py`); `heldout-*` and the samples are never learned from.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "benchmarks" / "repair_texts"
SAMPLES = [ROOT / "corpus" / "samples" / "stockholm-socialnamnden-2012-03-p13.txt",
           ROOT / "corpus" / "samples" / "osteraker-ks-2014-04-insatsgrupper.txt"]
CACHE = ROOT / "benchmarks" / ".cache" / "repair"
PROFILES = ("mild", "heavy", "fax")
LANGS = ("swe+eng", "eng")
# Our profiles, each a render.py profile at a resolution and a font. render.py's `heavy` at
# 300 dpi still OCRs at 2-8 % WER with swe+eng; the sample's poor scan was at 38 %. At 120 dpi
# (11 pt text about 18 px high: a low-resolution scan of a photocopy) it gives 10-20 % with
# swe+eng; `fax`, the same in a serif font at 110 dpi, about 28 %, with broken letters and lost
# dots and rings as on the sample's scan.
RENDER = {"mild": ("mild", 300, "sans"), "heavy": ("heavy", 120, "sans"),
          "fax": ("heavy", 110, "serif")}


@dataclass
class Pair:
    name: str          # text file stem
    split: str         # "train" or "heldout"
    profile: str
    langs: str
    truth: str
    ocr: str


def texts() -> list[tuple[str, str, str]]:
    """(name, split, clean text) for every evaluation text."""
    out = []
    for path in sorted(TEXTS.glob("*.txt")):
        split = "train" if path.name.startswith("train-") else "heldout"
        out.append((path.stem, split, path.read_text(encoding="utf-8")))
    for path in SAMPLES:
        out.append((path.stem, "heldout", path.read_text(encoding="utf-8")))
    return out


def _key(text: str, profile: str, langs: str) -> str:
    render_src = (ROOT / "benchmarks" / "render.py").read_bytes()
    h = hashlib.sha256()
    base, dpi, font = RENDER[profile]
    setting = f"{dpi}" if font == "sans" else f"{base}-{dpi}-{font}"
    for part in (text.encode(), profile.encode(), langs.encode(), setting.encode(), render_src):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()[:24]


def _ocr_page(png: Path, langs: str) -> str:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    done = subprocess.run(["tesseract", str(png), "stdout", "-l", langs], env=env,
                          capture_output=True, text=True, check=True)
    return done.stdout


def ocr_text(text: str, profile: str, langs: str) -> str:
    """Render, degrade and OCR `text`; pages joined by form feeds. Cached on disk."""
    path = CACHE / f"{_key(text, profile, langs)}.txt"
    if path.exists():
        return path.read_text(encoding="utf-8")
    from benchmarks.render import render_pages
    base, dpi, font = RENDER[profile]
    pages = render_pages(text, dpi=dpi, profile=base, font=font)
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, image in enumerate(pages):
            png = Path(tmp) / f"p{i}.png"
            image.save(png)
            out.append(_ocr_page(png, langs).rstrip("\n\f "))
    result = "\f".join(out)
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp_path = path.with_suffix(".tmp")
    tmp_path.write_text(result, encoding="utf-8")
    tmp_path.replace(path)
    return result


def _job(args: tuple[str, str, str]) -> str:
    return ocr_text(*args)


def pairs(workers: int = 2) -> list[Pair]:
    """Every (text, profile, langs) pair, OCR'd in `workers` processes when not cached."""
    jobs = [(name, split, text, profile, langs) for name, split, text in texts()
            for profile in PROFILES for langs in LANGS]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(_job, [(t, p, l) for _, _, t, p, l in jobs]))
    return [Pair(name, split, profile, langs, text, ocr)
            for (name, split, text, profile, langs), ocr in zip(jobs, results)]


if __name__ == "__main__":
    for pair in pairs():
        print(pair.name, pair.profile, pair.langs, len(pair.ocr.split()), "words")


REAL_PAGES = Path(__file__).with_name("real_pages")
# name -> split: lines 1-170 of the sample's poor scan were looked at while repair was tuned
# ("dev"); lines 171-370 were transcribed afterwards and only measured ("heldout")
REAL_SPLITS = {"p15": "dev", "p15b": "heldout", "p15c": "heldout"}


def _printed_words(truth: str) -> str:
    """A hand transcription keeps the page's line-end hyphens ("ungdo-" / "mar"); the words the
    page printed are whole ("ungdomar"), as repair joins them. A hyphen before a capital
    ("Spånga-" / "Tensta") or a digit stays."""
    return re.sub(r"(\w)-\n(?=[a-zåäö])", r"\1", truth)


def real_pages() -> list[Pair]:
    """The hand-checked pairs of a real poor scan (benchmarks/real_pages/README.md): the OCR
    as the archive got it, against what the page said."""
    out = []
    for name, split in REAL_SPLITS.items():
        ocr, truth = (REAL_PAGES / f"{name}-{kind}.txt" for kind in ("ocr", "truth"))
        if ocr.exists() and truth.exists():
            out.append(Pair(name, split, "real", "page", _printed_words(truth.read_text("utf-8")),
                            ocr.read_text("utf-8")))
    return out
