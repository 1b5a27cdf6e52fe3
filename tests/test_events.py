"""Events stage: PLOVER types, participants, modality, time, place and sourcing.

The sentences are invented for these tests (fictional people, plausible news style).
"""

import pytest


# Cases the trained events judge (issue 13) still gets wrong: kept as strict xfails so a
# retrained judge that fixes one turns the suite red until the mark is removed.
_JUDGE_DROPS = "the events judge drops this true event (rare trigger, unlike its training data)"
_JUDGE_KEEPS = "the events judge keeps this word sense (not learned from its training data yet)"
# Session 13's judge (beat and agent features, more written negatives) finds "distributed"
# and leaves "fired a shot over the bar" alone, but drops "The bank stopped all loans ..."
# and "Parliament voted down the peace accord ...".  Session 16's refit (word-sense negatives:
# "asked not to be named", "is asked to call", weather sentences) finds "The bank stopped all
# loans ..." again but drops "Kyiv asked its allies for ..." (P(NONE) 0.56 -> 0.63, limit
# 0.584) and "Artillery shells rained down ..." (0.42 -> 0.59).
KNOWN_JUDGE_MISSES = {"MOBILIZE-increased", "REJECT-brushed", "SANCTION-closed",
                      "REJECT-voted", "REQUEST-asked", "ASSAULT-rained"}
KNOWN_JUDGE_FALSE = {"probe"}


def _cases(cases, ids, known, reason):
    return [pytest.param(*c, id=i, marks=pytest.mark.xfail(strict=True, reason=reason))
            if i in known else pytest.param(*c, id=i) for c, i in zip(cases, ids)]


def _events(analyze, text, published="2024-03-05"):
    return analyze(text, published=published).events


def _find(events, etype, trigger=None):
    for e in events:
        if e.type == etype and (trigger is None or e.trigger.text.lower().startswith(trigger)):
            return e
    return None


TYPE_CASES = [
    ("AGREE", "Norway and Chile agreed to hold joint naval exercises next year.", "agreed"),
    ("CONSULT", "The Kenyan foreign minister met his Ugandan counterpart in Kampala on Tuesday.",
     "met"),
    ("SUPPORT", "The Dutch government praised the peace plan drafted by Ghana.", "praised"),
    ("CONCEDE", "The military council lifted the curfew in the northern province.", "lifted"),
    ("COOPERATE", "Peru extradited two suspects to Bolivia on Friday.", "extradited"),
    ("AID", "Japan sent 40 tons of food aid to flood victims in Malawi.", "sent"),
    ("RETREAT", "The rebels released twelve hostages near the border.", "released"),
    ("REQUEST", "The opposition demanded that the electoral commission recount the votes.",
     "demanded"),
    ("ACCUSE", "Senator Ana Ruiz accused the interior ministry of hiding the report.",
     "accused"),
    ("REJECT", "The parliament rejected the budget proposed by the finance minister.",
     "rejected"),
    ("THREATEN", "Iran threatened to close the strait if new sanctions are imposed.",
     "threatened"),
    ("PROTEST", "Thousands of farmers demonstrated outside the parliament in Warsaw.",
     "demonstrated"),
    ("SANCTION", "Canada expelled two Venezuelan diplomats on Monday.", "expelled"),
    ("MOBILIZE", "Pakistan deployed additional troops along the border.", "deployed"),
    ("COERCE", "Police arrested 30 protesters in the capital on Sunday.", "arrested"),
    ("ASSAULT", "Rebel fighters attacked an army convoy near Goma, killing six soldiers.",
     "attacked"),
]


@pytest.mark.parametrize("etype,text,trigger", TYPE_CASES, ids=[c[0] for c in TYPE_CASES])
def test_each_plover_type(analyze, etype, text, trigger):
    e = _find(_events(analyze, text), etype, trigger)
    assert e is not None, f"no {etype} event on {trigger!r}"
    assert analyze(text).text[e.trigger.start:e.trigger.end] == e.trigger.text
    assert e.actor is not None


def test_actor_and_target_are_coded(analyze):
    e = _find(_events(analyze, "Russian lawmakers condemned the Estonian government."), "ACCUSE")
    assert e.actor.country == "RUS" and e.actor.sector == "legislature"
    assert e.target.country == "EST" and e.target.sector == "government"


def test_nominal_trigger_with_possessor_and_target(analyze):
    evs = _events(analyze, "Officials confirmed Turkey's airstrikes on Kurdish positions.")
    e = _find(evs, "ASSAULT", "airstrike")
    assert e is not None and e.actor.country == "TUR"
    assert e.target is not None and "Kurdish" in e.target.span.text


def test_national_modifier_is_the_actor_of_a_nominal_trigger(analyze):
    e = _find(_events(analyze, "The town was hit by a massive Syrian artillery barrage "
                               "after the Syrian missile strike."), "ASSAULT", "strike")
    assert e is not None and e.actor.country == "SYR"


def test_modality_planned(analyze):
    e = _find(_events(analyze, "Chad is preparing to launch new attacks on the rebels."),
              "ASSAULT", "attacks")
    assert e is not None and e.modality == "planned" and e.actor.country == "TCD"


