"""Split a file into the documents it holds and tell their types.

A file can hold a tjänsteutlåtande, then a protocol extract, then a voting list, then another
tjänsteutlåtande. A new document starts at a document heading followed by its own header
(Datum/Dnr/Till), at the first § of a protocol after another document, at a voting list
heading, or after the signature that closes a protocol ("Vid protokollet").

An agenda (Kallelse / Föredragningslista / Dagordning) lists items and decides nothing: it has an
agenda heading above its items or the wording of a summons ("Ledamöter kallas till sammanträde",
"Förhinder anmäls till"), and none of a protocol's marks (Beslutande, Justerare, Justeringens
plats och tid, decision and Yrkanden sections, "reserverar sig", the signature block). A protocol
that mentions its kallelse ("Kallelse har skett enligt …", "§ 2 Föredragningslistan godkänns")
stays a protocol: it has those marks, and the words stand in a sentence or under a §.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from extract import vocab
from extract.text import Line, fold, heading_key, section_kind

# The number may carry its year ("§ 31/2023", "KS § 31/23", numbered per year): the year is the
# protocol's, not part of the paragraph, and not the title's start.
ITEM_RE = re.compile(
    r"^\s*(?:(?P<prefix>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5})\s*)?(?<![§$&])[§$&]\s*(?P<num>\d{1,3}(?:\s?:\s?\d{1,3})?)"
    r"(?:\s?/\s?(?:(?:19|20)\d\d|\d\d)(?![\d/:]))?(?![\d§$])(?P<rest>.*)$")
# OCR reads § as 8 ("KF 833 Dnr …", "TN 845", "8 13"): only with a body prefix in front, or
# alone on its line, or before a diary number, so that numbered lists never match.
OCR_ITEM_RE = re.compile(
    r"^\s*(?:(?P<prefix>[A-ZÅÄÖ]{1,5})(?:\s+|\s*[:.,]\s*)8\s?(?P<num>\d{1,3}(?:\s?:\s?\d{1,3})?)(?!\d)(?P<rest>(?:\s.*)?)"
    r"|8\s(?P<num2>\d{1,3})(?P<rest2>\s*(?:$|D[nu]r\b.*)))$")
_TJ_LABELS = re.compile(r"^(?:till|dnr|datum|handlaggare|var beteckning|diarienummer|"
                        r"beslutsinstans|referens|kontaktperson)\b")
_PROTO_MARK = re.compile(r"^(?:justerat|justerad|sammantradesdatum|plats och tid|beslutande|"
                         r"utdrag ur|protokollsutdrag|sammantradesprotokoll|justerandes)")


# Agenda headings (folded): "KALLELSE/FÖREDRAGNINGSLISTA", "Kallelse och föredragningslista",
# "Dagordning", "Kallelse till sammanträde med kommunstyrelsen", "Ärendelista".
_AGENDA_HEAD = re.compile(r"^(?:" + "|".join(vocab.AGENDA_HEADINGS + ("arendelista",)) + r")\b")
# The wording of a summons: never in a protocol's own text.
_AGENDA_WORDS = re.compile(
    r"\bkallas\b(?: harmed| harigenom)? till (?:sammantrade|motet?\b|extra sammantrade)|"
    r"\bkallelse till (?:sammantrade|mote)|"
    r"forhinder (?:anmals|meddelas)|anmal(?:er|an om)? (?:eventuellt )?forhinder|\bvid forhinder\b|"
    r"ersattare(?: \w+){0,4} for kannedom|\bfor kannedom till ersattare")
# A protocol's marks, at the start of a line (labels of its header, its signature block) …
_PROTO_LABELS = re.compile(
    r"^(?:beslutande|narvarande|utses att justera|justerare\b|justeringens|justerat|justerad\b|"
    r"justerandes|utdragsbestyrkande|underskrifter|vid protokollet|paragrafer\b|anslag\s*/\s*bevis|"
    r"protokollet (?:ar )?justera|sista dag for overklagande|datum da anslaget|forvaringsplats|"
    r"(?:sammantrades)?protokoll\b|utdrag ur|protokollsutdrag|omedelbart justerad)")
# … and in running text (how a meeting went).
_PROTO_WORDS = re.compile(
    r"\breserver(?:ar|ade) sig\b|\bstall(?:er|de) (?:proposition|forslagen)|"
    r"\b(?:votering|omrostning)(?:en)? (?:begars|begardes|genomfors|genomfordes|verkstalls)|"
    r"\)\s*yrka(?:r|de)\b|\bjusteras omedelbart\b|\bomedelbar justering\b|"
    r"\bprotokollet justeras\b")
# Sections an item of a protocol has and an agenda's does not.
_PROTO_SECTIONS = ("beslut", "yrkanden", "beslutsgang", "votering", "reservation",
                   "sarskilt_yttrande", "sarskilt_uttalande", "protokollsanteckning", "jav")


@dataclass
class PartSpan:
    kind: str                  # "tj", "proto", "agenda", "votelist", "report", "unknown"
    start: int                 # index of the first line
    end: int = 0               # index after the last line
    heading: str | None = None


def item_heading(line: Line) -> re.Match | None:
    """A § heading at the start of a line, not a range (§§ 31–38), not a continuation (Forts.)."""
    text = line.text
    if re.match(r"^\s*(?:forts|fortsättning)", fold(text)) or re.search(r"[§$]\s*[§$]", text):
        return None
    m = ITEM_RE.match(text) or _ocr_item(text)
    if not m or re.match(r"^\s*(?:[-–]\s*\d|,|\(forts|forts)", m.group("rest")):
        return None                      # a range, a reference ("§ 55, 2022-09-20"), a continuation
    if m.group("prefix") and fold(m.group("prefix")) in ("vot", "se", "enligt", "jfr", "i", "och"):
        return None
    return m


class _OcrMatch:
    """An OCR'd § heading dressed as an ITEM_RE match."""

    def __init__(self, m: re.Match):
        self._g = {"prefix": m.group("prefix"), "num": m.group("num") or m.group("num2"),
                   "rest": m.group("rest") if m.group("num") else m.group("rest2")}

    def group(self, name: str) -> str | None:
        return self._g[name] or ("" if name == "rest" else self._g[name])


