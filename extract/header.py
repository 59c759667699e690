"""Meeting metadata: body, municipality, author, dates, place and attendance.

Headers come as label/value lines ("Sammanträdesdatum 2023-05-16"), as a two-column table
flattened to text (a label, then its value on the next line), or as running text ("Tisdagen
den 16 maj 2023 kl. 13.00"). A justering date is never the meeting date; nothing is taken from
the file name.
"""
from __future__ import annotations

import difflib
import re

from corpus.models import Person
from extract import persons, vocab
from extract.dates import find_dates, first_date
from extract.text import Line, fold, heading_key

_BODY_WORD = re.compile(
    r"(?<![\w-])((?:[a-zåäöé]+-\s?(?:och|eller)\s+)?"
    # a body's own utskott first ("Kommunstyrelsens arbetsutskott", "Socialnämndens
    # individutskott"): it is the body that meets, not its parent
    r"(?:(?:tekniska\s|[a-zåäöé]{2,})(?:styrelsen|n[a-z]{1,2}mnden)s\s[a-zåäöé]*utskott(?:et|ets|s)?(?![\w])|"
    # an adjective in front belongs to the name ("Regionala utvecklingsnämnden", "Gemensamma
    # servicenämnden"), as "Tekniska nämnden"'s does
    r"(?:(?:regionala|gemensamma)\s)?[a-zåäöé]{2,}?(?:s\s)?(?:n[a-z]{1,2}mnd(?:en|ens)|"
    r"styrelsen?s?|fullm[a-z]ktiges?|arbetsutskott(?:et|ets)?))|tekniska n[a-z]mnden)(?![\w])")


def canonical_body(raw: str) -> str | None:
    """"Socialnimndens" → "Socialnämnden"; unknown bodies keep their spelling, ending restored."""
    raw = raw.strip().capitalize() if raw.isupper() else raw
    f = fold(raw).strip()
    f = re.sub(r"s$", "", f) if re.search(r"(?:nden|elsen|tiges|ottets)s?$", f) else f
    f = re.sub(r"(en|et)s$", r"\1", f)
    f = re.sub(r"tiges$", "tige", f)
    if f in vocab.BODIES:
        return vocab.BODIES[f]
    close = difflib.get_close_matches(f, list(vocab.BODIES), n=1, cutoff=0.86)
    # OCR changes a letter or two ("Socialnimnden", "rn" for "m"); a name longer or shorter by
    # a syllable is another body ("Miljö- och byggnadsnämnden" is not "Miljö- och byggnämnden")
    if close and abs(len(close[0]) - len(f)) <= 1:
        return vocab.BODIES[close[0]]
    if f.endswith(("fullmaktige",)) or len(f) < 6:
        return None
    m = re.fullmatch(r".+s [a-z]*utskott(et)?s?", f)
    if m:                                     # "Socialnämndens individutskott(ets)", as printed
        word = raw.strip()[:m.end(1) if m.group(1) else len(f) - f.endswith("s")]
        return word[:1].upper() + word[1:]
    m = re.match(r"(.*?)n[a-z]{1,2}mnden$", f)
    if m and m.group(1) and not m.group(1).endswith(("stadsdels",)):
        word = raw.strip()[:len(m.group(1))]
        return (word + "nämnden")[:1].upper() + (word + "nämnden")[1:]
    return None


_DISTRICT = re.compile(r"\b([A-ZÅÄÖ][\w]+(?:-[A-ZÅÄÖ][\w]+)*)\s+stadsdelsn\w{1,2}mnds?\b")
# Göteborg's (and others') district named after the word: "Stadsdelsnämnden Centrum",
# "Stadsdelsnämnden Östra Göteborg".
_DISTRICT_AFTER = re.compile(r"\bStadsdelsn\w{1,2}mnden[ \t]+([A-ZÅÄÖ][a-zåäöé]+(?:[- ][A-ZÅÄÖ][a-zåäöé]+)*)\b")


# Göteborg's nämnder since 2021 are named after the word: "Nämnden för funktionsstöd", "Nämnden
# för arbetsmarknad och vuxenutbildning", "Nämnden för konsument- och medborgarservice". Only the
# capitalised word opens the name: in running text "nämnden för egen del" is a phrase.
_NAMED_AFTER_FOR = re.compile(r"\b(?P<head>N[äa]mnden|N[ÄA]MNDEN)\s+(?:för|FÖR|for|FOR)\s+"
                              r"(?P<what>[^\W\d_][\w-]{3,}(?:(?:,|\s+och|\s+samt|\s+OCH|\s+SAMT)\s+[^\W\d_][\w-]*)*)")
