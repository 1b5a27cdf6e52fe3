"""Reports of reports and trailing frames: short invented articles."""

from __future__ import annotations

import pytest


def _by_cue(analysis, cue):
    found = [a for a in analysis.attributions if a.cue is not None and a.cue.text == cue]
    assert len(found) == 1, [(a.cue and a.cue.text, a.content.text) for a in analysis.attributions]
    return found[0]


def test_trailing_report_frame_relays_the_whole_inner_report(analyze):
    text = ("Deputies said Rosa Imbert, 52, walked away from the campsite on Sunday and was "
            "found a day later near the dam, the Valley Ledger reported.")
    a = analyze(text)
    outer, inner = _by_cue(a, "reported"), _by_cue(a, "said")
    assert outer.source.text == "the Valley Ledger"
    assert outer.content.text.startswith("Deputies said Rosa Imbert")
    assert outer.content.text.endswith("near the dam")
    assert inner.source.text == "Deputies"
    assert inner.content.text.startswith("Rosa Imbert") and inner.content.text.endswith("dam")


def test_according_to_after_a_quote_keeps_the_speaker_and_the_relay(analyze):
    text = ('"We will rebuild the pier before summer," Mayor Kim Soto said, according to the '
            'Harbor Gazette. "The work starts in May."')
    a = analyze(text)
    quote = next(x for x in a.attributions if x.kind == "direct")
    assert quote.speaker_name == "Kim Soto"
    relay = _by_cue(a, "according to")
    assert relay.source.text == "the Harbor Gazette"
    assert "Mayor Kim Soto said" in relay.content.text
    assert relay.content.text.endswith('"The work starts in May."')  # the quote goes on


@pytest.mark.parametrize("text, speaker", [
    ("The state broadcaster quoted the harbour master, Lee Tran, as saying the storm sank "
     "forty boats.", "Lee Tran"),
    ("Port chief Sam Oduya was quoted by a news agency as saying that ferries had resumed "
     "after a two-day halt.", "Sam Oduya"),
])
def test_quoted_as_saying_credits_the_person_quoted(analyze, text, speaker):
    a = analyze(text)
    said = _by_cue(a, "saying")
    assert said.speaker_name == speaker
    assert "saying" not in said.content.text
    outer = _by_cue(a, "quoted")
    assert outer.speaker_name != speaker  # the outlet that relayed it


def test_a_report_without_an_inner_report_is_one_attribution(analyze):
    a = analyze("The county reservoir fell to its lowest level in a decade, the Valley Ledger "
                "reported.")
    assert len(a.attributions) == 1
    assert a.attributions[0].content.text.startswith("The county reservoir")


@pytest.mark.parametrize("text, source, content", [
    ("A delivery van skidded on the ice, badly injuring its driver, the fire department said "
     "in a statement Thursday.", "the fire department",
     "A delivery van skidded on the ice, badly injuring its driver"),
    ("Crews were still clearing the wreckage and did not expect to reopen the road before "
     "Tuesday, Barnes said.", "Barnes",
     "Crews were still clearing the wreckage and did not expect to reopen the road before "
     "Tuesday"),
])
def test_trailing_frame_takes_the_whole_sentence_before_it(analyze, text, source, content):
    a = analyze(text)
    att = _by_cue(a, "said")
    assert att.source.text == source
    assert att.content.text == content


def test_a_leading_phrase_is_not_a_trailing_frame(analyze):
    a = analyze("In 2019, police said they had recovered most of the stolen paintings.")
    att = _by_cue(a, "said")
    assert att.content.text.startswith("they had recovered")


def test_according_to_closing_a_sentence_without_a_comma_takes_the_view_it_reports(analyze):
    a = analyze("The boy is believed to have found the key and opened the door at his home "
                "according to police.")
    assert len(a.attributions) == 1, [x.content.text for x in a.attributions]
    att = a.attributions[0]
    assert att.cue.text == "according to" and att.source.text == "police"
    assert att.content.text == ("The boy is believed to have found the key and opened the door "
                                "at his home")


def test_according_to_closing_a_sentence_reports_all_of_it(analyze):
    a = analyze("He left the meeting early and the talks ended without a deal, according to "
                "two aides.")
    att = _by_cue(a, "according to")
    assert att.content.text == "He left the meeting early and the talks ended without a deal"
    assert att.speaker_name == "two aides"


