"""Decision points and the outcome of an item.

Each `att`-clause, numbered point or bullet is one decision; a decision without markers is one
per paragraph. In a protocol the decisions are the body's ("Beslut", "Socialnämndens beslut",
"Kommunstyrelsen beslutar"); in a tjänsteutlåtande they are its proposed decision.
"""
from __future__ import annotations

import re

from corpus.models import Decision
from extract import vocab
from extract.sections import Section
from extract.text import fold, join_wrapped, paragraphs

_POINT = re.compile(r"^\s*(?:\d{1,2}\s?[.)]|[a-h]\)|[-–•·*▪◦●«»]|att\b)\s*(?=\S)", re.IGNORECASE)  # « » are OCR bullets
_LEAD = re.compile(vocab.DECISION_LEAD_RE)
# A paragraph under the decision that a member adds ("Anna Ek (S) reserverar sig mot beslutet.",
# "… anmäler jäv"): a statement about the decision, not a point of it.
_NOT_DECIDED = re.compile(r"\breserverar sig\b|\breserverade sig\b|\banmaler jav\b|\bpa grund av jav\b|"
                          r"\b(?:lamnar|lamnade|avger|avgav) (?:ett |en |sin |foljande |gemensamt |skriftlig )*"
                          r"(?:sarskil|protokollsanteckning|reservation)|\bantecknar till protokollet\b")


# The formalities of a meeting recorded as what happened, not as what the body decided:
# "Ordföranden förklarade mötet öppnat", "Upprop förrättades", "Ordföranden hälsar alla
# välkomna", "… förklarade sammanträdet avslutat". Real minutes give them a § and no decision;
# an election or an approval ("Till justerare utsågs …", "Dagordningen godkändes") is one.
_DECLARATION = re.compile(
    r"\bforklara(?:r|de|s|des)?\s+(?:motet|sammantradet|sessionen|stamman)\s+(?:for\s+)?"
    r"(?:oppnat|oppnad|avslutat|avslutad)\b"
    r"|\b(?:oppnar|oppnade|avslutar|avslutade)\s+(?:motet|sammantradet)\b"
    r"|^\W*(?:motet|sammantradet)\s+(?:oppnades|oppnas|avslutades|avslutas)\b"
    r"|\bupprop(?:et)?\s+(?:forrattades|forrattas|genomfordes|genomfors|verkstalldes|verkstalls|skedde|holls|halls)\b"
    r"|\b(?:forrattar|forrattade|genomfor|genomforde|haller|holl)\s+upprop\b"
    r"|\b(?:halsar|halsade)\s.{0,60}?\bvalkomn(?:a|en)\b"
    r"|\bnarvaron\s+(?:konstaterades|konstateras|noterades|noteras)\b")


def _declaration(text: str) -> bool:
    """Every sentence of the point records a formality."""
    sents = [x for x in re.split(r"(?<=[.!])\s+", text.strip()) if x.strip()]
    return bool(sents) and all(_DECLARATION.search(fold(x)) for x in sents)


def decisions_of(sections: list[Section], protocol: bool) -> list[Decision]:
    kinds = ("beslut",) if protocol else ("forslag", "beslut")
    for kind in kinds:
        chosen = [s for s in sections if s.kind == kind]
        if chosen:
            return [Decision(t) for s in chosen for t in points(s) if not (protocol and _declaration(t))]
    if protocol and sections and sections[0].kind == "preamble" and \
            all(s.kind in _AFTER_DECISION for s in sections[1:]):
        paras = paragraphs(sections[0].lines)
        if 1 <= len(paras) <= 3:
            return [Decision(p) for p in paras if not _declaration(p)]
    return []


# What follows a decision written without a heading ("Anmälningarna läggs till handlingarna."):
# who gets it, the members' statements about it, a jäv, the closing of the protocol. Under a § with
# only these, the text before them is the decision; a description or a proposal has a heading of
# its own ("Ärendebeskrivning", "Yrkanden") and is not taken for one.
_AFTER_DECISION = ("expediering", "jav", "slut") + vocab.STATEMENT_SECTIONS