_NOT_A_FIELD = {"egen", "sin", "sina", "sitt", "den", "det", "detta", "denna", "dess", "deras", "kannedom",
                "information", "vidare", "narvarande", "beslut", "yttrande", "godkannande", "perioden",
                "tiden", "arendet", "fortsatt", "ovrigt", "egna", "hela", "alla"}


def _named_after_for(text: str) -> list[tuple[int, str]]:
    out = []
    for m in _NAMED_AFTER_FOR.finditer(text):
        what = m.group("what")
        if fold(what.split()[0].rstrip(",")) in _NOT_A_FIELD:
            continue
        upper = m.group("head").isupper()
        if upper:
            what = what.lower()
        # "Nämnden för funktionsstöds beslut": the genitive s belongs to the phrase, not the name
        if re.match(r"\s+[a-zåäö]", text[m.end():]) and what.endswith("s") and not what.endswith(("ss", "us")):
            what = what[:-1]
        out.append((m.start(), f"Nämnden för {what}"))
    return out


def _nominative(district: str) -> str:
    """"Centrums" (in "Stadsdelsnämnden Centrums beslut") → "Centrum". District names do not end
    in a single s in the nominative, and a name ending in s (or x, z) takes no genitive s."""
    if district.endswith("s") and not district.endswith(("ss", "us")) and len(district.split()[-1]) > 3:
        return district[:-1]
    return district


def bodies_in(text: str) -> list[tuple[int, str]]:
    """Bodies named in the text, in order: "Socialnämndens" → "Socialnämnden"."""
    out = [(m.start(), f"{m.group(1)} stadsdelsnämnd") for m in _DISTRICT.finditer(text)]
    out += [(m.start(), f"Stadsdelsnämnden {_nominative(m.group(1))}") for m in _DISTRICT_AFTER.finditer(text)]
    out += _named_after_for(text)
    for m in _BODY_WORD.finditer(fold(text)):
        c = canonical_body(text[m.start():m.end()])
        if c and not any(s <= m.start() <= s + len(b) for s, b in out):
            out.append((m.start(), c))
    return sorted(out)


def body_of(lines: list[Line], kind: str, item_prefix: str | None) -> str | None:
    """The body that decides: "Till Socialnämnden" for a tjänsteutlåtande, the meeting's body
    for a protocol (its header, "Organ", an item prefix such as "SN §", "…nämndens beslut")."""
    head = lines[:60]
    if kind == "tj":
        return _addressee(head) or None
    for ln in head[:25]:
        f = heading_key(ln.text)
        if f.startswith(("organ", "beslutande organ")):
            got = bodies_in(ln.text) or _next_bodies(head, ln.n)
            if got:
                return got[0][1]
    for ln in head[:25]:
        text = _without_page_counter(ln.text)
        key = heading_key(text)
        got = bodies_in(text)
        # a short header line, or a protocol's title sentence ("Protokoll fört vid Socialnämndens
        # sammanträde den 3 maj 2023", "Utdrag ur protokoll fört vid sammanträde med …")
        titled = re.match(r"(?:utdrag ur |protokollsutdrag |(?:sammantrades)?protokoll )\w*.{0,30}?"
                          r"\b(?:sammantrade|mote)\b", key)
        if got and (len(key.split()) <= 6 or titled) and not re.search(r"\b(?:till|i uppdrag|beslut)\b", key):
            return got[0][1]
    board = _board(head)
    if board:
        return board
    if item_prefix and item_prefix in vocab.BODY_PREFIXES:
        return vocab.BODY_PREFIXES[item_prefix]
    for ln in lines:
        key = heading_key(ln.text)
        if key.endswith(" beslut") and len(key.split()) <= 4:
            got = bodies_in(ln.text)
            if got:
                return got[0][1]
    for ln in lines:
        m = re.match(r"^(\w[\w\- ]{2,40}?)\s+beslutar\b", ln.text.strip())
        if m and bodies_in(m.group(1)):
            return bodies_in(m.group(1))[0][1]
    return None


