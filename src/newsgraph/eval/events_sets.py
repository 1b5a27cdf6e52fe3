"""Event sentences for training and scoring the events judge, with fixed halves.

Every set is cut by a hash of each item's key (``speakers.is_locked``) into a
**tuning** half (trained on, errors read) and a **locked** half (scored, read
only as totals).  Sets, all read at run time:

- ``gsr``: PLOVER gold records (``plover/gsr-dev.json``), one item per sentence
  with every gold type, the ``EVT`` words of the markup as triggers, and the
  source actor texts.  Labels are not complete (other events go unmarked).
- ``cameo``: CAMEO codebook examples mapped to PLOVER (not those also in gsr-dev,
  not the statements/appeals with no PLOVER event).  Incomplete.
- ``petr2``: PETRARCH-2 validation sentences; the ``noevents`` ones are complete
  negatives.
- ``ngec``: the first sentence of each machine-generated story with its prompt's
  type.  Pseudo-labels: used for training only, never scored.
- ``real``: real news sentences (PolNeAR train, gun-violence, ECB+, TimeBank)
  drawn at random, that we labelled by reading (``gold/events-sentences.jsonl``,
  offsets only).  Complete: a sentence with no event listed has none.
- ``realc``: a second sample of such sentences, drawn only among those where the
  trigger lexicon fires (the judge's hard cases); complete.
- ``written``: sentences we wrote, events and non-events across beats
  (``gold/events-written.jsonl``).  Complete.
- ``beatsneg``: more no-event sentences we wrote, in the beats where the judge misfires
  (sports, courts, science, business, entertainment and celebrity, "arrived" that is no
  visit; ``gold/events-written-heldout.jsonl``).  Wholly locked: never trained on, read
  only as totals.
- ``moreneg``: no-event sentences we wrote in sessions 13 and 16 across every beat, each with a
  misleading word (``gold/events-written-negatives.jsonl``); split into halves like the
  others (the tuning half is trained on), scored on its own rows outside ``all`` so that
  those stay comparable with earlier sessions.
- ``wtrain``: event sentences we wrote in session 24 as training examples only (never
  scored, no locked half): acts the judge learnt to drop because the no-event rules'
  negatives share their words (a release from jail or prison beside "released from the
  hospital", aid handed out, a warning of war told as speech;
  ``gold/events-written-train.jsonl``).  Incomplete: only the listed events are used.
- ``pairs``: sentences we wrote in session 14 in contrasting pairs over one trigger word:
  the word in a beat where it is no event ("beat the Stags 4-2", "a heart attack", "the flu
  shot", "a campaign rally", an accidental shooting) and in the act PLOVER codes ("a crowd
  beat a shopkeeper"); 134 no-event and 69 one-event sentences
  (``gold/events-written-pairs.jsonl``).  Split into halves and scored on its own rows like
  ``moreneg``; not trained on yet (``MEASURE_ONLY`` in ``scripts/train_event_model.py``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .plover import OLD_LABELS
from .speakers import is_locked

GOLD = Path(__file__).resolve().parent / "gold"
HELDOUT_SETS = frozenset(("beatsneg",))  # sets with no tuning half
TRAIN_ONLY_SETS = frozenset(("wtrain",))  # no locked half, never scored (ngec keeps its halves)
SEPARATE_SETS = frozenset(("beatsneg", "moreneg", "pairs"))  # scored outside the ``all`` rows
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass
class GoldEvent:
    type: str
    trigger: Optional[tuple] = None  # (start, end) in the item's text
    actors: list = field(default_factory=list)  # actor texts (any may match)
    modality: Optional[str] = None
    uncertain: bool = False  # the labeller was unsure: neither required nor counted wrong
    targets: list = field(default_factory=list)  # target texts (gsr only; any may match)


@dataclass
class Item:
    key: str
    set: str
    text: str
    events: list  # GoldEvent
    complete: bool  # every event of the sentence is listed
    published: Optional[str] = None

    @property
    def locked(self) -> bool:
        if self.set in TRAIN_ONLY_SETS:
            return False
        return self.set in HELDOUT_SETS or is_locked(self.key)

    @property
    def types(self) -> set:
        """Gold types that must be found (uncertain events are optional)."""
        return {e.type for e in self.events if not e.uncertain}

    @property
    def optional(self) -> list:
        return [e for e in self.events if e.uncertain]


def _type(label: Optional[str]) -> Optional[str]:
    if label is None:
        return None
    label = OLD_LABELS.get(label.upper(), label.upper())
    if label == "COOPERATION":
        label = "COOPERATE"
    return label if label in TYPES else None


_MARK = re.compile(r"\((EVT|SRC|TAR|SRC/TAR):\s*([^()]*)\)")


def _markup_triggers(text: str, markup: str) -> list:
    """Character ranges in ``text`` of the markup's ``(EVT: ...)`` phrases."""
    out = []
    for m in _MARK.finditer(markup or ""):
        if m.group(1) != "EVT":
            continue
        phrase = m.group(2).strip()
        i = text.find(phrase)
        if i >= 0:
            out.append((i, i + len(phrase)))
            continue
        for w in re.findall(r"[A-Za-z][A-Za-z'-]+", phrase):  # markup edited the words
            j = re.search(r"\b" + re.escape(w) + r"\b", text)
            if j:
                out.append((j.start(), j.end()))
    return out


