"""Events: attacks reported as having happened, with their sides, weapons, place and date.

Every sentence here is written for these tests in the style of the news the workbench reads.
"""

import datetime as dt

import pytest

from extracting import PUB, events_of, one_event


@pytest.mark.parametrize(
    "text, attacker, target, weapons, location, date",
    [
        ("Three rockets struck the Ain al-Asad air base in western Iraq on Monday, officials said.",
         "unknown", "us", ["rocket"], "Ain al-Asad air base", dt.date(2024, 1, 29)),
        ("A drone targeted US forces at Erbil International Airport late Tuesday.",
         "unknown", "us", ["drone"], "Erbil airport", dt.date(2024, 1, 30)),
        ("US warplanes struck Kataib Hezbollah positions in al-Qaim on Friday.",
         "us", "factions", ["airstrike"], "al-Qaim", dt.date(2024, 1, 26)),
        ("American forces at the al-Omar oil field came under rocket attack on January 22.",
         "unknown", "us", ["rocket"], "al-Omar oil field", dt.date(2024, 1, 22)),
        ("The Islamic Resistance in Iraq said it attacked the Harir base with a drone on Sunday.",
         "factions", "us", ["drone"], "Harir base", dt.date(2024, 1, 28)),
        ("A US drone strike killed a senior commander in eastern Baghdad on Wednesday.",
         "us", "factions", ["drone"], "Baghdad", dt.date(2024, 1, 31)),
        ("Two Katyusha rockets landed near the US embassy in Baghdad yesterday.",
         None, None, ["rocket"], None, None),  # 'landed near' is not in the trigger list: no event
    ],
)
def test_event_fields(text, attacker, target, weapons, location, date):
    evs = events_of(text)
    if attacker is None:
        assert evs == [] or all(e["weapons"] for e in evs)
        return
    assert len(evs) == 1, [e["snippet"] for e in evs]
    e = evs[0]
    assert e["attacker_side"] == attacker
    assert e["target_side"] == target
    assert e["weapons"] == weapons
    assert e["location"] == location
    assert e["date"] == date
    assert e["date_precision"] == "day"


@pytest.mark.parametrize(
    "text",
    [
        "The group vowed to continue its drone attacks on American bases until the last soldier leaves.",
        "Kataib Hezbollah warned that any attack on its positions would be met with a crushing response.",
        "If the occupation does not withdraw, the resistance will strike its bases across the region.",
        "There have been at least 150 attacks on US forces in Iraq and Syria since October 17.",
        "Washington blames the factions for the attacks on its troops.",
        "The militia said it was ready to target American interests.",
        "The Pentagon said it would respond at a time and place of its choosing.",
        "Officials denied that any strike had taken place.",
        "The minister condemned the attacks and called for restraint.",
    ],
)
def test_not_an_event(text):
    assert events_of(text) == []


def test_mentions_of_one_attack_are_one_event():
    text = (
        "Rockets hit the Victory base near Baghdad airport on Tuesday night, a security source said.\n"
        "The attack caused minor damage, according to the coalition.\n"
        "No group claimed the rocket attack on the base."
    )
    e = one_event(text)
    assert e["weapons"] == ["rocket"]
    assert e["target_side"] == "us"
    assert e["date"] == dt.date(2024, 1, 30)
    assert e["n_mentions"] >= 2
    assert "Rockets hit the Victory base" in e["snippet"]


def test_two_attacks_on_one_day_in_two_places_stay_apart():
    text = (
        "A drone struck the US embassy in Baghdad on Friday.\n"
        "Hours later, rockets hit the Harir base in the Kurdistan Region on Friday."
    )
    evs = events_of(text)
    assert len(evs) == 2
    assert {e["location"] for e in evs} == {"US embassy in Baghdad", "Harir base"}


def test_counts_of_munitions_and_attacks():
    e = one_event("On Sunday, the base was attacked by approx. 20 x 107mm rockets, the coalition said.")
    assert e["munitions"] == 20
    e = one_event("The Islamic Resistance in Iraq said it carried out four attacks on US bases in Syria on Monday.")
    assert e["n_attacks"] == 4


def test_relative_dates_resolve_against_publication():
    e = one_event("US aircraft struck weapons depots in Jurf al-Sakhar yesterday.", published=dt.date(2023, 11, 23))
    assert e["date"] == dt.date(2023, 11, 22)
    e = one_event("Warplanes bombed militia headquarters in al-Bukamal on November 22.", published=dt.date(2023, 12, 2))
    assert e["date"] == dt.date(2023, 11, 22)


