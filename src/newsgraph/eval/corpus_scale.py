"""Corpus-linking scale: time and memory to link 10k and 100k stored articles (issue 12).

What is measured is :func:`newsgraph.corpus.linker.relink` over a store whose articles and
entity records are already there, which is what linking costs once ingest has parsed the
articles.  Each link runs in a **fresh process**, so its peak resident memory is the
linker's own (plus the interpreter, NumPy and DuckDB), read from that process's own
high-water mark (``VmHWM``, see :func:`peak_mb`).
An *incremental* link is timed too: with the small store linked, 10% more articles are
stored and :func:`~newsgraph.corpus.linker.link` is called, which replays the linked
articles (no writes) and then links the new ones, as ``ingest`` does on every run.

**The synthetic corpus.**  Parsing 100k articles would take hours, so the store is
synthesised by editing real texts, read at run time from ``../shared/data`` (gun-violence
articles and ECB+ documents) and never written into the repository:

1. a seed sample of the texts (a few hundred, time-boxed to about a minute) goes through the
   real entities stage (``Pipeline(only=["entities"])``), so every entity record has the
   shape and density the linker sees in production;
2. *events* are drawn over three years; each takes one seed and gives its people new names
   (given names from the entity lexicon and the seeds, surnames from the seeds plus
   recombinations of them, so that surname blocks are not unrealistically crowded), swaps
   about half of its places and facilities and a third of its organisations for others of
   the same label, consistently in the text, the title and the records;
3. each event gets several articles (geometric, mean 2.5, at most 40), published over the
   following days; each article drops and swaps a few paragraphs, gets a new title and has a
   quarter of its lower-case words replaced by corpus words.  That last edit is what makes
   two events drawn from one seed *different articles* to the copy detector (it touches
   every paragraph, and leaves an estimated shingle containment well under the copy
   threshold); without it the few hundred seeds would turn 100k articles into a few hundred
   giant copy groups, which no real corpus looks like and which would measure the wrong
   thing;
4. 12% of the articles are syndicated copies of an earlier one: a new headline, sometimes a
   dateline, sometimes the last paragraph cut, otherwise the same text;
5. articles arrive (``seq``) in publication order, a copy after its original.

One known difference from a real corpus: events drawn from the same seed still share most
of their words, so the story clusterer merges many of them (at 100k: about 7k stories for
about 35k planned events, the largest a few hundred articles).  A real 100k corpus would
have more, smaller stories, i.e. longer story postings per common word; the figures here
may therefore flatter the story step somewhat at 100k.

Rows are bulk-loaded into a :class:`~newsgraph.store.Store` from temporary JSON Lines files
(``INSERT ... SELECT FROM read_json``), which takes seconds, not the minutes of row-by-row
inserts; building the store is not part of the measurement.

The done-when budget is printed beside the figures: 100k linked in under 10 minutes on
this 2-core machine with peak memory under 4 GB, and the growth of the cost from 10k to
100k (10 for linear; the exponent ``log(ratio) / log(10)`` is printed as well).  These are
budgets (maxima), not floors, so they are in ``BUDGETS`` and an ``OVER`` line is printed
when one is exceeded; ``FLOORS`` is empty.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator, Optional

import numpy as np

from . import print_table

FLOORS: dict = {}  # the figures here are budgets (maxima), checked and printed by report()
BUDGETS = {"seconds_100k": 600.0, "peak_mb": 4096.0}
SIZES = (10_000, 100_000)
INCREMENT = 0.1  # the incremental link adds this share of the small size
SEED_SECONDS = 60.0  # time box for parsing the seed sample
MAX_SEEDS = 400
MIN_SEEDS = 20
COPY_SHARE = 0.12  # syndicated copies among all articles
STORY_P = 0.4  # articles per event ~ geometric(STORY_P): mean 2.5
MAX_STORY = 40
START = date(2014, 1, 1).toordinal()
SPAN_DAYS = 3 * 365
WORD_EDIT = 0.25  # share of lower-case words replaced in every article
DROP_PARAGRAPH = 0.15
SWAP_PLACE, SWAP_ORG = 0.5, 0.33
SURNAMES = 20_000  # size of the surname pool (seed surnames plus recombinations)
RANDOM_SEED = 12
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_NAME_WORD = re.compile(r"^[A-Z][a-z][A-Za-z'-]*$")
_LOWER_WORD = re.compile(r"^[a-z]+$")


# --- the seed sample ----------------------------------------------------------------------------
@dataclass
class Seed:
    text: str
    title: Optional[str]
    entities: list[dict]


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _source_docs(data_dir: Path) -> list[dict]:
    docs = [{"text": d["text"], "title": d.get("title")}
            for d in _read(data_dir / "gunviolence" / "articles.jsonl")]
    docs += [{"text": d["text"], "title": None} for d in _read(data_dir / "ecbplus" / "docs.jsonl")]
    return [d for d in docs if len(d["text"].split()) >= 60]


def parse_seeds(docs: list[dict], n: int, seconds: float = SEED_SECONDS) -> list[Seed]:
    """Run the real entities stage over up to ``n`` shuffled docs, stopping after ``seconds``
    (but never before ``MIN_SEEDS``)."""
    from .. import Article, Pipeline

    order = list(range(len(docs)))
    random.Random(RANDOM_SEED).shuffle(order)
    chosen = [docs[i] for i in order[:n]]
    pipeline = Pipeline(only=["entities"], batch_size=16)
    items = (Article(id=f"seed{i}", text=d["text"], title=d["title"]) for i, d in enumerate(chosen))
    seeds: list[Seed] = []
    started = time.perf_counter()
    for doc, result in zip(chosen, pipeline.run(items)):
        if hasattr(result, "to_dict"):
            seeds.append(Seed(doc["text"], doc["title"], result.to_dict()["entities"]))
        if len(seeds) >= MIN_SEEDS and time.perf_counter() - started > seconds:
            break
    return seeds


# --- name pools ---------------------------------------------------------------------------------
def _lexicon_given_names() -> list[str]:
    path = Path(__file__).resolve().parents[1] / "lexicons" / "entity_given_names.txt"
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.extend(w.capitalize() for w in line.split() if w.isalpha())
    return out


def _person_words(name: str) -> tuple[list[str], Optional[str]]:
    """(given-name words, surname word) of a tagged person name; titles and suffixes out."""
    from ..corpus.names import _title_words

    titles = _title_words()
    words = [w for w in name.split() if _NAME_WORD.match(w.rstrip("."))]
    while words and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0].lower().rstrip(".") in titles:
        words.pop(0)
    if not words:
        return [], None
    return words[:-1], words[-1]


class Pools:
    """Replacement names by kind: given names, surnames, and whole names per entity label."""

    def __init__(self, seeds: list[Seed], rng: random.Random) -> None:
        given, surnames = set(_lexicon_given_names()), set()
        self.by_label: dict[str, list[str]] = {}
        for seed in seeds:
            for r in seed.entities:
                if r["label"] == "PERSON":
                    g, s = _person_words(r["name"])
                    given.update(g)
                    if s and len(s) >= 3:
                        surnames.add(s)
                elif r["label"] in ("GPE", "LOC", "FAC", "ORG"):
                    self.by_label.setdefault(r["label"], []).append(r["name"])
        for label, names in self.by_label.items():
            self.by_label[label] = sorted(set(names))
        self.given = sorted(g for g in given if len(g) >= 2)
        base = sorted(surnames) or ["Smith", "Jones"]
        pool = set(base)
        tries = 0
        while len(pool) < SURNAMES and tries < SURNAMES * 20:  # "Ormond" + "Elkins" -> "Ormkins"
            a, b = rng.choice(base), rng.choice(base)
            cut_a, cut_b = max(2, len(a) // 2), len(b) // 2
            pool.add(a[:cut_a] + b[cut_b:].lower())
            tries += 1
        self.surnames = sorted(pool)


# --- plans: what each synthetic article is, before its text exists ------------------------------
@dataclass
class Plan:
    day: int
    order: float  # tie-break within a day (a copy sorts after its original)
    event: int
    source: int = -1  # for a copy: the plan it copies


def make_plans(n: int, n_seeds: int, rng: np.random.Generator) -> tuple[list[Plan], list[int]]:
    """``n`` article plans in arrival order, and each event's seed index."""
    n_orig = n - int(round(n * COPY_SHARE))
    plans: list[Plan] = []
    event_seed: list[int] = []
    while len(plans) < n_orig:
        event = len(event_seed)
        event_seed.append(int(rng.integers(n_seeds)))
        day0 = START + int(rng.integers(SPAN_DAYS))
        k = min(MAX_STORY, int(rng.geometric(STORY_P)), n_orig - len(plans))
        for j in range(k):
            day = day0 + (int(rng.exponential(3.0)) if j else 0)
            plans.append(Plan(day, float(rng.random()), event))
    for _ in range(n - n_orig):
        source = int(rng.integers(n_orig))
        original = plans[source]
        day = original.day + int(rng.choice([0, 0, 0, 1, 1, 2]))
        order = (original.order + (1 - original.order) * float(rng.random())
                 if day == original.day else float(rng.random()))
        plans.append(Plan(day, order, original.event, source))
    arrival = sorted(range(len(plans)), key=lambda i: (plans[i].day, plans[i].order, i))
    position = {old: new for new, old in enumerate(arrival)}
    ordered = [plans[i] for i in arrival]
    for p in ordered:
        if p.source >= 0:
            p.source = position[p.source]
    return ordered, event_seed


