"""Syndicated-copy detection on short invented articles, plus the benchmark's floors.

Every text here was written for these tests (no real article is quoted)."""

from __future__ import annotations

import time

import pytest

from newsgraph.corpus import CorpusArticle
from newsgraph.corpus.copies import CopyFeatures, CopyIndex, copy_features
from newsgraph.eval import copies as bench

FERRY = [
    "A passenger ferry ran aground on a sandbar near Gull Island on Tuesday morning, leaving "
    "about 140 travellers stranded for several hours in choppy water, the harbour authority said.",
    "Coast guard crews reached the vessel shortly after nine o'clock and began moving "
    "passengers onto two smaller boats, starting with families and older travellers.",
    "Nobody was seriously hurt, although three people were treated for mild hypothermia at the "
    "pier, according to a spokeswoman for the regional ambulance service.",
    "The ferry operator said the captain had followed the usual route and that an unusually low "
    "tide, combined with shifting sand after last week's storm, was the likely cause.",
    "Inspectors from the maritime safety board will examine the hull on Wednesday before the "
    "vessel is allowed to return to service on the island route.",
    "Service between the mainland and Gull Island will run on a reduced timetable until then, "
    "with a chartered boat covering the morning and evening crossings for commuters.",
]

# Same event, written independently by another outlet: a hard negative.
FERRY_OTHER = [
    "Dozens of people spent a cold morning waiting on a grounded ferry off Gull Island after "
    "the boat struck a sandbank in rough seas, rescuers said.",
    "Rescue boats shuttled the stranded travellers back to the harbour over roughly three "
    "hours; paramedics checked a few of them for exposure to the cold.",
    "Local residents blamed the accident on dredging that was postponed this spring, a "
    "complaint the port's managers rejected at a brief news conference in the afternoon.",
    "The company running the crossing apologised to its customers and promised refunds for "
    "every ticket sold for Tuesday, while investigators prepare to inspect the damaged hull.",
    "A temporary boat will carry commuters between the island and the mainland for the rest "
    "of the week while the investigation continues, the company added.",
]

LIBRARY = [
    "The city library will stay open until midnight during the exam season, the council "
    "announced on Thursday after a petition signed by more than two thousand students.",
    "Extra staff will be hired for the late shifts, and the reading rooms on the second floor "
    "will be reserved for quiet study between eight in the evening and closing time.",
    "The pilot scheme will cost roughly forty thousand dollars and be reviewed in the summer, "
    "when officials will decide whether to repeat it in the autumn semester.",
    "Student representatives welcomed the decision but asked for a later bus service so that "
    "people leaving the building after midnight can get home safely.",
]

BOILERPLATE = [
    "Sign up for our daily newsletter to receive the most important local headlines in your "
    "inbox every single morning before work.",
    "Comments on this article are moderated and may take some time to appear while our team "
    "reviews them for civility and relevance.",
    "Copyright 2024 Example Media Group. All rights reserved.",
    "Share this article", "Facebook", "Twitter", "Email",
]


def art(key: str, paragraphs: list[str], published: str = "2024-03-05", title: str = "",
        seq: int = 0) -> CorpusArticle:
    return CorpusArticle(key=key, id=key, text="\n\n".join(paragraphs), title=title,
                         published=published, seq=seq)


def link(*articles: CorpusArticle) -> tuple[CopyIndex, list]:
    """Add articles in the given (arrival) order; rank = (published, arrival)."""
    index = CopyIndex()
    matches = [index.add(a.key, (a.published or "9999-99-99", n), copy_features(a))
               for n, a in enumerate(articles)]
    return index, matches


def test_copy_with_new_headline_and_dateline_is_grouped():
    original = art("orig", FERRY, title="Ferry runs aground off Gull Island")
    copy = art("copy", ["PORT HAVEN (AP) \u2014 " + FERRY[0]] + FERRY[1:],
               title="Stranded: 140 rescued from ferry", published="2024-03-06")
    index, (first, second) = link(original, copy)
    assert first is None
    assert second is not None and second.group == "orig"
    assert second.score >= 0.9
    assert sorted(second.members) == ["copy", "orig"]


def test_truncated_copy_is_grouped():
    index, (_, m) = link(art("orig", FERRY), art("cut", FERRY[:3]))
    assert m is not None and m.group == "orig"


def test_copy_with_dropped_and_added_paragraphs_and_edited_lede_is_grouped():
    edited = ([FERRY[0].replace("on Tuesday morning", "Tuesday").replace("said", "says")]
              + [FERRY[1], FERRY[3]]
              + ["Editor's note: the Island Gazette will publish the revised timetable for "
                 "the crossing in Thursday's print edition and on its website."]
              + FERRY[4:] + BOILERPLATE)
    index, (_, m) = link(art("orig", FERRY), art("edited", edited))
    assert m is not None and m.group == "orig"


def test_copy_with_a_word_edit_in_every_paragraph_is_grouped_by_minhash():
    edited = [p.replace(" the ", " a ", 1) for p in FERRY]
    index, (_, m) = link(art("orig", FERRY), art("reworded", edited))
    assert m is not None and m.tier == "minhash"


