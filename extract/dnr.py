"""Diary numbers (diarienummer) in every common shape, normalized as the contract says.

`3.2-0100/2012`, `3.1.1-690/2019`, `KS 2014/0159`, `SN 2014/0033-753`, `KS/2019:123`, `BUN 2019/233`,
`BN 2025-1234`, `2020-1234`, after a label also serial first (`RS 1234-2024`, `KS 347/2019`).
No "Dnr", no trailing "(1)", OCR-split pieces joined ("3.2- 0073/201 1"), O/0 and l/1
confusions fixed inside numbers.
"""
from __future__ import annotations

import re
from datetime import date

from extract import vocab
from extract.text import fold

_Y = r"(?:19|20)\d\s?\d"                       # a year, possibly split by OCR ("201 1")
_CLASS = rf"\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\s?-\s?\d{{1,6}}\s?/\s?{_Y}"
_SERIAL_YEAR = rf"\d{{1,5}}\s?/\s?{_Y}"
_PREFIX = r"(?:[A-ZÅÄÖ]{1,5}|BoM|KSau|KSAU)"
# An archive class code after the serial, joined by a dot ("KS 2023/45.041", "2021/1234.3.2"),
# as "SN 2014/0033-753" joins it by a dash: part of the number. Only after a slash, where the dot
# cannot be the separator of a dotted number ("KS.2022.0031"), and never before a letter or
# another digit group (a full stop ending the sentence keeps out: "KS 2023/45. 3 ledamöter").
_DOT_CLASS = r"(?:\.\d{1,4}(?:\.\d{1,4}){0,2}(?![\w/]|\.\d|-\d))"
# the separator as printed: "KS 2014/0159", "KS/2019:123", "KS.2022.0031", "KS-2021-00345"
# (Platina), "KS2021/345" (only after a label: unlabelled, fused letters are too often a code)
_PREFIXED = rf"(?P<prefix>{_PREFIX})(?P<sep>\s?/\s?|\s|\.|-|)(?P<body>{_Y}\s?(?:/\s?\d{{1,6}}{_DOT_CLASS}?|[/:.\-]\s?\d{{1,6}})(?:\s?-\s?\d{{1,6}})?)"
_BARE = rf"{_Y}\s?(?:/\s?\d{{2,6}}{_DOT_CLASS}?|[/\-]\s?\d{{2,6}})(?:-\d{{1,6}})?"
# Year first, then the body and the serial, often a three-digit classification after it
# (`2014/KS 0112 002`, `2018/KS 0290 10`, an older Formpipe shape): the prefix is part of
# the number.
_YEAR_PREFIX = rf"{_Y}\s?/\s?(?P<yprefix>[A-ZÅÄÖ]{{1,5}})\s?\d{{2,6}}(?: \d{{2,3}}(?!\d))?"

# Göteborg's serial and two-digit year ("Dnr 0873/21"): only after a label, where nothing else
# reads it; unlabelled it is as likely a fraction or a season ("21/22").
_SERIAL_YY = r"\d{3,5}\s?/\s?\d{2}(?![\d/]|-\d)"

# Serial first, then the year: "RS 1234-2024" (Region Västerbotten), "KS 347/2019", "Dnr 123-2019".
# Region Jämtland Härjedalen writes a slash after the prefix too ("RS/1877/2024").
# Only after a label: unlabelled, "KF 45/2019" is as likely a paragraph of a year, "12-2019" a range.
_SERIAL_FIRST = rf"(?:(?P<sfprefix>{_PREFIX})(?P<sfsep>\s?/\s?|\s)?)?\d{{1,6}}\s?[/-]\s?{_Y}(?![\d/]|-\d)"

# A two-digit year fused with the prefix and the serial ("Dnr 22RS1234", some regions), and a
# year, prefix and serial joined by dashes ("Diarienr: 2023-KS-0123"). Only after a label:
# unlabelled, letters between digits are as likely a product or a room code.
_FUSED_YY = r"\d{2}(?P<fprefix>[A-ZÅÄÖ]{1,5})\d{2,6}(?![\w/]|-\d)"
_YEAR_DASHED = rf"{_Y}-(?P<dprefix>[A-ZÅÄÖ]{{1,5}})-\d{{1,6}}(?![\w/]|-\d)"

