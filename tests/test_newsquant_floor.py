"""NewsQuant dev: the quantities stage keeps its measured quality (data read from ../shared)."""

from __future__ import annotations

from newsgraph.eval import newsquant
from newsgraph.eval.runner import lookup


def test_newsquant_floors(shared_data):
    result = newsquant.run(shared_data)
    for key, floor in newsquant.FLOORS.items():
        got = lookup(result, key)
        assert got >= floor, f"{key} = {got} fell below the floor {floor}"


def test_gold_value_parsing_and_unit_normalisation():
    assert newsquant.parse_gold_value("252.0-287.0") == (252.0, 287.0)
    assert newsquant.parse_gold_value("4.8-4.7") == (4.7, 4.8)
    assert newsquant.parse_gold_value("-1.3") == (-1.3,)
    assert newsquant.parse_gold_value("2.998E-08") == (2.998e-08,)
    from newsgraph.stages.quantities.lexicon import lexicon

    canon = lexicon().canonical
    assert newsquant.norm_unit("%", canon) == "percentage"
    assert newsquant.norm_unit("$", canon) == "dollar"
    assert newsquant.norm_unit("km", canon) == "kilometre"
    assert newsquant.norm_unit("$ a month", canon) == "dollar per month"
    assert newsquant.norm_unit("Liverpool fans", canon) == "liverpool fan"
    assert newsquant.norm_unit(None, canon) == newsquant.norm_unit("-", canon) == "-"


def test_a_canonical_unit_name_normalises_to_itself():
    from newsgraph.stages.quantities.lexicon import lexicon

    canon = lexicon().canonical
    assert newsquant.norm_unit("indian rupee", canon) == "indian rupee"
    assert newsquant.norm_unit("rupees", canon) == "indian rupee"
