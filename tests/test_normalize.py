"""Normalisation keeps every offset valid while making quote marks uniform."""

import pytest

from newsgraph.errors import EmptyInputError, NotEnglishError
from newsgraph.stages.normalize import check_language, normalize_text


@pytest.mark.parametrize("text", [
    "\u201cWe will win,\u201d she said.",
    "It\u2019s the \u2018best\u2019 plan\u00a0yet.",
    "``Doubled marks,'' he wrote.",
    "He said ''no'' twice.",
])
def test_same_length_and_straight_quotes(text):
    norm = normalize_text(text)
    assert len(norm) == len(text)
    assert not set(norm) & set("\u201c\u201d\u2018\u2019\u00a0`")


def test_doubled_apostrophes_become_double_quotes():
    assert normalize_text("``Go home,'' he said.") == ' "Go home,"  he said.'


def test_english_prose_passes_and_other_languages_fail():
    check_language("The minister said on Monday that the talks would continue next week.")
    with pytest.raises(NotEnglishError):
        check_language("Die Regierung hat am Montag beschlossen, dass die Gespräche in der "
                       "nächsten Woche weitergehen sollen, sagte ein Sprecher.")
    with pytest.raises(NotEnglishError):
        check_language("Правительство заявило в понедельник, что переговоры продолжатся.")
    with pytest.raises(EmptyInputError):
        check_language("12 34 -- 56")


def test_short_english_sentences_with_few_function_words_pass():
    check_language("Harbour Board Chairman Ilse Markov undertook mediation mission between "
                   "Carvia and Northern Alliance leader Tomas Berg yesterday.")
    with pytest.raises(NotEnglishError):
        check_language("Le conseil municipal a voté mardi une hausse des impôts locaux.")


def test_a_gallery_counter_opening_a_caption_is_blanked_in_the_parsed_copy():
    text = "Image 3 of 10 Relatives say the boy was at home.\nThe Image 3 of 10 is a title."
    out = normalize_text(text)
    assert len(out) == len(text)
    assert out.startswith(" " * len("Image 3 of 10") + " Relatives say")
    assert out.endswith("The Image 3 of 10 is a title.")  # only at a paragraph's start


@pytest.mark.parametrize("text,expected", [
    ("'We have questions,' Kerr said.", '"We have questions," Kerr said.'),
    ("She said: 'We don't know yet.'", 'She said: "We don\'t know yet."'),
    ("\u2018Go away!\u2019 the man shouted.", '"Go away!" the man shouted.'),
    # not quotes of a sentence, or apostrophes
    ("He called it 'a disgrace' and left.", "He called it 'a disgrace' and left."),
    ("In the '90s the Smiths' dog barked.", "In the '90s the Smiths' dog barked."),
    # nested in a double-quoted stretch: left alone
    ('"He told me \'Stop it,\' and left," she said.', '"He told me \'Stop it,\' and left," she said.'),
])
def test_a_sentence_quoted_with_single_marks_reads_as_a_quote(text, expected):
    assert normalize_text(text) == expected


def test_a_subhead_in_single_marks_and_title_case_is_left_as_written():
    assert normalize_text("'All Bets Are Off.'\n") == "'All Bets Are Off.'\n"


def test_single_marks_inside_a_double_quote_left_open_on_earlier_lines_stay_single():
    # one sentence per line: the double quote opened on the first line closes four lines
    # down, so the single marks between quote inside it
    text = ('"I did not like him.\nHe was rude.\nHe drove off and shouted,\n'
            "'You will be sorry.'\nI was not. \"\nShe left town.")
    assert normalize_text(text) == text
    # after it closes, a British-style quote is converted again
    later = text + "\n'We are moving on,' she said."
    assert normalize_text(later).endswith('"We are moving on," she said.')
