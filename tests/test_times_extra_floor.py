"""The extra date-time sets (issue 15): the times stage keeps its measured quality on the
Recognizers-Text specs and the SynTime tweets (data read from ../shared; skips without it)."""

from __future__ import annotations

from newsgraph.eval import times_extra
from newsgraph.eval.runner import lookup


def test_times_extra_floors(shared_data):
    result = times_extra.run(shared_data)
    for key, floor in times_extra.FLOORS.items():
        got = lookup(result, key)
        assert got >= floor, f"{key} = {got} fell below the floor {floor}"
    for name, r in result["sets"].items():
        halves = r["halves"]
        assert halves["tuning"]["docs"] + halves["locked"]["docs"] == r["docs"], name
        assert min(halves["tuning"]["docs"], halves["locked"]["docs"]) > 0.4 * r["docs"], name


def test_recognizers_values_are_compared_in_their_timeml_forms():
    assert times_extra._comparable("(2018-03-23,2018-12-23,P9M)") == ["P9M"]
    assert times_extra._comparable("2018-05-14 11:00:00") == ["2018-05-14T11:00"]
    assert times_extra._comparable("2018-03-23/2018-12-23") == []
    assert times_extra._comparable("7200") == []
    assert times_extra._comparable("XXXX-WXX-2") == ["XXXX-WXX-2"]


def test_syntime_values_read_in_standard_spelling():
    std = times_extra.standard_value
    assert std("2013-XX-XX") == "2013"
    assert std("2013-10-W40") == "2013-W40"
    assert std("2014-W45-WE") == "2014-W45-WE"
    assert std("2013-11-3") == "2013-11-03"
    assert std("2012-06-15-WXX-5TNI") == "2012-06-15TNI"
    assert std("2011-11-26-WXX-6") == "2011-11-26"
    assert std("P12H") == "PT12H"
    assert std("P1D-#1") == "P1D"
    assert std("2012-05-15T:07:30") == "2012-05-15T07:30"
    assert std("XXXX-WE") == "XXXX-WXX-WE"
    assert std("2013-11-23T00:00") == "2013-11-23T00:00"  # standard values stay as they are
    assert std("P2M") == "P2M"
