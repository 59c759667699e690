"""The Swedish protocol vocabulary in one place: headings, parties, roles, vote words, numbers, months.

Everything here is data. Headings and phrases are written *folded* (lower case, å/ä→a, ö→o,
é→e; see `extract.text.fold`) so that OCR text that lost its diacritics still matches.
Each table lists a family seen across municipalities (../shared/CONVENTIONS.md), not a closed set.
"""
from __future__ import annotations

from corpus import parties

# --- Parties -----------------------------------------------------------------------------------
# Abbreviations as written in minutes. FP (Folkpartiet) became L (Liberalerna) in 2015: we keep
# the written one and know the alias. Local parties are written as their own abbreviations.
PARTIES: dict[str, str] = {
    "S": "Socialdemokraterna", "M": "Moderaterna", "SD": "Sverigedemokraterna",
    "C": "Centerpartiet", "V": "Vänsterpartiet", "KD": "Kristdemokraterna",
    "L": "Liberalerna", "FP": "Folkpartiet", "MP": "Miljöpartiet", "FI": "Feministiskt initiativ",
    "ÖP": "Österåkerspartiet", "RP": "Roslagspartiet", "SPI": "Sveriges pensionärers intresseparti",
    "MED": "Medborgerlig samling", "KV": "Kommunens väl", "SJV": "Sjukvårdspartiet",
    "NYD": "Nyans", "PP": "Piratpartiet", "VÄP": "Västerviks partiet", "LPO": "Lokalpartiet",
}
PARTY_ALIASES: dict[str, str] = {"FP": "L", "L": "FP"}

# Party names in running text ("Socialdemokraterna reserverar sig") → abbreviation, folded.
PARTY_NAMES: dict[str, str] = {name.translate(str.maketrans("åäö", "aao")): code
                               for name, code in parties.PARTY_NAMES.items()}

# Shape of an abbreviation inside parentheses: (S), (MP), (ÖP). Two lower-case letters are
# allowed for local parties written like "BoM" is not a party, so keep upper case only.
PARTY_RE = r"[A-ZÅÄÖ]{1,3}[A-ZÅÄÖa-zåäö]{0,1}"
# Letters that are never a party even in parentheses ("(bilaga)", "(1)", "(PT)" is a title).
NOT_PARTIES = {"PT", "OJ", "AU", "KS", "KF", "SN", "BUN", "SOU", "SFS", "MKR", "KR", "ST", "NR",
               "SIG", "SKKP", "BBIC", "FOU", "IFO", "EU", "LSS", "LVU", "SOL", "PBL", "BAS", "DNR",
               "SAVRY", "TJG", "JA", "NEJ", "X"}

