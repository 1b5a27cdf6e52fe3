"""Syndicated copies: the same wire or group story published by several outlets.

A copy keeps most of its source's sentences but rarely its bytes: outlets put a new
headline on it, add or drop a dateline ("WASHINGTON (AP) —"), trim or rewrite the lede,
drop paragraphs, add a local paragraph or an editor's note, cut it short, wrap it in their
own share buttons and copyright line, and change the odd word.  So matching is done in two
tiers over a *cleaned* body, both robust to those edits:

1. **exact normalised paragraphs** (:func:`paragraph_hash`): a copy shares whole paragraphs
   with its source even when it was cut or re-ordered; the share of the shorter article's
   words that sit in shared paragraphs is the paragraph containment.  A paragraph that turns
   up in several articles which are *not* copies of each other (a tip-line notice, a
   newsletter prompt) is outlet boilerplate, and the index stops counting it;
2. **MinHash-LSH over word shingles** (:func:`minhash`): catches copies whose paragraphs
   were all touched by small edits or re-wrapped.  LSH proposes candidates; each candidate
   is *verified* by the containment of the shorter in the longer, estimated from the two
   signatures' Jaccard and the two shingle-set sizes.

Everything the index needs of an article is in :class:`CopyFeatures`, computed once by the
pure function :func:`copy_features` and stored as a small blob (:meth:`CopyFeatures.to_bytes`)
so a relink never re-reads the text.  :class:`CopyIndex` is online: an article's copy group
and score depend only on articles added before it, which is what lets linking while ingesting
agree with ``newsgraph relink``.  Thresholds were chosen on the tuning half of
:mod:`newsgraph.eval.copies` only.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
import zlib
from array import array
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterator, Optional

import numpy as np

from . import CorpusArticle

# --- parameters (chosen on the tuning half of eval/copies.py) --------------------------------
SHINGLE = 4  # words per shingle: long enough that unrelated texts on one topic rarely share
NUM_PERM = 64  # MinHash slots; 256 bytes per article
BANDS, ROWS = 32, 2  # LSH bands x rows == NUM_PERM; catches Jaccard >= ~0.25 with p >= 0.87
MIN_WORDS = 25  # a cleaned body shorter than this gets no features and no copy match
MIN_LINE_WORDS = 5  # shorter lines are navigation, buttons, bylines, credits: dropped
MIN_PARAGRAPH_WORDS = 5  # every kept line is a paragraph, so recurring ones can be found out
PARAGRAPH_CONTAINMENT = 0.5  # shared-paragraph words / the shorter article's paragraph words
PARAGRAPH_MIN_SHARED = 20  # ... and at least this many words in shared paragraphs
SINGLE_PARAGRAPH_CONTAINMENT = 0.8  # when all the shared text is one paragraph
MINHASH_CONTAINMENT = 0.6  # estimated shingle containment of the shorter in the longer
MINHASH_JACCARD = 0.08  # ... with at least this much estimated Jaccard (estimates below are noise)
COMMON_AFTER = 2  # a paragraph seen in this many articles unrelated to its first: boilerplate
POSTINGS_CAP = 8  # articles remembered per paragraph (more than that is boilerplate anyway)
WINDOW_DAYS = 14  # copies of one story are published within days of each other
_VERSION = 1

# --- cleaning ---------------------------------------------------------------------------------
_TRANSLATE = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u200b": "",
})
# A dateline opens the first line: an upper-case place ("NEW YORK, N.Y. --", "LONDON
# (Reuters) -") or anything short followed by a parenthesised wire credit ("Paris, March 3
# (AFP) -").  Both shapes are generic; neither names a particular agency.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'\s,]{1,40}(?:\s*,\s*[A-Z][a-z]{1,9}\.?(?:\s+\d{1,2})?)?"
    r"(?:\s*\([^()\n]{1,30}\))?\s*(?:-{1,3}|:)\s+"
    r"|[^()\n]{0,40}\((?:[A-Z][A-Za-z.&' ]{0,30})\)\s*(?:-{1,3}|:)?\s+)")
# Notices that are never part of a story however long they are: copyright lines and wire
# credits.  Everything else that recurs is left to the paragraph tier's document frequency.
_NOTICE = re.compile(
    r"(?:\u00a9|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|may not be published, broadcast"
    r"|contributed to this (?:report|story)|contributed reporting)", re.I)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")


def normalise(text: str) -> str:
    """Unicode-fold quotes, dashes and spaces so that typography never separates a copy."""
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE)


def clean_lines(text: str) -> list[list[str]]:
    """The body's substantive lines as lower-cased word lists.

    Lines rather than blank-line paragraphs, because some sources keep one sentence per
    line and a copy is matched at whichever granularity the text has.  The dateline is cut
    from the first line; short lines (menus, share buttons, bylines, "Advertisement") and
    copyright or credit notices are dropped.  This is deliberately generic: outlet-specific
    boilerplate that is long enough to survive recurs across articles and is discounted by
    the paragraph tier of :class:`CopyIndex`.
    """
    return [words for _line, words in _kept_lines(text, cut_dateline=True)]


def _kept_lines(text: str, cut_dateline: bool) -> Iterator[tuple[str, list[str]]]:
    """(line, its lower-cased words) for every line that is neither short nor a notice:
    the one filter behind :func:`clean_lines` and :meth:`CopyIndex.substantive_text`."""
    first = True
    for line, words, notice in _read_lines(text):
        if first and cut_dateline:
            cut = _DATELINE.sub("", line, count=1)
            if cut != line:
                line, words, notice = cut, _WORD.findall(cut.lower()), _is_notice(cut)
        if len(words) < MIN_LINE_WORDS or notice:
            continue
        first = False
        yield line, list(words)


@lru_cache(maxsize=2)
def _read_lines(text: str) -> tuple[tuple[str, list[str], bool], ...]:
    """Every non-empty line of ``text``, normalised and stripped, with its lower-cased
    words and whether it is a notice (asked of long lines only: short ones are dropped
    anyway).  The linker reads each body twice (its copy features, then its substantive
    text for stories): the second reading takes all this from the cache."""
    out = []
    for raw in normalise(text).split("\n"):
        line = raw.strip()
        if line:
            words = _WORD.findall(line.lower())
            out.append((line, words, len(words) >= MIN_LINE_WORDS and _is_notice(line)))
    return tuple(out)


def _is_notice(line: str) -> bool:
    return _NOTICE.search(line) is not None


# --- hashing ----------------------------------------------------------------------------------
_rng = np.random.RandomState(20240612)
_PERM_A = ((_rng.randint(1, 2**62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
            << np.uint64(1)) | np.uint64(1))  # odd multipliers
_PERM_B = _rng.randint(0, 2**62, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_SHINGLE_MUL = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9,
                         0x27D4EB2F165667C5, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
                        dtype=np.uint64)[:SHINGLE]


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads the bits of combined word hashes (uint64, wraps)."""
    h = h ^ (h >> np.uint64(30))
    h = h * np.uint64(0xBF58476D1CE4E5B9)
    h = h ^ (h >> np.uint64(27))
    h = h * np.uint64(0x94D049BB133111EB)
    return h ^ (h >> np.uint64(31))


