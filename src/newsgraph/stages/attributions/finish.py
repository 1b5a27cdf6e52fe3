"""Turn candidates into :class:`Attribution` records: speakers, sourcing, channel."""

from __future__ import annotations

from typing import Optional

from ...model import Attribution, Span
from ..furniture import on_link_line
from .direct import Candidate
from .lexicon import channels
from .nonspeech import narrative_thought, no_speech, political_news
from .polarity import cue_mode, cue_polarity, refused_action, says_nothing
from .speakers import Resolution, SpeakerResolver
from .syntax import joined_clauses, trim

CHANNEL_WINDOW = 80


def finish(analysis, cands: list[Candidate], tag: str) -> list[Attribution]:
    """Resolve speakers in text order (so pronouns see earlier speakers) and build records."""
    text, doc = analysis.article.text, analysis.doc
    resolver = SpeakerResolver(analysis)
    out: list[Attribution] = []
    prev: Optional[Attribution] = None
    political = political_news(text)
    made: dict[int, Attribution] = {}  # id(candidate) -> its record
    for c in sorted(cands, key=_anchor):
        if c.inherit and c.anchor is not None:
            prev = made.get(id(c.anchor))
            if prev is None:
                c = _introduced(doc, c)
                if c is None:
                    continue
        if c.source is None and c.source_chars is None and c.cue_token is not None \
                and not c.inherit and not c.sourceless:
            _fallback_source(resolver, doc, c)
        if c.cue and on_link_line(text, c.cue[0]):
            continue  # "RELATED: Man hurt in crash, police say": another article's headline
        res = _resolve(resolver, doc, c, prev)
        if c.author and res.entity is None:  # a post's signature names its author whole
            res = Resolution(None, "signed post, name not an entity", res.sourcing,
                             name=c.author)
        if c.kind == "indirect" and c.cue_token is not None and not c.parts:
            c.content = joined_clauses(doc, c.cue_token, c.content)
        if c.cue:
            c.content = inside_parentheses(text, c.cue[0], c.content)
        content = Span.of(text, *c.content)
        if not content.text:
            continue
        polarity = "negated" if c.refusal else cue_polarity(doc, c.cue_token)
        if c.refusal:
            pass  # "declined to comment": a record that nothing was said (refusals.py)
        elif polarity == "negated" and (says_nothing(content.text)
                                        or refused_action(doc, c.cue_token)):
            continue  # "refused to leave", an empty negation the model offered: nothing
        elif not (c.kind == "direct" and c.within is not None) \
                and no_speech(doc, c.cue_token, c.content, polarity, political):
            continue  # "was charged with arson", "a crash that claimed two lives"
        mode = cue_mode(doc, c.cue_token)
        if mode == "thought" and narrative_thought(doc, c.cue_token, political):
            continue  # "wanted to be a nurse", "knew him as a boy": no one's sourcing
        source = None
        if c.inherit and prev is not None and c.source is None:
            source = prev.source  # the quote goes on in the voice named before it
        elif c.source_chars is not None:
            source = Span.of(text, *c.source_chars)
        elif c.source is not None and c.source[0] < c.source[1]:
            a, b = trim(doc, *c.source)
            if a >= b:
                a, b = c.source
            source = Span.of(text, doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text))
        att = Attribution(
            id=f"A{len(out) + 1}",
            kind=c.kind,
            content=content,
            cue=Span.of(text, *c.cue) if c.cue else None,
            source=source,
            speaker=getattr(res.entity, "id", None),
            speaker_name=res.name or getattr(res.entity, "name", None),
            speaker_reason=res.reason,
            speaker_confidence=res.confidence,
            sourcing=res.sourcing,
            hedge=Span.of(text, *c.hedge) if c.hedge else None,
            channel=_channel(analysis.norm, c) if c.cue else None,
            polarity=polarity,
            mode=mode,
            stage=tag,
            content_parts=[Span.of(text, *part) for part in c.parts] if len(c.parts) > 1 else [],
            speakers=[e.id for e in res.members],
        )
        if res.entity is not None:
            resolver.remember(att.cue.start if att.cue else content.start, res.entity, res.reason,
                              (content.start, content.end))
        out.append(att)
        made[id(c)] = att
        if c.within is None:
            prev = att  # a frameless quote goes on in the voice of the outer report
    return _link_nested(cands, made, out)


def _link_nested(cands: list[Candidate], made: dict, out: list[Attribution]
                 ) -> list[Attribution]:
    """Point each inner report at its outer record by id; an inner report whose outer
    record was dropped (no speech, an empty refusal) goes too, since it was read as a
    layer of a report that is not there."""
    gone = set()
    for c in cands:
        if c.within is None or id(c) not in made:
            continue
        outer = made.get(id(c.within))
        if outer is None:
            gone.add(id(made[id(c)]))
        else:
            made[id(c)].within = outer.id
    if not gone:
        return out
    kept = [a for a in out if id(a) not in gone]
    renamed = {a.id: f"A{n}" for n, a in enumerate(kept, 1)}
    for a in kept:
        a.id = renamed[a.id]
        if a.within is not None:
            a.within = renamed[a.within]
    return kept


