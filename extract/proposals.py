"""Proposals (yrkanden): who proposed what, of which type, joining whose proposal."""
from __future__ import annotations

import re

from corpus.models import Proposal
from extract import persons, vocab
from extract.sections import Section
from extract.text import fold, paragraphs, sentences

_VERB = re.compile(rf"\b{vocab.PROPOSAL_VERBS}\b")
_PLAIN_NAME = re.compile(r"(?:^|(?<=[.:;] ))(?:(?:Ordföranden|Ledamoten|Vice ordföranden|"
                         r"Ersättaren|Tjänstgörande ersättaren)\s+)?"
                         r"(?P<name>[A-ZÅÄÖ][\w\-]+(?:\s+[A-ZÅÄÖ][\w\-]+){1,3})\s+"
                         rf"(?={vocab.PROPOSAL_VERBS}\b)")
# Sections where proposals are made; in a tjänsteutlåtande there are none.
_PROPOSAL_SECTIONS = ("yrkanden", "forslag", "beslutsgang", "preamble", "votering", "beslut", "arende")


def proposals_of(sections: list[Section], known: dict[str, str], protocol: bool,
                 chair: tuple[str, str | None] | None = None) -> list[Proposal]:
    """`chair` is the header's ordförande: "Ordföranden yrkar bifall …" without a name is theirs."""
    if not protocol:
        return []
    out: list[Proposal] = []
    for s in sections:
        if s.kind not in _PROPOSAL_SECTIONS:
            continue
        for sent in (x for para in paragraphs(s.lines) for x in sentences(para)):
            got = _from_sentence(sent, known, strict=s.kind not in ("yrkanden", "forslag", "beslutsgang"),
                                 chair=chair)
            if out and _BARE_JOIN.search(fold(sent)):
                _join_previous(got, out[-1])
            out.extend(got)
    return out


# "Sanna Fröberg, S, instämmer.", "Eva Ek (V) instämmer i yrkandet.": joining, naming no one.
_BARE_JOIN = re.compile(r"\b(?:instammer|instamde|bitrader|bitradde|(?:ansluter|anslot) sig)"
                        r"(?: (?:i|till) (?:detta |det |hans |hennes |dennes )?(?:yrkande(?:t|n)?|forslag(?:et)?)|"
                        r" i (?:detta|det))?\W*$")


def _join_previous(got: list[Proposal], prev: Proposal) -> None:
    """Those who join without naming whom join the proposal made just before: its proposer (or
    whom that proposal joined) and its type."""
    lead = prev.supports or prev.name
    if lead is None:
        return
    for p in got:
        if p.supports is None and p.name != lead:
            p.supports, p.type = lead, prev.type


_CHAIR_PROPOSES = re.compile(r"^\s*ordforanden\s+(?:yrkar|yrkade)\b")
# The order of putting proposals, beyond vocab.PROPOSITION_WORDS: in the passive ("Därefter ställs
# X:s tilläggsyrkande under proposition och kommunstyrelsen bifaller det", "Proposition ställs på
# …", "X:s yrkande ställs mot avslag") or the chair putting one against another ("Ordföranden
# ställer X:s yrkande mot avslag"). The proposals it names were made before; "yrkar att frågan
# ställs till fullmäktige" (no "mot", no "proposition") still proposes.
_PUTS = re.compile(r"\bunder proposition\b|\bpropositione?n? (?:stalls|stalldes|stalles|ska stallas|skall stallas)\b|"
                   r"\b(?:stalls|stalldes|stalles|stallas|staller|stallde)\s+(?!sig\b)(?:\S+\s+){0,8}?mot\b")


def _from_sentence(sent: str, known: dict[str, str], strict: bool,
                   chair: tuple[str, str | None] | None = None) -> list[Proposal]:
    f = fold(sent)
    if any(w in f for w in vocab.PROPOSITION_WORDS):
        return []
    puts = _PUTS.search(f)
    if puts and not _VERB.search(f, 0, puts.start()):
        return []
    verb = _VERB.search(f) or (None if strict else _listed_verb(sent, f) or _garbled_verb(sent, f))
    if verb is None:
        return []
    if strict and not re.search(r"\byrka|\binstamm|tillaggsyrk|andringsyrk", f):
        return []
    subject = [m for m in persons.mentions(sent) if m.start < verb.start()]
    names = [(persons.canonical(m.name, known), m.party) for m in subject]
    if not names:
        m = _PLAIN_NAME.search(sent[:verb.start() + 1])
        if m and persons.clean_name(m.group("name")):
            name = persons.canonical(persons.clean_name(m.group("name")), known)
            names = [(name, known.get(name))]
    if not names and chair and _CHAIR_PROPOSES.match(f):
        names = [chair]
    if not names:
        names = [(None, p) for p in _group_parties(sent[:verb.start()])]
    if not names:
        return []
    joiners, plain = _joined_after_verb(sent, f, verb.start())
    kind, supports = _type_and_support(plain, fold(plain), verb.start(), known)
    out = [Proposal(name=n, party=p or known.get(n or ""), text=sent, type=kind, supports=supports)
           for n, p in names]
    lead = names[0][0]
    out += [Proposal(name=persons.canonical(m.name, known), party=m.party, text=sent, type=kind,
                     supports=lead) for m in joiners if (m.name, m.party) not in names]
    return out


_JOINED = re.compile(r"\bmed instammande (?:av|fran)\s+")


