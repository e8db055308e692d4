"""Events: ordinary wordings of this news that name the attacker, the target, the weapon or
the date in other ways, and statements that are no attack.

Every sentence here is written for these tests in the style of the news the workbench reads.
"""

import datetime as dt

import pytest

from extracting import PUB, events_of, extraction, one_event


# An attack noun whose agent is told by a participle, or with a nationality adjective.
@pytest.mark.parametrize(
    "text, attacker, target, weapons",
    [
        ("Officials said the raids launched by American aircraft on Monday hit militia depots near al-Qaim.",
         "us", "factions", ["airstrike"]),
        ("The strikes carried out by US warplanes on Sunday destroyed two depots in al-Bukamal.",
         "us", "factions", ["airstrike"]),
        ("The minister said the raids conducted by US aircraft late on Monday against positions in Anbar were illegal.",
         "us", "factions", ["airstrike"]),
        ("The American aerial assault on militia positions near al-Qaim on Friday killed four fighters.",
         "us", "factions", ["airstrike"]),
        ("A US aerial attack on a convoy near al-Bukamal on Monday killed three fighters.",
         "us", "factions", ["airstrike"]),
        ("The US Air Force struck militia depots in al-Qaim on Friday.",
         "us", "factions", ["airstrike"]),
    ],
)
def test_the_agent_of_an_attack_noun(text, attacker, target, weapons):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["weapons"]) == (attacker, target, weapons)


# Missiles fired by a drone are the drone's munitions; missiles and drones told side by side are both.
@pytest.mark.parametrize(
    "text, weapons",
    [
        ("A US drone fired two missiles at a car in eastern Baghdad on Monday.", ["drone"]),
        ("A Hellfire missile fired from an MQ-9 Reaper struck a vehicle in Baghdad on Monday.", ["drone"]),
        ("A missile launched from a US drone hit a militia vehicle near al-Qaim on Monday.", ["drone"]),
        ("Militants attacked the Ain al-Asad air base with drones and missiles on Monday.", ["drone", "missile"]),
        ("US jets struck rocket and missile storage sites near al-Qaim on Friday.", ["airstrike"]),
        ("US bombers hit drone supply facilities in al-Bukamal on Friday.", ["airstrike"]),
    ],
)
def test_weapons(text, weapons):
    assert one_event(text)["weapons"] == weapons


# A defence that stopped an attack: it happened, and the defenders were its target.
@pytest.mark.parametrize(
    "text",
    [
        "US forces engaged two drones near the Harir base on Monday, destroying both.",
        "Coalition forces engaged a drone over the Ain al-Asad air base on Monday.",
        "A drone approached the Harir base on Monday and was detected and brought down by coalition air defences.",
        "Two rockets were spotted early and intercepted over the Victory base on Monday.",
    ],
)
def test_defences_are_attacks_on_the_defenders(text):
    e = one_event(text)
    assert e["target_side"] == "us"
    assert e["attacker_side"] == "unknown"


# A characterisation of an attack told before is no attack of its own.
@pytest.mark.parametrize(
    "second",
    [
        'The minister on Monday described the US strikes on al-Qaim as a "cowardly assault" on Iraqi sovereignty.',
        "The minister described the strikes as a 'vicious attack' on the country.",
        'The spokesman called the US raids on al-Qaim "a blatant aggression".',
    ],
)
def test_a_characterisation_is_no_second_attack(second):
    e = one_event("US jets struck militia depots in al-Qaim on Sunday. " + second)
    assert e["attacker_side"] == "us"


# Generic statements and hypotheticals.
@pytest.mark.parametrize(
    "text",
    [
        "The Harir base has been targeted several times in recent years by drones and rockets.",
        "The base has been attacked many times by rockets launched from the desert.",
        "The Islamic Resistance in Iraq carried out dozens of attacks on US forces in Iraq and Syria.",
        "The militias have launched hundreds of attacks on American troops.",
        "Officials expect an Iranian missile attack on Israel within days.",
        "Austin said the strikes came in self-defense after attacks on US forces in Iraq and Syria.",
    ],
)
def test_not_an_attack(text):
    assert events_of(text) == []


def test_a_series_launched_is_still_one_operation():
    assert len(events_of("US jets launched a series of strikes on militia depots in al-Qaim on Friday.")) == 1