def paragraph_hash(words: list[str]) -> int:
    """A stable 63-bit hash of a normalised paragraph (Python's ``hash`` is salted)."""
    digest = hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little") >> 1


def shingle_hashes(words: list[str]) -> np.ndarray:
    """Distinct, well-mixed uint64 hashes of the body's word ``SHINGLE``-grams.

    Words are hashed once with CRC-32 (fast and stable) and combined per shingle with
    odd multipliers, so a shingle costs a few vector operations rather than a digest.
    """
    n = len(words) - SHINGLE + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint64)
    crc = zlib.crc32
    w = np.fromiter((crc(x.encode("utf-8")) for x in words), dtype=np.uint64, count=len(words))
    h = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(SHINGLE):
            h = h + w[i:i + n] * _SHINGLE_MUL[i]
        return np.unique(_mix(h))


def minhash(shingles: np.ndarray) -> np.ndarray:
    """A ``NUM_PERM`` MinHash signature (uint32) of a set of shingle hashes.

    Equivalent in use to ``datasketch.MinHash(num_perm=NUM_PERM).update_batch`` but done as
    one vectorised pass (a*h+b over 64-bit words, top 32 bits kept), which is several times
    faster on an article of a few hundred words; the seeds are fixed, so signatures are
    comparable across processes and stored blobs.
    """
    if len(shingles) == 0:
        return np.zeros(0, dtype=np.uint32)
    with np.errstate(over="ignore"):
        v = _PERM_A[:, None] * shingles[None, :] + _PERM_B[:, None]
    return (v.min(axis=1) >> np.uint64(32)).astype(np.uint32)


