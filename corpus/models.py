"""The records every stage passes along: pages, repairs, extracted structure, documents.

Stages never pass loose dicts; JSON shapes are produced from these in `corpus.jsonshape`.
Field names follow the extract contract (issue 2 and ../shared/CONTRACTS.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field

DOC_TYPES = ("protokoll", "protokollsutdrag", "tjansteutlatande", "kallelse", "rapport", "okand")
STATEMENT_KINDS = ("sarskilt_uttalande", "sarskilt_yttrande", "reservation", "protokollsanteckning")
BALLOT_VOTES = ("ja", "nej", "avstår")
OUTCOMES = ("bifall", "avslag", "aterremiss", "bordlagd", "besvarad", "noterad", "annat")
PROPOSAL_TYPES = ("bifall", "avslag", "aterremiss", "bordlaggning", "tillagg", "andring", "eget")
ROLES = ("ordforande", "vice_ordforande", "ledamot", "tjanstgorande_ersattare", "ersattare",
         "sekreterare", "justerare", "tjansteman", "ovrig")
RECORD_KINDS = ("item", "decision", "proposal", "vote", "statement")


@dataclass
class Page:
    """One page of a file as read, before any repair."""
    number: int                      # 1-based page number within the file
    source: str                      # "text" (text layer or text file) or "ocr"
    text: str                        # raw text exactly as read; never altered afterwards
    ocr_confidence: float | None = None   # Tesseract's mean word confidence 0-100, None for text
    ocr_lang: str | None = None      # the Tesseract languages used, e.g. "swe+eng"


@dataclass
class Change:
    """One repair made to a page's text, kept so that every edit can be shown and undone."""
    page: int                        # page number the change was made on
    start: int                       # offset in the page's repaired text where replacement starts
    original: str
    replacement: str
    reason: str                      # rule name, e.g. "dehyphenate", "diacritic", "ocr-confusion"
    score: float = 1.0               # confidence of the repair, 0-1


@dataclass
class RepairedPage:
    number: int
    text: str                        # repaired text of the page
    changes: list[Change] = field(default_factory=list)


@dataclass
class Person:
    name: str
    party: str | None = None
    role: str | None = None          # one of ROLES
    substitutes_for: str | None = None


@dataclass
class Ballot:
    name: str
    party: str | None
    vote: str                        # "ja", "nej" or "avstår"


@dataclass
class Vote:
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    ballots: list[Ballot] = field(default_factory=list)
    question: str | None = None      # what ja and nej meant, as written
    outcome: str | None = None
    counts_agree: bool | None = None  # None without ballots


@dataclass
class Decision:
    text: str


@dataclass
class Proposal:
    name: str | None
    party: str | None
    text: str
    type: str | None = None          # one of PROPOSAL_TYPES
    supports: str | None = None      # the name whose proposal this one joins


@dataclass
class Statement:
    kind: str                        # one of STATEMENT_KINDS
    names: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    text: str = ""


@dataclass
class Item:
    """One agenda item (§) or, for a document without §, the whole document."""
    paragraph: str                   # "13", "3:11", or "" without §
    title: str | None
    dnr: list[str] = field(default_factory=list)
    text: str = ""
    decisions: list[Decision] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    part: int = 0                    # index of the document inside the file
    outcome: str | None = None       # one of OUTCOMES
    jav: list[Person] = field(default_factory=list)


@dataclass
class Part:
    """One document inside a file (a file can hold a tjänsteutlåtande, an extract, a voting list)."""
    doc_type: str
    title: str | None = None
    body: str | None = None
    date: str | None = None
    dnr: list[str] = field(default_factory=list)
    first_page: int = 1


@dataclass
class Extraction:
    """Everything extract/ finds in one file's repaired text."""
    doc_type: str = "okand"
    municipality: str | None = None
    body: str | None = None
    author: str | None = None
    meeting_date: str | None = None
    date: str | None = None
    place: str | None = None
    justering_date: str | None = None
    anslag_date: str | None = None
    appeal_deadline: str | None = None
    appeal_deadline_computed: bool = False
    dnr: list[str] = field(default_factory=list)
    attendance: list[Person] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)


@dataclass
class Document:
    """A file's full record: identity, raw pages, repair and extraction."""
    doc_id: str                      # SHA-256 hex of the file's bytes
    source: str                      # path the file was imported from
    pages: list[Page]
    repaired: list[RepairedPage]
    extraction: Extraction
    pipeline_version: int = 0
    imported_at: str | None = None   # ISO timestamp, set by the store
    superseded_by: str | None = None
    same_as: str | None = None
    size: int = 0

    @property
    def text(self) -> str:
        """The repaired text of all pages, pages separated by form feeds."""
        return "\f".join(p.text for p in self.repaired)

    @property
    def raw_text(self) -> str:
        return "\f".join(p.text for p in self.pages)


@dataclass
class Entry:
    """One searchable record (one index entry): an item, decision, proposal, vote or statement."""
    id: str                          # {doc_id[:12]}:{part}:{paragraph}:{kind}:{n}
    doc_id: str
    kind: str                        # one of RECORD_KINDS
    part: int
    paragraph: str
    title: str
    text: str
    dnr: list[str]
    date: str | None
    year: int | None
    body: str | None
    municipality: str | None
    doc_type: str
    parties: list[str]
    names: list[str]
    statement_kind: str | None = None
    outcome: str | None = None