# A municipal company's protocol ("Kommunfastigheter i Sandvik AB" / "Protokoll fört vid
# styrelsesammanträde", "Styrelsen för Gävle Energi AB"): its board decides. The company is a
# short run of capitalised words (and i/för/och/&) ending in AB; "(publ)" is no part of it.
_COMPANY = re.compile(r"(?<![\w-])(?P<co>[A-ZÅÄÖ0-9][\w&.-]*(?:\s+(?:i|för|och|&|[A-ZÅÄÖ0-9][\w&.-]*)){0,5}?\s+AB"
                      r"|AB\s+[A-ZÅÄÖ][\w&-]*(?:\s+[A-ZÅÄÖ][\w&-]*){0,3})(?![\w-])")
_BOARD_WORD = re.compile(r"(?<![\w-])styrelse(?:n|ns|sammantrade\w*|mote\w*|protokoll\w*)?(?![\w-])")


def _board(head: list[Line]) -> str | None:
    """"Styrelsen för <company>" when the header speaks of a board, with the company named in
    it as a line or a title; "Styrelsen" when no company is named."""
    header = []
    for ln in head[:25]:
        if _ITEM_LINE.match(ln.text):
            break
        header.append(ln)
    if not any(_BOARD_WORD.search(ln.folded) for ln in header):
        return None
    for ln in header:
        text = ln.text.strip()
        m = _COMPANY.search(text)
        if not m:
            continue
        co = re.sub(r"^(?:(?:Styrelse\w*|Protokoll\w*|PROTOKOLL)\s+(?:för|i|vid)?\s*)+", "", m.group("co"))
        # the company is the line's subject (a letterhead, "Styrelsen för X AB") or a protocol's
        # title names it; not a guest's employer in a list of those present
        titled = re.match(r"(?:protokoll|styrelse)", fold(text))
        if co[:1].isupper() and (m.start() == 0 or titled) and len(text.split()) <= 14:
            return f"Styrelsen för {co}"
    if any(re.fullmatch(r"styrelsen", heading_key(ln.text)) for ln in header):
        return "Styrelsen"
    return None


def _next_bodies(head: list[Line], n: int) -> list[tuple[int, str]]:
    for ln in head:
        if ln.n > n and not ln.blank:
            return bodies_in(ln.text)
    return []


def _addressee(head: list[Line]) -> str | None:
    for k, ln in enumerate(head):
        f = ln.folded
        m = re.search(r"(?:^|\s)till:?(?:\s+|$)", f)
        if not m:
            continue
        got = bodies_in(ln.text[m.end():])
        if got:
            return got[0][1]
        for nxt in head[k + 1:k + 5]:
            got = bodies_in(nxt.text)
            if got:
                return got[0][1]
    return None


_AUTHOR = re.compile(r"^\s*([A-ZÅÄÖ][\w\-åäö]*(?:f\S{1,2}rvaltningen|kansliet|kontoret|"
                     r"forvaltning|förvaltning))\b")


def author_of(lines: list[Line]) -> str | None:
    for ln in lines[:30]:
        m = _AUTHOR.match(ln.text)
        if m:
            word = m.group(1)
            return re.sub(r"f\S{1,2}rvaltning", "förvaltning", word)
    return None


# "Göteborgs Stad" is printed with a capital; two-word names ("Upplands Väsby", "Lilla Edets",
# "Östra Göinge") start with one of a few words
_MUNI_NAME = r"((?:(?:Upplands|Lilla|Östra)\s)?[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?s?)\s+(kommun|[Ss]tad)\b"
_MUNI = re.compile(r"^\s*(?:[^\w\s]\s*)?" + _MUNI_NAME +
                   # the one region of two names, "Region Jämtland Härjedalen", before the others
                   r"|^\s*(Region\s+Jämtland\s+Härjedalen|Region\s+[A-ZÅÄÖ][a-zåäö]+(?:\s+län\b)?|Västra Götalandsregionen)\b")


# A page counter ending a letterhead line or standing as its last cell ("Sida 1 (4)", "Sida 1 av 4",
# "Sida 1/4", "SID 2 (2)"): page furniture, never part of a name.
_PAGE_COUNTER = re.compile(r"(?i)(?:^|[ \t]+)(?:sida|sid\.?)\s*\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|(?:av|/)\s*\d{1,4})[ \t]*$")


def _without_page_counter(text: str) -> str:
    m = _PAGE_COUNTER.search(text)
    return text[:m.start()] if m and text[:m.start()].strip() else text


def _name_case(text: str) -> str:
    """"ÖSTERÅKERS KOMMUN" → "Österåkers kommun", "REGION VÄSTERBOTTEN" → "Region Västerbotten"."""
    return " ".join(w.lower() if w.lower() in ("kommun", "stad", "län") else
                    "-".join(p.capitalize() for p in w.split("-")) for w in text.split())


