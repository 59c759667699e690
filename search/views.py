"""Views over the index (and, where the index holds too little, the store): a diary number's
timeline, a party's and a person's record, and "more like this". Each returns a JSON-able
dict; `search.render` prints them for people.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Any, Protocol

from corpus.errors import NotFoundError
from index import Index
from index import query as q
from index.analysis import fold, party_aliases
from search.persons import (PERSON_KINDS, lookup, name_key, party_in_record,
                            text_ballots)
from search.parser import dnr_node
from search.service import result_hits

MAX_RECORDS = 5000


class StoreLike(Protocol):
    def get(self, doc_id: str): ...


def _all(index: Index, node: q.Node, sort: str = "date_asc") -> list[dict]:
    return index.search(node, sort=sort, limit=MAX_RECORDS, facets=()).hits


def _item_key(entry: dict) -> str:
    return f"{entry['doc_id']}:{entry['part']}:{entry['paragraph']}"


def _n_of(entry: dict) -> int:
    try:
        return int(entry["id"].rsplit(":", 1)[1])
    except (KeyError, ValueError, IndexError):
        return 0


def case(index: Index, dnr: str, store: StoreLike | None = None) -> dict[str, Any]:
    """Every document and item carrying diary number `dnr`, across bodies, in date order,
    with each item's decisions, proposals, votes and statements. A document is one part of
    a file (`part`): a file holding a tjänsteutlåtande and a protocol extract is two steps."""
    entries = _all(index, dnr_node(dnr))     # "KS-2014/0159" is "KS 2014/0159"
    if not entries:
        raise NotFoundError(f"diary number {dnr!r}: no document in the archive carries it")
    docs: dict[tuple[str, int], dict] = {}
    items: dict[str, dict] = {}
    for e in entries:
        # one file may hold several documents (parts: a tjänsteutlåtande and the extract of
        # the protocol that decided it), each with its own date, body and type: each is a
        # step of the timeline
        key = (e["doc_id"], e.get("part") or 0)
        d = docs.get(key)
        if d is None:
            d = docs[key] = {"doc_id": e["doc_id"], "part": key[1], "date": e.get("date"),
                             "body": e.get("body"), "municipality": e.get("municipality"),
                             "doc_type": e.get("doc_type"), "items": []}
            doc = _get(store, e["doc_id"])
            if doc is not None:
                d["source"] = doc.source
        key = _item_key(e)
        it = items.get(key)
        if it is None:
            it = items[key] = {"id": None, "paragraph": e["paragraph"], "part": e["part"],
                               "title": e.get("title"), "dnr": e.get("dnr"),
                               "outcome": e.get("outcome"), "decisions": [],
                               "proposals": [], "votes": [], "statements": []}
            d["items"].append(it)
        kind = e["kind"]
        if kind == "item":
            it["id"] = e["id"]
        elif kind == "decision":
            it["decisions"].append({"id": e["id"], "text": e.get("text")})
        elif kind == "proposal":
            it["proposals"].append({"id": e["id"], "names": e.get("names"),
                                    "parties": e.get("parties"), "text": e.get("text")})
        elif kind == "vote":
            it["votes"].append({"id": e["id"], "text": e.get("text")})
        elif kind == "statement":
            it["statements"].append({"id": e["id"], "kind": e.get("statement_kind"),
                                     "names": e.get("names"), "parties": e.get("parties"),
                                     "text": e.get("text")})
    for it in items.values():
        for k in ("decisions", "proposals", "votes", "statements"):
            it[k].sort(key=lambda x: _n_of(x))
    ordered = sorted(docs.values(),
                     key=lambda d: (d.get("date") or "9999", d["doc_id"], d["part"]))
    for d in ordered:
        d["items"].sort(key=lambda it: (it["part"], _par_key(it["paragraph"])))
    return {"dnr": dnr, "documents": ordered,
            "bodies": sorted({d["body"] for d in ordered if d.get("body")})}


def _par_key(p: str) -> tuple:
    return tuple(int(x) if x.isdigit() else 0 for x in re.split(r"[:.]", p or "0"))


def ballots_of(entry: dict, store: StoreLike | None = None) -> list[dict]:
    """The ballots of a vote entry: from the store's Vote when there is a store, else read
    back from the entry's text ("Name (P) ja")."""
    doc = _get(store, entry["doc_id"])
    if doc is not None:
        n = _n_of(entry)
        for item in doc.extraction.items:
            if item.part == entry["part"] and item.paragraph == entry["paragraph"] and \
                    n < len(item.votes):
                return [{"name": b.name, "party": b.party, "vote": b.vote}
                        for b in item.votes[n].ballots]
    return text_ballots(entry)


def _get(store: StoreLike | None, doc_id: str):
    """The stored document, or None without a store or when it has gone from the store."""
    if store is None:
        return None
    try:
        return store.get(doc_id)
    except NotFoundError:
        return None


def _record(e: dict) -> dict[str, Any]:
    return {"id": e["id"], "doc_id": e["doc_id"], "kind": e["kind"], "date": e.get("date"),
            "body": e.get("body"), "municipality": e.get("municipality"),
            "title": e.get("title"), "part": e.get("part"), "paragraph": e.get("paragraph"),
            "dnr": e.get("dnr"),
            "statement_kind": e.get("statement_kind"), "names": e.get("names"),
            "parties": e.get("parties"), "text": e.get("text")}


