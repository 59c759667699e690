"""An item's body split at its sub-headings (Beslut, Yrkanden, Reservation, …)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract import vocab
from extract.text import Line, fold, heading_key, section_kind

_FURNITURE = re.compile(r"^(?:forts\.?\b|fortsattning\b|sida\s*\d+|\d+\s*\(\d+\)$|sid\s*\d|"
                        r"justerandes\s*sign|utdragsbestyrkande|-$|signatur)")
_DECISION_LEAD = re.compile(vocab.DECISION_LEAD_RE)
_DECISION_SENTENCE = re.compile(vocab.DECISION_SENTENCE_RE)
# Under a "Beslutsförslag", "Nämnden beslutar i enlighet med förvaltningens förslag" is the body
# deciding on it; a proposal's own text never refers to a proposal that way.
_BY_REFERENCE = re.compile(r"\bbeslutar (?:i enlighet med|enligt) ")


@dataclass
class Section:
    kind: str                          # a SECTION_HEADINGS kind, or "preamble" before any heading
    heading: str
    lines: list[str] = field(default_factory=list)
    first_line: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# An item continued on the next page: "§ 201 (forts.)", "KS § 45 forts", "Forts. § 201".
_CONTINUED = re.compile(r"^(?:forts\.?\s*(?:av\s*)?(?:[a-z]{1,4}\s*)?§|(?:[a-z]{1,4}\s*)?§\s*\d+(?::\d+)?\s*"
                        r"[(,\-–]?\s*forts)")
_PAGE_COUNTER = re.compile(r"^(?:sida|sid)\s*\d+\s*(?:\(\s*\d+\s*\)|av\s*\d+)?$|^\d+\s*\(\d+\)$")
# A letterhead line ending in the page counter ("ÄLVKARLEBY KOMMUN   PROTOKOLL   Sida 4 av 4"):
# the counter, after a gap of two spaces or more (prose has one: "se bilagan, sida 4 av 12").
_TRAILING_COUNTER = re.compile(r"\S\s{2,}(?:sida|sid)\.?\s*\d+\s*(?:\(\s*\d+\s*\)|(?:av|/)\s*\d+)$")
_DATE_LINE = re.compile(r"^(?:(?:sammantradesdatum|sammantradesdag|datum|sammantrade)\s*:?\s*)?"
                        r"\d{4}-\d\d-\d\d$")


def _uncounted(folded: str) -> str:
    """A line without its trailing page counter (the letterhead differs only by it)."""
    m = _TRAILING_COUNTER.search(folded)
    return folded[:m.start() + 1].rstrip() if m else folded


def _page_breaks(lines: list[Line], start: int, end: int) -> set[int]:
    """The lines of a page break inside the body: a continuation header ("§ 201 (forts.)") or a
    page counter ("Sida 2 (3)"), with the page furniture and the letterhead repeated around it
    ("Regionstyrelsen", "Sammanträdesdatum 2024-09-10"), where no blank line sets them apart from
    a decision's last point (a text layer without a form feed)."""
    letterhead = {_uncounted(ln.folded) for ln in lines[:40] if not ln.blank}

    def furniture(k: int) -> bool:
        f = lines[k].folded
        return bool(_FURNITURE.match(f) or _CONTINUED.match(f) or _PAGE_COUNTER.match(f)
                    or _DATE_LINE.match(f)
                    or (_uncounted(f) in letterhead and len(f) <= 60 and not f.endswith(".")))

    def counted_letterhead(f: str) -> bool:
        return _TRAILING_COUNTER.search(f) is not None and _uncounted(f) in letterhead

    out: set[int] = set()
    for i in range(start, end):
        f = lines[i].folded
        if not (_CONTINUED.match(f) or _PAGE_COUNTER.match(f) or counted_letterhead(f)):
            continue
        lo = i
        while lo - 1 >= start and not lines[lo - 1].blank and furniture(lo - 1):
            lo -= 1
        hi = i
        while hi + 1 < end and not lines[hi + 1].blank and furniture(hi + 1):
            hi += 1
        out.update(range(lo, hi + 1))
    return out


def split_sections(lines: list[Line], start: int, end: int, protocol: bool) -> list[Section]:
    out = [Section("preamble", "", first_line=start)]
    prev = ""
    breaks = _page_breaks(lines, start, end)
    for ln in lines[start:end]:
        t = ln.text.strip()
        if _FURNITURE.match(ln.folded) or ln.n in breaks:
            continue
        wrapped, prev = _wraps(prev, t), t
        kind, inline = (None, "") if wrapped else _heading(t)
        if kind == "slut":
            out.append(Section("slut", t, first_line=ln.n))
            continue
        if kind:
            out.append(Section(kind, t, [inline] if inline else [], first_line=ln.n))
            continue
        lead = _DECISION_LEAD.match(fold(t))
        # (a blank line under a heading, as OCR often leaves one, is no text of the section)
        filled = any(x.strip() for x in out[-1].lines)
        after_proposal = out[-1].kind == "forslag" and filled and _BY_REFERENCE.search(fold(t))
        if protocol and not lead and (out[-1].kind not in ("beslut", "forslag", "beslutsgang",
                                                           "yrkanden", "votering") or after_proposal) and \
                _DECISION_SENTENCE.match(fold(t)):
            out.append(Section("beslut", "", [ln.text], first_line=ln.n))
            continue
        if lead and (out[-1].kind not in ("beslut", "forslag") or
                     (protocol and out[-1].kind == "forslag" and filled)):
            out.append(Section("beslut" if protocol else "forslag", t, first_line=ln.n))
            continue
        if lead and protocol and out[-1].kind == "beslut" and filled:
            out.append(Section("beslut", t, first_line=ln.n))
            continue
        out[-1].lines.append(ln.text)
    return [s for s in out if s.kind != "preamble" or any(x.strip() for x in s.lines)]


def _wraps(prev: str, t: str) -> bool:
    """A line that goes on with the sentence above it ("… lämnar följande" / "särskilda
    uttalande: …", a PDF's line break): lower case after a line with no end mark is no heading."""
    return bool(prev) and t[:1].islower() and not prev.endswith((".", ":", "!", "?", ";"))


def _heading(t: str) -> tuple[str | None, str]:
    """A heading line, or "Reservation: text…" with the text after the colon."""
    kind = section_kind(t)
    if kind:
        return kind, ""
    m = re.match(r"^([^:]{3,45}):\s+(\S.*)$", t)
    if m:
        kind = section_kind(m.group(1))
        if kind and kind not in ("arende", "underlag"):
            return kind, m.group(2)
    return None, ""


def is_statement_kind(kind: str) -> bool:
    return kind in vocab.STATEMENT_SECTIONS


__all__ = ["Section", "split_sections", "is_statement_kind", "heading_key"]