def test_local_time_wins_over_washington_time():
    e = one_event(
        "US warplanes struck three sites on the Iraqi-Syrian border at about 6 pm Eastern Time Sunday, "
        "in the early hours of Monday local time.",
        published=dt.date(2021, 6, 29),
    )
    assert e["date"] == dt.date(2021, 6, 28)


def test_attack_in_quote_counts_but_threat_in_quote_does_not():
    evs = events_of("“Our drones struck the occupation base at Ain al-Asad on Saturday,” the group said.")
    assert len(evs) == 1 and evs[0]["target_side"] == "us"
    assert events_of("“We will strike every American base in the region,” the commander said.") == []


def test_every_event_span_is_text_of_the_article():
    text = (
        "BAGHDAD (Reuters) - Three rockets struck near the US embassy in Baghdad on Monday night.\n"
        "US forces at Ain al-Assad airbase were targeted by a drone on Tuesday.\n"
        "Warplanes struck a Kataib Hezbollah site in Akashat the same day, killing two fighters."
    )
    for e in events_of(text):
        assert text[e["start"] : e["end"]] == e["snippet"]
        assert 0 <= e["start"] < e["end"] <= len(text)


def test_israeli_strike_is_not_a_us_strike():
    evs = events_of("Israeli warplanes struck a weapons depot near al-Bukamal on Thursday.")
    assert all(e["attacker_side"] != "us" for e in evs)


def test_every_trigger_passes_the_keyword_gate():
    """The cheap gate must let through every sentence a trigger could match."""
    import re

    from workbench.extract.events import _lex
    from workbench.resources import load_yaml

    lex = _lex()
    examples = [
        "launched a blatant air aggression", "carried out an aerial aggression", "landed near the base",
        "fired a barrage of missiles at the base", "were launched at the base", "a drone killed two",
        "came under rocket fire", "bombed the depots", "shelled the base",
    ]
    for ex in examples:
        assert lex.verb.search(ex) or lex.noun.search(ex), ex
        assert lex.gate.search(ex), ex
    for trigger in load_yaml("events.yaml")["triggers"]["verb"] + load_yaml("events.yaml")["triggers"]["noun"]:
        words = re.sub(r"\(\?:|[()?|\\\\.*+\[\]{}^$]", " ", trigger)
        assert lex.gate.search(words) or lex.gate.search(trigger), trigger


def test_lead_attack_takes_a_recent_day_from_the_opening_sentences():
    text = (
        "A US drone strike killed a senior commander in eastern Baghdad.\n"
        "His group announced his death on Wednesday night and vowed revenge."
    )
    e = one_event(text, published=dt.date(2024, 2, 8))
    assert e["date"] == dt.date(2024, 2, 7)
    # An old date in the opening is background, not the day of the news.
    e = one_event("A US drone strike killed a senior commander in eastern Baghdad.\nHe had fought since June 2014.",
                  published=dt.date(2024, 2, 8))
    assert e["date"] is None


@pytest.mark.parametrize(
    "text, attacker, target",
    [
        ("Three American soldiers were killed when a drone struck a base in northeastern Jordan on Sunday.", "unknown", "us"),
        ("A drone hit a PMF base in Diyala on Sunday, the group said.", "unknown", "factions"),
        ("Rockets struck an Iraqi army base near Kirkuk on Sunday.", "unknown", "iraq_gov"),
    ],
)
def test_bases_and_subjects(text, attacker, target):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"]) == (attacker, target)


def test_restatements_and_infinitives():
    text = (
        "The Islamic Resistance in Iraq said it targeted the occupation base at the al-Omar oil field "
        "in Syria on Saturday with a drone, and it hit its target directly."
    )
    e = one_event(text, published=dt.date(2024, 1, 28))
    assert e["weapons"] == ["drone"]
    assert e["attacker_side"] == "factions"
    assert events_of("The group has drones it can use to attack U.S. forces, officials said.") == []


def test_lead_prefers_a_day_told_after_it_to_a_time_stamp_above_it():
    text = (
        "Tuesday, 30 January 2024 10:15 AM\n"
        "The Islamic Resistance in Iraq says it has targeted two bases of the US occupation forces with drones.\n"
        "In a statement issued on Monday, the group said its fighters hit the bases near Hasakah."
    )
    evs = events_of(text, published=dt.date(2024, 1, 30))
    assert evs[0]["date"] == dt.date(2024, 1, 29)


def test_a_date_after_a_long_target_belongs_to_its_trigger():
    e = one_event("Two drones were fired at the Victory base complex near Baghdad International Airport late on "
                  "Monday, one of which was downed, two security sources said.")
    assert (e["date"], e["date_precision"]) == (dt.date(2024, 1, 29), "day")