def test_modality_ongoing(analyze):
    e = _find(_events(analyze, "Students are protesting outside the ministry in Lima."),
              "PROTEST")
    assert e is not None and e.modality == "ongoing"


@pytest.mark.xfail(strict=True, reason=_JUDGE_DROPS)
def test_modality_hypothetical(analyze):
    e = _find(_events(analyze, "If talks fail, the army could attack the northern towns."),
              "ASSAULT", "attack")
    assert e is not None and e.modality == "hypothetical"


def test_modality_negated(analyze):
    e = _find(_events(analyze, "The government did not arrest the union leaders."), "COERCE")
    assert e is not None and e.modality == "negated"


def test_what_an_act_did_not_do_does_not_negate_the_act(analyze):
    e = _find(_events(analyze, "The arrest of the two men will not affect the inquiry, the "
                               "sheriff said."), "COERCE", "arrest")
    assert e is not None and e.modality == "happened"
    e = _find(_events(analyze, "The attack on the convoy never happened."), "ASSAULT", "attack")
    assert e is not None and e.modality == "negated"


def test_event_without_its_own_time_is_only_reported_by_publication(analyze):
    e = _find(_events(analyze, "Police detained the mayor of Tarvik.", published="2024-03-05"),
              "COERCE")
    assert e.modality == "happened"
    assert e.time is None and e.time_value is None and e.reported == "2024-03-05"


def test_event_with_its_own_date_keeps_it(analyze):
    e = _find(_events(analyze, "Police detained the mayor of Tarvik on March 2.",
                      published="2024-03-05"), "COERCE")
    assert e.time is not None and e.time_value == "2024-03-02"


def test_future_cooperation_is_agree(analyze):
    e = _find(_events(analyze, "Portugal will provide medical supplies to Angola."), "AGREE")
    assert e is not None and e.modality == "planned" and e.actor.country == "PRT"


def test_refusal_of_cooperation_is_reject(analyze):
    evs = _events(analyze, "Hungary said it would not accept the proposal.")
    assert _find(evs, "REJECT") is not None


def test_yet_to_issue_statement_is_not_a_happened_statement(analyze):
    evs = _events(analyze, "Ministry officials have yet to issue a statement on the report.")
    assert not [e for e in evs if e.modality == "happened"]


def test_labour_strike_is_protest_not_assault(analyze):
    evs = _events(analyze, "Dock workers went on strike in Rotterdam over pay cuts.")
    assert _find(evs, "PROTEST") is not None
    assert _find(evs, "ASSAULT") is None


def test_military_strike_is_assault(analyze):
    evs = _events(analyze, "A drone strike destroyed a depot near Kherson.")
    assert _find(evs, "ASSAULT", "strike") is not None


def test_sports_attack_is_not_assault(analyze):
    evs = _events(analyze, "The striker led the attack as the team scored twice in the match.")
    assert _find(evs, "ASSAULT") is None


def test_strike_a_deal_is_not_assault(analyze):
    evs = _events(analyze, "The two companies struck a deal on Monday.")
    assert _find(evs, "ASSAULT") is None


def test_verbal_attack_is_accuse(analyze):
    evs = _events(analyze, "The senator attacked the government's budget plan.")
    assert _find(evs, "ACCUSE") is not None and _find(evs, "ASSAULT") is None


def test_place_from_in_location(analyze):
    e = _find(_events(analyze, "Troops were stationed in the Donetsk region in May."),
              "MOBILIZE")
    assert e is not None and e.place_span is not None and "Donetsk" in e.place_span.text


def test_warning_of_possible_war_is_hypothetical_threat(analyze):
    # Two layers: the warning was issued (happened); what it warns of is hypothetical.
    e = _find(_events(analyze, 'General Lenz warned that the move could lead to a war.'),
              "THREATEN")
    assert e is not None and e.modality == "happened" and e.content_modality == "hypothetical"


def test_threat_of_an_intended_act_has_planned_content(analyze):
    e = _find(_events(analyze, "The militia threatened to shell the border towns."), "THREATEN")
    assert e is not None and e.modality == "happened" and e.content_modality == "planned"


def test_accused_party_is_actor_of_the_alleged_act(analyze):
    evs = _events(analyze, "Azerbaijan accused Armenia of shelling its positions overnight.")
    acc, shell = _find(evs, "ACCUSE"), _find(evs, "ASSAULT", "shelling")
    assert acc.actor.country == "AZE" and acc.target.country == "ARM"
    assert shell is not None and shell.actor.country == "ARM"


def test_sector_phrase_before_head_noun(analyze):
    e = _find(_events(analyze, "Venezuelan security forces detained dozens of activists."),
              "COERCE")
    assert e.actor.country == "VEN" and e.actor.sector == "police"


def test_in_protest_is_motive_not_an_event(analyze):
    evs = _events(analyze, "Brazil recalled its ambassador from Tarsia in protest.")
    assert _find(evs, "SANCTION") is not None and _find(evs, "PROTEST") is None


