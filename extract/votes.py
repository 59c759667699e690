"""Votes (omröstning, votering): counts in digits or words, the question, the outcome."""
from __future__ import annotations

import re

from corpus.models import Vote
from extract import ballots, nlp, vocab
from extract.text import fold, squash

_REQUEST = re.compile(vocab.VOTE_REQUEST)
_QUESTION = re.compile(
    r"(ja-?\s?rost(?:en)?|ja)\s+(?:for|innebar|betyder|=|till)\s+.{3,200}?[,;]?\s*(?:och\s+)?"
    r"(nej-?\s?rost(?:en)?|nej)\s+(?:for|innebar|betyder|=|till)\s+.{3,200}?(?:[.;](?:\s|$)|$)")
_QUESTION_WHO = re.compile(r"den som (?:vill|bifaller|stodjer|rostar for|onskar|anser) .{3,200}?rostar ja.{0,200}?(?P<nej>rostar nej)"
                           r"[^.]*")


def votes_of(text: str) -> list[Vote]:
    """Every vote stated in an item's text, in order."""
    flat = squash(text)
    f = fold(flat)
    if not re.search(r"\bja\b|\bnej\b|rost|avst", f):
        return []                        # no vote here: spare loading spaCy
    starts = [m.start() for m in _REQUEST.finditer(f)]
    counts = _counts(f)
    if not counts:
        return _from_sum_row(text, flat, f)
    votes: list[Vote] = []
    prev_end = 0
    for block in _blocks(counts, starts):
        v = Vote(yes=block.get("YES"), no=block.get("NO"), abstain=block.get("ABSTAIN"))
        lo = block["_start"]
        v.question = _question(text, flat, f, max(prev_end, lo - 800), lo)
        v.outcome = _outcome(v, f[lo:lo + 400])
        votes.append(v)
        prev_end = block["_last"]
    return votes


_SUM_ROW = re.compile(r"^(?:summa|totalt|antal(?: roster)?|summering)\b[\s:]*(\d{1,3})\s+(\d{1,3})(?:\s+(\d{1,3}))?\s*$")
_SUM_ROW_ANY = re.compile(r"^(?:summa|totalt|antal(?: roster)?|summering)\b[\s:]*(?:\d{1,3}\s+){1,6}\d{1,3}\s*$")


def _from_sum_row(text: str, flat: str, f: str) -> list[Vote]:
    """A voting table whose result is stated only in its last row ("Summa  2  1  0" under
    "Ledamöter  Ja  Nej  Avstår"): the row's numbers are the counts, in the heads' order; where
    the table has more columns than votes ("Närv.  Ja  Nej  Avstår"), each number is the count
    of the head it stands under."""
    heads: list[str] | None = None
    head_line = ""
    for ln in text.split("\n"):
        cells = [fold(c).strip(" .:") for c in re.split(r"\t+|\s{2,}", ln.strip()) if c.strip()]
        if "ja" in cells and "nej" in cells:
            heads, head_line = cells, ln
            continue
        if not heads or not _SUM_ROW_ANY.match(fold(ln.strip())):
            continue
        v = _aligned_sum(head_line, ln)
        if v is None:
            m = _SUM_ROW.match(fold(ln.strip()))
            votes = [c for c in heads if c in ("ja", "nej") or c.startswith("avst")]
            # another order, numbers that do not fit the heads, or a count column that is no
            # vote ("Närv.") that the numbers may or may not stand under
            if not m or votes[:2] != ["ja", "nej"] or len(votes) > 3 or \
                    (m.group(3) is not None) != (len(votes) == 3) or any(_EXTRA_COLUMN.match(c) for c in heads):
                return []
            v = Vote(yes=int(m.group(1)), no=int(m.group(2)),
                     abstain=int(m.group(3)) if m.group(3) is not None else None)
        v.question = _question(text, flat, f, 0, len(f))
        v.outcome = _outcome(v, f)
        return [v]
    return []