@pytest.mark.parametrize("many", ["a string of", "a spate of", "dozens of", "a wave of"])
def test_many_attacks_are_no_attack_of_their_own(many):
    e = one_event(f"A drone hit the Harir base late on Monday, the latest of {many} attacks on U.S. forces this week.")
    assert (e["date"], e["date_precision"]) == (dt.date(2024, 1, 29), "day")
    assert events_of(f"The region has seen {many} attacks on U.S. forces.") == []
    # a series told as one strike by its verb is still one event
    assert len(events_of("US jets launched a series of strikes on militia depots in al-Qaim on Friday.")) == 1


def test_a_reference_told_with_its_toll_is_an_attack():
    evs = events_of("Washington began a retaliation for the attack on its base in Jordan, which killed three soldiers.")
    assert [e["target_side"] for e in evs] == ["us"]
    assert events_of("Washington began a retaliation for the attack on its base in Jordan.") == []


def test_weapon_told_after_a_list_of_targets():
    e = one_event("The Islamic Resistance in Iraq targeted on Sunday three bases of the occupation: al-Shaddadi, "
                  "al-Rukban and al-Tanf, with drones.")
    assert e["weapons"] == ["drone"]
    e = one_event("Fighters targeted the Ain al-Asad air base on Saturday evening with a barrage of rockets.")
    assert e["weapons"] == ["rocket"]


def test_a_time_stamp_line_does_not_date_the_lead():
    text = ("Monday, 29 January 2024 9:41 AM [ Last Update: Monday, 29 January 2024 11:02 AM ]\n"
            "The Islamic Resistance in Iraq says it has targeted three US bases in Syria with drones.\n"
            "The group announced the operations in a statement on Sunday.")
    evs = events_of(text, published=dt.date(2024, 1, 29))
    assert evs[0]["date"] == dt.date(2024, 1, 28)


def test_a_place_on_a_border_is_only_in_its_own_country():
    from workbench.places import compatible, near

    assert compatible("Tower 22", "Jordan") and compatible("al-Tanf", "Syria")
    assert not compatible("Tower 22", "Syria") and not compatible("al-Qaim", "Syria")
    assert near("Tower 22", "al-Tanf") and near("al-Qaim", "al-Bukamal")
    # one attack in Jordan and a claim of attacks in Syria stay two events
    evs = events_of("Three US soldiers were killed in a drone attack on an outpost in northeastern Jordan on Sunday. "
                    "The Islamic Resistance in Iraq said it had launched drone attacks on three bases in Syria on Sunday.",
                    published=dt.date(2024, 1, 29))
    assert [e["location"] for e in evs] == ["Jordan", "Syria"]


@pytest.mark.parametrize(
    "text, attacker, target, weapons",
    [
        ("Iranian-backed militia groups launched a close-range ballistic missile at US forces at the Ain al-Asad air base on Monday.",
         "factions", "us", ["missile"]),
        ("Later, a U.S. military AC-130 aircraft already in the area conducted a self-defense strike against a militia vehicle.",
         "us", "factions", ["airstrike"]),
        ("On Monday night two U.S. Air Force F-15E aircraft dropped seven precision-guided munitions on militia facilities in eastern Syria.",
         "us", "factions", ["airstrike"]),
        ("The U.S. retaliated early Friday with airstrikes on five Kataib Hezbollah weapons depots.",
         "us", "factions", ["airstrike"]),
        ("Militants fired a barrage of rockets at the Harir base on Sunday.", "factions", "us", ["rocket"]),
    ],
)
def test_attackers_and_aircraft_of_official_statements(text, attacker, target, weapons):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["weapons"]) == (attacker, target, weapons)


def test_the_killer_of_a_sentence_is_the_attacker_of_its_strike():
    e = one_event("The US military killed a senior commander of Harakat al-Nujaba, a group backed by Iran, "
                  "in a drone strike in eastern Baghdad on Thursday.")
    assert (e["attacker_side"], e["target_side"], e["weapons"]) == ("us", "factions", ["drone"])
    # the victims of a passive killing are not its attackers
    e = one_event("Three US soldiers were killed and dozens injured in a drone attack on an outpost in Jordan on Sunday.",
                  published=dt.date(2024, 1, 29))
    assert (e["attacker_side"], e["target_side"]) == ("unknown", "us")


@pytest.mark.parametrize(
    "text",
    [
        "Officials pointed to a series of ongoing and mostly failed attacks on US troops at Ain al-Asad.",
        "Repeated attacks on US bases in Anbar must stop, the minister said.",
        "The ministry described the raids as \"a violation of sovereignty and an assault on Iraqi forces\".",
        "Investigators traced the rockets fired on Wednesday to a truck in an orchard near Taji.",
    ],
)
def test_attacks_in_general_and_characterisations_are_no_event(text):
    evs = events_of(text)
    assert [e for e in evs if e["target_side"] in ("iraq_gov", "us")] == [], [e["snippet"] for e in evs]