def test_analysts_warning_is_not_a_threat(analyze):
    evs = _events(analyze, "Analysts warned that the currency could fall further.")
    assert _find(evs, "THREATEN") is None


def test_request_mode_from_what_is_asked(analyze):
    e = _find(_events(analyze, "The council called for the release of the detained reporters."),
              "REQUEST")
    assert e is not None and e.mode == "yield"


def test_reported_event_links_its_attribution(analyze):
    a = analyze("Armed men kidnapped three aid workers near Tarvik, police said.")
    e = _find(a.events, "ASSAULT")
    assert e is not None and e.mode == "abduct"
    if a.attributions:  # linked when the attribution stage found the report
        att = next(x for x in a.attributions if x.id == e.reported_by)
        assert att.content.start <= e.trigger.start < att.content.end


def test_empty_text_structures_are_safe(analyze):
    assert _events(analyze, "The weather was mild and the markets were quiet today.") == []


# --- the reference article (published 2024-11-18) -----------------------------------------

def _in(e, word):
    return e.sentence is not None and word in e.sentence.text


def test_sample_planned_ukrainian_strikes(sample_analysis):
    assert any(e.type == "ASSAULT" and e.modality == "planned" and e.actor is not None
               and e.actor.country == "UKR" for e in sample_analysis.events)


def test_sample_north_korean_troop_deployment_with_place(sample_analysis):
    evs = [e for e in sample_analysis.events if e.type in ("MOBILIZE", "AID")]
    assert any(e.actor is not None and e.actor.country == "RUS" and e.modality == "happened"
               for e in evs)
    assert any(e.modality == "happened" and e.place_span is not None
               and "Kursk" in e.place_span.text for e in evs)


def test_sample_russian_missile_strike(sample_analysis):
    assert any(e.type == "ASSAULT" and e.modality == "happened" and e.actor is not None
               and e.actor.country == "RUS" and "missile" in e.sentence.text
               for e in sample_analysis.events)


def test_sample_us_permission_reported_by_officials(sample_analysis):
    a = sample_analysis
    e = next(e for e in a.events if e.type in ("SUPPORT", "AID") and _in(e, "permission"))
    assert e.modality == "happened" and e.target is not None and e.target.country == "UKR"
    assert e.reported_by is not None
    att = next(x for x in a.attributions if x.id == e.reported_by)
    assert att.source is not None and "officials" in att.source.text


def test_sample_world_war_warning_is_hypothetical_threat(sample_analysis):
    # The warning happened; the world war it warns of is hypothetical (issue 13: one
    # modality per layer).
    assert any(e.type == "THREATEN" and e.content_modality == "hypothetical"
               and e.modality == "happened"
               and e.actor is not None and e.actor.country == "RUS"
               for e in sample_analysis.events)


def test_sample_kremlin_statement_not_happened(sample_analysis):
    text = sample_analysis.article.text
    start = text.index("have yet to issue")
    end = text.index("statement", start) + len("statement")
    assert not [e for e in sample_analysis.events
                if start <= e.trigger.start < end and e.modality == "happened"]


def test_sample_lawmakers_outrage_is_coded(sample_analysis):
    assert any(e.type == "ACCUSE" and e.actor is not None and e.actor.country == "RUS"
               and e.actor.sector == "legislature" for e in sample_analysis.events)


# Triggers added from the PLOVER manual's definitions and the CAMEO descriptions.
EXTENSION_CASES = [
    ("CONCEDE", "The junta acceded to the students' demands for a new constitution.", "acceded"),
    ("AGREE", "The two clans settled their long dispute over grazing land on Sunday.", "settled"),
    ("AGREE", "Malta expressed its intent to join the maritime patrol scheme.", "expressed"),
    ("SANCTION", "Denmark reduced its aid to the Tarvian government after the coup.", "reduced"),
    ("SANCTION", "The bank stopped all loans to the ministry of Lorvia in March.", "stopped"),
    ("CONCEDE", "The rebel commander stopped the shelling of the port on Friday.", "stopped"),
    ("PROTEST", "Fishermen obstructed the harbour entrance at Port Keldon for a week.",
     "obstructed"),
    ("PROTEST", "Students vandalized the statue of the former governor overnight.", "vandalized"),
    ("COERCE", "The provincial authorities withheld food rations from the camp in Sorel.",
     "withheld"),
    ("SANCTION", "Austria withheld the second loan tranche from the Movarian government.",
     "withheld"),
    ("ASSAULT", "Riot police used tear gas against marchers in Dunmore on Saturday.", "used"),
    ("ASSAULT", "Government troops used force to clear the occupied refinery.", "used"),
    ("SANCTION", "A court in Veltra found the former mayor guilty of bribery.", "found"),
    ("MOBILIZE", "The navy increased its readiness along the southern coast.", "increased"),
    ("MOBILIZE", "Estonia bolstered its border defences with two new battalions.", "bolstered"),
    ("ASSAULT", "Human rights groups documented the ethnic cleansing of villages near Orsk.",
     "cleansing"),
    ("COERCE", "The regime stepped up its repression of independent journalists.", "repression"),
    ("PROTEST", "Hundreds of miners took part in protests outside the ministry.", "protests"),
]


