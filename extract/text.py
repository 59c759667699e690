"""Text helpers shared by the extractors: folding for OCR-tolerant matching, lines, headings."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

from extract import vocab

# One character in, one character out, so that offsets in folded text are offsets in the text.
_FOLD = str.maketrans({
    "å": "a", "ä": "a", "à": "a", "á": "a", "â": "a", "ã": "a", "æ": "a",
    "Å": "a", "Ä": "a", "À": "a", "Á": "a", "Â": "a", "Æ": "a",
    "ö": "o", "ø": "o", "ó": "o", "ò": "o", "ô": "o", "õ": "o",
    "Ö": "o", "Ø": "o", "Ó": "o", "Ò": "o", "Ô": "o",
    "é": "e", "è": "e", "ê": "e", "ë": "e", "É": "e", "È": "e",
    "ü": "u", "ú": "u", "Ü": "u", "í": "i", "ï": "i", "ç": "c", "ñ": "n",
    "İ": "i", "–": "-", "—": "-", "−": "-", "\u00ad": "-", "’": "'", "‘": "'",
})


def fold(s: str) -> str:
    """Lower-case and strip Swedish diacritics, keeping the length (offsets stay valid)."""
    out = s.translate(_FOLD).lower()
    return out if len(out) == len(s) else "".join(c.lower()[:1] or c for c in s.translate(_FOLD))


def squash(s: str) -> str:
    """Collapse whitespace."""
    return " ".join(s.split())


@dataclass
class Line:
    """One line of the file, with the page it is on and its position in the file's line list."""
    n: int
    page: int
    text: str

    @property
    def folded(self) -> str:
        return fold(self.text.strip())

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def split_lines(pages: list[tuple[int, str]]) -> list[Line]:
    out: list[Line] = []
    for number, text in pages:
        for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
            out.append(Line(len(out), number, raw.rstrip(" \r")))
    return out


_HEADING_STRIP = re.compile(r"^[\s\-–•*#:]+|[\s:.\-–*#]+$")


def heading_key(text: str) -> str:
    """A line as a heading candidate: folded, without decoration or a trailing colon."""
    key = _HEADING_STRIP.sub("", fold(text))
    key = re.sub(r"\*\*", "", key)
    return squash(key)


@lru_cache(maxsize=1)
def _heading_table() -> list[tuple[str, str]]:
    return [(h, kind) for kind, hs in vocab.SECTION_HEADINGS.items() for h in hs]


@lru_cache(maxsize=8192)
def section_kind(text: str) -> str | None:
    """The kind of an item's sub-heading ("Socialnämndens beslut" → "beslut"), OCR-tolerant.

    A heading is a short line; "Socialnimndens beslut" and "Beslutsging" still match.
    """
    key = heading_key(text)
    if not key or len(key) > 70 or key.endswith(",") or not key[0].isalpha():
        return None
    for h, kind in _heading_table():
        if key == h:
            return kind
    # "Kommunstyrelsens beslut för egen del" beside "…förslag till kommunfullmäktige"
    key = re.sub(r"(?<=\bbeslut),? for egen del$", "", key)
    if key == "beslut":
        return "beslut"
    if key.endswith(" beslut") and len(key.split()) <= 5 and not re.search(r"\d", key) and \
            re.search(vocab.BODY_ENDINGS + r"s?\b|\bnamndens\b", key):
        return "beslut"
    if re.fullmatch(r"(?:\w+s )?forslag till (?:beslut|\w+)", key) and len(key) < 50:
        return "forslag"
    return _fuzzy_kind(key)


def _fuzzy_kind(key: str) -> str | None:
    """OCR damage: a heading with a letter or two wrong (ratio ≥ 0.84 on folded text)."""
    if len(key) < 6 or len(key.split()) > 6:
        return None
    best, kind = 0.0, None
    for h, k in _heading_table():
        if abs(len(h) - len(key)) > 3:
            continue
        sm = difflib.SequenceMatcher(None, key, h)
        if sm.real_quick_ratio() <= best or sm.quick_ratio() <= best:
            continue
        r = sm.ratio()
        if r > best:
            best, kind = r, k
    if best >= 0.84:
        return kind
    m = re.fullmatch(r"(\w+) (\w+)", key)
    if m and difflib.SequenceMatcher(None, m.group(2), "beslut").ratio() >= 0.83 and \
            re.search(r"n\w{1,3}nd(?:en)?s$|styrelsens$|mnd\w*s$", m.group(1)):
        return "beslut"
    return None


def fuzzy_in(word: str, choices: tuple[str, ...] | list[str], cutoff: float = 0.84) -> str | None:
    """The choice a folded word is closest to, if it is close enough."""
    if word in choices:
        return word
    got = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return got[0] if got else None


_SENT_END = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÅÄÖ0-9\"“(])")
# Abbreviations that end with a dot inside a sentence.
_ABBREV = re.compile(r"(?:m\.fl|m\S{0,2}fl|bl\.a|t\.ex|s\.k|p\.g\.a|dvs|ca|kl|resp|jfr|nr|dnr|Dnr|ang|enl|"
                     r"fr\.o\.m|t\.o\.m|o\.s\.v|osv|m\.m|mfl|ordf|v\.ordf|s|st|kap)\.$")


def sentences(text: str) -> list[str]:
    """Split running text into sentences, keeping "m.fl." and "bl.a." inside them."""
    flat = squash(text)
    parts, buf = [], ""
    for piece in _SENT_END.split(flat):
        buf = f"{buf} {piece}".strip() if buf else piece
        if not _ABBREV.fullmatch(buf.rsplit(" ", 1)[-1].lstrip("(")):
            parts.append(buf)
            buf = ""
    if buf:
        parts.append(buf)
    return parts


def paragraphs(lines: list[str]) -> list[str]:
    """Blank-line separated paragraphs, each joined to one line."""
    out, cur = [], []
    for ln in lines:
        if ln.strip():
            cur.append(ln.strip())
        elif cur:
            out.append(join_wrapped(cur))
            cur = []
    if cur:
        out.append(join_wrapped(cur))
    return out


def join_wrapped(lines: list[str]) -> str:
    """Join wrapped lines, mending a hyphen split at a line end ("kinne-" + "dom")."""
    out = ""
    for ln in lines:
        ln = ln.strip()
        if out.endswith("-") and ln[:1].islower() and len(out) > 1 and out[-2].isalpha():
            out = out[:-1] + ln
        else:
            out = f"{out} {ln}".strip()
    return out