def test_a_condemned_raid_with_its_toll_happened():
    e = one_event("Baghdad condemned US air raids that killed 19 fighters near al-Qaim on Sunday.")
    assert (e["attacker_side"], e["target_side"], e["date"]) == ("us", "factions", dt.date(2024, 1, 28))
    assert events_of("Baghdad condemned any raids on its territory.") == []
    # "the raids" alone is an attack too, joined to the one just told
    evs = events_of("US warplanes struck two depots near al-Qaim on Sunday. The raids destroyed both buildings.")
    assert len(evs) == 1 and evs[0]["attacker_side"] == "us"


def test_dates_of_two_clauses_joined_by_and_stay_apart():
    evs = events_of("US jets struck a depot near Akashat on Jan. 3, and American drones hit a truck near al-Qaim on Jan. 5.")
    assert sorted(e["date"] for e in evs) == [dt.date(2024, 1, 3), dt.date(2024, 1, 5)]


def test_an_attack_told_n_days_before_another_is_another_attack():
    evs = events_of("The Jan. 25 strike that killed the commander came four days after US bombers hit a dozen sites "
                    "in western Iraq in retaliation for the Jan. 14 attack on the Victory base.")
    by_date = {e["date"]: e for e in evs}
    assert set(by_date) == {dt.date(2024, 1, 25), dt.date(2024, 1, 21), dt.date(2024, 1, 14)}
    assert (by_date[dt.date(2024, 1, 21)]["attacker_side"], by_date[dt.date(2024, 1, 21)]["target_side"]) == ("us", "factions")
    assert by_date[dt.date(2024, 1, 14)]["target_side"] == "us"


def test_barrages_and_the_same_camp():
    text = ("A rocket barrage on Camp Taji on Saturday wounded three soldiers. "
            "It came three days after a similar attack on the same camp on Wednesday killed two contractors.")
    evs = events_of(text, published=dt.date(2024, 1, 29))
    assert [(e["date"], e["target_side"], e["location"]) for e in evs] == [
        (dt.date(2024, 1, 27), "us", "Taji"), (dt.date(2024, 1, 24), "us", "Taji")]
    # "a barrage of rockets" names the weapon of the attack told by its verb
    assert len(events_of("Fighters targeted the Harir base on Sunday with a barrage of rockets.")) == 1


def test_a_clock_time_does_not_end_the_clause():
    e = one_event("The mujahideen of the Islamic Resistance in Iraq targeted at 21:40 this evening the American "
                  "occupation base of al-Harir in Erbil with a drone.")
    assert (e["attacker_side"], e["target_side"], e["location"], e["date"]) == ("factions", "us", "Harir base", PUB)


def test_the_target_is_not_read_from_the_attribution():
    e = one_event("Two F-16 jets hit an ammunition depot near Albu Kamal at dawn on Friday, a US defence official told AFP.",
                  published=dt.date(2024, 1, 26))
    assert e["target_side"] != "us"


@pytest.mark.parametrize(
    "text, attacker, target, weapons",
    [
        ("An AC-130 gunship killed two militiamen near Abu Ghraib on Monday.", "us", "factions", ["airstrike"]),
        ("A barrage of Katyusha rockets slammed into Camp Taji on Monday.", "unknown", "us", ["rocket"]),
        ("The Islamic Resistance in Iraq said it had sent two drones at the Harir base on Monday.", "factions", "us", ["drone"]),
        ("Militants sent three rockets toward the US embassy on Monday.", "factions", "us", ["rocket"]),
        ("Coalition forces fought off two drones over the Ain al-Asad air base on Monday.", "unknown", "us", ["drone"]),
        ("Three rockets fell near the US embassy late on Monday.", "unknown", "us", ["rocket"]),
        ("The American aggression at dawn on Monday on positions of the resistance in Albu Kamal will not go unanswered.",
         "us", "factions", ["unknown"]),
    ],
)
def test_more_ways_of_telling_an_attack(text, attacker, target, weapons):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["weapons"], e["date"]) == (attacker, target, weapons, dt.date(2024, 1, 29))


def test_future_aggression_is_no_event():
    assert events_of("The American aggression will not pass without a response.") == []
    assert events_of("Oil prices fell in Baghdad on Monday.") == []


def test_attacks_told_as_a_list():
    evs = events_of("Two more rocket attacks followed: one on the Balad air base north of Baghdad on Saturday, "
                    "which wounded an Iraqi contractor, and another on Monday in the Green Zone, near the US embassy.")
    assert [(e["date"], e["location"], e["weapons"], e["target_side"]) for e in evs] == [
        (dt.date(2024, 1, 27), "Balad air base", ["rocket"], "us"),
        (dt.date(2024, 1, 29), "US embassy in Baghdad", ["rocket"], "us")]