@pytest.mark.parametrize("etype,text,trigger", _cases(
    EXTENSION_CASES, [f"{c[0]}-{c[2]}" for c in EXTENSION_CASES], KNOWN_JUDGE_MISSES,
    _JUDGE_DROPS))
def test_extended_triggers(analyze, etype, text, trigger):
    assert _find(_events(analyze, text), etype, trigger) is not None


NOT_EVENT_CASES = [
    ("The senator was accused of trying to obstruct justice.", "obstruct", "PROTEST"),
    ("The company used new software to settle customer invoices faster.", "used", "ASSAULT"),
    ("The factory stopped production for the holidays.", "stopped", "SANCTION"),
    ("The recipe uses less sugar than the original.", "uses", "ASSAULT"),
    ("Engineers increased the capacity of the water plant.", "increased", "MOBILIZE"),
]


@pytest.mark.parametrize("text,trigger,etype", NOT_EVENT_CASES, ids=[c[1] for c in NOT_EVENT_CASES])
def test_extended_triggers_stay_quiet_in_ordinary_use(analyze, text, trigger, etype):
    assert _find(_events(analyze, text), etype, trigger) is None


# Ordinary-news uses that must not be coded as the violent or concessive reading.
FALSE_TRIGGER_CASES = [
    ("Senator Dana Whitlock attacked her opponent Mark Ellery over his tax plan.", "attacked",
     "ASSAULT"),
    ("The governor blasted him for skipping the budget hearing.", "blasted", "ASSAULT"),
    ("Mayor Ruth Okafor has been pounding Councilman Lee Brandt as a spendthrift.", "pounding",
     "ASSAULT"),
    ("Opposition leaders seized on the minister's remarks about pensions.", "seized", "COERCE"),
    ("Workers struggled to meet sales targets set by the head office.", "meet", "CONCEDE"),
    ("The visa program allows wealthy foreigners to buy residency.", "allows", "CONCEDE"),
    ("The new rules restrict emissions from coal plants.", "restrict", "COERCE"),
    ("Such policies could yield the same results elsewhere.", "yield", "CONCEDE"),
    ("Speaking at a rally in Dayton, the candidate promised lower taxes.", "rally", "PROTEST"),
    ("Recently released polls show the senator trailing in Ohio.", "released", "RETREAT"),
    ("The speech she delivered in Boston drew praise.", "delivered", "AID"),
    ("The film gives credit to local historians.", "gives", "AID"),
    ("The scandal reinforced concerns among donors.", "reinforced", "MOBILIZE"),
    ("The ad campaign captured the mood of the suburbs.", "captured", "ASSAULT"),
    ("The coach executed the plan flawlessly.", "executed", "ASSAULT"),
    ("Raising tariffs now would be shooting ourselves in the foot, the minister said.",
     "shooting", "ASSAULT"),
    ("Firms sheltered billions of dollars in profits offshore.", "sheltered", "AID"),
    ("He defaulted on his state loan last spring.", "loan", "AID"),
    ("The reporters rounded up a sampling of reactions from voters.", "rounded", "COERCE"),
    ("The new guidelines allow companies to delay their filings.", "allow", "CONCEDE"),
    ("The mining companies are fighting to protect their business.", "fighting", "ASSAULT"),
    ("The militia has become a formidable fighting force.", "fighting", "ASSAULT"),
    ("Democrats blasted the committee for its delays.", "blasted", "ASSAULT"),
    ("The firm was trying to shelter income from taxes.", "shelter", "AID"),
    ("The candidate offered no proof for his claim.", "offered", "AGREE"),
    ("Two clerks committed identity theft at the branch.", "committed", "AGREE"),
    ("He has not demonstrated an ambition for higher office.", "demonstrated", "PROTEST"),
    ("Farmers killed hundreds of sheep to stop the outbreak.", "killed", "ASSAULT"),
    ("The candidate personally attacked his rival's wife in a speech.", "attacked", "ASSAULT"),
    ("The debate provided an opening for the governor.", "provided", "AID"),
]


@pytest.mark.parametrize("text,trigger,etype", FALSE_TRIGGER_CASES,
                         ids=[c[1] for c in FALSE_TRIGGER_CASES])
def test_ordinary_news_uses_are_not_coded(analyze, text, trigger, etype):
    assert _find(_events(analyze, text), etype, trigger) is None


def test_political_attack_on_a_person_is_accuse(analyze):
    e = _find(_events(analyze, "Senator Dana Whitlock attacked her rival Mark Ellery on Tuesday."),
              "ACCUSE", "attacked")
    assert e is not None and e.mode == "disapprove"


def test_violent_attack_on_a_person_stays_assault(analyze):
    text = "Gunmen attacked the journalist Omar Haddad outside his home, wounding him."
    assert _find(_events(analyze, text), "ASSAULT", "attacked") is not None


def test_trade_retaliation_is_sanction(analyze):
    text = "Mexico retaliated with tariffs on American pork and cheese."
    assert _find(_events(analyze, text), "SANCTION", "retaliated") is not None


