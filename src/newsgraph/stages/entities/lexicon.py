"""The entity stage's word lists, read once from ``newsgraph/lexicons``.

They are data files (one entry a line, ``#`` starts a comment) so that they
can grow without touching code; each file says in its header how it is used.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    """Entries of one lexicon file, without comments and blank lines."""
    text = resources.files("newsgraph").joinpath("lexicons", name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def key(word: str) -> str:
    """Lookup form of a title word: lowercase, trailing period dropped ("Sen." -> "sen")."""
    return word.lower().rstrip(".")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Words heading a role or title ("president", "spokeswoman", "sen")."""
    return frozenset(key(w) for w in _lines("titles.txt"))


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Forms of address ("Mr.", "Dr.") that are stripped from names but are not roles."""
    return frozenset(key(w) for w in _lines("titles_honorific.txt"))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Well-known place names, case-sensitive."""
    return frozenset(_lines("entity_places.txt"))


@lru_cache(maxsize=1)
def place_nouns() -> frozenset[str]:
    """Nouns that turn a preceding name into an area name ("Kursk region")."""
    return frozenset(w.lower() for w in _lines("entity_place_nouns.txt"))


@lru_cache(maxsize=1)
def org_heads() -> frozenset[str]:
    """Capitalised final words that mark a name as an organisation ("Council")."""
    return frozenset(_lines("entity_org_heads.txt"))


@lru_cache(maxsize=1)
def org_words() -> frozenset[str]:
    """Common-noun last words of business names ("Foods", "Semiconductor"), beside
    :func:`org_heads`, that show a name is an organisation and not a person."""
    return frozenset(_lines("entity_org_words.txt"))


@lru_cache(maxsize=1)
def place_institutions() -> frozenset[str]:
    """Second words of institutions named after their town ("Greenwood Police ...")."""
    return frozenset(_lines("entity_place_institutions.txt"))


@lru_cache(maxsize=1)
def not_names() -> frozenset[str]:
    """Lowercased spans that are never entities (transcript cues, weapon systems)."""
    return frozenset(w.lower() for w in _lines("entity_not_names.txt"))


@lru_cache(maxsize=1)
def orgs() -> frozenset[str]:
    """Well-known organisation names the tagger often mislabels, case-sensitive."""
    return frozenset(_lines("entity_orgs.txt"))


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names that are not also well-known places: this stage's list and the
    given names the speakers' gender lexicon knows (``person_gender.txt``)."""
    gendered = {w.split(" ", 1)[1] for w in _lines("person_gender.txt")
                if w[2:3].isupper()}
    return (frozenset(_lines("entity_given_names.txt")) | gendered) - places()


@lru_cache(maxsize=1)
def orgs_pattern():
    """One whole-word pattern for all well-known organisation names (longest first)."""
    import re

    names = sorted(orgs(), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
