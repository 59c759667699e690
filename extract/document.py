"""One document's extraction: its lines split into parts (protocol, agenda, voting list) and
items, each item's diary numbers, decisions, proposals, votes and statements, and the header
facts (body, meeting date, municipality). See the package docstring."""
from __future__ import annotations

import re
import unicodedata

from corpus.models import Decision, Extraction, Item, Part, RepairedPage, Vote
from extract import ballots as ballot_lists
from extract import dnr as dnrs
from extract import header, persons
from extract.dates import first_date, plus_days
from extract.decisions import decisions_of, outcome_of, points
from extract.items import ItemSpan, split_items
from extract.parts import PartSpan, doc_type, split_parts
from extract.proposals import proposals_of
from extract.sections import split_sections
from extract.statements import jav_of, statements_of
from extract.text import Line, fold, heading_key, split_lines
from extract.votes import agree, votes_of


def extract(pages: list[RepairedPage]) -> Extraction:
    lines = split_lines([(p.number, p.text) for p in pages])
    full = "\n".join(ln.text for ln in lines)
    with persons.own_codes(full):        # "Sjukvårdspartiet (SJVP)": the document's own party codes
        return _extract(lines, full)


def _extract(lines: list[Line], full: str) -> Extraction:
    known = persons.party_map(full)
    spans = split_parts(lines)
    ex = Extraction()
    pending: list[ballot_lists.BallotList] = []
    for k, span in enumerate(spans):
        part_lines = lines[span.start:span.end]
        if span.kind == "votelist":
            found = ballot_lists.find_all([ln.text for ln in part_lines], span.start, known)
            # "Bilaga 1, omröstningslista § 44": the appendix's heading names the paragraph of
            # its one list ("§§ 44–45" names no single one)
            ref = re.findall(r"[§$]\s*(\d{1,3}(?::\d{1,3})?)", span.heading or "")
            if len(found) == 1 and len(ref) == 1 and "§§" not in (span.heading or "") \
                    and found[0].paragraph is None:
                found[0].paragraph = ref[0]
            pending.extend(found)
            ex.parts.append(_votelist_part(span, part_lines, ex.parts))
            continue
        item_spans = split_items(lines, span)
        chair = header.chair_of(header.unflatten(part_lines)) if span.kind == "proto" else None
        members = frozenset(n for p in header.attendance_of(header.unflatten(part_lines))
                            for n in (p.name, p.substitutes_for) if n) if span.kind == "proto" else frozenset()
        items = [_agenda_item(lines, s, k) if span.kind == "agenda" else
                 _item(lines, s, k, span.kind == "proto", known, chair, members) for s in item_spans]
        ex.items.extend(items)
        ex.parts.append(_part(span, lines, item_spans, items))
        if span.kind == "proto" and ex.parts[-1].body:
            _own_proposals(lines, item_spans, items, ex.parts[-1].body)
            _proposals_to_this_body(lines, item_spans, items, ex.parts[-1].body)
    _attach_lists(ex.items, pending)
    _mend_ballot_names(ex.items, _named_members(lines, spans, ex.items))
    for item in ex.items:
        for v in item.votes:
            v.counts_agree = agree(v)
    _fill_top(ex, lines, spans, full)
    _prefix_bare_numbers(ex)
    return ex


def _prefix_bare_numbers(ex: Extraction) -> None:
    """A number written without its body prefix in one part ("Dnr 2014/0033-753" in the
    förvaltning's tjänsteutlåtande) is the prefixed one the same file writes elsewhere ("SN
    2014/0033-753" in the nämnd's extract), as the file's own list counts it (`dnrs.unique`):
    so the case of SN 2014/0033-753 finds both documents."""
    prefixed = [n for n in ex.dnr if not n[:1].isdigit()]
    if not prefixed:
        return

    def full(n: str) -> str:
        if not n[:1].isdigit():
            return n
        same = [p for p in prefixed if dnrs.unique([p, n]) == [p]]
        return same[0] if len(same) == 1 else n

    for item in ex.items:
        item.dnr = dnrs.unique([full(n) for n in item.dnr])
    for part in ex.parts:
        part.dnr = dnrs.unique([full(n) for n in part.dnr])


