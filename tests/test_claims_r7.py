"""Claims and tallies, round 7: the start of a tally's period, periods told in other words,
figures put at a number, tolls, losses, nominal outcomes, repeats of different attacks,
interview turns. Sentences written for these tests."""

import datetime as dt

import pytest

from extracting import claims_of, one_claim, one_tally, tallies_of


def _day(value) -> dt.date:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else value.date()


# --- tallies: since when ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, since",
    [
        ("Rocket crews have hit coalition bases at least 14 times since the beginning of 2022, officials said.", dt.date(2022, 1, 1)),
        ("US forces in Syria have been attacked 31 times since 2021, a defense official said.", dt.date(2021, 1, 1)),
        ("Militias have targeted American troops more than 20 times since the start of the year.", dt.date(2024, 1, 1)),
        ("The army has recorded 12 attacks on supply convoys since the beginning of this year.", dt.date(2024, 1, 1)),
        ("Police counted nine attacks on logistics convoys since the start of November 2023.", dt.date(2023, 11, 1)),
    ],
)
def test_a_count_since_a_period_runs_from_its_first_day(text, since):
    assert _day(one_tally(text)["since"]) == since


def test_since_the_middle_of_a_month_is_not_its_first_day():
    t = one_tally("US forces have been attacked more than 60 times since mid-October 2023.")
    assert dt.date(2023, 10, 10) <= _day(t["since"]) <= dt.date(2023, 10, 20)


@pytest.mark.parametrize(
    "text, low, high",
    [
        # calendar months before publication (2024-01-31)
        ("For more than two months, the militias have attacked our troops over 50 times.", dt.date(2023, 11, 25), dt.date(2023, 12, 1)),
        ("Iran's proxies have attacked US bases 40 times for three months now.", dt.date(2023, 10, 28), dt.date(2023, 11, 2)),
    ],
)
def test_a_count_for_some_months(text, low, high):
    t = one_tally(text)
    assert low <= _day(t["since"]) <= high


def test_a_count_in_the_first_months_of_a_year_told_before():
    ts = tallies_of("In 2020, roadside bombs hit many convoys. Officials counted 18 attacks on convoys in that year's first four months.")
    assert [(t["count"], _day(t["since"])) for t in ts] == [(18, dt.date(2020, 1, 1))]


def test_a_count_between_a_day_with_its_year_and_a_month():
    t = one_tally("The Pentagon says militias attacked US troops some 150 times between October 17, 2023 and early January.")
    assert (t["count"], t["qualifier"], _day(t["since"])) == (150, "approx", dt.date(2023, 10, 17))


@pytest.mark.parametrize(
    "text, count",
    [
        ("Today's operation brings the number of convoys targeted by the brigade since the start of the year to 12 convoys.", 12),
        ("The attack raised the number of bases struck since the start of the year to seven.", 7),
        ("The raid brings the total number of attacks on the occupation since the start of the year to 25.", 25),
    ],
)
def test_a_count_the_number_is_brought_to(text, count):
    t = one_tally(text, outlet="Sabereen News", side="factions")
    assert (t["count"], t["target_side"]) == (count, "us")


def test_a_number_brought_to_that_is_no_count_of_attacks():
    assert tallies_of("The decision brings the number of advisers in the country since the start of the year to 2,500.") == []


# --- claims: figures put at a number ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, outcome, low, side",
    [
        ("CENTCOM put the number of militants killed at six and said two launchers were destroyed.", "killed", 6, "factions"),
        ("The ministry puts the number of Iraqi soldiers wounded in the blast at 14.", "injured", 14, "iraq_gov"),
        ("Monitors now put the dead at 23, including four civilians.", "killed", 23, None),
        ("Hospital officials placed the wounded at more than 30.", "injured", 31, None),
    ],
)
def test_figures_put_at_a_number(text, outcome, low, side):
    c = one_claim(text)
    assert (c["outcome"], c["low"]) == (outcome, low)
    if side:
        assert c["victim_side"] == side


