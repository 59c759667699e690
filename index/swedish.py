"""Swedish tables for the index: stop words, stemming repairs, party aliases.

Data only; `index.analysis` applies them.
"""
from __future__ import annotations

from corpus import parties

# Snowball's Swedish list, minus words that carry meaning in minutes: "mot" (yrkar mot,
# reserverar sig mot), "ej"/"inte"/"icke" (ej bifall), "under", "över", "efter", "utan" and
# "mellan" (often parts of titles: "insatser under sommaren", "avtal mellan …").
STOP_WORDS = frozenset("""
alla allt att av blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina
ditt du där då en er era ert ett från för ha hade han hans har henne hennes hon honom hur här i
jag ju kan kunde man med men mig min mina mitt mycket ni nu när någon något några och om oss på
samma sedan sig sin sina sitta själv skulle som så sådan sådana sådant till upp ut vad var vara
varför varit varje vars vart vem vi vid vilka vilkas vilken vilket vår våra vårt än är åt
""".split())

# Suffix rewrites applied BEFORE Snowball. Snowball has no rule for the definite plural of
# nouns in -ande/-ende/-e ("yrkandena" → "yrkanden", while "yrkande" → "yrk") nor for the
# definite singular "-endet" ("ärendet" stays): rewrite them to the base form first so that
# every form of the word meets at one stem. Longest suffix first; (suffix, replacement,
# shortest word the rule applies to).
PRE_STEM_SUFFIXES: tuple[tuple[str, str, int], ...] = (
    ("endet", "ende", 7),     # ärendet → ärende → ärend (as ärende, ärenden)
    ("andet", "ande", 7),     # yrkandet → yrkande (Snowball would also do it; kept explicit)
    ("ena", "e", 7),          # yrkandena → yrkande → yrk; ärendena, områdena, avtalena
)

# Snowball keeps the neuter definite "-et" (beslutet, förslaget, protokollet). After Snowball,
# a stem still ending in "et" loses it, repeatedly, down to this many letters: every form of a
# word family passes through the same "…et" stem, so the rule conflates them consistently
# (budget/budgeten → budg, arbete/arbetet → arb, beslut/beslutet → beslut).
ET_STRIP_MIN_STEM = 3

# Stems that must not change (checked after lowercasing, before any rule): short words where
# the rules would conflate unrelated words.
STEM_EXCEPTIONS: dict[str, str] = {
    "et": "et",
    "etc": "etc",
    # "år" is too short for Snowball's regions: året, åren, årets stayed apart from it
    "år": "år", "års": "år", "året": "år", "åren": "år", "årets": "år", "årens": "år",
}

# Irregular paradigms: base form → other forms whose Snowball stem differs from the base
# form's, so that every form of the word meets at one stem. Snowball strips endings and
# index.analysis folds å/ä/ö (städer → stad, ledamöter → ledamot, länder → land), which
# covers most Swedish nouns; what is left are
# - verbal nouns in -an whose plural is in -ningar (ansökan/ansökningar/ansökningarna):
#   their -an is no suffix Snowball knows, and the plural's stem is the -ning noun's;
# - words that lose the e of an unstressed -el/-er/-en before an ending (regel/regler,
#   medel/medlen, förälder/föräldrar, egen/egna; not adjectives that are also verbs,
#   öppna/öppnar): Snowball stems regel → "regel" but
#   regler → "regl";
# - umlaut plurals whose vowel folding does not restore (bok/böcker, bror/bröder), and a
#   doubled final m (program/programmet, hem/hemmet, rum/rummet).
# A form also ends compounds (bygglovsansökan, statsbidragsmedlen, familjehemmet) when
# what precedes it has at least IRREGULAR_MIN_MODIFIER letters, so that a word merely ending
# in the same letters is left alone. Forms are listed in lower case with å/ä/ö; checked
# before Snowball (index.analysis.stem), the word's form replaced by its base form.
IRREGULAR_PARADIGMS: dict[str, tuple[str, ...]] = {
    "ansökning": ("ansökan", "ansökans"),
    "anmälning": ("anmälan", "anmälans"),
    "inbjudning": ("inbjudan", "inbjudans"),
    "förfrågning": ("förfrågan", "förfrågans"),
    "regel": ("regeln", "regelns", "regler", "reglerna", "reglers", "reglernas"),
    "medel": ("medlen", "medlet", "medlens", "medlets"),
    "exempel": ("exemplet", "exemplen", "exemplets", "exemplens"),
    "kapitel": ("kapitlet", "kapitlen", "kapitlets", "kapitlens"),
    "nummer": ("numret", "numren", "numrets", "numrens"),
    "förälder": ("föräldern", "förälderns", "föräldrar", "föräldrarna", "föräldrars",
                 "föräldrarnas"),
    "ålder": ("åldern", "ålderns", "åldrar", "åldrarna", "åldrars"),
    "sommar": ("somrar", "somrarna"),
    "vinter": ("vintrar", "vintrarna"),
    "vatten": ("vattnet", "vattnets", "vattnen", "vattnens"),
    "teater": ("teatrar", "teatrarna", "teaterns", "teatern"),
    "center": ("centret", "centrets", "centren"),
    "mönster": ("mönstret", "mönstrets", "mönstren"),
    "fönster": ("fönstret", "fönstrets", "fönstren"),
    "syster": ("systrar", "systrarna"),
    "dotter": ("döttrar", "döttrarna", "döttrars"),
    "egen": ("egna", "eget"),
    "bok": ("böcker", "böckerna", "böckers", "böckernas"),
    "bror": ("bröder", "bröderna", "bröders", "brodern"),
    "program": ("programmet", "programmen", "programmets", "programmens"),
    "hem": ("hemmet", "hemmen", "hemmets"),
    "rum": ("rummet", "rummen", "rummets"),
}
IRREGULAR_MIN_MODIFIER = 3

# Party abbreviations that name the same party (Folkpartiet became Liberalerna in 2015):
# a filter on one also finds the other.
PARTY_ALIASES: dict[str, tuple[str, ...]] = {
    "L": ("L", "FP"),
    "FP": ("FP", "L"),
}

# Facet values as people write them in the query box, for the contract's ASCII values: the
# web UI shows kinds in Swedish ("Beslut", "Yrkande", "Votering"), so `kind:beslut` is typed.
# Forms and case do not matter (index.analysis.facet_key compares stems).
FACET_VALUE_NAMES: dict[str, dict[str, str]] = {
    "kind": {"ärende": "item", "paragraf": "item", "beslut": "decision",
             "yrkande": "proposal", "votering": "vote", "omröstning": "vote",
             "uttalande": "statement"},
    "doc_type": {"föredragningslista": "kallelse", "kallelse/föredragningslista": "kallelse",
                 "utdrag": "protokollsutdrag"},
}

# Parties written out, as politicians type them (`party:Vänsterpartiet`, `arkiv party
# Moderaterna`): the abbreviation the archive's records carry. Any form (index.analysis.
# facet_key: "Vänsterpartiets", "socialdemokrater").
PARTY_NAMES: dict[str, str] = {**parties.PARTY_NAMES, **parties.PARTY_LONG_NAMES}
