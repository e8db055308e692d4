"""Stance cue families added after the seventh held-out corpus: pursuit ("hunted down", "no
safe house", "keep going after"), rising costs, pressure and deterrence as calls for force,
weapons waiting for "the moment", a return to the field, charges of theft and of endangering
the peace, a truce announced as a suspension of operations, and plain readings (a label for the
Islamic State, food and fuel, an analyst's retrospective). Short quotes written for these
tests, with negative cases."""

from __future__ import annotations

import pytest

from workbench.extract.stance import score_stance

CASES = [
    # pursuit
    ("The men behind this attack will be hunted down wherever they are", "us", "escalatory"),
    ("We will hunt them down one by one", "us", "escalatory"),
    ("There is no safe house for these killers anywhere in the region", "us", "escalatory"),
    ("The occupiers will find nowhere to hide in our land", "factions", "escalatory"),
    ("We are going to keep going after the networks that attack our people", "us", "escalatory"),
    ("We will continue to go after those responsible", "us", "escalatory"),
    # rising costs
    ("The resistance will make their stay more costly with every passing week", "iran", "escalatory"),
    ("Every day the occupation stays, it will become more costly for them", "factions", "escalatory"),
    # pressure and deterrence as calls for force
    ("I urge the administration to keep up the pressure on these militias", "us", "escalatory"),
    ("Our troops deserve leaders who restore deterrence", "us", "escalatory"),
    ("Yesterday's strike was long overdue", "us", "escalatory"),
    # weapons waiting for the moment, a return to the field
    ("Our rockets are not asleep; they are waiting for the moment that calls for them", "factions", "escalatory"),
    ("The brothers are waiting for the right moment to act", "factions", "escalatory"),
    ("The factions will return to the field if the foreign forces stay", "factions", "escalatory"),
    # charges of theft and of endangering the peace
    ("The Americans are stealing Syrian oil", "iran", "condemnatory"),
    ("The occupation forces keep plundering the wealth of the region", "syria", "condemnatory"),
    ("This reckless raid has put the stability of the whole country at risk", "iraq_gov", "condemnatory"),
    ("The foreign presence has become a source of danger for our people", "iraq_gov", "condemnatory"),
    # a truce
    ("We are suspending military operations against the occupation forces", "factions", "deescalatory"),
    ("The brigades have suspended their operations for now", "factions", "deescalatory"),
]


@pytest.mark.parametrize(("quote", "side", "stance"), CASES)
def test_cue_families(quote: str, side: str, stance: str) -> None:
    got = score_stance(quote, speaker_side=side)
    assert got.stance == stance, got


NEGATIVE = [
    # a label for the Islamic State in a eulogy is no threat
    ("He was one of the heroes who fought the Daesh terrorist gangs in Anbar", "factions"),
    ("He fought ISIS terrorists in the western desert for three years", "iraq_gov"),
    # cargo, not "fuelling" anything
    ("The trucks carry nothing but food and fuel for local firms", "us"),
    # an analyst looking back is no threat
    ("Every time we thought we had restored deterrence, we only bought a pause", "media"),
    ("The groups learned where the red line was", "media"),
    # a late budget is not a call for force from an Iraqi minister
    ("The budget was long overdue and the salaries are now paid", "iraq_gov"),
]


@pytest.mark.parametrize(("quote", "side"), NEGATIVE)
def test_negative_cases_stay_informational(quote: str, side: str) -> None:
    got = score_stance(quote, speaker_side=side)
    assert got.stance == "informational", got