def municipality_of(lines: list[Line]) -> str | None:
    """A header line naming the municipality ("Österåkers kommun", "Stockholms stad")."""
    for ln in lines[:15]:
        text = _without_page_counter(ln.text.strip()).strip()
        if text.isupper():                    # "ÖSTERÅKERS KOMMUN", "REGION VÄSTERBOTTEN" in a letterhead
            text = _name_case(text)
        m = _MUNI.match(text)
        if m and len(text) < 60:
            return m.group(3) or f"{m.group(1)} {m.group(2)}"
        # a flattened two-column letterhead: a cell that is the name alone, in capitals too
        # ("Hudiksvalls kommun                   Sammanträdesdatum 2024-03-25",
        # "HÄRNÖSANDS KOMMUN        Sammanträdesdatum 2023-09-14")
        for cell in re.split(r"\t|\s{3,}", text)[:3]:
            if cell == text:
                continue
            cell = _name_case(cell) if cell.isupper() else cell
            m = _MUNI.match(cell)
            if m and m.end() == len(cell.rstrip()):
                return m.group(3) or f"{m.group(1)} {m.group(2)}"
        # "Kommunfullmäktige i Hjo kommun", "Protokoll för socialnämnden i Lysekils kommun": the
        # body's name carries the municipality after "i".
        # A protocol's title sentence may run longer ("Utdrag ur protokoll fört vid sammanträde med
        # miljö- och byggnadsnämnden i Ljusdals kommun den 22 februari 2024").
        limit = 160 if re.match(r"(?:utdrag ur |protokollsutdrag |(?:sammantrades)?protokoll )", fold(text)) else 90
        m = _BODY_IN_MUNI.search(text)
        if m and len(text) < limit and not text.rstrip().endswith(".") \
                and re.search(vocab.BODY_ENDINGS, fold(text[:m.start() + 1])):
            return f"{m.group(1)} {m.group(2)}"
    return None


_BODY_IN_MUNI = re.compile(r"\w(?:\s+i|,)\s+" + _MUNI_NAME)


# --- flattened two-column headers ------------------------------------------------------------
_ALL_LABELS = sorted({lab for labs in vocab.HEADER_LABELS.values() for lab in labs} |
                     set(vocab.ATTENDANCE_LABELS) | {"paragrafer", "underskrifter", "justeringens"},
                     key=len, reverse=True)


def _is_label_only(ln: Line) -> bool:
    key = heading_key(ln.text)
    return bool(key) and key in _ALL_LABELS


def unflatten(lines: list[Line]) -> list[Line]:
    """A header flattened with all labels first and the values after them, in the same order,
    becomes label/value lines ("Justeringens plats och tid Stadshuset den 10 mars 2022")."""
    out = list(lines)
    i = 0
    while i < min(len(lines), 120):
        run, j = _label_run(lines, i)
        if len(run) >= 3:
            units = _value_units(lines, j, len(run))
            if units:
                for lab, unit in zip(run, units):
                    ln = lines[lab]
                    value = " ".join(lines[k].text.strip() for k in unit)
                    out[lab] = Line(ln.n, ln.page, f"{ln.text.strip()}  {value}")
                    for k in unit:
                        out[k] = Line(lines[k].n, lines[k].page, "")
                i = units[-1][-1] + 1
                continue
        i = max(j, i + 1)
    return out


def _label_run(lines: list[Line], i: int) -> tuple[list[int], int]:
    """Label-only lines from i on (blank lines between them allowed)."""
    run: list[int] = []
    j = i
    while j < len(lines) and (_is_label_only(lines[j]) or (lines[j].blank and run)):
        if not lines[j].blank:
            run.append(j)
        j += 1
    return run, j


def _value_units(lines: list[Line], j: int, n: int) -> list[list[int]] | None:
    """The n values after a label run: one a line, or one a paragraph when OCR set blank
    lines between them (a wrapped value then stays whole)."""
    region: list[int] = []
    for k in range(j, min(len(lines), j + 6 * n)):
        if _is_label_only(lines[k]) or re.match(r"^\s*[§$]\s*\d", lines[k].text):
            break
        region.append(k)
    filled = [k for k in region if not lines[k].blank]
    paras: list[list[int]] = []
    for k in region:
        if lines[k].blank:
            if paras and paras[-1]:
                paras.append([])
            continue
        if not paras:
            paras.append([])
        paras[-1].append(k)
    paras = [p for p in paras if p]
    if len(paras) >= n and sum(len(p) for p in paras[:n]) <= 2 * n:
        return paras[:n]
    units = [[k] for k in filled]
    while len(units) > n:
        wrapped = next((u for u in units[:n] if len(lines[u[-1]].text.strip()) >= 70), None)
        if wrapped is None:
            break                        # a long line wrapped onto the next: one value
        at = units.index(wrapped)
        units[at:at + 2] = [units[at] + units[at + 1]]
    return units[:n] if len(units) >= n else None


