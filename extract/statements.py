"""Statements (reservation, särskilt yttrande, särskilt uttalande, protokollsanteckning) and jäv."""
from __future__ import annotations

import re

from corpus.models import Person, Statement
from extract import persons, vocab
from extract.sections import Section, is_statement_kind
from extract.text import fold, paragraphs, sentences

_PHRASES = [(re.compile(p), k) for p, k in vocab.STATEMENT_PHRASES]
# A paragraph that opens a statement: someone hands it in, or someone reserves themself.
_OPENS = re.compile(r"reserver|lamna|avger|avgav|antecknar|anmal|far foljande|instammer|"
                    r"foljande (?:sarskil|protokoll|reservation)|till forman for")
# A sentence that names a statement by its kind and its author opens it as a verb does
# ("Reservation från Anna Berg (S), bilaga 2.", "Skriftlig reservation av …"): it is not the cut
# first half of the next sentence.
_NAMED_KIND = re.compile(r"\W*(?:skriftlig |muntlig |gemensam )?(?:reservation|sarskilt (?:yttrande|uttalande)|"
                         r"protokollsanteckning)(?:en|er)? (?:fran|av)\b")
_RUNNING = re.compile(r"reserverar sig|reserverade sig|reserverar oss|(?:lamnar|lamnade|avger|avgav|anmaler|anmalde)"
                      r" (?:ett |en |sin |foljande |gemensamt |gemensam |skriftlig |muntlig )*"
                      r"(?:sarskil|protokollsanteckning|reservation)|"
                      r"antecknar till protokollet|far antecknat till protokollet")


def statements_of(sections: list[Section], known: dict[str, str]) -> list[Statement]:
    out: list[Statement] = []
    for s in sections:
        if is_statement_kind(s.kind):
            out.extend(_from_section(s, known))
        elif s.kind not in ("slut", "arende", "underlag"):
            out.extend(_from_running_text(s.text, known))   # not the case's history
    return out


def _from_section(s: Section, known: dict[str, str]) -> list[Statement]:
    """One statement per sentence that says who hands it in; the sentences after it are its text."""
    out: list[Statement] = []
    for para in paragraphs(s.lines):
        for sent in _units(para):
            f = fold(sent)
            who = _who(sent, known)
            if (who[0] or who[1]) and out and not _OPENS.search(fold(out[-1].text)) \
                    and not (_NAMED_KIND.match(fold(out[-1].text)) and _OPENS.search(f[:300])):
                _merge_who(out[-1], who, sent)   # the opening sentence was cut (a page, a line)
            elif (who[0] or who[1]) and (_OPENS.search(f[:300]) or not out):
                kind = _kind_in(f) or s.kind
                out.append(Statement(kind=kind, names=who[0], parties=who[1], text=sent))
            elif out:
                sep = " " if out[-1].text and not out[-1].text.endswith("\n") else ""
                out[-1].text = f"{out[-1].text}{sep}{sent}"
            else:
                out.append(Statement(kind=s.kind, text=sent))
        if out:
            out[-1].text += "\n\n"
    for st in out:
        st.text = st.text.strip()
    if not out and s.heading:
        out.append(Statement(kind=s.kind))
    return out


def _from_running_text(text: str, known: dict[str, str]) -> list[Statement]:
    out = []
    for sent in sentences(text):
        f = fold(sent)
        if not _RUNNING.search(f):
            continue
        names, parties = _who(sent, known)
        if names or parties:
            out.append(Statement(kind=_kind_in(f) or "reservation", names=names, parties=parties,
                                 text=sent))
    return out


def _kind_in(f: str) -> str | None:
    for rx, kind in _PHRASES:
        if rx.search(f):
            return kind
    return None


def _merge_who(st: Statement, who: tuple[list[str], list[str]], sent: str) -> None:
    st.names = _dedupe(st.names + who[0])
    st.parties = _dedupe(st.parties + who[1])
    st.text = f"{st.text.rstrip()} {sent}"
    kind = _kind_in(fold(sent))
    if kind:
        st.kind = kind


def _units(para: str) -> list[str]:
    """Sentences, with a sentence that names no one yet joined to the next (an "m.fl." split)."""
    out: list[str] = []
    pending = ""
    for sent in sentences(para):
        sent = f"{pending} {sent}".strip() if pending else sent
        pending = ""
        if not out and not _OPENS.search(fold(sent)) and re.search(r"\bm\S{0,2}fl\.?$", sent):
            pending = sent
            continue
        out.append(sent)
    if pending:
        out.append(pending)
    return out


