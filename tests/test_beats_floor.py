"""Other beats (our own gold over gunviolence and ecbplus articles): the attributions stage
stays above its pinned floors."""

from __future__ import annotations

import pytest

from newsgraph.eval import beats


@pytest.fixture(scope="module")
def result(shared_data):
    if not (shared_data / "gunviolence").is_dir() or not (shared_data / "ecbplus").is_dir():
        pytest.skip("gunviolence or ecbplus is not in ../shared/data")
    return beats.run(shared_data)


def test_every_labelled_article_is_read(result):
    assert result["docs"] == 90


@pytest.mark.parametrize("name", sorted(beats.FLOORS))
def test_floor(result, name):
    assert result[name] >= beats.FLOORS[name], (name, result[name])
