"""The one data model of newsgraph.

Every extracted record points back at the words it came from: a :class:`Span`
holds character offsets into ``Article.text`` (the original text, never a
normalised copy) and the covered text itself, so that ``article.text[start:end]
== span.text`` always holds.  Every record also names the ``stage@version``
that produced it, so a store holding records from several releases can tell
them apart.

The store, the CLI, the REST API and the JSON output all use these classes as
they are; ``to_dict`` gives the machine form documented in the README.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        """Build a span over ``text``, trimming surrounding whitespace."""
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"span {start}:{end} outside a text of length {len(text)}")
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return cls(start, end, text[start:end])

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Optional[dict]) -> Optional["Span"]:
        if data is None:
            return None
        return cls(int(data["start"]), int(data["end"]), data["text"])


def content_hash(text: str) -> str:
    """Identity of an article's text, used to make ingest idempotent."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article as ingested: ``text`` is what every offset indexes."""

    id: str
    text: str
    title: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None
    author: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD, the anchor for relative times
    origin: Optional[str] = None  # where it was read from (path, URL, "stdin")
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            self.hash = content_hash(self.text)

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)


# The mention kind of an organisation name found again untagged (see Mention).
NAME_AGAIN = "name_again"


@dataclass
class Mention:
    """One place in the text where an entity is named or described.

    ``name_again``: an organisation name the tagger tagged elsewhere in the article and
    missed here (one word, the distinctive end of a longer name, or in capitals).  Only the cross-document entity layer and the views count
    these; the story keys, the speaker candidates and the events' actors count the
    mentions they counted before the kind existed (:data:`NAME_AGAIN`)."""

    FLAT_SPAN: ClassVar[bool] = True  # to_dict() puts span's fields beside its own

    span: Span
    kind: str = "name"  # name | name_again | pronoun | description | title

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "kind": self.kind}


@dataclass
class Role:
    """A title or role the text gives a person ("Chair of the House Intelligence Committee")."""

    FLAT_SPAN: ClassVar[bool] = True  # to_dict() puts span's fields beside its own

    span: Span
    org: Optional[str] = None  # the organisation the role is held in, when stated

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "org": self.org}


@dataclass
class Entity:
    """A person, organisation, place or group, with all its mentions in one article."""

    id: str  # unique within the article, e.g. "E3"
    label: str  # PERSON | ORG | GPE | LOC | NORP | FAC
    name: str  # canonical (longest full) name
    mentions: list[Mention] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    stage: str = ""

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "label": self.label,
            "name": self.name,
            "mentions": [m.to_dict() for m in self.mentions],
            "roles": [r.to_dict() for r in self.roles],
            "stage": self.stage,
        }


@dataclass
class Attribution:
    """Who said (or thought, or reported) what: source, cue and content.

    ``kind`` is direct (all in quote marks), mixed (partly quoted) or indirect.
    ``sourcing`` is named_person | named_org | anonymous | media | document |
    unattributed (a hedged claim with no source, e.g. "reportedly").
    """

    id: str
    kind: str
    content: Span
    cue: Optional[Span] = None
    source: Optional[Span] = None
    speaker: Optional[str] = None  # Entity.id the source resolves to
    speaker_name: Optional[str] = None
    speaker_reason: Optional[str] = None  # how resolved, or why unresolved
    speaker_confidence: Optional[float] = None  # the ranker's probability for a pronoun source
    sourcing: Optional[str] = None
    hedge: Optional[Span] = None
    channel: Optional[str] = None
    # "negated" when the speech is refused or denied ("declined to comment",
    # "did not say"): a record that nothing was claimed, never a positive claim.
    polarity: str = "positive"
    # "thought" when the cue attributes a state of mind ("believes", "fears", "wants",
    # "in his view") rather than speech: still an attribution, told apart for readers.
    mode: str = "speech"
    stage: str = ""
    # The quoted pieces when the content is split around its cue ("A," he said, "B"):
    # ``content`` then covers them all, and ``content_parts`` lists each piece.
    content_parts: list[Span] = field(default_factory=list)
    # Sources named together ("Mayor X and Chief Y said"): ``speaker`` is null, since no
    # one of them said it alone, and this lists the Entity.id of each part that resolves
    # to an entity, so the statement counts in each one's record.  Empty otherwise.
    speakers: list[str] = field(default_factory=list)
    # A report inside another's content ("Police said *the driver told officers he had
    # been drinking*"): the id of that outer attribution.  Null for a top-level record.
    within: Optional[str] = None

    def to_dict(self) -> dict:
        out = _record_dict(self)
        out["content_parts"] = [p.to_dict() for p in self.content_parts]
        return out