# --- dates ------------------------------------------------------------------------------------
def labelled_date(lines: list[Line], label: str) -> str | None:
    """The date that follows a header label, on its line or on one of the next two lines."""
    labels = vocab.HEADER_LABELS[label]
    for k, ln in enumerate(lines):
        key = re.sub(r"^[^\w]+", "", ln.folded)      # OCR: "[Datum då anslaget …"
        wrapped = _wrapped_label(key, lines[k + 1:k + 2], labels)
        if wrapped:
            # A label cell too narrow for its words ("Justeringens" / "plats och tid  Kommunhuset
            # den 10 maj 2023"): the next line starts with the label's rest, not another label.
            got = first_date(wrapped)
            if got:
                return got
        hit = next((lab for lab in labels if key.startswith(lab)
                    or (f" {lab}" in key[:60] or f"\t{lab}" in key[:60]) and _label_at_cell(key, lab)), None)
        if not hit:
            continue
        text = ln.text.strip()                       # `folded` is of the stripped text
        at = ln.folded.find(hit)
        rest = text[at + len(hit):]
        if label == "anslag":
            downs = [q for n in vocab.HEADER_LABELS["anslag_ned"] if (q := ln.folded.find(n)) >= 0]
            # "Datum för anslags uppsättande 2022-04-08   Datum för anslags nedtagande 2022-05-02":
            # the posting date is the one before the taking-down label, on the same line
            if downs:
                got = first_date(text[at + len(hit):min(downs)]) if min(downs) > at else None
                if got:
                    return got
                continue
        got = first_date(rest)
        if got:
            return got
        for nxt in lines[k + 1:k + 4]:
            if nxt.blank:
                continue
            got = first_date(nxt.text)
            if got and not _is_other_label(nxt.folded, label):
                return got
            break
    return _bare_label_date(lines, label)


# Labels too short to trust alone: "Anslaget 2025-03-17", "Anslag: 2025-03-17" (Örnsköldsvik).
# "Anslaget" also opens "Anslaget tas ned …" and "ANSLAG/BEVIS" heads the notice box, so the word
# counts only at the start of a line or a table cell, with the date right after it on that line,
# and only when no longer label gives the date.
_BARE_LABELS: dict[str, re.Pattern[str]] = {
    "anslag": re.compile(r"(?:^|\t|\s{2})anslag(?:et)?\s*:?\s*(?:den\s+)?(?=\d)"),
}


def _bare_label_date(lines: list[Line], label: str) -> str | None:
    pattern = _BARE_LABELS.get(label)
    if pattern is None:
        return None
    for ln in lines:
        for m in pattern.finditer(ln.folded):
            got = find_dates(ln.text.strip()[m.end():])
            if got and got[0][0] == 0:
                return got[0][1]
    return None


# The notice in sentences ("BEVIS OM ANSLAG / Protokollet är justerat den 19 september 2023.
# Anslaget sätts upp den 20 september 2023 och tas ned …"): the verb names the date after it.
_SENTENCE_DATES: dict[str, re.Pattern[str]] = {
    "justering": re.compile(r"\bprotokollet (?:ar|har|blev|har blivit) justera(?:t|ts|des)\b"
                            r"|\bprotokollet justera(?:des|ts)\b"),
    "anslag": re.compile(r"\banslaget (?:(?:har )?(?:satts|sattes|satt) upp|(?:ar )?uppsatt|publicera(?:t|des|ts))\b"
                         r"|\b(?:har )?(?:anslagits|anslogs)\b(?: pa [\w ]{0,40}?anslagstavla)?"
                         r"|\btillkannagivits?\b(?: genom anslag| pa [\w ]{0,40}?anslagstavla)?"
                         r"|\b(?:publicera(?:s|des|ts|t)?|anslag) pa [\w ]{0,40}?anslagstavla\b"),
}


