"""Swedish labels for the interface: facet names and the contract's ASCII enum values.

The contract spells identifiers in ASCII (`tjansteutlatande`, `aterremiss`); people read them
with å, ä, ö and in their usual form. Unknown values are shown as they are.
"""
from __future__ import annotations

# The facet list of CONTRACTS.md, in the order the sidebar shows them.
FACETS: dict[str, str] = {
    "party": "Parti",
    "body": "Organ",
    "municipality": "Kommun",
    "year": "År",
    "doc_type": "Dokumenttyp",
    "kind": "Posttyp",
    "statement_kind": "Typ av uttalande",
    "outcome": "Utfall",
}

# Filters without counts (CONTRACTS.md: `--dnr` and `--person`).
FILTERS: dict[str, str] = {**FACETS, "dnr": "Diarienummer", "person": "Person"}

VALUES: dict[str, dict[str, str]] = {
    "doc_type": {
        "protokoll": "Protokoll",
        "protokollsutdrag": "Protokollsutdrag",
        "tjansteutlatande": "Tjänsteutlåtande",
        "kallelse": "Kallelse/föredragningslista",
        "rapport": "Rapport",
        "okand": "Okänd typ",
    },
    "kind": {
        "item": "Ärende (§)",
        "decision": "Beslut",
        "proposal": "Yrkande",
        "vote": "Votering",
        "statement": "Uttalande eller reservation",
    },
    "statement_kind": {
        "sarskilt_uttalande": "Särskilt uttalande",
        "sarskilt_yttrande": "Särskilt yttrande",
        "reservation": "Reservation",
        "protokollsanteckning": "Protokollsanteckning",
    },
    "outcome": {
        "bifall": "Bifall",
        "avslag": "Avslag",
        "aterremiss": "Återremiss",
        "bordlagd": "Bordlagd",
        "besvarad": "Besvarad",
        "noterad": "Noterad",
        "annat": "Annat",
    },
    "proposal_type": {
        "bifall": "Bifall",
        "avslag": "Avslag",
        "aterremiss": "Återremiss",
        "bordlaggning": "Bordläggning",
        "tillagg": "Tillägg",
        "andring": "Ändring",
        "eget": "Eget förslag",
    },
    "role": {
        "ordforande": "Ordförande",
        "vice_ordforande": "Vice ordförande",
        "ledamot": "Ledamot",
        "tjanstgorande_ersattare": "Tjänstgörande ersättare",
        "ersattare": "Ersättare",
        "sekreterare": "Sekreterare",
        "justerare": "Justerare",
        "tjansteman": "Tjänsteperson",
        "ovrig": "Övrig",
    },
    "vote": {"ja": "Ja", "nej": "Nej", "avstår": "Avstår"},

    "source": {"text": "textlager", "ocr": "OCR"},
}

# A vote's outcome is the side that won (extract.votes: "ja" or "nej"), which "Utfall: ja"
# left to be guessed; any other value is read as an item's outcome.
VALUES["vote_outcome"] = {**VALUES["outcome"], "ja": "ja-sidan vann", "nej": "nej-sidan vann"}

SORTS: dict[str, str] = {"relevance": "Relevans", "date": "Datum (nyast först)"}


def label(kind: str, value: object) -> str:
    """The Swedish label of an enum value, or the value itself."""
    if value is None or value == "":
        return "okänd"
    return VALUES.get(kind, {}).get(str(value), str(value))