def _item(lines: list[Line], s: ItemSpan, part: int, protocol: bool, known: dict[str, str],
          chair: tuple[str, str | None] | None = None, members: frozenset[str] = frozenset()) -> Item:
    sections = split_sections(lines, s.body_start, s.end, protocol)
    text = "\n".join(ln.text for ln in lines[s.heading_line:s.text_end or s.end]).strip()
    body_text = "\n".join(sec.text for sec in sections if sec.kind != "slut")
    decisions = decisions_of(sections, protocol)
    item = Item(paragraph=s.paragraph, title=s.title, dnr=s.dnr or _underlag_dnr(s, sections),
                text=text, decisions=decisions,
                part=part, outcome=outcome_of(decisions))
    if protocol:
        item.proposals = proposals_of(sections, known, protocol, chair)
        item.votes = votes_of(body_text)
        item.statements = statements_of(sections, known)
        item.jav = jav_of(body_text, sections, known, members)
        _attach_lists([item], ballot_lists.find_all([ln.text for ln in lines[s.body_start:s.end]],
                                                    s.body_start, known))
    return item


def _own_proposals(lines: list[Line], item_spans: list[ItemSpan], items: list[Item], body: str) -> None:
    """An item without a decision heading whose meeting body proposes to another body
    ("Arbetsutskottets förslag till kommunstyrelsen" in the arbetsutskott's own protocol): the
    proposal is what this body decided, as "Kommunstyrelsens förslag till kommunfullmäktige" is."""
    own = fold(body.split()[-1])
    for s, item in zip(item_spans, items):
        if item.decisions or not s.paragraph:
            continue
        chosen = []
        for sec in split_sections(lines, s.body_start, s.end, True):
            m = re.match(r"^(\w+?)s forslag till \w", heading_key(sec.heading))
            if sec.kind == "forslag" and m and m.group(1).startswith(own):
                chosen.append(sec)
        if chosen:
            item.decisions = [Decision(t) for sec in chosen for t in points(sec)]
            item.outcome = outcome_of(item.decisions)


_PROPOSED_TO = re.compile(r"^\w+?s forslag till (\w+)")


def _proposals_to_this_body(lines: list[Line], item_spans: list[ItemSpan], items: list[Item],
                            body: str) -> None:
    """"Kommunstyrelsens förslag till kommunfullmäktige" heads the board's decision in the
    board's protocol, but in Kommunfullmäktige's own protocol it is what the board proposed, and
    "Kommunfullmäktiges beslut" under it is the decision: the proposal's points are not counted
    again. Alone, without a decision heading of the body's own, it stays the decision."""
    own = fold(body.split()[-1])
    for s, item in zip(item_spans, items):
        if not item.decisions or not s.paragraph:
            continue
        sections = split_sections(lines, s.body_start, s.end, True)
        to_us = [sec for sec in sections if sec.kind == "beslut" and
                 (m := _PROPOSED_TO.match(heading_key(sec.heading))) and m.group(1).startswith(own)]
        rest = [sec for sec in sections if not any(sec is x for x in to_us)]
        if to_us and any(sec.kind == "beslut" for sec in rest):
            item.decisions = decisions_of(rest, True)
            item.outcome = outcome_of(item.decisions)


def _underlag_dnr(s: ItemSpan, sections) -> list[str]:
    """An item whose heading has no diary number often carries it in its Beslutsunderlag
    ("Tjänsteskrivelse 2024-09-02, dnr MBN 2024-000512"): the papers are filed in the item's
    own case. Running text elsewhere refers to other cases and is not read here."""
    if not s.paragraph:
        return []
    underlag = next((sec for sec in sections if sec.kind == "underlag"), None)
    return dnrs.unique([n for _, n in dnrs.find(underlag.text)]) if underlag else []


