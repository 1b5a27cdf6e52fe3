"""Score the attributions stage on PolNeAR (political news attribution relations).

Gold: ``polnear/<split>/attributions/NAME_ANNOTATOR.ann`` (brat standoff), one
file per article, taken from the first annotator listed in ``metadata.tsv``.
``T`` lines hold Source / Cue / Content spans (possibly in several fragments,
``start end;start end``); ``E`` lines tie them into one attribution.  Some
attributions have no Source (``Attribution-no-source``); a few E lines have no
Content and cannot be scored, so they are skipped.

Matching, as issue 4 specifies: a prediction matches a gold attribution when the
character overlap of the content spans divided by their union is >= 0.5,
one-to-one, greedy by overlap.  End to end (e2e) = content matched and the
predicted source overlaps the gold Source (for gold without a Source, the
prediction must have no source either).  "Direct" = content whose first
non-space character is a quotation mark (gold side: the gold content; prediction
side: the predicted content).  Also reported: the share of gold pronoun sources
whose matched prediction names a speaker entity, and the stage's run time as a
percentage of the spaCy parse time of the same documents.
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from . import data_dir, parse_timed, pct_of_parse, prf, print_table
from .speakers import SpeakerCounts, is_locked
from .speakers import load_rows as load_speaker_rows

QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb`"
PRONOUNS = frozenset("he she they i we it him her them you".split())

# Pinned ~0.02 below what the stage reached on dev (direct e2e 0.905, direct content
# 0.935, all e2e 0.696, all content 0.736, pronouns resolved 0.977).
BUDGET_PCT = 25.0  # stage cost, % of parse (issue 4): checked by `make bench`
FLOORS = {
    "direct_e2e_f1": 0.88,
    "direct_content_f1": 0.91,
    "all_e2e_f1": 0.67,
    "all_content_f1": 0.71,
    "pronoun_resolved": 0.80,
    # issue 11: right referent behind pronoun sources (polnear-speakers): 0.73 before issue 11,
    # 0.847 in session 4, 0.885 with pronoun chains (session 9)
    "speaker_accuracy": 0.87,
}


@dataclass
class GoldAttribution:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    source_text: str
    cue: list[tuple[int, int]] = field(default_factory=list)

    def content_chars(self) -> set[int]:
        return _chars(self.content)


def _chars(ranges) -> set[int]:
    out: set[int] = set()
    for s, e in ranges:
        out.update(range(s, e))
    return out


def _is_direct(text: str, ranges) -> bool:
    """True when the first non-space character of the (first) span is a quote mark."""
    if not ranges:
        return False
    s, e = min(ranges)
    frag = text[s:e].lstrip()
    return bool(frag) and frag[0] in QUOTES


def _parse_ranges(field: str) -> list[tuple[int, int]]:
    """``"Content 10 20;25 40"`` -> [(10, 20), (25, 40)]."""
    _, _, rest = field.partition(" ")
    out = []
    for part in rest.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def load_gold(ann_path: Path) -> list[GoldAttribution]:
    """Read one brat file into gold attributions (those with a Content span)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label = parts[1].split(" ", 1)[0]
            spans[parts[0]] = (label, _parse_ranges(parts[1]), parts[2] if len(parts) > 2 else "")
        elif parts[0].startswith("E") and len(parts) >= 2:
            args = {}
            for arg in parts[1].split():
                role, _, ref = arg.partition(":")
                args[role] = ref
            events.append(args)
    gold = []
    for args in events:
        content = spans.get(args.get("Content", ""))
        if content is None:
            continue
        source = spans.get(args.get("Source", ""))
        cue = spans.get(args.get("Cue", ""))
        gold.append(GoldAttribution(content[1], source[1] if source else [],
                                    source[2] if source else "", cue[1] if cue else []))
    return gold


