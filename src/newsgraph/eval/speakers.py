"""Speaker accuracy: does a pronoun source ("he said") go to the right person?

Gold: ``polnear-speakers/dev.jsonl``: every PolNeAR dev attribution whose Source is a
pronoun, with the referent as the article names it (``null`` when the article never names
it).  A prediction matches a row when its content has IoU >= 0.5 with the row's content
(the PolNeAR matcher); it is right when the last word of the referent (of any part of a
joined group, "Grassley and Leahy") is a word of the predicted ``speaker_name``,
case-insensitive, or, for a null referent, when the prediction links no entity.  Reported:
accuracy over matched rows, and the share of rows matched at all.

Issue 11's method rule: PolNeAR dev is split by a hash of the article name into a *tuning*
half (look at its errors) and a *locked* half (look only at totals); :func:`is_locked`
decides, and every PolNeAR figure is reported for both halves.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional


def is_locked(name: str) -> bool:
    """True for the locked half of a data set (about half the names, fixed by hash)."""
    return hashlib.sha256(name.encode("utf-8")).digest()[0] % 2 == 1


@dataclass
class SpeakerRow:
    doc: str
    source: tuple[int, int]
    source_text: str
    content: tuple[int, int]
    referent: Optional[str]
    kind: str


def load_rows(data_dir: Path) -> dict[str, list[SpeakerRow]]:
    """Gold pronoun rows by document name ({} when the file is absent)."""
    path = Path(data_dir) / "polnear-speakers" / "dev.jsonl"
    out: dict[str, list[SpeakerRow]] = {}
    if not path.exists():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            r = json.loads(line)
            out.setdefault(r["doc"], []).append(SpeakerRow(
                r["doc"], tuple(r["source"]), r["source_text"], tuple(r["content"]),
                r.get("referent"), r.get("referent_kind") or ""))
    return out


def referent_keys(referent: str) -> list[str]:
    """Last words of the referent's parts: "Charles E. Grassley and Patrick J. Leahy" ->
    ["grassley", "leahy"]."""
    parts = re.split(r"\s+and\s+|\s*,\s*|\s*&\s*", referent)
    keys = []
    for p in parts:
        words = re.findall(r"[\w'-]+", p.lower())
        if words:
            keys.append(words[-1])
    return keys


def speaker_right(row: SpeakerRow, att) -> bool:
    """The scoring rule of the data set's README."""
    if row.referent is None:
        return att.speaker is None
    name = (att.speaker_name or "").lower()
    words = set(re.findall(r"[\w'-]+", name))
    words |= {w[:-2] for w in words if w.endswith("'s")}
    return any(k in words for k in referent_keys(row.referent))


class SpeakerCounts:
    """Matched and right counts over gold pronoun rows."""

    def __init__(self) -> None:
        self.rows = 0
        self.matched = 0
        self.right = 0
        self.errors: list[tuple[SpeakerRow, object]] = []

    def add(self, rows: list[SpeakerRow], pred: list) -> None:
        """Match rows to predictions as PolNeAR is matched (content IoU >= 0.5, one-to-one)."""
        from .polnear import GoldAttribution, match

        self.rows += len(rows)
        gold = [GoldAttribution([row.content], [row.source], row.source_text) for row in rows]
        for i, j in match("", gold, pred):
            self.matched += 1
            if speaker_right(rows[i], pred[j]):
                self.right += 1
            else:
                self.errors.append((rows[i], pred[j]))

    def scores(self) -> dict:
        return {"speaker_accuracy": round(self.right / self.matched, 4) if self.matched else 0.0,
                "speaker_matched": round(self.matched / self.rows, 4) if self.rows else 0.0,
                "speaker_rows": self.rows, "speaker_right": self.right}