# --- Bodies (nämnder, styrelser) ---------------------------------------------------------------
# Folded form → canonical spelling. Unknown bodies are rebuilt from their last part
# (…nämnden, …styrelsen, …fullmäktige, …utskott) with the diacritics restored there.
BODIES: dict[str, str] = {
    "kommunfullmaktige": "Kommunfullmäktige", "kommunstyrelsen": "Kommunstyrelsen",
    "kommunstyrelsens arbetsutskott": "Kommunstyrelsens arbetsutskott",
    "socialnamnden": "Socialnämnden", "barn- och utbildningsnamnden": "Barn- och utbildningsnämnden",
    "utbildningsnamnden": "Utbildningsnämnden", "byggnadsnamnden": "Byggnadsnämnden",
    "miljo- och byggnamnden": "Miljö- och byggnämnden", "miljonamnden": "Miljönämnden",
    "miljo- och halsoskyddsnamnden": "Miljö- och hälsoskyddsnämnden",
    "tekniska namnden": "Tekniska nämnden", "kultur- och fritidsnamnden": "Kultur- och fritidsnämnden",
    "kulturnamnden": "Kulturnämnden", "fritidsnamnden": "Fritidsnämnden",
    "aldrenamnden": "Äldrenämnden", "vard- och omsorgsnamnden": "Vård- och omsorgsnämnden",
    "omsorgsnamnden": "Omsorgsnämnden", "stadsbyggnadsnamnden": "Stadsbyggnadsnämnden",
    "samhallsbyggnadsnamnden": "Samhällsbyggnadsnämnden", "gymnasienamnden": "Gymnasienämnden",
    "arbetsmarknadsnamnden": "Arbetsmarknadsnämnden", "valnamnden": "Valnämnden",
    "overformyndarnamnden": "Överförmyndarnämnden", "servicenamnden": "Servicenämnden",
    "grundskolenamnden": "Grundskolenämnden", "forskolenamnden": "Förskolenämnden",
    "krisledningsnamnden": "Krisledningsnämnden", "regionstyrelsen": "Regionstyrelsen",
    "regionfullmaktige": "Regionfullmäktige", "stadsdelsnamnden": "Stadsdelsnämnden",
    "bygg- och miljonamnden": "Bygg- och miljönämnden", "idrottsnamnden": "Idrottsnämnden",
    "trafiknamnden": "Trafiknämnden", "kommunstyrelsens personalutskott": "Kommunstyrelsens personalutskott",
}
# Prefixes of paragraph numbers and diary numbers ("SN § 3:11", "KS 2014/0159") → body.
BODY_PREFIXES: dict[str, str] = {
    "KF": "Kommunfullmäktige", "KS": "Kommunstyrelsen", "KSAU": "Kommunstyrelsens arbetsutskott",
    "SN": "Socialnämnden", "BUN": "Barn- och utbildningsnämnden", "BN": "Byggnadsnämnden",
    "UN": "Utbildningsnämnden", "MBN": "Miljö- och byggnämnden", "TN": "Tekniska nämnden",
    "KFN": "Kultur- och fritidsnämnden", "VON": "Vård- och omsorgsnämnden", "ÄN": "Äldrenämnden",
    "SBN": "Samhällsbyggnadsnämnden", "GN": "Gymnasienämnden", "BoM": "Bygg- och miljönämnden",
}
# Endings that make a word a political body (folded, OCR-tolerant: "nimnden", "ndmnden").
BODY_ENDINGS = r"(?:n[a-z]{1,2}mnd(?:en)?|n[a-z]mnden|styrelsen|fullm[a-z]ktige|utskott(?:et)?)"

# --- Document types ----------------------------------------------------------------------------
TJ_HEADINGS = ("tjansteutlatande", "tjansteskrivelse", "beslutsunderlag", "missiv",
               "tjanstemannayttrande", "arendebeskrivning")
EXTRACT_HEADINGS = ("utdrag ur protokoll", "utdrag ur sammantradesprotokoll", "protokollsutdrag",
                    "utdrag ur protokollet", "utdrag ur", "protokollsutdrag fran")
PROTOCOL_HEADINGS = ("sammantradesprotokoll", "protokoll", "kommunfullmaktiges protokoll",
                     "omedelbart justerad paragraf")
VOTELIST_HEADINGS = ("voteringslista", "omrostningsbilaga", "voteringsbilaga", "omrostningslista",
                     "omrostningsprotokoll", "voteringsprotokoll", "bilaga omrostning")
REPORT_HEADINGS = ("rapport", "utredning", "revisionsrapport", "forstudie")
AGENDA_HEADINGS = ("kallelse", "foredragningslista", "dagordning")
TOC_HEADINGS = ("arendelista", "innehallsforteckning", "innehall", "arenden", "paragrafer",
                "foredragningslista", "dagordning")

