"""The same document in two forms: a scan of minutes whose text version is already in the archive
(or the text version of a scan). Their bytes and words differ, so neither the file hash nor the
text fingerprint (`arkiv.work.fingerprint`) sees it; a search would show every record twice.

Two documents are taken for one when the extraction agrees (the same date, document type, and
body, municipality and § numbers where both have them; a scan's OCR may miss a § heading, and
then a closer match of words is asked) and their words do (the share of words in
common, counted with their repeats, diacritics and case aside, over the longer text): a repaired
OCR of a poor scan keeps 0.66-0.90 of its text version's words (the repair evaluation's pairs,
fax profile without Swedish data to mild), while unrelated minutes share at most 0.37, mostly
function words. Only a scan and a text version are compared: two scans or two text files of
the same minutes are different copies a user imported on purpose (and the exact duplicate is
the fingerprint's case).
"""
from __future__ import annotations

import re
from collections import Counter

from corpus.models import Document

SIMILARITY = 0.6          # shared words over the longer text's, at least
LENGTH_RATIO = 0.7        # the shorter text has at least this share of the longer's words
SUBSET_SIMILARITY = 0.85  # ... when one has § numbers the other lacks (0.95-0.997 measured)
SCAN_SHARE = 0.5          # a document with this share of its pages OCR'd is a scan
_WORD = re.compile(r"\w\w+")
_FOLD = str.maketrans("åäöéü", "aaoeu")


def ocr_share(doc: Document) -> float:
    """The share of the document's pages that were OCR'd (0 for a text file or text PDF)."""
    return sum(p.source != "text" for p in doc.pages) / max(1, len(doc.pages))


def is_scan(doc: Document) -> bool:
    return ocr_share(doc) >= SCAN_SHARE


def words(text: str) -> Counter[str]:
    folded = text.casefold().translate(_FOLD)
    return Counter(w for w in _WORD.findall(folded) if not w.isdigit())


def similarity(a: Counter[str], b: Counter[str]) -> float:
    na, nb = sum(a.values()), sum(b.values())
    if not na or not nb or min(na, nb) < LENGTH_RATIO * max(na, nb):
        return 0.0
    return sum((a & b).values()) / max(na, nb)


def _paragraphs(doc: Document) -> set[str]:
    return {i.paragraph for i in doc.extraction.items if i.paragraph}


def same_document(a: Document, b: Document) -> bool:
    """Whether a scan and a text version are one document (see the module's doc)."""
    if is_scan(a) == is_scan(b):
        return False
    ea, eb = a.extraction, b.extraction
    if (ea.meeting_date or ea.date) != (eb.meeting_date or eb.date) or ea.doc_type != eb.doc_type:
        return False
    for x, y in ((ea.body, eb.body), (ea.municipality, eb.municipality)):
        if x and y and x != y:
            return False
    pa, pb = _paragraphs(a), _paragraphs(b)
    need = SIMILARITY
    if pa and pb and pa != pb:
        if not (pa < pb or pb < pa):
            return False
        need = SUBSET_SIMILARITY    # a § heading the OCR of a poor scan did not read
    return similarity(words(a.text), words(b.text)) >= need