@pytest.mark.parametrize(
    "text, low, qualifier",
    [
        ("Local sources told the agency the toll was at least seven.", 7, "at_least"),
        ("Residents said the death toll was nine, among them two children.", 9, "exact"),
    ],
)
def test_the_toll_was(text, low, qualifier):
    c = one_claim(text)
    assert (c["outcome"], c["low"], c["qualifier"]) == ("killed", low, qualifier)


def test_among_the_dead_was_a_commander_counts_nothing():
    assert [c for c in claims_of("Among the martyrs was a senior field commander of the brigade, the source added.")
            if c["low"] == 1] == []


@pytest.mark.parametrize(
    "text, low, side",
    [
        ("The strike claimed the lives of 12 members of the brigade.", 12, "factions"),
        ("The bombing took the lives of three civilians near the market.", 3, "civilians"),
    ],
)
def test_lives_claimed(text, low, side):
    c = one_claim(text)
    assert (c["outcome"], c["low"], c["victim_side"]) == ("killed", low, side)


@pytest.mark.parametrize(
    "text, low",
    [
        ("The device went off under a truck, resulting in minor injuries to one driver.", 1),
        ("The blast caused injuries to two drivers of the convoy, police said.", 2),
    ],
)
def test_injuries_to_a_number(text, low):
    c = one_claim(text)
    assert (c["outcome"], c["low"], c["qualifier"], c["victim_side"]) == ("injured", low, "exact", "civilians")


# --- claims: losses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, low, qualifier, side",
    [
        ("Resistance sources said the occupiers suffered heavy losses.", None, "vague", "us"),
        ("The device exploded near the convoy with no human losses.", 0, "none", None),
        ("The statement said the occupation forces suffered losses in lives and equipment.", None, "vague", "us"),
        ("The group said the occupation forces suffered casualties in the attack.", None, "vague", "us"),
    ],
)
def test_losses_are_casualties(text, low, qualifier, side):
    c = one_claim(text)
    assert (c["outcome"], c["low"], c["qualifier"]) == ("casualties", low, qualifier)
    if side:
        assert c["victim_side"] == side


@pytest.mark.parametrize(
    "text",
    [
        "The bombing caused heavy material losses at the depot.",
        "The militia suffered heavy losses in equipment.",
        "The company reported heavy financial losses after the attack.",
    ],
)
def test_losses_of_things_are_no_claim(text):
    assert claims_of(text) == []


# --- claims: repeats -----------------------------------------------------------------------------


def test_counts_alike_after_dates_apart_are_two_attacks():
    text = ("On March 3, 2021, rockets hit the Balad air base. No one was hurt. In June 2022, two drones "
            "struck the Harir base; no one was hurt.")
    assert [c["low"] for c in claims_of(text)] == [0, 0]


def test_the_same_count_told_twice_of_one_attack_is_one_claim():
    text = ("On March 3, 2021, rockets hit the Balad air base. No one was hurt.\n\n"
            "The base had been hit before, officials said. No one was hurt in the attack on March 3, 2021, the army said.")
    assert len([c for c in claims_of(text) if c["claimant"] == "Reuters"]) <= 1


# --- claimants -----------------------------------------------------------------------------------


def test_an_attribution_after_a_semicolon_is_another_clauses():
    c = [c for c in claims_of("On May 2, a bomb near Samawah wounded one truck driver; the Interior Ministry counted "
                              "15 attacks that month.") if c["low"] == 1]
    assert [(c["claimant"], c["claimant_side"]) for c in c] == [("Reuters", "media")]


def test_an_interview_turn_in_title_case_names_the_claimant():
    text = ("The Monitor spoke to Samir Khalil, a researcher who follows the factions.\n\n"
            "The Monitor: What happened after the drone strike?\n\n"
            "Khalil: The Americans hit back hard, and their helicopters killed five of the launch crews.\n\n")
    cs = claims_of(text, outlet="The Monitor")
    assert [c["claimant"] for c in cs if c["low"] == 5] == ["Samir Khalil"]