def test_group_is_named_by_the_earliest_ranked_article_even_when_it_arrives_later():
    late = art("late", FERRY[:4], published="2024-03-07")
    early = art("early", FERRY, published="2024-03-05")
    index, (first, second) = link(late, early)
    assert first is None
    assert second.group == "early"
    assert sorted(second.members) == ["early", "late"]
    assert index.group_of("late") == index.group_of("early") == "early"
    assert index.score_of("early") > 0 and index.score_of("late") == 0.0


def test_groups_are_transitive_and_keep_their_name():
    a = art("a", FERRY[:4], published="2024-03-05")
    b = art("b", FERRY, published="2024-03-06")
    c = art("c", FERRY[3:], published="2024-03-07")  # shares nothing but FERRY[3] with a
    index, (_, mb, mc) = link(a, b, c)
    assert mb.group == "a" and mc.group == "a"
    assert sorted(mc.members) == ["a", "b", "c"]


def test_different_articles_on_the_same_event_are_not_grouped():
    index, matches = link(art("one", FERRY), art("two", FERRY_OTHER))
    assert matches == [None, None]
    assert index.group_of("two") is None


def test_shared_boilerplate_does_not_group_different_articles():
    index, matches = link(art("ferry", FERRY[:3] + BOILERPLATE),
                          art("library", LIBRARY + BOILERPLATE),
                          art("ferry2", FERRY_OTHER + BOILERPLATE))
    assert matches == [None, None, None]


def test_page_that_is_only_known_boilerplate_matches_nothing():
    """Once a notice has turned up in unrelated articles, a page made of it alone is empty."""
    notice = BOILERPLATE[:2] + [
        "Please enable JavaScript in your browser settings and reload the page to watch the "
        "video that goes with this story about the weather."]
    index, matches = link(art("ferry", FERRY + notice), art("library", LIBRARY + notice),
                          art("other", FERRY_OTHER + notice), art("empty", notice))
    assert matches == [None, None, None, None]


def test_tiny_texts_are_never_grouped():
    tiny = art("tiny", ["Ferry runs aground.", "More to follow."])
    assert copy_features(tiny).empty
    index, matches = link(tiny, art("tiny2", ["Ferry runs aground.", "More to follow."]))
    assert matches == [None, None]
    empty = art("empty", [""])
    assert copy_features(empty).empty


def test_features_round_trip_through_bytes():
    f = copy_features(art("orig", FERRY + BOILERPLATE))
    blob = f.to_bytes()
    assert isinstance(blob, bytes) and len(blob) < 600
    assert CopyFeatures.from_bytes(blob) == f
    tiny = copy_features(art("tiny", ["Short."]))
    assert CopyFeatures.from_bytes(tiny.to_bytes()) == tiny


def test_features_ignore_typography_and_the_title():
    plain = art("a", FERRY, title="One headline")
    curly = art("b", [p.replace("'", "\u2019") for p in FERRY], title="Another headline")
    assert copy_features(plain) == copy_features(curly)


def test_same_articles_in_same_order_give_identical_results():
    arts = [art("orig", FERRY), art("cut", FERRY[:3], published="2024-03-04"),
            art("other", FERRY_OTHER), art("lib", LIBRARY),
            art("lib2", ["CAPITAL CITY \u2014 " + LIBRARY[0]] + LIBRARY[1:3])]
    first, m1 = link(*arts)
    second, m2 = link(*arts)
    assert [(m.group, m.score, m.members) if m else None for m in m1] == \
           [(m.group, m.score, m.members) if m else None for m in m2]
    assert first.groups() == second.groups() == {"cut": ["orig", "cut"], "lib": ["lib", "lib2"]}


def test_benchmark_reaches_its_floors_on_a_limited_run(shared_data):
    if not (shared_data / "gunviolence").is_dir():
        pytest.skip("gunviolence is not in ../shared/data")
    started = time.perf_counter()
    result = bench.run(shared_data, limit=1500)
    assert time.perf_counter() - started < 30
    for key, floor in bench.FLOORS.items():
        assert result[key] >= floor, (key, result[key], floor)


def test_story_body_leaves_out_known_boilerplate_and_page_furniture():
    """What story clustering reads: the reporting, not the notices every page carries."""
    index, _ = link(art("ferry", FERRY[:3] + BOILERPLATE), art("library", LIBRARY + BOILERPLATE),
                    art("other", FERRY_OTHER + BOILERPLATE))
    body = index.substantive_text("\n\n".join(FERRY_OTHER[:2] + BOILERPLATE))
    assert FERRY_OTHER[0] in body and FERRY_OTHER[1] in body
    assert "newsletter" not in body and "moderated" not in body  # seen in unrelated articles
    assert "Facebook" not in body and "Copyright" not in body  # short lines and notices
    fresh = CopyIndex().substantive_text("\n\n".join(LIBRARY[:1] + BOILERPLATE[:1]))
    assert "newsletter" in fresh  # not yet known to be boilerplate: kept


def test_a_brief_in_short_lines_keeps_its_whole_text_for_stories():
    brief = "Ferry sinks off Crete.\nTwelve passengers are missing.\nCoast guard searches overnight."
    assert CopyIndex().substantive_text(brief) == brief
