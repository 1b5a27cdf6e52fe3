"""Embedded social posts: the text before "— Name (@handle) Month D, YYYY" is the author's
own words.  Every article here was written for this file."""

from __future__ import annotations

TEXT = ("Crews closed River Road on Sunday after a fire at the old mill.\n\n"
        "Fire crews battle a blaze at the old mill on River Road #news "
        "pic.twitter.com/aB3dE7 \u2014 Jane Hill (@JaneHillTV) March 3, 2026\n\n"
        "UPDATE: River Road has reopened. No injuries were reported. "
        "\u2014 Elmtown Police Dept. (@ElmtownPD) March 3, 2026\n\n"
        "The mill had been empty for years, said Fire Chief Dan Ortiz.\n")


def _posts(analysis):
    return [a for a in analysis.attributions if a.cue and a.cue.text == "\u2014"]


def test_a_signed_post_is_its_author_s_direct_words(analyze):
    posts = _posts(analyze(TEXT))
    assert [p.content.text for p in posts] == [
        "Fire crews battle a blaze at the old mill on River Road #news",
        "UPDATE: River Road has reopened. No injuries were reported."]
    assert [p.speaker_name for p in posts] == ["Jane Hill", "Elmtown Police Dept."]
    assert all(p.kind == "direct" and p.channel == "Twitter" for p in posts)


def test_a_dash_and_a_name_without_a_handle_and_date_is_no_post(analyze):
    text = ("The mill burned on Sunday night \u2014 Jane Hill watched it from her porch.\n\n"
            "Nobody was hurt, said Fire Chief Dan Ortiz.\n")
    assert _posts(analyze(text)) == []


def test_markup_around_a_post_is_no_part_of_its_words(analyze):
    text = ("The senator answered on Friday.\n\n"
            '<tweet id="12" author="@SenAnnLowe">The bill is dead. We start again in May. '
            "\u2014 Ann Lowe (@SenAnnLowe) May 2, 2026</tweet>\n")
    posts = _posts(analyze(text))
    assert [p.content.text for p in posts] == ["The bill is dead. We start again in May."]