def _aligned_sum(head_line: str, row: str) -> Vote | None:
    """The counts of a sum row laid out under its heads in aligned spaces, where the table has
    more count columns than votes ("Närv.  Ja  Nej  Avstår"): each number is the count of the
    head it stands under. None where the layout does not say (a tab layout keeps no empty cell
    reliably: its rows are read by the heads' order alone)."""
    if "\t" in head_line or "\t" in row:
        return None
    heads = [(m.start(), fold(m.group(0)).strip(" .:")) for m in re.finditer(r"\S+(?: \S+)*", head_line)]
    nums = [(m.start(), int(m.group(0))) for m in re.finditer(r"(?<!\S)\d{1,3}(?!\S)", row)]
    if len(heads) < 2 or not nums:
        return None
    got: dict[str, int] = {}
    for at, n in nums:
        # the nearest head, never the first (the names' column); a number more than a few
        # characters from every head is no layout to read
        start, h = min(heads[1:], key=lambda x: abs(x[0] - at))
        if abs(start - at) > 3 or h in got:
            return None
        got[h] = n
    if "ja" not in got or "nej" not in got or not any(_EXTRA_COLUMN.match(h) for h in got):
        return None
    return Vote(yes=got["ja"], no=got["nej"], abstain=next((n for h, n in got.items() if h.startswith("avst")), None))


# count columns of a voting table that are no vote: present, serving, absent
_EXTRA_COLUMN = re.compile(r"^(?:narv|narvarande|tjg|tjanstgor|franv|franvarande|nar)\b")


_COLUMN_HEADS = {"ja", "nej", "avstar", "avst", "avst.", "franvarande", "franv", "franv."}


def _counts(f: str) -> list[tuple[int, str, int]]:
    """(offset, YES/NO/ABSTAIN, number) for every count phrase."""
    nlp_, matcher = nlp.pipeline()
    spaced = re.sub(r"(\d)-(?=[a-z])", r"\1 -", f)       # "3-nej röster" → "3 -nej röster"
    spaced = re.sub(r"(\s)-(?=[a-z])", r"\1- ", spaced)
    doc = nlp_(spaced)
    out: list[tuple[int, str, int]] = []
    taken: set[int] = set()
    for match_id, s, e in sorted(matcher(doc), key=lambda x: (x[1], -(x[2] - x[1]))):
        if any(i in taken for i in range(s, e)):
            continue
        label = nlp_.vocab.strings[match_id]
        value = _value(doc[s:e])
        if value is None or (not doc[e - 1].like_num and e < len(doc) and doc[e].lower_ in _COLUMN_HEADS):
            continue                      # "Omröstning 2 / Ledamöter Ja Nej Avst": a table's heads
        taken.update(range(s, e))
        out.append((doc[s].idx, label, value))
    extra = _against(spaced, out)
    taken_at = {at for at, _, _ in extra}
    out = [x for x in out if not (x[1] == "FOR" and x[0] in taken_at)] + extra
    return _sides(_drop_ballot_words(sorted(out), spaced))


_NUM = r"(?:\d{1,3}|" + "|".join(sorted(list(vocab.NUMBER_WORDS) + list(vocab.TENS_WORDS), key=len, reverse=True)) + r")\w*"
# "beslutar med 31 röster mot 18": the first side is the one that carried the vote (ja, as in
# "N röster för A och M röster för B"), the second nej.
_AGAINST = re.compile(rf"\b(?P<a>{_NUM})\s+roster\s+mot\s+(?P<b>{_NUM})\b(?!\s*(?:-|nej|ja))")
# "med 7 röster för och 4 emot": the same two sides, named by för and emot.
_FOR_AGAINST = re.compile(rf"\b(?P<a>{_NUM})\s+roster\s+for(?:,|\s+och)\s+(?P<b>{_NUM})\s+(?:roster\s+)?e?mot\b")
# The result as a score after a word that says it is one ("med röstsiffrorna 5-4", "röstetalet
# 6 mot 5", "omröstningen utföll 7-4", a third number the abstentions: "5-4-2"). Without such a
# word, "7-4" is a range or a reference, never read as a vote.
_SCORE = r"(?:\d{1,3}(?!\d)|(?:" + "|".join(sorted(vocab.NUMBER_WORDS.keys() | vocab.TENS_WORDS.keys(), key=len, reverse=True)) + r")\w*)"
_TALLY = re.compile(
    rf"\b(?:rostsiffror(?:na)?|rostsiffran|rostetal(?:et)?|rostresultat(?:et)?|"
    rf"(?:omrostnings|voterings)resultat(?:et)?|med rosterna|(?:utfaller|utfoll)(?:\s+med)?)"
    rf"\s*(?:blev\s+|var\s+|:\s*)?(?P<a>{_SCORE})\s*(?:-|mot)\s*(?P<b>{_SCORE})"
    rf"(?:\s*(?:-|mot)\s*(?P<c>{_SCORE}))?(?![\d/]|\s*-?\s*(?:nej|ja)\b)")


