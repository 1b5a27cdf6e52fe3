"""Train the events judge (``src/newsgraph/lexicons/event_judge.npz``): ``make event-model``.

Every sentence of the *tuning* halves of the event sets (``newsgraph.eval.events_sets``;
the locked halves are never read here) goes through the whole pipeline with the judge
off, so the lexicon proposes every candidate it can.  Each candidate gets a label:

- its trigger overlaps a gold trigger: that event's type (so the judge learns to retype);
- it reads a type the sentence holds, with another word: not used (the same act, or not);
- the set gives no triggers (CAMEO, PETRARCH-2, machine-generated ledes): the lexicon's
  type when the sentence's gold types include it;
- otherwise, in a set whose labels are complete (our real and written sentences, the
  PETRARCH-2 ``noevents``): ``NONE``; in an incomplete set: not used.

Since session 24 the candidates the stage's no-event rules drop are trained on too, as
``NONE`` (``collect``; 241 beside the 385 that reach the judge), with the written
training-only sentences of ``wtrain`` (``gold/events-written-train.jsonl``: 33 events,
releases from jail or prison, aid handed out, warnings of war told as speech), which
keep the judge from learning "released from" or "warned that" as no event from the
rules' negatives ("released from the hospital", a warning of a storm).

A multinomial logistic regression is fitted on sparse features (``judge.features``).
Machine-generated ledes weigh 0.3.  The limit on P(NONE) and the regularisation C are
chosen from cross-validated predictions (five folds by sentence, the mean of three such
splits: ``cv_probs``), so that a tiny change (one feature fewer after a tokenizer change)
cannot flip them:

- the limit is *solved for* on smoothed curves (each decision a logistic ramp of width
  BANDWIDTH, not a step), not picked from a grid: the lowest limit that keeps 93% of the
  PLOVER gold candidates and 88% of the events of our real and written sentences with
  their type (MIN_POS_KEPT, the share the session-12 judge kept; it binds only when more
  negatives would buy precision with our own recall), then, only if our written no-event
  sentences are within 4 false events per 100 there, higher limits within that budget
  for a better event F1 over the complete sets (``choose_threshold``);
- C is pinned (``C``, 0.5); with ``--grid`` it is the most regularised value of C_GRID
  whose smoothed F1 is within C_MARGIN of the best (``choose_c``).

Nothing is random: folds come from hashes of the sentence keys, the solver is
deterministic, and ``save_npz`` stamps every member with one fixed date, so two runs on
one tree write the same bytes.  Before (one split, a
step count, the lowest point of a 0.025 grid keeping 93%, the best F1's C), dropping one
sentence word from 6 training candidates moved the limit 0.625 -> 0.65; now the limit
moves by less than 0.001 for such a drop (7 tried).

``--oof-report`` prints the bench's tuning rows with each sentence judged by a fold model
that did not see it (``oof_report``); read those, not the bench's tuning rows, to judge a
change to the judge or its training.

Measured out of fold and not adopted (helper-112; locked all F1 / false events per 100
no-event sentences, the committed weights 0.703 / 12.2): the plain refit (limit 0.564)
0.687 / 15.5; the mean of the five fold models at the limit solved on their own
out-of-fold probabilities 0.690 / 16.7; NONE weighted x2 (limit 0.676) 0.689 / 15.2.
Out of fold, a lower limit buys precision at PLOVER recall's cost (C 0.25: limit 0.50
gives F1 0.704, 12.2 false per 100, gsr type recall 0.859; 0.564 gives 0.694, 14.6,
0.872); with the limit set there instead (0.50, or 0.60 with NONE x2) the locked false
events fall to 12.7 / 11.5 but locked F1 to 0.689 / 0.692. Dropping the sentence words
(``w=``) or the parser vectors (``t:``), a count filter of 4, bagging and training on
the ``pairs`` tuning half all moved out-of-fold F1 by less than 0.01 at equal gsr recall.

Helper-124, not adopted: ``--before-rules --weight gsr=3`` with the candidate's modality
as a judge feature ("modality=negated", ...; since removed) chose C 0.5, limit 0.611 and
scored locked all F1 / false events per 100 no-event sentences 0.709 / 10.4 (the
weights then committed, 21821dc: 0.703 / 12.2), gsr unchanged (0.901 / 0.877 / 0.852
locked), but dropped three written test events: "warned that the move could lead to a
war" (issue 13's own example), "distributed" (AID) and "released from the county jail"
(the rules' "released from the hospital" taught it "released from").  Also measured at fixed limits: one limit
per lexicon type solved on the cross-validated curves (at a common 0.6 locked false
events 11.9 -> 11.1 per 100 at equal F1, gsr type recall 0.889); beat x type features
(no change).

Session 24 (helper-131), the default since: the rules' negatives with the ``wtrain``
sentences, no set weight but ngec's, and compounds of "man"/"people" read as agents
(``judge.agent_kind``: "Fishermen obstructed ..." had fallen to P(NONE) 0.64).  The grid chose C 0.5 (smoothed F1 0.7768; C 0.25
0.7718, just outside C_MARGIN), limit 0.609, 4836 features.  Out of fold (tuning) all
F1 / false per 100 0.703 / 11.3, locked 0.711 / 10.6 (the weights of 21821dc it replaces:
locked 0.703 / 12.2; the plain refit this tree wrote before: 0.687 / 15.5), gsr type
recall / top-1 / actor locked 0.901 / 0.877 / 0.852 (unchanged); P(NONE) of the three
test events 0.16-0.21.  Measured and dropped: with gsr x3 (C 0.5, limit 0.598) locked
0.708 / 11.1, out of fold 0.700 / 11.4 (no better, one weight more); without ``wtrain``
the three test events drop again (P(NONE) 0.55-0.73); the rules' negatives without
their lexical features (lemma, head, objects, sentence words, parser vectors) 0.705 /
13.5 locked, 0.691 / 13.7 out of fold; at C 0.25 (limit 0.626) 0.703 / 13.1 locked,
0.695 / 12.5 out of fold.

Since helper-137 C is pinned at 0.5 (``C``; ``--grid`` still runs the search): the
grid had picked 0.5 over 0.25 by a hair (smoothed F1 0.7768 vs 0.7718 against a margin
of 0.005), so a small change to the tree could have flipped the shipped C through the
grid alone.  Pinned, the rebuild wrote the committed bytes again (md5 c9782b2e...).

    python scripts/train_event_model.py [--cache /tmp/event_cands.pkl] [--c 0.25 | --grid]
        [--oof-report] [--out /tmp/judge.npz]
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.eval import require_data_dir  # noqa: E402
from newsgraph.eval.events_sets import load_all  # noqa: E402
from newsgraph.stages.events import judge as judge_model  # noqa: E402

WEIGHTS = {"ngec": 0.3}
# Sets scored but not trained on.  ``pairs`` (session 14's contrast pairs): added to training
# with the same limit rule it moved nothing on the locked halves' false events (real 6.8 ->
# 7.9, beatsneg 8.1 =); added with a limit set by precision instead, the judge met the
# false-event targets but dropped the reference article's THREATEN ("warned" at P(NONE)
# 0.56). Until a retrain keeps both, the set only measures, so this script still writes the
# committed weights.
MEASURE_ONLY = frozenset(("pairs",))
MIN_COUNT = 2
C = 0.5  # pinned: what the C_GRID search chose in session 24 (see the module docstring)
C_GRID = (0.05, 0.1, 0.25, 0.5, 1.0)  # searched only with --grid
MAX_NEG_RATE = 4.0
MIN_GOLD_KEPT = 0.93  # PLOVER gold events the judge may drop: at most 7%
MIN_POS_KEPT = 0.88  # our real and written events kept with their type (see choose_threshold)
FOLDS = 5
REPEATS = 3  # cross-validation splits averaged (see cv_probs)
BANDWIDTH = 0.025  # width of the smoothed keep decision on P(NONE) (see choose_threshold)
C_MARGIN = 0.005  # smoothed F1 a less regularised C must gain to be chosen (see choose_c)


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def label(item, trig: tuple, etype: str) -> str | None:
    """The training label of a candidate read as ``etype`` at ``trig`` (None: unused)."""
    with_trig = [g for g in item.events if g.trigger is not None]
    for g in with_trig:
        if _overlap(trig, g.trigger):
            return None if g.uncertain else g.type
    if any(g.trigger is None for g in item.events) and etype in item.types:
        return etype
    if any(g.trigger is None and g.uncertain for g in item.events):
        return None
    if etype in item.types:
        return None  # another word for a gold act of this type ("explosion ... killed")
    if item.complete:
        return judge_model.NONE
    return None


def parse(items, cache: dict) -> dict:
    """item key -> [(trigger span, lexicon type, features, ruled)] of its candidates with
    the judge off: those the stage's no-event rules keep (``ruled`` False), then those
    only a pass without the rules finds (``ruled`` True: in the stage they never reach
    the judge)."""
    from newsgraph import Article, Pipeline
    from newsgraph.stages.events import candidates

    todo = [it for it in items if it.key not in cache]
    pipe = Pipeline()
    arts = (Article(id=f"t{i}", text=it.text, published=it.published)
            for i, it in enumerate(todo))
    for n, (it, res) in enumerate(zip(todo, pipe.run(arts))):
        if isinstance(res, Exception):
            cache[it.key] = []
            continue
        kept = [((ev.trigger.start, ev.trigger.end), ev.type, feats, False)
                for ev, feats in candidates(res, judge=None)]
        seen = {(span, etype) for span, etype, _, _ in kept}
        cache[it.key] = kept + [
            ((ev.trigger.start, ev.trigger.end), ev.type, feats, True)
            for ev, feats in candidates(res, judge=None, rules=False)
            if ((ev.trigger.start, ev.trigger.end), ev.type) not in seen]
        if n % 500 == 0:
            print(f"  parsed {n}/{len(todo)}", flush=True)
    return cache


def collect(items, cache: dict, ruled: bool = False) -> list:
    """(item key, set, label, features, lexicon type, ruled) for every labelled candidate.

    With ``ruled`` (what ``main`` asks since session 24; ``--after-rules`` turns it off)
    the candidates the stage's no-event rules drop are added as ``NONE`` examples (241
    beside the 385 NONE that reach the judge); one of them with a gold type (a rule wrong,
    or a CAMEO/PETRARCH sentence whose gold lists the type) is left out, since in the stage
    it never reaches the judge (with every dropped candidate, C 0.25, limit 0.6: locked F1
    0.700, 12.8 false per 100, gsr type recall 0.889; NONE ones only 0.701 / 11.1 /
    0.901)."""
    rows = []
    for it in items:
        for span, etype, feats, out in cache.get(it.key, ()):
            y = label(it, span, etype)
            if y is not None and (not out or (ruled and y == judge_model.NONE)):
                rows.append((it.key, it.set, y, feats, etype, out))
    return rows


def ruled(row) -> bool:
    """Whether a training row is a candidate the stage's no-event rules drop."""
    return len(row) > 5 and bool(row[5])


