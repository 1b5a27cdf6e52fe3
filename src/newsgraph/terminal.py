"""Untrusted text made safe to show on a terminal.

Article text, ids, titles, file names and option values can hold terminal escape sequences
(ESC ``[31m``, the one-byte CSI ``\\x9b``), a bell, a carriage return that overwrites the
line, or bidirectional overrides that make a line read differently from what it holds.
Everything newsgraph prints *for people* goes through :func:`printable` (or :func:`safe`,
its rich ``Text`` form, which is never read as rich markup): such characters are shown
escaped (``\\x1b``, ``\\u202e``) instead of being sent to the terminal.  Machine output
(JSON, JSON Lines, CSV) carries the data exactly and does not use this module.
"""

from __future__ import annotations

import re
from typing import Optional

from rich.text import Text

# C0 controls (tab and newline too: one item, one line), DEL, C1 controls (\x9b is a CSI),
# the bidi marks, embeddings, overrides and isolates, and the line/paragraph separators.
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """``text`` as a string with every control or bidi character shown as an escape."""
    return UNSAFE.sub(_escaped, text if isinstance(text, str) else str(text))


def safe(text: object, style: Optional[str] = None) -> Text:
    """A rich ``Text`` of :func:`printable` ``text``: literal, never parsed as markup."""
    return Text(printable(text), style=style or "")
