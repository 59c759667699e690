"""A small archive for the web tests, written through the real store and the real index.

The documents are built by hand (records, not the pipeline) so that the web tests pin what a
person sees for known structure: a protocol extract with three särskilda uttalanden, a
protocol with a vote and its ballots, a second body's protocol on the same diary number, a
tjänsteutlåtande without §, and a hostile document whose text is HTML and script. Each
document's source file is written too (its SHA-256 is its id), so downloads can be tested.
"""
from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from corpus.entries import entries_for
from corpus.models import (Ballot, Change, Decision, Document, Extraction, Item, Page, Part,
                           Person, Proposal, RepairedPage, Statement, Vote)
from corpus.store import Store

# How long a live server may take to listen before the fixture gives up (a busy machine
# runs two pytest workers and Chromium; uvicorn starts in well under a second).
START_DEADLINE = 30.0
HOSTILE = '<script>alert("xss")</script><img src=x onerror=alert(1)>'


@dataclass
class WebArchive:
    home: Path
    stockholm: str       # doc ids
    osteraker_sn: str
    osteraker_ks: str
    tjut: str
    hostile: str
    hostile_path: Path


def _doc(folder: Path, name: str, raw_pages: list[str], repaired: list[RepairedPage],
         ex: Extraction, ocr: bool = False) -> Document:
    path = folder / name
    data = "\f".join(raw_pages).encode("utf-8")
    path.write_bytes(data)
    pages = [Page(number=i + 1, source="ocr" if ocr else "text", text=t,
                  ocr_confidence=81.5 if ocr else None, ocr_lang="swe+eng" if ocr else None)
             for i, t in enumerate(raw_pages)]
    return Document(doc_id=hashlib.sha256(data).hexdigest(), source=str(path), pages=pages,
                    repaired=repaired, extraction=ex, pipeline_version=1, size=len(data))


def stockholm(folder: Path) -> Document:
    raw = ("Socialnämnden\nProtokollsutdrag 2012-03-22\n§ 13\nArbetet med sociala insats-\n"
           "grupper i Stockholms stad\nDnr 3.2-0100/2012\nSocialnämndens beslut\n"
           "1. Socialnämnden godkänner rapporten.\nSärskilt uttalande\n"
           "Vi anser att ett arbete med sociala insatsgrupper kan fungera mycket bra.")
    text = raw.replace("insats-\ngrupper i", "insatsgrupper i")
    start = text.index("insatsgrupper i")
    repaired = [RepairedPage(1, text, [Change(page=1, start=start, original="insats-\ngrupper",
                                              replacement="insatsgrupper",
                                              reason="dehyphenate", score=0.97)])]
    item = Item(
        paragraph="13", title="Arbetet med sociala insatsgrupper i Stockholms stad",
        dnr=["3.2-0100/2012"],
        text="Social insatsgrupp kan beskrivas som en strukturerad samverkansform på lokal nivå.",
        decisions=[Decision("1. Socialnämnden godkänner rapporten.\n2. Socialnämnden "
                            "överlämnar tjänsteutlåtandet till stadsdelsnämnderna.")],
        proposals=[Proposal(name="Anna König Jerlmyr", party="M", type="bifall",
                            text="Ordföranden föreslog att nämnden skulle besluta enligt "
                                 "förvaltningens förslag till beslut.")],
        statements=[
            Statement("sarskilt_uttalande", ["Anna König Jerlmyr", "Ann-Katrin Åslund",
                                             "Stina Bengtsson", "Ewa Samuelsson"],
                      ["M", "FP", "C", "KD"],
                      "Arbetet med sociala insatsgrupper är ett viktigt initiativ."),
            Statement("sarskilt_uttalande", ["Jonas Eklund"], ["MP"],
                      "Nya arbetssätt löser inte problemet med minskade resurser."),
            Statement("sarskilt_uttalande", ["Jackie Nylander"], ["V"],
                      "Vi anser att ett arbete med sociala insatsgrupper kan fungera mycket "
                      "bra. Budgeten för individ- och familjeomsorg behöver förstärkas."),
        ],
        outcome="bifall")
    ex = Extraction(doc_type="protokollsutdrag", municipality="Stockholms stad",
                    body="Socialnämnden", meeting_date="2012-03-22", date="2012-03-22",
                    justering_date="2012-03-29", dnr=["3.2-0100/2012"], items=[item],
                    parts=[Part("protokollsutdrag", None, "Socialnämnden", "2012-03-22",
                                ["3.2-0100/2012"], 1)],
                    attendance=[Person("Anna König Jerlmyr", "M", "ordforande"),
                                Person("Lisbeth Westerlund", None, "sekreterare")])
    return _doc(folder, "stockholm-sn-2012-03-p13.txt", [raw], repaired, ex, ocr=True)


