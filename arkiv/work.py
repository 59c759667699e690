"""The per-document work: two plain functions that a local process pool and a Dask cluster both
run (../shared/CONTRACTS.md, "Parallel work"). They touch neither the store nor the index."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import extract
import ingest
import normalize
from corpus.errors import InputFileError
from corpus.models import Document, Page

PIPELINE_VERSION = f"n{getattr(normalize, 'VERSION', 1)}-e{getattr(extract, 'VERSION', 1)}"


# Share of words with misread letters (not only lost diacritics) from which a PDF's text layer
# is OCR'd again from its scan: a Swedish OCR of a fair scan stays well below it.
REOCR_LETTER_DAMAGE = 0.15
# A page's second reading must have at least this share of the first's words to replace it.
REOCR_MIN_WORDS = 0.7


@dataclass(frozen=True)
class Unit:
    """A page range of one file. The bytes travel with it, or only the path when every worker
    sees the same filesystem."""
    name: str                 # the path as the user gave it; used in messages and as `source`
    sha256: str
    first: int = 1
    last: int | None = None
    data: bytes | None = None
    path: str | None = None


def read_unit(unit: Unit, ocr_timeout: float = 180.0, langs: str = "swe+eng") -> list[Page]:
    """Ingest (text layer or OCR) of one page range.

    A PDF's text layer that another program's OCR made badly (å/ä/ö lost nearly everywhere,
    or many letters misread: `normalize.diagnose`) is OCR'd again, page by page, from the scan
    under it, with Swedish data. A page's new reading is kept when it has fewer unknown words
    and about as many words (an image under real text, a letterhead, OCRs to little or
    nothing)."""
    data = unit.data if unit.data is not None else _read_verified(unit)
    pages = ingest.read_pages(data, unit.name, unit.first, unit.last,
                              ocr_timeout=ocr_timeout, langs=langs)
    if ("swe" not in langs.split("+") or ingest.sniff(data, unit.name) != "pdf"
            or not _poor_text_layer(pages)):
        return pages            # (a text file has no scan to read again)
    layered = [p.number for p in pages if p.source == "text"]
    for number in ingest.scanned_pages(data, unit.name, layered):
        [again] = ingest.read_pages(data, unit.name, number, number, ocr_timeout=ocr_timeout,
                                    langs=langs, reocr=True)
        i = next(k for k, p in enumerate(pages) if p.number == number)
        if again.source == "ocr" and _better_reading(again, pages[i]):
            pages[i] = again
    return pages


def _better_reading(new: Page, old: Page) -> bool:
    new_words, old_words = len(new.text.split()), len(old.text.split())
    if new_words < REOCR_MIN_WORDS * old_words:
        return False
    return normalize.diagnose([new]).damage < normalize.diagnose([old]).damage


def _poor_text_layer(pages: list[Page]) -> bool:
    layer = [p for p in pages if p.source == "text"]
    if not layer:
        return False
    stats = normalize.diagnose(layer)
    return stats.ocr_without_swedish or stats.letter_damage >= REOCR_LETTER_DAMAGE


def _read_verified(unit: Unit) -> bytes:
    try:
        data = Path(unit.path or unit.name).read_bytes()
    except OSError as e:
        raise InputFileError(unit.name, f"cannot be read ({e.strerror})") from None
    if hashlib.sha256(data).hexdigest() != unit.sha256:
        raise InputFileError(unit.name, "the file changed while it was being imported; import it again")
    return data


def process_document(pages: list[Page], doc_id: str, source: str, size: int,
                     vocabulary: frozenset[str] = frozenset()) -> Document:
    """Repair and extraction of one file whose pages are all in. `vocabulary`: words of the
    archive's clean documents that repair should trust (names, local terms)."""
    pages = sorted(pages, key=lambda p: p.number)
    repaired = normalize.repair_pages(pages, vocabulary or None)
    extraction = extract.extract(repaired)
    return Document(doc_id=doc_id, source=source, pages=pages, repaired=repaired,
                    extraction=extraction, pipeline_version=PIPELINE_VERSION, size=size)


def warm_up(vote_counter: bool = True) -> None:
    """Run the per-document work once on a tiny document, so that what the stages load lazily
    (the repair lexicon, the PDF libraries, and with `vote_counter` spaCy, ~0.6 s) is in memory
    before the work starts: a Dask worker does this once when it starts.

    A local pool forks after this; its workers inherit what was loaded. There spaCy is better
    left to the first vote a worker meets: loading it here would keep both cores idle for its
    import at the start of every `arkiv import`, where a worker loads it beside the other's OCR.
    """
    import ingest.pdf  # noqa: F401  (imported by the first PDF otherwise: once per worker)
    text = "§ 1 Beslut\nNämnden godkänner förslaget."
    if vote_counter:       # a vote, so that the vote counter loads spaCy now
        text += "\nOmröstning sker. 5 ja-röster och 3 nej-röster."
    process_document([Page(1, "text", text)], "0" * 64, "warm-up", 0)


def clean_vocabulary(doc: Document) -> set[str]:
    """What a document teaches the archive's vocabulary: only documents read from a text layer
    or a text file (OCR would teach its own misreadings)."""
    if not doc.pages or any(p.source != "text" for p in doc.pages):
        return set()
    return normalize.vocabulary_from([doc.text])


_WORD = re.compile(r"\w+")


def fingerprint(doc: Document) -> str:
    """The same text imported in two formats (.txt and PDF) gets the same fingerprint: words only,
    case-folded, so line breaks, page furniture spacing and hyphenation do not count."""
    words = _WORD.findall(doc.text.casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def read_file(path: Path, max_bytes: int) -> bytes:
    """A file's bytes; InputFileError (one line) if it is over `max_bytes` or cannot be read."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputFileError(str(path), f"the file is {size / 2**20:.0f} MB, over the limit of "
                                            f"{max_bytes / 2**20:.0f} MB")
        return path.read_bytes()
    except OSError as e:
        raise InputFileError(str(path), f"cannot be read ({e.strerror})") from None