def _ocr_item(text: str) -> _OcrMatch | None:
    m = OCR_ITEM_RE.match(text)
    if not m or (m.group("prefix") and m.group("prefix") not in vocab.BODY_PREFIXES and
                 not re.fullmatch(r"[A-ZÅÄÖ]{2,4}", m.group("prefix"))):
        return None
    return _OcrMatch(m)


def _is_tj_start(lines: list[Line], i: int) -> bool:
    key = heading_key(lines[i].text)
    words = key.split()
    if not any(fold(w) in vocab.TJ_HEADINGS for w in words) or len(words) > 5:
        return False
    window = lines[i + 1:i + 16]
    if any(item_heading(ln) for ln in window):
        return False                     # a protocol follows, not a report's letterhead
    labels = sum(1 for ln in window if _TJ_LABELS.match(ln.folded))
    return labels >= 2


def _underlag_in_agenda(lines: list[Line], i: int, cur: PartSpan) -> bool:
    """Inside an agenda, "Beslutsunderlag" and "Tjänsteutlåtande 2024-04-02" list an item's
    papers; only a bare document heading (TJÄNSTEUTLÅTANDE, Tjänsteskrivelse) starts one."""
    if cur.kind not in ("unknown", "agenda"):
        return False
    key = heading_key(lines[i].text)
    bare = not re.search(r"\d", key) and not any(w in ("beslutsunderlag", "arendebeskrivning")
                                                  for w in key.split())
    return not bare and is_agenda(lines[cur.start:i])


def _is_votelist_start(lines: list[Line], i: int) -> bool:
    # the appendix's number may come first: "Bilaga 1, omröstningslista § 44", "Bilaga 2 – Voteringslista"
    # or a compound share it: "Närvaro- och omröstningslista"
    key = re.sub(r"^bilaga\s*\d{1,2}[a-z]?\s*[,:.\-–]?\s*", "", heading_key(lines[i].text))
    key = re.sub(r"^[a-z]{4,}-\s*(?:och|&)\s+", "", key)
    return len(key) < 80 and any(key.startswith(h) for h in vocab.VOTELIST_HEADINGS)