def sentence_date(lines: list[Line], label: str) -> str | None:
    """The date a notice sentence gives, right after its verb ("justerat den 19 september
    2023", "anslaget sätts upp 2023-09-20"), for a header that has no label for it."""
    pattern = _SENTENCE_DATES[label]
    for ln in lines:
        f = ln.folded
        for m in pattern.finditer(f):
            rest = ln.text.strip()[m.end():]
            lead = re.match(r"\s*:?\s*(?:den\s+|pa\s+)?", fold(rest))
            got = find_dates(rest)
            if got and got[0][0] == lead.end():
                return got[0][1]
    return None


def _wrapped_label(key: str, following: list[Line], labels: tuple[str, ...]) -> str | None:
    """The text after a label whose words run on from a label-only line to the next line, or
    None. Only a line that is nothing but the label's first words qualifies."""
    key = key.strip()
    if not key or not following or following[0].blank:
        return None
    nxt = following[0]
    for lab in sorted(labels, key=len, reverse=True):
        if not lab.startswith(key + " "):
            continue
        tail = lab[len(key) + 1:]
        if nxt.folded.startswith(tail) and (len(nxt.folded) == len(tail)
                                            or not nxt.folded[len(tail)].isalnum()):
            # "Plats och tid för sammanträdet" is a label of its own, longer than the rest
            if any(nxt.folded.startswith(other) and len(other) > len(tail)
                   for labs in vocab.HEADER_LABELS.values() if labs is not labels for other in labs):
                return None
            return nxt.text.strip()[len(tail):]
    return None


def _label_at_cell(key: str, lab: str) -> bool:
    """A label inside a flattened table row: preceded by a tab or two spaces."""
    i = key.find(lab)
    return i > 0 and (key[i - 1] == "\t" or key[max(0, i - 2):i] == "  ")


def _is_other_label(folded: str, label: str) -> bool:
    for name, labs in vocab.HEADER_LABELS.items():
        if name != label and any(folded.startswith(lab) for lab in labs):
            return True
    return False


def meeting_date(lines: list[Line]) -> str | None:
    got = labelled_date(lines[:80], "meeting_date")
    if got:
        return got
    for k, ln in enumerate(lines[:60]):
        key = ln.folded
        if key.startswith(("plats och tid", "tid och plats", "tid:", "tid ", "datum och tid",
                           "datum, tid och plats", "datum och plats")):
            window = " ".join(x.text for x in lines[k:k + 4])
            got = first_date(window)
            if got:
                return got
        # "Protokoll 2023-05-03", "Socialnämndens protokoll 2023-05-03", "Tisdag(en) (den) 2 maj 2023"
        if re.match(r"^(?:utdrag ur \w*protokoll\w*|sammantradesprotokoll|protokoll|sammantrade|"
                    r"styrelse(?:mote|sammantrade)|"
                    r"[\w\- ]{0,40}?(?:namndens|styrelsens|fullmaktiges|utskottets) (?:sammantrades)?protokoll)\b"
                    r".{0,80}?(?:\d|den)", key) \
                or re.match(r"^(?:mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)(?:en)?(?: den| \d)", key):
            got = first_date(" ".join(x.text for x in lines[k:k + 2]))
            if got:
                return got
    for k, ln in enumerate(lines[:40]):
        # A header in running text: "Gymnasienämnden sammanträdde onsdagen den 8 februari 2023
        # kl. 13.15 i …". The verb says it is the meeting; the date follows it closely.
        m = _MET.search(ln.folded)
        if m:
            text = " ".join([ln.text.strip()] + [x.text.strip() for x in lines[k + 1:k + 2]])
            got = first_date(text[m.start():m.start() + 120])
            if got:
                return got
    return None


# The first § of the items ends the header: "§ 34", and "KF § 34", "BUN §7" with the body's prefix.
_ITEM_LINE = re.compile(r"^\s*(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}\s*)?[§$]\s*\d")


def datum_label(lines: list[Line]) -> str | None:
    """A protocol header's bare "Datum 2022-08-30" (before the first §): the meeting's date when
    nothing more specific says it. Not for agendas, whose "Datum" is often the day they were sent."""
    for k, ln in enumerate(lines[:30]):
        if _ITEM_LINE.match(ln.text):
            break
        # the date as digits, or written out after its weekday ("Datum: Onsdagen den 6:e mars 2024")
        m = re.match(r"^datum\s*:?\s*(?=\d|$|(?:(?:man|tis|ons|tors|fre|lor|son)dag(?:en)?\s+)?den\s+\d|"
                     r"(?:man|tis|ons|tors|fre|lor|son)dag(?:en)?\s+\d)", ln.folded)
        if m:
            got = first_date(ln.text) or next((first_date(x.text) for x in lines[k + 1:k + 2]), None)
            if got:
                return got
    return None


