"""Evaluating a query tree (index.query) over one searcher with numpy.

Every node becomes a dense pair (mask, score) over the searcher's docnums. Text nodes read
posting lists as arrays (index.columns) and score them with BM25 per field; filter nodes
are masks over the column arrays. None means "no constraint" (stop words only): left out of
an AND or OR, and nothing at all as a whole query (Evaluator.run).
"""
from __future__ import annotations

import math
import re
from collections import OrderedDict
from typing import Callable

import numpy as np

from index import query as q
from index.analysis import (EXACT_MARK, WORD_RE, an_sibling, bigrams, exact_term,
                            facet_key, fold, fold_stem, party_aliases, phrase_terms,
                            stem, statement_kind_of)
from index.columns import GlobalColumns, postings
from index.dnr import dnr_key
from index.names import NameDocs
from index.suffixes import (BEGIN, MIN_HEAD, MIN_MODIFIER, SHORT_HEAD, SegmentSuffixes,
                            compound_base, compound_rest, compound_roles, may_end_compound,
                            party_name, word_compound)
from index.schema import FACET_FIELD, facet_token
from index.swedish import STOP_WORDS

K1, B = 1.2, 0.75
# How much a match in each field counts. The exact surface form ranks above other forms of
# the word (and above an OCR'd or typed form without diacritics); a compound that only
# starts with the word ranks lowest.
WEIGHTS = {"content": 1.0, "title": 1.5, "exact": 0.5, "person": 0.8, "prefix": 0.35,
           "sibling": 0.9}
MIN_PREFIX = 5           # a stem this long also matches compounds it begins
MAX_PREFIX_TERMS = 12    # the most frequent expansions of one prefix
MAX_PREFIX_SCAN = 2000   # lexicon entries read per segment for one prefix
# A typed wildcard (`soc*`, q.Prefix): the most frequent words it begins, read from at most
# so many lexicon entries per segment. Each expansion is one posting list, so the cap bounds
# a query's cost however short its prefix.
MAX_WILDCARD_TERMS = 48
MAX_WILDCARD_SCAN = 5000
# A short last part (index.suffixes.SHORT_HEAD) is checked in so many of its most frequent
# candidate compounds: most of what "ring" or "form" ends is no compound of them, so the
# MAX_PREFIX_TERMS kept are looked for deeper.
SHORT_HEAD_SCAN = 200

Result = tuple[np.ndarray, np.ndarray] | None


class TermCache:
    """Per searcher generation: BM25 contributions of recently used terms (docnums and
    scores as arrays) and compound-prefix expansions."""

    def __init__(self, size: int = 512):
        self._items: OrderedDict[tuple[str, str], tuple | None] = OrderedDict()
        self._size = size
        self.prefixes: dict[tuple[str, str], list[str]] = {}

    def get(self, key: tuple[str, str], make):
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value