def _item_goes_on(lines: list[Line], i: int) -> bool:
    """A voting list printed inside its item (the table, then "Kommunstyrelsens beslut" or
    "Reservation"): the item's decision still follows, so the list is no appendix of its own."""
    for ln in [x for x in lines[i + 1:] if not x.blank][:40]:
        if _is_closing(ln) or _is_tj_start(lines, ln.n) or _is_extract_start(lines, ln.n):
            return False
        if section_kind(ln.text) in ("beslut",) + vocab.STATEMENT_SECTIONS:
            return True
    return False


def _is_extract_start(lines: list[Line], i: int) -> bool:
    key = heading_key(lines[i].text)
    return len(key) < 90 and (key.startswith("utdrag ur") or key.startswith("protokollsutdrag")
                              or key in vocab.PROTOCOL_HEADINGS
                              or bool(re.match(_EXTRACT_OF_PROTOCOL, key)))


def _agenda_heading(ln: Line) -> bool:
    """A line (or a cell of a flattened letterhead: "Tallåsens kommun      Kallelse") that is an
    agenda's heading, not a sentence about a kallelse ("Kallelse har skett enligt …")."""
    for cell in re.split(r"\t|\s{2,}", ln.text.strip()):
        key = heading_key(cell)
        if _AGENDA_HEAD.match(key) and len(key.split()) <= 7 and "protokoll" not in key \
                and not re.search(r"\b(?:har|ska|skall|skett|sker|skedde|godkanns|faststalls)\b", key) \
                and not cell.rstrip().endswith("."):
            return True
    return False


def _protocol_marks(lines: list[Line]) -> int:
    """How many of a protocol's marks the lines hold."""
    n = 0
    for ln in lines:
        if ln.blank:
            continue
        f = ln.folded
        if _PROTO_LABELS.match(f) or _PROTO_WORDS.search(f):
            n += 1
        elif len(f) < 70 and "forslag" not in f and section_kind(ln.text) in _PROTO_SECTIONS:
            n += 1
    return n


def _summons(ln: Line) -> bool:
    """The summons itself, not a rule about summonses ("Kallelse till sammanträde ska …")."""
    f = ln.folded
    return bool(_AGENDA_WORDS.search(f)) and not re.search(r"\b(?:ska|skall|bor|kan|maste)\b", f)


def is_agenda(lines: list[Line]) -> bool:
    """An agenda: an agenda heading above its first item, or a summons' wording, and none of a
    protocol's marks anywhere."""
    first_item = next((k for k, ln in enumerate(lines) if item_heading(ln)), len(lines))
    top = [ln for ln in lines[:first_item] if not ln.blank][:15]
    headed = any(_agenda_heading(ln) for ln in top)
    summons = any(_summons(ln) for ln in [ln for ln in lines if not ln.blank][:40])
    return (headed or summons) and _protocol_marks(lines) == 0


def _is_agenda_start(lines: list[Line], i: int) -> bool:
    """An agenda after another document (a bundle: underlag, then the next meeting's kallelse)."""
    if not _agenda_heading(lines[i]) or item_heading(lines[i]):
        return False
    window = lines[i + 1:i + 25]
    return any(_summons(ln) for ln in window) and _protocol_marks(window) == 0


def _later_item(lines: list[Line], i: int) -> bool:
    return any(item_heading(ln) for ln in lines[i + 1:])


def split_parts(lines: list[Line]) -> list[PartSpan]:
    parts = [PartSpan("unknown", 0)]
    closing = False                      # after "Vid protokollet": the next document may follow
    for i, ln in enumerate(lines):
        cur = parts[-1]
        if ln.blank:
            continue
        new = _boundary(lines, i, cur, closing)
        if new and i > cur.start and _has_content(lines, cur.start, i):
            cur.end = i
            parts.append(PartSpan(new, i, heading=ln.text.strip()))
            closing = False
            continue
        if new and cur.kind == "unknown":
            cur.kind = new
        if _is_closing(ln):
            closing = True
        elif closing and not _signature_line(ln) and i > 0 and item_heading(ln) is None:
            if _closing_done(lines, i):
                cur.end = i
                parts.append(PartSpan("unknown", i))
                closing = False
        elif item_heading(ln):
            closing = False
    parts[-1].end = len(lines)
    for p in parts:
        if p.kind in ("unknown", "proto", "agenda") and is_agenda(lines[p.start:p.end]):
            p.kind = "agenda"
        elif p.kind in ("unknown", "agenda"):
            p.kind = classify(lines[p.start:p.end])
    return parts


