"""Swedish tables the repairer uses: page furniture, hyphen prefixes, context words.

Kept apart from the code that applies them (STYLE.md). Every list is a family of examples from real
municipal documents (CONVENTIONS.md), not a closed set.
"""
from __future__ import annotations

import re

# Lines that are page furniture wherever they appear: signature boxes, page counters,
# continuation notes. Matched against a whole (stripped) line, case-insensitively.
FURNITURE_LINE = re.compile(
    r"""^(?:
        (?:justerandes?|justerares)\s+(?:sign(?:atur(?:er)?)?\.?|initialer)   # signature box
        (?:\s+utdragsbestyrkande)?
      | utdragsbestyrkande(?:\s+justerandes?\s+sign(?:atur)?\.?)?
      | (?:forts(?:\.|ättning)?\s*(?:på\s+)?nästa\s+sida|forts\.)                # continued
      | (?:sida|sid\.?)\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|/)\s*\d{1,4})?   # Sida 3 (12)
      | \d{1,4}\s*\(\s*\d{1,4}\s*\)                                             # 3(36)
      | -\s*\d{1,4}\s*-                                                         # - 3 -
    )$""", re.IGNORECASE | re.VERBOSE)

# A page counter at the end of a header line ("Socialförvaltningen   Sida 1 (3)", "… Sida 1 av 4",
# "… Sida 1/4"); not after a comma, where it is a reference in prose ("se bilagan, sida 4 av 12").
TRAILING_PAGE_COUNTER = re.compile(r"(?i)(?<![\s,])[ \t]+(?:sida|sid\.?)\s*\d{1,4}\s*"
                                   r"(?:\(\s*\d{1,4}\s*\)|(?:av|/)\s*\d{1,4})[ \t]*$")

# First parts that keep their hyphen before a line break: ja-röster, nej-röst, e-post, it-stöd.
# (All-capital first parts, EU-medel, KS-beslut, are kept by rule.)
HYPHEN_PREFIXES = frozenset({
    "ja", "nej", "e", "it", "tv", "pr", "vd", "cd", "dvd", "sms", "gps", "hbtq", "hbtqi",
    "icke", "s", "m", "v", "c", "l", "kd", "mp", "sd", "fp", "x", "a", "b",
})

# Words after which a suspended compound's hyphen stands ("Barn- och utbildningsnämnden").
SUSPENDED_NEXT = frozenset({"och", "eller", "samt", "resp", "respektive", "som", "till", "&"})

# `1` read for `i`: only before words a number cannot precede. Determiners and pronouns:
I_NEXT_WORDS = frozenset({
    "en", "ett", "den", "det", "de", "dem", "detta", "denna", "dessa", "sin", "sitt", "sina",
    "min", "mitt", "mina", "vår", "vårt", "våra", "er", "ert", "era", "hans", "hennes", "deras",
    "samband", "enlighet", "form", "stället", "princip", "övrigt", "huvudsak", "dag", "år", "fråga",
    "stort", "första", "andra", "tid", "övrigt", "kommunen", "staden", "regionen", "länet",
    "syfte", "ärendet", "uppdrag", "nämnden", "linje", "takt", "närheten", "anslutning",
})
MONTHS = frozenset({
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "okt", "nov", "dec",
})
# Words before which a `1` is a number even between words ("kap", "nr", "§", "bilaga").
NUMBER_BEFORE = frozenset({"kap", "nr", "bilaga", "punkt", "sida", "kl", "den", "nummer", "avsnitt",
                           "paragraf", "steg", "fas", "etapp", "version", "klass", "årskurs"})

# `ar` without its ring is år after a number or a word that counts or names years
# ("19-29 ar", "per ar", "i ar", "varje ar") and before a year ("ar 2040"); elsewhere it is är.
YEAR_WORD = {"ar": "år", "ars": "års", "aret": "året", "arets": "årets"}
YEAR_BEFORE = frozenset({
    "per", "varje", "i", "ett", "detta", "samma", "nästa", "förra", "senaste", "hela", "två",
    "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "tolv", "femton", "tjugo", "några",
    "flera", "många", "under", "om", "efter", "innevarande", "kommande", "föregående", "vart",
    "del", "halvt", "första", "andra", "tredje", "sista", "till", "inom", "från",
})

