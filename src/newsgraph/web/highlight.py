"""The article text cut into runs, each run marked with the records that cover it.

Records overlap (a quote holds entity mentions, a time, an event trigger), so the text is
cut at every record boundary and each run carries the set of (layer, record) marks over
it.  The page renders each run as one element with those marks as classes and data, and
the reader sees every fact at its offsets: the highlighted words *are* the evidence.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterator, Optional

LAYERS = ("quote", "source", "cue", "entity", "event", "time", "quantity")


@dataclass
class Run:
    text: str
    marks: list[tuple[str, str]] = field(default_factory=list)  # (layer, record key)
    anchors: list[str] = field(default_factory=list)  # records that start here

    @property
    def layers(self) -> list[str]:
        return sorted({layer for layer, _ in self.marks}, key=LAYERS.index)

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(key for _, key in self.marks))


def record_key(kind: str, record_id: str) -> str:
    """How a page names a record: its list and its id (ids repeat across lists)."""
    return f"{kind}-{record_id}"


def _spans(article: dict) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, layer, key) of every highlightable span of every record."""
    for r in article.get("attributions", []):
        key = record_key("attributions", r["id"])
        for part in r.get("content_parts") or [r["content"]]:
            yield part["start"], part["end"], "quote", key
        for name in ("source", "cue"):
            if r.get(name):
                yield r[name]["start"], r[name]["end"], name, key
    for r in article.get("entities", []):
        for m in r.get("mentions", []):
            yield m["start"], m["end"], "entity", record_key("entities", r["id"])
    for r in article.get("events", []):
        yield r["trigger"]["start"], r["trigger"]["end"], "event", record_key("events", r["id"])
    for kind, layer in (("times", "time"), ("quantities", "quantity")):
        for r in article.get(kind, []):
            yield r["span"]["start"], r["span"]["end"], layer, record_key(kind, r["id"])


def runs(article: dict) -> list[Run]:
    """The text of ``article`` as consecutive runs; their texts join to the whole text.
    A span outside the text (a damaged record) is left out rather than shown wrong."""
    text = article["text"]
    spans = [(s, e, layer, key) for s, e, layer, key in _spans(article)
             if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    out = [Run(text[a:b]) for a, b in zip(cuts, cuts[1:])]
    first: dict[str, Optional[int]] = {}
    for start, end, layer, key in sorted(spans):
        i = bisect_left(cuts, start)
        if key not in first:
            first[key] = i
            out[i].anchors.append(key)
        for j in range(i, bisect_left(cuts, end)):
            out[j].marks.append((layer, key))
    return out