def _boundary(lines: list[Line], i: int, cur: PartSpan, closing: bool) -> str | None:
    if _is_tj_start(lines, i) and not _underlag_in_agenda(lines, i, cur):
        return "tj"
    if cur.kind in ("tj", "votelist", "report") and _is_agenda_start(lines, i):
        return "agenda"
    if _is_votelist_start(lines, i) and not _later_item(lines, i) \
            and not (not closing and _item_goes_on(lines, i)):
        return "votelist"
    if _is_extract_start(lines, i) and cur.kind != "proto":
        return "proto"
    if item_heading(lines[i]) and cur.kind in ("tj", "votelist", "report"):
        return "proto"
    return None


def _has_content(lines: list[Line], start: int, end: int) -> bool:
    """A document of its own, not just a letterhead above the next heading."""
    filled = [ln for ln in lines[start:end] if not ln.blank]
    return len(filled) >= 6 or any(len(ln.text.strip()) > 60 for ln in filled)


def _is_closing(ln: Line) -> bool:
    """"Vid protokollet" (OCR: "Vid protokoeliet") closes a protocol's text."""
    key = heading_key(ln.text)
    return key.startswith("vid protokoll") or (
        len(key) < 22 and key.startswith("vid ") and section_kind(ln.text) == "slut")


def _signature_line(ln: Line) -> bool:
    """Names and titles under "Vid protokollet": short lines without a sentence in them, or the
    signatures side by side ("Åsa Sjöström, ordförande          Märta Lindqvist, justerare")."""
    t = ln.text.strip()
    return (len(t) < 45 and not t.endswith(".") and len(t.split()) <= 5) or signature_line(ln)


# --- The closing block of a protocol ------------------------------------------------------------
# After the last item: "Vid protokollet", "Justeras", the signatures with their roles, "Justerat den
# 13 juni 2023", the ANSLAG/BEVIS box, "Utdragsbestyrkande". It belongs to no item and starts no
# document. Some of its words are also a sentence's ("Anslaget till föreningen höjs"), so a label
# counts only as a short line in a label's shape.
_ROLES = ("sekreterare", "ordforande", "justerare", "justerande", "protokollforare", "justeringsperson",
          "motesordforande", "ordf", "sekr")
_ROLE_PREFIX = re.compile(r"^(?:(?:\d:?[ae]|forste|andre|tf\.?|t\.f\.|vice|v\.)\s*)+")
_CLOSING_LABEL = re.compile(
    r"^(?:justeras\b(?!\s+omedelbart)|justerat\b|justerad\b|justerande\b|justerare\b|justeringsdatum|"
    r"justeringsdag|justeringens\b|underskrift|anslag|bevis\b|anslagsbevis|datum da anslaget|"
    r"sista dag for overklagande|forvaringsplats|utdragsbestyrkande|utdraget bestyrks|ratt utdraget|"
    r"ratt avskrivet|intygas\b|bestyrkes\b|paragrafer\b)")
# the box's own sentences ("Protokollet är justerat. Justeringen har tillkännagivits genom anslag.")
_CLOSING_SENTENCE = re.compile(r"^(?:protokollet (?:ar |har )?(?:justerat|justerats|anslaget|tillkannagivet)|"
                               r"justeringen (?:har )?(?:tillkannagivits|tillkannagetts|anslagits))")
_ANSLAG_WORD = re.compile(r"^anslag(?:et)?(?:\s*/\s*bevis|\s*:|\s*$|\s+(?:den\s+)?\d|"
                          r"\s+(?:satts|sattes|satt|uppsatt|tas|togs|nedtaget|publicera\w*|pa kommunens)\b)")
# the labels and values of the box, a line each ("Organ   Miljönämnden", "Datum då anslaget …")
_BOX_LINE = re.compile(r"^(?:organ|sammantradesdatum|datum|forvaringsplats|paragrafer|underskrift|"
                       r"sista dag|protokollet|justering|expedierat|utdrag|anslag|bevis|plats|tid\b)")