# --- making the texts ---------------------------------------------------------------------------
class Synthesiser:
    """Materialises plans into (title, text, entity records), deterministically per plan."""

    def __init__(self, seeds: list[Seed], vocabulary: list[str], pools: Pools,
                 event_seed: list[int]) -> None:
        self.seeds, self.vocabulary, self.pools = seeds, vocabulary, pools
        self.event_seed = event_seed
        self._events: OrderedDict[int, tuple] = OrderedDict()

    # one event: the seed with new names -------------------------------------------------------
    def event(self, event: int) -> tuple[str, Optional[str], list[dict]]:
        cached = self._events.get(event)
        if cached is not None:
            self._events.move_to_end(event)
            return cached
        seed = self.seeds[self.event_seed[event]]
        rng = random.Random(RANDOM_SEED * 1_000_003 + event)
        mapping: dict[str, str] = {}
        for r in seed.entities:
            label = r["label"]
            if label == "PERSON":
                for text in [r["name"]] + [m["text"] for m in r.get("mentions") or ()]:
                    given, surname = _person_words(text)
                    for g in given:
                        mapping.setdefault(g, rng.choice(self.pools.given))
                    if surname:
                        mapping.setdefault(surname, rng.choice(self.pools.surnames))
            elif label in self.pools.by_label and len(r["name"]) >= 3:
                p = SWAP_ORG if label == "ORG" else SWAP_PLACE
                if r["name"] not in mapping and rng.random() < p:
                    mapping[r["name"]] = rng.choice(self.pools.by_label[label])
        if mapping:
            alternation = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
            pattern = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")

            def swap(s: Optional[str]) -> Optional[str]:
                return pattern.sub(lambda m: mapping[m.group()], s) if s else s
        else:
            def swap(s: Optional[str]) -> Optional[str]:
                return s
        records = []
        for r in seed.entities:
            rec = dict(r)
            rec["name"] = swap(r["name"])
            rec["mentions"] = [dict(m, text=swap(m["text"])) for m in r.get("mentions") or ()]
            rec["roles"] = [dict(x, text=swap(x.get("text"))) for x in r.get("roles") or ()]
            records.append(rec)
        out = (swap(seed.text), swap(seed.title), records)
        self._events[event] = out
        if len(self._events) > 4096:
            self._events.popitem(last=False)
        return out

    # one article ---------------------------------------------------------------------------------
    def article(self, plans: list[Plan], i: int) -> tuple[str, str, list[dict]]:
        """(title, text, entity records) of plan ``i``."""
        plan = plans[i]
        rng = random.Random(RANDOM_SEED * 7_919 + i * 2 + 1)
        if plan.source >= 0:
            title, text, records = self.article(plans, plan.source)
            paragraphs = text.split("\n")
            if len(paragraphs) > 3 and rng.random() < 0.4:  # cut short
                paragraphs = paragraphs[:-1]
            if rng.random() < 0.5:  # a dateline
                place = rng.choice(self.pools.by_label.get("GPE") or ["WASHINGTON"]).upper()
                wire = rng.choice(["AP", "Reuters", "AFP"])
                paragraphs[0] = f"{place} ({wire}) - " + paragraphs[0]
            return self._title(rng, title, paragraphs), "\n".join(paragraphs), records
        text, title, records = self.event(plan.event)
        paragraphs = text.split("\n")
        body = [p for n, p in enumerate(paragraphs)
                if n == 0 or not p.strip() or rng.random() >= DROP_PARAGRAPH]
        if len(body) > 3 and rng.random() < 0.5:
            a, b = rng.sample(range(1, len(body)), 2)
            body[a], body[b] = body[b], body[a]
        vocab, n_vocab = self.vocabulary, len(self.vocabulary)
        edited = []
        for p in body:
            words = p.split(" ")
            for k, w in enumerate(words):
                if rng.random() < WORD_EDIT and _LOWER_WORD.match(w):
                    words[k] = vocab[int(rng.random() * n_vocab)]
            edited.append(" ".join(words))
        return self._title(rng, title, edited), "\n".join(edited), records

    def _title(self, rng: random.Random, title: Optional[str], paragraphs: list[str]) -> str:
        """A new headline: a few words of the old one or of the lede, some replaced."""
        source = (title or next((p for p in paragraphs if p.strip()), "")).split()
        start = rng.randrange(0, max(1, len(source) - 6))
        words = source[start:start + rng.randint(5, 10)]
        for k, w in enumerate(words):
            if _LOWER_WORD.match(w) and rng.random() < 0.4:
                words[k] = self.vocabulary[rng.randrange(len(self.vocabulary))]
        return " ".join(words).strip(" ,.;:-").capitalize() or "Untitled"