def _who(sentence: str, known: dict[str, str]) -> tuple[list[str], list[str]]:
    """Names and parties behind a statement; "m.fl." adds the party, not names. Only those
    before the verb: "… till förmån för Leif Anderssons (S) yrkande" names someone else."""
    verb = _OPENS.search(fold(sentence))
    behalf: list[persons.Mention] = []
    behalf_groups: list[tuple[int, str]] = []
    if verb and persons.mentions(sentence[:verb.start()]) + persons.groups(sentence[:verb.start()]):
        behalf_text = _on_behalf_of(sentence, verb.end())
        behalf, behalf_groups = persons.mentions(behalf_text), persons.groups(behalf_text)
        sentence = sentence[:verb.start()]
    ms = persons.mentions(sentence) + behalf
    names = [persons.canonical(m.name, known) for m in ms]
    parties = [m.party for m in ms]
    spans = [(m.start, m.end) for m in ms]
    for at, p in persons.groups(sentence):
        if not any(s <= at < e for s, e in spans):
            parties.append(p)
    parties += [p for _, p in behalf_groups if p not in parties]
    return _dedupe(names), _dedupe(parties)


# "… lämnar en skriftlig reservation för M-gruppen och Agneta Lund (KD)": those it is made for
# join it; "till förmån för X:s yrkande" names whose proposal it supports, not its authors.
_BEHALF = re.compile(r"(?<!forman )\bfor (?:sig (?:sjalv )?och )?(?:hela |ledamoterna i |ledamoterna for )?")
_BEHALF_END = re.compile(r"[.;:]|\btill forman\b|,?\s+(?:bilaga|se|eftersom|da|som|mot|med)\b")


def _on_behalf_of(sentence: str, at: int) -> str:
    """The names and groups right after "för" following the verb, or "" when there are none."""
    f = fold(sentence)
    m = _BEHALF.search(f, at)
    if not m:
        return ""
    tail = sentence[m.end():]
    end = _BEHALF_END.search(fold(tail))
    tail = tail[:end.start()] if end else tail
    first = persons.mentions(tail) + persons.groups(tail)
    starts = [x.start if isinstance(x, persons.Mention) else x[0] for x in first]
    return tail if starts and min(starts) == 0 else ""


def _dedupe(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


_JAV = re.compile(vocab.JAV_RE)


def jav_of(text: str, sections: list[Section], known: dict[str, str],
           members: frozenset[str] = frozenset()) -> list[Person]:
    """Members who declared a conflict of interest (jäv) and left the item, not the substitute
    serving in their place. `members` are the names of the header's attendance list."""
    out: list[Person] = []
    cands = [(s.text, True) for s in sections if s.kind == "jav"]
    cands += [(sent, False) for sent in sentences(text) if _JAV.search(fold(sent))]
    for chunk, headed in cands:
        ms = sorted(persons.mentions(chunk), key=lambda m: m.start)
        serving = _substitutes(chunk, [(m.start, m.end) for m in ms])
        found = [(persons.canonical(m.name, known), m.party) for i, m in enumerate(ms) if i not in serving]
        for name, party in found if ms else _plain_names(chunk, known, headed, members):
            if all(p.name != name for p in out):
                out.append(Person(name=name, party=party))
    return out


# The substitute who serves in a jävig member's place is named beside them and is not jävig:
# "Ersättaren Oskar Fält (M) tjänstgör i hennes ställe", "Oskar Fält (M) ersätter henne",
# "… träder in", "… går in i hans ställe", "I hennes ställe tjänstgör ersättaren Oskar Fält (M)",
# "… anmäler jäv och ersätts av Oskar Fält (M)". Folded. "Oskar Fält (M) ersätter Birgitta Kåhre
# (M)": the one replaced is named after the verb, and is the jävig one; "X tjänstgör inte" is.
_SERVE_VERB = (r"(?:tjanstgor|tjanstgjorde|ersatter|ersatte|trader in|tradde in|gar in|gick in|intrader|"
               r"intradde|kallas in|kallades in)\b(?!\s+(?:inte|ej)\b)")
_SERVE_ROLE = r"(?:som\s+)?(?:den\s+)?(?:tjanstgorande\s+)?(?:ersattare|ersattaren|ledamot|ledamoten)"
_SERVES_AFTER = re.compile(rf"[\s,]*(?:{_SERVE_ROLE}[\s,]*)?{_SERVE_VERB}")
_SERVES_BEFORE = re.compile(rf"(?:\b{_SERVE_VERB}|\bersat(?:ts|tes|t) av\b)[\s,:]*(?:{_SERVE_ROLE}\s+)?$")
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)|\n\s*\n")
_ONLY_AND = re.compile(r"[\s,]*(?:(?:och|samt)\s+)?")