def _agenda_item(lines: list[Line], s: ItemSpan, part: int) -> Item:
    """An agenda's item: nothing is decided, proposed or voted in it."""
    text = "\n".join(ln.text for ln in lines[s.heading_line:s.end]).strip()
    return Item(paragraph=s.paragraph, title=s.title, dnr=s.dnr, text=text, part=part)


def _attach_lists(items: list[Item], lists: list[ballot_lists.BallotList]) -> None:
    """Ballots go to the vote of the item their label names, else to the next vote without."""
    last = None
    for bl in lists:
        targets = [i for i in items if i.votes and (bl.paragraph is None or i.paragraph == bl.paragraph)]
        vote = next((v for i in targets for v in i.votes if not v.ballots), None)
        if vote is not None:
            vote.ballots = bl.ballots
            last = vote
        elif last is not None and bl.paragraph is None and _continues_list(last, bl):
            last.ballots = last.ballots + bl.ballots
        else:
            last = None


def _named_members(lines: list[Line], spans: list[PartSpan], items: list[Item]) -> dict[str, str | None]:
    """The members the document names outside its voting lists (attendance, proposals,
    statements, jäv) → their party, if known."""
    out: dict[str, str | None] = {}

    def add(name: str | None, party: str | None) -> None:
        if name and (out.get(name) is None):
            out[name] = party

    for span in spans:
        if span.kind == "proto":
            for p in header.attendance_of(header.unflatten(lines[span.start:span.end])):
                add(p.name, p.party)
                add(p.substitutes_for, None)
    for item in items:
        for pr in item.proposals:
            add(pr.name, pr.party)
        for st in item.statements:
            for n in st.names:
                add(n, st.parties[0] if len(st.parties) == 1 else None)
        for j in item.jav:
            add(j.name, j.party)
    return out


def _mend_ballot_names(items: list[Item], members: dict[str, str | None]) -> None:
    """A voting list through OCR loses diacritics or a letter ("Sanna Makinen", "Kent Aberg",
    "Roger Sundavist"), while the same names stand right in the attendance or the proposals.
    A ballot name the document does not name elsewhere takes the one member's name that it
    matches: equal without diacritics, or a letter away for a long name (two for a very long
    one), each word starting with the same letter, the party not contradicting. Short names a
    letter apart ("Eva Lund", "Eva Lind") are different people; two members equally near is no
    match."""
    keys = {n: _name_key(n) for n in members}
    for item in items:
        for vote in item.votes:
            for b in vote.ballots:
                if b.name in members:
                    continue
                key = _name_key(b.name)
                best: list[tuple[int, str]] = []
                for name, k in keys.items():
                    d = _near(key, k)
                    if d is None or (b.party and members[name] and not persons.same_party(b.party, members[name])):
                        continue
                    best.append((d, name))
                if not best:
                    continue
                low = min(d for d, _ in best)
                chosen = {n for d, n in best if d == low}
                if len(chosen) == 1:
                    b.name = chosen.pop()
                    b.party = b.party or members[b.name]


def _name_key(name: str) -> str:
    """Lower case without diacritics ("Mäkinen" → "makinen", "Hodžić" → "hodzic")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ø", "o").replace("æ", "ae")


def _near(a: str, b: str) -> int | None:
    """The edit distance between two name keys if it is small enough to be OCR's, else None."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or any(x[:1] != y[:1] for x, y in zip(wa, wb)):
        return None
    if a == b:
        return 0
    limit = 2 if len(b) >= 18 else 1 if len(b) >= 12 else 0
    if limit == 0 or abs(len(a) - len(b)) > limit:
        return None
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] if prev[-1] <= limit else None