def _by_year(records: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in records:
        year = (r.get("date") or "")[:4] or "okänt"
        out[year][r["kind"]] += 1
    return {y: dict(v) for y, v in sorted(out.items())}


def party(index: Index, name: str, store: StoreLike | None = None, *,
          filters: list[q.Node] = (), limit: int = 50) -> dict[str, Any]:
    """A party's statements, proposals and votes over time (FP and L are one party). For
    each vote, how the party's members voted."""
    # "Vänsterpartiet" is V, as records write it
    aliases = tuple(a.upper() for a in party_aliases(name))
    node = q.and_(q.FacetIs("party", aliases),
                  q.FacetIs("kind", ("statement", "proposal", "vote")), *filters)
    entries = _all(index, node, sort="date")
    statements, proposals, votes = [], [], []
    wanted = {fold(a) for a in aliases}
    for e in entries:
        if e["kind"] == "statement":
            statements.append(_record(e))
        elif e["kind"] == "proposal":
            proposals.append(_record(e))
        elif e["kind"] == "vote" and len(votes) < limit:
            tally = {"ja": 0, "nej": 0, "avstår": 0}
            for b in ballots_of(e, store):
                if b["party"] and fold(b["party"]) in wanted and b["vote"] in tally:
                    tally[b["vote"]] += 1
            rec = _record(e)
            rec["party_votes"] = tally
            votes.append(rec)
    return {"party": aliases[0], "aliases": list(aliases), "by_year": _by_year(entries),
            "totals": {"statement": len(statements), "proposal": len(proposals),
                       "vote": sum(1 for e in entries if e["kind"] == "vote")},
            "statements": statements[:limit], "proposals": proposals[:limit], "votes": votes}


# The party the person had in a record (search.persons, where the name table reads it).
_party_in = party_in_record


def party_in(e: dict, key: str, store: StoreLike | None = None) -> str | None:
    """The party the person (name_key) had in a record, where the record tells (a vote's
    ballots from the store when there is one, else from the vote's text)."""
    return _party_in(e, key, ballots_of(e, store) if e["kind"] == "vote" else None)


def person(index: Index, name: str, store: StoreLike | None = None, *,
           filters: list[q.Node] = (), limit: int = 50) -> dict[str, Any]:
    """One person's statements, proposals and ballots, with the party of each.

    The records are those naming exactly this person: the full name, case- and
    diacritic-insensitive, in any word order ("Joran Stahl" and "Ståhl Jöran" find "Jöran
    Ståhl", not "Anna Ståhl"). A part of a name (a surname alone) that fits one person
    shows that person; when it fits several, the result lists them to choose from
    (`ambiguous`, `candidates`: name, parties, records) and merges nothing
    (search.persons).

    Which person the name means is decided over the whole archive (as a search's
    `--person` is); `filters` then narrow that person's records."""
    res = lookup(index, name)
    if not res.found:
        raise NotFoundError(f"person {name!r}: no statement, proposal or vote in the archive")
    if res.key:
        node = q.and_(q.Person(res.key, exact=True), q.FacetIs("kind", PERSON_KINDS),
                      *filters)
        entries = index.search(node, sort="date", limit=MAX_RECORDS, facets=()).hits
        return _person_view(name, res.key, res.name, entries, store, limit)
    return {"name": name, "query": name, "ambiguous": True, "candidates": res.candidates,
            "parties": {}, "by_year": {},
            "totals": {"statement": 0, "proposal": 0, "vote": 0},
            "statements": [], "proposals": [], "ballots": []}


def _person_view(query: str, key: str, display: str, entries: list[dict],
                 store: StoreLike | None, limit: int) -> dict[str, Any]:
    mine = [e for e in entries if any(name_key(n) == key for n in e.get("names") or [])]
    statements, proposals, ballots = [], [], []
    parties: dict[str, int] = defaultdict(int)
    for e in mine:
        rec = _record(e)
        if e["kind"] == "statement":
            rec["party"] = _party_in(e, key, None)
            statements.append(rec)
        elif e["kind"] == "proposal":
            rec["party"] = _party_in(e, key, None)
            proposals.append(rec)
            for p in e.get("parties") or []:
                parties[p] += 1
        elif e["kind"] == "vote" and len(ballots) < limit:
            for b in ballots_of(e, store):
                if name_key(b["name"]) == key:
                    rec["vote"] = b["vote"]
                    rec["party"] = b["party"]
                    if b["party"]:
                        parties[b["party"]] += 1
                    break
            ballots.append(rec)
    return {"name": display, "query": query, "ambiguous": False, "candidates": [],
            "parties": dict(parties), "by_year": _by_year(mine),
            "totals": {"statement": len(statements), "proposal": len(proposals),
                       "vote": sum(1 for e in mine if e["kind"] == "vote")},
            "statements": statements[:limit], "proposals": proposals[:limit],
            "ballots": ballots}


def similar(index: Index, hit_id: str, *, limit: int = 10,
            filters: list[q.Node] = ()) -> dict[str, Any]:
    """Records like the given one ("more like this")."""
    if index.entry(hit_id) is None:
        raise NotFoundError(f"{hit_id}: no such record in the index")
    node = q.and_(*filters) if filters else None
    result = index.similar(hit_id, limit=limit, node=node)
    return {"id": hit_id, "total": result.total, "hits": result_hits(result)}
