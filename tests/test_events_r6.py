"""Round 6 of the events: condemned attacks told with their toll, attacks in general told in the
present perfect, running counts."""

from __future__ import annotations

import pytest

from tests.extracting import events_of, one_event


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