def load_gsr(data: Path) -> list[Item]:
    records = json.loads((data / "plover" / "gsr-dev.json").read_text(encoding="utf-8"))
    items: dict = {}
    for r in records:
        text = r["text"]
        it = items.setdefault(text, Item(f"gsr:{r['id']}", "gsr", text, [], False))
        etype = _type(r["event"])
        actors = [s.get("actorText", "") for s in (r.get("source") or []) if s.get("actorText")]
        targets = [t.get("actorText", "") for t in r.get("target") or []
                   if isinstance(t, dict) and t.get("actorText")] \
            if isinstance(r.get("target"), list) else []
        info = r.get("textInfo")
        spans = _markup_triggers(text, info.get("markup", "") if isinstance(info, dict) else "")
        it.events.append(GoldEvent(etype, spans[0] if spans else None, actors, targets=targets))
        for extra in spans[1:]:
            it.events.append(GoldEvent(etype, extra, actors, targets=targets))
    return list(items.values())


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_cameo(data: Path) -> list[Item]:
    out = []
    for r in _jsonl(data / "events-extra" / "cameo-examples.jsonl"):
        etype = _type(r.get("plover"))
        if r.get("in_gsr_dev") or etype is None or r.get("truncated"):
            continue
        out.append(Item(f"cameo:{r['id']}", "cameo", r["text"], [GoldEvent(etype)], False))
    return out


def load_petr2(data: Path) -> list[Item]:
    out = []
    for r in _jsonl(data / "events-extra" / "petr2-gsr.jsonl"):
        evs = [GoldEvent(t) for t in dict.fromkeys(_type(e.get("plover")) for e in r["events"])
               if t is not None]
        out.append(Item(f"petr2:{r['id']}", "petr2", r["text"], evs, not r["events"]))
    return out


_LEDE = re.compile(r"^(.{40,400}?[.!?])(?:\s|$)", re.S)


def load_ngec(data: Path) -> list[Item]:
    out = []
    for r in _jsonl(data / "events-extra" / "ngec-synthetic.jsonl"):
        etype = _type(r.get("plover"))
        m = _LEDE.match(r["text"].strip())
        if etype is None or m is None:
            continue
        out.append(Item(f"ngec:{r['id']}", "ngec", m.group(1).replace("\n", " "),
                        [GoldEvent(etype)], False))
    return out


def _source_texts(data: Path, wanted: set) -> dict:
    """Texts of the documents our real-sentence labels point into, by (source, doc)."""
    from .timebank import read_tml

    out = {}
    want = {}
    for source, doc in wanted:
        want.setdefault(source, set()).add(doc)
    for doc in want.get("polnear", ()):
        p = data / "polnear" / "train" / "text" / f"{doc}.txt"
        if p.exists():
            out[("polnear", doc)] = p.read_text(encoding="utf-8")
    for source, name in (("gunviolence", "gunviolence/articles.jsonl"),
                         ("ecbplus", "ecbplus/docs.jsonl")):
        if want.get(source):
            for r in _jsonl(data / name):
                if r["id"] in want[source]:
                    out[(source, r["id"])] = r["text"]
    for doc in want.get("timebank", ()):
        p = data / "tempeval3" / "train" / "TimeBank" / f"{doc}.tml"
        if p.exists():
            out[("timebank", doc)] = read_tml(p).text
    return out


def load_real(data: Path) -> list[Item]:
    path = GOLD / "events-sentences.jsonl"
    if not path.exists():
        return []
    rows = _jsonl(path)
    texts = _source_texts(data, {(r["source"], r["doc"]) for r in rows})
    out = []
    for r in rows:
        full = texts.get((r["source"], r["doc"]))
        if full is None:
            continue
        s0, s1 = r["start"], r["end"]
        evs = []
        for e in r["events"]:
            trig = (e["trigger"][0] - s0, e["trigger"][1] - s0) if e.get("trigger") else None
            actors = [full[e["actor"][0]:e["actor"][1]]] if e.get("actor") else []
            evs.append(GoldEvent(e["type"], trig, actors, e.get("modality"),
                                 bool(e.get("uncertain"))))
        name = "real" if r.get("sample", "random") == "random" else "realc"
        out.append(Item(f"real:{r['source']}:{r['doc']}:{s0}", name, full[s0:s1], evs, True))
    return out


def load_written(name: str = "written", path: Path = GOLD / "events-written.jsonl",
                 complete: bool = True) -> list[Item]:
    if not path.exists():
        return []
    out = []
    for n, r in enumerate(_jsonl(path)):
        text = r["text"]
        evs = []
        for e in r.get("events", []):
            i = text.find(e["trigger"]) if e.get("trigger") else -1
            trig = (i, i + len(e["trigger"])) if i >= 0 else None
            evs.append(GoldEvent(e["type"], trig, [e["actor"]] if e.get("actor") else [],
                                 e.get("modality")))
        out.append(Item(f"{name}:{r['beat']}:{n}", name, text, evs, complete))
    return out


def load_all(data: Path, with_ngec: bool = True) -> list[Item]:
    items = load_gsr(data) + load_cameo(data) + load_petr2(data) + load_real(data) \
        + load_written() + load_written("beatsneg", GOLD / "events-written-heldout.jsonl") \
        + load_written("moreneg", GOLD / "events-written-negatives.jsonl") \
        + load_written("pairs", GOLD / "events-written-pairs.jsonl")
    if with_ngec:  # training examples only: never scored
        items += load_ngec(data) + load_written("wtrain", GOLD / "events-written-train.jsonl",
                                                complete=False)
    return items
