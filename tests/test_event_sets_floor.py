"""Pinned event scores on the locked halves of every event set (skipped without ../shared/data)."""

from newsgraph.eval import events_sets_bench as bench
from newsgraph.eval.runner import above_ceilings, below_floors


def test_event_sets_floors_and_ceilings(shared_data):
    result = bench.run(shared_data)
    assert not below_floors(result, bench.FLOORS)
    assert not above_ceilings(result, bench.CEILINGS)


def test_uncertain_gold_events_are_optional():
    from newsgraph.eval.events_sets import GoldEvent, Item

    class _Span:
        def __init__(self, s, e):
            self.start, self.end = s, e

    class _Ev:
        def __init__(self, etype, s, e):
            self.type, self.trigger, self.actor = etype, _Span(s, e), None

    class _An:
        def __init__(self, events):
            self.events, self.doc = events, None

    item = Item("written:x:1", "written", "Police held him and may have beaten him.",
                [GoldEvent("COERCE", (7, 11)), GoldEvent("ASSAULT", (25, 31), uncertain=True)],
                True)
    found_both = bench.score_item(item, _An([_Ev("COERCE", 7, 11), _Ev("ASSAULT", 25, 31)]))
    assert (found_both["tp"], found_both["fp"], found_both["fn"]) == (1, 0, 0)
    only_sure = bench.score_item(item, _An([_Ev("COERCE", 7, 11)]))
    assert (only_sure["tp"], only_sure["fp"], only_sure["fn"]) == (1, 0, 0)
    wrong = bench.score_item(item, _An([_Ev("PROTEST", 0, 6)]))
    assert (wrong["tp"], wrong["fp"], wrong["fn"]) == (0, 1, 1)
