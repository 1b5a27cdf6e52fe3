"""PolNeAR dev: the entities stage covers the named sources and stays within its budget."""

from __future__ import annotations

import pytest

from newsgraph.eval import entities


@pytest.fixture(scope="module")
def result(shared_data):
    if not (shared_data / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev is not in ../shared/data")
    return entities.run(shared_data)


@pytest.mark.parametrize("name", sorted(entities.FLOORS))
def test_floor(result, name):
    assert result[name] >= entities.FLOORS[name], (name, result[name])


def test_stage_cost_within_budget(result):
    """The stage adds at most 5% to the parse time (issue 3, entities)."""
    assert result["stage_pct_of_parse"] <= entities.BUDGET_PCT
