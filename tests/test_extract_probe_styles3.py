"""A third round of probe styles: conventions of minutes met outside the sample archive (company
boards, Göteborg's "Nämnden för …", fused diary numbers, formalities, OCR'd voting lists). Each
case is a short excerpt in the shape some municipality prints it, and beside it a near shape whose
reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


# --- 3. fused and dashed diary numbers after a label ----------------------------------------------
def _dnr(line: str) -> list[str]:
    from extract import dnr
    return [n for _, n in dnr.find(line)]


def test_fused_two_digit_year_and_dashed_year_prefix_serial():
    assert _dnr("Dnr 22RS1234") == ["22RS1234"]
    assert _dnr("Diarienr: 2023-KS-0123") == ["2023-KS-0123"]
    assert _dnr("Diarienummer 2021-BUN-45") == ["2021-BUN-45"]
    ex = _extract("Protokoll\nRegionstyrelsen\nSammanträdesdatum 2024-06-18\n\n§ 87\nRegionplan\nDnr 22RS1234\n\n"
                  "Beslut\nRegionstyrelsen fastställer planen.\n")
    assert (ex.items[0].dnr, ex.dnr) == (["22RS1234"], ["22RS1234"])


def test_fused_or_dashed_shapes_without_a_label_or_not_a_case_unchanged():
    assert _dnr("Se 22RS1234 och 2023-KS-0123 i bilagan.") == []
    assert _dnr("Dnr 22SOU1234") == []
    assert _dnr("Dnr 12AB") == []
    assert _dnr("Dnr KS 2014/0159, dnr 2020-1234, Dnr 0873/21") == ["KS 2014/0159", "2020-1234", "0873/21"]
