"""The embedded store: the only code that speaks SQL."""

from .db import Store

__all__ = ["Store"]
