"""Split a document into items: one per § heading, or the whole document when it has none.

Each item gets its paragraph number, its title and the diary numbers of its heading; tables of
contents and continuation headers ("Forts. SN § 3:11", a § repeated at a page top) are not items.
An agenda's items are its § lines, or, without §, its numbered lines ("1. Val av justerare",
"3<tab>Årsredovisning 2023<tab>KS 2024/0045", "Ärende 4 …") that run in sequence: the numbered
points of a "Förslag till beslut" under an item break the run and are not items.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from extract import dnr as dnrs
from extract import vocab
from extract.dates import find_dates
from extract.parts import PartSpan, closing_label, closing_line, closing_start, item_heading, signature_line
from extract.text import Line, fold, heading_key, join_wrapped, section_kind

_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|_{4,}|\s{3,}|\t)\s*\d{1,3}\s*$|\.{6,}|…{3,}")
# "Till"/"Från" label an addressee ("Till Socialnämnden"), not a sentence that opens with them
# ("Till justerare utsågs Anna Berg.", a whole item's record under its § line).
_LABEL_LINE = re.compile(r"^(?:dnr|diarienummer|diarienr|diarie nr|arendenr|arendenummer|var beteckning|beteckning|"
                         r"utdrag|expedieras|justerandes|sida|datum|handlaggare|telefon|e-post|"
                         r"(?:till|fran)(?!\s+\S+(?:\s+\S+){2,}\.$)|referens|bilagor?|kopia|sign|ert datum|er beteckning)\b")
_FURNITURE = re.compile(r"^(?:forts\.?|fortsattning|sida\s*\d|\d+\s*\(\d+\)$|sid\s*\d|"
                        r"justerandes|utdragsbestyrkande|signatur|\(?\d+ bilagor?\)?$)")
_ORG_LINE = re.compile(r"(?:forvaltningen|kansliet|kontoret|avdelningen|enheten|staben|"
                       r"stadsledningskontoret|tjansteutlatande|tjansteskrivelse)\s*$")


# A numbered line of an agenda: the number, then a dot, a bracket, a tab, spaces or a capital.
_AGENDA_LINE = re.compile(r"^\s*(?:(?:[aä]rende|punkt|nr)\.?\s*)?(?P<num>\d{1,2})"
                          r"(?:\s*[.)]\s*|\t+\s*|\s{2,}|\s+(?=[A-ZÅÄÖ\"“]))(?P<rest>[A-ZÅÄÖa-zåäö\"“].*)$",
                          re.IGNORECASE)
_PAGE_TAIL = re.compile(r"(?:\.{4,}|…{2,}|_{4,}|\s{3,}|\t)\s*\d{1,3}\s*$")


class _NumberedLine:
    """An agenda's numbered line dressed as an item heading match."""

    def __init__(self, m: re.Match):
        self._g = {"prefix": None, "num": m.group("num"), "rest": _PAGE_TAIL.sub("", m.group("rest"))}

    def group(self, name: str) -> str | None:
        return self._g[name]


@dataclass
class ItemSpan:
    paragraph: str
    prefix: str | None
    heading_line: int                  # index of the § line (or of the part's first line)
    body_start: int                    # first line after the heading block
    end: int
    title: str | None = None
    dnr: list[str] = field(default_factory=list)
    # the end of the item's searchable text: past `end` when the protocol's closing block (the
    # signatures, the notice box) was cut from the item, since the secretary's or a justerare's
    # name is worth finding too
    text_end: int | None = None


def split_items(lines: list[Line], part: PartSpan) -> list[ItemSpan]:
    heads = _headings(lines, part)
    if not heads:
        return [_whole_document(lines, part)]
    spans = []
    for k, (i, m, para) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else part.end
        span = ItemSpan(para, m.group("prefix"), i, i + 1, end)
        rest = m.group("rest") or ""
        _read_heading(lines, span, _PAGE_TAIL.sub("", rest) if part.kind == "agenda" else rest)
        closing = _closing_block(lines, span)
        if closing < span.end:
            span.text_end, span.end = span.end, closing
        spans.append(span)
    return spans