# --- features ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CopyFeatures:
    """Everything copy detection needs of one article (a few hundred bytes).

    ``paragraphs``/``weights``: hash and word count of each substantive paragraph, in order;
    ``signature``: the MinHash signature of the cleaned body's shingles (empty for a tiny
    body); ``n_shingles``: distinct shingles, for turning Jaccard into containment.
    """

    paragraphs: tuple[int, ...] = ()
    weights: tuple[int, ...] = ()
    signature: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))
    n_shingles: int = 0
    n_words: int = 0

    @property
    def empty(self) -> bool:
        """True when the body is too short to be matched at all."""
        return len(self.signature) == 0

    def to_bytes(self) -> bytes:
        """A compact blob: header, paragraph hashes, weights, signature (little-endian)."""
        n = len(self.paragraphs)
        head = struct.pack("<BHHII", _VERSION, n, len(self.signature), self.n_shingles,
                           self.n_words)
        return (head + np.asarray(self.paragraphs, dtype="<u8").tobytes()
                + np.asarray(self.weights, dtype="<u2").tobytes()
                + self.signature.astype("<u4").tobytes())

    @classmethod
    def from_bytes(cls, blob: bytes) -> "CopyFeatures":
        version, n, k, n_sh, n_words = struct.unpack_from("<BHHII", blob)
        if version != _VERSION:
            raise ValueError(f"copy features version {version}, expected {_VERSION}")
        off = struct.calcsize("<BHHII")
        paragraphs = np.frombuffer(blob, dtype="<u8", count=n, offset=off)
        off += 8 * n
        weights = np.frombuffer(blob, dtype="<u2", count=n, offset=off)
        off += 2 * n
        signature = np.frombuffer(blob, dtype="<u4", count=k, offset=off).astype(np.uint32)
        return cls(tuple(int(p) for p in paragraphs), tuple(int(w) for w in weights),
                   signature, n_sh, n_words)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CopyFeatures) and self.paragraphs == other.paragraphs
                and self.weights == other.weights and self.n_shingles == other.n_shingles
                and self.n_words == other.n_words
                and np.array_equal(self.signature, other.signature))

    __hash__ = None  # type: ignore[assignment]


def copy_features(article: CorpusArticle) -> CopyFeatures:
    """Clean ``article.text`` and compute both tiers' features; pure and deterministic.

    The title is ignored on purpose: a copy's headline is the first thing an outlet
    rewrites, while two different stories often get near-identical headlines.
    """
    return text_features(article.text or "")


def text_features(text: str) -> CopyFeatures:
    """:func:`copy_features` on a bare text."""
    lines = clean_lines(text)
    words = [w for line in lines for w in line]
    if len(words) < MIN_WORDS:
        return CopyFeatures(n_words=len(words))
    paragraphs, weights = [], []
    for line in lines:
        if len(line) >= MIN_PARAGRAPH_WORDS:
            paragraphs.append(paragraph_hash(line))
            weights.append(min(len(line), 65535))
    shingles = shingle_hashes(words)
    return CopyFeatures(tuple(paragraphs), tuple(weights), minhash(shingles), len(shingles),
                        len(words))


# --- the online index -------------------------------------------------------------------------
@dataclass
class CopyMatch:
    """An article's copy group after it was added.

    ``group``: key of the group's name article (the member with the smallest rank);
    ``score``: verified similarity (containment, 0..1) to its best earlier match;
    ``members``: every key of the group now, so a caller can rename the group on each
    member when an earlier-ranked article joins; ``matched``: that best earlier match;
    ``tier``: which tier verified it ("paragraph" or "minhash").
    """

    group: str
    score: float
    members: list[str]
    matched: str
    tier: str


