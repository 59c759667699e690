"""Which records name whom: every record's names, each as the set of its folded words, with
the records naming it, so that a name filter (q.Person with several words, or exact) needs
no stored entry.

Without it, the records whose person field holds all the asked words were read one by one
to see whether one of their names holds them (words may come from two names of a record,
"Jöran Ståhl" and "Anna Lund" for "Anna Ståhl"): ~35 ms for a full name of 250 records at
100k items, each time a name was asked for the first time. The rows are derived once per
segment and kept beside the index (index.derived); the map is built once per searcher.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np

from corpus.models import RECORD_KINDS
from index.analysis import WORD_RE, fold
from index.derived import DerivedRows

# Names the per-segment rows (index.derived); a new number whenever `record_names` changes.
ROWS_NAME = "names1"
_EMPTY = np.zeros(0, np.int32)


def words_key(name: str) -> str:
    """A name as the set of its folded words ("Ståhl Jöran" and "joran stahl" are one key;
    search.persons.name_key is the same rule)."""
    return " ".join(sorted({fold(m.group()) for m in WORD_RE.finditer(name or "")}))


def record_names(entry: dict) -> list[tuple[str]]:
    """One row per distinct name of a record."""
    keys = {words_key(n) for n in entry.get("names") or ()}
    return [(k,) for k in sorted(keys) if k]


class NameDocs:
    """Name key → the live records naming it, and word → the keys holding it."""

    def __init__(self, rows: DerivedRows):
        keys = rows.values[0]
        ids = rows.ids[0]
        order = np.argsort(ids, kind="stable")
        docs = rows.docs[order]
        bounds = np.searchsorted(ids[order], np.arange(len(keys) + 1))
        self.docs = {k: docs[bounds[i]:bounds[i + 1]] for i, k in enumerate(keys)}
        self.words: dict[str, set[str]] = defaultdict(set)
        for k in keys:
            for w in k.split():
                self.words[w].add(k)

    def naming(self, wanted: frozenset[str], exact: bool) -> np.ndarray:
        """Docnums of the records with a name of exactly the words `wanted` (`exact`), or
        of a name holding them all."""
        if exact:
            return self.docs.get(" ".join(sorted(wanted)), _EMPTY)
        sets = sorted((self.words.get(w, set()) for w in wanted), key=len)
        if not sets or not sets[0]:
            return _EMPTY
        keys = set.intersection(*sets)
        if not keys:
            return _EMPTY
        return np.unique(np.concatenate([self.docs[k] for k in keys]))


__all__ = ["NameDocs", "ROWS_NAME", "RECORD_KINDS", "record_names", "words_key"]
