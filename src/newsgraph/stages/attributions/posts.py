"""Social posts embedded in a page: the post's text, then "— Name (@handle) Month D, YYYY".

A page that embeds a post prints, where the widget stood, the post's own words followed by
a dash, the author's name, the handle in parentheses and the date.  The author said those
words, verbatim, but nothing marks them as speech: no quotation marks for the direct pass,
no verb for the indirect one.  Over the gun-violence set about 230 such signatures stand in
about 90 articles (police forces, reporters, mayors); an audit counted three of them missed
in one article.  PolNeAR annotates them the same way (the dash as cue, the name as source).

The post is the text from the start of its line (or the previous signature) to the dash,
less a trailing picture or short link; its author is the name, resolved as any source is.
"""

from __future__ import annotations

import re

from .direct import Candidate
from .syntax import token_at

# dash, author, "(@handle)", a date written out: the widget's fixed signature
_SIGNED = re.compile(
    r"(?P<dash>[\u2014\u2013]|--?)[^\S\n]*(?P<name>[^\n()@\u2014\u2013]{2,60}?)[^\S\n]*"
    r"\(@\w{1,30}\)[^\S\n]*[A-Z][a-z]{2,9}\.? \d{1,2}, \d{4}")
# what the widget leaves at the end of the post's text
_LINKS = re.compile(r"(?:\s*(?:pic\.twitter\.com/\w+|https?://\S+|t\.co/\w+))+\s*$")
MIN_WORDS = 3
_OPENING_TAG = re.compile(r"\s*<[a-z][^<>\n]{0,300}>")


def signed_posts(analysis, kept: list[Candidate]) -> list[Candidate]:
    """One direct candidate per embedded post of the article not already taken."""
    doc, norm = analysis.doc, analysis.norm
    taken = {c.content for c in kept}
    found = []
    last_end = 0
    for m in _SIGNED.finditer(norm):
        start = max(norm.rfind("\n", 0, m.start()) + 1, last_end)
        last_end = m.end()
        tag = _OPENING_TAG.match(norm, start, m.start())
        if tag:  # a corpus's markup around the post: '<tweet id="..." author="@x">'
            start = tag.end()
        text = norm[start:m.start()]
        trimmed = _LINKS.sub("", text).rstrip()
        lead = len(trimmed) - len(trimmed.lstrip())
        a, b = start + lead, start + len(trimmed)
        if len(norm[a:b].split()) < MIN_WORDS or (a, b) in taken:
            continue
        source = _name_tokens(doc, m.start("name"), m.end("name"))
        if source is None:
            continue
        dash = (m.start("dash"), m.end("dash"))
        found.append(Candidate("direct", (a, b), dash, None, source,
                               source_start=doc[source[0]].idx, parts=[(a, b)],
                               author=m.group("name").strip()))
    return found


def _name_tokens(doc, start: int, end: int):
    """Token range of the author's name, or None when it is not whole tokens."""
    first, last = token_at(doc, start), token_at(doc, end - 1)
    if first is None or last is None or last.i < first.i:
        return None
    return first.i, last.i + 1
