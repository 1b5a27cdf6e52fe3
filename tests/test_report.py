"""The readable report shows every kind of record the stages produce."""

from rich.console import Console

from newsgraph.model import (Actor, Article, Attribution, Entity, Event, Mention, Quantity, Role,
                             Span, TimeExpression)
from newsgraph.pipeline import Analysis
from newsgraph.report import render

TEXT = ("Mayor Ida Quist said on Friday that the city would sue the contractor. "
        "The repairs cost up to $4 million.")


def full_analysis() -> Analysis:
    def s(words: str) -> Span:
        start = TEXT.index(words)
        return Span.of(TEXT, start, start + len(words))

    a = Analysis(Article(id="demo", text=TEXT, published="2025-03-07", title="Mayor to sue"))
    a.entities = [Entity("E1", "PERSON", "Ida Quist", [Mention(s("Ida Quist"))],
                         [Role(s("Mayor"))])]
    a.attributions = [Attribution("A1", "indirect", content=s("the city would sue the contractor"),
                                  cue=s("said"), source=s("Mayor Ida Quist"), speaker="E1", speaker_name="Ida Quist",
                                  sourcing="named_person", channel="statement")]
    a.events = [Event("V1", "ACCUSE", trigger=s("sue"), actor=Actor(s("city"), country="XYZ",
                      sector="government"), target=Actor(s("the contractor")), modality="planned",
                      reported_by="A1", time_value="2025-03-07")]
    a.times = [TimeExpression("T1", s("Friday"), "DATE", "2025-03-07")]
    a.quantities = [Quantity("Q1", s("up to $4 million"), 4_000_000, unit="dollar", bound="<=",
                             currency="USD")]
    return a


def test_report_renders_every_section():
    console = Console(record=True, width=200)
    console.print(render(full_analysis()))
    out = console.export_text()
    for expected in ("Mayor to sue", "Ida Quist", "Mayor", "Attributions (1)", "statement",
                     "ACCUSE", "planned (reported)", "city [XYZ/government]", "2025-03-07",
                     "Quantities (1)", "<=", "USD"):
        assert expected in out, expected


def test_report_marks_negated_speech():
    analysis = full_analysis()
    analysis.attributions[0].polarity = "negated"
    console = Console(record=True, width=200)
    console.print(render(analysis))
    assert "negated: not said" in console.export_text()


def _print(a) -> str:
    console = Console(record=True, width=200)
    console.print(render(a))
    return console.export_text()


def test_event_without_its_own_time_is_shown_as_reported_not_as_its_date():
    a = full_analysis()
    sue = a.events[0]
    a.events = [Event("V2", "ACCUSE", trigger=sue.trigger, modality="happened",
                      reported="2025-03-07"),
                Event("V3", "ACCUSE", trigger=sue.trigger, modality="planned",
                      reported="2025-03-07", content_modality=None)]
    out = _print(a)
    assert "on or before 2025-03-07" in out  # it happened by the day it was reported
    assert "reported 2025-03-07" in out  # a plan is only reported that day
