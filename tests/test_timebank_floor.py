"""Pinned quality floors of the times stage on TimeBank + AQUAINT (skips without the data)."""

from __future__ import annotations

import pytest

from newsgraph.eval import timebank


@pytest.fixture(scope="module")
def result(shared_data):
    return timebank.run(shared_data)


@pytest.mark.parametrize("name", sorted(timebank.FLOORS))
def test_floor(result, name):
    assert result["scores"][name] >= timebank.FLOORS[name], (name, result["scores"])