_CELLS = re.compile(r"\t+|\s{2,}|\.{4,}|_{4,}|…+")
_NAME_WORD = re.compile(r"^(?:[A-ZÅÄÖÉÜ][\w\-'’]*\.?|[A-ZÅÄÖ]\.|\([A-ZÅÄÖa-zåäö]{1,5}\),?|"
                        r"(?:af|von|van|de|der|la|el|bin)$)$")


def _role(word: str) -> bool:
    """A signatory's role, OCR-tolerant ("ordfòrande", "juslerare", "nämndsekreterare")."""
    w = fold(word).strip(".,:;")
    if len(w) < 4:
        return False
    if w in _ROLES or (w.endswith("sekreterare") and len(w) <= 20):
        return True
    return len(w) >= 8 and any(difflib.SequenceMatcher(None, w, r).ratio() >= 0.8 for r in _ROLES[:6])


def _role_cell(cell: str) -> bool:
    """"Ordförande", "1:e vice ordförande", "Justerande"."""
    rest = _ROLE_PREFIX.sub("", fold(cell).strip())
    return len(rest.split()) == 1 and _role(rest)


def _name_cell(cell: str) -> bool:
    """"Linnéa Ström", "Karl-Erik af Ugglas", "Anna Berg (S)": two to five words, each capitalised."""
    words = cell.split()
    return 2 <= len(words) <= 5 and all(_NAME_WORD.match(w) for w in words) \
        and sum(w[:1].isupper() for w in words) >= 2 and not re.search(r"\d", cell)


def _signed_cell(cell: str) -> str | None:
    """"name", "role", "name, role" or a dotted line: what the cell holds, or None."""
    cell = cell.strip(" ,;:")
    if not cell or not re.search(r"[A-Za-zÅÄÖåäö]{2}", cell):
        return "line"
    if _role_cell(cell):
        return "role"
    if _name_cell(cell):
        return "name"
    m = re.match(r"^(.+?)\s*,\s*(.+)$", cell)
    if m and _name_cell(m.group(1)) and _role_cell(m.group(2)):
        return "signed"
    return None


_AFTER_ROLE = re.compile(r",\s*(?P<role>[^\s,]+)\s+(?=[A-ZÅÄÖÉÜ])")


def _cells(ln: Line) -> list[str]:
    out = []
    for cell in _CELLS.split(ln.text.strip()):
        # two signatures whose column gap OCR read as one space ("Britt-Marie Näslund,
        # ordförande Tomas Eriksson, justerare"): a new cell after each "name, role"
        start = 0
        for m in _AFTER_ROLE.finditer(cell):
            if _role(m.group("role")):
                out.append(cell[start:m.end("role")])
                start = m.end()
        out.append(cell[start:])
    return [c for c in out if c.strip()]


def signature_line(ln: Line) -> bool:
    """Names, roles, "name, role" and dotted lines, side by side: a signature line."""
    cells = _cells(ln)
    return bool(cells) and not ln.text.rstrip().endswith(".") and all(_signed_cell(c) for c in cells)


def closing_start(ln: Line) -> bool:
    """A line that opens a protocol's closing block: "Vid protokollet", "Justeras", "Justerat den
    …", "ANSLAG/BEVIS", "Utdragsbestyrkande", or signatures with roles ("Linnéa Ström, sekreterare",
    "Ordförande          Justerare"). A lone role ("Ordförande") or a member with a party does
    not: an election lists those too ("Ordförande / Anna Berg (S)")."""
    return closing_label(ln) or _signed_line(ln)


def closing_label(ln: Line) -> bool:
    """A label of the closing block, not a signature: "Vid protokollet", "Justerat 2025-03-14",
    "ANSLAG/BEVIS", "Protokollet är justerat."."""
    if ln.blank:
        return False
    f = ln.folded
    if _is_closing(ln) or _CLOSING_SENTENCE.match(f):
        return True
    return bool(_CLOSING_LABEL.match(f)) and len(f.split()) <= 8 and not f.endswith(".") and \
        (not f.startswith("anslag") or bool(_ANSLAG_WORD.match(f)))


def _signed_line(ln: Line) -> bool:
    """Signatures with their roles ("Linnéa Ström, sekreterare", "Ordförande          Justerare")."""
    if not signature_line(ln):
        return False
    kinds = [_signed_cell(c) for c in _cells(ln)]
    party = re.search(r"\([A-ZÅÄÖa-zåäö]{1,5}\)", ln.text)
    return (("signed" in kinds and not party) or kinds.count("role") >= 2
            or ("role" in kinds and "line" in kinds and len(kinds) >= 2))


