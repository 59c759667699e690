"""Which facet values a search's filters chose: one rule for the terminal (search.render)
and the web sidebar (search.web.pages).

The search matches a chosen value whatever its case, å/ä/ö and form (`statement_kind=Reservation`,
`party=fp`, `statement_kind=Särskilt yttrande`: index.analysis.facet_key), takes FP and L as
one party (index.swedish.PARTY_ALIASES) and a party written out as its abbreviation
(`party=Vänsterpartiet`), so the value to mark is the archive's own (FP for `--party L`),
not the typed one listed beside it with 0 hits. A statement kind chosen as a kind (the shorthand `--kind reservation`, CONTRACTS.md)
is listed among the kinds with the count of that statement kind.
"""
from __future__ import annotations

from typing import Iterable

from index.analysis import facet_key, party_aliases, statement_kind_of


def chosen_values(name: str, chosen: Iterable[str], counts: dict[str, int],
                  statement_kinds: dict[str, int] | None = None
                  ) -> tuple[dict[str, int], dict[str, str]]:
    """(counts, marks) for facet `name` with the values `chosen` for it: `marks` maps each
    facet value a chosen value matches (as the archive has it) to that chosen value as
    typed (what a link that takes the filter away names); `counts` is the facet's counts
    with every marked value in it: a chosen value without hits has 0, a shorthand statement
    kind the count in `statement_kinds` (the statement_kind facet)."""
    counts = dict(counts)
    marks: dict[str, str] = {}
    for v in chosen:
        if not v:
            continue
        wanted = {facet_key(name, a) for a in party_aliases(v)} if name == "party" \
            else {facet_key(name, v)}
        keys = [str(k) for k in counts if facet_key(name, str(k)) in wanted]
        skind = statement_kind_of(v) if name == "kind" else None
        if not keys and skind:
            keys = [skind]
            counts[skind] = (statement_kinds or {}).get(skind, 0)
        if not keys:
            keys = [v]
            counts.setdefault(v, 0)
        for k in keys:
            marks.setdefault(k, v)
    return counts, marks