def test_rally_by_protesters_is_still_protest(analyze):
    text = "Thousands of nurses held a rally outside the health ministry in Lagos."
    assert _find(_events(analyze, text), "PROTEST", "rally") is not None


# Wire-service synonyms added per PLOVER type (sentences invented for the tests).
SYNONYM_CASES = [
    ("CONSULT", "President Ilse Varga received the Brazilian foreign minister in Vienna.",
     "received"),
    ("CONSULT", "The prime minister toured Kenya and Tanzania last week.", "toured"),
    ("SUPPORT", "The summit reaffirmed its support for the Sahel peace roadmap.", "reaffirmed"),
    ("SUPPORT", "Lithuania sided with Poland in the dispute over the pipeline.", "sided"),
    ("CONCEDE", "The government dropped its demand for a referendum on Monday.", "dropped"),
    ("CONCEDE", "Belgrade reversed its decision to ban the opposition rally.", "reversed"),
    ("CONCEDE", "After three weeks of strikes, the ministry caved in to the teachers.", "caved"),
    ("COOPERATE", "Kenya partnered with Ethiopia to patrol the shared border.", "partnered"),
    ("AID", "Turkey resettled 4,000 Syrian refugees in the border provinces.", "resettled"),
    ("AID", "Washington armed the Kurdish fighters with anti-tank weapons.", "armed"),
    ("RETREAT", "Rebel units vacated their positions around the airport on Sunday.", "vacated"),
    ("RETREAT", "The two countries swapped prisoners at the border crossing.", "swapped"),
    ("REQUEST", "The council pushed for new talks between the two factions.", "pushed"),
    ("REQUEST", "Montenegro applied for membership of the customs union.", "applied"),
    ("ACCUSE", "The ombudsman faulted the police for the delayed response.", "faulted"),
    ("ACCUSE", "The inspector general will look into the allegations of abuse.", "look"),
    ("REJECT", "The junta brushed aside calls for early elections.", "brushed"),
    ("REJECT", "The militia ignored the ultimatum issued by the army.", "ignored"),
    ("PROTEST", "Dock workers walked out over unpaid wages in Mombasa.", "walked"),
    ("SANCTION", "The league barred Karesia from its summit meetings.", "barred"),
    ("MOBILIZE", "Norway scrambled fighter jets after the bombers neared its airspace.",
     "scrambled"),
    ("MOBILIZE", "The ministry moved three battalions of troops to the eastern border.", "moved"),
    ("COERCE", "The authorities shut down two opposition newspapers in Tamar.", "shut"),
    ("COERCE", "The court dissolved the main opposition party on Friday.", "dissolved"),
    ("ASSAULT", "Militants lobbed grenades at the police station overnight.", "lobbed"),
    ("ASSAULT", "A car bomb exploded near the checkpoint in Kirkuk.", "exploded"),
    ("ASSAULT", "The bombing was followed by a barrage of rockets on the town.", "barrage"),
    ("COOPERATE", "The two armies forged a military partnership last year.", "partnership"),
    ("PROTEST", "The arrest of the mayor sparked an uprising in the northern towns.", "uprising"),
    ("RETREAT", "Armenian forces pulled back from three villages under the truce terms.", "pulled"),
    ("RETREAT", "The defence minister stepped down after the corruption scandal.", "stepped"),
    ("REJECT", "Parliament voted down the peace accord by a wide margin.", "voted"),
    ("COOPERATE", "Seoul and Tokyo resumed intelligence sharing after a two-year pause.",
     "sharing"),
    ("PROTEST", "Students staged a sit-in at the university to oppose tuition hikes.", "in"),
    ("AGREE", "The rebel leader undertook to respect the rights of ethnic minorities.",
     "undertook"),
    ("CONSULT", "Foreign ministers of the Gulf states convened in Riyadh on Yemen.", "convened"),
    ("SUPPORT", "Argentina threw its weight behind the Bolivian candidate for the post.", "threw"),
    ("CONCEDE", "The government scrapped the fuel tax after weeks of protests.", "scrapped"),
    ("COOPERATE", "Egypt handed over three militants to Libyan authorities.", "handed"),
    ("AID", "Indian doctors treated hundreds of injured refugees at the field hospital.",
     "treated"),
    ("MOBILIZE", "The army called up 40,000 reservists ahead of the border talks.", "called"),
    ("ASSAULT", "Artillery shells rained down on the outskirts of the city.", "rained"),
    ("COERCE", "Security forces sealed off the district after the riots.", "sealed"),
    ("COERCE", "Police took the protest organisers into custody.", "took"),
    ("CONCEDE", "The cabinet withdrew the controversial media bill.", "withdrew"),
    ("CONCEDE", "The army called off its offensive in the eastern hills.", "called"),
    ("SANCTION", "The EU slapped tariffs on Chinese electric cars.", "slapped"),
    ("ACCUSE", "Rights groups called the crackdown a flagrant abuse of power.", "called"),
    ("ACCUSE", "Lawmakers grilled the defence secretary over the failed raid.", "grilled"),
    ("REQUEST", "Kyiv asked its allies for more air defence systems.", "asked"),
    ("REQUEST", "The president appealed for calm after the verdict.", "appealed"),
    ("MOBILIZE", "Pyongyang conducted a test of a new ballistic missile.", "test"),
    ("RETREAT", "The militia laid down its arms in exchange for an amnesty.", "laid"),
    ("AID", "The IMF approved a $3 billion bailout for Egypt.", "bailout"),
    ("PROTEST", "Taxi drivers paralysed the capital with a one-day strike.", "strike"),
    ("PROTEST", "Protesters pelted the police with stones.", "pelted"),
    ("CONSULT", "Macron spoke by telephone with Zelensky on Sunday evening.", "spoke"),
    ("CONCEDE", "The authorities reopened the border crossing after a three-day closure.",
     "reopened"),
    ("COOPERATE", "Brazil and Argentina launched a joint investigation into the smuggling ring.",
     "investigation"),
    ("AID", "The United Nations distributed food rations to 50,000 displaced families.",
     "distributed"),
    ("RETREAT", "The occupying troops left the town on Thursday, residents said.", "left"),
    ("ACCUSE", "The inspectors found evidence that Syria had used chemical weapons.", "found"),
    ("SANCTION", "Ukraine banned Russian airlines from its airspace.", "banned"),
    ("MOBILIZE", "The army put troops on standby after the border incident.", "put"),
    ("SANCTION", "The embassy was closed and its staff recalled.", "closed"),
    ("ACCUSE", "The UN rights office documented widespread abuses by the security forces.",
     "documented"),
]


