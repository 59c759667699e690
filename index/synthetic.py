"""A generator of realistic synthetic archives: Swedish municipal protocols with items,
decisions, proposals, votes with ballots and statements, over parties, bodies,
municipalities and the years 2000–2025. Deterministic for a seed; used by the benchmark
(benchmarks/) and by performance checks of the index.

`generate_documents(n_entries)` yields `corpus.models.Document`s until about `n_entries`
index entries (items, decisions, proposals, votes, statements) have been produced.
"""
from __future__ import annotations

import bisect
import hashlib
import random
from typing import Iterator

from corpus.entries import entries_for
from corpus.models import (Ballot, Decision, Document, Entry, Extraction, Item, Page, Part,
                           Person, Proposal, RepairedPage, Statement, Vote)

GENERATOR_VERSION = 1

MUNICIPALITIES = ["Stockholms stad", "Österåker", "Göteborg", "Malmö", "Uppsala", "Umeå",
                  "Linköping", "Örebro", "Västerås", "Luleå", "Gävle", "Södertälje",
                  "Norrtälje", "Härnösand", "Kiruna", "Ystad", "Växjö", "Jönköping"]
BODIES = [("Kommunstyrelsen", "KS"), ("Kommunfullmäktige", "KF"), ("Socialnämnden", "SN"),
          ("Barn- och utbildningsnämnden", "BUN"), ("Byggnadsnämnden", "BN"),
          ("Kultur- och fritidsnämnden", "KFN"), ("Miljö- och hälsoskyddsnämnden", "MHN"),
          ("Tekniska nämnden", "TN"), ("Äldrenämnden", "ÄN"), ("Arbetsutskottet", "AU")]
PARTIES_BEFORE_2015 = ["S", "M", "SD", "C", "V", "KD", "FP", "MP"]
PARTIES_FROM_2015 = ["S", "M", "SD", "C", "V", "KD", "L", "MP"]
FIRST = ["Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Per", "Sara", "Omar",
         "Jöran", "Åsa", "Björn", "Ewa", "Jonas", "Stina", "Leila", "Mikael", "Ingrid",
         "Kjell", "Ann-Katrin", "Göran", "Ulla", "Håkan", "Fatima", "Pekka", "Aino"]
LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Ståhl",
        "Åslund", "Öztürk", "Heikkinen", "Bengtsson", "Samuelsson", "Eklund", "Nylander",
        "König", "Lindqvist", "Sjöberg", "Haddad", "Falk", "Sund", "Moberg", "Åkerlund",
        "Lund", "Berg", "Holm", "Wikström", "Ekström", "Söderberg", "Hedlund", "Björk"]
# Topic words, roughly from common to rare (a Zipf draw over this list makes some terms
# occur in most records and others in a handful).
TOPICS = """
förslag beslut ärende yrkande budget verksamhet kommun nämnd förvaltning uppdrag skola
förskola äldreomsorg socialtjänst bostäder detaljplan trafik parkering fritidsgård bibliotek
insatsgrupp ungdomar missbruk hemtjänst boende lokaler investering upphandling avtal motion
medborgarförslag interpellation revision årsredovisning delårsrapport taxa avgift bygglov
strandskydd naturreservat cykelväg kollektivtrafik vatten avlopp renhållning återvinning
energi klimat miljö folkhälsa integration arbetsmarknad näringsliv turism kultur idrott
simhall ishall konsthall museum musikskola gymnasium vuxenutbildning särskola elevhälsa
skolskjuts matsal kök städning fastighet markanvisning exploatering gatubelysning snöröjning
krisberedskap brandskydd räddningstjänst säkerhet trygghet kameraövervakning ordningsvakt
föreningsbidrag hyresgäst hemlöshet försörjningsstöd ekonomiskt bistånd familjehem
ensamkommande flyktingmottagning tolkservice språkcafé mötesplats seniorer demens
korttidsboende personlig assistans ledsagning färdtjänst tillgänglighet digitalisering
e-tjänst bredband personalpolitik lönekartläggning arbetsmiljö sjukfrånvaro rekrytering
""".split()
VERBS = ["att godkänna", "att avslå", "att uppdra åt förvaltningen att utreda",
         "att återremittera", "att bordlägga", "att anse motionen besvarad",
         "att lägga informationen till handlingarna", "att anta", "att fastställa",
         "att bevilja", "att överlämna", "att anvisa medel för"]
FILLER = ("förvaltningen redovisar i tjänsteutlåtandet hur arbetet har bedrivits under året "
          "och vilka resultat som har uppnåtts samt vilka kostnader som uppstått för "
          "nämnden när det gäller").split()
STATEMENT_KINDS = ["reservation", "sarskilt_yttrande", "sarskilt_uttalande",
                   "protokollsanteckning"]


_ZIPF_CUM: dict[int, list[float]] = {}


def _zipf(rng: random.Random, items: list, s: float = 1.0):
    # A Zipf law over the list order (weight 1/rank^s), cumulative weights cached per length.
    cum = _ZIPF_CUM.get(len(items))
    if cum is None:
        total, cum = 0.0, []
        for rank in range(1, len(items) + 1):
            total += 1.0 / rank ** s
            cum.append(total)
        _ZIPF_CUM[len(items)] = cum
    return items[bisect.bisect_left(cum, rng.random() * cum[-1])]