# --- Section headings inside an item (folded) --------------------------------------------------
# kind → headings. "beslut" is the body's decision; "forslag" a proposed decision (a proposal in
# a protocol, the decision of a tjänsteutlåtande).
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "beslut": ("beslut", "namndens beslut", "styrelsens beslut", "kommunstyrelsens beslut",
               "kommunfullmaktiges beslut", "beslut i korthet", "utskottets beslut",
               "arbetsutskottets beslut", "fullmaktiges beslut", "beslutet", "beslutar",
               "kommunstyrelsens forslag till kommunfullmaktige",
               "kommunstyrelsens forslag till kommunfullmaktiges beslut"),
    "forslag": ("forslag till beslut", "beslutsforslag", "forvaltningens forslag till beslut",
                "forvaltningens forslag", "arbetsutskottets forslag", "forslag till beslut i korthet",
                "kontorets forslag till beslut", "forvaltningens beslutsforslag",
                "forslag till kommunfullmaktige", "utskottets forslag", "ordforandens forslag",
                "forslag till namnden"),
    "arende": ("sammanfattning", "sammanfattning av arendet", "arendet", "arendebeskrivning",
               "bakgrund", "beskrivning av arendet", "arendets beredning", "arende", "ekonomi",
               "forvaltningens synpunkter", "forvaltningens synpunkter och forslag",
               "forvaltningens bedomning", "bedomning", "overvaganden", "tidigare beredning",
               "tidigare beredning och beslutsunderlag", "forvaltningens slutsatser", "bilagor",
               "bilaga", "konsekvenser", "yttrande", "motionen", "remissvar", "analys",
               "skal for beslutet", "motivering", "beslutsmotivering", "upplysningar", "lagstod",
               "hur man overklagar", "overklagande", "ekonomiska konsekvenser", "finansiering",
               "barnperspektiv", "barnkonsekvensanalys", "jamstalldhetsanalys", "samverkan",
               "uppfoljning", "forvaltningens utredning", "utredning", "remissinstanser",
               "arendets handlingar", "tidigare behandling", "ekonomi och finansiering",
               "forvaltningens kommentarer", "kontorets kommentarer", "synpunkter"),
    "underlag": ("beslutsunderlag", "handlingar", "underlag"),
    "yrkanden": ("yrkanden", "yrkande", "yrkanden och beslutsgang", "forslag och yrkanden",
                 # proposals made at the meeting, as Stockholm and others head them
                 "forslag till beslut pa sammantradet", "forslag pa sammantradet",
                 "yrkanden pa sammantradet", "yrkanden under sammantradet", "yrkande pa sammantradet"),
    "beslutsgang": ("propositionsordning", "beslutsgang", "proposition", "beslutsordning",
                    "forslag till beslutsordning", "propositionsordning och beslut",
                    "ordforandens proposition"),
    "votering": ("omrostning", "votering", "omrostningsresultat", "voteringsresultat",
                 "omrostningar"),
    "reservation": ("reservation", "reservationer", "skriftlig reservation", "reservation (bilaga)"),
    "sarskilt_yttrande": ("sarskilt yttrande", "sarskilda yttranden", "sarskilt yttrande (bilaga)",
                          "ersattaryttrande", "ersattaryttranden", "yttrande fran ersattare"),
    "sarskilt_uttalande": ("sarskilt uttalande", "sarskilda uttalanden"),
    "protokollsanteckning": ("protokollsanteckning", "protokollsanteckningar",
                             "anteckning till protokollet", "anteckning"),
    "jav": ("jav", "anmalan om jav", "jav anmals"),
    "expediering": ("beslutet skickas till", "expedieras till", "expedieras", "expedierat", "beslutet ska skickas till",
                    "expediering", "beslutet expedieras till", "sand till", "utdrag till",
                    "for kannedom", "beslutet delges", "skickas till"),
    "slut": ("vid protokollet", "justerandes signatur", "justerandes sign", "utdragsbestyrkande",
             "underskrifter", "forts. nasta sida", "forts nasta sida"),
}
STATEMENT_SECTIONS = ("reservation", "sarskilt_yttrande", "sarskilt_uttalande", "protokollsanteckning")

# Running-text openings that start a decision section in a protocol ("Kommunstyrelsen beslutar",
# "Socialnämnden föreslår kommunfullmäktige besluta", "… beslutar för egen del").
DECISION_LEAD_RE = (r"^(?:(?:\w[\w\- ]{0,40}?)?(?:namnden|namndens|styrelsen|styrelsens|fullmaktige|"
                    r"utskottet|namnd|nämnd)\s+)"
                    r"(?:beslutar(?: for egen del)?|foreslar .{0,80}?besluta|"
                    r"beslutar .{0,40}?for egen del|foreslar .{0,60}? att besluta)"
                    r"(?:\s+(?:att|enligt foljande|foljande))?\s*[:.]?\s*$")
# The same opening with the decision in the same sentence ("Kommunstyrelsen föreslår
# kommunfullmäktige besluta att godkänna årsredovisningen.").
# "Nämnden beslutar i enlighet med förvaltningens förslag" is a decision too; a chair who "finner
# att nämnden beslutar enligt …" reports the outcome of a proposition, not the decision's text.
DECISION_SENTENCE_RE = (r"^(?!.*\b(?:finner|fann|proposition|yrkar|yrkade)\b)"
                        r"(?:(?:\w[\w\- ]{0,40}?)?(?:namnden|styrelsen|fullmaktige|utskottet)\s+)"
                        r"(?:beslutar|foreslar .{0,80}?besluta)\s+"
                        r"(?:att\s+\S.{3,}|(?:i enlighet med|enligt) (?:\w+ ){0,3}?\w*(?:forslag|yrkande)\w*\.?)$")