def closing_line(ln: Line) -> bool:
    """A line that may stand in a closing block: a start, a signature, a label of the box and its
    value, a date, page furniture, a blank."""
    if ln.blank or closing_start(ln) or signature_line(ln):
        return True
    f = ln.folded
    return bool(_BOX_LINE.match(f) or _PAGE_LINE.match(f)) or not re.search(r"[a-z]{3}", f)


_PAGE_LINE = re.compile(r"^(?:sida|sid)\s*\d|^\d+\s*\(\d+\)$|^justerandes|^(?:\d{4}-\d\d-\d\d|"
                        r"(?:den )?\d{1,2} \w+ \d{4})$")


def _closing_done(lines: list[Line], i: int) -> bool:
    """A line after the signature that is not protocol furniture starts the next document."""
    return not _PROTO_MARK.match(lines[i].folded)


def classify(lines: list[Line]) -> str:
    """Tell a part's type from its content when no heading said it."""
    text = "\n".join(ln.folded for ln in lines)
    proto = sum(bool(re.search(p, text, re.M)) for p in (
        r"^\s*(?:[a-z]{1,5}\s*)?[§$]\s*\d", r"vid proto\w*", r"^justera", r"plats och tid",
        r"^sammantradesda(?:g|tum)\b",
        r"beslutsg\w{1,2}ng", r"propositionsordning", r"^beslutande", r"justerandes",
        # statements are made at a meeting: only a protocol records them
        r"^\W*(?:sarskil\w* (?:uttalande|yttrande)|reservation|protokollsanteckning)\b"))
    proto += sum(1 for ln in lines if section_kind(ln.text) == "beslut")
    tj = sum(bool(re.search(p, text, re.M)) for p in (
        r"tjansteutlatande|tjansteskrivelse", r"f\w?rvaltningens f\w{1,3}slag till beslut",
        r"^till\s+\w+", r"^handlaggare", r"forvaltningen foreslar"))
    if re.match(r"\s*(?:" + "|".join(vocab.REPORT_HEADINGS) + r")\b", text.lstrip()) and tj < 2 \
            and proto == 0:
        return "report"
    if proto == 0 and tj == 0:
        return "report" if len(lines) > 40 else "unknown"
    # a tie with § headings is a protocol: a tjänsteutlåtande has no paragraphs of its own
    paragraphs = re.search(r"^\s*(?:[a-z]{1,5}\s*)?[§$]\s*\d", text, re.M)
    return "proto" if proto > tj or (proto == tj and paragraphs) else "tj"


# The extract said after the protocol's own heading: "Protokoll (utdrag)", "PROTOKOLL – UTDRAG",
# "Sammanträdesprotokoll, utdrag" (a heading line or a cell of a flattened letterhead, not
# "Protokoll, utdrag och bilagor finns …" in a sentence).
_EXTRACT_OF_PROTOCOL = (r"(?:^|\t| {2,})(?:sammantrades)?protokoll\s*(?:\(\s*utdrag\s*\)|[,:-]\s*utdrag)"
                        r"[ \t]*(?:$|\t| {2,})")


def doc_type(part: PartSpan, lines: list[Line], n_items: int) -> str:
    """The contract's doc_type for a part."""
    if part.kind == "tj":
        return "tjansteutlatande"
    if part.kind == "report":
        return "rapport"
    if part.kind == "agenda":
        return "kallelse"
    if part.kind == "unknown":
        return "okand"
    head = "\n".join(ln.folded for ln in lines[part.start:min(part.end, part.start + 40)])
    whole = "\n".join(ln.folded for ln in lines[part.start:part.end])
    if re.search(r"utdrag ur|protokollsutdrag|utdraget bestyrks|^utdrag\b(?!\s*(?:till|:))", whole, re.M) \
            or re.search(_EXTRACT_OF_PROTOCOL, head, re.M):
        return "protokollsutdrag"
    if re.search(r"^(?:plats och tid|beslutande|narvarande)|sammantradesprotokoll|\bprotokoll\b",
                 head, re.M) or n_items >= 3:
        return "protokoll"
    return "protokollsutdrag"