def test_a_quote_with_its_speaker_before_it_stays_his_when_a_filing_relays_it(analyze):
    a = analyze("Dale Ortiz was arrested in May. In 2015, he waved a knife at a neighbor and "
                "said, \u201cIf you call the police again, you will regret it,\u201d according "
                "to a court filing.")
    quote = next(x for x in a.attributions if x.kind == "direct")
    assert quote.cue.text == "said" and quote.source.text == "he"
    relay = _by_cue(a, "according to")
    assert relay.source.text == "a court filing"
    assert relay.content.text.startswith("In 2015, he waved a knife")


def test_a_quote_after_an_outlets_report_is_not_the_outlets(analyze):
    text = ("Fire Chief Maria Lopez said crews arrived within four minutes.\n\n"
            '"We did everything we could."\n\n'
            "The Valley Ledger reported that the home had no working smoke alarms.\n\n"
            '"Every family should check their alarms this weekend."')
    a = analyze(text)
    first, last = [x for x in a.attributions if x.kind == "direct"]
    assert first.speaker_name == "Maria Lopez"  # the quote goes on in the voice named before it
    assert last.content.text.startswith('"Every family')
    assert last.speaker is None and last.speaker_name is None


def test_a_clock_time_closing_the_content_keeps_its_am_pm(analyze):
    att = _by_cue(analyze("Reyes said the alarm went off at 3:05 a.m. Everyone ran outside."), "said")
    assert att.content.text == "the alarm went off at 3:05 a.m."


@pytest.mark.parametrize("text, content", [
    ("The deal is said to be worth $180 million over eight years.",
     "The deal is said to be worth $180 million over eight years"),
    ("The suspect is thought to be in his 20s.", "The suspect is thought to be in his 20s"),
])
def test_a_view_nobody_is_named_for_opens_with_its_subject(analyze, text, content):
    att, = analyze(text).attributions
    assert att.content.text == content and att.source is None


@pytest.mark.parametrize("text, cue, speaker, opening", [
    ('Chief executive Linda Osei told analysts on a call that the company had '
     '"simply made too many products that too few people wanted."',
     "told", "Linda Osei", "that the company had"),  # hung as a relative clause
    ('Judge Marcus Hale wrote in a 28-page opinion that the law was "vague and overly '
     'broad" and that the state had failed to show it protected children.',
     "wrote", "Marcus Hale", "that the law was"),  # hung as the noun's own clause
    ("Defence lawyer Raymond Cole said after the verdict that his client would appeal.",
     "said", "Raymond Cole", "that his client would appeal"),  # "that" tagged IN, as an object
    ("Senator Ada Quist told reporters after the vote that she was disappointed.",
     "told", "Ada Quist", "that she was disappointed"),  # "that" a second subject
])
def test_a_that_clause_the_parser_hangs_on_a_noun_is_still_said(analyze, text, cue, speaker,
                                                                  opening):
    att = _by_cue(analyze(text), cue)
    assert att.speaker_name == speaker
    assert att.content.text.startswith(opening)


@pytest.mark.parametrize("text, cue, content", [
    ("Coach Lena Moss did not elaborate.", "did not elaborate", "elaborate"),
    ("His lawyer could not be reached for comment.", "could not be reached", "for comment"),
    ("The agency has yet to return calls for comment.", "has yet to return", "calls for comment"),
])
def test_a_refusal_to_speak_is_a_negated_record(analyze, text, cue, content):
    att, = analyze(text).attributions
    assert att.polarity == "negated" and att.cue.text == cue and att.content.text == content


def test_a_quote_over_sentence_lines_reopened_by_a_mark_is_one_quote(analyze):
    text = ('The club placed its striker on the injured list on Monday.\n'
            '"He had a setback in practice," coach Dana Pruitt said.\n'
            '"We talked it through with him.\n'
            'He played well for two games.\n'
            '"In the end it was the best move."\n'
            'The club plays again on Sunday.')
    quote, = [a for a in analyze(text).attributions if a.kind == "direct"]
    assert quote.speaker_name == "Dana Pruitt"
    assert quote.content.text.endswith('the best move."')
    assert "He played well" in quote.content.text


def test_a_line_ending_in_he_said_frames_the_quote_on_the_next_line(analyze):
    text = ("The singer's agent, Jack Ketsoyan, sent a note to the press, he said\n"
            '"We ask for your respect for her privacy at this time."')
    quote, = [a for a in analyze(text).attributions if a.kind == "direct"]
    assert quote.cue.text == "said" and quote.speaker_name == "Jack Ketsoyan"