# A year and a serial joined by a dot ("Dnr 2022.0456", "Diarienummer 2022.00456", Ljusdal), a
# classification suffix after a dash ("2022.456-214"). Only after a label: unlabelled, the dot
# is as likely a decimal ("2022.1234 tkr"). A third dotted group makes it a date ("2023.05.16").
_DOTTED = rf"(?:19|20)\d\d\.\d{{2,6}}(?:-\d{{1,6}})?(?![\w/]|[.\-]\d)"

# The county board's number (länsstyrelsen): class, serial and year, "551-4127-2023",
# "526-12345-2019". Only after a label: unlabelled, digit groups joined by dashes are as likely
# a phone number or a range. A six-digit first group is an organisation number, never this.
_COUNTY = rf"\d{{3}}-\d{{1,6}}-(?:19|20)\d\d(?![\w/]|[.\-]\d)"

_LABEL = re.compile(rf"\b{vocab.DNR_LABELS}\s*[.:]?\s*", re.IGNORECASE)
LABEL_RE = _LABEL
_LABELLED_VALUE = re.compile(rf"(?:{_CLASS}|{_PREFIXED}|{_YEAR_PREFIX}|{_COUNTY}|{_DOTTED}|{_BARE}|{_SERIAL_YEAR}|{_SERIAL_YY}|{_SERIAL_FIRST}|{_FUSED_YY}|{_YEAR_DASHED})")
_UNLABELLED = re.compile(rf"(?<![\w./-])(?:{_CLASS}|{_PREFIXED}|{_YEAR_PREFIX})(?![\w/]|-\d)")

# O/0, l/1 and | /1 inside numbers: same length, so offsets keep pointing into the text.
_OCR_DIGIT = re.compile(r"(?<=[\d/.\-:])[OoIl|](?=[\dOoIl|/\-])|(?<=[\dOoIl|])[OoIl|](?=[\d/\-])")
_DIGIT_OF = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def _fix_digits(text: str) -> str:
    for _ in range(2):
        text = _OCR_DIGIT.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)
    return text


def normalize(raw: str) -> str | None:
    """One diary number as written → its normalized form, or None when it is not one."""
    s = _fix_digits(raw.strip().rstrip(".,;:)"))
    m = re.fullmatch(_PREFIXED, s)
    if m:
        prefix = m.group("prefix")
        if prefix.upper() in vocab.DNR_NOT_PREFIXES:
            return None
        body = re.sub(r"\s", "", m.group("body"))
        # as printed: "KS/2019:123", "KS 2014/0159", "KS.2022.0031" (a dot only when it alone joins
        # the prefix to a dotted number; in "KS.2022/0031" the dot stands for a space)
        sep = "/" if "/" in m.group("sep") else \
            "." if m.group("sep") == "." and "/" not in body else \
            m.group("sep") if m.group("sep") in ("-", "") else " "
        return f"{prefix}{sep}{body}" if _year_ok(body) else None
    m = re.fullmatch(_YEAR_PREFIX, s)
    if m:
        if m.group("yprefix").upper() in vocab.DNR_NOT_PREFIXES:
            return None
        year, rest = re.split(r"\s?/\s?", s, maxsplit=1)
        out = re.sub(r"\s", "", year) + "/" + re.sub(r"^([A-ZÅÄÖ]+)\s?", r"\1 ", rest)
        return out if _year_ok(out) else None
    spaced, s = s, re.sub(r"\s", "", s)
    if _is_date(s):
        return None                      # "Dnr: 2023-05-16": a date put in the number's place
    if re.fullmatch(rf"{_CLASS}|{_BARE}|{_SERIAL_YEAR}".replace(r"\s?", ""), s):
        return s if _year_ok(s) else None
    if re.fullmatch(r"\d{3,5}/\d{2}", s):
        return s
    if re.fullmatch(f"{_DOTTED}|{_COUNTY}", s):
        return s if _year_ok(s) else None
    for shape, group in ((_FUSED_YY, "fprefix"), (_YEAR_DASHED, "dprefix")):
        m = re.fullmatch(shape, spaced)
        if m:
            ok = m.group(group).upper() not in vocab.DNR_NOT_PREFIXES and \
                (group == "fprefix" or _year_ok(spaced))
            return spaced if ok else None
    m = re.fullmatch(_SERIAL_FIRST, spaced)
    if m and (m.group("sfprefix") or "").upper() not in vocab.DNR_NOT_PREFIXES:
        prefix = m.group("sfprefix")
        rest = re.sub(r"\s", "", m.group(0)[len(prefix or "") + len(m.group("sfsep") or ""):])
        sep = "/" if "/" in (m.group("sfsep") or "") else " "
        return (f"{prefix}{sep}{rest}" if prefix else rest) if _year_ok(rest) else None
    return None