def _closing_block(lines: list[Line], span: ItemSpan) -> int:
    """Where the item ends: before the protocol's closing block when one fills its tail ("Vid
    protokollet", "Justerat den …", the signatures with their roles, the ANSLAG/BEVIS box), or
    at its span's end. Only a tail of closing lines is cut: page furniture ("Justerandes sign",
    "Utdragsbestyrkande") with the item going on after it stays."""
    start, i = None, span.end - 1
    while i >= span.body_start and closing_line(lines[i]):
        if closing_start(lines[i]):
            start = i
        i -= 1
    if start is None:
        return span.end
    first = start
    start = _names_above(lines, start, span.body_start)
    prev = next((ln for ln in reversed(lines[span.body_start:start]) if not ln.blank), None)
    if prev is not None and not closing_label(lines[first]) and (
            section_kind(prev.text) not in (None, "slut") or prev.text.rstrip().endswith(":")):
        return span.end                  # a list under a heading or a lead ("Till presidium väljs:")
    return start


def _names_above(lines: list[Line], start: int, stop: int) -> int:
    """The closing block's first line: the paragraphs of names above its first role line
    ("Linnéa Ström" above "Ordförande          Justerare") belong to it."""
    k = start
    while k > stop:
        j = k - 1
        while j >= stop and lines[j].blank:
            j -= 1
        top = j
        while top - 1 >= stop and not lines[top - 1].blank:
            top -= 1
        if j < stop or not all(signature_line(ln) for ln in lines[top:j + 1]):
            break
        k = top
    return k


def _wrapped_reference(lines: list[Line], i: int, m) -> bool:
    """"Enligt" / "§ 7 i reglementet ska nämnden …": a reference to a paragraph that a line
    break put at the start of a line. The sentence goes on in lower case and the line above
    ends without a full stop; a heading's title starts in upper case."""
    rest = (m.group("rest") or "").strip()
    # a sentence goes on for words; OCR's specks after a heading's number ("§1 de") do not
    if m.group("prefix") or not rest[:1].islower() or len(rest.split()) < 3:
        return False
    prev = next((ln.text.strip() for ln in reversed(lines[max(0, i - 3):i]) if not ln.blank), "")
    return bool(prev) and not prev.endswith((".", ":", "!", "?")) and prev[-1:].isalpha()


def _num(m) -> str:
    return re.sub(r"\s", "", m.group("num"))


def _headings(lines: list[Line], part: PartSpan) -> list[tuple[int, re.Match, str]]:
    found = [(i, m) for i in range(part.start, part.end) if (m := item_heading(lines[i]))
             and not _wrapped_reference(lines, i, m)]
    if not found:
        found = _number_first_headings(lines, part)
    if not found and part.kind != "agenda":
        found = _arende_headings(lines, part)
    if not found and part.kind != "agenda":
        found = _lone_fused_sign_headings(lines, part)
    if part.kind == "agenda" and not found:
        found = _numbered_lines(lines, part)
    elif part.kind != "agenda" or any(not _TOC_LINE.search(lines[i].text) for i, _ in found):
        found = [(i, m) for i, m in found if not _TOC_LINE.search(lines[i].text)]
    if part.kind != "agenda" and found:
        found = sorted(found + _fused_sign_headings(lines, part, found), key=lambda x: x[0])
    nums = _mend_sequence([_num(m) for _, m in found])
    out: list[tuple[int, re.Match, str]] = []
    for k, (i, m) in enumerate(found):
        num = nums[k]
        if any(n == num for _, _, n in out):
            continue                     # the same § again at a page top: a continuation
        if num in nums[k + 1:] and _bodyless(lines, i, found[k + 1][0] if k + 1 < len(found) else part.end):
            continue                     # listed in a table of contents, defined later
        out.append((i, m, num))
    return out


# OCR reads "§113" as "8113" or "S113" when the sign touches the number: the first character
# is the sign, the rest the number. Taken only where that number is the one the paragraphs
# around it call for, on a line of its own that opens with a capitalised title.
_FUSED_SIGN = re.compile(r"^\s*[8S]\s?(?P<num>\d{1,3})\s+(?P<rest>[A-ZÅÄÖ][a-zåäöé].*)$")


