"""Protocol styles met outside the sample archive: each case is a short excerpt in the shape one
municipality prints it, and beside it a near shape whose reading must not change."""
from __future__ import annotations

from corpus.models import RepairedPage
from extract import extract


def _extract(text: str):
    return extract([RepairedPage(number=i + 1, text=t) for i, t in enumerate(text.split("\f"))])


_HEAD = """SAMMANTRÄDESPROTOKOLL
Barn- och utbildningsnämnden
Sammanträdesdatum 2023-05-03

Plats och tid        Kommunhuset, onsdagen den 3 maj 2023 kl. 13.00–16.10
Utses att justera    Per Holm
{justering}
Paragrafer           §§ 31–33

§ 31    Dnr BUN 2023/112
Skolskjutsregler

Beslut
Nämnden antar reglerna.
"""


def test_justering_label_wrapped_over_two_lines():
    # A narrow label column breaks "Justeringens plats och tid" after its first word.
    ex = _extract(_HEAD.format(justering="Justeringens\nplats och tid        Kommunhuset den 10 maj 2023"))
    assert (ex.meeting_date, ex.justering_date) == ("2023-05-03", "2023-05-10")


def test_justering_label_on_one_line_unchanged():
    ex = _extract(_HEAD.format(justering="Justeringens plats och tid   Kommunhuset den 10 maj 2023"))
    assert (ex.meeting_date, ex.justering_date) == ("2023-05-03", "2023-05-10")
    # a label-only line followed by another label is not a wrapped label
    ex = _extract(_HEAD.format(justering="Justeringens\nPlats och tid för sammanträdet 2023-05-03"))
    assert ex.justering_date is None
