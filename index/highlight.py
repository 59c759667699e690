"""Snippets: the passage of a text with the most query matches, matches marked.

A word matches when its folded stem is one the query looks for, the terms the query's words
were found as included (Evaluator.heads: "insatsgrupp" marks "insatsgruppsärenden", and
"kommun" does not mark "kommunikation", which it does not find), or when it begins with a
typed wildcard's prefix (`kommun*`).
"""
from __future__ import annotations

import html

from index.analysis import WORD_RE, fold_stem
from index.swedish import STOP_WORDS


def _is_match(word: str, stems: set[str], prefixes: set[str]) -> bool:
    w = word.lower()
    if w in STOP_WORDS:
        return False
    fs = fold_stem(w)
    return fs in stems or any(fs.startswith(p) for p in prefixes)


def highlight(text: str, stems: set[str], prefixes: set[str] = frozenset(), *,
              width: int = 240, mark: tuple[str, str] = ("<mark>", "</mark>"),
              escape: bool = True) -> str:
    """A passage of about `width` characters around the densest matches. With `escape`
    (the default) the text is HTML-escaped and matches wrapped in <mark>…</mark>; with
    escape=False and mark=("", "") it is plain text."""
    text = " ".join(text.split())
    spans = [(m.start(), m.end()) for m in WORD_RE.finditer(text)
             if (stems or prefixes) and _is_match(m.group(), stems, prefixes)]
    if not spans:
        start, end = 0, min(len(text), width)
    else:
        best, best_n = spans[0][0], 0
        j = 0
        for i, (s, _) in enumerate(spans):
            while spans[j][0] < s - width:
                j += 1
            n = i - j + 1
            if n > best_n:
                best_n, best = n, spans[j][0]
        start = max(0, best - width // 4)
        end = min(len(text), start + width)
    if start > 0:
        sp = text.rfind(" ", 0, start)
        start = sp + 1 if sp >= 0 and start - sp < 30 else start
    if end < len(text):
        sp = text.find(" ", end)
        end = sp if 0 <= sp and sp - end < 30 else end
    out, pos = [], start
    esc = html.escape if escape else (lambda x: x)
    for s, e in spans:
        if s < start or e > end:
            continue
        out.append(esc(text[pos:s]))
        out.append(mark[0] + esc(text[s:e]) + mark[1])
        pos = e
    out.append(esc(text[pos:end]))
    snippet = "".join(out)
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