class CopyIndex:
    """Online, deterministic copy grouping over articles added in arrival order.

    State per article: its key, rank, union-find parent, score, a 256-byte signature, its
    paragraph hashes and one dictionary entry per new paragraph, plus ``BANDS`` LSH bucket
    entries; about 2.8 KB in all, most of it the bucket dictionary.  Groups are transitive:
    a copy of a copy joins the same group.
    """

    def __init__(self) -> None:
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._parent = array("i")
        self._score = array("f")
        self._size = array("i")  # distinct shingles
        self._phash = array("q")  # every article's paragraph hashes, back to back
        self._pweight = array("H")  # ... and their word counts
        self._poff = array("i", [0])  # article idx -> its first paragraph in the two above
        self._sigs = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._name: dict[int, tuple[tuple, int]] = {}  # root -> (rank, idx) of the name
        self._members: dict[int, list[int]] = {}  # root -> member idx (groups of 2+)
        self._ranks: list[tuple] = []
        self._postings: dict[int, object] = {}  # paragraph hash -> idx | list[idx] | None
        self._unrelated: dict[int, int] = {}  # paragraph hash -> unrelated repeats
        self._buckets: dict[int, object] = {}  # band bucket -> idx | list[idx]

    def __len__(self) -> int:
        return len(self._keys)

    # -- public ----------------------------------------------------------------------------
    def add(self, key: str, rank: tuple, features: CopyFeatures) -> Optional[CopyMatch]:
        """Index one article; return its group if it is a copy of earlier articles.

        Adding a key twice does not index it again; it returns its current group.
        """
        if key in self._index:
            return self.match_of(key)
        idx = self._append(key, rank, features)
        if features.empty:
            return None
        found = {o: v for o, v in self._verified(idx, features).items()
                 if self._near_in_time(idx, o)}
        for other, (score, _tier) in found.items():
            self._union(idx, other)
        self._remember_paragraphs(idx, features)
        self._remember_bands(idx, features)
        if not found:
            return None
        best = max(found, key=lambda o: (found[o][0], -o))
        self._score[idx] = found[best][0]
        match = self.match_of(key)
        match.matched, match.tier = self._keys[best], found[best][1]
        return match

    def _near_in_time(self, a: int, b: int) -> bool:
        """Syndication is near-simultaneous: two dated articles published more than
        ``WINDOW_DAYS`` apart are not copies, however alike (in crawled news those are
        pages that hold the same paywall or sign-in notice instead of a story)."""
        return within_window(self._ranks[a][0], self._ranks[b][0])

    def group_of(self, key: str) -> Optional[str]:
        """Key of the name article of ``key``'s group, or None when it is in no group."""
        root = self._find(self._index[key])
        if root not in self._members:
            return None
        return self._keys[self._name[root][1]]

    def score_of(self, key: str) -> float:
        """``key``'s verified similarity to its best earlier match (0 when it had none).

        A group's name article can have score 0: it may have arrived first.
        """
        return float(self._score[self._index[key]])

    def members_of(self, key: str) -> list[str]:
        """All keys in ``key``'s group, in arrival order ([key] when it is in none)."""
        root = self._find(self._index[key])
        return [self._keys[i] for i in self._members.get(root, [self._index[key]])]

    def match_of(self, key: str) -> Optional[CopyMatch]:
        """``key``'s group as a :class:`CopyMatch`, or None when it is in no group."""
        group = self.group_of(key)
        if group is None:
            return None
        return CopyMatch(group, self.score_of(key), self.members_of(key), "", "")

    def groups(self) -> dict[str, list[str]]:
        """Every group of two or more: name key -> member keys."""
        return {self._keys[self._name[r][1]]: [self._keys[i] for i in m]
                for r, m in self._members.items()}

    # -- bookkeeping -----------------------------------------------------------------------
    def _append(self, key: str, rank: tuple, f: CopyFeatures) -> int:
        idx = len(self._keys)
        self._keys.append(key)
        self._index[key] = idx
        self._ranks.append(tuple(rank))
        self._parent.append(idx)
        self._score.append(0.0)
        self._size.append(f.n_shingles)
        self._phash.extend(f.paragraphs)
        self._pweight.extend(f.weights)
        self._poff.append(len(self._phash))
        if idx >= len(self._sigs):
            self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
        if not f.empty:
            self._sigs[idx] = f.signature
        return idx

    def substantive_text(self, text: str) -> str:
        """``text`` without what the copy layer knows is not the story: short lines (menus,
        buttons, bylines), credit notices and paragraphs already found to be boilerplate
        ("Please enable JavaScript ...", a paywall notice). Story clustering reads this, so
        that two reports of one event are compared on their reporting, not on their pages."""
        kept, n_words, boilerplate = [], 0, False
        for line, words in _kept_lines(text, cut_dateline=False):
            if len(words) >= MIN_PARAGRAPH_WORDS and self._is_common(paragraph_hash(words)):
                boilerplate = True
                continue
            kept.append(line)
            n_words += len(words)
        if n_words < MIN_WORDS and not boilerplate:
            return text  # a brief in short lines: all of it, or nothing would be left
        return "\n".join(kept)

    def _paragraphs_of(self, idx: int) -> zip:
        lo, hi = self._poff[idx], self._poff[idx + 1]
        return zip(self._phash[lo:hi], self._pweight[lo:hi])

    def _is_common(self, p: int) -> bool:
        return p in self._postings and self._postings[p] is None

    def _common_words(self, idx: int) -> int:
        """Words of ``idx``'s paragraphs that are now known to be boilerplate."""
        return sum(w for p, w in dict(self._paragraphs_of(idx)).items() if self._is_common(p))

    def _find(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _union(self, a: int, b: int) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra == rb:
            return
        if ra > rb:  # the older root stays root: deterministic and keeps member order stable
            ra, rb = rb, ra
        self._parent[rb] = ra
        members = self._members.pop(ra, [ra]) + self._members.pop(rb, [rb])
        self._members[ra] = sorted(members)
        names = [self._name.pop(r, (self._ranks[r], r)) for r in (ra, rb)]
        self._name[ra] = min(names)

    # -- tier 1: exact paragraphs ----------------------------------------------------------
    def _paragraph_candidates(self, f: CopyFeatures) -> dict[int, list[int]]:
        """Earlier articles sharing non-boilerplate paragraphs -> [shared words, paragraphs]."""
        shared: dict[int, list[int]] = {}
        for p, w in dict(zip(f.paragraphs, f.weights)).items():
            post = self._postings.get(p)
            if post is None:
                continue
            for other in (post if isinstance(post, list) else (post,)):
                hit = shared.setdefault(other, [0, 0])
                hit[0] += w
                hit[1] += 1
        return shared

    def _remember_paragraphs(self, idx: int, f: CopyFeatures) -> None:
        """Post ``idx`` under its paragraphs; a paragraph that keeps recurring in articles
        that are not copies of one another is boilerplate and is no longer posted.

        "Not copies" means: not grouped with an earlier holder of the paragraph *and*
        sharing no other paragraph with one.  The second half stops a boilerplate paragraph
        from vouching for itself (if it grouped two articles, it would never be counted).
        """
        root = self._find(idx)
        mine = set(f.paragraphs)
        for p in dict.fromkeys(f.paragraphs):
            if p not in self._postings:
                self._postings[p] = idx
                continue
            post = self._postings[p]
            if post is None:
                continue
            post = post if isinstance(post, list) else [post]
            if not any(self._find(o) == root and self._shares_another(o, mine, p)
                       for o in post):
                n = self._unrelated.get(p, 0) + 1
                self._unrelated[p] = n
                if n >= COMMON_AFTER:
                    self._postings[p] = None
                    del self._unrelated[p]
                    continue
            if len(post) < POSTINGS_CAP:
                post.append(idx)
            self._postings[p] = post

    def _shares_another(self, other: int, mine: set[int], p: int) -> bool:
        return any(q != p and q in mine for q, _w in self._paragraphs_of(other))

    # -- tier 2: MinHash-LSH ---------------------------------------------------------------
    def _band_keys(self, sig: np.ndarray) -> list[int]:
        return band_keys(sig)

    def _lsh_candidates(self, f: CopyFeatures) -> set[int]:
        out: set[int] = set()
        for b in self._band_keys(f.signature):
            hit = self._buckets.get(b)
            if hit is None:
                continue
            if isinstance(hit, list):
                out.update(hit)
            else:
                out.add(hit)
        return out

    def _remember_bands(self, idx: int, f: CopyFeatures) -> None:
        for b in self._band_keys(f.signature):
            hit = self._buckets.get(b)
            if hit is None:
                self._buckets[b] = idx
            elif isinstance(hit, list):
                if len(hit) < POSTINGS_CAP * 4:
                    hit.append(idx)
            else:
                self._buckets[b] = [hit, idx]

    # -- verification ----------------------------------------------------------------------
    def _verified(self, idx: int, f: CopyFeatures) -> dict[int, tuple[float, str]]:
        """Earlier articles that ``idx`` is a verified copy of -> (containment, tier).

        Both tiers discount paragraphs already known to be boilerplate: they count neither
        as shared text nor in the article's size, so two articles that share only an
        outlet's footer are not copies, and a page that is nothing but boilerplate matches
        nothing once its boilerplate is known.
        """
        found: dict[int, tuple[float, str]] = {}
        mine = dict(zip(f.paragraphs, f.weights))
        my_common = {p: w for p, w in mine.items() if self._is_common(p)}
        my_words = sum(mine.values()) - sum(my_common.values())
        for other, (words, n) in sorted(self._paragraph_candidates(f).items()):
            theirs = sum(dict(self._paragraphs_of(other)).values()) - self._common_words(other)
            denom = min(my_words, theirs)
            score = words / denom if denom > 0 else 0.0
            need = PARAGRAPH_CONTAINMENT if n > 1 else SINGLE_PARAGRAPH_CONTAINMENT
            if words >= PARAGRAPH_MIN_SHARED and score >= need:
                found[other] = (min(1.0, round(score, 4)), "paragraph")
        candidates = sorted(self._lsh_candidates(f))
        if not candidates:
            return found
        cand = np.asarray(candidates, dtype=np.int64)
        jac = (self._sigs[cand] == f.signature).mean(axis=1)
        for c, j in zip(candidates, jac.tolist()):
            if j < MINHASH_JACCARD:
                continue
            theirs = dict(self._paragraphs_of(c))
            shared_common = sum(w for p, w in my_common.items() if p in theirs)
            their_common = sum(w for p, w in theirs.items() if self._is_common(p))
            s = boilerplate_free_containment(j, f.n_shingles, self._size[c],
                                             sum(my_common.values()), their_common,
                                             shared_common)
            if s >= MINHASH_CONTAINMENT and s > found.get(c, (0.0, ""))[0]:
                found[c] = (round(s, 4), "minhash")
        return found


def band_keys(signature: np.ndarray) -> list[int]:
    """One int per LSH band of a signature: the band's rows and its number folded into 64
    bits.  Two articles that share a band key are MinHash candidates."""
    rows = signature.astype(np.uint64).reshape(BANDS, ROWS)
    with np.errstate(over="ignore"):
        h = np.arange(BANDS, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for r in range(ROWS):
            h = _mix(h ^ rows[:, r])
    return h.tolist()


def minhash_match(a: CopyFeatures, b: CopyFeatures) -> float:
    """The MinHash tier's verdict on one candidate pair when no boilerplate is known (a
    batch job, not the online index): the estimated containment of the shorter body in the
    longer when it passes the tier's thresholds, else 0."""
    if a.empty or b.empty:
        return 0.0
    jaccard = float((a.signature == b.signature).mean())
    if jaccard < MINHASH_JACCARD:
        return 0.0
    score = boilerplate_free_containment(jaccard, a.n_shingles, b.n_shingles, 0, 0, 0)
    return round(score, 4) if score >= MINHASH_CONTAINMENT else 0.0


def within_window(first, second) -> bool:
    """Two publication dates (YYYY-MM-DD, or None when unknown) close enough for copies."""
    a, b = _ordinal(first), _ordinal(second)
    return a is None or b is None or abs(a - b) <= WINDOW_DAYS


def _ordinal(value) -> Optional[int]:
    """A YYYY-MM-DD rank date as a day number; None for unknown dates."""
    try:
        return date.fromisoformat(str(value)[:10]).toordinal()
    except ValueError:
        return None


def boilerplate_free_containment(jaccard: float, n_a: int, n_b: int, common_a: int,
                                 common_b: int, shared_common: int) -> float:
    """Containment of the smaller body in the larger once known boilerplate is removed.

    |A∩B| = J(|A|+|B|)/(1+J); dividing by min(|A|,|B|) makes a truncated or trimmed copy
    score as high as a full one.  Boilerplate paragraphs of w words contribute about w
    shingles: they are taken off both sizes and, where both articles carry them, off the
    intersection.  A body left with fewer than ``MIN_WORDS`` shingles scores 0.  Clipped to
    1 because the Jaccard is an estimate.
    """
    inter = jaccard * (n_a + n_b) / (1.0 + jaccard) - shared_common
    small = min(n_a - common_a, n_b - common_b)
    if small < MIN_WORDS or inter <= 0:
        return 0.0
    return min(1.0, inter / small)
