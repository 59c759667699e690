"""A generated archive of ≥ 100,000 searchable items, written to the store in bulk.

Deterministic (seeded): the same `GENERATOR_VERSION`, seed and size give the same documents, so
the query figures of two runs are comparable. Documents are protocols (with §-items, decisions,
proposals, votes with ballots and statements) and tjänsteutlåtanden, of 48 municipalities and 14
bodies, dated 2000–2025, in the vocabulary of real minutes (`benchmarks.bench_vocab`). They go
straight into the SQLite store (`Store.put` in large transactions, not through `arkiv import`):
the benchmark measures indexing and search, and OCR of 20,000 pages would take a day.

The archive is cached under benchmarks/.cache/archive-v{GENERATOR_VERSION}-{items}/ so that
`make bench` builds it once; bump GENERATOR_VERSION whenever the output changes.

    python -m benchmarks.generate_archive [--items 100000] [--home DIR]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import bench_vocab as V
from corpus.entries import entries_for
from corpus.models import (Ballot, Decision, Document, Extraction, Item, Page, Part, Person,
                           Proposal, RepairedPage, Statement, Vote)
from corpus.store import Store

GENERATOR_VERSION = 1
SEED = 20260401
CACHE = Path(__file__).resolve().parent / ".cache"
PLACE_SHARE = 0.04          # share of items whose title names a place: the rare query words
GENERIC_OBJECTS = ("kommunen", "centrala staden", "norra kommundelen", "södra kommundelen",
                   "östra kommundelen", "västra kommundelen", "tätorten", "landsbygden")


@dataclass(frozen=True)
class Generated:
    home: Path
    documents: int
    items: int               # searchable records (index entries)
    seconds: float           # time to generate (0 when it came from the cache)
    cached: bool


def cache_home(items: int) -> Path:
    return CACHE / f"archive-v{GENERATOR_VERSION}-{items}"


def ensure_archive(items: int = 100_000, home: Path | None = None) -> Generated:
    """The generated archive of at least `items` entries: from the cache when it is there."""
    home = home or cache_home(items)
    stamp = home / "generated.txt"
    if stamp.exists():
        docs, n = (int(x) for x in stamp.read_text().split())
        return Generated(home, docs, n, 0.0, True)
    if home.exists():
        shutil.rmtree(home)              # a generation that was interrupted
    home.mkdir(parents=True)
    _ignore_in_git(home.parent)
    start = time.perf_counter()
    docs, n = write_archive(Store(home / "arkiv.db"), items)
    stamp.write_text(f"{docs} {n}\n")
    return Generated(home, docs, n, time.perf_counter() - start, False)


def _ignore_in_git(folder: Path) -> None:
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("*\n")


def write_archive(store: Store, items: int, batch: int = 500) -> tuple[int, int]:
    """Write documents until they hold `items` entries; returns (documents, entries)."""
    gen = Generator(SEED)
    n_docs = n_items = 0
    try:
        while n_items < items:
            with store.transaction():
                for _ in range(batch):
                    doc = gen.document(n_docs)
                    store.put(doc)
                    n_docs += 1
                    n_items += len(entries_for(doc))
                    if n_items >= items:
                        break
    finally:
        store.close()
    return n_docs, n_items


class Generator:
    """Random but realistic minutes. One instance, one seed: a fixed sequence of documents."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.parties = [p for p, _ in V.PARTIES]
        self.party_weights = [w for _, w in V.PARTIES]
        self.serial: dict[tuple[str, int], int] = {}

    # -- pieces ------------------------------------------------------------------------------

    def person(self) -> tuple[str, str]:
        r = self.rng
        return f"{r.choice(V.FIRST_NAMES)} {r.choice(V.SURNAMES)}", self.party()

    def party(self) -> str:
        return self.rng.choices(self.parties, self.party_weights)[0]

    def dnr(self, prefix: str, year: int) -> str:
        key = (prefix, year)
        self.serial[key] = self.serial.get(key, 0) + self.rng.randint(1, 9)
        return f"{prefix} {year}/{self.serial[key]:04d}"

    def amount(self) -> str:
        return f"{self.rng.randint(1, 950) * 10_000:,}".replace(",", " ")

    def fill(self, template: str, topic: str, place: str, name: str = "", party: str = "",
             date: str = "") -> str:
        return template.format(topic=topic, place=place, name=name, party=party, date=date,
                               amount=self.amount(), n=self.rng.randint(12, 900))

    # -- a document --------------------------------------------------------------------------

    def document(self, n: int) -> Document:
        r = self.rng
        municipality = r.choice(V.MUNICIPALITIES)
        body, prefix = r.choice(V.BODIES)
        year = r.randint(2000, 2025)
        date = f"{year}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
        is_protocol = r.random() < 0.85
        members = [self.person() for _ in range(r.randint(7, 15))]
        if is_protocol:
            first = r.randint(1, 180)
            items = [self.item(str(first + i), prefix, year, date, members)
                     for i in range(r.randint(6, 14))]
            doc_type = "protokoll"
            title = f"Protokoll {body} {date}"
        else:
            items = [self.item("", prefix, year, date, members, with_debate=False)]
            doc_type = "tjansteutlatande"
            title = items[0].title
        dnrs = list(dict.fromkeys(d for it in items for d in it.dnr))
        attendance = [Person(name=m, party=p, role="ledamot") for m, p in members]
        if is_protocol:
            attendance[0].role = "ordforande"
        extraction = Extraction(
            doc_type=doc_type, municipality=municipality, body=body,
            meeting_date=date if is_protocol else None, date=date, dnr=dnrs,
            attendance=attendance if is_protocol else [], items=items,
            parts=[Part(doc_type=doc_type, title=title, body=body, date=date, dnr=dnrs)])
        text = self.page_text(title, municipality, items)
        pages = [Page(number=i + 1, source="text", text=t) for i, t in enumerate(text)]
        doc_id = hashlib.sha256(f"protokollarkivet-bench:{GENERATOR_VERSION}:{n}".encode()).hexdigest()
        slug = municipality.split()[0].lower()
        return Document(doc_id=doc_id, source=f"generated/{slug}/{prefix.lower()}-{date}-{n}.pdf",
                        pages=pages, repaired=[RepairedPage(p.number, p.text) for p in pages],
                        extraction=extraction, pipeline_version="generated",
                        imported_at=f"{date}T12:00:00+00:00", size=sum(len(t) for t in text))

    def item(self, paragraph: str, prefix: str, year: int, date: str,
             members: list[tuple[str, str]], with_debate: bool = True) -> Item:
        r = self.rng
        title_stem, topic = r.choice(V.TOPICS)
        place = r.choice(V.PLACES) if r.random() < PLACE_SHARE else r.choice(GENERIC_OBJECTS)
        title = f"{title_stem} {place}" if title_stem.endswith((" i", " för", " om", " av", " vid",
                                                                 " från", " till")) else title_stem
        dnr = [self.dnr(prefix, year)] + ([self.dnr("KS", year)] if r.random() < 0.15 else [])
        sentences = r.sample(V.INTRO_SENTENCES, r.randint(3, 6))
        text = " ".join(self.fill(s, topic, place, date=date) for s in sentences)
        text = f"{title}. Ärendet gäller {topic} i {place}. {text}"
        decisions = [Decision(self.fill(t, topic, place))
                     for t in r.sample(V.DECISION_TEMPLATES, r.choice((1, 1, 2, 2, 3)))]
        proposals: list[Proposal] = []
        votes: list[Vote] = []
        statements: list[Statement] = []
        if with_debate:
            for _ in range(r.choice((0, 0, 1, 1, 2, 3))):
                name, party = r.choice(members)
                template, kind = r.choice(V.PROPOSAL_TEMPLATES)
                proposals.append(Proposal(name=name, party=party, type=kind,
                                          text=self.fill(template, topic, place, name, party)))
            if proposals and r.random() < 0.35:
                votes.append(self.vote(members))
            for _ in range(r.choice((0, 0, 0, 1, 1, 2))):
                name, party = r.choice(members)
                kind, template = r.choice(V.STATEMENT_TEMPLATES)
                statements.append(Statement(kind=kind, names=[name], parties=[party],
                                            text=self.fill(template, topic, place, name, party)))
        outcome = r.choice(("bifall", "bifall", "bifall", "avslag", "aterremiss", "bordlagd",
                            "besvarad", "noterad"))
        return Item(paragraph=paragraph, title=title, dnr=dnr, text=text, decisions=decisions,
                    proposals=proposals, votes=votes, statements=statements, outcome=outcome)

    def vote(self, members: list[tuple[str, str]]) -> Vote:
        ballots = [Ballot(name=m, party=p, vote=self.rng.choice(("ja", "ja", "nej", "avstår")))
                   for m, p in members]
        yes = sum(b.vote == "ja" for b in ballots)
        no = sum(b.vote == "nej" for b in ballots)
        return Vote(yes=yes, no=no, abstain=len(ballots) - yes - no, ballots=ballots,
                    question=V.VOTE_QUESTION, outcome="bifall" if yes > no else "avslag",
                    counts_agree=True)

    def page_text(self, title: str, municipality: str, items: list[Item]) -> list[str]:
        """The document's text as pages of about 3,000 characters, as a protocol reads."""
        blocks = [f"{municipality}\n{title}"]
        for it in items:
            head = f"§ {it.paragraph} {it.title}" if it.paragraph else it.title or ""
            lines = [head, "Dnr " + ", ".join(it.dnr), it.text]
            lines += [p.text for p in it.proposals]
            lines += ["Beslut"] + [d.text for d in it.decisions]
            lines += [s.text for s in it.statements]
            blocks.append("\n".join(lines))
        pages, current = [], ""
        for block in blocks:
            if current and len(current) + len(block) > 3000:
                pages.append(current)
                current = ""
            current = f"{current}\n\n{block}" if current else block
        pages.append(current)
        return pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=100_000)
    ap.add_argument("--home", type=Path, default=None, help="write here instead of the cache")
    args = ap.parse_args(argv)
    g = ensure_archive(args.items, args.home)
    how = "cached" if g.cached else f"generated in {g.seconds:.1f} s"
    print(f"{g.home}: {g.documents} documents, {g.items} items ({how})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