def heading_date(lines: list[Line]) -> str | None:
    """A date standing alone in a protocol's or an extract's letterhead ("PROTOKOLL" /
    "Kommunstyrelsen" / "2024-02-06", "Utdrag ur sammanträdesprotokoll" / …, or "KOMMUNFULLMÄKTIGE      PROTOKOLL" over a right-hand "2023-11-27"): the
    meeting's date, printed where other systems write "Sammanträdesdatum". Only a cell that is
    nothing but a date, within three lines of the heading and before the first §."""
    filled = [ln for ln in lines[:30] if not ln.blank]
    for k, ln in enumerate(filled[:10]):
        if re.match(r"^\s*(?:[A-ZÅÄÖ]{1,5}\s*)?[§$]\s*\d", ln.text):
            break
        cells = [heading_key(c) for c in re.split(r"\t|\s{2,}", ln.text.strip())]
        # an extract's letterhead prints the date as the protocol's does
        if not any(c in vocab.PROTOCOL_HEADINGS or c in vocab.EXTRACT_HEADINGS for c in cells):
            continue
        for nxt in filled[k:k + 4]:
            if re.match(r"^\s*(?:[A-ZÅÄÖ]{1,5}\s*)?[§$]\s*\d", nxt.text):
                return None
            for cell in re.split(r"\t|\s{2,}", nxt.text.strip()):
                got = find_dates(cell)
                if len(got) == 1 and got[0][0] == 0 and _only_date(cell):
                    return got[0][1]
        return None
    return None


def _only_date(cell: str) -> bool:
    """"2023-11-27", "27 november 2023", "den 27 november 2023": nothing but the date."""
    f = fold(cell.strip()).rstrip(".")
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{1,2} [a-z]+\.? \d{4}", f))


_MET = re.compile(r"\b(?:sammantradde|sammantrader|(?:holl|haller|hade|har) sammantrade|"
                  r"sammantradet holls|(?:samlades|samlas) till sammantrade)\b")


_SUMMONS = re.compile(r"\bkallas\b.{0,40}?\b(?:sammantrade|mote)|\bkallelse till\b|\bsammantrade\b")


def announced_date(lines: list[Line]) -> str | None:
    """An agenda's meeting date: "Sammanträdesdatum", the date in "Tid"/"Plats och tid", the
    date of the summons ("kallas till sammanträde måndagen den 24 februari 2025"); only then a
    "Datum" label (often the day the kallelse was sent) or the first date at the top."""
    got = meeting_date(lines)
    if got:
        return got
    head = lines[:40]
    for k, ln in enumerate(head):
        if _SUMMONS.search(ln.folded):
            got = first_date(" ".join(x.text for x in head[k:k + 2]))
            if got:
                return got
    for ln in head:
        if ln.folded.startswith("datum") and (got := first_date(ln.text)):
            return got
    return first_date("\n".join(ln.text for ln in lines[:30]))


def place_of(lines: list[Line]) -> str | None:
    for k, ln in enumerate(lines[:60]):
        key = ln.folded
        m = re.match(r"^(plats och tid|tid och plats|plats|lokal|motesplats|sammantradesplats)\s*:?\s*", key)
        if not m:
            continue
        rest = ln.text[m.end():].strip()
        if not rest:
            nxt = next((x for x in lines[k + 1:k + 3] if not x.blank), None)
            rest = nxt.text.strip() if nxt else ""
        place = _place_text(rest)
        if place:
            return place
    return None


def _place_text(rest: str) -> str | None:
    dates = find_dates(rest)
    cut = dates[0][0] if dates else len(rest)
    for rx in (r"\b(?:kl\.?|klockan)\s*\d", r"\b(?:mandag|tisdag|onsdag|torsdag|fredag|lordag|sondag)",
               r"\bden \d", r"\d{1,2}[.:]\d\d"):
        m = re.search(rx, fold(rest))
        if m:
            cut = min(cut, m.start())
    place = rest[:cut].strip(" ,.;:–-")
    return place if len(place) > 2 else None


# --- attendance -------------------------------------------------------------------------------
_ATT_LABEL = re.compile(r"^\s*(" + "|".join(sorted((re.escape(k) for k in vocab.ATTENDANCE_LABELS),
                                                    key=len, reverse=True)) + r")\s*:?(?=\s|$|\t)")
