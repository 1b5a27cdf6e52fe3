"""Turn one grammar match into a TIMEX3 type and value.

Every handler takes the regex match and a :class:`Context` (anchor date,
parse, the last quarter mentioned) and returns ``(type, value)`` or None to
reject the match (a number that is not a year, "May" the modal verb, ...).
``HANDLERS`` maps each rule kind of :mod:`.patterns` to its handler.
"""

from __future__ import annotations

from . import dates, relative
from .context import Context

HANDLERS = {name[2:]: fn for module in (dates, relative) for name, fn in vars(module).items()
            if name.startswith("h_") and callable(fn)}
HANDLERS["mdy"] = HANDLERS["dmy"] = dates.h_date

__all__ = ["Context", "HANDLERS"]