# Sentences that put a question and find an outcome: not a proposal of their own.
PROPOSITION_WORDS = ("staller proposition", "stallde proposition", "fann att", "stallde forslagen",
                     "staller forslagen", "stalldes proposition", "votering begars", "omrostning begars", "ja-rost for", "stalle proposition", "fragar om", "finner att",
                     "stalls proposition", "propositionsordning", "godkanner propositionsordningen",
                     "beslutsordning")

# --- Proposals --------------------------------------------------------------------------------
# Besides the verbs, a yrkande can be "put forward" ("framför ett ändringsyrkande", "lägger ett
# tilläggsyrkande") or joined ("ställer sig bakom X:s yrkande", "biträder", "ansluter sig till").
PROPOSAL_VERBS = (r"(?:yrkar|yrkade|foreslar|foreslog|tillstyrker|instammer|instamde|"
                  r"(?:framfor|framforde|framstaller|framstallde|lagger|lade|lamnar|lamnade|staller|stallde)"
                  r"(?= (?:ett |en |sitt |foljande |fram ett |fram en )?\w*yrkande)|"
                  r"(?:staller|stallde) sig bakom|(?:ansluter|anslot) sig till|bitrader|bitradde)")
# Folded phrases → proposal type, first match wins (order matters: "bifall till X:s
# tilläggsyrkande" is a tillägg only when the verb itself is a tillägg).
PROPOSAL_TYPES: tuple[tuple[str, str], ...] = (
    (r"aterremi", "aterremiss"),
    (r"bordl[a-z]gg|bordlag", "bordlaggning"),
    (r"tillaggs?-?yrkande|tillagg(?:s)?forslag|yrkar dessutom|yrkar vidare|yrkar ocksa|tillagg", "tillagg"),
    (r"andringsyrkande|andringsforslag|yrkar att .{0,40}andras|andring", "andring"),
    (r"avslag|avsla\b|avslas|avslaende", "avslag"),
    (r"bifall|tillstyrker|instammer|instamde|enligt (?:forvaltningens|arbetsutskottets|"
     r"kommunstyrelsens|ordforandens|utskottets|namndens)|i enlighet med", "bifall"),
)

# --- Votes ------------------------------------------------------------------------------------
NUMBER_WORDS: dict[str, int] = {
    "noll": 0, "ingen": 0, "inga": 0, "en": 1, "ett": 1, "tva": 2, "tre": 3, "fyra": 4, "fem": 5,
    "sex": 6, "sju": 7, "atta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13,
    "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18,
    "nitton": 19, "tjugo": 20,
}
TENS_WORDS: dict[str, int] = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50,
                              "sextio": 60, "sjuttio": 70, "attio": 80, "nittio": 90}
VOTE_REQUEST = (r"(?:votering|omrostning)(?:en)?\s+(?:begars|begardes|verkstalls|genomfors|"
                r"genomfordes|har begarts|ska genomforas|utfaller|utfoll)|"
                r"omrostningsresultat|voteringsresultat|(?:begar|begarde) (?:votering|omrostning)|"
                r"foljande omrostningsordning|foljande voteringsordning|lika rostetal")
# Ballot column headers and marks.
YES_WORDS = ("ja", "ja-rost", "ja-roster", "jaroster", "ja rost")
NO_WORDS = ("nej", "nej-rost", "nej-roster", "nejroster", "nej rost")
ABSTAIN_WORDS = ("avstar", "avst", "avst.", "avstod", "avstaende", "avstar fran att rosta",
                 "nedlagd", "nedlagda")
BALLOT_MARKS = ("x", "✓", "✔", "√", "1", "v", "☒", "●", "*")
VOTE_WORD_TO_BALLOT = {"ja": "ja", "nej": "nej", "avstar": "avstår", "avst": "avstår",
                       "avstod": "avstår", "avstaende": "avstår", "nedlagd": "avstår"}

# --- Statements -------------------------------------------------------------------------------
# Folded phrases in running text → statement kind.
STATEMENT_PHRASES: tuple[tuple[str, str], ...] = (
    (r"reserverar sig|reserverade sig|reservation|reserverar oss", "reservation"),
    (r"sarskil(?:t|da) yttrande|sarskilt yttrande", "sarskilt_yttrande"),
    (r"sarskil(?:t|da) uttalande", "sarskilt_uttalande"),
    (r"protokollsanteckning|antecknar till protokollet|antecknas till protokollet|"
     r"anteckning till protokollet|far foljande antecknat", "protokollsanteckning"),
)
JAV_RE = (r"jav\b|javig|deltar inte i (?:handlaggningen|beslutet|behandlingen)|"
          r"deltar ej i (?:handlaggningen|beslutet|behandlingen)|lamnar lokalen")