def _substitutes(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """The indexes of the names (spans in order) who serve in someone's place, each read with the
    words between it and its neighbours; names joined by "och" serve together."""
    f = fold(text)
    ends = [m.start() for m in _SENTENCE_END.finditer(f)]
    own: list[bool] = []
    for i, (start, end) in enumerate(spans):
        lo = max([spans[i - 1][1] if i else 0] + [e + 1 for e in ends if e < start])
        hi = min([spans[i + 1][0] if i + 1 < len(spans) else len(f)] + [e for e in ends if e >= end])
        own.append(bool(_SERVES_AFTER.match(f[end:hi]) or _SERVES_BEFORE.search(f[lo:start])))
    out: set[int] = set()
    group: list[int] = []
    for i in range(len(spans)):
        if group and not _ONLY_AND.fullmatch(f[spans[i - 1][1]:spans[i][0]]):
            out.update(group if any(own[j] for j in group) else [])
            group = []
        group.append(i)
    out.update(group if any(own[j] for j in group) else [])
    return out


# A name without a party: a bolag's board, or a protocol that gives parties only in its header
# ("Ahmed Karimi anmälde jäv", "På grund av jäv deltar inte Sara Nyström i beslutet"). Two to
# four capitalised words, each with lower-case letters (not "AB", "KS").
_PLAIN = re.compile(r"(?<![\w-])[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?"
                    r"(?:[ \t]+[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?){1,3}(?![\w-])")


# A jäv sentence says why: the member's employer or assignment ("sitt uppdrag i Sandvik Energi",
# "anställd vid Region Gävleborg", "Gävle Energi AB") is named in capitals too. Such a name has an
# organisation's word in it, is followed by a company form or stands after a preposition of place.
_ORG_WORDS = {"region", "regionen", "kommun", "kommunen", "landsting", "landstinget", "stad", "staden", "energi",
              "bostader", "bostad", "fastigheter", "fastighet", "vatten", "bolag", "bolaget", "stiftelse",
              "stiftelsen", "forening", "foreningen", "forbund", "forbundet", "holding", "gruppen", "group",
              "nat", "elnat", "hamn", "hamnen", "kraft", "avfall", "renhallning", "invest", "trafik", "buss",
              "sjukhus", "sjukhuset", "universitet", "hogskola", "hogskolan", "skola", "skolan", "kyrka",
              "forsamling", "bank", "banken", "sparbank", "forsakring", "service", "teknik", "miljo",
              "lansstyrelsen", "forvaltning", "forvaltningen", "naringsliv", "utveckling", "arena", "parkering"}
_COMPANY_AFTER = re.compile(r"\s*(?:AB|HB|KB|ek\.? ?för\.?|kommun|stad|län)\b")
_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:i|vid|hos|på|inom|från|åt)\s+$", re.IGNORECASE)


def _plain_names(chunk: str, known: dict[str, str], headed: bool,
                 members: frozenset[str] = frozenset()) -> list[tuple[str, str | None]]:
    """Names without a party in a sentence about jäv, or anywhere under a Jäv heading: a
    member of the meeting (seen with a party, or in the attendance list), or a name that reads
    as a person's and not as an organisation's or a place's."""
    out = []
    for sent in sentences(chunk):
        if not headed and not _JAV.search(fold(sent)):
            continue
        found = []
        for m in _PLAIN.finditer(sent):
            name = persons.clean_name(m.group(0))
            if len(name.split()) >= 2:
                start = m.start() + m.group(0).find(name)
                found.append((m, name, (start, start + len(name))))
        serving = _substitutes(sent, [span for _, _, span in found])
        for m, name, _ in (x for i, x in enumerate(found) if i not in serving):
            bare = persons.canonical(name, known)
            if bare not in known and bare not in members and _organisation(sent, m, name):
                continue
            out.append((bare, known.get(name)))
    return out


def _organisation(sent: str, m: re.Match, name: str) -> bool:
    start = m.start() + m.group(0).find(name)
    return (any(fold(w) in _ORG_WORDS for w in re.split(r"[\s-]+", name))
            or bool(_COMPANY_AFTER.match(sent, m.end()))
            or bool(_PLACE_BEFORE.search(sent[:start])))