class _SeqMatch:
    """A § heading whose sign OCR fused into the number, dressed as an item heading match."""

    def __init__(self, num: str, rest: str):
        self._g = {"prefix": None, "num": num, "rest": rest}

    def group(self, name: str) -> str | None:
        return self._g[name]


def _fused_sign_headings(lines: list[Line], part: PartSpan, found: list) -> list[tuple[int, _SeqMatch]]:
    heads = [(i, _num(m)) for i, m in found if _num(m).isdigit()]
    out = []
    for i in range(part.start, part.end):
        m = _FUSED_SIGN.match(lines[i].text)
        if not m or any(i == j for j, _ in found) or (i > part.start and not lines[i - 1].blank
                                                        and not _FURNITURE.match(lines[i - 1].folded)):
            continue
        num = int(m.group("num"))
        before = [n for j, n in heads if j < i]
        after = [n for j, n in heads if j > i]
        if (before and int(before[-1]) + 1 == num) or (after and int(after[0]) - 1 == num):
            out.append((i, _SeqMatch(str(num), m.group("rest"))))
    return out


# The same fused sign with the number alone on its line ("857" for "§ 57"), in a part where no
# heading was found at all (an extract of one item has no paragraphs around it to call for its
# number): taken only where the line stands apart and a title follows with the item's diary
# number under it, the shape of an item's head; an amount or a page number has neither.
_LONE_FUSED_SIGN = re.compile(r"^\s*[8S]\s?(?P<num>\d{1,3})\s*$")
_DNR_LINE = re.compile(r"^\s*(?:dnr|diarienr|diarienummer|arendenr|arendenummer)\b", re.I)


def _lone_fused_sign_headings(lines: list[Line], part: PartSpan) -> list[tuple[int, _SeqMatch]]:
    out = []
    for i in range(part.start, part.end):
        m = _LONE_FUSED_SIGN.match(lines[i].text)
        if not m or (i > part.start and not lines[i - 1].blank
                     and not _FURNITURE.match(lines[i - 1].folded)):
            continue
        after = [ln for ln in lines[i + 1:min(part.end, i + 8)] if not ln.blank][:3]
        if (len(after) >= 2 and after[0].text.strip()[:1].isupper()
                and not after[0].text.rstrip().endswith(".")
                and any(_DNR_LINE.match(ln.folded) for ln in after[1:])):
            out.append((i, _SeqMatch(m.group("num"), "")))
    return out


# "31 §" (the number before the sign, as statutes write it) heads the paragraphs of some
# secretaries' minutes. That is also how running text cites a law ("enligt 31 § förvaltningslagen",
# "6 kap. 5 § SoL"), so such a line is a heading only where the document writes no "§ 31" at all,
# the line stands apart (a blank line or page furniture above it, so no sentence wrapped onto it),
# and what follows the sign is a title, a diary number or nothing: never a law, a chapter, a
# statute's abbreviation ("SoL", "LSS") or words in lower case ("andra stycket").
# A body's prefix may stand before the number ("KS 31 §", as "KS § 31"): in capitals (or a body
# prefix the vocabulary knows, "BoM"), never a statute's abbreviation ("LSS 9 §", "SoL 4 §").
_NUMBER_FIRST = re.compile(r"^\s*(?:(?P<prefix>[A-ZÅÄÖ]{2,5}|" + "|".join(
    sorted((re.escape(p) for p in vocab.BODY_PREFIXES if not p.isupper()), key=len, reverse=True))
    + r")[ \t]+)?(?P<num>\d{1,3})\s?§(?!\s*§)[\s.:\-–]*(?P<rest>.*)$")
_LAW_WORD = re.compile(r"^(?:\w*(?:lagen|lag|balken|balk|forordningen|forordning|stadgan|"
                       r"reglementet|kap|kapitlet)|sfs|prop|jfr|st|p)\b\.?")
_STATUTE_ABBR = re.compile(r"^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\b(?!-)")


class _NumberFirst:
    """A "31 §" heading dressed as an item heading match."""

    def __init__(self, m: re.Match):
        self._g = {"prefix": m.groupdict().get("prefix"), "num": m.group("num"), "rest": m.group("rest")}

    def group(self, name: str) -> str | None:
        return self._g[name]