@pytest.mark.parametrize("etype,text,trigger", _cases(
    SYNONYM_CASES, [f"{c[0]}-{c[2]}" for c in SYNONYM_CASES], KNOWN_JUDGE_MISSES, _JUDGE_DROPS))
def test_synonym_triggers(analyze, etype, text, trigger):
    assert _find(_events(analyze, text), etype, trigger) is not None


SYNONYM_NEGATIVES = [
    ("The band toured Europe with its new album.", "toured", "CONSULT"),
    ("Shares dropped four percent in early trading.", "dropped", "CONCEDE"),
    ("The singer moved to Berlin in 2019.", "moved", "MOBILIZE"),
    ("The bakery closed its doors after forty years.", "closed", "SANCTION"),
    ("The candle vigil was held in memory of the crash victims.", "vigil", "PROTEST"),
    ("The family left the city for the summer holidays.", "left", "RETREAT"),
    ("Researchers found evidence of water on the distant moon.", "found", "ACCUSE"),
    ("The coach spoke to reporters after the match.", "spoke", "CONSULT"),
    ("Critics praised the film's stunning cinematography.", "praised", "SUPPORT"),
    ("The museum will host an exhibition of Renaissance drawings next spring.", "host", "AGREE"),
    ("The airline cancelled dozens of flights because of the snowstorm.", "cancelled",
     "SANCTION"),
    ("The bakery offered free bread to anyone who brought a jar.", "offered", "AGREE"),
    ("The coach called on his players to stay focused.", "called", "REQUEST"),
    ("The chess champion attacked on the queen's side and won in 30 moves.", "attacked",
     "ASSAULT"),
    ("Most economists agreed that the tax plan would raise revenue.", "agreed", "AGREE"),
    ("The judge agreed with the defence that the file was private.", "agreed", "AGREE"),
    ("The senator has record low support from young voters, the poll found.", "support",
     "SUPPORT"),
    ("Experts praised the governor's tax proposals as detailed.", "proposals", "AGREE"),
    ("The measure is likely to appeal to a small sliver of voters.", "appeal", "REQUEST"),
    ("Visitors should visit the museum early to avoid queues.", "visit", "CONSULT"),
    ("There is no accepted definition of the term.", "accepted", "AGREE"),
]


@pytest.mark.parametrize("text,trigger,etype", SYNONYM_NEGATIVES,
                         ids=[c[1] for c in SYNONYM_NEGATIVES])
def test_synonym_triggers_stay_quiet(analyze, text, trigger, etype):
    assert _find(_events(analyze, text), etype, trigger) is None


# Issue 13: actors are agents, pronouns and "the group" reach an entity, one event per act.
def test_abstract_subject_is_no_actor(analyze):
    for text in ("The decision angered the opposition and was criticised by Lorvia.",
                 "The policy shift drew protests in the capital."):
        for e in _events(analyze, text):
            assert e.actor is None or e.actor.span.text.lower() not in (
                "the decision", "the policy shift"), (text, e)


def test_pronoun_actor_refers_back_to_an_entity(analyze):
    a = analyze("The Kestrel Front claimed the ambush. The next day the group attacked a "
                "police post near Dorvik.")
    e = _find(a.events, "ASSAULT", "attacked")
    assert e is not None and e.actor is not None
    ent = next(x for x in a.entities if x.id == e.actor.entity)
    assert "Kestrel" in ent.name


