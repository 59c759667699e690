"""Plain-text renderings of search results and views for the terminal."""
from __future__ import annotations

import re
import textwrap
from typing import Any

from index.analysis import statement_kind_of
from search.facets import chosen_values

_MARK_RE = re.compile(r"</?mark>")


def count(n: int, one: str, many: str) -> str:
    """`1 träff`, `2 träffar`: a count with its noun in the singular or the plural."""
    return f"{n} {one if n == 1 else many}"


def _totals(t: dict[str, int]) -> str:
    return (f"{count(t['statement'], 'uttalande', 'uttalanden')}, "
            f"{count(t['proposal'], 'yrkande', 'yrkanden')}, "
            f"{count(t['vote'], 'omröstning', 'omröstningar')}")
# how many values of a facet the terminal lists (beyond the chosen ones); a facet not named
# here lists all its values
FACET_CUT = {"body": 8, "municipality": 8, "year": 8}


def plain_snippet(snippet: str, bold: bool = False) -> str:
    """A hit's HTML snippet as terminal text; matches in bold (ANSI) or between »«."""
    import html
    on, off = ("\x1b[1m", "\x1b[0m") if bold else ("»", "«")
    return html.unescape(snippet.replace("<mark>", on).replace("</mark>", off))


def _where(h: dict[str, Any]) -> str:
    bits = [h.get("date") or "odaterad", h.get("body") or "", h.get("municipality") or ""]
    par = f"§ {h['paragraph']}" if h.get("paragraph") else ""
    return " · ".join(b for b in bits + [par] if b)


def _kind(h: dict[str, Any]) -> str:
    k = h.get("kind") or ""
    if k == "statement" and h.get("statement_kind"):
        k = h["statement_kind"]
    who = ", ".join(f"{n}" for n in (h.get("names") or [])[:3])
    parties = ", ".join(h.get("parties") or [])
    extra = f" — {who}" if who and k != "item" else ""
    return f"[{k}{' ' + parties if parties and k != 'item' else ''}]{extra}"


def _persons(named: list[dict[str, Any]]) -> list[str]:
    """What each asked name meant: the person found, or the persons to choose from (a
    name that fits several finds nothing: search.persons)."""
    out = []
    for p in named:
        cands = p.get("candidates") or []
        if p.get("ambiguous"):
            out.append(f"{len(cands)} personer passar ”{p['query']}”; välj en:")
            for c in cands:
                parties = ", ".join(c.get("parties") or {})
                ask = f'--person "{c["name"]}"' if p.get("in") == "filter" \
                    else f'person:"{c["name"]}"'
                out.append(f"  {c['name']}" + (f" ({parties})" if parties else "") +
                           f", {count(c['records'], 'post', 'poster')}:  "
                           f"{ask}")
        elif p.get("name") and " ".join(p["query"].split()) != p["name"]:
            out.append(f"Person: {p['name']}")
    return out


def render_search(r: dict[str, Any], bold: bool = False) -> str:
    lines = []
    first = (r["page"] - 1) * r["limit"] + 1
    last = first + len(r["hits"]) - 1
    if r.get("corrected_query"):
        # the query as typed found nothing; say what was searched and how to get the other
        lines.append(f"Visar träffar för: {r['corrected_query']}")
        lines.append(f"Sök i stället efter: {r['query']}  (med --verbatim)")
    if r["total"]:
        lines.append(f"{count(r['total'], 'träff', 'träffar')} "
                     f"(visar {first}–{last}, sortering: {r['sort']})")
    else:
        lines.append("Inga träffar.")
        if r.get("only_stop_words"):
            # as the web page says it: the query named nothing to look for
            lines.append("Sökningen innehåller bara mycket vanliga ord eller tecken (och, att, i, -),"
                         " som inte söks. Lägg till ett ord för det du letar efter.")
        if r.get("did_you_mean"):
            lines.append(f"Menade du: {r['did_you_mean']}")
    lines.extend(_persons(r.get("persons") or []))
    for h in r["hits"]:
        lines.append("")
        lines.append(f"{h.get('title') or '(utan rubrik)'}  {_kind(h)}")
        dnr = ", ".join(h.get("dnr") or [])
        lines.append(f"  {_where(h)}" + (f" · Dnr {dnr}" if dnr else ""))
        snip = plain_snippet(h.get("snippet") or "", bold)
        lines.extend(textwrap.wrap(snip, 96, initial_indent="  ", subsequent_indent="  "))
        lines.append(f"  id {h['id']}")
    facets = r.get("facets") or {}
    chosen = dict(r.get("filters") or {})
    # `--kind reservation` is the shorthand of `--statement-kind reservation`: the statement
    # kind facet is one it chose from (the kinds list it too, with that count, as the web)
    shorthand = [statement_kind_of(v) for v in chosen.get("kind", [])
                 if statement_kind_of(v)]
    if shorthand:
        chosen["statement_kind"] = chosen.get("statement_kind", []) + shorthand
    summary = []
    for name, counts in facets.items():
        if counts:
            # A facet with a filter lists its siblings too (disjunctive counts). The chosen
            # values are marked as the archive has them (FP for --party L; search.facets,
            # as in the web sidebar), listed first and shown even beyond the first six.
            counts, marks = chosen_values(name, chosen.get(name, []), counts,
                                          facets.get("statement_kind"))
            # Parties and the fixed lists (kinds, outcomes, types) are few: all are shown.
            # Bodies, municipalities and years are cut after the first eight, saying how many
            # more there are.
            cut = FACET_CUT.get(name)
            shown = [k for k in counts if k in marks]
            shown += [k for k in list(counts)[:cut] if k not in marks]
            top = ", ".join(f"{k} {counts[k]}" + (" (vald)" if k in marks else "")
                            for k in shown)
            if len(counts) > len(shown):
                top += f" … och {len(counts) - len(shown)} till"
            head = f"{name} (vald: {', '.join(chosen[name])})" if chosen.get(name) else name
            summary.append(f"  {head}: {top}")
    if summary:
        lines.append("")
        lines.append("Fördelning:")
        lines.extend(summary)
    return "\n".join(lines)