def _standalone_headings(lines: list[Line], part: PartSpan, pattern: re.Pattern[str],
                         is_title: Callable[[str], object], single_in: tuple[str, ...]
                         ) -> list[tuple[int, _NumberFirst]]:
    """Lines matching `pattern` (groups `num`, `rest`) that head items: each stands apart (a
    blank line or page furniture above it), what follows its number is a title (`is_title`),
    a diary number, a date or nothing, and the numbers run up. A part with a single such line
    has a heading only if it is of a kind in `single_in`."""
    out: list[tuple[int, _NumberFirst]] = []
    for i in range(part.start, part.end):
        m = pattern.match(lines[i].text)
        if not m or _TOC_LINE.search(lines[i].text) or not _body_prefix(m.groupdict().get("prefix")):
            continue
        if i > part.start and not lines[i - 1].blank and not _FURNITURE.match(lines[i - 1].folded):
            continue
        rest = m.group("rest").strip()
        if rest and not (_is_dnr_or_date(rest) or is_title(rest)):
            continue
        if out and int(m.group("num")) <= int(out[-1][1].group("num")):
            continue                     # numbers run up; a repeat at a page top is not a new item
        out.append((i, _NumberFirst(m)))
    if len(out) < 2 and part.kind not in single_in:
        return []
    return out


def _body_prefix(prefix: str | None) -> bool:
    """No prefix, or one that may be a body's: not a statute's, a citation's or a party's."""
    return not prefix or prefix in vocab.BODY_PREFIXES or not (
        prefix.upper() in vocab.STATUTES or prefix.upper() in vocab.DNR_NOT_PREFIXES
        or prefix.upper() in vocab.PARTIES)


def _number_first_headings(lines: list[Line], part: PartSpan) -> list[tuple[int, _NumberFirst]]:
    # a single such line is a heading only in a protocol (an extract of one paragraph); in a
    # report a lone "4 § Kommunen ansvarar …" is more likely a statute quoted
    return _standalone_headings(lines, part, _NUMBER_FIRST, _title_start, ("proto", "agenda"))


# "Ärende 5" heads the items of some small municipalities' minutes instead of "§ 5". Running
# text names items that way too ("Ärende 5 behandlades före ärende 4", "se ärende 5"), so a line
# is a heading only where the document writes no §, the line stands apart (a blank line or page
# furniture above it), what follows the number is a title, a diary number or nothing, and the
# numbers run up; a file with a single such line is a heading only in a protocol.
_ARENDE_LINE = re.compile(r"^\s*(?:[AÄ]rende|ÄRENDE|ARENDE)\s+(?:nr\.?\s*)?(?P<num>\d{1,3})(?!\d|\s?[:/.,\-–]\s?\d)"
                          r"[\s.:\-–]*(?P<rest>.*)$")


def _arende_headings(lines: list[Line], part: PartSpan) -> list[tuple[int, _NumberFirst]]:
    return _standalone_headings(lines, part, _ARENDE_LINE,
                                lambda rest: re.match(r"[A-ZÅÄÖ\"“]", rest), ("proto",))


def _title_start(rest: str) -> bool:
    """What follows "31 §" opens a title: a capitalised word that names no law or chapter."""
    if not re.match(r"[A-ZÅÄÖ\"“]", rest) or _STATUTE_ABBR.match(rest):
        return False
    return not _LAW_WORD.match(fold(rest.lstrip("\"“")))


def _numbered_lines(lines: list[Line], part: PartSpan) -> list[tuple[int, _NumberedLine]]:
    """The longest run of numbered lines counting up by one: an agenda's items."""
    cands = [(i, int(m.group("num")), m) for i in range(part.start, part.end)
             if (m := _AGENDA_LINE.match(lines[i].text))]
    best: list[tuple[int, re.Match]] = []
    for k, (i, n, m) in enumerate(cands):
        if n > 1 and best:
            continue
        run, want = [(i, m)], n + 1
        for j, n2, m2 in cands[k + 1:]:
            if n2 == want:
                run.append((j, m2))
                want += 1
        if len(run) > len(best):
            best = run
    if len(best) < 2:
        return []
    return [(i, _NumberedLine(m)) for i, m in best]