# --- Persons and roles --------------------------------------------------------------------------
# Folded role words (before or after a name) → contract role.
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    (r"tjanstgorande ersattare|tjg\.? ersattare|tjanstgorande ersattaren|tjg", "tjanstgorande_ersattare"),
    (r"(?:1:e|2:e|3:e|forste|forsta|andre|andra|tredje)?\s*vice ordf(?:orande|oranden|\.)?|"
     r"(?:1:e|2:e|3:e)\s*v\.?\s*ordf\.?|vice ordf", "vice_ordforande"),
    (r"ordforande|ordforanden|ordf\.?", "ordforande"),
    (r"ledamot|ledamoten|ledamoterna", "ledamot"),
    (r"ersattare|ersattaren", "ersattare"),
    (r"sekreterare|sekreteraren|namndsekreterare|kommunsekreterare", "sekreterare"),
    (r"justerare|justerande", "justerare"),
)
# Capitalised words that start sentences or name roles, never part of a person's name.
NAME_STOPWORDS = {
    "ordföranden", "ordförande", "vice", "ledamoten", "ledamöterna", "ledamot", "tjänstgörande",
    "ersättaren", "ersättare", "och", "samt", "även", "också", "därefter", "sedan", "mot", "för",
    "med", "av", "att", "som", "de", "den", "det", "på", "i", "till", "från", "beslutet",
    "kommunalrådet", "oppositionsrådet", "nämndens", "nämnden", "ordf", "ordf.", "gruppledaren",
    "ledamöter", "följande", "reservation", "yrkande", "yrkanden", "jäv", "votering",
    "omröstning", "ja", "nej", "avstår", "förste", "andre", "1:e", "2:e", "3:e", "sekreterare",
    "justerare", "tjänsteman", "ordföranden,", "ersättarna", "kommunstyrelsens", "kommunstyrelsen",
    "socialnämnden", "särskilt", "uttalande", "yttrande", "protokollsanteckning", "motionären",
    "förvaltningschef", "kommundirektör", "sakkunnig", "handläggare", "ordinarie", "närvarande",
    "beslutande", "övriga", "dessutom", "vidare", "slutligen", "alltså", "således", "här",
    "when", "ordföranden", "vice ordföranden", "tjänstgörande ersättaren", "forts", "forts.",
    "ja-röst", "nej-röst", "röstar", "röstade", "ja-röster", "nej-röster",
}
NAME_PARTICLES = {"von", "af", "de", "van", "der", "den", "la", "le", "el", "al", "bin", "di", "da"}
# How Swedish surnames end (folded, and "-én"/"-ér" as written): patronymics and the ornamental elements of the naming
# reforms (Ström, Holm, Lund, Berg, …). None of them ends in s, so a surname that ends in one of
# them plus s ("Ströms", "Holmqvists", "Karlssons") is a genitive; a name that ends in s of its own
# ("Fors", "Ahlfors", "Celsius", "Williams") does not end in any of them once the s is cut.
SURNAME_ENDINGS = (
    "son", "sen", "strom", "holm", "lund", "berg", "borg", "gren", "qvist", "kvist", "quist",
    "dahl", "dal", "stedt", "stad", "blad", "blom", "bom", "back", "beck", "lind", "lof", "lov",
    "man", "mark", "sten", "stam", "strand", "gard", "vall", "wall", "hammar", "skog", "ek",
    "ling", "lin", "hed", "sjo", "by", "ner", "ander", "ell", "nen", "én", "ér",
)