def _offsets(text: str, records: list[dict]) -> list[dict]:
    """Records whose mentions are still in the text, with offsets found again (in order)."""
    out = []
    for r in records:
        mentions, at = [], 0
        for m in r["mentions"]:
            pos = text.find(m["text"], at)
            if pos < 0:
                pos = text.find(m["text"])
            if pos < 0:
                continue
            mentions.append({"start": pos, "end": pos + len(m["text"]), "text": m["text"],
                             "kind": m.get("kind", "name")})
            at = pos + len(m["text"])
        if mentions:
            out.append({**r, "mentions": mentions})
    return out


def vocabulary(docs: list[dict], cap: int = 600_000) -> list[str]:
    """Lower-case words of the real texts with their frequencies (a sampling urn)."""
    out: list[str] = []
    for d in docs:
        out.extend(w for w in d["text"].split() if _LOWER_WORD.match(w))
        if len(out) >= cap:
            break
    return out


# --- the store ----------------------------------------------------------------------------------
def _rows(synth: Synthesiser, plans: list[Plan], first: int, last: int
          ) -> Iterator[tuple[dict, list[dict]]]:
    seen: set[str] = set()
    for i in range(first, last):
        title, text, records = synth.article(plans, i)
        key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        while key in seen:  # an exact duplicate: make it a distinct stored text
            text += "\n"
            key = hashlib.sha256(text.encode("utf-8")).hexdigest()
        seen.add(key)
        article = {"hash": key, "id": f"syn{i + 1:06d}", "title": title,
                   "published": date.fromordinal(plans[i].day).isoformat(), "text": text,
                   "words": len(text.split()), "seq": i + 1}
        yield article, _offsets(text, records)