def test_one_event_per_act(analyze):
    evs = _events(analyze, "The rebels carried out an attack on the convoy.")
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


# Word senses that are no PLOVER event (issue 13's failures on real articles). The
# sentences are ours and are not in the judge's training data.
NO_EVENT_SENTENCES = [
    "Her documentary beat four rivals to the jury prize at the Lisbon festival.",
    "The clinic charged patients a fee of $40 for each visit.",
    "Thawing peat can release large amounts of carbon dioxide, the study found.",
    "The probe recorded bursts of radio waves from the distant galaxy.",
    "The midwife delivered twins at the county hospital early on Sunday.",
    "The Hornets committed 19 turnovers in the second half.",
    "She accepted the lifetime achievement award from the academy on Saturday.",
    "The coach thanked the fans for their patience during a long season.",
    "Westbrook scored 31 points as the Comets beat the Falcons 104-99.",
    "The striker fired a shot over the bar in the 80th minute.",
]


@pytest.mark.parametrize("text", _cases(
    [(t,) for t in NO_EVENT_SENTENCES],
    [next((w for w in t.lower().split() if w in KNOWN_JUDGE_FALSE), t.split()[1].lower())
     for t in NO_EVENT_SENTENCES], KNOWN_JUDGE_FALSE, _JUDGE_KEEPS))
def test_other_word_senses_are_no_events(analyze, text):
    assert _events(analyze, text) == [], text


def test_result_participle_is_the_same_act(analyze):
    evs = _events(analyze, "A gunman opened fire on the crowd, wounding three people.")
    assert len([e for e in evs if e.type == "ASSAULT"]) == 1


def test_negated_knowing_verb_does_not_negate_the_reported_act(analyze):
    e = _find(_events(analyze, "She did not realize that her son had been shot in the leg."),
              "ASSAULT", "shot")
    assert e is not None and e.modality == "happened"


def test_agentless_passive_charge_is_coded_without_an_actor(analyze):
    e = _find(_events(analyze, "A teenager was charged with murder on Friday."), "ACCUSE")
    assert e is not None and e.actor is None


def test_headline_passive_does_not_make_the_charged_man_the_actor(analyze):
    evs = _events(analyze, "Local Man Charged In Fatal Stabbing\nThe arrest came on Monday.")
    e = _find(evs, "ACCUSE", "charged")
    assert e is None or e.actor is None or "Man" not in e.actor.span.text


def test_heldout_beat_negatives_are_locked_and_complete():
    # The written no-event sentences of the audit's beats are read only as totals: every one
    # is in the locked half (so `make event-model`, which trains on unlocked items, never
    # sees them) and lists no event.
    from newsgraph.eval.events_sets import GOLD, load_written

    items = load_written("beatsneg", GOLD / "events-written-heldout.jsonl")
    assert len(items) >= 100
    assert all(it.locked and it.complete and not it.events for it in items)
    assert len({it.text for it in items}) == len(items)
    # the ordinary written set keeps both halves
    written = load_written()
    assert 0 < sum(it.locked for it in written) < len(written)


def _judge_features(analyze, text, trigger):
    from newsgraph.stages.events import candidates

    res = analyze(text)
    for ev, feats in candidates(res, judge=None):
        if ev.trigger.text.lower().startswith(trigger):
            return feats
    raise AssertionError(f"no candidate at {trigger!r} in {text!r}")


def test_judge_sees_the_beat_of_the_sentence(analyze):
    # "beat=NAME" from the beat word list and from a game score, shared by every sentence of
    # a beat; reports of violence carry none of them.
    f = _judge_features(analyze, "A fan stabbed a steward after the Bramble Foxes won 4-2 on "
                        "Saturday in front of 300 fans.", "stabbed")
    assert f.get("beat=sports") and f.get("beat=score")
    # (winds or hail as the ones who struck are no candidate at all since events 1.7)
    f = _judge_features(analyze, "Looters struck shops in the valley after the hail storm, "
                        "the forecasters said.", "struck")
    assert f.get("beat=weather")
    f = _judge_features(analyze, "A gunman shot two men outside a bar in Dunmore on Friday.",
                        "shot")
    assert not [k for k in f if k.startswith("beat=")]


def test_judge_sees_whether_participants_can_act(analyze):
    from newsgraph.stages.events.judge import agent_kind

    f = _judge_features(analyze, "A heatwave blasted the southern coast on Tuesday.", "blasted")
    assert f.get("actor_agent=thing")
    f = _judge_features(analyze, "The gunman shot a teenager outside the store.", "shot")
    assert f.get("actor_agent=agent") and f.get("obj_agent=agent")
    # (an accident or "shot himself" is no candidate at all since events 1.7)
    f = _judge_features(analyze, "The farmer killed himself in the barn.", "killed")
    assert f.get("obj_self")
    f = _judge_features(analyze, "Troops deliberately shelled the village.", "shelled")
    assert f.get("adv=deliberately")
    assert agent_kind(None) == "none"


