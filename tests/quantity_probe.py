"""Helpers for the quantities tests: run the stage alone on a sentence written for a test."""

from __future__ import annotations

from newsgraph.stages.nlp import parse
from newsgraph.stages.normalize import normalize_text
from newsgraph.stages.quantities import extract


def quantities(text: str):
    norm = normalize_text(text)
    return extract(text, parse(norm), norm=norm)


def one(text: str, needle: str):
    found = [q for q in quantities(text) if needle in q.span.text]
    assert found, f"no quantity covering {needle!r} in {[q.span.text for q in quantities(text)]}"
    return found[0]


def spans(text: str) -> list[str]:
    return [q.span.text for q in quantities(text)]