def _mend_sequence(nums: list[str]) -> list[str]:
    """OCR drops or mangles a digit ("§5" between § 84 and § 86): paragraphs run in sequence,
    so a number that breaks the run and matches the expected one's last digits is that one."""
    out = list(nums)
    for k in range(1, len(out)):
        prev = out[k - 1]
        if not (prev.isdigit() and out[k].isdigit()):
            continue
        want = str(int(prev) + 1)
        nxt = out[k + 1] if k + 1 < len(out) else None
        fits_next = nxt is None or (nxt.isdigit() and int(nxt) == int(want) + 1)
        if out[k] != want and fits_next and len(out[k]) < len(want) and want.endswith(out[k]):
            out[k] = want
    return out


def _bodyless(lines: list[Line], start: int, nxt: int) -> bool:
    """A table-of-contents entry: at most a few short lines (a page header) before the next §."""
    filled = [ln for ln in lines[start + 1:nxt] if not ln.blank and not item_heading(ln)]
    return len(filled) <= 5 and all(len(ln.text.strip()) <= 60 and not section_kind(ln.text)
                                    for ln in filled)


def _read_heading(lines: list[Line], span: ItemSpan, rest: str) -> None:
    """Title and diary numbers from the § line and the few lines under it."""
    block: list[str] = [rest]
    i = span.heading_line + 1
    title = _title_from(rest)
    if title is not None:
        # a long title on the § line wraps onto the next ("§ 31 Svar på motion om fler
        # parkbänkar och" / "bättre belysning i centrum" / "Dnr KS 2017/301")
        wrapped, j = _wrapped_title([Line(0, 0, title)] + lines[i:span.end], 0, span.end - i + 1)
        if j > 1 and not fold(lines[i].text.strip()).startswith("att "):
            title, i = wrapped, i + j - 1
    seen = 0
    while i < span.end and seen < 6:
        ln = lines[i]
        if ln.blank:
            i += 1
            continue
        if section_kind(ln.text) or len(ln.text) > 110:
            break
        f = ln.folded
        if title is None and not _LABEL_LINE.match(f) and not _is_dnr_or_date(ln.text) \
                and not _FURNITURE.match(f):
            title, i = _wrapped_title(lines, i, span.end)
            block.append(title)
            seen += 1
            continue
        if title is not None and not (_LABEL_LINE.match(f) or _is_dnr_or_date(ln.text)):
            break
        block.append(ln.text)
        seen += 1
        i += 1
    span.title = _clean_title(title) if title else None
    span.body_start = i
    span.dnr = dnrs.unique([n for t in block for _, n in dnrs.find(t)])


def _title_from(rest: str) -> str | None:
    t = re.sub(r"^[\s.:\-–]+", "", rest)
    t = _strip_dnr(t)
    return t if len(t) > 2 and re.search(r"[A-Za-zÅÄÖåäö]{3}", t) else None


def _strip_dnr(t: str) -> str:
    """A title without its diary numbers, their labels and the brackets around them."""
    for start, end, _ in reversed(dnrs.spans(t)):
        head = re.sub(r"[(\[]?\s*(?:" + dnrs.LABEL_RE.pattern + r")?\s*$", "", t[:start], flags=re.I)
        tail = re.sub(r"^\s*[)\]]?", "", t[end:])
        t = f"{head} {tail}"
    t = _LABELLED_DATE.sub(" ", t)
    t = re.sub(r"\b(?:dnr|diarienummer|diarienr)\b\.?:?\s*$", "", t, flags=re.I)
    return re.sub(r"\s+", " ", t).strip(" ,.-–:")


# "Dnr: 2023-05-16", "Dnr KS 2023-05-16": a date where the number should be (`dnrs` reads no
# number there) is no part of the title either
_LABELLED_DATE = re.compile(r"[(\[]?\s*\b(?:dnr|diarienummer|diarienr)\b\.?\s*:?\s*(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,4}[\s/.\-]?)?"
                            r"(?:19|20)\d\d([-.])\d\d\1\d\d(?![\d/])\s*[)\]]?", re.I)


