"""Swedish tables for the generated benchmark archive (data only; `generate_archive` uses them).

The words are the ones real municipal minutes use (../shared/CONVENTIONS.md): bodies with their
diary prefixes, parties, municipalities, case topics, the phrases of decisions, proposals,
votes and statements. The query mix of `make bench` is chosen from three tiers of words with
known frequencies: COMMON words occur in most records, TOPICS in one case in ~60, RARE place
names in a few dozen records each.
"""
from __future__ import annotations

# (municipality as written in a protocol heading)
MUNICIPALITIES = (
    "Stockholms stad", "Göteborgs stad", "Malmö stad", "Uppsala kommun", "Linköpings kommun",
    "Örebro kommun", "Västerås stad", "Helsingborgs stad", "Norrköpings kommun",
    "Jönköpings kommun", "Umeå kommun", "Lunds kommun", "Borås stad", "Huddinge kommun",
    "Eskilstuna kommun", "Gävle kommun", "Södertälje kommun", "Karlstads kommun",
    "Täby kommun", "Växjö kommun", "Halmstads kommun", "Sundsvalls kommun", "Luleå kommun",
    "Trollhättans stad", "Östersunds kommun", "Borlänge kommun", "Falu kommun",
    "Kalmar kommun", "Skövde kommun", "Kristianstads kommun", "Karlskrona kommun",
    "Skellefteå kommun", "Uddevalla kommun", "Varbergs kommun", "Österåkers kommun",
    "Nacka kommun", "Sollentuna kommun", "Järfälla kommun", "Botkyrka kommun",
    "Haninge kommun", "Kungsbacka kommun", "Piteå kommun", "Härnösands kommun",
    "Ystads kommun", "Ängelholms kommun", "Älmhults kommun", "Åre kommun", "Kiruna kommun",
)

# (body, diary prefix)
BODIES = (
    ("Kommunfullmäktige", "KF"), ("Kommunstyrelsen", "KS"),
    ("Kommunstyrelsens arbetsutskott", "KSAU"), ("Socialnämnden", "SN"),
    ("Barn- och utbildningsnämnden", "BUN"), ("Byggnadsnämnden", "BN"),
    ("Miljö- och hälsoskyddsnämnden", "MHN"), ("Kultur- och fritidsnämnden", "KFN"),
    ("Tekniska nämnden", "TN"), ("Äldrenämnden", "ÄN"), ("Gymnasienämnden", "GN"),
    ("Överförmyndarnämnden", "ÖFN"), ("Valnämnden", "VN"), ("Servicenämnden", "SEN"),
)

# Parties and their weight in a typical council; L was FP before 2015.
PARTIES = (("S", 30), ("M", 22), ("SD", 14), ("C", 8), ("V", 8), ("KD", 6), ("L", 6),
           ("MP", 6), ("SPI", 1), ("MED", 1))

FIRST_NAMES = (
    "Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Kristina", "Emma", "Ingrid", "Malin",
    "Sofia", "Elin", "Ida", "Johanna", "Ulla", "Birgitta", "Marie", "Helena", "Annika", "Linnea",
    "Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Mikael", "Peter", "Jan", "Magnus",
    "Nils", "Björn", "Stefan", "Fredrik", "Mats", "Jöran", "Omar", "Ahmed", "Ali", "Mehmet",
    "Aino", "Pekka", "Jussi", "Tuula", "Agneta", "Gunnar", "Åsa", "Örjan", "Ulf", "Göran",
)

SURNAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
    "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
    "Bengtsson", "Lindberg", "Lindström", "Lindqvist", "Lundgren", "Bergström", "Lundberg",
    "Åkerlund", "Öberg", "Ståhl", "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson",
    "Håkansson", "Falk", "Sund", "Lund", "Moberg", "Ahl", "Heikkinen", "Virtanen", "Öztürk",
    "Haddad", "Yilmaz", "Hussein", "Nyström", "Holmberg", "Forsberg", "Sandberg", "Åström",
    "Hedlund", "Berglund", "Strand", "Blom",
)

