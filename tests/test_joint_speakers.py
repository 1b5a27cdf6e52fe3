"""Sources named together: no one of them is the speaker, and each one's timeline has it.

"Mayor X and Chief Y told reporters ..." is said by both; the record's ``speaker`` is
null and ``speakers`` lists both entities, so the statement appears in each person's
timeline and network.  The article is written for this test."""

from __future__ import annotations

from newsgraph import Article
from newsgraph.corpus.linker import link
from newsgraph.store import Store, timelines

TEXT = ("Mayor Ann Holt and Police Chief Raul Diaz told reporters on Monday that the Fenwick "
        "Street bridge would reopen within a month.\n"
        "Holt said the repairs would cost the city $2 million. Diaz said officers would direct "
        "traffic near the bridge until then, and he thanked Governor Lena Park for the money.\n")


def _joint(analysis):
    return next(a for a in analysis.attributions if a.cue and a.cue.text == "told")


def test_a_joint_statement_lists_each_speaker_and_names_none_alone(pipeline):
    analysis = pipeline.analyze(Article(id="bridge", text=TEXT, published="2026-03-02"))
    att = _joint(analysis)
    names = {e.id: e.name for e in analysis.entities}
    assert att.speaker is None
    assert sorted(names[i] for i in att.speakers) == ["Ann Holt", "Raul Diaz"]
    assert att.to_dict()["speakers"] == att.speakers
    alone = [a for a in analysis.attributions if a is not att]
    assert alone and all(a.speakers == [] for a in alone)


def test_a_joint_statement_is_in_each_speaker_s_timeline(tmp_path, pipeline):
    analysis = pipeline.analyze(Article(id="bridge", text=TEXT, published="2026-03-02"))
    content = _joint(analysis).content.text
    with Store(tmp_path / "j.duckdb") as store:
        store.save(analysis)
        link(store)
        for name in ("Ann Holt", "Raul Diaz"):
            columns, rows = timelines.entity_timeline(store, name)
            said = [dict(zip(columns, r))["what"] for r in rows
                    if dict(zip(columns, r))["kind"] == "quote"]
            assert content in said, name
        columns, rows = timelines.entity_timeline(store, "Lena Park")
        assert content not in [dict(zip(columns, r))["what"] for r in rows]


def test_two_surnames_of_people_named_in_full_are_two_speakers(pipeline):
    text = ("Reporters Maria Lopez and David Chen broke the story in May.\n"
            "Lopez and Chen said they would never reveal their source.\n")
    analysis = pipeline.analyze(Article(id="pair", text=text))
    att = next(a for a in analysis.attributions if a.cue and a.cue.text == "said")
    names = {e.id: e.name for e in analysis.entities}
    assert att.speaker is None and sorted(names[i] for i in att.speakers) == ["David Chen",
                                                                             "Maria Lopez"]


def test_every_name_of_a_three_part_list_speaks(pipeline):
    text = ("Mayor Ann Cole, Sheriff Dan Ruiz and Judge Mia Park said the courthouse would "
            "reopen on Monday.\n")
    analysis = pipeline.analyze(Article(id="three", text=text))
    att = next(a for a in analysis.attributions if a.cue and a.cue.text == "said")
    names = {e.id: e.name for e in analysis.entities}
    assert att.speaker is None
    assert sorted(names[i] for i in att.speakers) == ["Ann Cole", "Dan Ruiz", "Mia Park"]
    assert att.speaker_name == "Mayor Ann Cole, Sheriff Dan Ruiz and Judge Mia Park"


def test_an_appositive_before_the_and_is_no_third_speaker(pipeline):
    text = ("Ann Roe, a chemist at the state university, and Tom Barry said the water "
            "was safe to drink.\n")
    analysis = pipeline.analyze(Article(id="appos", text=text))
    att = next(a for a in analysis.attributions if a.cue and a.cue.text == "said")
    names = {e.id: e.name for e in analysis.entities}
    assert sorted(names[i] for i in att.speakers) == ["Ann Roe", "Tom Barry"]


def test_quotes_by_entity_name_find_a_joint_statement(tmp_path, pipeline):
    from newsgraph.store import queries
    analysis = pipeline.analyze(Article(id="bridge", text=TEXT, published="2026-03-02"))
    content = _joint(analysis).content.text
    with Store(tmp_path / "q.duckdb") as store:
        store.save(analysis)
        for name in ("Ann Holt", "raul diaz"):
            columns, rows = queries.quotes(store, entity=name)
            said = [dict(zip(columns, r))["content"] for r in rows]
            assert content in said, name
        _, rows = queries.quotes(store, entity="Lena Park")
        assert content not in [r[columns.index("content")] for r in rows]