def _against(f: str, found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """Counts said without ja/nej: "N röster mot M", "N röster för och M emot", "röstsiffrorna
    N-M(-K)". A "N röster för" the matcher read as the first side is replaced."""
    out = []
    for rx in (_AGAINST, _FOR_AGAINST, _TALLY):
        for m in rx.finditer(f):
            a, b = nlp.number_value(m.group("a")), nlp.number_value(m.group("b"))
            if a is None or b is None or any(lab not in ("ABSTAIN", "FOR") and abs(at - m.start()) < 60
                                             for at, lab, _ in found + out):
                continue                      # said with ja/nej already
            if rx is not _FOR_AGAINST and any(lab == "FOR" and abs(at - m.start()) < 60 for at, lab, _ in found):
                continue                      # "N röster för A och M röster för B" said it
            out += [(m.start("a"), "YES", a), (m.start("b"), "NO", b)]
            c = m.groupdict().get("c")
            if c is not None and nlp.number_value(c) is not None:
                out.append((m.start("c"), "ABSTAIN", nlp.number_value(c)))
    return out


def _sides(found: list[tuple[int, str, int]]) -> list[tuple[int, str, int]]:
    """"N röster för A och M röster för B": A is the ja side, B the nej side."""
    out = []
    for k, (at, label, value) in enumerate(found):
        if label == "FOR":
            prev = out[-1] if out else None
            label = "NO" if prev and prev[1] == "YES" and at - prev[0] < 200 else "YES"
        out.append((at, label, value))
    return out


def _value(span) -> int | None:
    first = nlp.number_value(span[0].text)
    return first if first is not None else nlp.number_value(span[-1].text)


def _drop_ballot_words(found: list[tuple[int, str, int]], f: str) -> list[tuple[int, str, int]]:
    """"Ja 1" in a table of marks is a ballot, not a count: keep only plausible counts."""
    return [x for x in found if x[2] < 400]


def _blocks(counts: list[tuple[int, str, int]], starts: list[int]) -> list[dict]:
    """Group count phrases into votes: a new vote at each request, or when a label repeats."""
    blocks: list[dict] = []
    for at, label, value in counts:
        new_request = any(blocks and blocks[-1]["_start"] < s <= at for s in starts)
        if not blocks or label in blocks[-1] or new_request or at - blocks[-1]["_last"] > 300:
            blocks.append({"_start": at, "_last": at})
        blocks[-1][label] = value
        blocks[-1]["_last"] = at
    return [b for b in blocks if "YES" in b or "NO" in b]


def _question(text: str, flat: str, f: str, lo: int, hi: int) -> str | None:
    window = f[lo:hi]
    m = _QUESTION.search(window) or _QUESTION_WHO.search(window)
    if not m:
        return None
    end = m.end()
    cut = _AFTER_QUESTION.search(window, m.start() + 8, end)
    if cut:
        end = cut.start()
    nej = m.start(2) if m.re is _QUESTION else m.end("nej")
    end = min([end] + [b - lo for b, line in _line_breaks(text).items()
                       if lo + nej < b < lo + end and ballots.opens_list(line)])
    return flat[lo + m.start():lo + end].strip(" .;,:")


def _line_breaks(text: str) -> dict[int, str]:
    """Where squash(text) joined two lines: the offset of the joining space, and the next line
    that is not blank (a question without a full stop ends at its line when a list starts there)."""
    out: dict[int, str] = {}
    at = 0                                   # the end of the words so far, in squash(text)
    prev_end = None
    for t in re.finditer(r"\S+", text):
        if prev_end is not None:
            if "\n" in text[prev_end:t.start()]:
                line_end = text.find("\n", t.start())
                out[at] = text[text.rfind("\n", 0, t.start()) + 1:line_end if line_end >= 0 else len(text)]
            at += 1
        at += len(t.group(0))
        prev_end = t.end()
    return out


# Where a question without a full stop runs on into what follows it: a ballot list ("Ja-röster:
# …", "Följande ledamöter röstar ja", "Ja: …"), a table's heads ("Ledamöter Ja Nej Avstår") or
# the result ("Med 4 ja-röster", "Resultat: 4 ja"), the heading of a voting list.
_AFTER_QUESTION = re.compile(
    r"\s(?:" + "|".join(vocab.VOTELIST_HEADINGS) + r"|(?:ja|nej)-?\s?roster(?:na)?\s*:|(?:ja|nej|avstar|avstod|avstaende)\s*:|"
    r"foljande (?:\w+ )?(?:ledamoter|ledamot) (?:rostar|rostade|rostade)|"
    r"(?:ledamoter|ledamot|namn)\s+(?:\w+\s+){0,3}?ja\s+nej\b|"
    r"(?:med|resultat(?:et)?:?)\s+\w+\s+(?:ja|roster\b)|\d+ ja-?\s?roster)")


def _outcome(v: Vote, after: str) -> str | None:
    """The winning side; on lika röstetal the side the chair's utslagsröst went to."""
    if v.yes is not None and v.no is not None and v.yes != v.no:
        return "ja" if v.yes > v.no else "nej"
    m = re.search(r"utslagsrost[^.]{0,160}", after)
    if not m:
        return None
    seg = m.group(0)
    if re.search(r"\bja\b|ja-", seg):
        return "ja"
    if re.search(r"\bnej\b|nej-", seg):
        return "nej"
    return _side_named(v.question or "", seg)


# "ja-röst för bifall till X, nej-röst för Y", "Ja för X, Nej för Y", "JA = X  NEJ = Y"
_SIDES = re.compile(r"\bja(?:-?\s?rost\w*)?(?:\s*[=:]\s*|\s+\w+\s+)(.+?)[,;.]?\s+(?:och\s+)?"
                    r"\bnej(?:-?\s?rost\w*)?(?:\s*[=:]\s*|\s+\w+\s+)(.+)")


# "Den som vill X röstar ja, den som vill Y röstar nej" (either side first)
_WHO_SIDES = re.compile(r"den som (?:vill |bifaller |stodjer |onskar |anser )?(.+?) rostar (ja|nej)\b[,;.]?\s*"
                        r"(?:och\s+)?den som (?:vill |bifaller |stodjer |onskar |anser )?(.+?) rostar (ja|nej)\b")


def _side_named(question: str, seg: str) -> str | None:
    """"… beslutar enligt budgetberedningens förslag": the side whose words the sentence repeats,
    in any form ("avslag" for "avslår", "avgöras" for "avgöra"). Words both sides have say nothing."""
    q = fold(question)
    who = _WHO_SIDES.search(q)
    if who and {who.group(2), who.group(4)} == {"ja", "nej"}:
        ja, nej = (who.group(1), who.group(3)) if who.group(2) == "ja" else (who.group(3), who.group(1))
    else:
        sides = _SIDES.search(q)
        if not sides:
            return None
        ja, nej = sides.groups()
    ja_words, nej_words, said = _content_words(ja), _content_words(nej), _content_words(seg)
    own_ja = [w for w in ja_words if not any(_same_word(w, o) for o in nej_words)]
    own_nej = [w for w in nej_words if not any(_same_word(w, o) for o in ja_words)]
    hits = [sum(any(_same_word(w, s) for s in said) for w in own) for own in (own_ja, own_nej)]
    if hits[0] != hits[1]:
        return "ja" if hits[0] > hits[1] else "nej"
    return None


def _content_words(s: str) -> list[str]:
    return [w for w in re.findall(r"[a-z]+", s) if len(w) > 4]


def _same_word(a: str, b: str) -> bool:
    """Forms of one word: a shared stem of at least five letters that leaves at most three letters
    of the shorter word ("avslag"/"avslår", "avgöras"/"avgöra", "bifall"/"bifaller"), not words
    that merely begin alike ("kommunstyrelsen"/"kommunfullmäktige")."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def agree(v: Vote) -> bool | None:
    """Do the ballots add up to the stated counts? None without ballots or counts."""
    if not v.ballots or (v.yes is None and v.no is None):
        return None
    tally = {"ja": 0, "nej": 0, "avstår": 0}
    for b in v.ballots:
        tally[b.vote] = tally.get(b.vote, 0) + 1
    return (tally["ja"] == (v.yes or 0) and tally["nej"] == (v.no or 0)
            and tally["avstår"] == (v.abstain or 0))