def _is_dnr_or_date(text: str) -> bool:
    rest = text
    for start, end, _ in reversed(dnrs.spans(text)):      # as printed, not as normalized
        rest = rest[:start] + rest[end:]
    rest = re.sub(r"(?i)\b(?:dnr|diarienummer|datum)\b\.?:?", "", rest)
    for _ in find_dates(rest):
        rest = re.sub(r"\d{4}-\d\d-\d\d|\d{1,2} \w+ \d{4}", "", rest)
    return len(re.sub(r"[\W\d_]", "", rest)) < 3


def _wrapped_title(lines: list[Line], i: int, end: int) -> tuple[str, int]:
    """A title line and the lines it wraps onto (no blank line, next starts lower case)."""
    got = [lines[i].text.strip()]
    j = i + 1
    while j < end and not lines[j].blank and len(got) < 3:
        nxt = lines[j].text.strip()
        if section_kind(nxt) or _LABEL_LINE.match(fold(nxt)) or not (nxt[:1].islower() or
                                                                     got[-1].endswith(("-", ","))):
            break
        got.append(nxt)
        j += 1
    return join_wrapped(got), j


def _clean_title(t: str) -> str:
    # "Ärende: Riktlinjer för ekonomiskt bistånd": the label is not part of the title
    t = re.sub(r"^(?:ärende|ärendet|rubrik|angående|avser|gäller)\s*:\s*(?=\S)", "", t.strip(), flags=re.I)
    return _strip_dnr(t).strip()


def _whole_document(lines: list[Line], part: PartSpan) -> ItemSpan:
    """A document without §: one item whose title is the document's title."""
    span = ItemSpan("", None, part.start, part.start, part.end)
    first_heading = next((i for i in range(part.start, part.end) if section_kind(lines[i].text)),
                         part.end)
    block = _title_block(lines, part.start, min(first_heading, part.start + 60))
    span.title = _clean_title(block) if block else None
    header_text = "\n".join(ln.text for ln in lines[part.start:min(first_heading, part.start + 40)])
    span.dnr = dnrs.unique([n for _, n in dnrs.find(header_text)])
    span.body_start = part.start
    return span


def _title_block(lines: list[Line], start: int, stop: int) -> str | None:
    """The title: the last run of title-like lines before the first section heading."""
    runs: list[list[str]] = []
    cur: list[str] = []
    for ln in lines[start:stop]:
        if ln.blank or not _title_like(ln):
            if cur:
                runs.append(cur)
            cur = []
            continue
        cur.append(ln.text.strip())
    if cur:
        runs.append(cur)
    runs = [r for r in runs if len(join_wrapped(r)) > 8]
    if not runs:
        return None
    title = runs[-1]
    if len(runs) > 1 and _continues(runs[-2][-1]):
        title = runs[-2] + title           # OCR set a blank line inside a wrapped title
    return join_wrapped(_wrapped_run(title))


def _continues(line: str) -> bool:
    """A line that cannot end a title: it ends with a hyphen, a comma or a little word."""
    return bool(re.search(r"(?:[-,]|\s(?:i|och|för|med|av|om|på|till|vid|inom|mellan|samt|från))$", line))


def _wrapped_run(run: list[str]) -> list[str]:
    """The title's own lines: a line that starts in upper case after a finished line is a
    subtitle ("Remiss från kommunstyrelsen"), not part of the title."""
    out = [run[0]]
    for ln in run[1:]:
        if not (ln[:1].islower() or ln[:1] in "(–-" or _continues(out[-1])):
            break
        out.append(ln)
    return out


def _title_like(ln: Line) -> bool:
    t, f = ln.text.strip(), ln.folded
    if _LABEL_LINE.match(f) or _FURNITURE.match(f) or _ORG_LINE.search(f) or _is_dnr_or_date(t):
        return False
    if "@" in t or re.search(r"\d{3} ?\d{2} \w|box \d|\d{2,3}-\d{2,3} ?\d{2} ?\d{2}|www\.|\.se\b", f):
        return False
    if re.fullmatch(r"\(.*\)", t) or len(t) > 160 or heading_key(t) in ("", "tjansteutlatande"):
        return False
    return len(t.split()) >= 2 or len(t) > 12
