"""Entities stage: names, labels, roles and within-article merging.

Fixture articles are short invented news items; the last tests check the
reference article when ../shared/samples is present.
"""

from __future__ import annotations

import pytest

from newsgraph.pipeline import stage_versions
from newsgraph.stages.entities import entities_by_id, entity_at


def people(analysis) -> dict:
    """{canonical name: entity} of the PERSON entities."""
    return {e.name: e for e in analysis.entities if e.label == "PERSON"}


def roles(entity) -> list[str]:
    return [r.span.text for r in entity.roles]


def named(analysis, name: str):
    hits = [e for e in analysis.entities if e.name == name]
    assert len(hits) == 1, f"expected one entity named {name!r}, got {analysis.entities}"
    return hits[0]


def test_offsets_index_the_original_text(analyze):
    text = ("\u201cWe will not back down,\u201d said Finance Minister Lena Ortiz of "
            "Valdoria\u2019s ruling party.")
    a = analyze(text)
    for e in a.entities:
        assert e.stage == f"entities@{stage_versions()['entities']}"
        for m in e.mentions:
            assert text[m.span.start:m.span.end] == m.span.text
        for r in e.roles:
            assert text[r.span.start:r.span.end] == r.span.text


def test_title_prefix_becomes_role_and_surname_merges(analyze):
    a = analyze("Finance Minister Lena Ortiz said on Tuesday that the budget would be revised. "
                "Ortiz added that talks with unions would resume next week.")
    ortiz = named(a, "Lena Ortiz")
    assert roles(ortiz) == ["Finance Minister"]
    assert [m.span.text for m in ortiz.mentions] == ["Lena Ortiz", "Ortiz"]
    assert len(people(a)) == 1


def test_hyphenated_title_and_adjective_prefix(analyze):
    a = analyze("Defense Secretary-designate Omar Haddad arrived in Nairobi on Sunday. "
                "Kenyan President Samuel Otieno welcomed Haddad at the airport.")
    assert roles(named(a, "Omar Haddad")) == ["Defense Secretary-designate"]
    assert roles(named(a, "Samuel Otieno")) == ["Kenyan President"]
    assert len(named(a, "Omar Haddad").mentions) == 2


def test_appositive_after_name_with_organisation(analyze):
    a = analyze("Daniel Ferro, the chief executive of Norvale Energy, said the company would cut "
                "300 jobs. Ferro declined to give a timetable.")
    ferro = named(a, "Daniel Ferro")
    assert roles(ferro) == ["the chief executive of Norvale Energy"]
    assert ferro.roles[0].org == "Norvale Energy"
    assert named(a, "Norvale Energy").label == "ORG"


def test_appositive_before_name_and_possessive_role(analyze):
    a = analyze("Brazil's foreign minister, Paulo Reis, criticised the decision on Monday. "
                "A spokeswoman for the Health Ministry, Irina Volk, said the ministry was "
                "reviewing it.")
    reis = named(a, "Paulo Reis")
    assert roles(reis) == ["Brazil's foreign minister"]
    assert reis.roles[0].org == "Brazil"
    volk = named(a, "Irina Volk")
    assert roles(volk) == ["A spokeswoman for the Health Ministry"]
    assert volk.roles[0].org == "Health Ministry"


def test_possessive_prefix_role_and_of_title(analyze):
    a = analyze("The governor's chief of staff Alan Brooks resigned on Friday. Governor Ruth "
                "Delgado thanked him. Delgado said a successor would be named soon.")
    assert roles(named(a, "Alan Brooks")) == ["governor's chief of staff"]
    delgado = named(a, "Ruth Delgado")
    assert roles(delgado) == ["Governor"]
    assert [m.span.text for m in delgado.mentions] == ["Ruth Delgado", "Delgado"]


def test_age_is_skipped_and_origin_is_not_an_organisation(analyze):
    a = analyze("John Harlan, 45, a farmer from Iowa, said the drought was the worst he had "
                "seen.")
    harlan = named(a, "John Harlan")
    assert roles(harlan) == ["a farmer from Iowa"]
    assert harlan.roles[0].org is None