# --- Meeting header labels (folded) ------------------------------------------------------------
HEADER_LABELS: dict[str, tuple[str, ...]] = {
    "meeting_date": ("sammantradesdatum", "sammantradesdag", "datum for sammantradet",
                     "sammantradets datum", "motesdatum", "datum for sammantrade"),
    "place": ("plats och tid", "plats", "lokal", "motesplats", "sammantradesplats",
              "plats och tid for sammantradet"),
    "justering": ("justeringens plats och tid", "justerat", "justerad", "justeringsdatum",
                  "protokollet justerat", "datum for justering", "justering", "justerades",
                  "justeringsdag", "protokollet justeras", "justeras", "justerat den",
                  "justeringens tid och plats", "tid och plats for justering", "dag for justering",
                  "datum for justeringen"),
    "anslag": ("datum da anslaget sattes upp", "datum da anslaget satts upp",
               "datum for anslags uppsattande", "anslaget uppsatt", "anslaget sattes upp",
               "anslaget satts upp", "anslag uppsatt", "datum for anslaget",
               "datum for anslags publicering", "anslagsdatum", "anslaget publicerat",
               "publicerat", "tillkannagivandet publicerat", "datum for uppsattande",
               "anslaget publicerades", "protokollet anslaget", "datum for anslag",
               "anslaget uppsatt under tiden", "anslagstid", "datum for publicering",
               "datum for tillkannagivande", "tillkannagivande om justering",
               "tillkannagivande av justering", "datum for tillkannagivande av justering"),
    "anslag_ned": ("datum da anslaget tas ned", "datum for anslags nedtagande", "anslaget tas ned",
                   "datum da anslaget tas bort", "anslaget nedtas", "datum for nedtagande",
                   "datum for anslags nedtagande", "anslaget tas bort"),
    "appeal": ("sista dag for overklagande", "sista dag att overklaga", "overklagandetiden utgar",
               "sista dag for overklagan", "overklagningstiden gar ut", "overklagandetid till och med",
               "overklagandetiden loper ut"),
    "organ": ("organ", "beslutande organ", "instans"),
}
ATTENDANCE_LABELS: dict[str, str] = {
    "beslutande": "ledamot", "beslutande ledamoter": "ledamot", "narvarande ledamoter": "ledamot",
    "ledamoter": "ledamot", "narvarande": "ledamot", "beslutande ledamoter och tjanstgorande ersattare": "ledamot",
    "tjanstgorande ersattare": "tjanstgorande_ersattare",
    "ersattare": "ersattare", "ej tjanstgorande ersattare": "ersattare",
    "narvarande ersattare": "ersattare", "ovriga ersattare": "ersattare",
    "ovriga narvarande": "ovrig", "ovriga deltagande": "ovrig", "ovriga": "ovrig",
    "dessutom narvarande": "ovrig", "narvarande tjanstemän": "tjansteman",
    "narvarande ledamoter och ersattare": "ledamot", "ledamoter och ersattare": "ledamot",
    "tjanstemän": "tjansteman", "tjanstemannen": "tjansteman", "tjansteman": "tjansteman",
    "narvarande tjansteman": "tjansteman", "ovriga narvarande tjansteman": "tjansteman",
    "utses att justera": "justerare", "justerare": "justerare", "justerande": "justerare",
    "sekreterare": "sekreterare", "ordforande": "ordforande",
}

# --- Dates ------------------------------------------------------------------------------------
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "mars": 3, "mar": 3, "april": 4,
    "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

# --- Diary numbers ----------------------------------------------------------------------------
# "Dur": OCR's reading of "Dnr".
DNR_LABELS = (r"(?:dnr|dur|diarienummer|diarienr|diarie ?nr|[aä]rendenr|[aä]rendenummer|v[aå]r beteckning|"
              r"beteckning|d\.nr|dnr\.)")
# Upper-case prefixes that look like a body's diary prefix but are citations.
# Statutes cited by abbreviation before a paragraph sign ("LSS 9 §", "SoL 4 §"): no body's prefix
# before an item number (upper case).
STATUTES = {"LSS", "PBL", "KL", "FL", "OSL", "LVU", "LVM", "LOU", "LUF", "MB", "RF", "TF", "YGL", "HSL",
            "AML", "SOL", "FVL", "ÄB", "JB", "LAS", "SL", "LOA", "BL", "TL", "LAGEN", "KAP"}
DNR_NOT_PREFIXES = {"SOU", "SFS", "PROP", "DS", "DIR", "EU", "EG", "KAP", "NR", "SKR", "BET",
                    "RIR", "HFD", "RÅ", "NJA", "MÖD", "AD", "MD", "SIDA", "ÅR", "KL", "TEL",
                    "ISBN", "ISSN", "MKR", "TKR", "KR", "ST", "BILAGA", "AVSNITT", "PUNKT",
                    "ISO", "SS", "SIS", "EN", "IEC", "CEN",         # standards ("SS-EN 2019-…")
                    # författningssamlingar ("SOSFS 2014:5"), regulations not cases
                    "SOSFS", "AFS", "BFS", "MSBFS", "SKOLFS", "KIFS", "LIVSFS", "TSFS", "NFS", "SJVFS",
                    "FFFS", "STAFS", "ELSÄK"}
