"""Stance cue families added after the sixth held-out corpus: the answer at a time of one's
choosing, unfinished business, ultimatums, resolve formulas, cooling language, pushing to the
brink, fanning the flames, a calm word put in another's mouth, and a death reported as
"the martyrdom of". Short quotes written for these tests, with negative cases."""

from __future__ import annotations

import pytest

from workbench.extract.stance import score_stance

CASES = [
    # the answer at a time of one's choosing
    ("Our reply will arrive at the time we choose and in the manner we decide", "factions", "escalatory"),
    ("The response is coming, at a time and place we choose", "factions", "escalatory"),
    ("They will see our answer at the moment we choose", "iran", "escalatory"),
    ("The resistance will strike back at a time of our choice", "factions", "escalatory"),
    # unfinished business
    ("This job is not done yet.", "us", "escalatory"),
    ("Our work is not finished in Iraq.", "us", "escalatory"),
    ("Let me be clear: this is not over.", "us", "escalatory"),
    # ultimatums
    ("We have given the Americans enough time to pack their bags", "factions", "escalatory"),
    ("The brothers gave Baghdad enough chances", "factions", "escalatory"),
    ("Our patience has run out with the occupiers", "factions", "escalatory"),
    # resolve formulas
    ("We will keep taking the actions we need to take against these groups", "us", "escalatory"),
    ("The coalition will continue to take decisive action", "us", "escalatory"),
    ("We are going to do what we have to do to defend our troops", "us", "escalatory"),
    # cooling
    ("Everyone needs to bring down the temperature now", "us", "deescalatory"),
    ("We are working to lower tensions between the parties", "iraq_gov", "deescalatory"),
    ("The talks aim to cool regional tensions", "media", "deescalatory"),
    # pushing to the brink, refusing to stay silent
    ("These raids push the whole country to the brink of a wider war", "iraq_gov", "condemnatory"),
    ("Baghdad will not remain silent about these violations of its land", "iraq_gov", "condemnatory"),
    ("They acted with no regard for the lives of civilians", "iraq_gov", "condemnatory"),
    ("The strike was carried out without the slightest regard for our laws", "iraq_gov", "condemnatory"),
    # striking at the country's security
    ("This attack targets the stability of the whole region", "iraq_gov", "condemnatory"),
    ("Such acts target the security and stability of our country", "iran", "condemnatory"),
    # fanning the flames
    ("Washington keeps fanning the flames of war in the region", "iran", "condemnatory"),
    ("These raids only add fuel to the fire", "iraq_gov", "condemnatory"),
    # a calm word in another's mouth is a charge of bad faith
    ("The American government, which claims it does not want a wider conflict, bombs our cities", "iran", "condemnatory"),
    ("The enemy that claims it does not want war is sending more troops", "factions", "condemnatory"),
    ("They pretend to seek calm while their jets strike our brothers", "iraq_gov", "condemnatory"),
    # a death told with its charge protests
    ("Two of our men were martyred by the Zionist-American aggression near the border", "factions", "condemnatory"),
    # dragged into a response: negated it calms (a faction's reading stays a threat)
    ("We must avoid being drawn into a reaction that suits the Americans", "iraq_gov", "deescalatory"),
    ("Nobody will drag us into a response the enemy planned", "factions", "escalatory"),
]


@pytest.mark.parametrize(("quote", "side", "stance"), CASES)
def test_cue_families(quote: str, side: str, stance: str) -> None:
    got = score_stance(quote, speaker_side=side)
    assert got.stance == stance, got


NEGATIVE = [
    # others' choice is no threat; a report of a death is no threat
    ("The strikes came at a time they chose, without warning", "iraq_gov"),
    ("The raid led to the martyrdom of three fighters and wounded five", "factions"),
    ("The bombing resulted in the martyrdom of a brigade commander", "factions"),
    # "paying a price" as a description, not a threat
    ("The group has been paying a heavy price for months", "media"),
    ("Civilians paid the price of these raids", "media"),
    # the investigation is not finished: no cue
    ("The investigation into the blast continues", "us"),
    # striking security forces is a report, not a charge
    ("The drone targeted security forces near the airport", "iraq_gov"),
    # the temperature of the weather
    ("The temperature reached forty degrees at the base", "us"),
]


@pytest.mark.parametrize(("quote", "side"), NEGATIVE)
def test_negative_cases_stay_informational(quote: str, side: str) -> None:
    got = score_stance(quote, speaker_side=side)
    assert got.stance == "informational", got


def test_martyrdom_alone_still_reads_as_resolve() -> None:
    # "martyrdom" as a goal keeps its faction reading; only "the martyrdom of" reports a death
    assert score_stance("We seek martyrdom on this path", speaker_side="factions").stance == "escalatory"


def test_a_threat_to_make_someone_pay_a_price() -> None:
    assert score_stance("They will pay a price for every drop", speaker_side="factions").stance == "escalatory"
    assert score_stance("The occupiers must pay the price", speaker_side="iran").stance == "escalatory"


def test_protecting_our_people_alone_is_no_threat() -> None:
    assert score_stance("The new shelters are there to protect our people", speaker_side="us").stance == "informational"
    # ... but it adds to a resolve formula
    assert score_stance("Attacks are unacceptable and we will do what we must do to protect our troops",
                        speaker_side="us").stance == "escalatory"