def points(section: Section) -> list[str]:
    """The decision points of one section."""
    lines = section.lines
    marked = [i for i, ln in enumerate(lines) if _POINT.match(ln) and _POINT.sub("", ln).strip()]
    if marked:
        kind = _marker_kind(lines[marked[0]])
        marked = [i for i in marked if _marker_kind(lines[i]) == kind]
        return _marked_points(lines, marked)
    paras = [p for p in _paragraph_blocks(lines)
             if not _LEAD.match(fold(p)) and not _NOT_DECIDED.search(fold(p))]
    inline = _inline_lead(section.heading)
    if inline:
        paras = [inline] + paras
    return [p for p in paras if len(p) > 3][:1] if len(paras) > 3 else [p for p in paras if len(p) > 3]


def _paragraph_blocks(lines: list[str]) -> list[str]:
    """Paragraphs, without a signature block ("Gillis Hammar / Förvaltningschef"), up to a
    sub-heading we do not know ("Skäl för beslutet")."""
    out, cur = [], []
    for ln in lines + [""]:
        if ln.strip():
            cur.append(ln.strip())
            continue
        if cur and _unknown_heading(cur) and out:
            break
        if cur and not _signature(cur):
            out.append(join_wrapped(cur))
        cur = []
    return out


def _unknown_heading(block: list[str]) -> bool:
    t = block[0]
    return len(block) == 1 and len(t.split()) <= 5 and t[:1].isupper() and not t.endswith((".", ":", ","))


def _signature(block: list[str]) -> bool:
    return len(block) >= 2 and all(len(x.split()) <= 3 and not x.endswith(".") for x in block)


def _marker_kind(line: str) -> str:
    """Numbered, lettered, bulleted or an att-clause: a point list uses one kind."""
    t = line.lstrip()
    if t[:1].isdigit():
        return "number"
    if re.match(r"[a-h]\)", t):
        return "letter"
    if fold(t[:4]).startswith("att"):
        return "att"
    return "bullet"


def _inline_lead(heading: str) -> str | None:
    """"Kommunstyrelsen beslutar att godkänna X." as a lead line is itself the decision."""
    f = fold(heading)
    if re.search(r"\bbeslutar att .{10,}", f):
        return heading.strip()
    return None


def _marked_points(lines: list[str], marked: list[int]) -> list[str]:
    out = []
    for k, i in enumerate(marked):
        stop = marked[k + 1] if k + 1 < len(marked) else len(lines)
        chunk = [lines[i]]
        for ln in lines[i + 1:stop]:
            if not ln.strip():
                break
            chunk.append(ln)
        text = _POINT.sub("", join_wrapped(chunk), count=1).strip()
        if fold(chunk[0]).lstrip().startswith("att"):
            text = "att " + text
        if text:
            out.append(text)
    return out


_OUTCOMES: tuple[tuple[str, str], ...] = (
    (r"aterremitt|aterremiss|aterremitera", "aterremiss"),
    (r"bordlagg|bordlag", "bordlagd"),
    (r"anses besvarad|besvarad|besvara", "besvarad"),
    (r"avsla|avslag|avslas|bifalla inte|inte bifalla", "avslag"),
    (r"till handlingarna|lagger informationen|noterar|tar del av|tagit del av|informationen noteras|"
     r"notera", "noterad"),
    # the passive past of a formality's record too ("Dagordningen godkändes", "Till justerare
    # utsågs …", "Föredragningslistan antogs")
    (r"godk\w{1,2}nn|godk\w{1,2}nd|anta|antar|antogs|bifall|bifalla|uppdra|faststall|bevilja|ge .{0,40}i uppdrag|inratta|"
     r"overlamna|utse|utser|utsags|utses|valja|valjer|valdes|tillstyrk|avsatta|ge\b|i enlighet med|beslutar enligt|"
     # "Nämnden lämnar yttrande enligt förvaltningens förslag": the proposal adopted
     r"enligt \w+s (?:forslag|forslag till beslut)\b", "bifall"),
)


def outcome_of(decisions: list[Decision]) -> str | None:
    if not decisions:
        return None
    text = fold(" ".join(d.text for d in decisions))
    for pattern, outcome in _OUTCOMES:
        if re.search(pattern, text):
            return outcome
    return "annat"
