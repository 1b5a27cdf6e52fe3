"""Errors newsgraph raises, each with a message that says what to do next.

    NewsgraphError
    ├── ArticleError          one input item is unusable; the batch goes on
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingError
    │   ├── TooLargeError
    │   ├── NotEnglishError
    │   ├── BadRecordError     a JSON Lines line that is not a valid article
    │   └── FetchError         a URL could not (or may not) be fetched
    ├── PipelineOrderError     stages declared in an impossible order
    ├── StoreError             the database cannot be opened or migrated
    └── NotFoundError          a stored article, story or entity asked for does not exist
"""

from __future__ import annotations

from typing import Optional


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class ArticleError(NewsgraphError):
    """One item could not be analysed; carries the item's id and a short code."""

    code = "bad-article"

    def __init__(self, message: str, *, article_id: Optional[str] = None,
                 code: Optional[str] = None, origin: Optional[str] = None,
                 content_hash: Optional[str] = None):
        super().__init__(message)
        self.article_id = article_id
        self.origin = origin
        self.content_hash = content_hash  # set when a read article failed in analysis
        if code:
            self.code = code

    def line(self) -> str:
        """The one-line report printed for this item."""
        where = self.origin or self.article_id or "?"
        return f"{where}: {self.code}: {self}"


class EmptyInputError(ArticleError):
    code = "empty"


class BinaryInputError(ArticleError):
    code = "binary"


class EncodingError(ArticleError):
    code = "encoding"


class TooLargeError(ArticleError):
    code = "too-large"


class NotEnglishError(ArticleError):
    code = "not-english"


class BadRecordError(ArticleError):
    code = "bad-record"


class FetchError(ArticleError):
    code = "fetch"


class PipelineOrderError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    pass


class NotFoundError(NewsgraphError):
    """A stored article, story or corpus entity that was asked for by id does not exist."""
