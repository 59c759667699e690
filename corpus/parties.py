"""Swedish parties as minutes and users write them out, shared by extraction (a party named in
running text: "Centerpartiet reserverar sig") and search (a party typed out:
`party:Vänsterpartiet`)."""
from __future__ import annotations

# A party written out → the abbreviation the records carry.
PARTY_NAMES: dict[str, str] = {
    "socialdemokraterna": "S", "moderaterna": "M", "sverigedemokraterna": "SD",
    "centerpartiet": "C", "vänsterpartiet": "V", "kristdemokraterna": "KD",
    "liberalerna": "L", "folkpartiet": "FP", "miljöpartiet": "MP",
}
# ... and by its longer official name, which minutes rarely use in a sentence
PARTY_LONG_NAMES: dict[str, str] = {
    "moderata samlingspartiet": "M", "socialdemokratiska arbetarepartiet": "S",
    "folkpartiet liberalerna": "FP", "miljöpartiet de gröna": "MP",
}