def render_case(c: dict[str, Any]) -> str:
    lines = [f"Ärende {c['dnr']}: {len(c['documents'])} dokument"
             + (f" i {', '.join(c['bodies'])}" if c.get("bodies") else "")]
    for d in c["documents"]:
        lines.append("")
        lines.append(f"{d.get('date') or 'odaterad'}  {d.get('body') or ''}  "
                     f"({d.get('doc_type')}, {d['doc_id'][:12]})")
        for it in d["items"]:
            par = f"§ {it['paragraph']} " if it.get("paragraph") else ""
            outcome = f" [{it['outcome']}]" if it.get("outcome") else ""
            lines.append(f"  {par}{it.get('title') or ''}{outcome}")
            for dec in it["decisions"]:
                lines.extend(textwrap.wrap(dec["text"] or "", 92, initial_indent="    beslut: ",
                                           subsequent_indent="            "))
            for p in it["proposals"]:
                who = ", ".join(p.get("names") or [])
                lines.append(f"    yrkande: {who} ({', '.join(p.get('parties') or [])})")
            for s in it["statements"]:
                lines.append(f"    {s['kind']}: {', '.join(s.get('parties') or [])}")
            for v in it["votes"]:
                lines.append(f"    omröstning: {(v.get('text') or '')[:80]}")
    return "\n".join(lines)


def _records(title: str, recs: list[dict[str, Any]], extra=None) -> list[str]:
    if not recs:
        return []
    lines = ["", f"{title}:"]
    for r in recs:
        head = f"  {r.get('date') or 'odaterad'}  {r.get('body') or ''}  {r.get('title') or ''}"
        if extra:
            head += extra(r)
        lines.append(head)
    return lines


def _by_year(by_year: dict[str, dict[str, int]]) -> list[str]:
    lines = ["", "Per år (uttalanden/yrkanden/omröstningar):"]
    for y, c in by_year.items():
        lines.append(f"  {y}: {c.get('statement', 0)}/{c.get('proposal', 0)}/{c.get('vote', 0)}")
    return lines


def render_party(p: dict[str, Any]) -> str:
    t = p["totals"]
    lines = [f"Parti {p['party']} (även {', '.join(a for a in p['aliases'] if a != p['party'])})"
             if len(p["aliases"]) > 1 else f"Parti {p['party']}",
             _totals(t)]
    lines += _by_year(p["by_year"])
    lines += _records("Uttalanden och reservationer", p["statements"],
                      lambda r: f"  [{r.get('statement_kind')}]")
    lines += _records("Yrkanden", p["proposals"])
    lines += _records("Omröstningar", p["votes"], lambda r: "  " + ", ".join(
        f"{k} {v}" for k, v in r["party_votes"].items()))
    return "\n".join(lines)


def render_person(p: dict[str, Any]) -> str:
    if p.get("ambiguous"):
        lines = [f"{len(p['candidates'])} personer passar ”{p['query']}”; välj en:"]
        for c in p["candidates"]:
            parties = ", ".join(c["parties"]) or "okänt parti"
            lines.append(f"  {c['name']} ({parties}), "
                         f"{count(c['records'], 'post', 'poster')}:  "
                         f"arkiv person \"{c['name']}\"")
        return "\n".join(lines)
    t = p["totals"]
    parties = ", ".join(p["parties"]) or "okänt parti"
    lines = [f"{p['name']} ({parties})",
             _totals(t)]
    lines += _by_year(p["by_year"])
    lines += _records("Uttalanden och reservationer", p["statements"],
                      lambda r: f"  [{r.get('statement_kind')}]{_party(r)}")
    lines += _records("Yrkanden", p["proposals"], _party)
    lines += _records("Röster", p["ballots"],
                      lambda r: f"  röst: {r.get('vote') or '?'}{_party(r)}")
    return "\n".join(lines)


def _party(r: dict[str, Any]) -> str:
    return f"  ({r['party']})" if r.get("party") else ""


def render_similar(s: dict[str, Any], bold: bool = False) -> str:
    lines = [f"Liknande {s['id']}: {count(s['total'], 'träff', 'träffar')}"]
    for h in s["hits"]:
        lines.append(f"  {h.get('title') or ''}  {_kind(h)}  {_where(h)}")
        lines.append(f"    id {h['id']}")
    return "\n".join(lines)
