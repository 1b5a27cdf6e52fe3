"""Speaker labels of interview and debate transcripts ("PENCE: Well, look, ...").

The small model rarely tags an all-capitals label as a name.  A label at the
start of a line that matches the surname (or full name) of a person of the
article becomes a mention of that person; a label used at least twice that
matches nobody becomes a person of its own ("WALLACE:" when the host is never
named in full).
"""

from __future__ import annotations

import re

from . import merge

_LABEL = re.compile(
    r"(?m)^[\"'\u201c\u2018]?([A-Z][A-Z'\u2019.-]+(?: [A-Z][A-Z'\u2019.-]+){0,2}):[ \t]")
# Labels that head notes, not speakers.
_NOT_SPEAKERS = frozenset({"UPDATE", "CLARIFICATION", "CORRECTION", "NOTE", "EDITOR'S NOTE",
                           "EDITOR\u2019S NOTE", "Q", "A", "QUESTION", "ANSWER", "BREAKING",
                           "WATCH", "READ", "RELATED", "VIDEO", "PHOTOS", "SOURCE", "SOURCES",
                           "AUDIENCE", "CROSSTALK", "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE"})
MIN_REPEATS_FOR_NEW = 2


def speaker_labels(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each transcript speaker label."""
    out = []
    for m in _LABEL.finditer(text):
        label = m.group(1)
        if label in _NOT_SPEAKERS or len(label.replace(".", "")) < 2:
            continue
        out.append((m.start(1), m.end(1), label))
    return out


def resolve(labels: list[tuple[int, int, str]], people: list[merge.Group]
            ) -> tuple[dict[int, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Spans of labels per known person (by id of the group), and of repeated unknown labels."""
    by_name: dict[str, merge.Group] = {}
    for p in people:
        by_name.setdefault(p.surname.upper(), p)
        if p.given:
            by_name.setdefault(" ".join(p.given + [p.surname]).upper(), p)
    known: dict[int, list[tuple[int, int]]] = {}
    unknown: dict[str, list[tuple[int, int]]] = {}
    for s, e, label in labels:
        person = by_name.get(label) or by_name.get(label.split()[-1])
        if person is not None:
            known.setdefault(id(person), []).append((s, e))
        else:
            unknown.setdefault(label, []).append((s, e))
    return known, {k: v for k, v in unknown.items() if len(v) >= MIN_REPEATS_FOR_NEW}