# Case topics: (title stem, topic noun used in running text). One per item; each tier-2 query
# word is one of these nouns, so it hits the records of ~1/len(TOPICS) of the items.
TOPICS = (
    ("Detaljplan för", "detaljplan"), ("Årsredovisning för", "årsredovisning"),
    ("Budget och verksamhetsplan för", "verksamhetsplan"), ("Motion om", "motion"),
    ("Medborgarförslag om", "medborgarförslag"), ("Delårsrapport för", "delårsrapport"),
    ("Sociala insatsgrupper i", "insatsgrupper"), ("Förskoleplatser i", "förskoleplatser"),
    ("Ombyggnad av äldreboende i", "äldreboende"), ("Upphandling av skolskjuts i", "skolskjuts"),
    ("Bygglov för flerbostadshus i", "bygglov"), ("Strandskyddsdispens vid", "strandskydd"),
    ("Tillsyn enligt miljöbalken i", "miljöbalken"), ("Taxa för vatten och avlopp i", "taxa"),
    ("Renovering av simhallen i", "simhallen"), ("Bidrag till föreningslivet i", "föreningsbidrag"),
    ("Trafiksäkerhet vid skolor i", "trafiksäkerhet"), ("Gång- och cykelväg i", "cykelväg"),
    ("Riktlinjer för ekonomiskt bistånd", "försörjningsstöd"),
    ("Placering av barn och unga", "familjehem"), ("Hemtjänst i", "hemtjänsten"),
    ("Bostadsanpassning i", "bostadsanpassning"), ("Markanvisning i", "markanvisning"),
    ("Översiktsplan för", "översiktsplan"), ("Kollektivtrafik i", "kollektivtrafiken"),
    ("Avfallsplan för", "avfallsplan"), ("Ny grundskola i", "grundskola"),
    ("Fritidsgårdar i", "fritidsgårdar"), ("Biblioteksplan för", "biblioteksplan"),
    ("Integrationsprogram för", "integration"), ("Krisberedskap i", "krisberedskap"),
    ("Internkontrollplan för", "internkontroll"), ("Revisionsrapport om", "revisionsrapport"),
    ("Val av ersättare i", "fyllnadsval"), ("Försäljning av fastighet i", "fastighetsförsäljning"),
    ("Energiplan för", "energiplan"), ("Laddinfrastruktur i", "laddstolpar"),
    ("Ungdomsmottagning i", "ungdomsmottagningen"), ("Lex Sarah-rapport från", "missförhållande"),
    ("Digitalisering av", "digitalisering"), ("Feriearbeten för ungdomar i", "feriearbeten"),
    ("Vägbelysning i", "vägbelysning"), ("Parkeringsnorm för", "parkeringsnorm"),
    ("Dagvattenhantering i", "dagvatten"), ("Kulturskolan i", "kulturskolan"),
    ("Arbetsmarknadsinsatser i", "arbetsmarknadsinsatser"), ("Lokalförsörjningsplan för", "lokalförsörjning"),
    ("Hyresavtal för", "hyresavtal"), ("Borgensåtagande för", "borgen"),
    ("Näringslivsstrategi för", "näringslivsstrategi"), ("Folkhälsoplan för", "folkhälsa"),
    ("Skolskjutsregler för", "skolskjutsregler"), ("Vindkraft i", "vindkraft"),
    ("Bredbandsutbyggnad i", "bredband"), ("Snöröjning i", "snöröjning"),
    ("Lekplatser i", "lekplatser"), ("Brandskydd i", "räddningstjänsten"),
    ("Tobakstillsyn i", "tobakstillsyn"), ("Serveringstillstånd i", "serveringstillstånd"),
    ("Kameraövervakning i", "kameraövervakning"),
)

# Places: the object of a title ("Detaljplan för Kvarnbacken") and tier-1 (rare) query words.
# Each is used in only a handful of items.
PLACES = (
    "Kvarnbacken", "Sjöängen", "Tallåsen", "Björkhagen", "Ekbacken", "Lindgården", "Hagalund",
    "Rosendal", "Norrmalm", "Södermalm", "Västerängen", "Östermyra", "Åkerby", "Ängsvik",
    "Granholmen", "Furuhöjden", "Sandviken", "Stenhagen", "Bergsjön", "Kärrtorp", "Mossen",
    "Lövsta", "Runby", "Skogsängen", "Ugglebo", "Vallby", "Gläntan", "Brunnsparken",
    "Tornberget", "Kyrkbacken", "Hamnområdet", "Stationsområdet", "Solbacka", "Fågelsången",
    "Ekeby", "Myrängen", "Tegelbruket", "Bruksgatan", "Storgatan", "Prästgården",
    "Kronoparken", "Råbyvägen", "Järnvägsgatan", "Nygård", "Fjällsätra", "Österby",
    "Västra hamnen", "Kvarnholmen", "Grönkulla", "Sörbyn", "Lillskogen", "Trädgårdsstaden",
    "Blåsut", "Älvsby", "Tjärnmyran", "Kalvholmen", "Kolbotten", "Harsyran", "Pilgatan",
    "Smedjebacken", "Garvaren", "Lerberget", "Tuvan", "Ripan", "Bäverdalen", "Lommaren",
    "Ystadsvägen", "Fyrudden", "Håtuna", "Snäckan", "Rödhaken", "Mörtsjön", "Kålgården",
    "Vinbäret", "Sälgen", "Hjortronet", "Torvmossen", "Klövern", "Sädesärlan", "Gräsanden",
)