def test_name_after_lowercase_title_is_a_person(analyze):
    a = analyze("Kremlin spokesman Dmitry Orlov said Moscow would respond.")
    orlov = named(a, "Dmitry Orlov")
    assert orlov.label == "PERSON"
    assert [(r.span.text, r.org) for r in orlov.roles] == [("Kremlin spokesman", "Kremlin")]


def test_two_people_sharing_a_surname_stay_apart(analyze):
    a = analyze("Maria Santos, the mayor of Port Alma, met Pedro Santos, a local businessman, on "
                "Monday. Santos later said the meeting had gone well.")
    ppl = people(a)
    assert set(ppl) == {"Maria Santos", "Pedro Santos"}
    # the bare surname goes to the most recently named Santos
    assert [m.span.text for m in ppl["Pedro Santos"].mentions] == ["Pedro Santos", "Santos"]
    assert roles(ppl["Maria Santos"]) == ["the mayor of Port Alma"]


def test_bare_surname_before_full_name_is_upgraded(analyze):
    a = analyze("Kessler wins the runoff.\n\nVoters in the county on Sunday elected Anna Kessler "
                "as their new mayor. Kessler, 52, promised to fix the roads.")
    kessler = named(a, "Anna Kessler")
    assert len(kessler.mentions) == 3
    assert len(people(a)) == 1


def test_long_used_bare_surname_is_not_swallowed_by_a_relative(analyze):
    a = analyze("Mr. Varga spoke for an hour. Mr. Varga said the plan was sound. Later Mr. Varga "
                "left the hall. Mr. Varga then met reporters. His wife, Ilona Varga, did not "
                "attend.")
    ppl = people(a)
    assert "Ilona Varga" in ppl and "Varga" in ppl
    assert len(ppl["Ilona Varga"].mentions) == 1


def test_bare_surname_stays_with_the_person_it_already_named(analyze):
    a = analyze("Senator Ted Arlo opened the hearing. Arlo said the bill was flawed. His wife, "
                "Nina Arlo, watched from the gallery. Arlo then called the first witness.")
    ppl = people(a)
    assert set(ppl) == {"Ted Arlo", "Nina Arlo"}
    assert len(ppl["Ted Arlo"].mentions) == 3
    assert len(ppl["Nina Arlo"].mentions) == 1


def test_first_name_used_before_the_full_name(analyze):
    a = analyze("Officials said Marisol would testify on Friday. Marisol Okafor, a nurse at "
                "the clinic, has not spoken publicly. Her brother Daniel Okafor said Okafor "
                "was ready.")
    ppl = people(a)
    assert "Marisol Okafor" in ppl
    assert [m.span.text for m in ppl["Marisol Okafor"].mentions][:2] == ["Marisol",
                                                                        "Marisol Okafor"]


def test_signature_line_names_are_kept(analyze):
    a = analyze("Letters\n\nThe new bridge toll is unfair to commuters who have no other "
                "route into the city.\n\nGreta Lindqvist, Portland")
    assert "Greta Lindqvist" in people(a)


def test_organisation_short_form_joins_full_name(analyze):
    a = analyze("Officials at the House Budget Committee said on Monday that the Budget "
                "Committee would vote next week.")
    orgs = [e for e in a.entities if e.label == "ORG"]
    assert [e.name for e in orgs] == ["House Budget Committee"]
    assert len(orgs[0].mentions) == 2


def test_words_built_on_names_are_not_names(analyze):
    a = analyze("The ruling drew criticism from the un-American activities panel, and a "
                "pro-Varga group said it would appeal.")
    assert a.entities == []


def test_title_conflict_keeps_namesakes_apart(analyze):
    a = analyze("Governor Ann Park signed the order on Monday. Park said it would save money. "
                "Senator Park, her cousin, opposed it. King Omar of Qadira called Omar Haddad, "
                "the trade envoy, on Tuesday.")
    ppl = people(a)
    assert len(ppl["Ann Park"].mentions) == 2
    assert "Park" in ppl and roles(ppl["Park"]) == ["Senator"]
    assert "Omar" not in [m.span.text for m in ppl["Omar Haddad"].mentions]


