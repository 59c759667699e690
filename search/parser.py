"""The query language: words, "phrases", AND/OR/NOT (or OCH/ELLER/INTE, in capitals) and
-word, parentheses, a trailing * (`socialn*`, `body:Social*`) or a leading one (`*nämnden`), field queries (party:V,
body:Socialnämnden, dnr:"KS 2023/0412", person:"Jöran Ståhl", kind:reservation, year:2012,
year:2010-2014, date:[2012-01-01 TO 2012-12-31], title:…, text:…).

`parse(text)` returns an `index.query` tree; a malformed query raises
`corpus.errors.UsageError` with one line that says what is wrong.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from corpus.errors import UsageError
from index import query as q
from index.analysis import WORD_RE, phrase_terms
from index.dnr import DNR_PREFIX_RE, LEX_HEAD_RE, LEX_PART_RE, looks_like_dnr

FACET_FIELDS = {"party": "party", "parti": "party", "body": "body", "organ": "body",
                "municipality": "municipality", "kommun": "municipality",
                "doc_type": "doc_type", "doctype": "doc_type", "type": "doc_type",
                "kind": "kind", "statement_kind": "statement_kind", "outcome": "outcome"}
TEXT_FIELDS = {"title": "title", "titel": "title", "text": "text", "content": "text"}
OTHER_FIELDS = ("dnr", "person", "name", "namn", "year", "ar", "date", "datum", "doc", "id")
KNOWN_FIELDS = sorted(set(FACET_FIELDS) | set(TEXT_FIELDS) | set(OTHER_FIELDS))

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ISO_DATE_RE = re.compile(r"^(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
# The operators, in English and in Swedish as the web UI's users write them. Upper case only:
# "och"/"eller"/"inte" in lower case are words ("ej bifall", "inte" in a title), as "and"
# and "or" are.
OPERATORS = {"AND": ("AND", "OCH"), "OR": ("OR", "ELLER"), "NOT": ("NOT", "INTE")}
OPERATOR_WORDS = frozenset(w for names in OPERATORS.values() for w in names)
# `soc*`, `*nämnd`: a wildcard needs this many letters (or digits) before or after its *, so
# that it names a word's beginning or end rather than most of the lexicon (the index caps
# the expansions anyway).
MIN_WILDCARD_PREFIX = 3
# Words that label a diary number in a protocol ("Dnr KS 2014/0159").
DNR_LABELS = ("dnr", "diarienr", "diarienummer", "ärendenr")
# "KS-2014/0159", "KS2014/0159": a body code joined to its number by a hyphen or nothing.
_JOINED_DNR_RE = re.compile(r"^([A-Za-zÅÄÖåäö]{1,5})-?(\d.*)$")
# "2014 / 0159": a diary number typed with spaces around its slash.
_SPACED_SLASH_RE = re.compile(r"(?<=\d)(?: +/ *| */ +)(?=\d)")
_TOKEN_RE = re.compile(r'''
    (?P<ws>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<field>[A-Za-z_åäöÅÄÖ]+):(?=\S)
  | (?P<phrase>"[^"]*")
  | (?P<quote>")
  | (?P<range>\[[^\]]*\])
  | (?P<word>[^\s()"]+)
''', re.X)


@dataclass
class _Tok:
    kind: str
    text: str
    pos: int


def _bad(query: str, reason: str) -> UsageError:
    return UsageError(f"malformed query {query!r}: {reason}")


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        kind = m.lastgroup
        if kind == "quote":
            raise _bad(text, f'unbalanced quote at character {pos + 1}; close the phrase with "')
        if kind == "range" and not (toks and toks[-1].kind == "field"):
            raise _bad(text, "a [from TO to] range needs a field, e.g. date:[2012-01-01 TO "
                             "2012-12-31]")
        if kind != "ws":
            toks.append(_Tok(kind, _unpunctuated_dnr(m.group()) if kind == "word"
                             else m.group(), pos))
        pos = m.end()
    return toks


def _unpunctuated_dnr(word: str) -> str:
    """A diary number copied from a sentence without the sign that ended it ("Dnr KS
    2023/0412." or "KS 2023/0412, KS 2023/0099"); any other word as it is."""
    bare = word.rstrip(".,;:")
    if bare != word and bare and (looks_like_dnr(bare) or _joined_dnr(bare)):
        return bare
    return word


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.toks = _lex(text)
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        t = self.toks[self.i]
        self.i += 1
        return t

    def is_op(self, t: _Tok | None, name: str) -> bool:
        return t is not None and t.kind == "word" and t.text in OPERATORS[name]

    def parse(self) -> q.Node:
        if not self.toks:
            return q.MatchAll()
        node = self.or_expr()
        t = self.peek()
        if t is not None:
            if t.kind == "rparen":
                raise _bad(self.text, f"unbalanced ')' at character {t.pos + 1}")
            raise _bad(self.text, f"unexpected {t.text!r} at character {t.pos + 1}")
        return node

    def or_expr(self) -> q.Node:
        children = [self.and_expr()]
        while self.is_op(self.peek(), "OR"):
            op = self.take()
            if self.peek() is None or self.peek().kind == "rparen" or \
                    self.is_op(self.peek(), "OR") or self.is_op(self.peek(), "AND"):
                raise self._misplaced(op, "after")
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else q.Or(tuple(children))

    def and_expr(self) -> q.Node:
        children = [self.unary()]
        while True:
            t = self.peek()
            if t is None or t.kind == "rparen" or self.is_op(t, "OR"):
                break
            if self.is_op(t, "AND"):
                op = self.take()
                nxt = self.peek()
                if nxt is None or nxt.kind == "rparen" or self.is_op(nxt, "OR") or \
                        self.is_op(nxt, "AND"):
                    raise self._misplaced(op, "after")
            children.append(self.unary())
        return children[0] if len(children) == 1 else q.And(tuple(children))

    def unary(self) -> q.Node:
        t = self.peek()
        if t is None:
            raise _bad(self.text, "the query ends where a term was expected")
        if self.is_op(t, "NOT"):
            self.take()
            if self.peek() is None or self.peek().kind == "rparen":
                raise self._misplaced(t, "after")
            return q.Not(self.unary())
        if self.is_op(t, "AND") or self.is_op(t, "OR"):
            raise self._misplaced(t, "before")
        if t.kind == "word" and t.text.startswith("-") and self._negates(t):
            self.take()
            # what follows the minus is lexed again: "-party:V" is NOT party:V, not the
            # word "party:V"
            rest = t.text[1:]
            self.toks[self.i:self.i] = [_Tok(x.kind, x.text, x.pos + t.pos + 1)
                                        for x in _lex(rest)] if rest else []
            return q.Not(self.primary())
        if t.kind == "word" and t.text.startswith("+") and len(t.text) > 1:
            self.take()
            self.toks.insert(self.i, _Tok("word", t.text[1:], t.pos + 1))
        return self.primary()

    def _misplaced(self, op: _Tok, where: str) -> UsageError:
        msg = f"{op.text} at character {op.pos + 1} needs a term {where} it"
        if op.text not in OPERATORS:
            # a Swedish operator may have been meant as the word, typed in capitals
            msg += (f"; to find the word, write it in lower case or in quotes "
                    f"(\"{op.text.lower()}\")")
        return _bad(self.text, msg)

    def _negates(self, t: _Tok) -> bool:
        """Whether a word starting with "-" is NOT what follows: "-word", "-party:V", and a
        lone "-" written right before a "phrase" or a "(" ("-\"sociala insatser\"")."""
        if len(t.text) > 1:
            # "-*nämnden" negates a leading wildcard; "--" and "-*" alone are no words
            return t.text[1] != "-" and t.text[1:].strip("*") != ""
        nxt = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
        return nxt is not None and nxt.pos == t.pos + 1 and nxt.kind in ("phrase", "lparen")

    def primary(self) -> q.Node:
        t = self.take()
        if t.kind == "lparen":
            if self.peek() is None or self.peek().kind == "rparen":
                raise _bad(self.text, f"empty parentheses at character {t.pos + 1}")
            node = self.or_expr()
            close = self.peek()
            if close is None or close.kind != "rparen":
                raise _bad(self.text, f"unbalanced '(' at character {t.pos + 1}; add ')'")
            self.take()
            return node
        if t.kind == "rparen":
            raise _bad(self.text, f"unbalanced ')' at character {t.pos + 1}")
        if t.kind == "phrase":
            words = tuple(_unpunctuated_dnr(w) for w in t.text[1:-1].split())
            if not words:
                return q.MatchAll()
            if len(words) > 1 and words[0].lower().rstrip(".:") in DNR_LABELS and \
                    (looks_like_dnr(words[-1]) or _lex_words(words[1:]) == len(words) - 1):
                words = words[1:]         # "Dnr KS 2014/0159" quoted with its label
            if len(words) > 1 and _lex_words(words) == len(words):
                # "2023/GN 0014 612": a Lex number, year first
                return q.Or((dnr_node(" ".join(words)), q.Phrase(words)))
            # "KS 2014/0159" in quotes is still a diary number (its words alone are rare)
            if (len(words) == 1 and _joined_dnr(words[0])) or (
                    looks_like_dnr(words[-1]) and (len(words) == 1 or (
                        len(words) == 2 and DNR_PREFIX_RE.match(words[0]) and
                        not any(c.isalpha() for c in words[1])))):
                return q.Or((dnr_node(" ".join(words)), q.Phrase(words)))
            if not phrase_terms(list(words)):
                return q.Phrase(words)      # stop words only: no constraint, as before
            # a quoted name also finds the records naming that person, as the same words
            # unquoted do (a vote's item names its voters only in its names)
            return q.Or((q.Phrase(words), q.Phrase(words, "person")))
        if t.kind == "field":
            return self.field(t)
        return self.word(t)

    def word(self, t: _Tok) -> q.Node:
        text = t.text
        nxt = self.peek()
        if text.endswith(":") and text[:-1].lower() in KNOWN_FIELDS:
            # "Dnr: KS 2014/0159" as copied from a protocol: the value after a space
            if nxt is None or nxt.kind not in ("word", "phrase", "range") or \
                    nxt.text in OPERATOR_WORDS:
                raise _bad(self.text, f"field {text} has no value")
            return self.field(_Tok("field", text, t.pos))
        if text.lower().rstrip(".:") in DNR_LABELS and nxt is not None and \
                nxt.kind == "word" and self._dnr_ahead():
            # the label of a diary number ("Dnr KS 2014/0159") is not a word to find
            return self.word(self.take())
        lex = self._lex_ahead(text)
        if lex:
            # "2023/GN 0014 612" (Lex, year first) typed without quotes is one diary number
            words = [text] + [self.take().text for _ in range(lex)]
            return q.Or((dnr_node(" ".join(words)), q.And(tuple(q.Word(w) for w in words))))
        joined = _joined_dnr(text) if "-" in text else None
        if joined:
            # "KS-2014/0159" is the number "KS 2014/0159" (and its words, as that finds them)
            return q.Or((dnr_node(text), q.And((q.Word(joined[0]), q.Word(joined[1])))))
        # "KS 2014/0159" typed without quotes is one diary number.
        if DNR_PREFIX_RE.match(text) and nxt is not None and nxt.kind == "word" and \
                looks_like_dnr(nxt.text) and not any(c.isalpha() for c in nxt.text):
            self.take()
            full = f"{text} {nxt.text}"
            return q.Or((dnr_node(full), q.And((q.Word(text), q.Word(nxt.text)))))
        if looks_like_dnr(text):
            return q.Or((dnr_node(text), q.Word(text)))
        if _ISO_DATE_RE.match(text):
            # a date typed in the box: the records of that day, and the date in the text
            return q.Or((q.DateRange(text, text), q.Word(text)))
        return self.text_word(text, None, t.pos)

    def text_word(self, text: str, field: str | None, pos: int) -> q.Node:
        """A free word, or a wildcard: `soc*` is the words beginning with "soc", `*nämnden`
        the words ending with "nämnden" (its compounds), a lone `*` everything."""
        if "*" not in text:
            return q.Word(text, field)
        if not text.strip("*"):
            return q.MatchAll()               # a lone *: everything, as an empty query
        if text.startswith("*"):
            return self.suffix_word(text, field, pos)
        stem = text.rstrip("*")
        if "*" in stem:
            raise _bad(self.text, f"{text!r} at character {pos + 1}: * works only at the start "
                                  "or the end of a word, e.g. socialn* or *nämnden")
        words = list(WORD_RE.finditer(stem))
        last = words[-1] if words else None
        if last is None or last.end() != len(stem):
            return q.Word(text, field)        # "§*", "e-*": no word before the *
        if len(last.group()) < MIN_WILDCARD_PREFIX:
            raise _bad(self.text, f"{text!r} at character {pos + 1}: a word with * needs at "
                                  f"least {MIN_WILDCARD_PREFIX} letters before the *")
        prefix = q.Prefix(last.group(), field)
        if last.start() == 0:
            return prefix
        # "e-tjänst*": the words before the last one are words as before
        return q.And((q.Word(stem[:last.start()], field), prefix))

    def suffix_word(self, text: str, field: str | None, pos: int) -> q.Node:
        """`*nämnden`: the words ending with "nämnden" (q.Suffix). `*nämnd*` (a word
        anywhere inside) is not searched: the index holds words by their beginning and
        their end."""
        rest = text.lstrip("*")
        if "*" in rest:
            raise _bad(self.text, f"{text!r} at character {pos + 1}: * works only at the start "
                                  "or the end of a word, not both, e.g. *nämnden or nämnd*")
        words = list(WORD_RE.finditer(rest))
        first = words[0] if words else None
        if first is None or first.start() != 0:
            return q.Word(text, field)        # "*§", "*-": no word after the *
        if len(first.group()) < MIN_WILDCARD_PREFIX:
            raise _bad(self.text, f"{text!r} at character {pos + 1}: a word with * needs at "
                                  f"least {MIN_WILDCARD_PREFIX} letters after the *")
        suffix = q.Suffix(first.group(), field)
        if first.end() == len(rest):
            return suffix
        # "*nämnd-ordförande": the words after the first one are words as before
        return q.And((suffix, q.Word(rest[first.end():], field)))

    def _lex_ahead(self, head: str) -> int:
        """How many digit words after `head` ("2023/GN") make a Lex number with it ("0014
        612"): at most two, none when `head` is no Lex number's first word."""
        if not LEX_HEAD_RE.match(head):
            return 0
        n = 0
        while n < 2 and self.i + n < len(self.toks) and \
                self.toks[self.i + n].kind == "word" and \
                LEX_PART_RE.match(self.toks[self.i + n].text):
            n += 1
        return n

    def _dnr_ahead(self) -> bool:
        """Whether the next words are a diary number: "2014/0159" or "KS 2014/0159"."""
        nxt = self.peek()
        if nxt is None or nxt.kind != "word":
            return False
        if looks_like_dnr(nxt.text) or _joined_dnr(nxt.text):
            return True
        after = self.toks[self.i + 1] if self.i + 1 < len(self.toks) else None
        if LEX_HEAD_RE.match(nxt.text):
            return after is not None and after.kind == "word" and \
                bool(LEX_PART_RE.match(after.text))
        return bool(DNR_PREFIX_RE.match(nxt.text)) and after is not None and \
            after.kind == "word" and looks_like_dnr(after.text) and \
            not any(c.isalpha() for c in after.text)

    def field(self, t: _Tok) -> q.Node:
        name = t.text[:-1].lower()
        if self.peek() is None:
            raise _bad(self.text, f"field {name}: has no value")
        v = self.take()
        if v.kind == "phrase":
            value = v.text[1:-1].strip()
        elif v.kind in ("word", "range"):
            value = v.text
        else:
            raise _bad(self.text, f"field {name}: needs a value right after the colon")
        if not value:
            raise _bad(self.text, f"field {name}: has an empty value")
        if name in FACET_FIELDS:
            values = tuple(x.strip() for x in value.split(",") if x.strip())
            return q.FacetIs(FACET_FIELDS[name], values)
        if name in TEXT_FIELDS:
            words = tuple(value.split())
            if v.kind == "phrase" and len(words) > 1:
                return q.Phrase(words, TEXT_FIELDS[name])
            # a quoted word is the word: its * is no wildcard, as in "soc*" alone
            nodes = tuple(q.Word(w, TEXT_FIELDS[name]) if v.kind == "phrase" else
                          self.text_word(w, TEXT_FIELDS[name], v.pos) for w in words)
            return q.And(nodes) if len(nodes) > 1 else nodes[0]
        if name == "dnr":
            nxt = self.peek()
            # dnr:KS 2014/0159 without quotes: the prefix and the number are one dnr
            if v.kind == "word" and DNR_PREFIX_RE.match(value) and nxt is not None and \
                    nxt.kind == "word" and looks_like_dnr(nxt.text) and \
                    not any(c.isalpha() for c in nxt.text):
                value = f"{value} {self.take().text}"
            elif v.kind == "word":
                # dnr:2023/GN 0014 612 without quotes: a Lex number, year first
                value = " ".join([value] + [self.take().text
                                            for _ in range(self._lex_ahead(value))])
            return dnr_node(value)
        if name in ("person", "name", "namn"):
            return q.Person(value)
        if name in ("year", "ar"):
            return parse_years(value, self.text)
        if name in ("date", "datum"):
            return parse_dates(value, self.text)
        if name in ("doc", "id"):
            return q.DocIs((value.lower(),))
        raise _bad(self.text, f"unknown field {name!r}; known fields: {', '.join(KNOWN_FIELDS)}")


def _lex_words(words) -> int:
    """How many of `words` make a Lex number, year first ("2023/GN", "0014", "612"), from the
    first: 0, or 2 or 3."""
    if not words or not LEX_HEAD_RE.match(words[0]):
        return 0
    n = 1
    while n < min(len(words), 3) and LEX_PART_RE.match(words[n]):
        n += 1
    return n if n > 1 else 0


def _joined_dnr(word: str) -> tuple[str, str] | None:
    """(body code, number) of a diary number written as one word, "KS-2014/0159"."""
    m = _JOINED_DNR_RE.match(word)
    if m and looks_like_dnr(m.group(2)) and not any(c.isalpha() for c in m.group(2)):
        return m.group(1), m.group(2)
    return None


def dnr_node(value: str) -> q.Node:
    """A diary number however its body code is joined to the number: "KS 2014/0159",
    "KS-2014/0159" and "KS2014/0159" are one number. The index keys a dnr without its
    spaces but with a hyphen (index.dnr), so the hyphenated spelling is looked up too: it
    finds a record whose protocol wrote the number that way."""
    v = " ".join(_SPACED_SLASH_RE.sub("/", clean(value)).split())
    m = re.match(r"^([A-Za-zÅÄÖåäö]{1,5})[ -]?(\d\S*)$", v)
    if m and looks_like_dnr(m.group(2)) and not any(c.isalpha() for c in m.group(2)):
        code, number = m.groups()
        return q.Or((q.Dnr(f"{code} {number}"), q.Dnr(f"{code}-{number}")))
    return q.Dnr(v)


def parse_years(value: str, query: str = "") -> q.YearRange:
    """"2012", "2010-2014", "[2010 TO 2014]", and open ends: "2019-" (from 2019 on), "-2014"
    (up to 2014) → YearRange."""
    v = value.strip()
    if v.startswith("["):
        lo, hi = _range_bounds(v, query or v)
    elif re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", v):
        lo, hi = re.split(r"\s*[-–]\s*", v)
    elif re.fullmatch(r"\d{4}\s*[-–]", v):
        lo, hi = v.rstrip("-– "), "*"
    elif re.fullmatch(r"[-–]\s*\d{4}", v):
        lo, hi = "*", v.lstrip("-– ")
    else:
        lo = hi = v
    for x in (lo, hi):
        if x != "*" and not re.fullmatch(r"\d{4}", x):
            raise _bad(query or value, f"year {x!r} is not a year (YYYY, YYYY-YYYY, YYYY- or -YYYY)")
    start = 0 if lo == "*" else int(lo)
    end = 9999 if hi == "*" else int(hi)
    if start > end:
        raise _bad(query or value, f"year range {value} runs backwards")
    return q.YearRange(start, end)


def parse_dates(value: str, query: str = "") -> q.DateRange:
    """"2012-03-22", "2012-03", "2012", "[2012-01-01 TO 2012-12-31]" (either end may be
    "*") → DateRange."""
    v = value.strip()
    if v.startswith("["):
        lo, hi = _range_bounds(v, query or v)
    else:
        lo = hi = v
    for x in (lo, hi):
        if x != "*" and not _DATE_RE.match(x):
            raise _bad(query or value, f"date {x!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
    start = None if lo == "*" else _pad(lo, "01")
    end = None if hi == "*" else _pad(hi, "31")
    if start and end and start > end:
        raise _bad(query or value, f"date range {value} runs backwards")
    return q.DateRange(start, end)


def _pad(d: str, day: str) -> str:
    if len(d) == 4:
        return f"{d}-01-01" if day == "01" else f"{d}-12-31"
    if len(d) == 7:
        return f"{d}-{day}"
    return d


def _range_bounds(v: str, query: str) -> tuple[str, str]:
    m = re.fullmatch(r"\[\s*(\S+)\s+(?:TO|to|till)\s+(\S+)\s*\]", v)
    if not m:
        raise _bad(query, f"range {v} must look like [FROM TO TO], e.g. "
                          "[2012-01-01 TO 2012-12-31]")
    return m.group(1), m.group(2)


# Copied from a PDF or a word processor: a dash between digits is a hyphen ("SN 2014/0033–753",
# "3.2–0100/2012"), and invisible characters (zero-width space, soft hyphen, BOM) are none.
_DIGIT_DASH_RE = re.compile(r"(?<=\d)[\u2010\u2011\u2012\u2013\u2014\u2212](?=\d)")
_INVISIBLE_RE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def clean(text: str) -> str:
    """A query or a diary number as typed or pasted, made plain: NFC (decomposed o + ¨ from
    some keyboards and web forms), no invisible characters, hyphens for dashes between
    digits."""
    text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFC", text))
    return _DIGIT_DASH_RE.sub("-", text)


def parse(text: str) -> q.Node:
    """Parse a query string (see the module docstring), `clean`ed first: the archive's texts
    are NFC, and a pasted diary number keeps no dash or invisible character of its page."""
    text = _SPACED_SLASH_RE.sub("/", clean(text).strip())
    return _Parser(text).parse()