def load_split(root: Path, split: str = "dev") -> list[tuple[str, Path, Path]]:
    """(name, text path, annotation path) per article, first listed annotator."""
    rows = []
    with open(root / "metadata.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            if rec["compartment"] != split:
                continue
            name = rec["filename"]
            annotator = re.split(r"[|,]", rec["annotators"])[0].strip()
            ann = root / split / "attributions" / f"{name}_{annotator}.ann"
            txt = root / split / "text" / f"{name}.txt"
            if ann.exists() and txt.exists():
                rows.append((name, txt, ann))
    return rows


def match(text: str, gold: list[GoldAttribution], pred: list) -> list[tuple[int, int]]:
    """One-to-one greedy matching by content IoU >= 0.5: list of (gold index, pred index)."""
    gchars = [g.content_chars() for g in gold]
    pchars = [_chars(_pred_ranges(p)) for p in pred]
    pairs = []
    for i, gc in enumerate(gchars):
        if not gc:
            continue
        lo, hi = min(gc), max(gc)
        for j, pc in enumerate(pchars):
            if not pc or max(pc) < lo or min(pc) > hi:
                continue
            inter = len(gc & pc)
            if inter:
                iou = inter / len(gc | pc)
                if iou >= 0.5:
                    pairs.append((iou, i, j))
    pairs.sort(reverse=True)
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _pred_ranges(att) -> list[tuple[int, int]]:
    parts = getattr(att, "content_parts", None)
    if parts:
        return [(p.start, p.end) for p in parts]
    return [(att.content.start, att.content.end)]


def _source_ok(gold: GoldAttribution, att) -> bool:
    if not gold.source:
        return att.source is None
    if att.source is None:
        return False
    return any(att.source.start < e and s < att.source.end for s, e in gold.source)


class Counts:
    """Running tp/pred/gold counts for content and e2e, for direct and all."""

    def __init__(self) -> None:
        self.c = {k: [0, 0, 0] for k in ("direct_content", "direct_e2e", "all_content",
                                         "all_e2e")}
        self.pron = [0, 0]  # resolved, total

    def add(self, text: str, gold: list[GoldAttribution], pred: list) -> None:
        gdir = [_is_direct(text, g.content) for g in gold]
        pdir = [_is_direct(text, _pred_ranges(p)) for p in pred]
        for scope, gsel, psel in (("all", [True] * len(gold), [True] * len(pred)),
                                  ("direct", gdir, pdir)):
            gi = [i for i, s in enumerate(gsel) if s]
            pi = [j for j, s in enumerate(psel) if s]
            pairs = match(text, [gold[i] for i in gi], [pred[j] for j in pi])
            e2e = sum(_source_ok(gold[gi[a]], pred[pi[b]]) for a, b in pairs)
            for kind, tp in (("content", len(pairs)), ("e2e", e2e)):
                row = self.c[f"{scope}_{kind}"]
                row[0] += tp
                row[1] += len(pi)
                row[2] += len(gi)
            if scope == "all":
                for a, b in pairs:
                    g = gold[a]
                    if g.source_text.strip().lower() in PRONOUNS:
                        self.pron[1] += 1
                        self.pron[0] += pred[b].speaker is not None

    def scores(self) -> dict:
        out = {k: prf(*v) for k, v in self.c.items()}
        out["pronoun_resolved"] = round(self.pron[0] / self.pron[1], 4) if self.pron[1] else 0.0
        out["pronoun_sources"] = self.pron[1]
        return out


HALVES = ("all", "tuning", "locked")


def _scores(counts: Counts, speakers: SpeakerCounts) -> dict:
    out = counts.scores()
    for key in ("direct_e2e", "all_e2e", "all_content", "direct_content"):
        out[f"{key}_f1"] = out[key]["f1"]
    out.update(speakers.scores())
    return out


def run(data_dir: Path, limit: Optional[int] = None, split: str = "dev",
        keep_docs: bool = False) -> dict:
    """Parse the split, run the attributions stage, score it and time it.

    ``keep_docs`` adds ``_per_doc`` (name, text, gold, analysis) for error analysis.
    """
    from ..model import Article
    from ..pipeline import Analysis, load_stages

    root = Path(data_dir) / "polnear"
    rows = load_split(root, split)[:limit]
    texts = [t.read_text(encoding="utf-8") for _, t, _ in rows]
    norms, docs, parse_s = parse_timed(texts)
    stages = [s for s in load_stages() if s.name in ("entities", "attributions")]
    speaker_rows = load_speaker_rows(data_dir) if split == "dev" else {}
    counts = {half: Counts() for half in HALVES}
    speakers = {half: SpeakerCounts() for half in HALVES}
    stage_s = 0.0
    per_doc = []
    for (name, _, ann), text, norm, doc in zip(rows, texts, norms, docs):
        analysis = Analysis(Article(id=name, text=text), norm=norm, doc=doc)
        for s in stages:
            t1 = time.process_time()
            s.fn(analysis)
            if s.name == "attributions":
                stage_s += time.process_time() - t1
        gold = load_gold(ann)
        for half in ("all", "locked" if is_locked(name) else "tuning"):
            counts[half].add(text, gold, analysis.attributions)
            speakers[half].add(speaker_rows.get(name, []), analysis.attributions)
        if keep_docs:
            per_doc.append((name, text, gold, analysis))
    result = _scores(counts["all"], speakers["all"])
    for half in ("tuning", "locked"):
        result[half] = _scores(counts[half], speakers[half])
    result["_speaker_errors"] = speakers["all"].errors
    result.update({"docs": len(rows), "parse_s": round(parse_s, 3),
                   "stage_s": round(stage_s, 3),
                   "stage_pct_of_parse": pct_of_parse(stage_s, parse_s) or 0.0})
    if keep_docs:
        result["_per_doc"] = per_doc
    return result


def report(result: dict) -> None:
    rows = []
    for key in ("direct_content", "direct_e2e", "all_content", "all_e2e"):
        r = result[key]
        rows.append([key, r["p"], r["r"], r["f1"], r["tp"], r["pred"], r["gold"],
                     result["tuning"][key]["f1"], result["locked"][key]["f1"]])
    print_table(f"PolNeAR attributions ({result['docs']} docs; F1 also on the tuning and "
                "locked halves)",
                ["scope", "P", "R", "F1", "tp", "pred", "gold", "F1 tuning", "F1 locked"], rows)
    print_table("Speakers behind pronoun sources (polnear-speakers) and cost",
                ["measure", "all", "tuning", "locked"], [
        [label, result[key], result["tuning"][key], result["locked"][key]] for label, key in (
            ("speaker accuracy (right referent, matched rows)", "speaker_accuracy"),
            ("gold pronoun rows matched", "speaker_matched"),
            ("gold pronoun rows", "speaker_rows"),
            ("pronoun sources resolved to any entity", "pronoun_resolved"))] + [
        ["attributions stage, % of parse time", result["stage_pct_of_parse"], "", ""],
        ["parse seconds", result["parse_s"], "", ""],
        ["stage seconds", result["stage_s"], "", ""],
    ])


if __name__ == "__main__":
    import sys

    d = data_dir()
    if d is None:
        sys.exit("../shared/data is not available (set NEWSGRAPH_DATA)")
    lim = int(sys.argv[1]) if len(sys.argv) > 1 else None
    report(run(d, limit=lim))