def _continues_list(vote: Vote, bl: ballot_lists.BallotList) -> bool:
    """The rest of a voting list after a page break (its column heads printed again): new names
    only, and together no more ballots of a kind than the stated result."""
    if vote.yes is None or vote.no is None:
        return False
    names = {b.name for b in vote.ballots}
    if any(b.name in names for b in bl.ballots):
        return False
    merged = vote.ballots + bl.ballots
    stated = {"ja": vote.yes, "nej": vote.no, "avstår": vote.abstain or 0}
    return all(sum(b.vote == k for b in merged) <= n for k, n in stated.items())


def _part(span: PartSpan, lines: list[Line], item_spans: list[ItemSpan], items: list[Item]) -> Part:
    part_lines = lines[span.start:span.end]
    prefix = next((s.prefix for s in item_spans if s.prefix), None)
    body = header.body_of(part_lines, span.kind, prefix)
    dt = doc_type(span, lines, len([s for s in item_spans if s.paragraph]))
    title = items[0].title if len(items) == 1 else span.heading
    return Part(doc_type=dt, title=title, body=body, date=_part_date(span, part_lines),
                dnr=dnrs.unique([d for i in items for d in i.dnr]),
                first_page=part_lines[0].page if part_lines else 1)


def _part_date(span: PartSpan, part_lines: list[Line]) -> str | None:
    part_lines = header.unflatten(part_lines)
    if span.kind == "agenda":
        return header.announced_date(part_lines)
    if span.kind == "proto":
        return (header.meeting_date(part_lines) or header.datum_label(part_lines)
                or header.heading_date(part_lines) or header.labelled_date(part_lines, "justering"))
    got = header.labelled_date(part_lines[:40], "meeting_date")
    for ln in part_lines[:40]:
        if ln.folded.startswith("datum") and (d := first_date(ln.text)):
            return d
    return got or first_date("\n".join(ln.text for ln in part_lines[:30]))


def _votelist_part(span: PartSpan, part_lines: list[Line], before: list[Part]) -> Part:
    proto = next((p.doc_type for p in reversed(before) if p.doc_type.startswith("protokoll")),
                 "protokollsutdrag")
    bodies = header.bodies_in(span.heading or "")
    return Part(doc_type=proto, title=span.heading, body=bodies[0][1] if bodies else None,
                first_page=part_lines[0].page if part_lines else 1)


def _fill_top(ex: Extraction, lines: list[Line], spans: list[PartSpan], full: str) -> None:
    lines = header.unflatten(lines)
    first = ex.parts[0] if ex.parts else None
    span0 = spans[0]
    lines0 = lines[span0.start:span0.end]
    ex.doc_type = first.doc_type if first else "okand"
    ex.body = first.body if first else None
    ex.date = first.date if first else None
    ex.municipality = header.municipality_of(lines)
    ex.dnr = dnrs.unique([n for _, n in dnrs.find(full)])
    if span0.kind == "tj":
        ex.author = header.author_of(lines0)
    proto_lines = [ln for s in spans if s.kind == "proto" for ln in lines[s.start:s.end]]
    if span0.kind == "proto":
        ex.meeting_date = (header.meeting_date(lines0) or header.datum_label(lines0)
                           or header.heading_date(lines0))
        ex.place = header.place_of(lines0)
        ex.attendance = header.attendance_of(lines0)
    elif span0.kind == "agenda":
        ex.meeting_date = ex.date
        ex.place = header.place_of(lines0)
    ex.justering_date = (header.labelled_date(proto_lines, "justering")
                         or header.sentence_date(proto_lines, "justering"))
    ex.anslag_date = (header.labelled_date(proto_lines, "anslag")
                      or header.sentence_date(proto_lines, "anslag"))
    ex.appeal_deadline = header.labelled_date(proto_lines, "appeal")
    if ex.anslag_date and not ex.appeal_deadline:
        ex.appeal_deadline = plus_days(ex.anslag_date, 21)
        ex.appeal_deadline_computed = True
