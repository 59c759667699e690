"""A sixth round of probe styles: parties written out as a group's name, a proposal owned in the
genitive after the party ("Lars Fors (M):s yrkande är att …"), "KS 31 §" headings, a date with a
body prefix after a "Dnr" label, and the party codes a document defines for itself. Each case is
a short excerpt in the shape some municipality prints it, and beside it a near shape whose
reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_ITEM = ("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2024-10-07\n{header}\n§ 150   Dnr KS 2024/250\n"
         "Försäljning av fastigheten Hagen 4:2\n\nYrkanden\n{yrkanden}\n\nKommunstyrelsens beslut\n"
         "Fastigheten säljs.\n\n{after}\n")


def _item(yrkanden: str = "Anna Berg (S) yrkar bifall.", after: str = "", header: str = ""):
    return _extract(_ITEM.format(header=header, yrkanden=yrkanden, after=after)).items[0]


def _statements(after: str, header: str = "") -> list[tuple[str, list[str], list[str]]]:
    return [(s.kind, s.names, s.parties) for s in _item(after=after, header=header).statements]


def _proposals(yrkanden: str, header: str = "") -> list[tuple[str | None, str | None, str, str | None]]:
    return [(p.name, p.party, p.type, p.supports) for p in _item(yrkanden, header=header).proposals]


# --- 4. a date after a "Dnr" label, with a body prefix ------------------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_a_date_after_a_dnr_label_with_a_body_prefix_is_no_number():
    assert _dnr("Dnr KS 2023-05-16") == []
    assert _dnr("Diarienummer: SN 2023-05-16") == []
    assert _dnr("Dnr KS 2023.05.16") == []
    assert _dnr("Dnr KS-2023-05-16") == []
    assert _dnr("(KS 2023.05.16 § 34)") == []
    ex = _extract("Protokoll\nKommunstyrelsen\nSammanträdesdatum 2023-05-16\n\n§ 31   Dnr KS 2023-05-16\n"
                  "Budget 2024\n\nKommunstyrelsens beslut\nBudgeten godkänns.\n")
    assert (ex.items[0].title, ex.items[0].dnr, ex.dnr) == ("Budget 2024", [], [])


def test_prefixed_numbers_after_a_label_unchanged():
    assert _dnr("Dnr KS 2023/045") == ["KS 2023/045"]
    assert _dnr("Dnr BN 2025-1234") == ["BN 2025-1234"]
    assert _dnr("Dnr KS-2021-00345") == ["KS-2021-00345"]
    assert _dnr("Dnr KS 2023-0516") == ["KS 2023-0516"]
    assert _dnr("Dnr KS.2022.0031") == ["KS.2022.0031"]
    assert _dnr("Dnr SN 2014/0033-753") == ["SN 2014/0033-753"]
    assert _dnr("Dnr KS 2023-13-45") == ["KS 2023-13-45"]      # no calendar date
    assert _dnr("KS 2014/0159") == ["KS 2014/0159"]