def _joined_after_verb(sent: str, f: str, at: int) -> tuple[list[persons.Mention], str]:
    """"Anna Ek (S) yrkar, med instämmande av Bo Ek (V), bifall till …": Bo Ek joins Anna Ek's
    proposal (a proposer too, not the one supported). The members, and the sentence with them
    blanked out (same length) for reading the type and the support."""
    m = _JOINED.search(f, at)
    if not m:
        return [], sent
    got: list[persons.Mention] = []
    end = m.end()
    for x in persons.mentions(sent):
        if x.start < m.end():
            continue
        if not re.fullmatch(r"[\s,]*(?:och|samt)?\s*", sent[end:x.start]):
            break
        got.append(x)
        end = x.end
    if not got:
        return [], sent
    return got, sent[:m.start()] + " " * (end - m.start()) + sent[end:]


class _At:
    """A position standing in for a verb that OCR garbled."""
    def __init__(self, at: int):
        self._at = at

    def start(self) -> int:
        return self._at


def _garbled_verb(sent: str, f: str) -> _At | None:
    """"Ordföranden X (M) ﬁnesiog, med instämmande …, att nämnden skulle besluta enligt …":
    a sentence that opens with a member and proposes a decision, its verb lost to OCR."""
    if re.search(r"\b(?:ja|nej)-?rost|\b(?:rostar|rostade) (?:ja|nej)\b|^\W*(?:ja|nej|avstar)\s*:|"
                 r"\b(?:ja|nej)\s*=|^\W*(?:ja|nej)\b", f):
        return None                      # a ballot list ("Ja-röster: Ulf Kristersson (M), …") or
                                         # the order of voting ("JA = bifall till X:s yrkande",
                                         # "Ja för bifall till X:s yrkande, nej för …")
    found = persons.mentions(sent)
    if found and found[0].start < 30 and re.search(r"\batt\b.{0,80}\bbesluta|\benligt\b|bifall|avslag", f):
        return _At(found[0].end)
    return None


# What follows the colon of "Name (P), Name (P) och Name (P): bifall till …" when it proposes.
_LISTED_PROPOSAL = re.compile(r"\s*(?:bifall|avslag|aterremi|bordl|tillagg|andring|att\b|"
                              r"(?:i forsta hand |i andra hand )\w)")


# "Lars Fors (M):s yrkande är att …", "… yrkande lyder: bifall …": the proposal named, then a verb
# of being in the verb's place (folded: är → ar, innebär → innebar)
_OWNED_IS = re.compile(r"(?::s)?\s*\w*yrkande(?:n|t)?\s+(?:ar|var|lyder|lod|innebar|galler|gallde)\b\s*:?")


def _listed_verb(sent: str, f: str) -> _At | None:
    """Regions and some municipalities list the members and then the proposal, without a verb:
    "Peter Olofsson (S), Nicklas Sandström (S) och Veronica Kerr (KD): bifall till
    regionstyrelsens förslag." or "Lars Fors (M):s yrkande: att ärendet återremitteras." The
    colon (or a dash) stands for the verb, so that every member before it proposes; the
    sentence must open with the members, joined by commas or och/samt."""
    end = 0
    for m in persons.mentions(sent):
        if not re.fullmatch(r"\s*(?:,|,?\s*(?:och|samt))?\s*", sent[end:m.start]):
            break
        end = m.end
    # "Lars Fors (M):s yrkande: att …", "Anna Ek (S) yrkande – bifall …": the members' proposal
    # named before the colon is theirs as well (a name's genitive after its party, or none)
    sep = (_OWNED_IS.match(f[end:])
           or re.match(r"(?::s)?\s*(?:\w*yrkande(?:n|t)?\s*)?(?::|[-–]\s)", sent[end:])) if end else None
    if not sep or not _LISTED_PROPOSAL.match(f, end + sep.end()):
        return None
    return _At(end + sep.end())


def _group_parties(text: str) -> list[str]:
    """The parties of the groups named, each once ("Sjukvårdspartiet (SJVP) yrkar …" names it twice)."""
    return list(dict.fromkeys(p for _, p in persons.groups(text)))


# "yrkar avslag på återremissyrkandet", "… på Eva Ös tilläggsyrkande", "att yrkandet om
# bordläggning avslås": the återremiss (tillägg, bordläggning) is the proposal rejected, not this one.
_REJECTS_PROPOSAL = re.compile(r"\bavslag (?:pa|till|av) (?:\S+ ){0,5}?\S*yrkande|"
                               r"yrkande\w* (?:om \w+ )?(?:ska |skall )?avslas\b")


def _type_and_support(sent: str, f: str, at: int, known: dict[str, str]) -> tuple[str, str | None]:
    after = f[at:]
    kind = "eget"
    for pattern, t in vocab.PROPOSAL_TYPES:
        if re.search(pattern, after):
            kind = t
            break
    if kind != "avslag" and _REJECTS_PROPOSAL.search(after):
        kind = "avslag"
    supports = None
    if re.search(r"instamm|bifall till|stod for|ansluter|anslot|bakom|bitrad", after):
        joined = [m for m in persons.mentions(sent) if m.start > at]
        supports = (persons.canonical(joined[0].name, known) if joined
                    else _genitive_member(after, known))
        if supports and kind == "eget":
            kind = "bifall"
    return kind, supports


def _genitive_member(after: str, known: dict[str, str]) -> str | None:
    """"instämmer i Lars Öbergs yrkande": a member of the meeting named in the genitive, with no
    party after the name (the first such name in the text)."""
    best: tuple[int, str] | None = None
    for name in known:
        m = re.search(rf"\b{re.escape(fold(name))}s?\b", after)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    return best[1] if best else None