@pytest.mark.parametrize(
    "text",
    [
        "An AC-130 gunship killed two militiamen near Abu Ghraib on Monday, shortly after militants fired a ballistic "
        "missile at the Ain al-Asad air base.",
        "A US aircraft struck a militia truck near Abu Ghraib on Monday. The strike came within minutes of a missile "
        "being fired at the Ain al-Asad air base.",
        "Militants fired a ballistic missile at the Ain al-Asad air base on Monday. Immediately following the attack, "
        "an American aircraft conducted a self-defense strike against a militia truck near Abu Ghraib.",
    ],
)
def test_an_attack_told_shortly_after_another_shares_its_day(text):
    evs = events_of(text)
    assert len(evs) == 2, [e["snippet"] for e in evs]
    assert [e["date"] for e in evs] == [dt.date(2024, 1, 29)] * 2
    assert {e["target_side"] for e in evs} == {"us", "factions"}


@pytest.mark.parametrize(
    "text, location",
    [
        ("On Monday, coalition forces downed a drone near the Harir base.", "Harir base"),
        ("Two drones were intercepted over the Ain al-Asad air base on Monday.", "Ain al-Asad air base"),
        ("An armed drone that targeted the Harir air base, which hosts coalition forces north of Erbil, "
         "was shot down late on Monday, officials said.", "Harir base"),
    ],
)
def test_a_drone_stopped_by_the_defences_is_an_attack_on_them(text, location):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["weapons"], e["location"], e["date"]) == (
        "unknown", "us", ["drone"], location, dt.date(2024, 1, 29))


def test_a_noun_and_the_verb_that_tells_it_are_one_attack():
    evs = events_of("The minister condemned on Tuesday the American strikes that targeted positions in Babil province at "
                    "dawn. He did not mention the drone attack that targeted the airport in Erbil on Monday.")
    assert [(e["attacker_side"], e["target_side"], e["weapons"], e["location"], e["date"]) for e in evs] == [
        ("us", "factions", ["unknown"], "Babil", dt.date(2024, 1, 30)),
        ("unknown", "us", ["drone"], "Erbil airport", dt.date(2024, 1, 29))]


def test_the_lead_has_its_day_before_older_reports_are_compared_with_it():
    evs = events_of("The ministry condemned on Tuesday the American strikes that targeted positions in Babil province. "
                    "On 2 December, US aircraft bombed positions of the Popular Mobilisation in Jurf al-Nasr, north of Babil.")
    assert sorted(e["date"] for e in evs) == [dt.date(2023, 12, 2), dt.date(2024, 1, 30)]


def test_the_same_airport():
    evs = events_of("A drone hit Erbil airport on Monday. An earlier rocket attack on the same airport, on January 15, "
                    "wounded a contractor.")
    assert [(e["location"], e["target_side"]) for e in evs] == [("Erbil airport", "us")] * 2


@pytest.mark.parametrize(
    "text, location",
    [
        ("The Islamic Resistance in Iraq claimed drone attacks on two bases on Monday.", None),
        ("The Islamic Resistance in Iraq said it targeted the al-Tanf garrison with a drone on Monday.", "al-Tanf"),
        ("Fighters of the Islamic Resistance in Iraq attacked a US base in Syria with drones on Monday.", "Syria"),
    ],
)
def test_a_place_inside_a_name_is_not_where_the_attack_was(text, location):
    assert one_event(text)["location"] == location


@pytest.mark.parametrize(
    "text",
    [
        "US forces struck three militia sites on Tuesday after a one-way drone attack on the Erbil air base on Monday.",
        "American troops hit two Kataib Hezbollah depots on Tuesday, days after a Monday drone strike on the Harir base.",
        "US forces struck three militia sites on Tuesday in response to a one-way drone attack on the Erbil air base.",
    ],
)
def test_the_weapon_of_the_next_attack_is_its_own(text):
    evs = events_of(text)
    strike = next(e for e in evs if e["attacker_side"] == "us")
    assert strike["weapons"] == ["unknown"]
    assert any(e["weapons"] == ["drone"] and e["target_side"] == "us" for e in evs), [e["snippet"] for e in evs]