def test_initial_matches_full_given_name(analyze):
    a = analyze("Senator Victor Lamm opened the hearing. Critics said V. Lamm had not read the "
                "report.")
    assert len(named(a, "Victor Lamm").mentions) == 2


def test_no_role_from_a_fronted_clause_or_an_honorific(analyze):
    a = analyze("After meeting the president, Harold Finch said the talks went well. Mr. Finch "
                "did not give details.")
    finch = named(a, "Harold Finch")
    assert finch.roles == []
    assert len(finch.mentions) == 2


def test_surname_ending_in_s_is_not_a_plural(analyze):
    a = analyze("U.N. Secretary-General Rui Meneses called for a ceasefire.")
    meneses = named(a, "Rui Meneses")
    assert roles(meneses) == ["U.N. Secretary-General"]
    assert meneses.roles[0].org == "U.N."


def test_titled_name_tagged_as_organisation_is_a_person(analyze):
    a = analyze("U.N. Secretary-General Pavel Dimitrakis called for a ceasefire.")
    person = named(a, "Pavel Dimitrakis")
    assert person.label == "PERSON"
    assert roles(person) == ["U.N. Secretary-General"]


def test_given_name_makes_a_person_of_a_mislabelled_span(analyze):
    a = analyze("The debate will be moderated by NBC's Lester Holt, the network said. Shares "
                "of Walter Energy fell.")
    labels = {e.name: e.label for e in a.entities}
    assert labels.get("Lester Holt") == "PERSON"
    assert labels.get("Walter Energy") == "ORG"


def test_well_known_organisations_are_not_people(analyze):
    a = analyze("The senator posted the video on Twitter, and Politico reported it.")
    assert {e.name: e.label for e in a.entities} == {"Twitter": "ORG", "Politico": "ORG"}


def test_transcript_speaker_labels(analyze):
    a = analyze("Governor Nadia Ferrell spoke to the host on Sunday.\n\n"
                "HOST: Will you sign the bill?\n\n"
                "FERRELL: Not in its current form.\n\n"
                "HOST: Why not?\n\n"
                "FERRELL: It costs too much.\n\nUPDATE: The bill was withdrawn.")
    ferrell = named(a, "Nadia Ferrell")
    assert [m.span.text for m in ferrell.mentions] == ["Nadia Ferrell", "FERRELL", "FERRELL"]
    assert len(named(a, "HOST").mentions) == 2
    assert not any(e.name == "UPDATE" for e in a.entities)


def test_unambiguous_description_becomes_a_mention(analyze):
    a = analyze("Finance Minister Lena Ortiz presented the budget on Tuesday. Opposition "
                "leaders criticised it. The minister said spending cuts were unavoidable.")
    ortiz = named(a, "Lena Ortiz")
    descs = [m.span.text for m in ortiz.mentions if m.kind == "description"]
    assert descs == ["The minister"]


def test_no_description_when_the_title_is_shared_or_ranked(analyze):
    a = analyze("President Tomas Vidal met former President Ana Ruiz and President-elect "
                "Carlos Mena. Later the president spoke to reporters. The former president "
                "left early.")
    vidal, ruiz, mena = (named(a, n) for n in ("Tomas Vidal", "Ana Ruiz", "Carlos Mena"))
    assert [m.span.text for m in vidal.mentions if m.kind == "description"] == ["the president"]
    assert [m.span.text for m in ruiz.mentions if m.kind == "description"] == [
        "The former president"]
    assert not any(m.kind == "description" for m in mena.mentions)
    b = analyze("Senator Rosa Lind and Senator Eli Park met on Monday. The senator said "
                "nothing.")
    assert not any(m.kind == "description" for e in b.entities for m in e.mentions)


def test_weapon_systems_and_fragments_are_not_entities(analyze):
    a = analyze("The army received F-16s and HIMARS launchers last year, officials said. The new "
                "jets arrived in March.")
    assert a.entities == []


def test_title_case_headline_words_are_not_names(analyze):
    a = analyze("Budget Talks Stall Over Rising Costs\n\nLawmakers in Valdoria failed on Monday "
                "to agree on a budget, said Speaker Tomas Brill.")
    names = {e.name for e in a.entities}
    assert "Tomas Brill" in names
    assert not any("Stall" in n or "Budget Talks" in n for n in names)