def _is_date(s: str) -> bool:
    """A calendar date "2023-05-16" with no body prefix. The bare year-serial shape ("2020-1234",
    "2023-0123-1") is a diary number, but a secretary puts the meeting's date after a "Dnr"
    label far more often than a registry issues a two-digit serial with a two-digit suffix
    that happens to be a valid month and day."""
    m = re.fullmatch(r"((?:19|20)\d\d)-(\d\d)-(\d\d)", s)
    if not m:
        return False
    try:
        date(*map(int, m.groups()))
    except ValueError:
        return False
    return True


def _year_ok(s: str) -> bool:
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", s)]
    return any(1985 <= y <= 2039 for y in years)


def find(text: str) -> list[tuple[int, str]]:
    """Every diary number in the text as (offset, normalized), in order, duplicates kept."""
    return [(start, n) for start, _, n in spans(text)]


def spans(text: str) -> list[tuple[int, int, str]]:
    """Every diary number as (start, end, normalized); a label in front is not in the span."""
    fixed = _fix_digits(text)
    found: dict[int, tuple[int, str]] = {}
    for lab in _LABEL.finditer(fixed):
        m = _LABELLED_VALUE.match(fixed, lab.end())
        if m and not _prefixed_date(fixed, m) and (n := normalize(m.group(0))):
            found[m.start()] = (m.end(), n)
    for m in _UNLABELLED.finditer(fixed):
        if m.start() in found or _inside_date(fixed, m) or _prefixed_date(fixed, m):
            continue
        if m.group("sep") == "" and m.group("prefix"):
            continue
        if (n := normalize(m.group(0))) and not _is_citation(fixed, m.start()):
            found[m.start()] = (m.end(), n)
    return [(s, e, n) for s, (e, n) in sorted(found.items())]


def _inside_date(text: str, m: re.Match) -> bool:
    """A date, also after a body's name: "(KF 2020-05-12 § 34)" cites an earlier decision."""
    body = m.group("body") if m.groupdict().get("body") else m.group(0)
    return bool(re.fullmatch(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])",
                             re.sub(r"\s", "", body)))


# A body's prefix and a calendar date, "KS 2023-05-16", "KS-2023-05-16", "KS 2023.05.16": a
# secretary's date after a "Dnr" label (or a cited decision, "(KS 2023.05.16 § 34)"), never a
# number. The dotted date is matched only up to its month as a number ("KS 2023.05"), so the
# whole date is read from the text after the prefix, not from the match.
_PREFIXED_DATE = re.compile(rf"{_PREFIX}(?:\s?/\s?|\s|\.|-)((?:19|20)\d\d)([-.])(\d\d)\2(\d\d)(?![\d/]|[-.]\d)")


def _prefixed_date(text: str, m: re.Match) -> bool:
    d = _PREFIXED_DATE.match(text, m.start())
    if not d:
        return False
    try:
        date(int(d.group(1)), int(d.group(3)), int(d.group(4)))
    except ValueError:
        return False
    return True


def _is_citation(text: str, start: int) -> bool:
    """"(SOU 2010:15)", "prop. 2017/18:150", "SFS 2018:585": laws and reports, not cases."""
    before = fold(text[max(0, start - 8):start])
    return bool(re.search(r"(?:prop|sou|sfs|ds|dir|skr|bet)\.?\s*$", before))


def unique(numbers: list[str]) -> list[str]:
    """Distinct numbers in order; a number without its body prefix folds into the prefixed one."""
    out: list[str] = []
    for n in numbers:
        key = _key(n)
        if any(_same(_key(o), key) and len(_key(o)) >= len(key) for o in out):
            continue
        out = [o for o in out if not _same(_key(o), key)]
        out.append(n)
    return out


def _same(a: str, b: str) -> bool:
    """Equal, or one is the other without its body prefix (as the gold scorer counts them)."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 6 and "/" in short and long_.endswith(short))


def _key(n: str) -> str:
    return re.sub(r"\s", "", n.upper())