@pytest.mark.parametrize(
    "text, location, target",
    [
        ("A drone struck Erbil airport on Monday. On January 15, rockets hit the airport and nearby homes.",
         "Erbil airport", "us"),
        ("A drone struck Erbil airport on Monday. In January, a rocket attack on the same area wounded a contractor.",
         "Erbil airport", "us"),
        ("Drones targeted the Harir base on Monday. On January 15, the base was hit by two rockets.",
         "Harir base", "us"),
        ("Rockets fell near the US embassy on Monday. On January 15, a drone targeted the embassy.",
         "US embassy in Baghdad", "us"),
    ],
)
def test_a_place_told_again_by_a_noun(text, location, target):
    second = events_of(text)[-1]
    assert (second["location"], second["target_side"], second["date"].month) == (location, target, 1)
    assert second["date"].day != 29


def test_the_airport_is_not_an_air_base_told_before():
    # "the airport" refers back to an airport, never to a base; "the same area" never to a country
    evs = events_of("Rockets hit Ain al-Asad air base on Monday. On January 15, a drone hit the airport.")
    assert evs[-1]["location"] is None
    evs = events_of("Rockets hit US forces in Iraq on Monday. On January 15, a drone attack on the same area wounded two.")
    assert evs[-1]["location"] is None


def test_some_of_what_was_told_is_the_same_attack():
    evs = events_of("Militants fired ten missiles at Ain al-Asad air base on Monday. Most were intercepted by air "
                    "defences, but some landed on the base.")
    assert len(evs) == 1
    assert "fired ten missiles" in evs[0]["snippet"]


@pytest.mark.parametrize(
    "text",
    [
        "US forces struck dozens of sites in Iraq on Monday in response to the killing of three US troops.",
        "American jets hit 40 targets in Syria on Monday in revenge for the deaths of two American soldiers.",
        "The Pentagon said it struck more than 30 targets on Monday, answering the killing of US service members.",
    ],
)
def test_no_side_attacks_itself(text):
    e = next(e for e in events_of(text) if e["attacker_side"] == "us")
    assert e["target_side"] == "factions"


@pytest.mark.parametrize(
    "text",
    [
        "The group said it had launched drone attacks on three bases in Syria on Monday.",
        "Militants fired rockets at two bases in eastern Syria on Monday.",
        "Drones targeted several bases in Syria on Monday, the group said.",
    ],
)
def test_bases_counted_are_bases_of_us_forces(text):
    assert one_event(text)["target_side"] == "us"


@pytest.mark.parametrize(
    "text",
    [
        "US forces struck three militia sites in Iraq on Tuesday, hours after a drone hit Erbil airport on Monday. "
        "US officials said the strikes were limited. The Erbil attack was claimed by the Islamic Resistance.",
        "A drone hit Erbil airport on Monday. US jets struck two militia depots in Iraq on Tuesday. "
        "The attack on Erbil wounded three soldiers, officials said.",
    ],
)
def test_a_reference_joins_the_attack_whose_place_it_names_below_the_country(text):
    evs = events_of(text)
    assert sorted((e["attacker_side"], e["location"]) for e in evs) == [("unknown", "Erbil airport"), ("us", "Iraq")]


def test_the_span_of_an_attack_stops_before_the_next_attack_told():
    evs = events_of("On Tuesday, US forces struck two militia depots after a one-way drone attack on the Harir base.")
    strike = next(e for e in evs if e["attacker_side"] == "us")
    assert "drone" not in strike["snippet"]


@pytest.mark.parametrize(
    "text, sites",
    [
        ("The group said its fighters launched drones on Monday against three bases, al-Shaddadi, Conoco and al-Tanf.",
         ("Conoco gas field", "al-Shaddadi", "al-Tanf")),
        ("Drones targeted the Harir base and Ain al-Asad air base on Monday.", ("Ain al-Asad air base", "Harir base")),
        ("Rockets hit the Ain al-Asad air base in Anbar on Monday.", ()),
    ],
)
def test_an_attack_on_several_bases_at_once_keeps_them_all(text, sites):
    from workbench.extract.context import build_context
    from workbench.extract.events import extract_events

    evs = extract_events(build_context("t", text, published=PUB))
    assert len(evs) == 1 and evs[0].sites == sites


@pytest.mark.parametrize(
    "text, location",
    [
        ("A drone launched from Syria struck a US outpost on Monday.", None),
        ("Militants fired two rockets from Iraq at the al-Tanf garrison on Monday.", "al-Tanf"),
        ("A convoy crossing from Iraq was hit by a drone near Albu Kamal on Monday.", "al-Bukamal"),
    ],
)
def test_where_an_attack_came_from_is_not_where_it_was(text, location):
    assert one_event(text)["location"] == location


def test_which_also_hit_is_the_attack_just_told():
    e = one_event("US jets struck militia depots near al-Qaim on Monday, which also hit two trucks crossing from Syria.")
    assert (e["attacker_side"], e["location"]) == ("us", "al-Qaim")


