"""JSON Schemas of the data model, read off the dataclasses in :mod:`newsgraph.model`.

The API documents its responses with these, so the OpenAPI description is the data
model itself (in its ``to_dict`` form), never a second copy kept by hand.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Optional, Union

from . import model

RECORDS = {"entities": model.Entity, "attributions": model.Attribution,
           "events": model.Event, "times": model.TimeExpression,
           "quantities": model.Quantity}
_SCALARS = {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"},
            bool: {"type": "boolean"}, Any: {}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _of_type(hint: Any, found: dict[str, dict]) -> dict:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _of_type(args[0], found) if len(args) == 1 else {
            "anyOf": [_of_type(a, found) for a in args]}
        return {"anyOf": [inner, {"type": "null"}]}
    if origin is list:
        return {"type": "array", "items": _of_type(typing.get_args(hint)[0], found)}
    if origin is dict:
        return {"type": "object",
                "additionalProperties": _of_type(typing.get_args(hint)[1], found)}
    if dataclasses.is_dataclass(hint):
        add(hint, found)
        return _ref(hint.__name__)
    if hint is float:  # JSON has one number type: 3 is a valid float
        return {"type": "number"}
    return dict(_SCALARS[hint])


def add(cls: type, found: dict[str, dict]) -> None:
    """Add the schema of dataclass ``cls`` (and of those it holds) to ``found``."""
    if cls.__name__ in found:
        return
    found[cls.__name__] = {}  # placeholder against cycles
    hints = typing.get_type_hints(cls)
    properties: dict[str, dict] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if f.name == "span" and getattr(cls, "FLAT_SPAN", False):
            for name in ("start", "end"):
                properties[name] = {"type": "integer"}
            properties["text"] = {"type": "string"}
            required += ["start", "end", "text"]
            continue
        properties[f.name] = _of_type(hint, found)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)  # a field added later may be absent from older records
    found[cls.__name__] = {"type": "object", "title": cls.__name__,
                           "description": (cls.__doc__ or "").strip().split("\n\n")[0],
                           "properties": properties, "required": required}


def of(cls: type) -> dict[str, dict]:
    """Schemas of ``cls`` and every dataclass it holds, by name."""
    found: dict[str, dict] = {}
    add(cls, found)
    return found


def analysed_article(extra: Optional[dict[str, dict]] = None) -> tuple[dict, dict]:
    """The schema of one article with all its records: the ``analyze --json`` form, plus
    ``extra`` properties (a stored article's story and copies); and the record schemas."""
    found: dict[str, dict] = {}
    properties: dict[str, Any] = {}
    hints = typing.get_type_hints(model.Article)
    for f in dataclasses.fields(model.Article):
        if f.name != "origin":
            properties[f.name] = _of_type(hints[f.name], found)
    for name, cls in RECORDS.items():
        add(cls, found)
        properties[name] = {"type": "array", "items": _ref(cls.__name__)}
    required = list(properties)
    properties.update(extra or {})
    return {"type": "object", "properties": properties, "required": required}, found
