"""PolNeAR dev: the attributions stage stays above its pinned floors and within budget."""

from __future__ import annotations

import pytest

from newsgraph.eval import polnear


@pytest.fixture(scope="module")
def result(shared_data):
    if not (shared_data / "polnear" / "dev").is_dir():
        pytest.skip("PolNeAR dev is not in ../shared/data")
    return polnear.run(shared_data)


@pytest.mark.parametrize("name", sorted(polnear.FLOORS))
def test_floor(result, name):
    assert result[name] >= polnear.FLOORS[name], (name, result[name])


def test_stage_cost_within_budget(result):
    """The stage adds at most 25% to the parse time (issue 4)."""
    assert result["stage_pct_of_parse"] <= 25.0
