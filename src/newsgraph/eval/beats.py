"""Attributions on news outside politics: crime, courts, disasters, sports, entertainment.

PolNeAR is political news from 2016 and annotates beliefs, intentions and evaluations
as attributions ("wants a deal", "criticized the plan").  Issue 11 measured the stage on
other beats and found a quarter of its output was not speech ("police *found* a boy").
This benchmark holds our own gold for 90 articles drawn at random (seed 21) from
``../shared/data/gunviolence`` and ``../shared/data/ecbplus`` (never the audit sample),
labelled for this project by careful reading with the product's definition: who said,
wrote or reported what, including a source's stated belief; not actions, titles, scare
quotes or refusals.  Only offsets are stored (``gold/beats-attributions.jsonl``); the
texts are read from ``../shared/data`` at run time.

Scoring is PolNeAR's (:func:`.polnear.match`: content IoU >= 0.5 one-to-one; e2e when the
source overlaps too), reported on a tuning and a locked half (:func:`.speakers.is_locked`
on the article id).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Optional

from . import parse_timed, print_table
from .polnear import Counts, GoldAttribution
from .speakers import SpeakerCounts, SpeakerRow, is_locked

GOLD = Path(__file__).resolve().parent / "gold" / "beats-attributions.jsonl"
# Who each pronoun source of that gold refers to, labelled from the text alone (session 11):
# offsets of the pronoun, of the content, and of the fullest mention naming the referent
# (null when the article never names it).
SPEAKERS = Path(__file__).resolve().parent / "gold" / "beats-speakers.jsonl"
SETS = {"gunviolence": ("gunviolence", "articles.jsonl"), "ecbplus": ("ecbplus", "docs.jsonl")}
# Pinned ~0.03 below session 4's figures (all e2e 0.738, direct e2e 0.853).
FLOORS = {"all_e2e_f1": 0.71, "direct_e2e_f1": 0.82}


def load(data_dir: Path, nouns: bool = False) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(id, text, gold) per labelled article whose text is in ``data_dir``. Speech whose
    content is a noun phrase ("called the shooting tragic", ``"noun": true``, labelled in
    session 25) is left out unless ``nouns``: the figures kept since session 4 are without
    it, and the training script reads the gold as it was."""
    if not GOLD.exists():
        return []
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    texts: dict[tuple[str, str], str] = {}
    for name, (folder, file) in SETS.items():
        path = Path(data_dir) / folder / file
        wanted = {r["id"] for r in rows if r["set"] == name}
        if not path.exists() or not wanted:
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in wanted:
                    texts[(name, rec["id"])] = rec["text"]
    out = []
    for r in rows:
        text = texts.get((r["set"], r["id"]))
        if text is None:
            continue
        gold = []
        for a in r["attributions"]:
            if a.get("noun") and not nouns:
                continue
            src = [tuple(a["source"])] if a.get("source") else []
            gold.append(GoldAttribution(
                [tuple(c) for c in a["content"]], src,
                text[src[0][0]:src[0][1]] if src else "",
                [tuple(a["cue"])] if a.get("cue") else []))
        out.append((r["id"], text, gold))
    return out


def speaker_rows(texts: dict[str, str]) -> dict[str, list[SpeakerRow]]:
    """Gold pronoun rows per article id, in the form :mod:`.speakers` scores: the referent
    is the text of its labelled mention (its last word is what a prediction must name)."""
    if not SPEAKERS.exists():
        return {}
    out: dict[str, list[SpeakerRow]] = {}
    for line in SPEAKERS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        text = texts.get(r["id"])
        if text is None:
            continue
        ref = r.get("referent")
        out.setdefault(r["id"], []).append(SpeakerRow(
            r["id"], tuple(r["source"]), text[r["source"][0]:r["source"][1]],
            tuple(r["content"]), text[ref[0]:ref[1]] if ref else None, r.get("kind") or ""))
    return out


def run(data_dir: Path, limit: Optional[int] = None) -> dict:
    """Analyse the labelled articles (entities + attributions) and score them."""
    from ..model import Article
    from ..pipeline import Analysis, load_stages

    items = load(data_dir)[:limit]
    with_nouns = {aid: gold for aid, _, gold in load(data_dir, nouns=True)}
    norms, docs, parse_s = parse_timed([t for _, t, _ in items])
    stages = [s for s in load_stages() if s.name in ("entities", "attributions")]
    counts = {h: Counts() for h in ("all", "tuning", "locked")}
    noun_counts = {h: Counts() for h in ("all", "tuning", "locked")}
    speakers = {h: SpeakerCounts() for h in ("all", "tuning", "locked")}
    rows = speaker_rows({aid: text for aid, text, _ in items})
    started = time.process_time()
    for (aid, text, gold), norm, doc in zip(items, norms, docs):
        analysis = Analysis(Article(id=aid, text=text), norm=norm, doc=doc)
        for s in stages:
            s.fn(analysis)
        for half in ("all", "locked" if is_locked(aid) else "tuning"):
            counts[half].add(text, gold, analysis.attributions)
            noun_counts[half].add(text, with_nouns[aid], analysis.attributions)
            if aid in rows:
                speakers[half].add(rows[aid], analysis.attributions)
    result = {"docs": len(items), "stage_s": round(time.process_time() - started, 3)}
    for half, c in counts.items():
        sc = c.scores()
        result[half] = {k: sc[k] for k in ("direct_e2e", "all_content", "all_e2e")}
        result[half]["all_e2e_nouns"] = noun_counts[half].scores()["all_e2e"]
        result[half]["speakers"] = speakers[half].scores()
    result["all_e2e_f1"] = result["all"]["all_e2e"]["f1"]
    result["direct_e2e_f1"] = result["all"]["direct_e2e"]["f1"]
    result["all_e2e_precision"] = result["all"]["all_e2e"]["p"]
    return result


def report(result: dict) -> None:
    rows = []
    for key in ("direct_e2e", "all_content", "all_e2e", "all_e2e_nouns"):
        r = result["all"][key]
        rows.append([key, r["p"], r["r"], r["f1"], r["tp"], r["pred"], r["gold"],
                     result["tuning"][key]["f1"], result["locked"][key]["f1"]])
    print_table(f"Attributions on other beats (gunviolence + ecbplus, {result['docs']} docs, "
                "our own gold)",
                ["scope", "P", "R", "F1", "tp", "pred", "gold", "F1 tuning", "F1 locked"], rows)
    if result["all"]["speakers"]["speaker_rows"]:
        halves = [result[h]["speakers"] for h in ("all", "tuning", "locked")]
        print_table("Speakers behind pronoun sources on other beats (our own labels)",
                    ["measure", "all", "tuning", "locked"],
                    [["speaker accuracy (right referent, matched rows)"]
                     + [h["speaker_accuracy"] for h in halves],
                     ["gold pronoun rows matched"] + [h["speaker_matched"] for h in halves],
                     ["gold pronoun rows"] + [h["speaker_rows"] for h in halves]])
