"""The attribution lexicons: data files in ``newsgraph/lexicons``, loaded once."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[2] / "lexicons"


def _lines(name: str) -> list[str]:
    out = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=1)
def reporting_verbs() -> frozenset[str]:
    """Lemmas of verbs that report speech or thought (hand list)."""
    return frozenset(w.lower() for w in _lines("attribution_cues.txt"))


@lru_cache(maxsize=1)
def thought_cues() -> frozenset[str]:
    """Lemmas of cue words that attribute a state of mind, not speech (mode "thought")."""
    return frozenset(w.lower() for w in _lines("attribution_thought_cues.txt"))


@lru_cache(maxsize=1)
def learned_table() -> dict[str, tuple[int, int]]:
    """``lemma|POS|relation -> (hits, seen)`` learned on PolNeAR train."""
    path = LEXICONS / "attribution_cues_learned.json"
    if not path.exists():
        return {}
    return {k: (v[0], v[1]) for k, v in json.loads(path.read_text(encoding="utf-8")).items()}


@lru_cache(maxsize=1)
def anonymous_nouns() -> frozenset[str]:
    return frozenset(_lines("attribution_anonymous.txt"))


@lru_cache(maxsize=1)
def hedge_pattern() -> re.Pattern:
    """One regex matching any hedge phrase, longest first, on word boundaries."""
    phrases = sorted(_lines("attribution_hedges.txt"), key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def media_words() -> dict[str, str]:
    """word -> "media" | "document"."""
    out = {}
    for line in _lines("attribution_media.txt"):
        kind, word = line.split(None, 1)
        out[word.lower()] = kind
    return out


@lru_cache(maxsize=1)
def description_nouns() -> dict[str, str]:
    """Head noun of a definite description -> the entity label it refers to."""
    out = {}
    for line in _lines("attribution_descriptions.txt"):
        label, word = line.split(None, 1)
        out[word.lower()] = label
    return out


@lru_cache(maxsize=1)
def channels() -> list[tuple[str, re.Pattern]]:
    """(channel name, compiled pattern) in file order."""
    data = json.loads((LEXICONS / "attribution_channels.json").read_text(encoding="utf-8"))
    out = []
    for name, patterns in data.items():
        if name.startswith("_"):
            continue
        out.append((name, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)))
    return out


@lru_cache(maxsize=1)
def naming_verbs() -> frozenset[str]:
    """Verbs after which a quote is a label ("called it \"a disgrace\""), not speech."""
    return frozenset(_lines("attribution_naming_verbs.txt"))


@lru_cache(maxsize=1)
def addressee_verbs() -> frozenset[str]:
    """Verbs whose direct object is the audience ("addressing the nation"), not the content."""
    return frozenset(_lines("attribution_addressee_verbs.txt"))


@lru_cache(maxsize=1)
def audience_nouns() -> frozenset[str]:
    """Nouns naming an audience ("the nation", "reporters")."""
    return frozenset(_lines("attribution_audiences.txt"))


@lru_cache(maxsize=1)
def speaker_nouns() -> frozenset[str]:
    """Common nouns that can name who speaks: roles, unnamed sources, media, audiences.

    A cue whose subject is one of these ("the senator says", "officials think")
    is far likelier an attribution than one with any other noun subject ("the
    shift highlights"); the cue model gets the difference as a feature.
    """
    words = set(description_nouns()) | set(anonymous_nouns()) | set(media_words())
    return frozenset(words | audience_nouns())


def _country_rows() -> list[list[str]]:
    text = (LEXICONS / "country_names.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Lower-case country name or demonym -> ISO code ("sweden", "swedish" -> SWE)."""
    out: dict[str, str] = {}
    for cols in _country_rows():
        for col in cols[1:3]:
            for word in col.split(";"):
                if word.strip():
                    out.setdefault(word.strip().lower(), cols[0].strip())
    return out


# Demonyms that, after "the", name a people or a government, not one person: "the French",
# "the Chinese", "the British", "the Swiss"
_PEOPLE_ENDINGS = ("ish", "ese", "ch", "ss", "s")


@lru_cache(maxsize=1)
def nationality_nouns() -> dict[str, str]:
    """Lower-case singular demonym that names one person ("swede", "brazilian") -> code."""
    out: dict[str, str] = {}
    places = {w.strip().lower() for cols in _country_rows()
              for col in cols[1:2] + cols[3:4] for w in col.split(";")}
    for cols in _country_rows():
        if len(cols) < 3:
            continue
        for word in cols[2].split(";"):
            word = word.strip().lower()
            if word and " " not in word and not word.endswith(_PEOPLE_ENDINGS) \
                    and word not in places:  # "the Vatican" is a state's seat, not a person
                out.setdefault(word, cols[0].strip())
    return out


# How the name of a police force ends ("Dayton Police", "the Dayton Police Department",
# "Lee County Sheriff's Office").
FORCE_ENDS = frozenset(("police", "department", "force", "office", "constabulary", "service",
                        "sheriff", "pd", "dept", "dept."))

FORCE_ACRONYM = re.compile(r"[A-Z]{1,5}PD")  # "NYPD", "LMPD": a city's police department


def police_force_name(name: str) -> bool:
    """Whether an organisation's name is a police or sheriff's force's: "Radcliff Police",
    "Police Scotland", "the Dayton Police Department", "LMPD"; not a unit within one ("the
    Crimes Against Police Officers Section")."""
    if FORCE_ACRONYM.fullmatch(name):
        return True
    words = name.lower().replace("'s", "").replace("\u2019s", "").split()
    return ("police" in words or "sheriff" in words) and (
        words[-1] in FORCE_ENDS or words[0] == "police")