def fit(rows, keep_features=None, c: float = None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict = {}
    for r in rows:
        for k in r[3]:
            counts[k] = counts.get(k, 0) + 1
    keep = keep_features or {k for k, c in counts.items() if c >= MIN_COUNT}
    vec = DictVectorizer()
    X = vec.fit_transform([{k: v for k, v in r[3].items() if k in keep} for r in rows])
    y = [r[2] for r in rows]
    w = np.array([WEIGHTS.get(r[1], 1.0) for r in rows])
    clf = LogisticRegression(C=c if c is not None else C, max_iter=3000)
    clf.fit(X, y, sample_weight=w)
    return vec, clf


def fold_of(key: str, folds: int = FOLDS, salt: str = "") -> int:
    """The fold of a sentence: a fixed hash of its key (``salt`` for the later splits of
    ``cv_probs``; the first split has none)."""
    return hashlib.md5((salt + key).encode()).digest()[0] % folds


def to_judge(vec, clf, threshold: float):
    """The judge as ``main`` stores it (float16 weights), without writing a file."""
    names = [str(n) for n in vec.get_feature_names_out()]
    coef, intercept = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:  # sklearn keeps one row, the second class's log-odds
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.r_[0.0, intercept]
    return judge_model.Judge([str(c) for c in clf.classes_], {n: i for i, n in enumerate(names)},
                             coef.astype(np.float16).astype(np.float32),
                             intercept.astype(np.float32).astype(np.float64), float(threshold))


def fold_judges(rows, c: float, threshold: float, folds: int = FOLDS) -> list:
    """One judge per fold of the first split, each fitted on the rows of the other folds."""
    out = []
    for k in range(folds):
        vec, clf = fit([r for r in rows if fold_of(r[0], folds) != k], c=c)
        out.append(to_judge(vec, clf, threshold))
    return out


def oof_counts(items, analyses, judges, folds: int = FOLDS) -> dict:
    """``events_sets_bench`` counts of tuning ``items`` (with their parsed ``analyses``),
    each sentence judged by the judge of its fold, which was not fitted on it."""
    from collections import defaultdict

    from newsgraph.eval.events_sets import SEPARATE_SETS
    from newsgraph.eval.events_sets_bench import score_item
    from newsgraph.stages.events import extract

    counts: dict = defaultdict(lambda: defaultdict(float))
    for it, a in zip(items, analyses):
        if a is not None:
            a.events = extract(a, judge=judges[fold_of(it.key, folds)])
        got = score_item(it, a)
        keys = (("tuning", it.set),) if it.set in SEPARATE_SETS else \
            (("tuning", it.set), ("tuning", "all"))
        for key in keys:
            for k, v in got.items():
                counts[key][k] += v
    return counts


def oof_report(data, rows, c: float, threshold: float) -> None:
    """Print ``bench event-sets``' tuning rows with out-of-fold decisions.

    The bench scores the tuning halves with the judge that was fitted on them, where it
    is overconfident (session 21: realc 5.9 false events per 100 on tuning, 29.9 on
    locked), so its tuning rows cannot tell whether a change to the judge generalises.
    Here every tuning sentence is judged by the model of the five-fold split that did not
    see it (C and the limit as chosen for the full fit), through the whole events stage
    and the bench's own scoring; these rows track the locked ones (helper-112, a plain
    refit, C 0.25, limit 0.564: all F1 0.694 and 14.6 false events per 100 out of fold,
    0.687 and 15.5 locked, 0.768 and 4.8 on the bench's tuning rows)."""
    from newsgraph import Article, Pipeline
    from newsgraph.eval.events_sets_bench import _summary, report

    items = [it for it in load_all(data, with_ngec=False) if not it.locked]
    analyses = [None if isinstance(res, Exception) else res for res in Pipeline().run(
        Article(id=f"s{i}", text=it.text) for i, it in enumerate(items))]
    counts = oof_counts(items, analyses, fold_judges(rows, c, threshold))
    result: dict = {"tuning": {}, "locked": {}}
    for (half, name), got in counts.items():
        result[half][name] = _summary(got)
    print(f"out-of-fold figures of the tuning halves (C = {c}, limit {threshold:.3f}):")
    report(result)


def cv_probs(rows, folds: int = FOLDS, c: float = None, repeats: int = REPEATS) -> list:
    """Class probabilities for each row from models that did not see its sentence: the
    mean over ``repeats`` five-fold splits, each by a fixed hash of the sentence key and
    the repeat's number (no random seed anywhere: the same rows give the same numbers).
    One split alone leaves each row's probability at the mercy of which sentences share
    its fold; the mean of three moves less when one feature or sentence changes."""
    probs = [dict() for _ in rows]
    for rep in range(repeats):
        salt = "" if rep == 0 else f"{rep}|"
        fold = [fold_of(r[0], folds, salt) for r in rows]
        for k in range(folds):
            tr = [r for r, f in zip(rows, fold) if f != k]
            te = [i for i, f in enumerate(fold) if f == k]
            vec, clf = fit(tr, c=c)
            P = clf.predict_proba(vec.transform([rows[i][3] for i in te]))
            for j, i in enumerate(te):
                for cls, p in zip(clf.classes_, P[j]):
                    probs[i][cls] = probs[i].get(cls, 0.0) + p / repeats
    return probs


def _soft_kept(p_none: np.ndarray, limit: float) -> np.ndarray:
    """How far each candidate counts as kept at ``limit``: 1 well below it, 0 well above,
    a logistic ramp of width BANDWIDTH around it (a step when BANDWIDTH is 0)."""
    if BANDWIDTH <= 0:
        return (p_none < limit).astype(float)
    return 1.0 / (1.0 + np.exp(np.clip((p_none - limit) / BANDWIDTH, -50, 50)))


def _soft_counts(rows, p_none: np.ndarray, idx: np.ndarray, limit: float) -> tuple:
    """Smoothed (true, false, missed, false on written negatives) decisions at ``limit``."""
    k = _soft_kept(p_none[idx], limit)
    gold = np.array([rows[i][2] for i in idx], dtype=object)
    lex = np.array([rows[i][4] for i in idx], dtype=object)
    neg_w = np.array([rows[i][1] == "written" and rows[i][2] == judge_model.NONE
                      for i in idx])
    right = gold == lex
    pos = gold != judge_model.NONE
    tp = float(k[right].sum())
    fp = float(k[~right].sum())
    fn = float(pos.sum() - k[right].sum())
    return tp, fp, fn, float(k[neg_w].sum())


def choose_threshold(rows, probs, n_neg: int) -> tuple:
    """The limit on P(NONE), from cross-validated probabilities, on smoothed curves.

    Each candidate counts as kept by a logistic ramp of width BANDWIDTH around the limit
    instead of a step, so the share of PLOVER gold candidates kept, the false events on
    our written negatives and the event F1 are smooth, increasing (the first two)
    functions of the limit.  The limit is then *solved for*, not picked from a grid:
    the lowest limit at which the smoothed share of PLOVER gold candidates kept reaches
    MIN_GOLD_KEPT (found by bisection).  When the written negatives are within
    MAX_NEG_RATE false events per 100 there, higher limits within that budget are tried
    for a better smoothed F1 over the complete sets (on a fine grid).

    Why: with about 100 gold candidates in the tuning halves, the step count moves by 1%
    per candidate; the old rule (the lowest grid point keeping 93%) jumped a whole grid
    step (0.65 -> 0.625) when one feature of a tokenizer change moved one candidate's
    probability across it.  Smoothed and solved, the limit moves by about as much as
    the probabilities do."""
    p_none = np.array([p.get(judge_model.NONE, 0.0) for p in probs])
    complete = np.array([i for i, r in enumerate(rows) if not ruled(r)
                         and r[1] in ("real", "realc", "written", "moreneg", "petr2")])
    gold_pos = np.array([i for i, r in enumerate(rows)
                         if r[1] == "gsr" and r[2] != judge_model.NONE and not ruled(r)])

    pos_right = np.array([i for i in complete if rows[i][2] != judge_model.NONE
                          and rows[i][2] == rows[i][4]])
    n_pos = sum(1 for i in complete if rows[i][2] != judge_model.NONE)

    def kept(t):
        return float(_soft_kept(p_none[gold_pos], t).mean())

    def pos_kept(t):
        return float(_soft_kept(p_none[pos_right], t).sum()) / max(1, n_pos)

    def score(t):
        tp, fp, fn, neg = _soft_counts(rows, p_none, complete, t)
        return 2 * tp / max(1.0, 2 * tp + fp + fn), 100.0 * neg / max(1, n_neg), tp, fp, fn

    def lowest(share, floor):
        lo, hi = 0.0, 1.0
        for _ in range(40):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if share(mid) >= floor else (mid, hi)
        return hi

    t = round(max(lowest(kept, MIN_GOLD_KEPT), lowest(pos_kept, MIN_POS_KEPT)), 3)
    f1, rate, *_ = score(t)
    if rate <= MAX_NEG_RATE:
        for u in np.arange(t, 0.951, 0.005):
            f1u, rate_u, *_ = score(float(u))
            if rate_u <= MAX_NEG_RATE and f1u > f1:
                t, f1 = round(float(u), 3), f1u
    f1, rate, tp, fp, fn = score(t)
    hard = (p_none[gold_pos] < t).mean()
    print("  smoothed F1 %.4f at limit %.3f (tp %.1f fp %.1f fn %.1f), written false events "
          "per 100 %.1f, PLOVER gold candidates kept %.3f (smoothed %.3f), our events kept "
          "%.3f" % (f1, t, tp, fp, fn, rate, hard, kept(t), pos_kept(t)))
    return t, f1


def choose_c(table: list) -> tuple:
    """(C, limit) from ``table`` = [(C, limit, smoothed F1)] in C_GRID order: the most
    regularised C whose F1 is within C_MARGIN of the best.  Differences smaller than that
    are within what one fold split or one feature moves; without the margin the choice
    could flip between neighbours on such noise."""
    best = max(f1 for _, _, f1 in table)
    for c, t, f1 in table:
        if f1 >= best - C_MARGIN:
            return c, t
    raise AssertionError


def save_npz(path: Path, **arrays) -> None:
    """``np.savez_compressed`` with a fixed date on every member, so that two runs on one
    tree write the same bytes (numpy stamps each member with the time of writing, so its
    files differed by their dates alone).  ``np.load`` reads it as any ``.npz``."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for key, val in arrays.items():
            info = zipfile.ZipInfo(key + ".npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(fh, np.asanyarray(val), allow_pickle=False)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--drop", default="", help="comma-separated feature prefixes to leave out "
                    "(development: compare cross-validated F1)")
    ap.add_argument("--cache", type=Path, default=None,
                    help="pickle of parsed candidates by sentence (reused and extended)")
    ap.add_argument("--out", type=Path,
                    default=ROOT / "src" / "newsgraph" / "lexicons" / "event_judge.npz",
                    help="where to write the weights (default: the committed file)")
    ap.add_argument("--c", type=float, default=C,
                    help=f"the regularisation C (default {C}, pinned; see --grid)")
    ap.add_argument("--grid", action="store_true",
                    help="choose C from C_GRID by cross-validation (choose_c) instead of "
                    "using --c (development: five times the time; the choice is fragile)")
    ap.add_argument("--oof-report", action="store_true",
                    help="also print the event-sets tuning rows with out-of-fold decisions "
                    "(oof_report): the honest tuning figures of this fit")
    ap.add_argument("--after-rules", action="store_true",
                    help="train only on the candidates that reach the judge, not also on "
                    "those the no-event rules drop as NONE (development: session 23's "
                    "setting; see collect)")
    ap.add_argument("--weight", action="append", default=[],
                    help="SET=W: the weight of a set's rows (development; e.g. gsr=3)")
    args = ap.parse_args()
    for spec in args.weight:
        name, _, w = spec.partition("=")
        WEIGHTS[name] = float(w)
    data = require_data_dir()
    cache = pickle.loads(args.cache.read_bytes()) if args.cache and args.cache.exists() else {}
    items = [it for it in load_all(data) if not it.locked and it.set not in MEASURE_ONLY]
    print(f"{len(items)} tuning sentences")
    parse(items, cache)
    if args.cache:
        args.cache.write_bytes(pickle.dumps(cache))
    rows = collect(items, cache, ruled=not args.after_rules)
    drop = tuple(p for p in args.drop.split(",") if p)
    if drop:
        rows = [(a, b, y, {k: v for k, v in f.items() if not k.startswith(drop)}, t, o)
                for a, b, y, f, t, o in rows]
    from collections import Counter
    print("candidates per label:", dict(Counter(r[2] for r in rows).most_common()))
    n_neg = sum(1 for it in items if it.set == "written" and not it.events)
    table = []
    for c in (C_GRID if args.grid else [args.c]):
        print(f"C = {c}:")
        t, f1 = choose_threshold(rows, cv_probs(rows, c=c), n_neg)
        table.append((c, t, f1))
    c, threshold = choose_c(table)
    print(f"chosen C = {c}")
    vec, clf = fit(rows, c=c)
    names = np.array(vec.get_feature_names_out(), dtype=str)
    out = args.out
    save_npz(out, classes=np.array(clf.classes_, dtype=str), features=names,
             coef=clf.coef_.astype(np.float16), intercept=clf.intercept_.astype(np.float32),
             threshold=np.float32(threshold))
    print(f"threshold {threshold:.3f}; {len(names)} features, {len(clf.classes_)} classes -> {out}")
    if args.oof_report:
        oof_report(data, rows, c, threshold)


if __name__ == "__main__":
    main()