def _topic(rng: random.Random) -> str:
    a = _zipf(rng, TOPICS)
    if rng.random() < 0.15:       # compounds: insatsgruppsärenden, budgetförslaget
        b = _zipf(rng, TOPICS)
        a = a + ("s" if rng.random() < 0.5 else "") + b
    return a


def _inflect(rng: random.Random, w: str) -> str:
    return w + rng.choice(["", "", "", "en", "et", "er", "erna", "ar", "arna", "s"])


def _sentence(rng: random.Random, n: int) -> str:
    words = []
    for _ in range(n):
        words.append(_inflect(rng, _topic(rng)) if rng.random() < 0.3
                     else rng.choice(FILLER))
    return " ".join(words).capitalize() + "."


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _item(rng: random.Random, par: int, year: int, prefix: str, parties: list[str]) -> Item:
    topic = _topic(rng)
    dnr = [f"{prefix} {year}/{rng.randint(1, 999):04d}"] if rng.random() < 0.8 else \
        [f"{rng.randint(1, 9)}.{rng.randint(1, 9)}-{rng.randint(1, 999):04d}/{year}"]
    title = rng.choice(["Motion om", "Förslag till", "Yttrande över", "Uppföljning av",
                        "Information om", "Medborgarförslag om", "Revidering av"]) + \
        f" {_inflect(rng, topic)} i " + \
        rng.choice(["centrum", "kommunen", "Skärgården", "Norrort", "stadsdelen"])
    text = " ".join(_sentence(rng, rng.randint(8, 22)) for _ in range(rng.randint(2, 7)))
    decisions = [Decision(f"{rng.choice(VERBS)} {_inflect(rng, _topic(rng))} "
                          f"{_sentence(rng, rng.randint(3, 8))}")
                 for _ in range(rng.randint(1, 3))]
    proposals = []
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        p = rng.choice(parties)
        name = _name(rng)
        what = rng.choice(["bifall", "avslag", "återremiss"])
        proposals.append(Proposal(name, p,
                                  f"yrkar {what} till {_sentence(rng, rng.randint(3, 9))}",
                                  type=rng.choice(["bifall", "avslag", "aterremiss"])))
    votes = []
    if proposals and rng.random() < 0.3:
        ballots = [Ballot(_name(rng), rng.choice(parties), rng.choice(["ja", "nej", "avstår"]))
                   for _ in range(rng.choice([7, 9, 11, 13]))]
        yes = sum(b.vote == "ja" for b in ballots)
        no = sum(b.vote == "nej" for b in ballots)
        votes.append(Vote(yes, no, len(ballots) - yes - no, ballots,
                          question="Ja för bifall till förvaltningens förslag, nej för avslag",
                          outcome=rng.choice(["bifall", "avslag"]), counts_agree=True))
    statements = []
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2])):
        ps = rng.sample(parties, rng.choice([1, 1, 2, 3]))
        statements.append(Statement(rng.choice(STATEMENT_KINDS), [_name(rng) for _ in ps], ps,
                                    _sentence(rng, rng.randint(10, 30))))
    return Item(str(par), title, dnr, text, decisions, proposals, votes, statements,
                outcome=rng.choice(["bifall", "avslag", "aterremiss", "bordlagd", "besvarad",
                                    "noterad", None]))


def generate_documents(n_entries: int = 100_000, seed: int = 1) -> Iterator[Document]:
    """Documents until about `n_entries` entries exist (the last document completes)."""
    rng = random.Random(seed)
    produced = 0
    k = 0
    while produced < n_entries:
        k += 1
        year = rng.randint(2000, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        body, prefix = rng.choice(BODIES)
        muni = rng.choice(MUNICIPALITIES)
        parties = PARTIES_BEFORE_2015 if year < 2015 else PARTIES_FROM_2015
        doc_type = rng.choice(["protokoll", "protokoll", "protokollsutdrag", "tjansteutlatande"])
        first = rng.randint(1, 200)
        n_items = 1 if doc_type != "protokoll" else rng.randint(4, 14)
        items = [_item(rng, first + i, year, prefix, parties) for i in range(n_items)]
        if doc_type == "tjansteutlatande":
            for it in items:
                it.paragraph = ""
        doc_id = hashlib.sha256(f"synthetic-{seed}-{k}".encode()).hexdigest()
        text = "\n\n".join(f"§ {it.paragraph} {it.title}\n{it.text}" for it in items)
        ex = Extraction(doc_type=doc_type, municipality=muni, body=body, meeting_date=date,
                        date=date, dnr=sorted({d for it in items for d in it.dnr}),
                        attendance=[Person(_name(rng), rng.choice(parties), "ledamot")
                                    for _ in range(9)],
                        items=items, parts=[Part(doc_type, None, body, date,
                                                 sorted({d for it in items for d in it.dnr}))])
        doc = Document(doc_id, f"synthetic/{k:06d}.txt", [Page(1, "text", text)],
                       [RepairedPage(1, text)], ex, pipeline_version=0, size=len(text))
        produced += len(entries_for(doc))
        yield doc


def generate_entries(n_entries: int = 100_000, seed: int = 1) -> Iterator[Entry]:
    """Exactly `n_entries` entries of generated documents."""
    left = n_entries
    for doc in generate_documents(n_entries, seed):
        for e in entries_for(doc):
            if left == 0:
                return
            yield e
            left -= 1
