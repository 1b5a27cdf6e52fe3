"""PolNeAR dev: the entities stage covers the named sources (stage cost is a benchmark figure, see `make bench`)."""

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