@dataclass
class Actor:
    """An event participant: the words, the entity, and its coding."""

    FLAT_SPAN: ClassVar[bool] = True  # to_dict() puts span's fields beside its own

    span: Span
    entity: Optional[str] = None  # Entity.id
    country: Optional[str] = None  # ISO 3166 alpha-3
    sector: Optional[str] = None  # government, military, legislature, ...

    def to_dict(self) -> dict:
        return {**self.span.to_dict(), "entity": self.entity, "country": self.country,
                "sector": self.sector}


@dataclass
class Event:
    """Who did what to whom, coded to PLOVER, with modality, time and place."""

    id: str
    type: str  # one of PLOVER's 16
    trigger: Span
    mode: Optional[str] = None
    actor: Optional[Actor] = None
    target: Optional[Actor] = None
    modality: str = "happened"  # happened | ongoing | planned | hypothetical | negated
    # A threat or demand has two layers: the speech act (``modality``: a warning that was
    # issued happened) and what it is about (planned: "threatened to close the strait";
    # hypothetical: "warned that the move could lead to war").
    content_modality: Optional[str] = None
    reported_by: Optional[str] = None  # Attribution.id when the event is reported through a source
    time: Optional[str] = None  # TimeExpression.id of the event's own time expression
    time_value: Optional[str] = None  # its TimeML value
    # With no time of its own, the event is only known to precede its report: the
    # publication date, read "on or before", never shown as the day it happened.
    reported: Optional[str] = None
    place: Optional[str] = None  # Entity.id of a location
    place_span: Optional[Span] = None
    sentence: Optional[Span] = None
    # The id of this article's first mention of the same incident (the headline, the lead
    # and "the shooting occurred" are one shooting): count incidents over same_as = None.
    same_as: Optional[str] = None
    stage: str = ""

    def to_dict(self) -> dict:
        return _record_dict(self)


@dataclass
class TimeExpression:
    """A TIMEX3-style time expression with its TimeML value."""

    id: str
    span: Span
    type: str  # DATE | TIME | DURATION | SET
    value: Optional[str] = None  # TimeML value, e.g. 2024-11-17, P2M, PRESENT_REF
    mod: Optional[str] = None  # APPROX, START, END, EQUAL_OR_MORE, ...
    anchor: Optional[str] = None  # the date it was resolved against
    stage: str = ""

    def to_dict(self) -> dict:
        return _record_dict(self)


@dataclass
class Quantity:
    """A number with its unit, bound and (when stated) change and conversion check."""

    id: str
    span: Span
    value: float
    unit: Optional[str] = None  # canonical unit name, or the counted noun ("troops")
    bound: str = "="  # = | <= | >= | < | > | ~
    value_max: Optional[float] = None  # upper end of a range
    si_value: Optional[float] = None
    si_unit: Optional[str] = None
    currency: Optional[str] = None  # ISO 4217 for money
    change: Optional[str] = None  # up | down, for "rose 5%"
    about: Optional[Span] = None  # the counted thing / the noun the quantity is about
    conversion_of: Optional[str] = None  # Quantity.id this one restates in other units
    consistent: Optional[bool] = None  # for conversions: within 2%?
    stage: str = ""

    def to_dict(self) -> dict:
        return _record_dict(self)


def _record_dict(record: Any) -> dict:
    """Serialise a record: spans and nested records become dicts, None stays None."""
    out = {}
    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        out[f.name] = value.to_dict() if hasattr(value, "to_dict") else value
    return out


RECORD_LISTS = ("entities", "attributions", "events", "times", "quantities")