class Evaluator:
    def __init__(self, searcher, g: GlobalColumns, terms: TermCache,
                 names: Callable[[], "NameDocs"] | None = None,
                 suffixes: Callable[..., SegmentSuffixes] | None = None):
        self.searcher = searcher
        self.leaves = [(s.reader(), off) for s, off in searcher.leaf_searchers()]
        self.g = g
        self.terms = terms
        self.n = g.doccount
        # the searcher's NameDocs (index.names), made on first use; without it a name
        # filter reads the stored names of its candidates
        self.names = names
        # (segment reader, field) → its compound suffix array (index.suffixes); None: no
        # head matching
        self.suffixes = suffixes
        # the compound terms heads and compound bases expanded to (snippets)
        self.heads: set[str] = set()

    # -- entry point -------------------------------------------------------------------
    def run(self, node: q.Node) -> tuple[np.ndarray, np.ndarray]:
        """(match mask, scores) of a query. A query that constrains nothing as a whole (stop
        words, signs: "och", "-", ".") matches nothing: it names nothing to look for, and
        the whole archive is no answer to it. An empty query is q.MatchAll, everything;
        inside a query such a part is left out ("skola och förskola")."""
        r = self.eval(node)
        if r is None:
            return self._empty()
        mask, score = r
        mask = mask & self.g.live
        return mask, score

    def eval(self, node: q.Node) -> Result:
        method = getattr(self, "_" + type(node).__name__)
        return method(node)

    # -- helpers -----------------------------------------------------------------------
    def _empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.n, bool), np.zeros(self.n, np.float32)

    def _from_mask(self, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return mask, np.zeros(self.n, np.float32)

    def _scored(self, fieldname: str, text: str, leaves=None):
        """(docnums, BM25 scores) of a term in a field, or None; `leaves` the segments
        that hold it, when known."""
        p = postings(self.leaves if leaves is None else leaves, fieldname, text)
        if p is None:
            return None
        docs, w = p
        df = len(docs)
        idf = math.log(1.0 + (self.n - df + 0.5) / (df + 0.5))
        lengths = self.g.lengths[fieldname][docs]
        avg = self.g.avg_lengths[fieldname] or 1.0
        s = idf * w * (K1 + 1) / (w + K1 * (1 - B + B * lengths / avg))
        return docs, s.astype(np.float32)

    def _add_term(self, score: np.ndarray, fieldname: str, text: str, weight: float) -> bool:
        p = self.terms.get((fieldname, text), lambda: self._scored(fieldname, text))
        if p is None:
            return False
        docs, s = p
        score[docs] += weight * s if weight != 1.0 else s
        return True

    def _postings(self, fieldname: str, text: str):
        """Docnums of an unscored term (dnr)."""
        p = self.terms.get((fieldname, text), lambda: postings(self.leaves, fieldname, text))
        return None if p is None else p[0]

    def prefix_terms(self, fieldname: str, prefix: str, limit: int = MAX_PREFIX_TERMS,
                     scan: int = MAX_PREFIX_SCAN) -> list[str]:
        """The `limit` most frequent index terms beginning with `prefix` (compounds),
        itself left out. Document frequencies come from each segment's lexicon scan (at
        most `scan` entries), not lookups."""
        key = (fieldname, prefix) if limit == MAX_PREFIX_TERMS else \
            (fieldname, f"{prefix}\x00{limit}")
        cache = self.terms.prefixes
        if key not in cache:
            df: dict[str, int] = {}
            for reader, _ in self.leaves:
                for i, (btext, info) in enumerate(reader.iter_prefix(fieldname, prefix)):
                    if i >= scan:
                        break
                    t = btext.decode("utf-8") if isinstance(btext, bytes) else btext
                    if t != prefix:
                        df[t] = df.get(t, 0) + info.doc_frequency()
            cache[key] = sorted(df, key=lambda t: (-df[t], t))[:limit]
        return cache[key]

    def base_terms(self, fieldname: str, base: str) -> list[str]:
        """The MAX_PREFIX_TERMS most frequent index terms of compounds beginning with a
        word's compound_base ("budget" → "budgetram", "styrelse" → "styrelseledamot"), chosen
        among the SHORT_HEAD_SCAN most frequent terms beginning with it: the rest of the term
        must be a last part (compound_rest), not "kassa|tion"."""
        key = (fieldname, f"{base}\x00base")
        cache = self.terms.prefixes
        if key not in cache:
            found = self.prefix_terms(fieldname, base, SHORT_HEAD_SCAN)
            cache[key] = [t for t in found if compound_rest(t[len(base):])
                          and not party_name(t, base)][:MAX_PREFIX_TERMS]   # sverige|demokrat
        return cache[key]

    def word_terms(self, fieldname: str, word: str) -> list[str]:
        """The MAX_PREFIX_TERMS most frequent index terms beginning with a word's folded stem
        (of MIN_PREFIX letters at least) that are its forms or compounds, chosen among the
        SHORT_HEAD_SCAN most frequent terms beginning with the stem: the rest after the stem
        or a longer start of the word is an ending or a last part (index.suffixes.
        word_compound): "kommun" → "kommunstyr", "kommunfullmakt", not "kommunikation";
        "vänster" (stem "vanst") → "vanstersvang" after "vanster"; no party's name
        ("sverigedemokrat", "socialdemokrat", "miljoparti")."""
        w, fs = fold(word), fold_stem(word)
        # both in the key: "insatsgruppér" folds as "insatsgrupper" does but stems apart
        key = (fieldname, f"{fs}\x00{w}\x00word")
        cache = self.terms.prefixes
        if key not in cache:
            starts = [w[:k] for k in range(len(w), len(fs), -1)] if w.startswith(fs) else []
            found = self.prefix_terms(fieldname, fs, SHORT_HEAD_SCAN)
            cache[key] = [t for t in found
                          if any(t.startswith(p) and word_compound(t, p)
                                 for p in starts + [fs])][:MAX_PREFIX_TERMS]
        return cache[key]

    def head_terms(self, word: str) -> list[str]:
        """The MAX_PREFIX_TERMS most frequent folded terms of compounds whose last part is
        `word`'s stem ("övervakning" → "kameraovervakning"), by their document frequency
        in the segments' suffix arrays (index.suffixes)."""
        return self._heads(word)[0]

    def _heads(self, word: str) -> tuple[list[str], dict[tuple[str, str], list[int]]]:
        """(head_terms, (field, term) → the leaves whose field holds the term): the
        postings of a compound are read where it is, not looked up in every segment. A
        stem of SHORT_HEAD letters ("plan", "stöd") keeps only the compounds whose first
        part is one (compound_modifier). A stem that is no word ("budg", "styr") ends the
        compounds of a word that may end one ("budget", "styrelse": may_end_compound)."""
        s = stem(word)
        if self.suffixes is None or len(s) < SHORT_HEAD or not s.isalpha():
            return [], {}
        short = len(s) < MIN_HEAD
        if short and not may_end_compound(word):
            return [], {}       # "hård" is no last part of "Richard" either way
        return self._endings(s, MAX_PREFIX_TERMS, MIN_MODIFIER, checked=short)

    def _endings(self, s: str, limit: int, min_modifier: int, checked: bool = False
                 ) -> tuple[list[str], dict[tuple[str, str], list[int]]]:
        """The `limit` most frequent folded terms ending with the stem `s` after at least
        `min_modifier` letters (among the exact terms when `s` has å/ä/ö), each with the
        leaves that hold it per field; with `checked`, only compounds (compound_modifier),
        chosen among the SHORT_HEAD_SCAN most frequent candidates."""
        key = ("head", f"{s}\x00{limit}\x00{min_modifier}\x00{int(checked)}")
        cache = self.terms.prefixes
        if key not in cache:
            found = {f: [self.suffixes(reader, f).ending_with(s, min_modifier)[0]
                         if f == "title" else
                         self.suffixes(reader, f).ending_with(s, min_modifier)
                         for reader, _ in self.leaves] for f in ("content", "title")}
            # document frequencies summed over the segments, vectorised: a common last
            # part ("förvaltning") ends hundreds of compounds in every segment
            revs = [r for r, _ in found["content"]]
            dfs = [d for _, d in found["content"]]
            top: list[str] = []
            where: dict[tuple[str, str], list[int]] = {}
            if revs and sum(len(r) for r in revs):
                allrev = np.concatenate(revs)
                uniq, inv = np.unique(allrev, return_inverse=True)
                total = np.bincount(inv, weights=np.concatenate(dfs))
                df: dict[str, float] = {}
                spelled: dict[str, list[str]] = {}      # folded term → its reversed forms
                scan = SHORT_HEAD_SCAN if checked else 4 * limit
                for i in np.argsort(-total, kind="stable")[:scan]:
                    r = str(uniq[i])
                    t = fold(r[::-1].lstrip(EXACT_MARK))     # § ends a reversed exact term
                    df[t] = df.get(t, 0) + float(total[i])
                    spelled.setdefault(t, []).append(r)
                head = fold(s)
                df.pop(head, None)
                ranked = sorted(df, key=lambda t: (-df[t], t))
                if checked:
                    ranked = [t for t in ranked
                              if self.compound_modifier(t[:len(t) - len(head)])]
                top = ranked[:limit]
                for f in ("content", "title"):
                    for i, r in enumerate(found[f] if f == "title" else revs):
                        have = set(r.tolist())
                        for t in top:
                            if any(x in have for x in spelled[t]):
                                where.setdefault((f, t), []).append(i)
            cache[key] = (top, where)
        return cache[key]

    def compound_modifier(self, modifier: str) -> bool:
        """Whether the letters of a folded term before a short last part may begin a
        compound in the Swedish dictionary ("detalj|plan", "oversikts|plan",
        "forsorjnings|stod"), which a derivation or a chance ending may not
        ("forbatt|ring", "ric|hard", "con|text")."""
        return len(modifier) >= MIN_MODIFIER and bool(compound_roles(modifier) & BEGIN)

    def _add_head(self, score: np.ndarray, fieldname: str, text: str, leaves: list[int],
                  weight: float) -> None:
        # the term is in no other leaf: its postings there are all of its postings, and
        # cached as a whole term's are
        subset = [self.leaves[i] for i in leaves]
        p = self.terms.get((fieldname, text), lambda: self._scored(fieldname, text, subset))
        if p is not None:
            score[p[0]] += weight * p[1]

    # -- text nodes --------------------------------------------------------------------
    def _Word(self, node: q.Word) -> Result:
        toks = [m.group() for m in WORD_RE.finditer(node.text)]
        if not toks:
            return None
        if len(toks) > 1:
            return self.eval(q.Phrase(tuple(toks), node.field))
        word = toks[0].lower()
        if word in STOP_WORDS:
            return None
        fs = fold_stem(word)
        exact = exact_term(word)
        sibling = an_sibling(word)        # skola/skolan: Snowball leaves them apart
        score = np.zeros(self.n, np.float32)
        fields = {None: ("content", "title", "person"), "title": ("title",),
                  "text": ("content",)}[node.field]
        for f in fields:
            if f == "person":
                self._add_term(score, f, fold(word), WEIGHTS[f])
                self._add_term(score, f, EXACT_MARK + word, WEIGHTS[f] * WEIGHTS["exact"])
                continue
            self._add_term(score, f, fs, WEIGHTS[f])
            if exact:
                self._add_term(score, f, exact, WEIGHTS[f] * WEIGHTS["exact"])
            if sibling:
                self._add_term(score, f, sibling, WEIGHTS[f] * WEIGHTS["sibling"])
        if len(fs) >= MIN_PREFIX and fs.isalpha():
            for f in fields:
                if f in ("content", "title"):
                    for t in self.word_terms(f, word):
                        if self._add_term(score, f, t, WEIGHTS["prefix"]):
                            self.heads.add(t)       # marked in snippets, as no other is
        else:
            # a short stem of a longer word ("budget" → "budg"): the compounds begin with
            # the word's dictionary form, not with the stem ("budgetram", not "budgivning")
            base = compound_base(word)
            if base is not None:
                for f in fields:
                    if f in ("content", "title"):
                        for t in self.base_terms(f, base):
                            if self._add_term(score, f, t, WEIGHTS["prefix"]):
                                self.heads.add(t)
        heads, where = self._heads(word)
        for t in heads:
            for f in fields:
                if (f, t) in where:
                    self._add_head(score, f, t, where[(f, t)], WEIGHTS["prefix"])
        self.heads.update(heads)
        return score > 0, score

    def _Prefix(self, node: q.Prefix) -> Result:
        toks = [m.group() for m in WORD_RE.finditer(node.text)]
        if not toks:
            return None
        word = toks[-1].lower()
        # cached whole (a wildcard's expansions would crowd single terms out of the LRU),
        # sparse: the arrays are rebuilt per query, so no caller can change the cached ones
        docs, s = self.terms.get(("wildcard", f"{node.field}:{word}"),
                                 lambda: self._wildcard(word, node.field))
        self.heads.update(self.head_terms(word))
        score = np.zeros(self.n, np.float32)
        score[docs] = s
        return score > 0, score

    def _wildcard(self, word: str, field: str | None) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, scores) of the words beginning with `word` (folded, as the index's
        terms are) and of `word` itself, stemmed: "kommune*" finds "kommunen", whose term
        "kommun" does not begin with "kommune"; and, as the word does, the compounds ending
        with it (head_terms)."""
        start = fold(word)
        score = np.zeros(self.n, np.float32)
        fields = {None: ("content", "title", "person"), "title": ("title",),
                  "text": ("content",)}[field]
        for f in fields:
            own = start if f == "person" else fold_stem(word)
            terms = [own] + [t for t in self.prefix_terms(f, start, MAX_WILDCARD_TERMS,
                                                          MAX_WILDCARD_SCAN) if t != own]
            if start != own:
                terms.insert(1, start)
            if f != "person":
                # the word itself finds the compounds ending with it, so its wildcard does
                terms += [t for t in self.head_terms(word) if t not in terms]
            for t in terms:
                p = self._scored(f, t)
                if p is not None:
                    score[p[0]] += WEIGHTS[f] * p[1]
        docs = np.flatnonzero(score)
        return docs, score[docs]

    def _Suffix(self, node: q.Suffix) -> Result:
        toks = [m.group() for m in WORD_RE.finditer(node.text)]
        if not toks:
            return None
        word = toks[0].lower()
        docs, s = self.terms.get(("suffix", f"{node.field}:{word}"),
                                 lambda: self._suffix(word, node.field))
        own = fold_stem(word)
        if self.suffixes is not None and own.isalpha():    # marked in snippets
            self.heads.update(self._endings(own, MAX_WILDCARD_TERMS, 1)[0])
        score = np.zeros(self.n, np.float32)
        score[docs] = s
        return score > 0, score

    def _suffix(self, word: str, field: str | None) -> tuple[np.ndarray, np.ndarray]:
        """(docnums, scores) of `word`'s own term and of the MAX_WILDCARD_TERMS most frequent
        terms ending with its folded stem ("*nämnden": "namnd", "socialnamnd", …), read
        where the suffix arrays hold them. Folded: OCR'd text without å/ä/ö is found too.
        Names are not searched (a name's ending is no word)."""
        own = fold_stem(word)
        score = np.zeros(self.n, np.float32)
        fields = {None: ("content", "title"), "title": ("title",),
                  "text": ("content",)}[field]
        if self.suffixes is not None and own.isalpha():
            terms, where = self._endings(own, MAX_WILDCARD_TERMS, 1)
            for t in terms:
                for f in fields:
                    if (f, t) in where:
                        self._add_head(score, f, t, where[(f, t)], WEIGHTS[f])
        for f in fields:
            self._add_term(score, f, own, WEIGHTS[f])
        docs = np.flatnonzero(score)
        return docs, score[docs]

    def _Phrase(self, node: q.Phrase) -> Result:
        words = [w.lower() for t in node.words for w in [m.group() for m in WORD_RE.finditer(t)]]
        if node.field == "person":
            return self._Person(q.Person(" ".join(words)))
        # each word's term and, as a word alone has, its -an sibling (skolan/skola):
        # "den nya skolan" finds "den nya skola" and the reverse
        alts: list[tuple[str, ...]] = []
        for w in words:
            t = phrase_terms([w])
            if t:
                sibling = an_sibling(w)
                alts.append((t[0], sibling) if sibling and sibling != t[0] else (t[0],))
        if not alts:
            return None
        fields = ("title",) if node.field == "title" else \
            ("content",) if node.field == "text" else ("content", "title")
        score = np.zeros(self.n, np.float32)
        cand = np.ones(self.n, bool)
        for forms in alts:
            s = np.zeros(self.n, np.float32)
            for f in fields:
                self._add_term(s, f, forms[0], WEIGHTS[f])
                for other in forms[1:]:
                    self._add_term(s, f, other, WEIGHTS[f] * WEIGHTS["sibling"])
            cand &= s > 0
            score += s
        if len(alts) == 1 or not cand.any():
            return cand, score * cand
        # Every bigram of the phrase (a phrase of two words exactly; a longer one by its
        # overlapping pairs), in any of its words' forms, among records whose field has
        # all the words.
        mask = cand.copy()
        for left, right in zip(alts, alts[1:]):
            has = np.zeros(self.n, bool)
            for a in left:
                for b in right:
                    docs = self._postings("bi", bigrams([a, b])[0])
                    if docs is not None:
                        has[docs] = True
            mask &= has
            if not mask.any():
                break
        return mask, score * mask

    def _Person(self, node: q.Person) -> Result:
        names = [fold(m.group()) for m in WORD_RE.finditer(node.name)]
        if not names:
            return None
        score = np.zeros(self.n, np.float32)
        cand = np.ones(self.n, bool)
        for t in dict.fromkeys(names):
            s = np.zeros(self.n, np.float32)
            self._add_term(s, "person", t, WEIGHTS["person"])
            cand &= s > 0
            score += s
        if (len(set(names)) > 1 or node.exact) and cand.any():
            # The terms may come from two names of one record ("Jöran Ståhl", "Anna Lund"
            # for "Anna Ståhl") and a name's word order varies (ballot lists write "Ståhl
            # Anna"): each candidate's stored names decide, one name at a time.
            if self.names is not None:
                docs = self.names().naming(frozenset(names), node.exact)
            else:
                key = ("person-names", f"{int(node.exact)}:{' '.join(sorted(set(names)))}")
                docs = self.terms.get(key, lambda: self._naming(np.flatnonzero(cand),
                                                                frozenset(names), node.exact))
            mask = np.zeros(self.n, bool)
            mask[docs] = True
            cand &= mask
        return cand, score * cand

    def _naming(self, docnums: np.ndarray, wanted: frozenset[str], exact: bool) -> np.ndarray:
        """The docnums among `docnums` with one name holding the words `wanted` (exactly
        these words with `exact`)."""
        keep = []
        for d in docnums:
            for name in self.searcher.stored_fields(int(d))["entry"].get("names") or ():
                have = {fold(m.group()) for m in WORD_RE.finditer(name)}
                if have == wanted if exact else wanted <= have:
                    keep.append(d)
                    break
        return np.array(keep, dtype=np.int64)

    # -- boolean nodes -----------------------------------------------------------------
    def _And(self, node: q.And) -> Result:
        return self._combine(node.children, conjunctive=True)

    def _Or(self, node: q.Or) -> Result:
        return self._combine(node.children, conjunctive=False)

    def _combine(self, children, conjunctive: bool) -> Result:
        """Match masks meet (AND) or join (OR); scores add, and under AND only where all match.
        A child that constrains nothing (None) is left out."""
        out = None
        for child in children:
            r = self.eval(child)
            if r is None:
                continue
            if out is None:
                out = (r[0].copy(), r[1].copy())
            elif conjunctive:
                out[0][...] = out[0] & r[0]
                out[1][...] = (out[1] + r[1]) * out[0]
            else:
                out[0][...] = out[0] | r[0]
                out[1][...] = out[1] + r[1]
        return out

    def _Not(self, node: q.Not) -> Result:
        r = self.eval(node.child)
        if r is None:
            return None
        return self._from_mask(self.g.live & ~r[0])

    def _MatchAll(self, node: q.MatchAll) -> Result:
        return self._from_mask(self.g.live.copy())

    # -- filter nodes ------------------------------------------------------------------
    def _FacetIs(self, node: q.FacetIs) -> Result:
        name, values = node.name, list(node.values)
        if any(v.endswith("*") for v in values):
            values = self._facet_prefixes(name, values)
        if name == "kind":
            kinds = [v for v in values if statement_kind_of(v) is None]
            skinds = [v for v in values if statement_kind_of(v) is not None]
            mask = np.zeros(self.n, bool)
            if kinds:
                mask |= self.g.mask_for("kind", self._value_ids("kind", kinds))
            if skinds:
                mask |= self.g.mask_for("statement_kind",
                                        self._value_ids("statement_kind", skinds))
            return self._from_mask(mask)
        if name == "party":
            values = [a for v in values for a in party_aliases(v)]
        return self._from_mask(self.g.mask_for(name, self._value_ids(name, values)))

    def _value_ids(self, name: str, values: list[str]) -> list[int]:
        # compared by facet_key: as the interface shows a value ("Särskilt yttrande",
        # "Beslut") or in another form ("reservationer") it is the archive's value
        return self.g.value_ids(name, values, lambda v: facet_key(name, v))

    def _facet_prefixes(self, name: str, values: list[str]) -> list[str]:
        """`body:Social*`: each value ending in * becomes the facet's values beginning so
        (case, å/ä/ö and the signs between words aside: `body:"barn och*"`). A facet has
        few values, so no cap is needed."""
        names = (name, "statement_kind") if name == "kind" else (name,)
        have = [v for n in names for v in self.g.facets[n].values]
        out = []
        for v in values:
            if not v.endswith("*"):
                out.append(v)
                continue
            start = _spelled(v.rstrip("*"))
            out.extend(x for x in have if _spelled(x).startswith(start))
        return out

    def _DocIs(self, node: q.DocIs) -> Result:
        col = self.g.facets["doc_id"]
        ids = [i for i, v in enumerate(col.values)
               if any(v.startswith(d) for d in node.doc_ids)]
        return self._from_mask(self.g.mask_for("doc_id", ids))

    def _YearRange(self, node: q.YearRange) -> Result:
        col = self.g.facets["year"]
        ids = [i for i, v in enumerate(col.values)
               if v.isdigit() and node.start <= int(v) <= node.end]
        return self._from_mask(self.g.mask_for("year", ids))

    def _DateRange(self, node: q.DateRange) -> Result:
        d = self.g.date_int
        lo = int(node.start.replace("-", "")) if node.start else 1
        hi = int(node.end.replace("-", "")) if node.end else 99999999
        return self._from_mask((d >= lo) & (d <= hi) & (d > 0))

    def _Dnr(self, node: q.Dnr) -> Result:
        mask = np.zeros(self.n, bool)
        docs = self._postings(FACET_FIELD, facet_token("dnr", dnr_key(node.text)))
        if docs is not None:
            mask[docs] = True
        return self._from_mask(mask)


def _spelled(value: str) -> str:
    """A facet value folded, its words joined by "_" (for prefixes: not stemmed)."""
    return "_".join(re.findall(r"[^\W_]+", fold(value)))


def query_terms(node: q.Node) -> tuple[set[str], set[str]]:
    """(folded stems, folded prefixes) a query looks for, for highlighting."""
    stems: set[str] = set()
    prefixes: set[str] = set()

    def walk(n: q.Node) -> None:
        if isinstance(n, (q.Word, q.Phrase)):
            words = [n.text] if isinstance(n, q.Word) else list(n.words)
            for w in words:
                for m in WORD_RE.finditer(w):
                    t = m.group().lower()
                    if t in STOP_WORDS:
                        continue
                    fs = fold_stem(t)
                    stems.add(fs)
                    sibling = an_sibling(t)        # a phrase's words look for it too
                    if sibling:
                        stems.add(sibling)
        elif isinstance(n, q.Suffix):
            toks = [m.group().lower() for m in WORD_RE.finditer(n.text)]
            if toks:
                stems.add(fold_stem(toks[0]))     # the compounds: Evaluator.heads
        elif isinstance(n, q.Prefix):
            toks = [m.group().lower() for m in WORD_RE.finditer(n.text)]
            if toks:
                stems.add(fold_stem(toks[-1]))
                prefixes.add(fold(toks[-1]))
        elif isinstance(n, q.Person):
            for m in WORD_RE.finditer(n.name):
                # snippets compare folded stems: "Lena" is "len" there, not "lena"
                stems.update((fold(m.group()), fold_stem(m.group())))
        elif isinstance(n, (q.And, q.Or)):
            for c in n.children:
                walk(c)
    walk(node)
    return stems, prefixes


__all__ = ["Evaluator", "TermCache", "query_terms", "stem"]