# A toll told of "the strikes" restates the strike told before; "according to X" is the source.
@pytest.mark.parametrize(
    "second",
    [
        "According to the Iraqi government, the strikes killed 12 people in al-Qaim.",
        "The strikes killed 12 people near al-Qaim, the government said.",
        "The strikes, which lasted about an hour, hit depots and a command centre near al-Qaim.",
    ],
)
def test_the_strikes_told_again(second):
    e = one_event("US jets struck militia depots in al-Qaim on Friday. " + second)
    assert (e["attacker_side"], e["date"]) == ("us", dt.date(2024, 1, 26))


# A day told with a speech verb is when the attack was told of, not when it happened.
@pytest.mark.parametrize(
    "text, date",
    [
        ("The minister on Tuesday described the US strikes on al-Qaim on Sunday as illegal.", dt.date(2024, 1, 28)),
        ("The minister said on Tuesday that the raids launched by US aircraft late Sunday night hit al-Qaim.",
         dt.date(2024, 1, 28)),
        ("The toll from the US air raids on militia positions near al-Qaim on Sunday has risen to 20, "
         "a militia source said on Tuesday.", dt.date(2024, 1, 28)),
    ],
)
def test_the_day_it_was_told(text, date):
    e = one_event(text)
    assert e["date"] == date


def test_the_day_of_another_attack_referred_to_is_not_its_own():
    evs = events_of("US jets struck militia depots in al-Qaim on Friday. The US military said it had hit 40 targets "
                    "in Iraq and Syria in response to the killing of three US soldiers at a base in Jordan last Sunday.")
    assert [(e["attacker_side"], e["date"]) for e in evs] == [("us", dt.date(2024, 1, 26)), ("unknown", dt.date(2024, 1, 28))]


def test_a_reference_starts_with_its_words():
    text = ("The strike came five days after US jets hit 40 targets in Iraq and Syria in retaliation for "
            "the January 28 drone attack on Tower 22.")
    evs = events_of(text)
    tower = [e for e in evs if e["location"] == "Tower 22"]
    assert len(tower) == 1
    assert "40 targets" not in tower[0]["snippet"]


def test_an_attack_told_in_two_countries_has_no_one_place():
    text = ("US warplanes struck militia sites in Iraq and Syria on Friday. "
            "The strikes killed 16 fighters in al-Qaim, a militia source said.")
    e = one_event(text)
    assert e["location"] == "al-Qaim"


def test_a_place_named_as_an_actor_after_the_verb_is_not_where():
    e = one_event("US jets struck militia depots in al-Qaim on Friday. Officials informed the government "
                  "before the strikes were carried out, a claim Baghdad later disputed.")
    assert e["location"] == "al-Qaim"


def test_a_headline_verb_carries_its_place():
    e = one_event("US drone strike in Baghdad kills militia commander")
    assert e["location"] == "Baghdad"


@pytest.mark.parametrize(
    "text",
    [
        "An explosive-laden drone approached the Harir base on Monday before it was shot down.",
        "A drone approached the Ain al-Asad air base late on Monday, officials said.",
    ],
)
def test_a_drone_that_approached_a_base(text):
    e = one_event(text)
    assert (e["target_side"], e["weapons"]) == ("us", ["drone"])


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers in Washington, many of whom had urged strikes inside Iran, called the response weak.",
        "Several senators called for strikes on Iranian soil.",
        "The attacks on US forces in Iraq and Syria had largely stopped by then.",
    ],
)
def test_wishes_and_attacks_in_general(text):
    assert events_of(text) == []


def test_the_attack_following_which_others_were_launched_is_not_theirs():
    e = [e for e in events_of("The US launched retaliatory strikes following the drone attack that killed three "
                              "US soldiers in Jordan on Sunday.") if e["weapons"] == ["drone"]]
    assert len(e) == 1
    assert (e[0]["attacker_side"], e[0]["target_side"]) == ("unknown", "us")


@pytest.mark.parametrize(
    "text",
    [
        "Tehran denied any role in the drone attack on the outpost known as Tower 22, in which three US soldiers were killed.",
        "Officials discussed the rocket attack on the Ain al-Asad air base, which injured five US personnel.",
    ],
)
def test_a_definite_attack_told_with_its_toll_is_an_attack(text):
    e = one_event(text)
    assert e["target_side"] == "us"