BALLOTS = [("Helena Jungenstam", "M", "ja"), ("Berndt Hogreve", "M", "ja"),
           ("Marianne Lindner Löfgren", "M", "nej"), ("Lars Brunberg", "M", "ja"),
           ("Moa Bäckström", "FP", "ja"), ("Anders Borg", "C", "ja"),
           ("Bror Segerlund", "S", "nej"), ("Eva Lindqvist", "S", "nej"),
           ("Kent Ekelund", "V", "avstår"), ("Sara Ström", "MP", "avstår"),
           ("Tor Ek", "SD", "avstår")]


def osteraker_sn(folder: Path) -> Document:
    text = ("SN § 3:11\nDnr. SN 2014/0033-753\nInrättande av sociala insatsgrupper\n"
            "Votering begärs och genomförs. Voteringen utfaller med 5 ja-röster, 3 nej-röster "
            "och 3 ledamöter avstår.")
    vote = Vote(yes=5, no=3, abstain=3, ballots=[Ballot(*b) for b in BALLOTS],
                question="ja för Helena Jungenstams (M) yrkande, nej för Bror Segerlunds (S) "
                         "yrkande", outcome="bifall", counts_agree=True)
    item = Item(
        paragraph="3:11", title="Inrättande av sociala insatsgrupper",
        dnr=["SN 2014/0033-753", "KS 2014/0159"], text=text,
        decisions=[Decision("Socialnämnden föreslår Kommunstyrelsen föreslå Kommunfullmäktige "
                            "besluta att inrätta sociala insatsgrupper.")],
        proposals=[Proposal("Helena Jungenstam", "M", "Den särskilt utsedda personen kallas "
                            "personlig tränare (PT).", type="bifall"),
                   Proposal("Bror Segerlund", "S", "Den särskilt utsedda personen kallas "
                            "personligt stöd.", type="andring")],
        votes=[vote],
        statements=[Statement("reservation", ["Bror Segerlund", "Eva Lindqvist"], ["S"],
                              "Vi reserverar oss mot beslutet om benämningen.")],
        outcome="bifall")
    ex = Extraction(doc_type="protokollsutdrag", municipality="Österåkers kommun",
                    body="Socialnämnden", meeting_date="2014-03-20",
                    dnr=["SN 2014/0033-753"], items=[item],
                    parts=[Part("protokollsutdrag", None, "Socialnämnden", "2014-03-20",
                                ["SN 2014/0033-753"], 1)])
    return _doc(folder, "osteraker-sn-2014-03.txt", [text], [RepairedPage(1, text, [])], ex)


def osteraker_ks(folder: Path) -> Document:
    text = ("KS § 5\nDnr KS 2014/0159\nSociala insatsgrupper\nKommunstyrelsen föreslår "
            "kommunfullmäktige att inrätta sociala insatsgrupper.")
    item = Item(paragraph="5", title="Sociala insatsgrupper", dnr=["KS 2014/0159"], text=text,
                decisions=[Decision("Kommunstyrelsen föreslår kommunfullmäktige att inrätta "
                                    "sociala insatsgrupper.")],
                proposals=[Proposal("Bror Segerlund", "S", "Bifall till socialnämndens "
                                    "förslag.", type="bifall")],
                outcome="bifall")
    ex = Extraction(doc_type="protokoll", municipality="Österåkers kommun",
                    body="Kommunstyrelsen", meeting_date="2014-04-07", dnr=["KS 2014/0159"],
                    items=[item], parts=[Part("protokoll", None, "Kommunstyrelsen",
                                              "2014-04-07", ["KS 2014/0159"], 1)])
    return _doc(folder, "osteraker-ks-2014-04.txt", [text], [RepairedPage(1, text, [])], ex)


