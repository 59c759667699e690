"""Human-readable views of a repair's change log (`arkiv repair FILE --diff`)."""
from __future__ import annotations

from corpus.models import RepairedPage


def _show(s: str) -> str:
    return s.replace("\n", "⏎").replace("\f", "␌") or "∅"


def format_changes(pages: list[RepairedPage], context: int = 25) -> str:
    """One line per change: page, offset, original → replacement, reason and score, and the
    repaired text around it, e.g.

        p1 @112  forslag → förslag  [diacritic 1.00]  …vningens «förslag» till beslut…
    """
    lines = []
    for page in pages:
        for c in page.changes:
            end = c.start + len(c.replacement)
            before = page.text[max(0, c.start - context):c.start].replace("\n", " ")
            after = page.text[end:end + context].replace("\n", " ")
            lines.append(f"p{c.page} @{c.start}  {_show(c.original)} → {_show(c.replacement)}  "
                         f"[{c.reason} {c.score:.2f}]  …{before}«{c.replacement}»{after}…")
    return "\n".join(lines)


def summary(pages: list[RepairedPage]) -> dict[str, int]:
    """Number of changes per reason."""
    out: dict[str, int] = {}
    for page in pages:
        for c in page.changes:
            out[c.reason] = out.get(c.reason, 0) + 1
    return out
