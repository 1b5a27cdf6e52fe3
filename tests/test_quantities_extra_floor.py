"""The extra quantity sets (issue 15): the stage keeps its measured quality (data read from ../shared)."""

from __future__ import annotations

from newsgraph.eval import quantities_extra
from newsgraph.eval.runner import lookup


def test_quantities_extra_floors(shared_data):
    result = quantities_extra.run(shared_data)
    for key, floor in quantities_extra.FLOORS.items():
        got = lookup(result, key)
        assert got >= floor, f"{key} = {got} fell below the floor {floor}"
    assert set(result["sets"]) == {"age", "currency", "dimension", "temperature", "percent"}
    assert result["halves"]["tuning"]["sentences"] + result["halves"]["locked"]["sentences"] == result["sentences"]
