"""A light tokenizer for the quantity scanner (spaCy splits '$4.2bn' and '5-10W' unevenly).

``Toks`` keeps parallel lists of token texts, lower-cased texts and character
offsets; ``attached(i)`` says token ``i`` touches the one before it, which is
how "25k" (a scale) is told from "25 k".
"""

from __future__ import annotations

from typing import Iterator

from .lexicon import TOKEN_RE


class Toks:
    __slots__ = ("text", "low", "start", "end")

    def __init__(self, text: str):
        self.text: list[str] = []
        self.start: list[int] = []
        self.end: list[int] = []
        for m in TOKEN_RE.finditer(text):
            self.text.append(m.group())
            self.start.append(m.start())
            self.end.append(m.end())
        self.low = [s.lower() for s in self.text]

    def __len__(self) -> int:
        return len(self.text)

    def attached(self, i: int) -> bool:
        """Token ``i`` follows token ``i-1`` with no space between them."""
        return 0 < i < len(self.text) and self.start[i] == self.end[i - 1]

    def phrases_before(self, i: int, lower: bool) -> Iterator[tuple[int, tuple[str, ...]]]:
        """The 3-, 2- and 1-token phrases ending right before token ``i``, longest first:
        (first token index, texts), lower-cased when ``lower``."""
        texts = self.low if lower else self.text
        for k in range(max(i - 3, 0), i):
            yield k, tuple(texts[k:i])

    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.text) and self.text[i][0].isalpha()

    def is_digit(self, i: int) -> bool:
        return 0 <= i < len(self.text) and self.text[i][0].isdigit()
