"""Figures of `make bench`: a value, its target and whether the target holds, as JSON and a table."""
from __future__ import annotations

import math
import operator
from dataclasses import dataclass, field
from typing import Any

_OPS = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass
class Figure:
    """One measured figure. `target` is read as `value {op} target`; no target: informative."""
    name: str
    value: float | int | None
    unit: str = ""
    target: float | int | None = None
    op: str = "<="
    detail: dict[str, Any] = field(default_factory=dict)
    note: str = ""                   # why it is missing, or how to read it

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        if self.value is None or (isinstance(self.value, float) and math.isnan(self.value)):
            return False
        return bool(_OPS[self.op](self.value, self.target))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"value": _round(self.value), "unit": self.unit,
                               "target": None if self.target is None else f"{self.op} {self.target}",
                               "pass": self.passed}
        if self.note:
            out["note"] = self.note
        if self.detail:
            out["detail"] = self.detail
        return out


def _round(v: Any) -> Any:
    if isinstance(v, float):
        return round(v, 3 if abs(v) < 10 else 1)
    return v


def missing(name: str, reason: str, unit: str = "", target: float | None = None,
            op: str = "<=") -> Figure:
    """A figure that could not be measured: it fails its target and says why."""
    return Figure(name, None, unit, target, op, note=reason)


def table(figures: list[Figure]) -> str:
    """The printed report: one line per figure."""
    rows = [("figure", "value", "target", "")]
    for f in figures:
        value = "—" if f.value is None else f"{_round(f.value)} {f.unit}".strip()
        target = "" if f.target is None else f"{f.op} {f.target}"
        verdict = {True: "pass", False: "FAIL", None: ""}[f.passed]
        if f.note:
            verdict = f"{verdict} ({f.note})".strip()
        rows.append((f.name, value, target, verdict))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:>{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip()
             for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def markdown(figures: list[Figure]) -> str:
    """The same table in Markdown, for the README."""
    lines = ["| figure | value | target | |", "| --- | ---: | --- | --- |"]
    for f in figures:
        value = "—" if f.value is None else f"{_round(f.value)} {f.unit}".strip()
        target = "" if f.target is None else f"{f.op} {f.target}"
        verdict = {True: "pass", False: "**fail**", None: ""}[f.passed]
        if f.note:
            verdict = f"{verdict} ({f.note})".strip()
        lines.append(f"| `{f.name}` | {value} | {target} | {verdict} |")
    return "\n".join(lines)