def test_the_attacker_from_a_place_is_read_within_its_clause():
    evs = events_of("Rockets were fired at the Harir base on Monday from Iraq. Kataib Hezbollah denied any role.")
    assert [e["attacker_side"] for e in evs] == ["unknown"]


@pytest.mark.parametrize(
    "text, attacker",
    [
        ("The Islamic Resistance in Iraq announced on Monday that it had targeted the Harir base with a drone.", "factions"),
        ("The Islamic Resistance in Iraq said its fighters had targeted the Harir base with a drone on Monday.", "factions"),
        ("Kataib Hezbollah denied any role in the killing.\n"
         "In a second statement on Monday, it said it had also targeted the Harir base with a drone.", "factions"),
        ("Officials blamed Kataib Hezbollah for the attack on Monday.\n"
         "The group fired a ballistic missile at the Ain al-Asad air base on Saturday.", "factions"),
        ("The Islamic Resistance in Iraq is a loose alliance.\n"
         "The same group claimed a drone attack on the Harir base on Monday.", "factions"),
        ("US Central Command said it struck a Kataib Hezbollah depot near al-Qaim on Monday.", "us"),
        ("The Pentagon said on Monday the group fired rockets at the Harir base.", "unknown"),
    ],
)
def test_it_its_fighters_and_the_group_are_the_organisation_named_before(text, attacker):
    evs = events_of(text)
    assert evs[-1]["attacker_side"] == attacker, [(e["snippet"], e["attacker_side"]) for e in evs]


@pytest.mark.parametrize("came", ["came less than a week after", "came five days after", "was carried out five days after"])
def test_the_object_of_an_attack_ends_where_another_clause_starts(came):
    evs = events_of("A US drone killed a militia commander in Baghdad on Wednesday. "
                    f"The assassination {came} the US military carried out airstrikes on militia positions in al-Qaim.")
    assert [(e["attacker_side"], e["target_side"], e["location"], e["date"]) for e in evs] == [
        ("us", "factions", "Baghdad", PUB), ("us", "factions", "al-Qaim", dt.date(2024, 1, 26))]


@pytest.mark.parametrize(
    "text",
    [
        "Three drones targeted the Harir base on Monday. A spokesman told reporters on Wednesday that two of the drones "
        "were shot down over the base.",
        "Three drones targeted the Harir base on Monday. The Pentagon said on Wednesday that the drones were intercepted "
        "over the Harir base.",
    ],
)
def test_an_attack_told_again_on_a_later_day_keeps_its_day(text):
    e = one_event(text)
    assert e["date"] == dt.date(2024, 1, 29)


def test_the_day_a_claim_is_announced_is_the_day_of_its_attack():
    e = one_event("The Islamic Resistance in Iraq announced on Tuesday that it had targeted the Harir base with a drone.")
    assert (e["attacker_side"], e["date"]) == ("factions", dt.date(2024, 1, 30))


@pytest.mark.parametrize(
    "text, day",
    [
        ("US jets struck militia sites near al-Qaim on Monday, after militants fired a ballistic missile at the "
         "Ain al-Asad air base two days earlier.", dt.date(2024, 1, 27)),
        ("US jets struck militia sites near al-Qaim on Monday, after militants fired rockets at the Harir base "
         "more than a week earlier.", dt.date(2024, 1, 21)),
        ("US forces struck Kataib Hezbollah depots in Iraq on Tuesday.\nThe previous US strikes, on January 20, hit "
         "militia sites near al-Qaim after militants fired rockets at the Harir base two days earlier.",
         dt.date(2024, 1, 18)),
    ],
)
def test_an_attack_told_n_days_earlier_than_another(text, day):
    e = next(e for e in events_of(text) if e["target_side"] == "us")
    assert e["date"] == day


def test_a_date_told_away_from_the_trigger_keeps_its_precision():
    e = one_event("Earlier this week, the American occupation base in the al-Omar oil field in the eastern Deir Ezzor "
                  "countryside came under attack by drones.", published=dt.date(2024, 2, 3))
    assert (e["date"], e["date_precision"]) == (dt.date(2024, 1, 31), "week")


