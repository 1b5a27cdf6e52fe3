"""Load the event stage's lexicons (data files in ``newsgraph/lexicons``) once per process.

The trigger lexicon maps lemmas to PLOVER types with conditional alternatives;
this module expands the ``@SET`` references so that conditions are plain
frozensets when the stage runs, and compiles the country and sector tables
into dictionaries keyed by lower-cased phrases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Optional

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT")

_SET_KEYS = ("mod", "obj", "pobj", "prep", "prt", "head", "sector", "context", "subj",
             "xcomp_lemma", "gov_prep", "nocontext", "ccomp_subj")


@dataclass(frozen=True)
class Alt:
    """One conditional reading of a trigger: every condition given must hold."""

    type: Optional[str]
    mode: Optional[str]
    conds: dict = field(default_factory=dict)  # key -> frozenset, or "xcomp" -> bool


@dataclass(frozen=True)
class Entry:
    """A trigger lemma: its default reading, alternatives, and argument requirements."""

    type: Optional[str]
    mode: Optional[str] = None
    alts: tuple = ()
    needs_actor: bool = False
    needs_object: bool = False
    patient_actor: bool = False


def _read(name: str) -> str:
    return resources.files("newsgraph.lexicons").joinpath(name).read_text(encoding="utf-8")


read_text = _read  # for the other lexicon files of the events stage


def _split_type(value: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    if value is None:
        return None, None
    t, _, m = value.partition("/")
    if t not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {t!r} in the event lexicon")
    return t, (m or None)


def _expand(values: list, sets: dict) -> frozenset:
    out = set()
    for v in values:
        if isinstance(v, str) and v.startswith("@"):
            out.update(x.lower() for x in sets[v[1:]])
        else:
            out.add(str(v).lower())
    return frozenset(out)


def _entry(raw, sets: dict) -> Entry:
    if isinstance(raw, str) or raw is None:
        t, m = _split_type(raw)
        return Entry(t, m)
    t = raw.get("type")
    if t is not None and t not in PLOVER_TYPES:
        raise ValueError(f"unknown PLOVER type {t!r} in the event lexicon")
    alts = []
    for a in raw.get("alts", ()):
        conds = {k: _expand(a[k], sets) for k in _SET_KEYS if k in a}
        for key in ("xcomp", "target_person", "has_object", "ccomp", "obj_agent"):
            if key in a:
                conds[key] = bool(a[key])
        at = a.get("type")
        if at is not None and at not in PLOVER_TYPES:
            raise ValueError(f"unknown PLOVER type {at!r} in the event lexicon")
        alts.append(Alt(at, a.get("mode"), conds))
    return Entry(t, raw.get("mode"), tuple(alts), bool(raw.get("needs_actor")),
                 bool(raw.get("needs_object")), bool(raw.get("patient_actor")))


@dataclass(frozen=True)
class Lexicon:
    verbs: dict
    nouns: dict
    adjectives: dict
    light_verbs: frozenset
    request_modes: tuple  # ((mode, frozenset of words), ...) for REQUEST and REJECT
    people: frozenset  # nouns for people who can be a recipient (hostages, residents)
    person_roles: frozenset  # nouns for a single political person (rival, candidate)
    descriptive_heads: frozenset  # nouns a trigger noun only describes ("fighting force")
    document_heads: frozenset  # documents a trigger noun only names ("arrest report")
    medical_care: frozenset  # words of a discharge after care ("treated and released")
    commercial_deals: frozenset  # contracts and deals of routine business
    modality: dict  # name -> frozenset of lemmas
    countries: dict  # phrase -> (code, case_sensitive)
    max_country_words: int
    sectors: dict  # phrase -> sector
    max_sector_words: int


def _load_countries() -> tuple[dict, int]:
    table: dict = {}
    longest = 1
    for line in _read("country_names.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        code = cols[0].strip()
        for col in cols[1:]:
            for name in col.split(";"):
                name = name.strip()
                if not name:
                    continue
                key = name.lower()
                # Short all-capital names (US, UN, EU) must match exactly; other
                # names must at least be capitalised in the text ("us", "turkey").
                table.setdefault(key, (code, name if name.isupper() else None))
                longest = max(longest, len(key.split()))
    return table, longest


def _load_sectors() -> tuple[dict, int]:
    table: dict = {}
    longest = 1
    for line in _read("actor_sectors.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sector, _, words = line.partition("\t")
        for w in words.split(";"):
            w = w.strip().lower()
            if w:
                table.setdefault(w, sector.strip())
                longest = max(longest, len(w.split()))
    return table, longest


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicons, parsed once per process."""
    trig = json.loads(_read("event_triggers.json"))
    sets = trig["sets"]
    mod = json.loads(_read("event_modality.json"))
    modality = {k: frozenset(x if x.isupper() else x.lower() for x in v)
                for k, v in mod.items() if isinstance(v, list)}
    countries, max_c = _load_countries()
    sectors, max_s = _load_sectors()
    return Lexicon(
        verbs={k.lower(): _entry(v, sets) for k, v in trig["verbs"].items()},
        nouns={k.lower(): _entry(v, sets) for k, v in trig["nouns"].items()},
        adjectives={k.lower(): _entry(v, sets) for k, v in trig["adjectives"].items()},
        light_verbs=frozenset(trig["light_verbs"]),
        people=_expand(["@CAPTIVES", "@PEOPLE"], sets),
        person_roles=_expand(["@PERSON_ROLES"], sets),
        descriptive_heads=_expand(["@DESCRIPTIVE_HEADS"], sets),
        document_heads=_expand(["@DOCUMENT_HEADS"], sets),
        medical_care=_expand(["@MEDICAL_CARE"], sets),
        commercial_deals=_expand(["@COMMERCIAL_DEALS"], sets),
        request_modes=tuple((k, _expand(v, sets)) for k, v in trig["request_modes"].items()),
        modality=modality,
        countries=countries, max_country_words=max_c,
        sectors=sectors, max_sector_words=max_s,
    )
