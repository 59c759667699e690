"""How each member voted, from every layout we meet.

- tables with tab-separated columns (Närv., Tjg, then ja/nej/avst per vote, several votes side by
  side, marks ✓/X/x/1), as a voting list (Voteringslista, Omröstningsbilaga) or inside an item;
- tables aligned with spaces (the same, flattened from a PDF);
- one member a line ("Sara Lund (C) - JA", "Omar Haddad (S)  Nej");
- lists in prose ("Följande ledamöter röstar ja: Sara Lund (C), Omar Haddad (S) …").
A tjänstgörande ersättare named beside a ledamot casts the ballot.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus.models import Ballot
from extract import persons
from extract.text import fold

_MARK = re.compile(r"^\s*(?:[xX✓✔√☒●*1vV]|\[x\]|\(x\))\s*$")

# "Lisa Holm (S) för Per Ek (S)", "…, tjänstgörande ersättare för …", "… ers. för …": the first
# member named casts the ballot in the second's place
_SUBSTITUTE = re.compile(r"\s*,?\s*(?:(?:tjänstgörande|tjg\.?)\s+)?(?:(?:ersättare|ers\.)\s*)?"
                        r"(?:för|ersätter|i stället för|istället för)\s+", re.IGNORECASE)


@dataclass
class BallotList:
    """The ballots of one vote, with the paragraph its label names ("Vot § 3:11"), if any."""
    line: int
    ballots: list[Ballot] = field(default_factory=list)
    paragraph: str | None = None


def _vote_word(cell: str) -> str | None:
    c = fold(cell).strip(" .:*")
    if c in ("ja", "ja-rost", "ja-roster"):
        return "ja"
    if c in ("nej", "nej-rost", "nej-roster"):
        return "nej"
    if c.startswith("avst") or c in ("nedlagd", "nedlagda", "avstaende"):
        return "avstår"
    return None


def _para_ref(text: str) -> str | None:
    m = re.search(r"[§$]\s*(\d{1,3}(?:\s?:\s?\d{1,3})?)", text)
    return re.sub(r"\s", "", m.group(1)) if m else None


_PLAIN_NAME = re.compile(r"^[A-ZÅÄÖ][\w\-]+(?: (?:von|af|de|van|der|den) )?(?: ?[A-ZÅÄÖ][\w\-.]*){1,3}(?:,.*)?$")


def _voter(cells: list[str], known: dict[str, str]) -> tuple[str, str | None] | None:
    """The member who voted on a row: the tjänstgörande ersättare when one is named beside;
    a bare party cell ("M") after a name gives the party."""
    found: list[tuple[str, str | None]] = []
    for c in cells:
        c = c.strip()
        if c[:1].islower() and _capitalised(c) in known:
            c = c[:1].upper() + c[1:]       # a poor scan's OCR lost the capital ("jonas Ek")
        ms = persons.mentions(c)
        if len(ms) == 2 and _SUBSTITUTE.fullmatch(c[ms[0].end:ms[1].start]):
            found.append((ms[0].name, ms[0].party))     # "Lisa Holm (S) ers. för Bo Ek (M)"
        elif ms:
            found.append((ms[-1].name, ms[-1].party))
        elif found and re.fullmatch(r"[A-ZÅÄÖ]{1,3}", c) and persons.is_party(c):
            found[-1] = (found[-1][0], c)
        elif c and not _MARK.match(c) and _PLAIN_NAME.match(c):
            name = c.split(",")[0].strip()
            found.append((name, known.get(name)))
    return found[-1] if found else None


def _capitalised(cell: str) -> str:
    """The name a cell starts with, its first letter in capitals ("jonas Ekström, 1:e vice
    ordförande" -> "Jonas Ekström")."""
    name = cell.split(",")[0].split("(")[0].strip()
    return name[:1].upper() + name[1:]


# --- tab-separated tables ------------------------------------------------------------------
def tab_tables(lines: list[str], offset: int, known: dict[str, str]) -> list[BallotList]:
    out: list[BallotList] = []
    for h, ln in enumerate(lines):
        if "\t" not in ln:
            continue
        cells = ln.split("\t")
        words = [_vote_word(c) for c in cells]
        if "ja" not in words or "nej" not in words:
            continue
        groups = _groups(words)
        labels = _labels_above(lines, h, groups)
        rows = _rows(lines, h + 1)
        for g, label in zip(groups, labels):
            bl = BallotList(offset + h, paragraph=_para_ref(label or ""))
            for row in rows:
                voter = _voter(row[:min(g.values())], known)
                vote = next((w for w, idx in g.items() if idx < len(row) and _MARK.match(row[idx])), None)
                if voter and vote:
                    bl.ballots.append(Ballot(voter[0], voter[1], vote))
            if bl.ballots:
                out.append(bl)
    return out


def _groups(words: list[str | None]) -> list[dict[str, int]]:
    groups: list[dict[str, int]] = []
    for i, w in enumerate(words):
        if w == "ja":
            groups.append({"ja": i})
        elif w and groups and w not in groups[-1]:
            groups[-1][w] = i
    return [g for g in groups if "nej" in g]


def _labels_above(lines: list[str], h: int, groups: list[dict[str, int]]) -> list[str | None]:
    for back in (1, 2):
        if h - back < 0 or "\t" not in lines[h - back]:
            continue
        cells = lines[h - back].split("\t")
        labels = []
        for g in groups:
            lo = min(g.values())
            cand = [cells[i] for i in range(max(0, lo - 1), min(len(cells), max(g.values()) + 1))
                    if i < len(cells) and cells[i].strip()]
            labels.append(cand[0] if cand else None)
        if any(labels):
            return labels
    return [None] * len(groups)


def _rows(lines: list[str], start: int) -> list[list[str]]:
    rows = []
    blanks = 0
    for ln in lines[start:]:
        if not ln.strip():
            blanks += 1
            if blanks > 1 and rows:
                break
            continue
        if "\t" not in ln:
            if len(ln.split()) <= 3 and not persons.mentions(ln):
                continue                   # a sub-heading inside the table ("Ersättare")
            break
        blanks = 0
        rows.append(ln.split("\t"))
    return rows


# --- space-aligned tables ------------------------------------------------------------------
_SPACED_HEAD = re.compile(r"(?i)(?<!\S)ja(?:-röster)?\s{2,}nej(?:-röster)?(?!\S)")


def spaced_tables(lines: list[str], offset: int, known: dict[str, str]) -> list[BallotList]:
    out: list[BallotList] = []
    for h, ln in enumerate(lines):
        if "\t" in ln or not _SPACED_HEAD.search(ln):
            continue
        cols = [(m.start(), m.end(), _vote_word(m.group(0))) for m in re.finditer(r"\S+", ln)]
        cols = [(s, e, w) for s, e, w in cols if w]
        groups = _spaced_groups(cols)
        label_line = lines[h - 1] if h > 0 else ""
        for g in groups:
            lo = min(s for s, _, _ in g)
            label = _label_at(label_line, lo)
            bl = BallotList(offset + h, paragraph=_para_ref(label or ""))
            for row in _spaced_rows(lines, h + 1):
                _spaced_ballot(row, g, known, lo, bl)
            if bl.ballots:
                out.append(bl)
    return out


def _spaced_groups(cols: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    groups: list[list[tuple[int, int, str]]] = []
    for c in cols:
        if c[2] == "ja" or not groups:
            groups.append([c])
        else:
            groups[-1].append(c)
    return [g for g in groups if any(w == "nej" for _, _, w in g)]


def _label_at(line: str, pos: int) -> str | None:
    best = None
    for m in re.finditer(r"\S+(?: \S+)*", line):
        if m.start() <= pos + 2:
            best = m.group(0)
    return best


def _spaced_rows(lines: list[str], start: int) -> list[str]:
    rows = []
    for ln in lines[start:]:
        if not ln.strip():
            if rows:
                break
            continue
        rows.append(ln)
    return rows


def _spaced_ballot(row: str, group: list[tuple[int, int, str]], known: dict[str, str], lo: int,
                   bl: BallotList) -> None:
    marks = [(m.start(), m.end()) for m in re.finditer(r"\S+", row) if m.start() >= lo - 1
             and _MARK.match(m.group(0))]
    if not marks:
        return
    # up to the first mark, not to the first column: a long name runs on under "Ja"
    name_part = row[:marks[0][0]].rstrip()
    cells = re.split(r"\s{2,}|\t", name_part.strip())
    voter = _voter(cells, known)
    if not voter:
        return
    for ms, me in marks:
        centre = (ms + me) / 2
        nearest = min(group, key=lambda c: abs((c[0] + c[1]) / 2 - centre))
        if abs((nearest[0] + nearest[1]) / 2 - centre) <= 6:
            bl.ballots.append(Ballot(voter[0], voter[1], nearest[2]))
            return


# --- a list of names under each vote --------------------------------------------------------
# "JA (11)<tab>NEJ (8)<tab>AVSTÅR (2)" and under each heading the names of those who voted so,
# one a row: the column says the ballot, not a mark.
_COUNT_TAIL = re.compile(r"\s*(?:\(\s*\d{1,3}\s*\)|:\s*\d{1,3}|\d{1,3})?\s*:?\s*$")


def _vote_heading(cell: str) -> str | None:
    """A column heading that names a ballot, with or without its count ("Nej (8)", "Ja-röster:")."""
    return _vote_word(_COUNT_TAIL.sub("", cell)) if cell.strip() else None


def name_columns(lines: list[str], offset: int, known: dict[str, str]) -> list[BallotList]:
    out: list[BallotList] = []
    for h, ln in enumerate(lines):
        if "\t" in ln:
            heads = [(k, _vote_heading(c)) for k, c in enumerate(ln.split("\t")) if c.strip()]
            cell_of = None
        else:
            heads = [(m.start(), _vote_heading(m.group(0))) for m in re.finditer(r"\S+(?: \S+)*", ln)]
            cell_of = [k for k, _ in heads]
        words = [w for _, w in heads]
        if len(heads) < 2 or None in words or {"ja", "nej"} - set(words) or len(set(words)) < len(words):
            continue                     # each ballot heads one column, once
        bl = BallotList(offset + h)
        tabbed = cell_of is None
        rows = lines[h + 1:]
        for r, row in enumerate(rows):
            if not row.strip():
                # OCR sets a blank line inside a list; a paragraph after it ends the list
                nxt = next((x for x in rows[r + 1:r + 3] if x.strip()), "")
                if bl.ballots and not _names_row(nxt, tabbed, known):
                    break
                continue
            got = _names_row(row, tabbed, known)
            if not got:
                break
            for k, who in got:
                vote = _column_vote(k, heads, tabbed)
                if vote:
                    bl.ballots.append(Ballot(who[0], who[1], vote))
        if len(bl.ballots) >= 2:
            out.append(bl)
    return out


def _names_row(row: str, tabbed: bool, known: dict[str, str]) -> list[tuple[int, tuple[str, str | None]]]:
    """The names on a row of a name-column list, each with its cell (tabbed) or its offset
    (aligned with spaces); [] when the row is not one (a sentence, a heading)."""
    if tabbed:
        got = [(k, _column_name(c, known)) for k, c in enumerate(row.split("\t"))]
        return [(k, n) for k, n in got if n]
    ms = persons.mentions(row)
    if ms:
        # OCR leaves stray marks of the ruling ("|", "—_", "be a"); words of a sentence mean prose
        rest = row
        for m in reversed(ms):
            rest = rest[:m.start] + rest[m.end:]
        if len([w for w in re.findall(r"[^\W\d_]{2,}", rest) if len(w) > 2]) > 1:
            return []
        return [(m.start, (m.name, m.party)) for m in ms]
    cells = [(m.start(), _column_name(m.group(0), known)) for m in re.finditer(r"\S+(?: \S+)*", row)]
    return [(k, n) for k, n in cells if n] if cells and all(n for _, n in cells) else []


def _column_vote(k: int, heads: list[tuple[int, str | None]], tabbed: bool) -> str | None:
    if tabbed:
        return next((w for i, w in heads if i == k), None)
    # the heading nearest the name's start, if the name stands under it: closer than half the
    # narrowest gap between headings (a name in a column of its own belongs to no heading)
    at, w = min(heads, key=lambda x: abs(x[0] - k))
    starts = sorted(x[0] for x in heads)
    gap = min(b - a for a, b in zip(starts, starts[1:]))
    return w if abs(at - k) <= max(4, gap / 2) else None


def _column_name(cell: str, known: dict[str, str]) -> tuple[str, str | None] | None:
    cell = cell.strip()
    if not cell or _MARK.match(cell):
        return None
    ms = persons.mentions(cell)
    if ms:
        return ms[-1].name, ms[-1].party
    if _PLAIN_NAME.match(cell):
        name = cell.split(",")[0].strip()
        return name, known.get(name)
    return None


# --- one member a line, and prose lists -----------------------------------------------------
_LINE_VOTE = re.compile(r"^\s*(?P<who>.+?)(?P<sep>\s*(?:[-–:]\s*|\t+|\s{2,}|\s))"
                        r"(?P<verb>(?:röstar|röstade|rostar|rostade)\s+)?(?P<vote>ja|nej|avstår|avstod|avst\.?)\s*\.?\s*$",
                        re.IGNORECASE)


def line_ballots(lines: list[str], offset: int, known: dict[str, str]) -> list[BallotList]:
    """"Sara Lund (C) - JA", "Sara Lund (C) röstar ja.", and in a column layout without brackets
    "Sara Lund<tab>C<tab>Ja" or "Sara Lund      Ja" (a list of two or more such lines)."""
    out: list[BallotList] = []
    cur: BallotList | None = None
    plain: set[int] = set()                  # lists holding a name read without a bracketed party
    for i, ln in enumerate(lines):
        m = _LINE_VOTE.match(ln)
        if not m or len(m.group("who")) >= 80:
            continue
        who = persons.mentions(m.group("who"))
        if len(who) == 2 and _SUBSTITUTE.fullmatch(m.group("who")[who[0].end:who[1].start]):
            # "Lisa Holm (S) för Per Ek (S)  Nej": the tjänstgörande ersättare casts the ballot
            who = who[:1]
            if m.group("who")[:who[0].start].strip(" ,") and \
                    not _whole_voter(m.group("who")[:who[0].end], who[0], False):
                continue
        elif who and not _whole_voter(m.group("who"), who[-1], bool(m.group("verb"))):
            continue
        voter = (who[-1].name, who[-1].party) if who else None
        columns = "\t" in m.group("sep") or len(m.group("sep")) >= 2
        if voter is None and columns:
            voter = _voter(re.split(r"\t|\s{2,}", m.group("who").strip()), known)
        if voter is None:
            continue
        if cur is None or i - cur.line + offset > 3 + len(cur.ballots):
            cur = BallotList(offset + i)
            out.append(cur)
        if not who:
            plain.add(len(out) - 1)
        cur.ballots.append(Ballot(voter[0], voter[1], _vote_word(m.group("vote")) or "avstår"))
    # a lone "Name  Ja" line is more likely a stray cell than a ballot list
    return [bl for k, bl in enumerate(out) if k not in plain or len(bl.ballots) >= 2]


def _whole_voter(who: str, m: persons.Mention, sentence: bool) -> bool:
    """The member is the line's subject: only role words before the name ("Ordföranden"), not
    a sentence wrapped onto the line ("bifaller Karin Dahls (M) yrkande röstar nej."); in the
    sentence form ("Sara Lund (C) röstar ja.") nothing but the name."""
    before = who[:m.start].split()
    if any(w[:1].islower() and fold(w).strip(",.") not in persons.ROLE_HEADS for w in before):
        return False
    return not sentence or not who[m.end:].strip(" ,")


# Between a list's vote word and its colon ("röstar ja till förslaget:"): words of the same line and
# sentence. A sentence that ends in "röstar nej." (the question) heads no list on the next line.
_SAME_SENTENCE = r"(?:[^:.!?\n]|[.!?](?![ \t]*(?:\n|$)|[ \t]+(?-i:[A-ZÅÄÖ])))"
_PROSE = re.compile(r"(?:(?:följande|foljande)\s+(?:\w+\s+){0,2}?)?"
                    r"(?:röstar|röstade|rostar|rostade)\s+(?P<v1>ja|nej|avstår|avstod)\b" + _SAME_SENTENCE + r"{0,40}:"
                    r"|(?P<v2>ja|nej)-?röst(?:er|erna)?\s*(?:\(\d+\))?\s*:"
                    r"|(?P<v3>avstår|avstod|avstående|avstod från att rösta|avstår från att rösta)"
                    r"\s*(?:\(\d+\))?\s*:"
                    r"|(?:följande|foljande)\s+(?:\w+\s+){0,2}?(?P<v4>avstår|avstod)" + _SAME_SENTENCE + r"{0,30}:"
                    r"|(?:^|(?<=\n)|(?<=\.\s))(?P<v5>ja|nej|avstår|avstod)\s*(?:\(\d+\))?\s*:"
                    # the vote word first: "Ja röstar: …", "Nej röstade (3): …"
                    r"|(?:^|(?<=\n)|(?<=\.\s))(?P<v7>ja|nej)[ \t]+(?:röstar|röstade|rostar|rostade)"
                    r"[ \t]*(?:\(\d+\))?[ \t]*:"
                    # a heading alone on its line, the names on the lines under it ("Ja-röster (6)")
                    r"|^[ \t]*(?:(?:följande\s+\w+\s+)?röst(?:ar|ade)\s+)?(?P<v6>ja|nej|avstår|avstod|avstående)"
                    r"(?:-?röst(?:er|erna)?)?[ \t]*(?:\(\d+\))?[ \t]*$",
                    re.IGNORECASE | re.MULTILINE)


def prose_ballots(text: str, known: dict[str, str]) -> list[BallotList]:
    """"Följande ledamöter röstar ja: A (C), B (S) och C (M)." → ballots; groups per vote."""
    out: list[BallotList] = []
    seen: set[str] = set()
    found = list(_PROSE.finditer(text))        # before joining lines: "Ja:" opens a line
    text = text.replace("\n", " ")          # a list wraps over lines (offsets kept)
    for m in found:
        vote = _vote_word(next(g for g in m.group("v1", "v2", "v3", "v4", "v5", "v6", "v7") if g))
        if not vote:
            continue
        if not out or vote in seen:
            out.append(BallotList(m.start()))
            seen = set()
        seen.add(vote)
        for name, party in _chain(text[m.end():], known):
            out[-1].ballots.append(Ballot(name, party, vote))
    return out


def _chain(text: str, known: dict[str, str]) -> list[tuple[str, str | None]]:
    """The names listed right after a colon: mentions separated by commas and "och"."""
    got: list[tuple[str, str | None]] = []
    pos = 0
    for m in persons.mentions(text[:1500]):
        gap = text[pos:m.start]
        if got and not re.fullmatch(r"[\s,;]*(?:och|samt)?[\s,;]*", gap):
            break
        if not got and len(gap.strip()) > 3:
            break
        got.append((m.name, m.party))
        pos = m.end
    if got:
        return got
    plain = re.match(r"\s*([^.\n]+)", text)
    if not plain:
        return []
    names = [n.strip() for n in re.split(r",|\boch\b|\bsamt\b", plain.group(1)) if n.strip()]
    return [(n, known.get(n)) for n in names if re.fullmatch(r"[A-ZÅÄÖ][\w\-]+(?: [A-ZÅÄÖ][\w\-]+){1,3}", n)]


def opens_list(line: str) -> bool:
    """Does this line start a list of ballots: a ballot of its own ("Sara Lund (C)   Ja"), a list's
    heading ("Följande röstar ja: …", "Ja-röster (6)") or a voting table's heads ("Ledamot  Ja  Nej")?"""
    if not line.strip():
        return False
    if _PROSE.match(line.strip()) or line_ballots([line], 0, {}):
        return True
    cells = [_vote_word(c) for c in re.split(r"\t+|\s{2,}", line.strip())]
    return "ja" in cells and "nej" in cells


def find_all(lines: list[str], offset: int, known: dict[str, str]) -> list[BallotList]:
    """Every ballot list in these lines, in order of appearance."""
    text = "\n".join(lines)
    found = tab_tables(lines, offset, known) + spaced_tables(lines, offset, known) + \
        name_columns(lines, offset, known)
    if not found:
        found = line_ballots(lines, offset, known)
    if not found:
        found = prose_ballots(text, known)
    return sorted(found, key=lambda b: b.line)