_STOP_LABELS = re.compile(r"^(?:plats och tid|utses att justera|justeringens|justerat|justerad|underskrifter|paragrafer|"
                          r"sekreterare|ordforande|justerande|anslag|bevis|organ|sammantradesdatum|"
                          r"datum|[§$]|forvaringsplats|protokollet|beslutande|ersattare|ovriga|"
                          r"tjanstem|ej tjanst|narvarande|justerare)")


def attendance_of(lines: list[Line]) -> list[Person]:
    out: list[Person] = []
    role: str | None = None
    for ln in lines[:150]:
        f = ln.folded
        if _ITEM_LINE.match(ln.text) or f.startswith(("arendelista", "innehall")):
            break
        m = _ATT_LABEL.match(f)
        if m:
            role = vocab.ATTENDANCE_LABELS[m.group(1).strip()]
            rest = ln.text[m.end():]
        elif _STOP_LABELS.match(f) or (ln.blank and role in ("justerare", "sekreterare", "ordforande")):
            role = None if not ln.blank else role
            continue
        else:
            rest = ln.text
        if role and rest.strip():
            out.extend(_people(rest, role))
    return _merge(out)


def chair_of(lines: list[Line]) -> tuple[str, str | None] | None:
    """The ordförande named in the header's attendance (name, party), if exactly one is."""
    chairs = {(p.name, p.party) for p in attendance_of(lines) if p.role == "ordforande"}
    return chairs.pop() if len(chairs) == 1 else None


def _people(text: str, role: str) -> list[Person]:
    got: list[Person] = []
    ms = persons.mentions(text)
    if ms:
        skip = set()
        for k, m in enumerate(ms):
            if k in skip:
                continue
            tail = text[m.end:ms[k + 1].start if k + 1 < len(ms) else len(text)]
            p = _person(m.name, m.party, role, tail, text)
            if k + 1 < len(ms) and re.search(r"(?:för|ersätter|i stället för|istället för)\s*$", tail):
                p.substitutes_for, p.role = ms[k + 1].name, "tjanstgorande_ersattare"
                skip.add(k + 1)
            got.append(p)
        return got
    pieces = [x.strip(" .") for x in re.split(r"\t|\s{2,}|;|,", text) if x.strip(" .")]
    for k, piece in enumerate(pieces):
        lead, name = _title_and_name(piece)
        if not re.fullmatch(r"[A-ZÅÄÖ][\w\-]+(?: [A-ZÅÄÖ][\w\-]+){1,3}", name):
            continue
        title = lead or (pieces[k + 1] if k + 1 < len(pieces) and pieces[k + 1][:1].islower() else "")
        own = persons.role_of(title) if title else None
        if role in ("ovrig", "tjansteman"):
            own = own if own == "sekreterare" else role
        got.append(Person(name=name, party=None, role=own or role))
    return got


_TITLE_ENDINGS = ("chef", "direktor", "direktör", "sekreterare", "handlaggare", "handläggare", "strateg",
                  "controller", "jurist", "ekonom", "samordnare", "inspektor", "inspektör", "radet",
                  "rådet", "ordforande", "ordförande")


def _title_and_name(piece: str) -> tuple[str, str]:
    """"Förvaltningschef Annika Strid" → ("Förvaltningschef", "Annika Strid")."""
    words = piece.split()
    lead = []
    while len(words) > 2 and (words[0][:1].islower() or fold(words[0]).endswith(_TITLE_ENDINGS)):
        lead.append(words.pop(0))
    if len(words) == 2 and lead == [] and fold(words[0]).endswith(_TITLE_ENDINGS):
        return "", piece
    return " ".join(lead), " ".join(words)


def _person(name: str, party: str, role: str, tail: str, line: str) -> Person:
    own = persons.role_of(tail.split("(")[0]) if tail.strip(" ,") else None
    sub = None
    m = re.search(r"(?:för|ersätter|i stället för|istället för|tjg för)\s+([A-ZÅÄÖ][\w\-]+(?: [A-ZÅÄÖ][\w\-]+){1,3})",
                  tail)
    if m:
        sub = m.group(1)
        own = "tjanstgorande_ersattare"
    if role in ("ovrig", "tjansteman", "justerare", "sekreterare"):
        own = role if role in ("justerare", "sekreterare") else (own if own == "sekreterare" else role)
    return Person(name=name, party=party, role=own or role, substitutes_for=sub)


def _merge(people: list[Person]) -> list[Person]:
    out: list[Person] = []
    for p in people:
        if not any(o.name == p.name and o.role == p.role for o in out):
            out.append(p)
    return out
