"""Page furniture: captions, link lists, bylines and footers are found, news is not,
and the events stage codes no event inside furniture.  All texts written for these tests."""

import pytest

from newsgraph.model import Article
from newsgraph.pipeline import Analysis
from newsgraph.stages.furniture import find, furniture_of, in_furniture


def kinds(text: str) -> dict:
    return {p.span.text: p.kind for p in find(text)}


SPORTS = """Gulls take the title
By Jane Roe, Staff Writer
The Harbor City Gulls beat the Inland Hawks 3-1 on Sunday to win the league before a crowd of 20,000.
Coach Tom Reed praised his defence after the match. (Photo: Sam Vale/City Daily)
The Hawks protested a late penalty, but the referee waved them away.
RELATED: Hawks fire coach after loss | Gulls sign striker from rival club
Police arrested 40 fans after fights broke out near the stadium, a spokesman said.
Copyright 2024 City Daily. All rights reserved.
"""


def test_captions_lists_bylines_and_footers_are_furniture():
    found = kinds(SPORTS)
    assert found["By Jane Roe, Staff Writer"] == "byline"
    assert found["Coach Tom Reed praised his defence after the match. "
                 "(Photo: Sam Vale/City Daily)"] == "caption"
    assert found["RELATED: Hawks fire coach after loss | Gulls sign striker from rival club"] \
        == "list"
    assert found["Copyright 2024 City Daily. All rights reserved."] == "boilerplate"


def test_news_sentences_and_the_headline_are_not_furniture():
    pieces = find(SPORTS)
    for news in ("Gulls take the title", "The Harbor City Gulls beat",
                 "The Hawks protested", "Police arrested 40 fans"):
        start = SPORTS.index(news)
        assert not any(p.span.start <= start < p.span.end for p in pieces), news


def test_spans_index_the_original_text():
    for p in find(SPORTS):
        assert SPORTS[p.span.start:p.span.end] == p.span.text


def test_a_label_standing_alone_opens_a_list_of_headlines():
    text = ("The board approved the merger on Tuesday after a long debate among its members.\n\n"
            "More stories\n\n"
            "Bank fined over late reports\n\n"
            "Workers strike at the port for a second day\n\n"
            "Shares in the group rose 4% in early trading, traders said.\n")
    found = kinds(text)
    assert found.get("Bank fined over late reports") == "list"
    assert found.get("Workers strike at the port for a second day") == "list"
    assert "Shares in the group rose 4% in early trading, traders said." not in found


def test_a_label_over_running_text_is_not_a_list():
    text = ("Original story: The mayor said on Monday that the city would sue the water company "
            "over the outage that left thousands without service for a week.\n")
    assert find(text) == []


def test_a_list_the_story_introduces_is_the_story():
    text = ("Police gave the injured as follows after the attack on the market on Friday night.\n"
            "Those hurt:\n"
            "A man of 30 was stabbed in the arm\n"
            "A woman of 25 was hit on the head\n"
            "A boy of 15 was pushed to the ground\n")
    assert find(text) == []


def test_three_headlines_in_a_row_after_the_story_are_a_list():
    text = ("The company said its profit fell by a third in the last quarter of the year.\n"
            "Carmaker recalls 10,000 vans\n"
            "Union threatens strike over pay\n"
            "Retailer closes 40 stores\n")
    found = kinds(text)
    assert found.get("Union threatens strike over pay") == "run"
    assert len(found) == 3


def test_gallery_counters_and_trailing_credits_mark_captions():
    text = ("Image 2 of 9 Officers search a car near the bridge on Monday.\n"
            "The judge sentenced the former treasurer to six years in prison. Ann Lee/Metro News\n"
            "The judge said the thefts had betrayed the town.\n")
    found = kinds(text)
    assert found["Image 2 of 9 Officers search a car near the bridge on Monday."] == "caption"
    assert found["The judge sentenced the former treasurer to six years in prison. "
                 "Ann Lee/Metro News"] == "caption"
    assert "The judge said the thefts had betrayed the town." not in found


def test_a_credit_ends_the_caption_and_the_story_after_it_stays():
    text = ("Fire crews at the mill (Photo: Tim Bell) The fire destroyed the old mill on Sunday, "
            "officials said. No one was hurt, they said.\n")
    pieces = find(text)
    assert [p.span.text for p in pieces] == ["Fire crews at the mill (Photo: Tim Bell)"]