# The label Dnr as a poor scan prints it ("Dor", "Onr", "Dnt") before a diary number.
DNR_MISREAD = __import__("re").compile(r"^(?:[DO0Q][nmorv][rtn]|Dn[rt]|D[nm]r)$")
# ... and as a word ("Dar" is där without its dots, "Dur"): only before what can be nothing but
# a diary number: a body code then a number with a separator ("Dar KS 2014/0159", "Dur
# TN-2019-1137"), or a year or a dotted class, a separator and three digits or more ("Dar
# 3.2-0100/2012"). Not a time, a decimal, a date or a season ("Där 18.30", "där 3.5 miljoner",
# "Där 2019-05-12", "där 2012/13").
DNR_MISREAD_WORD = __import__("re").compile(r"^D[au]r$")
# ... or after an item's § and number, at the start of a line ("§ 412 Dor of", "$ 131 Onr")
ITEM_NUMBER_BEFORE = __import__("re").compile(r"[ \t]*[§$S5][ \t]*\d{1,4}[a-z]?[ \t]+")
DNR_AFTER = __import__("re").compile(
    r"[ \t]+(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}(?:[ \t]+|[-/])(?:(?:19|20)\d\d|\d+(?:\.\d+)*)[-/]\d{2,}"
    r"|(?:(?:19|20)\d\d|\d+(?:\.\d+)+)[-/]\d{3,})")
DATE_AFTER = __import__("re").compile(r"[ \t]+\d{4}-\d\d-\d\d\b")

# Abbreviations and labels of minutes that a lexicon does not know and that must stay as written
# (a repairer once turned "Dnr" into "Dur").
PROTECTED = frozenset({
    "dnr", "diarienr", "nr", "kl", "ca", "st", "tfn", "tel", "resp", "inkl", "exkl", "ang",
    "enl", "jfr", "mfl", "sid", "tjg", "ers", "ordf", "sekr", "adj", "bil", "kap", "fr", "fro",
    "tom", "dvs", "osv", "etc", "pga", "mht", "bla", "tex", "vs", "org", "nr", "aa", "ej", "ev",
    "forts", "vot", "närv", "narv", "tjänstg", "tjanstg", "avst",
})

# "för att" is the commonest pair in minutes; before "att", these readings of för are för
# (an eng OCR of a poor scan prints "far", "fér", "f6r", "fdr").
FOR_BEFORE_ATT = frozenset({"for", "far", "fér", "f6r", "fdr", "f5r", "fr", "fir", "fer", "fär"})

# Headings inside an item, which may open two pages in a row by chance: never running heads.
ITEM_HEADINGS = frozenset({
    "beslut", "beslutsunderlag", "yrkanden", "yrkande", "ärendet", "ärendebeskrivning",
    "sammanfattning", "sammanfattning av ärendet", "bakgrund", "reservation", "reservationer",
    "propositionsordning", "beslutsgång", "omröstning", "votering", "särskilt yttrande",
    "särskilt uttalande", "protokollsanteckning", "jäv", "beslutet skickas till",
    "expedieras till", "förslag till beslut", "bedömning", "ekonomi", "upplysningar",
})

# Real words that a lost diacritic would make into others, kept before these words:
# "barn som far illa" (far, not får); "Val av justerare", "Val till styrelsen" (an election, in
# every protocol, not väl).
KEEP_BEFORE = {"far": frozenset({"illa"}), "fara": frozenset({"illa"}),
               "val": frozenset({"av", "till"})}

# Short, frequent words that OCR glues to a neighbour ("hurarbetet", "kommitin", "påden") or ties
# to it with a speck read as a hyphen ("att-yttra", "trafiken-på"). A glued token is split only
# where one side is one of these and the other a known word; single letters are left out (i-land,
# e-post, u-länder are real).
GLUE_WORDS = frozenset({
    "att", "och", "som", "för", "med", "till", "av", "på", "den", "det", "de", "dem", "har",
    "är", "en", "ett", "om", "in", "ut", "upp", "hur", "var", "vid", "från", "inte", "kan", "ska",
    "sig", "men", "eller", "samt", "under", "efter", "även", "också", "ej", "detta", "denna",
    "dessa", "sin", "sitt", "sina", "har", "hade", "blir", "bli", "vara", "där", "då", "så",
})

