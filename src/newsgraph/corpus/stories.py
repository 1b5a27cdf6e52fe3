"""Stories: online clustering of articles into real-world events as they arrive.

A story is one event reported over a window of time ("the shooting on Elm Street and
its aftermath"), not a topic ("gun violence").  Each arriving article is compared with
the stories that share its most distinctive words or entities; it joins the most
similar one when the similarity clears a threshold, else it starts a story.  Similarity
comes from two cosines against the story's running centroid:

- words of the title and body, TF-IDF weighted with document frequencies counted
  online (the article's own counts included), and
- the article's people, organisations and places (name keys, so "Smith" and
  "John Smith" meet), which is what tells two similar events apart,

and the gap between the article's date and the story's date range, so that a story is
a window in time.  The opening of a report (its title and first few lines, :func:`lead_terms`)
is compared apart, with the story's openings: news puts the event itself first and the
background after, so two reports of two similar events (two jewel heists in one city, two
clubs bidding for one player) share their later paragraphs' vocabulary more than their
openings.  A small logistic model (:class:`StoryModel`, trained on the tuning
halves of ECB+ and the gun-violence incidents) turns the cosines, split by kind of key,
the gap and the story's size into the probability that the article reports the story's
event; the gap counts softly because outlets publish follow-ups weeks later and crawled
dates are often off.

A follow-up (an arrest, a charge, a sentence weeks or months after the event) often
shares few words with the first reports but names the same victim or suspect in full.
So the model also sees how *specifically* the story's people are the article's (for each
person both name in full, the share of the earlier articles naming them that are in this
story: a victim named only in this story's reports counts fully, a police chief or a
byline spread over many stories little), alone and times the gap, so that the decay is
slower when specific people are shared.  Places and facilities count the same way: a
small town or a street named only in this story's reports ties a follow-up to it, a big
city named in many stories does not.  The victim's age ("a 13-year-old") is read the same
way, its weight growing with the gap, while shared words and places count for less the
older the story is (months on, they are as likely another shooting in the same city).
Whether the article dates the story (it names a month of the story's window or its year,
:func:`dates_story`: "the June 24 shooting" in an October arrest report) counts too, alone
and times the gap.  An undated corpus (ECB+) has no gap to read, but an opening often names
the day the event happened ("on Thursday afternoon", :func:`lead_weekdays`): whether the
article's opening names a weekday that the story's openings name, or only other days,
counts for undated pairs (two jewel heists in one city, one on a Monday and one on a
Thursday; two clubs' offers to one player made on different days).  These and a dated copy of the main cosines are features of dated pairs only, fitted on
top of the others: an undated corpus is judged as before.

A story is also a window in time: an article dated more than :data:`LONG_GAP_DAYS`
after (or before) a story's dated reports joins it only when it says when the story
happened (it names a month of the story's window, or its year when that is not the
article's own: "the June 24 shooting", "the 2013 house party killing"), or when the
model is all but sure (:data:`LONG_GAP_SURE`).  Shared places and words months apart
are as likely another event in the same city, and a follow-up nearly always dates what
it follows up.  Undated pairs (ECB+) are not touched.

A syndicated copy joins its original's story outright (the caller passes
``copy_of``): copies are the same report, whatever the threshold says.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..model import NAME_AGAIN
from . import CorpusArticle
from .names import fold

MODEL = Path(__file__).resolve().parents[1] / "lexicons" / "story_model.json"
FEATURES = ["words", "numbers", "people", "orgs", "places", "log_gap_days", "no_date",
            "log_story_size", "lead", "words_dated", "people_dated", "places_dated",
            "log_gap_dated", "specific_names_dated", "specific_names_x_log_gap",
            "specific_places_dated", "specific_places_x_log_gap", "ages_dated",
            "ages_x_log_gap", "words_x_log_gap", "places_x_log_gap", "dates_story_dated",
            "dates_story_x_log_gap", "weekday_shared", "weekday_disjoint"]
# Features that are 0 unless both the article and the story are dated: a correction for
# dated pairs fitted on top of the others (scripts/train_story_model.py), so an undated
# corpus is decided as before.
DATED_FEATURES = {"words_dated", "people_dated", "places_dated", "log_gap_dated",
                  "specific_names_dated", "specific_names_x_log_gap", "specific_places_dated",
                  "specific_places_x_log_gap", "ages_dated", "ages_x_log_gap", "words_x_log_gap",
                  "places_x_log_gap", "dates_story_dated", "dates_story_x_log_gap"}
TITLE_BOOST = 2.0  # a title word counts as this many body occurrences
# A report's opening (:func:`lead_terms`): the title and this many characters of the body.
# Chosen on the tuning halves: within-topic ECB+ pairs of two similar events are told apart
# better by their openings' words than by the whole body's (pair AUC 0.93 at 400 characters
# against 0.89 at 200 and 0.93 at 800; the whole text 0.93, and in the topics that merge
# 0.64-0.81 for the whole text against 0.71-0.86 for the opening).
LEAD_CHARS = 400
CENTROID_TERMS = 80  # a story keeps this many heaviest words (and entities) in its centroid
QUERY_TERMS = 12  # an article looks up stories through this many of its heaviest words
MIN_WORDS = 0.12  # word cosine below which no names make two reports one story
MAX_CANDIDATES = 25  # and compares itself in full with this many of the stories found
# A word or name is looked up in the stories that most recently took it in, at most this many:
# the cost of an article stays flat as the corpus grows (a story is a window in time, and a
# name common enough to fill the list is not what tells events apart).
POSTINGS_CAP = 200
# A gap longer than this many days between an article and a story's dated reports stops
# the join unless the article dates the story (:func:`time_refs`) or the model's
# probability is at least LONG_GAP_SURE.  Chosen on the gun-violence tuning half (plateau
# from 5 to 10 days and from 0.8 to 0.95; a week and 0.95 taken); gun violence 0.930 /
# 0.930 -> 0.933 / 0.930 (tuning / locked); ECB+ is undated and unchanged.
LONG_GAP_DAYS = 7
LONG_GAP_SURE = 0.95
PLACE_LABELS = {"GPE", "LOC", "FAC"}
ENTITY_PREFIX = {"PERSON": "p:", "ORG": "o:", "GPE": "g:", "LOC": "g:", "FAC": "f:"}

_WORD = re.compile(r"\d+-years?-old|[a-z][a-z'-]+|\d+(?:[.,]\d+)*")


def _stopwords() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | {"said", "says", "told", "according", "news", "year",
                                    "years", "new", "day", "time", "people", "just", "like"}


STOPWORDS = _stopwords()


def words(text: str) -> list[str]:
    """Content words, folded, with a plural 's' stripped so 'shootings' meets 'shooting'."""
    return [w for w in map(_content_word, _WORD.findall(fold(text))) if w is not None]


@lru_cache(maxsize=65536)  # as names.sound_key: the common words of a corpus, a few MB
def _content_word(token: str) -> Optional[str]:
    """What :func:`words` keeps of one token, or None.  Cached: news repeats its words, so
    most tokens of an article were decided before (with :func:`.names.fold`'s fast path,
    the words of 400 PolNeAR articles take 0.14 s of CPU instead of 0.24)."""
    word = token.strip("'-")
    if word[0].isdigit():  # numbers tell events apart: years, tolls, ages, amounts
        if word.endswith("old"):
            return "#age" + word.split("-")[0]
        return "#" + word.replace(",", "") if len(word) >= 2 else None
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) < 3 or word in STOPWORDS:
        return None
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
# month names (capitalised, so the verb "may" is no May) with the usual abbreviations,
# and years written in full
_TIME_REF = re.compile(r"\b(?:((?:January|February|March|April|May|June|July|August|September|"
                       r"October|November|December)\b|(?:Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.)"
                       r"|((?:19|20)\d\d)\b)")


def time_refs(text: str) -> list[str]:
    """The months ("m6") and years ("y2014") a text names: how a follow-up says when the
    event it follows up happened ("the June 24 shooting", "the 2013 killing")."""
    out = set()
    for month, year in _TIME_REF.findall(text):
        out.add(f"m{_MONTHS[month[:3].lower()]}" if month else f"y{year}")
    return sorted(out)


def dates_story(times, first: int, last: int, day: int) -> bool:
    """Whether an article dated ``day`` that names ``times`` (:func:`time_refs`) names
    a month of the window ``first``..``last`` (ordinal days), or a year of it that is not
    the article's own."""
    if not times:
        return False
    refs = _window_refs(first, last, date.fromordinal(day).year)
    return any(t in refs for t in times)