def test_an_incident_known_to_a_week_takes_a_day_of_that_week():
    from workbench.extract.incidents import EventRef, link_incidents

    def ref(key, date, precision):
        return EventRef((key, 0), key, key.upper(), dt.date(2024, 2, 5), date, precision, "Jordan",
                        "attack_on_us", "unknown", "us", ("drone",))

    # "in late January" (a week) told first, "on January 28" (a day) later
    assigned, _ = link_incidents([ref("a", dt.date(2024, 1, 26), "week"), ref("b", dt.date(2024, 1, 28), "day")])
    assert assigned[("a", 0)] == assigned[("b", 0)]
    assigned, _ = link_incidents([ref("a", dt.date(2024, 1, 26), "day"), ref("b", dt.date(2024, 1, 28), "day")])
    assert assigned[("a", 0)] != assigned[("b", 0)]


def test_the_speaker_who_said_in_a_statement_that_it_targeted():
    e = one_event("The Islamic Resistance in Iraq, for its part, said in a statement on Tuesday that it had "
                  "targeted the Harir base with a drone.")
    assert e["attacker_side"] == "factions"


def test_a_toll_after_a_running_count_counts_the_attack_told_between():
    res = extraction("A US official said there had been 16 attacks in all, including a drone attack on "
                     "Tuesday on the Harir base that caused no injuries.", published=PUB)
    assert len(res.events) == 1
    assert [c["event"] for c in res.claims] == [0]


@pytest.mark.parametrize(
    "second",
    [
        "The drone strike came five days after the US air raids on al-Qaim.",
        "The drone strike was carried out in response to the attacks on US forces in Jordan.",
    ],
)
def test_a_toll_counts_the_attack_told_not_the_one_referred_to(second):
    text = ("A US drone struck a car in eastern Baghdad on Wednesday. " + second
            + " The militia said three of its members were killed.")
    res = extraction(text, published=PUB)
    drone = [i for i, e in enumerate(res.events) if e["location"] == "Baghdad"]
    assert len(drone) == 1
    assert [c["event"] for c in res.claims] == drone


def test_a_standfirst_tells_the_attack_the_article_goes_on_to_tell():
    text = ("The strikes, using B-1 bombers, hit militia depots.\n"
            "The US military on Friday struck 40 targets at four locations in Iraq and Syria.")
    e = one_event(text)
    assert (e["attacker_side"], e["weapons"], e["date"]) == ("us", ["airstrike"], dt.date(2024, 1, 26))


@pytest.mark.parametrize(
    "text, attacker, target, weapons",
    [
        ("The base was pounded with dozens of ballistic missiles by the Islamic Revolutionary Guard Corps on Monday.",
         "iran", "us", ["missile"]),
        ("The Islamic Resistance in Iraq said it had sent two drones at the Harir base on Monday.",
         "factions", "us", ["drone"]),
        ("Militants sent three rockets toward the Victory base late on Monday.", "factions", "us", ["rocket"]),
    ],
)
def test_more_ways_to_tell_an_attack(text, attacker, target, weapons):
    e = one_event(text)
    assert (e["attacker_side"], e["target_side"], e["weapons"]) == (attacker, target, weapons)


def test_since_a_day_when_an_attack_happened():
    e = one_event("The drone was the first to hit the Harir base since January 2, when six rockets landed near the base.")
    assert e["date"] == dt.date(2024, 1, 2)


def test_the_rockets_of_an_attack_are_no_count_of_attacks():
    e = one_event("Since Sunday, four rockets have landed near the Ain al-Asad air base.")
    assert e["munitions"] == 4
    assert events_of("Since Sunday, there have been three rocket attacks on bases hosting US forces.") == []


def test_an_appositive_restates_the_attack_just_told():
    e = one_event("US bombers struck 40 targets near al-Qaim on 2 January, strikes that the government said "
                  "killed 16 people.")
    assert (e["attacker_side"], e["date"], e["location"]) == ("us", dt.date(2024, 1, 2), "al-Qaim")


@pytest.mark.parametrize(
    "text, on_us, others",
    [
        ("Washington struck 40 targets on Friday in response to the killing of three US soldiers at a base in "
         "Jordan last Sunday.", 1, 1),
        ("The strikes came after the killing of two American troops at the Tower 22 outpost on January 28.", 1, 0),
        ("The killing of three US soldiers shocked Washington.", 0, 0),
        ("Officials investigated the killing of three US soldiers.", 0, 0),
    ],
)
def test_the_killing_of_soldiers_referred_to(text, on_us, others):
    evs = events_of(text)
    assert len([e for e in evs if e["target_side"] == "us"]) == on_us
    assert len([e for e in evs if e["target_side"] != "us"]) == others
