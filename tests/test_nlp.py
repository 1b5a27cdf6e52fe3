"""The parse stage: one model per process, and sentences glued by a missing space split."""

from newsgraph.stages.nlp import load_model, parse


def test_model_is_loaded_once():
    assert load_model() is load_model()


def test_sentences_joined_without_a_space_are_split():
    doc = parse("The minister posted the news on X.Reporters gathered outside the office.")
    assert [s.text for s in doc.sents] == ["The minister posted the news on X.",
                                           "Reporters gathered outside the office."]


def test_initialisms_and_abbreviations_stay_whole():
    doc = parse("The U.S.Steel plant and Mr. Ames met in St. Louis at 5 p.m. on Friday.")
    tokens = [t.text for t in doc]
    assert "U.S.Steel" in tokens or ("U.S." in tokens and "Steel" in tokens)
    assert "Mr." in tokens and "p.m." in tokens and "St." in tokens
    assert len(list(doc.sents)) == 1


def test_abbreviated_ranks_keep_their_period_and_end_no_sentence():
    doc = parse("The van was found empty, according to Sgt. Ines Barros, and Det. Paul Oakes "
                "agreed.")
    tokens = [t.text for t in doc]
    assert "Sgt." in tokens and "Det." in tokens
    assert len(list(doc.sents)) == 1
    assert "Ines Barros" in [e.text for e in doc.ents]


def test_a_clock_time_ends_the_sentence_before_a_new_one():
    doc = parse("Officers were called at 3 a.m. Police said the man fled on foot. "
                "They were called again at 1:15 a.m. Lt. Ray Dunn said no one was hurt.")
    assert [s.text for s in doc.sents] == [
        "Officers were called at 3 a.m.", "Police said the man fled on foot.",
        "They were called again at 1:15 a.m.", "Lt. Ray Dunn said no one was hurt."]


def test_a_clock_time_followed_by_its_day_or_zone_goes_on():
    for text in ("The man was shot around 11 p.m. Sunday in the 300 block of Main Street.",
                 "The match starts at 7 p.m. ET on the main court.",
                 "The vote closes at 8 p.m. Eastern on Tuesday."):
        assert len(list(parse(text).sents)) == 1, text


def test_no_sentence_break_inside_names_or_after_a_street():
    for text, n in (("Analysts at A.M. Best said the outlook was stable.", 1),
                    ("The P.M. Ravi Menon said the talks went well.", 1),
                    ("Polls close at 8 p.m. Moscow time, officials said.", 1),
                    ("Two men were shot on Main St. The victims were taken to a hospital.", 2)):
        assert len(list(parse(text).sents)) == n, text