# Real words that a lost ö or ä turns into other real words; which one the page said shows in
# the neighbouring words (normalize/context.py). Municipal minutes say "bör" and "stöd" far more
# often than "bor" and "stod", but both are Swedish: the neighbours decide.
# bör before an infinitive ("bor vara", "bor inte beaktas"), after any of these adverbs:
MODAL_ADVERBS = frozenset({"inte", "också", "därför", "dock", "alltså", "även", "därmed",
                           "således", "nog", "kanske", "ej", "snarast", "särskilt", "enligt"})
# ... but bor where one lives: "bor hemma", "bor nära", "bor tillsammans"
BOR_NEXT_KEEP = frozenset({"hemma", "nära", "ensamma", "själva", "tillsammans", "borta", "inne",
                           "uppe", "nere", "ute", "där", "här", "kvar", "bra", "trångt"})
# stod (stood) after a subject or in "stod på/kvar"; stöd (support) elsewhere:
# "behöver stod", "ekonomiskt stod", "stod och hjälp", "stod till"
STOD_PREV_KEEP = frozenset({"det", "som", "han", "hon", "vi", "de", "jag", "ni", "den", "där",
                            "här", "då", "så", "man", "vilket", "vilken", "vilka", "detta",
                            "denna", "dessa", "nu", "redan", "ensam", "ensamma", "och", "alla"})
STOD_NEXT_KEEP = frozenset({"på", "pa", "kvar", "fast", "upp", "ut", "still", "emot", "bakom",
                            "framför", "inför", "inte", "det", "han", "hon", "de", "vi"})
# fortsätta (the verb) after a modal or att; fortsatta (continued) before a noun
VERB_BEFORE = frozenset({"att", "ska", "skall", "kan", "bör", "vill", "måste", "kunna", "får",
                         "behöver", "kommer", "avser", "avses", "inte", "kunde", "skulle"})
# åkt (a participle) after these; akt (the file: "till akt") elsewhere
PERFECT_AUXILIARIES = frozenset({"har", "hade", "ha", "hava", "haft", "hunnit"})
# ... and fortsatta after a determiner or a genitive
DETERMINERS = frozenset({"det", "den", "de", "ett", "en", "sitt", "sin", "sina", "vårt", "våra",
                         "vår", "deras", "hans", "hennes", "dess", "detta", "denna", "dessa",
                         "mitt", "min", "mina", "ert", "er", "era", "i", "för", "under", "inför"})


# The words a rare real word is taken for in a letter-damaged document (`alt` → att, `hut` → hur,
# `ted` → med, `com` → som): only the commonest function words. A content word one letter from
# another ("kaj", "bom", "tall", "bark", "akt") is as likely what the page said.
REAL_WORD_TARGETS = frozenset({"att", "som", "med", "och", "till", "det", "den", "för", "har",
                               "hade", "hur", "är", "men", "när", "om", "av", "på", "de", "vi",
                               "ett", "kan", "ska", "man", "vid", "så"})

# Words after which a noun comes: the word there is not a misread function word ("en bom").
# (not den/det/de: as pronouns they come before verbs, "det kan vara")
NOUN_BEFORE = frozenset({"en", "ett", "denna", "detta", "dessa", "min", "din", "sin", "vår", "er", "hans", "hennes", "deras", "varje", "någon",
                         "något", "några", "ingen", "inget", "inga", "samma", "nästa", "egen",
                         "eget", "egna"} | {"två", "tre", "fyra", "fem", "sex", "sju", "åtta",
                                              "nio", "tio"})

# A party's letters misread in the brackets after a member's name ("Jonas Attenius (5)", "Jörgen
# Fogelklou (5D)", "Marina Johansson (Vv)"): only right after a first name and a surname (not
# two words the lexicon knows, neither of them as a name: "Se Bilaga (5)"), where
# minutes write nothing but a party (an age or a count would not stand there), and only these
# shapes; a bracket OCR read as a 1 or l ("(S1", "(31") is left alone.
PARTY_MISREAD = re.compile(
    r"(?<![\w-])(?P<first>[A-ZÅÄÖ][a-zåäöéü]+)(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
    r"(?:\s+[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)??\s+(?P<last>[A-ZÅÄÖ][a-zåäöéü-]+)"
    r"\s*\((?P<party>5|\$|5D|5O|S0|SO|\$D|Vv|vV|M\s+P|K\s+D)\)")
PARTY_READ = {"5": "S", "$": "S", "5D": "SD", "5O": "SD", "S0": "SD", "SO": "SD", "$D": "SD",
              "Vv": "V", "vV": "V", "M P": "MP", "K D": "KD"}