@pytest.mark.parametrize(
    "text",
    [
        "Only two of them caused injuries, police said.",
        "Four of the attacks caused casualties among the guards.",
        "Just one of the strikes resulted in deaths.",
    ],
)
def test_a_count_of_attacks_that_caused_an_outcome_is_no_claim(text):
    assert [c for c in claims_of(text) if c["low"]] == []


def test_a_count_before_its_outcome_still_counts():
    assert one_claim("Two contractors were wounded, police said.")["low"] == 2


@pytest.mark.parametrize(
    "text",
    [
        "Rockets hit the base on Friday, which the Americans said hurt nobody.",
        "The Americans said two of their soldiers were hurt.",
    ],
)
def test_the_americans_said(text):
    c = one_claim(text)
    assert (c["claimant"], c["claimant_side"]) == ("US military", "us")


@pytest.mark.parametrize(
    "text",
    [
        "Hours after the raid, the base came under rocket fire, and resistance sources said the occupiers suffered heavy losses.",
        "The convoy was hit near Samawah, and militia sources said three soldiers died.",
    ],
)
def test_a_source_in_lower_case_after_and(text):
    c = one_claim(text)
    assert c["claimant_side"] == "factions"


@pytest.mark.parametrize(
    "text",
    [
        "Mourners carried the two martyrs of the American strike through the streets.",
        "The funeral of the three martyrs of the US raid was held in Baghdad.",
    ],
)
def test_the_attack_named_after_the_victims_is_not_their_side(text):
    assert one_claim(text)["victim_side"] != "us"


def test_victims_among_a_side_after_the_outcome_still_count():
    assert one_claim("There were no casualties among the US forces at the base.")["victim_side"] == "us"


@pytest.mark.parametrize(
    "text, side",
    [
        ("Villagers said one of the dead was a young shepherd.", "civilians"),
        ("Officials said one of the dead was a civilian contractor.", None),
    ],
)
def test_who_the_victims_were_told_as_a_predicate(text, side):
    c = one_claim(text)
    assert c["low"] == 1 and c["victim_side"] != "unknown"
    if side:
        assert c["victim_side"] == side


def test_a_predicate_that_tells_no_side():
    assert one_claim("Police said one of the dead was a man in his forties.")["victim_side"] in ("unknown", "civilians")


@pytest.mark.parametrize(
    "text, outcome, low, side",
    [
        ("Two residents said six fighters were killed in the raid. A third source put the number at four.", "killed", 4, "factions"),
        ("Police said nine soldiers were wounded. A medic put the figure at 11.", "injured", 11, None),
    ],
)
def test_the_number_put_at_a_count_is_of_the_count_before(text, outcome, low, side):
    c = [c for c in claims_of(text) if c["low"] == low]
    assert len(c) == 1 and c[0]["outcome"] == outcome
    if side:
        assert c[0]["victim_side"] == side


def test_the_number_put_at_a_count_with_no_count_before():
    assert claims_of("The army said the bases were hit. Officials put the number at five.") == []


def test_losses_told_in_detail_are_one_claim():
    c = one_claim("The army said the militia suffered heavy losses, with four of its fighters killed.")
    assert c["low"] == 4


@pytest.mark.parametrize(
    "outlet, side, claimant",
    [
        ("Iraqi Ministry of Interior", "iraq_gov", "Iraqi Interior Ministry"),  # its own statement
        ("Reuters", "media", "Interior Ministry"),  # a news outlet: the ministry as named
    ],
)
def test_a_ministry_in_its_own_statement_is_itself(outlet, side, claimant):
    c = one_claim("The Ministry of Interior announces that a bomb went off near a convoy on the highway, with no human losses.",
                  outlet=outlet, side=side)
    assert (c["claimant"], c["claimant_side"]) == (claimant, "iraq_gov")