def tjansteutlatande(folder: Path) -> Document:
    text = ("Socialförvaltningen\nTjänsteutlåtande 2019-11-20\nTill Socialnämnden\n"
            "Vägledning för ekonomiskt bistånd 2020\nFörvaltningen föreslår att nämnden "
            "godkänner vägledningen.")
    item = Item(paragraph="", title="Vägledning för ekonomiskt bistånd 2020",
                dnr=["3.1-0550/2019"], text=text,
                decisions=[Decision("Socialnämnden godkänner vägledningen för ekonomiskt "
                                    "bistånd.")])
    ex = Extraction(doc_type="tjansteutlatande", municipality="Stockholms stad",
                    body="Socialnämnden", author="Socialförvaltningen", date="2019-11-20",
                    dnr=["3.1-0550/2019"], items=[item],
                    parts=[Part("tjansteutlatande", "Vägledning för ekonomiskt bistånd 2020",
                                "Socialnämnden", "2019-11-20", ["3.1-0550/2019"], 1)])
    return _doc(folder, "sn-2019-vagledning.txt", [text], [RepairedPage(1, text, [])], ex)


def hostile(folder: Path) -> Document:
    """A document whose every field is HTML: it must render as text everywhere."""
    text = (f"Kulturnämnden\n§ 7\n{HOSTILE} om biblioteket\n\ue000falsk markering\ue001 "
            f"&amp; <b>fet</b> biblioteksplan")
    item = Item(paragraph="7", title=f"{HOSTILE} Biblioteksplan", dnr=["KN 2020/0001"],
                text=text, decisions=[Decision(f"Beslut {HOSTILE} biblioteksplan antas.")],
                statements=[Statement("reservation", [f"Eva {HOSTILE}"], ["V"],
                                      f"Reservation {HOSTILE} biblioteksplan")])
    ex = Extraction(doc_type="protokoll", municipality="Exempelby kommun",
                    body=f"Kulturnämnden {HOSTILE}", meeting_date="2020-02-02",
                    dnr=["KN 2020/0001"], items=[item])
    start = text.index("biblioteksplan")
    return _doc(folder, "hostile.txt", [text],
                [RepairedPage(1, text, [Change(1, start, "<i>bibl</i>", "biblioteksplan",
                                               "ocr-confusion")])], ex)


def build_archive(home: Path) -> WebArchive:
    """Write the documents to `home`'s store and index them (as `arkiv import` would)."""
    files = home / "files"
    files.mkdir(parents=True, exist_ok=True)
    docs = [stockholm(files), osteraker_sn(files), osteraker_ks(files),
            tjansteutlatande(files), hostile(files)]
    add_documents(home, docs)
    return WebArchive(home, *(d.doc_id for d in docs), hostile_path=Path(docs[-1].source))


def add_documents(home: Path, docs: list[Document]) -> None:
    """Write documents to an archive's store, then its index."""
    from index import Index
    store = Store(home / "arkiv.db")
    with store.transaction():
        for d in docs:
            store.put(d)
    index = Index(home / "index")
    index.add(e for d in docs for e in entries_for(d))
    index.close()
    store.mark_indexed([d.doc_id for d in docs])
    store.close()


@contextmanager
def live_server(home: Path, deadline: float = START_DEADLINE) -> Iterator[str]:
    """The web UI of the archive at `home` served by uvicorn in a thread; yields its base
    URL. The socket is bound here and handed to uvicorn (`Server.run(sockets=…)`): a port
    picked by binding and closing a socket could be taken by another pytest-xdist worker
    before uvicorn binds it. Waiting for the server has a deadline, so a server that never
    starts fails the fixture instead of hanging the run."""
    import uvicorn
    from search.web.app import create_app
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(home), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        give_up = time.monotonic() + deadline
        while not server.started:          # uvicorn sets this once it listens
            if not thread.is_alive():
                raise RuntimeError("uvicorn stopped before it listened")
            if time.monotonic() > give_up:
                raise RuntimeError(f"uvicorn did not listen within {deadline:.0f} s")
            time.sleep(0.02)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(deadline)
        sock.close()