def _introduced(doc, c: Candidate) -> Optional[Candidate]:
    """A frameless quote right after a sentence that was no speech: "The singer posted a
    long message on Instagram." / "He did not know how long she had worked there." and
    then the quote.  The sentence introduces who speaks next, so the quote takes that
    sentence's source (not the last speaker's, who may be paragraphs away).  Only a
    single person introduces so, in the sentence right before the quote, with nobody
    else the sentence is about ("Reporters asked Mayor X ...", "Police identified the
    victim as ...", "Surveillance video showed the gunman ..." are followed by someone
    else's words); otherwise nobody is named and the quote is left out."""
    anchor = c.anchor
    if anchor.source is None or anchor.refusal or anchor.cue_token is None:
        return None
    cue = doc[anchor.cue_token]
    before = doc.char_span(c.content[0], c.content[0] + 1, alignment_mode="expand")
    if before is None or before.start == 0 or doc[before.start - 1].sent != cue.sent \
            and not _adjacent_sentences(doc, cue.sent, before.start):
        return None
    if cue.lemma_.lower() in _ASKING or not _one_person(doc, *anchor.source) \
            or any(t.ent_type_ == "PERSON" for t in cue.sent
                   if not anchor.source[0] <= t.i < anchor.source[1]):
        return None
    c.inherit = False
    c.source, c.source_chars = anchor.source, anchor.source_chars
    return c


# Sentences that put a question or a name to someone, whose answer or words follow.
_ASKING = frozenset(("ask", "question", "identify", "release", "name", "describe", "show",
                     "quiz", "press", "interview", "call"))


def _adjacent_sentences(doc, sent, quote_start: int) -> bool:
    """The quote opens the sentence right after ``sent`` (only spaces between)."""
    return all(t.is_space or t.is_punct for t in doc[sent.end:quote_start])


def _one_person(doc, a: int, b: int) -> bool:
    """The source is one person: a name, "he"/"she", or a singular noun."""
    head = doc[a:b].root
    if head.lower_ in ("he", "she"):
        return True
    return head.tag_ in ("NN", "NNP") and head.ent_type_ in ("", "PERSON") \
        and not head.lower_ in ("police", "authorities")


def inside_parentheses(text: str, cue_start: int, content: tuple[int, int]) -> tuple[int, int]:
    """Content that begins inside the parentheses its cue is in ends at the closing
    mark: "(researchers say the illnesses may be unrelated) and regulators asked ...";
    the parser hangs what follows the parenthesis on the reporting verb."""
    start, end = content
    para = text.rfind("\n", 0, cue_start) + 1
    opened = text.rfind("(", para, cue_start)
    if opened < 0 or text.find(")", opened, cue_start) >= 0:
        return content
    closed = text.find(")", cue_start)
    if closed < 0 or "\n" in text[cue_start:closed]:
        return content
    if not opened < start < closed < end:
        return content  # "The plant will close (the company said)": the content is outside
    new_end = closed
    while new_end > start and text[new_end - 1] in " ,;":
        new_end -= 1
    return (start, new_end) if start < new_end else content


def _anchor(c: Candidate) -> int:
    """Resolve in reading order of the source/cue, so "He added" follows the name."""
    return min(c.content[0], c.cue[0]) if c.cue else c.content[0]


def _fallback_source(resolver: SpeakerResolver, doc, c: Candidate) -> None:
    """A finite cue verb the parser left without a subject: take the nearest name before it.

    This happens when the text lost a space ("...on X.Trump himself has vowed")
    and the tokenizer glued two sentences; the entity stage still finds the
    name inside the glued token, so its mention is the source.
    """
    cue = doc[c.cue_token]
    if cue.pos_ != "VERB" or cue.dep_ not in ("ROOT", "conj") or cue.tag_ in ("VBG", "VBN"):
        return
    lo = cue.sent.start_char
    rows = [r for r in resolver.index.inside(lo, cue.idx)
            if r[2].label == "PERSON" and r[3] != "pronoun" and r[1] <= cue.idx
            and not any(a <= r[0] < b for a, b in c.parts or [c.content])]
    # (a name inside the quoted words is not who quotes them)
    if rows:
        r = rows[-1]
        c.source_chars = (r[0], r[1])


def _resolve(resolver: SpeakerResolver, doc, c: Candidate, prev: Optional[Attribution]
             ) -> Resolution:
    if c.source_chars is not None:
        return resolver.resolve_chars(*c.source_chars)
    if c.source is not None and c.source[0] < c.source[1]:
        return resolver.resolve(*c.source)
    if c.inherit and prev is not None:
        ent = _entity(resolver, prev.speaker)
        return Resolution(ent, "speaker of the previous quote", prev.sourcing,
                          name=prev.speaker_name)
    if c.hedge is not None and c.source is None:
        return Resolution(None, "hedged claim with no source", "unattributed")
    return Resolution(None, "no source in the sentence", None)


def _entity(resolver: SpeakerResolver, ent_id: Optional[str]):
    if ent_id is None:
        return None
    for row in resolver.index.rows:
        if row[2].id == ent_id:
            return row[2]
    return None


def _channel(norm: str, c: Candidate) -> Optional[str]:
    """The first channel pattern found near the cue, outside the content."""
    lo = max(0, c.cue[0] - CHANNEL_WINDOW)
    hi = min(len(norm), c.cue[1] + CHANNEL_WINDOW)
    para_lo = norm.rfind("\n", 0, c.cue[0]) + 1
    para_hi = norm.find("\n", c.cue[1])
    lo = max(lo, para_lo)
    hi = min(hi, para_hi if para_hi >= 0 else hi)
    pieces = []
    if lo < c.content[0]:
        pieces.append(norm[lo:min(hi, c.content[0])])
    if c.content[1] < hi:
        pieces.append(norm[max(lo, c.content[1]):hi])
    frame = " | ".join(pieces)
    for name, pattern in channels():
        if pattern.search(frame):
            return name
    return None