def test_acronym_joins_full_organisation_name(analyze):
    a = analyze("Officials from the North Atlantic Treaty Organization (NATO) met in Oslo. "
                "NATO said more talks were planned.")
    nato = named(a, "North Atlantic Treaty Organization")
    assert len(nato.mentions) == 3


def test_ids_follow_first_mention_and_helpers(analyze):
    a = analyze("Prime Minister Elin Dahl spoke with President Rafael Cortes of Veridia. Dahl "
                "told Cortes that Norway would keep its support.")
    starts = [e.mentions[0].span.start for e in a.entities]
    assert starts == sorted(starts)
    assert [e.id for e in a.entities] == [f"E{i}" for i in range(1, len(a.entities) + 1)]
    by_id = entities_by_id(a)
    assert set(by_id) == {e.id for e in a.entities}
    dahl = named(a, "Elin Dahl")
    assert roles(dahl) == ["Prime Minister"]
    # "Dahl told": a span covering the bare surname and the next word resolves to her
    second = dahl.mentions[1].span
    assert entity_at(a, second.start, second.end + 5) is dahl
    assert entity_at(a, 0, 5) is None  # "Prime" is a title, not a mention
    assert by_id[entity_at(a, second.start, second.end).id] is dahl


def test_sample_people_roles_and_places(sample_analysis):
    a = sample_analysis
    ppl = people(a)
    by_surname = {}
    for name, ent in ppl.items():
        by_surname.setdefault(name.split()[-1], []).append(ent)
    for surname in ("Biden", "Zelenskiy", "Trump", "Putin", "Dzhabarov", "Klishas", "Plitsas",
                    "Turner", "Grenell", "Sikorski"):
        assert len(by_surname.get(surname, [])) == 1, (surname, sorted(ppl))
    assert len(ppl) == 10
    assert ppl["Volodymyr Zelenskiy"].name == "Volodymyr Zelenskiy"
    assert len(ppl["Volodymyr Zelenskiy"].mentions) >= 1
    assert len(ppl["Joe Biden"].mentions) == 3
    assert len(ppl["Donald Trump"].mentions) >= 3
    assert "President" in roles(ppl["Joe Biden"])
    assert "President-elect" in roles(ppl["Donald Trump"])
    assert roles(ppl["Mike Turner"]) == ["Representative",
                                         "Chair of the House Intelligence Committee"]
    assert ppl["Mike Turner"].roles[1].org == "House Intelligence Committee"
    dzh = ppl["Vladimir Dzhabarov"].roles
    assert [r.org for r in dzh] == ["Federation Council"]
    assert dzh[0].span.text.startswith("a senior figure in Russia")
    assert any("foreign minister" in r for r in roles(ppl["Radoslaw Sikorski"]))
    assert any("foreign policy adviser" in r for r in roles(ppl["Richard Grenell"]))
    assert any("Atlantic Council" in r for r in roles(ppl["Alex Plitsas"]))
    assert any("Federation Council member" in r for r in roles(ppl["Andrei Klishas"]))


def test_sample_places_and_organisations_once(sample_analysis):
    names = [e.name for e in sample_analysis.entities if e.label != "PERSON"]
    for name in ("Ukraine", "Russia", "Kursk region", "Federation Council", "Atlantic Council",
                 "House Intelligence Committee", "NATO", "Kremlin", "Kyiv", "Poland"):
        assert names.count(name) == 1, (name, names)
    labels = {e.name: e.label for e in sample_analysis.entities}
    assert labels["Kyiv"] == "GPE"
    assert labels["Kursk region"] == "LOC"
    assert labels["Federation Council"] == "ORG"
    assert not any(any(ch.isdigit() for ch in n) for n in names)


@pytest.mark.parametrize("text", [
    "the committee met on tuesday and nothing happened.",
    "Prices rose 4% in May, the statistics office said.",
])
def test_no_names_no_entities(analyze, text):
    assert [e for e in analyze(text).entities if e.label == "PERSON"] == []
