"""Pinned PLOVER scores on gsr-dev (skipped when ../shared/data is absent)."""

from newsgraph.eval import plover


def test_plover_floors(shared_data):
    result = plover.run(shared_data)
    for key, floor in plover.FLOORS.items():
        assert result[key] >= floor, f"{key} = {result[key]} fell below {floor}"
