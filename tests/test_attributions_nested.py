"""Reports inside reports (stages/attributions/nested.py): kept as records of their own,
each pointing at its outer record by ``within``."""

from __future__ import annotations


def _by_cue(analysis, cue):
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def test_a_relative_clause_report_inside_a_claim(analyze):
    a = analyze("The sheriff said the girl, who deputies say was shot by her brother, died at "
                "a hospital on Sunday.")
    outer, inner = _by_cue(a, "said"), _by_cue(a, "say")
    assert outer.source.text == "The sheriff" and outer.within is None
    assert "who deputies say" in outer.content.text  # the outer record keeps its whole claim
    assert inner.source.text == "deputies"
    assert inner.content.text == "was shot by her brother"
    assert inner.within == outer.id
    assert inner.to_dict()["within"] == outer.id


def test_what_a_witness_told_the_police_inside_the_police_account(analyze):
    a = analyze("Detectives said the woman told them her husband had fired the first shot.")
    outer, inner = _by_cue(a, "said"), _by_cue(a, "told")
    assert outer.source.text == "Detectives"
    assert inner.source.text == "the woman"
    assert inner.content.text == "her husband had fired the first shot"
    assert inner.within == outer.id


def test_a_refusal_inside_a_claim_is_no_report(analyze):
    a = analyze("Police said the driver did not tell officers where he had been that night.")
    assert [x.cue.text for x in a.attributions] == ["said"]
    assert a.attributions[0].within is None


def test_a_plan_inside_a_claim_is_no_report(analyze):
    a = analyze("Investigators said the shooter planned to leave the state on Friday.")
    assert [x.cue.text for x in a.attributions] == ["said"]


def test_political_news_keeps_the_inner_report_in_the_outer_one(analyze):
    # PolNeAR's convention, which the stage follows in political news; the same sentence
    # shape outside politics makes two records
    shop = analyze("The manager said the owner told workers the new store would open before "
                   "the holiday season in the shopping district.")
    assert _by_cue(shop, "told").within == _by_cue(shop, "said").id
    a = analyze("The senator said the governor told lawmakers the election budget would "
                "pass the legislature before the campaign for the presidential primary.")
    assert [x.cue.text for x in a.attributions] == ["said"]