def test_sign_up_and_contact_lines():
    text = ("The council voted 7-2 to raise the tax, the clerk said after the meeting.\n"
            "Sign up for our morning newsletter.\n"
            "Contact Ann Lee at ann@example.com.\n")
    found = kinds(text)
    assert found["Sign up for our morning newsletter."] == "boilerplate"
    assert found["Contact Ann Lee at ann@example.com."] == "contact"


def test_in_furniture_and_furniture_of():
    analysis = Analysis(Article(id="t", text=SPORTS))
    spans = furniture_of(analysis)
    assert analysis.furniture is spans  # found once, kept on the analysis
    caption = SPORTS.index("Coach Tom Reed")
    assert in_furniture(spans, caption)
    assert not in_furniture(spans, SPORTS.index("Police arrested"))
    assert not in_furniture([], 0)


@pytest.fixture(scope="module")
def court(pipeline):
    text = ("Former mayor jailed for fraud\n\n"
            "A judge sentenced former mayor Carl Dunn to four years in prison on Friday for "
            "stealing city funds.\n\n"
            "Dunn was arrested in March after an audit, prosecutors said.\n\n"
            "Carl Dunn leaves court after the hearing. (Photo: Ann Lee/Metro News)\n\n"
            "RELATED: Police arrest two men after bank robbery | Judge jails driver for crash\n\n"
            "Copyright 2024 Metro News. All rights reserved.\n")
    return text, pipeline.analyze(Article(id="court", text=text, published="2024-05-10"))


def test_events_stage_codes_no_event_in_furniture(court):
    text, analysis = court
    related = text.index("RELATED:")
    caption = text.index("Carl Dunn leaves")
    assert all(not (related <= e.trigger.start < related + 80) for e in analysis.events)
    assert all(not (caption <= e.trigger.start < caption + 60) for e in analysis.events)
    assert analysis.furniture and all(text[s.start:s.end] == s.text for s in analysis.furniture)


def test_events_stage_keeps_the_news(court):
    text, analysis = court
    triggers = {e.trigger.text.lower() for e in analysis.events}
    assert "arrested" in triggers
    assert any(e.trigger.start == text.index("sentenced") for e in analysis.events)


def test_a_footer_glued_to_a_paragraph_takes_only_its_own_sentence():
    text = ("The board met on Monday to discuss the plan, the chairman said in a statement.\n"
            "\u00a9 2024 Metro News. The chairman was charged with fraud in 2019, records show.\n")
    pieces = find(text)
    assert [p.span.text for p in pieces] == ["\u00a9 2024 Metro News."]


def test_video_playlists_and_video_captions():
    text = ("Police said the driver fled on foot after the crash on the ring road on Monday.\n"
            "2:07 Mayor speaks after bridge collapse\n"
            "Two men were hurt when a crane fell on a lorry. (Published Monday, May 6, 2024)\n"
            "\u25ba Related: Council delays vote on new bridge\n"
            "The hearing is set for 2:30 p.m. on Friday, the court said in a notice.\n")
    found = kinds(text)
    assert found["2:07 Mayor speaks after bridge collapse"] == "list"
    assert found["Two men were hurt when a crane fell on a lorry. "
                 "(Published Monday, May 6, 2024)"] == "caption"
    assert found["\u25ba Related: Council delays vote on new bridge"] == "list"
    assert "The hearing is set for 2:30 p.m. on Friday, the court said in a notice." not in found


def test_short_news_lines_opening_with_by_or_a_cue_word_are_not_furniture():
    text = ("Two held after shop fire\n"
            "By Tuesday, police had arrested two men and charged them with arson.\n"
            "Subscribers who lost power were told to expect repairs by noon.\n"
            "By Maria Lopez\n")
    found = kinds(text)
    assert found == {"By Maria Lopez": "byline"}


def test_a_long_line_of_capitalised_and_joining_words_is_read_without_backtracking():
    # with "and"/"the" matching two ways the byline pattern backtracked for minutes here
    text = "By " + "The Town and the City of the " * 12 + 'said "nothing".\n'
    assert find(text) == [] or all(p.kind != "byline" for p in find(text))