@lru_cache(maxsize=4096)  # asked once per candidate story of every dated article
def _window_refs(first: int, last: int, own: int) -> frozenset[str]:
    """The months of the window ``first``..``last`` and its years other than ``own``."""
    start, end = date.fromordinal(first), date.fromordinal(last)
    refs = set()
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month) and len(refs) < 12:
        refs.add(f"m{month}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return frozenset(refs | {f"y{y}" for y in range(start.year, end.year + 1) if y != own})


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def lead_weekdays(title: Optional[str], body: Optional[str]) -> list[str]:
    """The weekdays the opening names ("on Thursday afternoon"): when the event happened,
    for a report without a date.  Two reports of one event mostly name the same day; two
    similar events rarely do."""
    return sorted(set(_WEEKDAY.findall((title or "") + "\n" + (body or "")[:LEAD_CHARS])))


def lead_terms(title: Optional[str], body: Optional[str]) -> dict[str, float]:
    """Sublinear counts of the content words of the title and the first
    :data:`LEAD_CHARS` characters of the body: what the report is about, before the
    background paragraphs that two similar events share."""
    counts: dict[str, float] = defaultdict(float)
    for word in words((title or "") + "\n" + (body or "")[:LEAD_CHARS]):
        counts[word] += 1.0
    return {w: round(1.0 + math.log(c), 4) for w, c in counts.items()}


_NAME_PARTS = re.compile(r"[\s.,]+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def full_names(entities: list[dict]) -> list[str]:
    """The article's people named in full, as 'first last' keys (middle names, initials
    and suffixes dropped): what ties a follow-up to its event ("Kevin Michael
    McQuilliams" arrested, "Kevin McQuilliams" sentenced months later)."""
    out = set()
    for entity in entities:
        if entity.get("label") != "PERSON":
            continue
        parts = [p for p in _NAME_PARTS.split(fold(entity.get("name") or "").strip())
                 if len(p) > 1 and p not in _SUFFIXES]
        if len(parts) >= 2:
            out.add(parts[0] + " " + parts[-1])
    return sorted(out)


_PLACE_KEYS = ("g:", "f:")


def _specific_keys(features: "StoryFeatures") -> list[str]:
    """What a story counts to tell how specifically it holds a name: the people named in
    full, and the place and facility keys ("g:pahokee"): a small town or a street named
    only in one story's reports ties a follow-up to it, a big city does not."""
    return list(features.names) + [k for k in features.entities if k[:2] in _PLACE_KEYS]


def entity_keys(entities: list[dict]) -> dict[str, float]:
    """Name keys of an article's people, organisations and places, weighted by mentions.

    A person counts under their last name (full names and bare surnames meet); an
    organisation or place under its whole folded name.
    """
    keys: dict[str, float] = defaultdict(float)
    for entity in entities:
        prefix = ENTITY_PREFIX.get(entity.get("label", ""))
        name = fold(entity.get("name") or "").strip()
        if not prefix or not name:
            continue
        if prefix == "p:":
            parts = [p for p in re.split(r"[\s.]+", name) if p]
            name = parts[-1] if parts else name
        # name_again mentions (model.NAME_AGAIN) do not weigh: on ECB+ locked they cost
        # 0.014 story F1 when they did
        found = [m for m in entity.get("mentions") or () if m.get("kind") != NAME_AGAIN]
        if entity.get("mentions") and not found:
            continue  # an entity found for linking only ("the Obama administration")
        keys[prefix + name] += 1.0 + math.log(max(1, len(found)))
    return dict(keys)


@dataclass
class StoryFeatures:
    """What story clustering keeps of one article: raw word counts, entity keys, date."""

    terms: dict[str, float]
    entities: dict[str, float]
    published: Optional[str] = None
    title: Optional[str] = None
    names: list[str] = field(default_factory=list)  # people named in full (full_names)
    times: list[str] = field(default_factory=list)  # months and years named (time_refs)
    lead: dict[str, float] = field(default_factory=dict)  # the opening's words (lead_terms)
    weekdays: list[str] = field(default_factory=list)  # weekdays the opening names

    def to_json(self) -> str:
        return json.dumps({"t": self.terms, "e": self.entities, "d": self.published,
                           "h": self.title, "n": self.names, "m": self.times, "l": self.lead,
                           "w": self.weekdays},
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str) -> "StoryFeatures":
        raw = json.loads(data)
        return cls(raw["t"], raw["e"], raw.get("d"), raw.get("h"), raw.get("n") or [],
                   raw.get("m") or [], raw.get("l") or {}, raw.get("w") or [])


def story_features(article: CorpusArticle, body: Optional[str] = None) -> StoryFeatures:
    """Sublinear word counts of title (boosted) and body, and the entity keys.

    ``body`` replaces the article's text when given: the linker passes the text without
    its boilerplate (:meth:`CopyIndex.substantive_text`)."""
    counts: dict[str, float] = defaultdict(float)
    text = article.text if body is None else body
    for word in words(text):
        counts[word] += 1.0
    for word in words(article.title or ""):
        counts[word] += TITLE_BOOST
    terms = {w: round(1.0 + math.log(c), 4) for w, c in counts.items()}
    return StoryFeatures(terms, entity_keys(article.entities), article.published, article.title,
                         full_names(article.entities),
                         time_refs((article.title or "") + "\n" + (text or "")),
                         lead_terms(article.title, text), lead_weekdays(article.title, text))


def _normalise(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _partials(a: dict[str, float], b: dict[str, float]) -> dict[str, float]:
    """The dot product of two vectors split by the kind of key: '#' numbers, 'a' ages
    ('#age13'), 'p', 'o', 'g', 'f' entity kinds (their prefix letter), 'w' plain words."""
    if len(a) > len(b):
        a, b = b, a
    out: dict[str, float] = defaultdict(float)
    for k in filter(b.__contains__, a):  # the shared keys, in a's order (sums stay the same)
        v, other = a[k], b[k]
        if other:
            if k[0] == "#":
                kind = "a" if k.startswith("#age") else "#"
            else:
                kind = k[0] if len(k) > 1 and k[1] == ":" else "w"
            out[kind] += v * other
    return out


def _top(vector: dict[str, float], n: int) -> dict[str, float]:
    if len(vector) <= n:
        return vector
    return dict(heapq.nlargest(n, vector.items(), key=lambda kv: kv[1]))


def _top_weighted(vector: dict[str, float], n: int, idf) -> dict[str, float]:
    if len(vector) <= n:
        return vector
    return dict(heapq.nlargest(n, vector.items(), key=lambda kv: kv[1] * idf(kv[0])))


def _day(value: Optional[str]) -> Optional[int]:
    try:
        return date.fromisoformat(value).toordinal() if value else None
    except ValueError:
        return None


@dataclass
class Story:
    """A running story: summed member vectors (pruned), date range and members."""

    id: str
    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    lead: dict[str, float] = field(default_factory=dict)  # the members' openings, summed
    first: Optional[int] = None
    last: Optional[int] = None
    members: list[str] = field(default_factory=list)
    label_key: Optional[str] = None  # the member that fitted best when it joined
    label_score: float = -1.0
    weighted: Optional[tuple[int, dict, dict, dict]] = None  # (n_docs, terms, entities, lead)
    # full name or place key ("g:pahokee") -> members naming it
    names: dict[str, int] = field(default_factory=dict)
    # weekday named in an opening (lead_weekdays) -> members naming it
    weekdays: dict[str, int] = field(default_factory=dict)

    def gap_days(self, day: Optional[int]) -> Optional[int]:
        if day is None or self.first is None:
            return None
        if day < self.first:
            return self.first - day
        return max(0, day - self.last)

    def absorb(self, key: str, terms: dict[str, float], entities: dict[str, float],
               day: Optional[int], fit: float, idf, lead: Optional[dict[str, float]] = None
               ) -> None:
        """Add a member's unit-length counts; keep the heaviest terms by TF-IDF."""
        for store, vector in ((self.terms, terms), (self.entities, entities),
                              (self.lead, lead or {})):
            for k, v in vector.items():
                store[k] = store.get(k, 0.0) + v
        self.terms = _top_weighted(self.terms, CENTROID_TERMS, idf)
        self.entities = _top_weighted(self.entities, CENTROID_TERMS, idf)
        self.lead = _top_weighted(self.lead, CENTROID_TERMS, idf)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)
        self.members.append(key)
        self.weighted = None
        if fit > self.label_score:
            self.label_key, self.label_score = key, fit


@dataclass
class StoryModel:
    """Logistic regression over :meth:`StoryIndex.pair_features`: P(same event).

    Trained by ``make story-model`` (``scripts/train_story_model.py``) on the tuning halves
    of ECB+ subtopics and gun-violence incidents; the threshold is chosen there too.
    """

    weights: list[float]
    bias: float
    threshold: float = 0.5

    @classmethod
    def load(cls, path: Path = MODEL) -> "StoryModel":
        raw = json.loads(path.read_text(encoding="utf-8"))
        if raw["features"] != FEATURES:
            raise ValueError(f"{path} was trained on other features; run `make story-model`")
        return cls(raw["weights"], raw["bias"], raw["threshold"])

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass
class StoryMatch:
    story: str
    score: float  # similarity to the story when the article joined (1.0 when it started it)
    new: bool


class StoryIndex:
    """Online story clustering; add articles in arrival order.

    >>> index = StoryIndex()
    >>> index.add("hash1", story_features(article)).story
    """

    def __init__(self, model: Optional["StoryModel"] = None,
                 threshold: Optional[float] = None) -> None:
        self.model = model or StoryModel.load()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.df: dict[str, int] = defaultdict(int)
        # full name or place key -> articles naming it
        self.name_df: dict[str, int] = defaultdict(int)
        self.n_docs = 0
        self._logs: list[float] = []
        self._log_n = 0.0
        self.stories: dict[str, Story] = {}
        self.story_of: dict[str, str] = {}
        # word or entity -> the stories holding it, least recently joined first (a dict
        # used as an ordered set), at most POSTINGS_CAP of them
        self.postings: dict[str, dict[str, None]] = defaultdict(dict)
        # the months and years the article being placed names (time_refs), its weighted
        # opening (lead_terms) and the weekdays the opening names (lead_weekdays), set by
        # _count, where every placement starts (the trainer's oracle too): pair_features
        # reads them
        self._times: list[str] = []
        self._lead: dict[str, float] = {}
        self._weekdays: list[str] = []

    # -- weighting --------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        return self._log_n - self._log(self.df.get(term, 0) + 1) + 1.0

    def _log(self, n: int) -> float:
        """log(n) for document counts, from a table (the hot path of weighing)."""
        table = self._logs
        while n >= len(table):
            table.append(math.log(len(table)) if table else 0.0)
        return table[n]

    def _count(self, features: StoryFeatures) -> None:
        self._times = features.times
        self._weekdays = features.weekdays
        self.n_docs += 1
        self._log_n = self._log(self.n_docs + 1)
        for vector in (features.terms, features.entities):
            for term in vector:
                self.df[term] += 1
        for name in _specific_keys(features):
            self.name_df[name] += 1
        self._lead = self._weigh(features.lead)

    def _weigh(self, vector: dict[str, float]) -> dict[str, float]:
        """TF-IDF with today's document frequencies, unit length.

        Stories keep raw (length-normalised) counts and are weighed at comparison time,
        so the first articles of a corpus, seen when every word looked rare, are not
        stuck with their early weights."""
        if len(self._logs) < self.n_docs + 2:
            self._log(self.n_docs + 1)
        # self._idf inlined: this is the hot loop of comparing an article with its stories
        # (a document frequency is at most n_docs, so the table above holds every log)
        log_n, logs, df = self._log_n, self._logs, self.df
        return _normalise({t: w * (log_n - logs[df.get(t, 0) + 1] + 1.0)
                           for t, w in vector.items()})

    def _centroid(self, story: Story) -> tuple[dict, dict, dict]:
        """The story's weighted centroids (words, entities, openings), re-weighed when the
        corpus has grown by a tenth since they were last weighed (document frequencies move
        slowly after the start)."""
        cached = story.weighted
        if cached is None or self.n_docs > cached[0] * 1.1 + 1:
            cached = (self.n_docs, self._weigh(story.terms), self._weigh(story.entities),
                      self._weigh(story.lead))
            story.weighted = cached
        return cached[1], cached[2], cached[3]

    def specific_names(self, story: Story, names) -> float:
        """How specifically the story's people are the article's: for each person both
        name in full, the share of the earlier articles naming them that are in this
        story (a victim or suspect named only in this story's reports counts 1, a police
        chief or byline spread over many stories little), summed, at most 2.  Place keys
        ("g:pahokee") are read the same way."""
        total = 0.0
        for name in names:
            held = story.names.get(name)
            if held:
                total += min(1.0, held / max(1, self.name_df.get(name, 0) - 1))
        return min(2.0, total)

    def pair_features(self, story: Story, terms: dict[str, float],
                      entities: dict[str, float], day: Optional[int], names=()
                      ) -> list[float]:
        """What the join decision sees: the word and entity cosines split by kind of key
        (words, numbers; people, organisations, places), the cosine of the article's
        opening with the story's openings (:func:`lead_terms`), the date gap, the story size,
        and the people named in full that tie the article to this story in particular
        (alone and times the gap: a follow-up naming the victim or the suspect months
        later is still the story), the ages both give, the words and places shared
        times the gap, whether the article dates the story (:func:`dates_story`:
        names a month of its window, or its year), alone and times the gap, and, for
        undated pairs, whether the article's opening names a weekday the story's openings
        name, or only others (:func:`lead_weekdays`).  The article's months and years, its
        opening and its weekdays are those :meth:`_count` last saw."""
        story_terms, story_entities, story_lead = self._centroid(story)
        words = _partials(terms, story_terms)
        keys = _partials(entities, story_entities)
        gap = story.gap_days(day)
        log_gap = 0.0 if gap is None else math.log1p(gap)
        specific = self.specific_names(story, names)
        places = self.specific_names(story, [k for k in entities if k[:2] in _PLACE_KEYS])
        ages = words.get("a", 0.0)
        named = {"words": words.get("w", 0.0), "numbers": words.get("#", 0.0) + ages,
                 "people": keys.get("p", 0.0), "orgs": keys.get("o", 0.0),
                 "places": keys.get("g", 0.0) + keys.get("f", 0.0),
                 "log_gap_days": log_gap, "no_date": 1.0 if gap is None else 0.0,
                 "log_story_size": math.log(len(story.members)),
                 "lead": _cosine(self._lead, story_lead),
                 "specific_names_x_log_gap": specific * log_gap}
        dated = 0.0 if gap is None else 1.0
        for name in ("words", "people", "places"):
            named[name + "_dated"] = dated * named[name]
        named["log_gap_dated"] = log_gap  # 0 when undated
        named["specific_names_dated"] = dated * specific
        named["specific_places_dated"] = dated * places
        named["specific_places_x_log_gap"] = places * log_gap
        # a victim's age ("the 13-year-old") outlasts the first reports' vocabulary, while
        # words and places shared with a story months old are as likely another shooting
        # in the same city as its follow-up: each is read again against the gap
        named["ages_dated"] = dated * ages
        named["ages_x_log_gap"] = ages * log_gap
        named["words_x_log_gap"] = named["words"] * log_gap
        named["places_x_log_gap"] = named["places"] * log_gap
        # a follow-up says when what it follows up happened ("the June 24 shooting"): it
        # names a month of the story's window, or its year; worth more the later it comes
        dates = (1.0 if gap is not None and story.first is not None
                 and dates_story(self._times, story.first, story.last, day) else 0.0)
        named["dates_story_dated"] = dates
        named["dates_story_x_log_gap"] = dates * log_gap
        # without dates, the weekday an opening names is when the event happened ("on
        # Thursday afternoon"): two reports of one event mostly name the same day, two
        # similar events of one kind (a heist on a Monday, one on a Thursday) rarely do;
        # dated pairs have their dates
        both = gap is None and bool(self._weekdays) and bool(story.weekdays)
        hit = both and any(d in story.weekdays for d in self._weekdays)
        named["weekday_shared"] = 1.0 if hit else 0.0
        named["weekday_disjoint"] = 1.0 if both and not hit else 0.0
        return [named[f] for f in FEATURES]

    def similarity(self, story: Story, terms: dict[str, float], entities: dict[str, float],
                   day: Optional[int], names=()) -> float:
        """The model's probability that the article reports the story's event; nil when
        the two share too few words, whatever names they share (two reports of one event
        share its vocabulary; a footballer and a judge may share a name)."""
        x = self.pair_features(story, terms, entities, day, names)
        if x[0] + x[1] < MIN_WORDS:
            return 0.0
        return self.model.probability(x)

    @staticmethod
    def in_window(story: Story, day: Optional[int], times, score: float) -> bool:
        """Whether an article dated ``day`` naming ``times`` (:func:`time_refs`) may join
        ``story`` at ``score``: yes within LONG_GAP_DAYS of the story's dated reports (or
        when either is undated), further off only when it dates the story
        (:func:`dates_story`) or the score is at least LONG_GAP_SURE."""
        gap = story.gap_days(day)
        return (gap is None or gap <= LONG_GAP_DAYS or score >= LONG_GAP_SURE
                or dates_story(times, story.first, story.last, day))

    # -- clustering -------------------------------------------------------------------------
    def _candidates(self, terms: dict[str, float], entities: dict[str, float]) -> list[str]:
        """The stories most worth a full comparison: those whose centroids hold the
        article's heaviest words and its entities, ranked by the weight they share."""
        shared: dict[str, float] = defaultdict(float)
        for vector in (_top(terms, QUERY_TERMS), entities):
            for key, weight in vector.items():
                for sid in self.postings.get(key, ()):
                    shared[sid] += weight
        ranked = heapq.nsmallest(MAX_CANDIDATES, shared.items(), key=lambda kv: (-kv[1], kv[0]))
        return [sid for sid, _ in ranked]

    def add(self, key: str, features: StoryFeatures, copy_of: Optional[str] = None
            ) -> StoryMatch:
        """Place one article; ``copy_of`` (an earlier article's key) forces its story."""
        self._count(features)
        terms, entities = self._weigh(features.terms), self._weigh(features.entities)
        day = _day(features.published)
        best, best_score = None, 0.0
        if copy_of is not None and copy_of in self.story_of:
            best, best_score = self.story_of[copy_of], 1.0
        else:
            for sid in self._candidates(terms, entities):
                story = self.stories[sid]
                score = self.similarity(story, terms, entities, day, features.names)
                if score > best_score and self.in_window(story, day, features.times, score):
                    best, best_score = sid, score
            if best_score < self.threshold:
                best = None
        new = best is None
        if new:
            best, best_score = f"S{key[:12]}", 1.0
        self._join(key, best, features, day, 0.0 if new else best_score)
        return StoryMatch(best, round(best_score, 4), new)

    def _join(self, key: str, sid: str, features: StoryFeatures, day: Optional[int],
              fit: float) -> None:
        """Put the article in story ``sid`` (created if new) and keep the postings right."""
        story = self.stories.get(sid)
        if story is None:
            story = self.stories[sid] = Story(sid)
        before = set(story.terms) | set(story.entities)
        story.absorb(key, _normalise(features.terms), _normalise(features.entities), day,
                     fit, self._idf, _normalise(features.lead))
        for name in _specific_keys(features):
            story.names[name] = story.names.get(name, 0) + 1
        for day_name in features.weekdays:
            story.weekdays[day_name] = story.weekdays.get(day_name, 0) + 1
        after = set(story.terms) | set(story.entities)
        for term in after:
            holders = self.postings[term]
            holders.pop(sid, None)
            holders[sid] = None
            if len(holders) > POSTINGS_CAP:
                del holders[next(iter(holders))]
        for term in before - after:
            self.postings[term].pop(sid, None)
        self.story_of[key] = sid
