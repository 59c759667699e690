"""Extract the structure of Swedish minutes: documents, items, diary numbers, decisions,
proposals, votes with ballots, statements and persons.

    extract(pages: list[RepairedPage]) -> Extraction

Works on clean text and on repaired OCR text (diacritics lost, `$` for `§`, split numbers).
The Swedish vocabulary lives in `extract.vocab`; spaCy (`spacy.blank("sv")`, loaded once per
process) tokenizes and matches the vote counts.

An agenda (doc_type `kallelse`) has items with their number, title and diary numbers, and no
decisions, proposals, votes or statements: a "Förslag till beslut" printed in it is what will be
proposed, and it stays in the item's text. Its meeting date is the announced one.

`VERSION` changes whenever the output for the same text changes (`arkiv reprocess` uses it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corpus.models import Extraction, RepairedPage

__all__ = ["extract", "VERSION"]

VERSION = 19           # 2: agendas typed `kallelse`; 3: name-column and headed ballot lists,
                       # Beslutsunderlag dnr, "Name, P", year-first dnr, running-text meeting date;
                       # 4: "8113" as § 113 by the sequence, OCR'd name columns, word-column ballots
                       # 5: "Nämnden beslutar …" as a decision, a bare "Datum" in a protocol header
                       # 6: party groups ("S-ledamöterna", "S- och V-gruppen", Alliansen), "N röster mot M"
                       # 7: "KS.2022.0031" keeps its dot; an "Ärendenummer:" line under the title
                       # 8: a two-digit class in "2018/KS 0290 10"; never a class from the next line
                       # 9: a long name under the Ja column keeps its ballot; "Ja för X, Nej för Y" and
                       #    the casting vote; "instämmer i Lars Öbergs yrkande" supports Lars Öberg
                       # 10: a header label wrapped over two lines ("Justeringens" / "plats och tid …");
                       #     the probe-style fixes of 2026-12-01 (dnr "TN-2019-1137"/"0873/21", utskott
                       #     bodies, notice dates in sentences, substitute ballots, sum rows, …)
                       # 11: the second round of probe styles (vote scores "röstsiffrorna 5-4", …)
                       # 12: the third round (company boards, "Nämnden för …", "Dnr 22RS1234",
                       #     formalities, OCR'd ballot names matched to the document's own, …)
                       # 13: a ballot's name whose capital OCR lost ("jonas Ekström") when the
                       #     file names that member elsewhere
                       # 14: "… enligt förvaltningens förslag" (a proposal adopted) is bifall
                       # 15: the fourth round of probe styles ("Lars Fors (M) yrkande" keeps its s,
                       #     "Name (P):s yrkande: …" proposes, "Dnr: 2023-05-16" is no number,
                       #     "KS 2023/45.041" keeps its class, "31 §" and "§ 31/2023" head items,
                       #     the board's proposal in the council's protocol no decision, an extract's
                       #     letterhead date, "JA = …" no proposal)
                       # 16: the fifth round ("Ärende 5" heads items, "(Liberalerna)" and
                       #     "(Lokalt Alternativ, LA)" as parties, a "§ 201 (forts.)" page break
                       #     inside a decision, "Bilaga 1, omröstningslista § 44" as a voting list,
                       #     "Dnr RS/1877/2024", a sum row under a "Närv." column, Region Jämtland
                       #     Härjedalen, "Ja röstar: …", "Ledamöterna för Sjukvårdspartiet")
                       # 17: the sixth round ("(Lokalt Alternativ, LA) reserverar sig" and "Sjukvårdspartiet
                       #     (SJVP)" as groups, not persons; a statement after "Reservation från X (S)" its
                       #     own; the party code a document defines for a name it writes out;
                       #     "Lars Fors (M):s yrkande är att …" proposes; "KS 31 §" heads items;
                       #     "Dnr KS 2023-05-16" is no number and no title)
                       # 18: the QA round of 2026-12-01 ("4 ledamöter som avstår", "Dnr 2022.0456",
                       #     county numbers after a label, "Anslaget 2025-03-17", "Sida 1 av 4",
                       #     the closing block cut from the last item, side-by-side signatures no
                       #     new document, a headless decision before "Expedieras till", the jävig
                       #     member's substitute not jävig, passive propositionsordning no proposal,
                       #     prose ballot lists after a "Den som vill …" question, ties by utslagsröst)
                       # 19: the closing block stays in the item's searchable text; OCR: "857" heading a
                       #     one-item extract, two signatures on one line, a blank line under a
                       #     "Förvaltningens förslag till beslut" heading


def extract(pages: list[RepairedPage]) -> Extraction:
    """The records of one document's repaired pages (`extract.document`, imported on the first
    call: a command that only ingests or repairs does not pay for the tables)."""
    from extract.document import extract as run
    return run(pages)
