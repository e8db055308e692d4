"""Round 6 of the events: condemned attacks told with their toll, attacks in general told in the
present perfect, running counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extracting import PUB, events_of, extraction, one_event


@pytest.mark.parametrize(
    "text",
    [
        "The ministry condemned the US drone strike on a residential area in Baghdad that martyred a commander of Kata'ib Hezbollah on Monday night.",
        "Tehran denounced the American air raid on houses in Baghdad that martyred two members of Harakat al-Nujaba on Monday.",
        "The spokesman condemned the US drone attack on a residential area in the Iraqi capital, Baghdad, that killed a Kata'ib Hezbollah commander on Monday.",
    ],
)
def test_condemned_attack_with_its_toll_happened(text):
    ev = one_event(text)
    assert ev["attacker_side"] == "us"
    assert ev["target_side"] == "factions"  # the commander, not the houses around him
    assert ev["location"] == "Baghdad"


def test_condemned_attacks_in_general_are_no_event():
    assert events_of("The ministry condemned any attack on diplomatic missions in Baghdad.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Armed factions in Iraq have targeted US bases in Iraq and Syria in response to the war on Gaza.",
        "Resistance groups have attacked American forces in Iraq and Syria to protest the war.",
        "The militias have in recent months repeatedly targeted the coalition bases in eastern Syria.",
    ],
)
def test_attacks_in_general_are_no_event(text):
    assert events_of(text) == []


def test_present_perfect_with_a_day_is_an_event():
    ev = one_event("Armed factions have targeted the Harir base with two drones on Monday, a security source said.")
    assert ev["target_side"] == "us"
    assert ev["weapons"] == ["drone"]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon says militias have attacked U.S. forces in Iraq, Syria and Jordan more than 150 times since mid-October.",
        "Iran-backed groups carried out nearly 170 attacks on U.S. troops in Iraq and Syria between October 2023 and early February, officials said.",
    ],
)
def test_running_counts_are_no_event(text):
    assert events_of(text) == []


def test_a_verbs_weapon_subject_is_not_lent_to_the_noun_before():
    evs = events_of(
        "The spokesman condemned the US drone strike in Baghdad that killed a Kata'ib Hezbollah commander on Monday. "
        "The assassination came days after US warplanes struck dozens of sites in Iraq and Syria last Friday."
    )
    weapons = sorted(tuple(e["weapons"]) for e in evs)
    assert weapons == [("airstrike",), ("drone",)]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon cited the rocket attack on Erbil on January 20 that killed a civilian contractor and wounded a US service member.",
        "Officials pointed to the drone attack on Kirkuk on January 20 that killed a civilian worker and injured two American soldiers.",
    ],
)
def test_a_toll_with_us_victims_is_an_attack_on_us_forces(text):
    ev = one_event(text)
    assert ev["target_side"] == "us"


def test_a_toll_of_civilians_only_stays_civilians():
    ev = one_event("A US strike on a house in Mosul on January 20 killed two civilians.")
    assert ev["target_side"] == "civilians"


@pytest.mark.parametrize(
    "text",
    [
        "The Americans justified the raid by the rocket attack that targeted Erbil airport on the evening of 20 January.",
        "Washington explained its strikes by the drone attack that hit the Harir base on 20 January.",
    ],
)
def test_an_attack_noun_is_the_subject_of_its_relative_verb(text):
    evs = [e for e in events_of(text) if e["date"] == dt.date(2024, 1, 20)]
    assert len(evs) == 1
    assert evs[0]["attacker_side"] != "us"
    assert evs[0]["target_side"] == "us"


@pytest.mark.parametrize(
    "text",
    [
        "Rockets hit the Harir base on Monday, a week after U.S. air strikes on militia targets in eastern Syria.",
        "Two drones struck the Ain al-Asad air base on Monday, three days after American airstrikes on militia sites in Iraq.",
    ],
)
def test_plural_strikes_placed_in_time_by_another_attack_are_an_event(text):
    evs = events_of(text)
    assert len(evs) == 2
    strikes = [e for e in evs if e["attacker_side"] == "us"]
    assert len(strikes) == 1 and strikes[0]["weapons"] == ["airstrike"]


def test_plural_attacks_in_general_still_no_event():
    assert events_of("The factions have threatened more attacks on U.S. forces in Iraq.") == []


def test_an_assassination_takes_the_day_told_in_its_own_phrase():
    ev = one_event("The killing came weeks after the assassination of faction commander Abu Ali al-Basri in Baghdad on January 4.")
    assert ev["date"] == dt.date(2024, 1, 4)
    assert ev["location"] == "Baghdad"


def test_attacks_listed_with_their_days_each_keep_their_own_day_and_span():
    text = ("This is the third American strike in Iraq since October, after the Jurf al-Nasr raid on November 22 "
            "and the raids on Hilla on December 26.")
    evs = events_of(text)
    by_place = {e["location"]: e for e in evs}
    assert by_place["Jurf al-Nasr"]["date"] == dt.date(2023, 11, 22)
    assert by_place["Hillah"]["date"] == dt.date(2023, 12, 26)
    assert "Jurf" not in by_place["Hillah"]["snippet"]


@pytest.mark.parametrize(
    "text, days",
    [
        ("A US drone strike in Baghdad on Wednesday killed a militia commander.\nThe strike came more than a week after "
         "the Harir attack, at a base known as Camp Harir, and four days after the U.S. hit 40 targets in Iraq and Syria with bombers.", 4),
        ("A US drone strike in Baghdad on Wednesday killed a militia commander.\nThe strike came more than a week after "
         "the Erbil attack, at the city's airport, and two days after the U.S. hit dozens of targets in Syria with bombers.", 2),
    ],
)
def test_each_n_days_after_counts_from_the_attack_the_sentence_opens_with(text, days):
    evs = events_of(text)
    bombers = [e for e in evs if "airstrike" in e["weapons"]]
    assert len(bombers) == 1
    assert bombers[0]["date"] == dt.date(2024, 1, 31) - dt.timedelta(days=days)


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi officials said on Monday that a US drone strike in Baghdad killed a Kata'ib Hezbollah commander.",
        "Witnesses told the agency that an American air strike near Jurf al-Nasr killed two fighters on Monday.",
    ],
)
def test_a_verb_trigger_opening_with_its_noun_takes_the_nouns_attacker(text):
    ev = one_event(text)
    assert ev["attacker_side"] == "us"


@pytest.mark.parametrize(
    "text",
    [
        "The raid on Monday killed four fighters near al-Qaim, a Hashd source said.",
        "The previous American raids on the same area, in January, killed 20 fighters near al-Qaim.",
    ],
)
def test_a_bare_raid_is_an_air_raid(text):
    ev = one_event(text)
    assert ev["weapons"] == ["airstrike"]


def test_a_raid_nearby_lends_no_weapon_to_a_rocket_attack():
    evs = events_of("Washington justified the raid by the rocket attack that targeted Erbil airport on 20 January.")
    rockets = [e for e in evs if e["date"] == dt.date(2024, 1, 20)]
    assert len(rockets) == 1 and rockets[0]["weapons"] == ["rocket"]


def test_a_raid_with_its_weapon_keeps_it():
    assert one_event("A drone raid on Monday hit a militia headquarters near al-Qaim.")["weapons"] == ["drone"]


def test_a_roughly_counted_gap_gives_a_week_not_a_day():
    evs = events_of("A US drone strike in Baghdad on Wednesday killed a militia commander.\n"
                    "The strike came more than a week after the Harir attack, at a base known as Camp Harir.")
    harir = [e for e in evs if e["location"] == "Harir base"]
    assert len(harir) == 1
    assert harir[0]["date"] == dt.date(2024, 1, 23) and harir[0]["date_precision"] == "week"


def test_an_exact_gap_gives_a_day():
    evs = events_of("A US drone strike in Baghdad on Wednesday killed a militia commander.\n"
                    "The strike came eight days after the Harir attack, at a base known as Camp Harir.")
    harir = [e for e in evs if e["location"] == "Harir base"]
    assert harir[0]["date"] == dt.date(2024, 1, 23) and harir[0]["date_precision"] == "day"


def test_the_day_a_group_spoke_of_its_attacks_is_not_theirs():
    evs = events_of("Rockets hit the Ain al-Asad air base on Sunday, officials said.\n"
                    "Three soldiers were killed in the drone attack on the Harir base. "
                    "Kata'ib Hezbollah said on Monday that it was suspending its attacks on U.S. forces.")
    harir = [e for e in evs if e["location"] == "Harir base"]
    assert len(harir) == 1 and harir[0]["date"] is None


def test_a_place_at_the_end_of_a_long_prepositional_phrase_is_the_attacks():
    evs = events_of("Two days after the drone attack on the base of the international coalition in the al-Omar oil field, "
                    "the toll was still disputed.")
    assert [e["location"] for e in evs] == ["al-Omar oil field"]


def test_a_phrase_with_a_verb_before_the_place_does_not_reach_it():
    evs = events_of("The drone attack on the outpost that was guarding the road near the al-Omar oil field on Sunday "
                    "wounded two fighters.")
    assert all(e["location"] != "al-Omar oil field" for e in evs)


def test_the_headline_is_not_the_attacks_best_mention():
    text = ("Conflicting tolls in drone attack on Harir base … and a militia claims it\n"
            "Two days after the drone attack on the Harir base, the number of wounded is still disputed.")
    ev = one_event(text)
    assert ev["snippet"].startswith("days after the drone attack") or ev["snippet"].startswith("Two days")


def test_n_days_earlier_opening_a_sentence_counts_back_from_the_attack_told_before():
    evs = events_of("An explosive-laden drone struck the Harir base late on Sunday, wounding two soldiers.\n"
                    "The coalition did not comment.\n"
                    "Two days earlier, US forces carried out air strikes on militia positions near al-Qaim.")
    strikes = [e for e in evs if e["attacker_side"] == "us"]
    assert len(strikes) == 1 and strikes[0]["date"] == dt.date(2024, 1, 26)


def test_a_referred_attack_takes_no_weapon_from_the_attack_that_answers_it():
    evs = events_of("The Islamic Resistance said it had attacked the Harir base with a suicide drone on Monday "
                    "in response to the US strikes on Friday on militia positions near al-Qaim.")
    strikes = [e for e in evs if e["attacker_side"] == "us"]
    assert len(strikes) == 1 and "drone" not in strikes[0]["weapons"]


@pytest.mark.parametrize(
    "text",
    [
        "The Pentagon said the commander had planned attacks on US forces, including the attack on Tower 22.",
        "He was behind several operations against American troops, including the drone attack on the Harir base.",
    ],
)
def test_a_definite_attack_on_a_named_base_starts_an_event(text):
    evs = events_of(text)
    assert len(evs) == 1 and evs[0]["target_side"] == "us"


def test_a_definite_attack_on_a_country_does_not():
    assert events_of("The commander had planned attacks on US forces, including the attack in Syria.") == []


def test_a_nouns_weapon_words_do_not_hide_its_attacker():
    ev = one_event("Ain al-Asad took the brunt of the Iranian ballistic missile barrage in January 2020.")
    assert ev["attacker_side"] == "iran"


def test_the_field_is_the_oil_field_named_before():
    text = ("A drone struck the al-Omar oil field on Sunday, killing six fighters of the Syrian Democratic Forces. "
            "The group said it was answering the US strikes on Friday on militia positions near al-Bukamal.\n"
            "The coalition said none of its soldiers had been hurt in the attack on the field.")
    ex = extraction(text, published=PUB)
    claim = next(c for c in ex.claims if "none of its soldiers" in c["snippet"])
    assert ex.events[claim["event"]]["location"] == "al-Omar oil field"


@pytest.mark.parametrize(
    "text",
    [
        "It was the third American strike in Iraq this year, after the raid on Jurf al-Nasr on January 5 and the "
        "strike on Hillah on January 12.",
        "This is the second US strike on Iraqi soil since October, after the raid near al-Qaim on January 5.",
    ],
)
def test_the_attacks_an_ordinal_counts_after_are_the_same_sides(text):
    evs = [e for e in events_of(text) if e["date"] and e["date"].day in (5, 12)]
    assert evs and all(e["attacker_side"] == "us" and e["target_side"] == "factions" for e in evs)



# Round 7: bombs that went off, aircraft that destroyed, replies told after the attack they answer.


@pytest.mark.parametrize(
    "text",
    [
        "On June 3, a device went off under a truck on the highway south of Samawah.",
        "On June 3, an explosive device exploded under a fuel tanker on the road north of Kut.",
        "On June 3, a roadside bomb detonated beside a truck on the highway near Karbala.",
    ],
)
def test_a_bomb_that_went_off_in_may_or_june_is_an_attack(text):
    ev = one_event(text)
    assert ev["weapons"] == ["ied"]
    assert ev["date"] == dt.date(2023, 6, 3)


def test_the_month_of_may_is_no_modal():
    ev = one_event("On May 12, a device went off under a truck on the highway south of Samawah.")
    assert ev["date"] == dt.date(2023, 5, 12)
    assert events_of("The factions may attack the convoys again, the ministry warned.") == []


@pytest.mark.parametrize(
    "text",
    [
        "On Monday a device south of Basra slightly wounded one truck driver.",
        "On Monday an improvised explosive device near Basra injured two drivers.",
    ],
)
def test_a_device_that_wounded_someone_is_an_attack(text):
    ev = one_event(text)
    assert ev["weapons"] == ["ied"]


def test_a_device_found_and_defused_is_no_attack():
    assert events_of("Police found a device under a bridge near Basra on Monday and defused it.") == []


@pytest.mark.parametrize(
    "text, side",
    [
        ("On Monday a roadside bomb hit a supply convoy near Nasiriyah.", "us"),
        ("On Monday an explosive device exploded targeting a convoy of trucks on the Samawah road.", "us"),
        ("At dawn on Monday our fighters targeted a convoy of the occupier north of Basra.", "us"),
    ],
)
def test_supply_convoys_are_the_coalitions(text, side):
    assert one_event(text)["target_side"] == side


@pytest.mark.parametrize(
    "text",
    [
        "US attack helicopters then destroyed two trucks used in the attack on Tuesday.",
        "American gunships destroyed the launchers near al-Mayadin on Tuesday.",
    ],
)
def test_aircraft_that_destroyed_something_attacked_it(text):
    ev = one_event(text)
    assert ev["attacker_side"] == "us"
    assert ev["weapons"] == ["airstrike"]


def test_a_reply_in_general_is_no_event():
    assert events_of("The US has responded with drone and airstrikes on militia sites in Iraq.") == []


@pytest.mark.parametrize(
    "reply",
    [
        "US forces responded with attack helicopters and a gunship, destroying three trucks.",
        "The US military said its helicopters struck back at the launch sites, killing three militants.",
        "American helicopters hit back at the launch teams, the command said.",
    ],
)
def test_a_reply_is_not_the_strike_told_before_the_attack_it_answers(reply):
    text = (
        "US warplanes struck a weapons depot of Iran-backed militias near al-Bukamal on Monday night. "
        "On Tuesday evening, rockets hit a US base at the al-Omar oil field, wounding two soldiers. "
        + reply
    )
    evs = events_of(text, published=dt.date(2023, 3, 15))
    assert len(evs) == 3, [e["snippet"] for e in evs]
    strike, rockets, answer = sorted(evs, key=lambda e: e["start"])
    assert strike["date"] == dt.date(2023, 3, 13)
    assert rockets["date"] == dt.date(2023, 3, 14)
    assert answer["attacker_side"] == "us"
    assert answer["date"] == dt.date(2023, 3, 14)  # the day of the attack it answers, told no later


def test_a_reply_told_first_takes_the_mentions_of_itself():
    text = (
        "US warplanes struck back at militia positions near al-Qaim on Wednesday after rockets hit the Ain al-Asad "
        "air base on Tuesday. The American strikes destroyed two depots, the Pentagon said."
    )
    evs = events_of(text, published=dt.date(2023, 3, 16))
    assert len(evs) == 2, [e["snippet"] for e in evs]


@pytest.mark.parametrize(
    "opener, day, precision",
    [
        ("Ten days later,", dt.date(2023, 2, 7), "day"),
        ("Three days after that,", dt.date(2023, 1, 31), "day"),
        ("Five weeks later,", dt.date(2023, 3, 4), "week"),
    ],
)
def test_an_attack_told_n_days_later_is_counted_from_the_one_before(opener, day, precision):
    text = ("On January 28, 2023, a drone killed two US soldiers at the Tower 22 outpost in Jordan. "
            f"{opener} a US drone hit a car in Baghdad, killing a Kata'ib Hezbollah commander.")
    first, later = events_of(text, published=dt.date(2023, 6, 1))
    assert first["date"] == dt.date(2023, 1, 28)
    assert (later["date"], later["date_precision"]) == (day, precision)


def test_later_inside_a_sentence_is_no_opener():
    text = ("On January 28, 2023, a drone killed two US soldiers at the Tower 22 outpost in Jordan. "
            "A US drone hit a car in Baghdad on February 7, and officials confirmed the death later.")
    first, later = events_of(text, published=dt.date(2023, 6, 1))
    assert later["date"] == dt.date(2023, 2, 7)