# Tier 3 (common): the background language of every record. Sentences are built from these.
INTRO_SENTENCES = (
    "Förvaltningen har utrett ärendet och redovisar sitt förslag i tjänsteutlåtande.",
    "Ärendet har beretts av förvaltningen i samråd med berörda verksamheter.",
    "Kommunen har fått i uppdrag att se över verksamheten och återkomma med förslag.",
    "Nämnden har tidigare behandlat frågan och beslutade då att uppdra åt förvaltningen att utreda.",
    "Förvaltningen bedömer att förslaget ryms inom den ekonomiska ramen för innevarande år.",
    "Ärendet har remitterats till berörda nämnder och till de kommunala bolagen.",
    "Enligt kommunallagen ska fullmäktige besluta i ärenden av principiell beskaffenhet.",
    "Förvaltningen föreslår att nämnden godkänner förslaget och lägger informationen till handlingarna.",
    "Kostnaderna beräknas uppgå till {amount} kronor och finansieras inom befintlig budget.",
    "Verksamheten har under året haft {n} ärenden och handläggningstiden har minskat.",
    "Samråd har skett med de fackliga organisationerna enligt medbestämmandelagen.",
    "Barnkonsekvensanalys har genomförts och redovisas i beslutsunderlaget.",
    "Förslaget bedöms bidra till de kommunövergripande målen om hållbar utveckling.",
    "Kommunstyrelsen ska enligt reglementet ha uppsikt över nämndernas verksamhet.",
    "Förvaltningen har sammanställt synpunkter från medborgare och föreningar.",
    "Beslutsunderlaget består av tjänsteutlåtande daterat {date} med bilagor.",
)

DECISION_TEMPLATES = (
    "att godkänna förvaltningens förslag till {topic}",
    "att uppdra åt förvaltningen att återkomma med en redovisning av {topic}",
    "att anta {topic} för {place} i enlighet med förvaltningens förslag",
    "att avslå motionen om {topic}",
    "att anse medborgarförslaget om {topic} besvarat",
    "att lägga informationen om {topic} till handlingarna",
    "att återremittera ärendet om {topic} till förvaltningen för vidare beredning",
    "att bordlägga ärendet om {topic} till nästa sammanträde",
    "att bevilja ett bidrag om {amount} kronor till {topic}",
    "att förklara beslutet omedelbart justerat",
)

# (template, proposal type)
PROPOSAL_TEMPLATES = (
    ("{name} ({party}) yrkar bifall till förvaltningens förslag.", "bifall"),
    ("{name} ({party}) yrkar avslag på förslaget om {topic}.", "avslag"),
    ("{name} ({party}) yrkar återremiss av ärendet för att utreda {topic} vidare.", "aterremiss"),
    ("{name} ({party}) yrkar att ärendet bordläggs.", "bordlaggning"),
    ("{name} ({party}) yrkar bifall till förslaget med tillägget att {topic} ska följas upp.",
     "tillagg"),
)

STATEMENT_TEMPLATES = (
    ("reservation", "{name} ({party}) reserverar sig mot beslutet till förmån för eget yrkande."),
    ("reservation", "Ledamöterna i ({party})-gruppen reserverar sig mot beslutet om {topic}."),
    ("sarskilt_yttrande", "{name} ({party}) lämnar ett särskilt yttrande om {topic}."),
    ("sarskilt_uttalande", "{name} m.fl. ({party}) lämnar ett särskilt uttalande enligt följande."),
    ("protokollsanteckning", "{name} ({party}) lämnar följande protokollsanteckning om {topic}."),
)

VOTE_QUESTION = "Ja-röst för bifall till förvaltningens förslag, nej-röst för avslag."