@pytest.mark.parametrize(
    "text, n",
    [
        ("US jets struck militia sites near al-Qaim on Friday. In Syria, sources said the strikes hit sites near "
         "Albu Kamal.", 1),
        ("US jets struck militia sites near al-Qaim on Friday. The airstrikes destroyed depots and the strikes also "
         "targeted a border crossing.", 1),
        ("US jets struck militia sites near al-Qaim on Friday. Separately, a drone strike hit a car in Baghdad on "
         "Saturday.", 2),
    ],
)
def test_a_verb_whose_subject_is_the_attack_told_before_restates_it(text, n):
    assert len(events_of(text)) == n, [e["snippet"] for e in events_of(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It was the third attack this month, after rockets struck Taji on January 10, the Harir base on January 14 "
         "and the Green Zone in Baghdad on January 20.",
         [("Taji", dt.date(2024, 1, 10)), ("Harir base", dt.date(2024, 1, 14)), ("Green Zone", dt.date(2024, 1, 20))]),
        ("Drones targeted al-Tanf on January 12 and the Conoco field on January 15.",
         [("al-Tanf", dt.date(2024, 1, 12)), ("Conoco gas field", dt.date(2024, 1, 15))]),
    ],
)
def test_places_told_each_with_its_day_are_attacks_each(text, expected):
    evs = [e for e in events_of(text) if e["location"] is not None]
    assert [(e["location"], e["date"]) for e in evs] == expected
    assert all(e["weapons"] != ["unknown"] for e in evs)


@pytest.mark.parametrize(
    "text, day",
    [
        ("The Command said a similar attack targeted the Balad air base on 20 January, when a rocket wounded a "
         "contractor working for an Iraqi company.", dt.date(2024, 1, 20)),
        ("The strikes are not the first this year: on 22 January, US aircraft bombed militia positions near al-Qaim.",
         dt.date(2024, 1, 22)),
    ],
)
def test_a_date_closed_by_a_comma_belongs_to_its_own_clause(text, day):
    evs = events_of(text)
    assert day in [e["date"] for e in evs], [(e["snippet"], e["date"]) for e in evs]


def test_a_verb_joins_the_attack_its_subject_names():
    evs = events_of("US forces struck Kataib Hezbollah depots in Iraq on Tuesday.\nThe previous US strikes, on January 20, "
                    "hit militia sites near al-Qaim.")
    assert [(e["location"], e["date"]) for e in evs] == [("Iraq", dt.date(2024, 1, 30)), ("al-Qaim", dt.date(2024, 1, 20))]


@pytest.mark.parametrize(
    "text",
    [
        "US bombers struck 40 targets near al-Qaim on Friday, strikes that the Iraqi government said killed 16 people.",
        "US jets bombed militia depots in Jurf al-Nasr on Friday, an attack that the ministry condemned at the time.",
        "Rockets hit the Harir base on Friday, attacks which the group claimed hours later.",
    ],
)
def test_an_attack_named_again_in_apposition_is_the_same_attack(text):
    assert len(events_of(text)) == 1, [e["snippet"] for e in events_of(text)]


@pytest.mark.parametrize(
    "text, attacker",
    [
        ("The Ain al-Asad air base, which was pounded with a dozen ballistic missiles by the IRGC on Monday, hosts "
         "US troops.", "iran"),
        ("The Harir base was targeted with two explosive-laden drones by the Islamic Resistance in Iraq on Monday.",
         "factions"),
        ("The Harir base was hit on Monday by a drone launched by Kataib Hezbollah.", "factions"),
    ],
)
def test_the_attacker_of_a_passive_past_its_weapon_and_a_relative_clause(text, attacker):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["date"]) == (attacker, "us", dt.date(2024, 1, 29))


@pytest.mark.parametrize(
    "text, target",
    [
        ("A rocket attack on Erbil on Monday that killed a contractor and wounded several Americans drew condemnation.", "us"),
        ("A drone strike in Baghdad on Monday, which killed two militiamen, drew protests.", "factions"),
        ("A rocket attack near Kirkuk on Monday, killing three Iraqi soldiers, was blamed on militants.", "iraq_gov"),
    ],
)
def test_the_victims_of_an_attack_tell_its_target(text, target):
    evs = events_of(text)
    assert evs and evs[0]["target_side"] == target, [(e["snippet"], e["target_side"]) for e in evs]


@pytest.mark.parametrize(
    "text",
    [
        "A similar attack targeted the Balad air base on 20 January, when a rocket wounded a contractor working for "
        "an Iraqi company.",
        "Militants struck the Harir base on Monday, when two drones hit a hangar used by the Iraqi army.",
    ],
)
def test_a_when_clause_after_a_dated_attack_tells_it_again(text):
    evs = events_of(text)
    assert len(evs) == 1 and evs[0]["target_side"] == "us", [(e["snippet"], e["target_side"]) for e in evs]


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (AP) - A barrage of rockets struck Erbil airport on Monday, a security source said.",
        "TEHRAN (Press TV) -- A drone hit the Harir base on Monday, local sources said.",
        "Washington - Rockets struck the Ain al-Asad air base on Monday.",
    ],
)
def test_a_dateline_is_not_the_attacker(text):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"]) == ("unknown", "us")
