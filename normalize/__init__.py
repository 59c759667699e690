"""Swedish OCR repair: `repair_pages(pages) -> list[RepairedPage]`, `repair_text(text)`.

Importing this package is cheap: the lexicon (Hunspell sv_SE + wordfreq, cached on disk) and the
confusion model are loaded on the first repair.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalize.repair import repair_pages, repair_text

__all__ = ["repair_pages", "repair_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from normalize import repair
        return getattr(repair, name)
    raise AttributeError(name)