def store_articles(store, synth: Synthesiser, plans: list[Plan], first: int, last: int,
                   tmp: Path) -> float:
    """Bulk-insert plans ``first..last-1`` (seq ``first+1..last``); returns seconds."""
    started = time.perf_counter()
    a_path, e_path = tmp / f"articles-{first}.jsonl", tmp / f"entities-{first}.jsonl"
    with open(a_path, "w", encoding="utf-8") as fa, open(e_path, "w", encoding="utf-8") as fe:
        for article, records in _rows(synth, plans, first, last):
            fa.write(json.dumps(article, ensure_ascii=False) + "\n")
            for r in records:
                fe.write(json.dumps({
                    "article": article["hash"], "id": r["id"], "label": r["label"],
                    "name": r["name"], "roles": "; ".join(x["text"] for x in r["roles"]) or None,
                    "mentions": len(r["mentions"]), "stage": r.get("stage"),
                    "data": json.dumps(r, ensure_ascii=False)}, ensure_ascii=False) + "\n")
    con = store.con
    con.execute("BEGIN TRANSACTION")
    con.execute(
        "INSERT INTO articles (hash, id, title, published, origin, text, words, stages, seq) "
        "SELECT hash, id, title, CAST(published AS DATE), 'synthetic', text, words, '{}', seq "
        f"FROM read_json('{_quote(a_path)}', format='newline_delimited', columns={{"
        "hash: 'VARCHAR', id: 'VARCHAR', title: 'VARCHAR', published: 'VARCHAR', "
        "text: 'VARCHAR', words: 'INTEGER', seq: 'BIGINT'})")
    con.execute(
        "INSERT INTO entities (article, id, label, name, roles, mentions, stage, data) "
        "SELECT article, id, label, name, roles, mentions, stage, data "
        f"FROM read_json('{_quote(e_path)}', format='newline_delimited', columns={{"
        "article: 'VARCHAR', id: 'VARCHAR', label: 'VARCHAR', name: 'VARCHAR', "
        "roles: 'VARCHAR', mentions: 'INTEGER', stage: 'VARCHAR', data: 'VARCHAR'})")
    con.execute("COMMIT")
    a_path.unlink()
    e_path.unlink()
    return time.perf_counter() - started


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


