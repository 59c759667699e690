"""Swedish OCR repair: `repair_pages(pages) -> list[RepairedPage]`, `repair_text(text)`,
`format_changes(repaired)` for a readable change log (`arkiv repair FILE --diff`) and
`diagnose(pages)` (was this OCR'd without Swedish data? how damaged is it?), and
`vocabulary_from(texts)`: domain words of the archive's clean documents, for `vocabulary=`.

Importing this package is cheap: the lexicon (Hunspell sv_SE + wordfreq, cached on disk) and the
confusion model are loaded on the first repair.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalize.repair import diagnose, repair_pages, repair_text, vocabulary_from
    from normalize.report import format_changes

__all__ = ["repair_pages", "repair_text", "diagnose", "vocabulary_from", "format_changes",
           "VERSION"]

# Bumped whenever repair gives different text for the same input, so that `arkiv reprocess`
# knows which stored documents were repaired by an older pipeline.
VERSION = 20


def __getattr__(name: str) -> Any:
    if name in ("repair_pages", "repair_text", "diagnose", "vocabulary_from"):
        from normalize import repair
        return getattr(repair, name)
    if name == "format_changes":
        from normalize import report
        return report.format_changes
    raise AttributeError(name)