def test_session13_written_negatives_are_split_and_complete():
    # The no-event sentences written in session 13 (every beat, each with a misleading
    # word) are cut into halves like the other sets: the tuning half is trained on.
    from newsgraph.eval.events_sets import GOLD, load_written

    items = load_written("moreneg", GOLD / "events-written-negatives.jsonl")
    assert len(items) >= 200
    assert all(it.complete and not it.events for it in items)
    assert 0 < sum(it.locked for it in items) < len(items)
    assert len({it.text for it in items}) == len(items)


def test_session14_contrast_pairs_are_split_complete_and_new():
    # The sentences written in session 14 in contrasting pairs (a trigger word where it is no
    # event, and where it is the act PLOVER codes) are cut into halves like the other sets;
    # every event names its trigger inside its own sentence, and none repeats a sentence of
    # the other written sets (the wholly locked beatsneg included).
    from newsgraph.eval.events_sets import GOLD, load_written

    items = load_written("pairs", GOLD / "events-written-pairs.jsonl")
    assert len(items) >= 200
    assert all(it.complete for it in items)
    assert 0 < sum(it.locked for it in items) < len(items)
    negatives = [it for it in items if not it.events]
    positives = [it for it in items if it.events]
    assert len(negatives) >= 120 and len(positives) >= 60
    assert all(e.trigger is not None for it in positives for e in it.events)
    others = {it.text for name, path in (
        ("written", GOLD / "events-written.jsonl"),
        ("beatsneg", GOLD / "events-written-heldout.jsonl"),
        ("moreneg", GOLD / "events-written-negatives.jsonl")) for it in load_written(name, path)}
    assert len({it.text for it in items}) == len(items)
    assert not others & {it.text for it in items}


@pytest.mark.parametrize("text, trigger, target", [
    ("A 19-year-old man was shot in the leg outside a bar early Sunday.", "shot",
     "A 19-year-old man"),
    ("Deputies arrested a teenager after the chase ended in a cornfield.", "arrested",
     "a teenager"),
    ("The rebels threatened to kidnap the aid workers unless the army withdrew.",
     "threatened", "the aid workers"),
])
def test_targets_are_the_people_and_places_the_act_falls_on(analyze, text, trigger, target):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.target is not None and ev.target.span.text == target


@pytest.mark.parametrize("text, trigger, target", [
    ("Teen killed in crash near school", "killed", "Teen"),
    ("A 15-year-old boy shot in the chest on Friday remains in critical condition.", "shot",
     "A 15-year-old boy"),
])
def test_a_victim_in_a_dropped_passive_is_the_target_not_the_actor(analyze, text, trigger,
                                                                    target):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.actor is None and ev.target is not None and ev.target.span.text == target


@pytest.mark.parametrize("text, trigger", [
    ("Ana Ruiz was shot by a shotgun in the yard.", "shot"),
    ("The man said the gun was unloaded, but the pistol discharged and struck his son.",
     "struck"),
])
def test_a_weapon_is_never_the_actor(analyze, text, trigger):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.actor is None


@pytest.mark.parametrize("text, trigger, actor", [
    ("The gunman shot and killed two people before fleeing.", "shot and killed", "The gunman"),
    ("The suspect shot at officers from a balcony.", "shot", "The suspect"),
    ("The suspect shot his neighbour twice.", "shot", "The suspect"),
])
def test_an_active_attacker_stays_the_actor(analyze, text, trigger, actor):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.actor is not None and ev.actor.span.text == actor


@pytest.mark.parametrize("text, trigger", [
    ("Police are still searching for a suspect in today's shooting at the mall.", "shooting"),
    ("Monday's bombing of the market killed six people.", "bombing"),
])
def test_a_time_is_never_an_actor(analyze, text, trigger):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.actor is None


def test_he_in_a_plural_sources_report_is_not_the_source(analyze):
    ev = next(e for e in _events(analyze, "Deputies say he shot the man twice in the back.")
              if e.trigger.text == "shot")
    assert ev.actor is not None and ev.actor.span.text == "he"


@pytest.mark.parametrize("text, trigger", [
    ("No one was injured in the blast.", "injured"),
    ("No shots were fired during the standoff.", "fired"),
])
def test_an_act_done_by_nobody_did_not_happen(analyze, text, trigger):
    ev = next(e for e in _events(analyze, text) if e.trigger.text == trigger)
    assert ev.modality == "negated"


def test_training_sees_the_candidates_the_no_event_rules_drop(analyze):
    # The stage drops an accidental shooting and a permission no one gives before the judge
    # sees them; `make event-model` can also train on them (rules=False) as no-event examples.
    from newsgraph.stages.events import candidates

    for text, etype, trigger in (
            ("The hunter accidentally shot his brother in the woods on Sunday.", "ASSAULT",
             "shot"),
            ("The new law allows farmers to sell raw milk at markets.", "CONCEDE", "allows")):
        res = analyze(text)
        on = {(ev.type, ev.trigger.text.lower()) for ev, _ in candidates(res, judge=None)}
        off = {(ev.type, ev.trigger.text.lower())
               for ev, _ in candidates(res, judge=None, rules=False)}
        assert (etype, trigger) not in on
        assert (etype, trigger) in off
        assert on <= off