# --- the measured child process -----------------------------------------------------------------
def peak_mb() -> float:
    """This process's peak resident memory in MB.

    ``VmHWM`` from ``/proc/self/status`` where there is one: ``getrusage().ru_maxrss`` of a
    process started by a big parent reports at least the *parent's* resident size on Linux
    (the high-water mark survives fork and exec), so it would measure the benchmark's parent
    (spaCy, the seeds) rather than the linker.  ``VmHWM`` belongs to the address space, which
    exec replaces.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(mode: str, path: str, profile: Optional[str] = None) -> dict:
    """Link the store at ``path`` (``relink`` or ``link``); print figures as JSON."""
    from ..corpus import linker
    from ..store import Store

    base_mb = peak_mb()
    started = time.perf_counter()
    with Store(path) as store:
        fn = linker.relink if mode == "relink" else linker.link
        if profile:
            import cProfile

            prof = cProfile.Profile()
            stats = prof.runcall(fn, store)
            prof.dump_stats(profile)
        else:
            stats = fn(store)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "link_seconds": stats.seconds, "articles": stats.articles,
            "copies": stats.copies, "new_stories": stats.new_stories, "base_mb": base_mb,
            "peak_mb": peak_mb()}


def _run_child(mode: str, path: Path, profile: Optional[str] = None) -> dict:
    args = [sys.executable, "-m", "newsgraph.eval.corpus_scale", "child", mode, str(path)]
    if profile:
        args.append(profile)
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{mode} of {path} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _shape(path: Path) -> dict:
    """What the linking produced (to show the synthetic corpus is shaped like news)."""
    from ..store import Store

    with Store(path, read_only=True) as store:
        q = lambda sql: store.con.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": q("SELECT count(*) FROM articles"),
                "entity_records": q("SELECT count(*) FROM entities"),
                "stories": q("SELECT count(*) FROM stories"),
                "largest_story": q("SELECT coalesce(max(articles), 0) FROM stories"),
                "in_copy_groups": q("SELECT count(*) FROM articles WHERE copy_group IS NOT NULL"),
                "corpus_entities": q("SELECT count(*) FROM corpus_entities"),
                "unlinked": q("SELECT count(*) FROM articles WHERE story IS NULL")}


# --- the benchmark ------------------------------------------------------------------------------
def sizes_for(limit: Optional[int]) -> tuple[int, int]:
    if not limit:
        return SIZES
    return max(10, limit // 10), max(10, limit)


def build(data_dir: Path, n: int, extra: int, tmp: Path, seeds: list[Seed],
          docs: list[dict]) -> tuple[Path, float, tuple[Synthesiser, list[Plan]]]:
    """A store at ``tmp/store-n.duckdb`` with ``n`` synthetic articles (and ``extra`` more
    planned, not stored yet, for the incremental link)."""
    from ..store import Store

    rng = np.random.default_rng(RANDOM_SEED + n)
    pools = Pools(seeds, random.Random(RANDOM_SEED))
    plans, event_seed = make_plans(n + extra, len(seeds), rng)
    synth = Synthesiser(seeds, vocabulary(docs), pools, event_seed)
    path = tmp / f"store-{n}.duckdb"
    with Store(path) as store:
        seconds = store_articles(store, synth, plans, 0, n, tmp)
    return path, seconds, (synth, plans)


def run(data_dir: Path, limit: Optional[int] = None, profile: Optional[str] = None) -> dict:
    small, large = sizes_for(limit)
    extra = max(1, int(small * INCREMENT))
    docs = _source_docs(Path(data_dir))
    started = time.perf_counter()
    seeds = parse_seeds(docs, min(MAX_SEEDS, max(MIN_SEEDS, large // 20)))
    result: dict = {"seeds": len(seeds), "seed_seconds": time.perf_counter() - started,
                    "sizes": [small, large], "budgets": BUDGETS, "runs": {}}
    with tempfile.TemporaryDirectory(prefix="newsgraph-scale-") as tmp_name:
        tmp = Path(tmp_name)
        for n in (small, large):
            path, build_s, (synth, plans) = build(data_dir, n, extra if n == small else 0,
                                                  tmp, seeds, docs)
            figures = _run_child("relink", path, profile if n == small else None)
            figures.update(build_seconds=build_s, shape=_shape(path))
            result["runs"][str(n)] = figures
            if n == small:
                from ..store import Store

                with Store(path) as store:
                    store_articles(store, synth, plans, n, n + extra, tmp)
                inc = _run_child("link", path)
                inc["shape"] = _shape(path)
                inc["added"] = extra
                result["incremental"] = inc
            path.unlink()
    r_small, r_large = result["runs"][str(small)], result["runs"][str(large)]
    ratio = r_large["seconds"] / max(r_small["seconds"], 1e-9)
    result["growth_ratio"] = round(ratio, 2)
    result["growth_exponent"] = round(math.log(ratio) / math.log(large / small), 3)
    result["seconds_large"] = round(r_large["seconds"], 1)
    result["peak_mb_large"] = round(r_large["peak_mb"])
    return result


def report(result: dict) -> None:
    from .runner import machine

    small, large = result["sizes"]
    rows = []
    for n in (small, large):
        r = result["runs"][str(n)]
        rows.append([f"relink {n:,}", round(r["seconds"], 1),
                     round(r["articles"] / max(r["seconds"], 1e-9)), round(r["peak_mb"]),
                     round(r["base_mb"]), round(r["build_seconds"], 1)])
    inc = result["incremental"]
    rows.append([f"link +{inc['added']:,} onto {small:,} linked", round(inc["seconds"], 1),
                 round(inc["articles"] / max(inc["link_seconds"], 1e-9)), round(inc["peak_mb"]),
                 round(inc["base_mb"]), ""])
    print_table(f"corpus linking at scale (synthetic store from {result['seeds']} parsed seeds; "
                f"fresh process per run) — {machine()}",
                ["run", "wall s", "articles/s", "peak MB", "MB at start", "store build s"], rows)
    print(f"growth {small:,} -> {large:,}: time x{result['growth_ratio']:.2f} "
          f"(linear = x{large / small:.0f}; cost ~ n^{result['growth_exponent']:.2f})")
    print(f"incremental: {inc['seconds']:.1f} s in all, of which {inc['link_seconds']:.1f} s "
          f"linking the {inc['added']:,} new articles and the rest opening the linker over "
          f"the {small:,} linked ones (their saved indexes, or a replay when there are none)")
    for n in (small, large):
        s = result["runs"][str(n)]["shape"]
        print(f"{n:,}: {s['entity_records']:,} entity records -> {s['stories']:,} stories "
              f"(largest {s['largest_story']}), {s['in_copy_groups']:,} articles in copy "
              f"groups, {s['corpus_entities']:,} corpus entities, {s['unlinked']} unlinked")
    if large != SIZES[1]:
        print(f"(the budgets apply to {SIZES[1]:,} articles; this run was scaled down)")
        return
    r = result["runs"][str(large)]
    over = []
    if r["seconds"] > BUDGETS["seconds_100k"]:
        over.append(f"OVER budget: {large:,} articles took {r['seconds']:.0f} s "
                    f"> {BUDGETS['seconds_100k']:g} s")
    if r["peak_mb"] > BUDGETS["peak_mb"]:
        over.append(f"OVER budget: peak {r['peak_mb']:.0f} MB > {BUDGETS['peak_mb']:g} MB")
    for line in over or [f"within budget ({BUDGETS['seconds_100k']:g} s and "
                         f"{BUDGETS['peak_mb']:g} MB peak for {large:,} articles)"]:
        print(line)

if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "child":
        print(json.dumps(_child(sys.argv[2], sys.argv[3],
                                sys.argv[4] if len(sys.argv) > 4 else None)))
    else:
        from . import data_dir

        limit = int(sys.argv[1]) if len(sys.argv) > 1 else None
        report(run(data_dir(), limit))
