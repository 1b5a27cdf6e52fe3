"""PolNeAR dev: the attributions stage stays above its pinned floors (its cost
against the 25% budget is a benchmark figure: `make bench`)."""

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

