"""Rules added in the fifth round: date wording and event/incident mechanisms."""

import datetime

import pytest

from workbench.dates import find_dates

P = datetime.date(2024, 1, 22)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Jets killed the fighters at the end of December, the group said.", "2023-12-21", "2023-12-31"),
        ("The rockets struck the base towards the end of October.", "2023-10-21", "2023-10-31"),
        ("Drones hit the camp at the beginning of November.", "2023-11-01", "2023-11-10"),
        ("The strikes began at the start of 2020.", "2020-01-01", "2020-04-30"),
        ("A rocket fell on the airport in the middle of September.", "2023-09-10", "2023-09-20"),
        ("Attacks rose at the end of 2023.", "2023-09-01", "2023-12-31"),
    ],
)
def test_end_beginning_middle_of_a_month_or_year(text, low, high):
    (d,) = find_dates(text, published=P)
    assert (str(d.low), str(d.high)) == (low, high)


@pytest.mark.parametrize(
    "text, found",
    [
        ("The talks reached their end of term on Monday.", ["Monday"]),
        ("By the end of last year the attacks had stopped.", ["last year"]),
        ("A drone fell in the middle of Baghdad on Monday.", ["Monday"]),
        ("Since the end of the war in 2003 the base has grown.", ["2003"]),
        ("The start of talks was delayed.", []),
    ],
)
def test_end_of_not_before_a_month_or_year(text, found):
    assert [d.text for d in find_dates(text, published=P)] == found


def _events(text, published=P):
    from workbench.extract.context import build_context
    from workbench.extract.events import extract_events

    return extract_events(build_context("t", text, published=published, outlet="Test Wire"))


@pytest.mark.parametrize(
    "text, attack_day",
    [
        ("Rockets struck the Harir base on Jan. 19. A spokesman addressed the attack during a briefing on Monday.", "2024-01-19"),
        ("A drone hit Erbil airport on Jan. 19. The ministry condemned the attack in a statement on Monday.", "2024-01-19"),
        ("Rockets hit Ain al-Asad on Jan. 19. The general discussed the strike at a news conference on Sunday.", "2024-01-19"),
        ("Rockets hit Ain al-Asad on Jan. 19. The minister spoke about the attack in a televised interview late on Sunday.", "2024-01-19"),
    ],
)
def test_a_day_after_an_occasion_of_speech_is_when_the_attack_was_told(text, attack_day):
    (ev,) = _events(text)
    assert str(ev.date[0]) == attack_day


@pytest.mark.parametrize(
    "text, day",
    [
        ("The attack on the base on Sunday killed two guards.", "2024-01-21"),
        ("A drone attack during the night on Sunday hit the Harir base.", "2024-01-21"),
    ],
)
def test_a_day_without_an_occasion_of_speech_stays_the_attacks(text, day):
    (ev,) = _events(text)
    assert str(ev.date[0]) == day


@pytest.mark.parametrize(
    "text, weapons",
    [
        ("Militants launched a barrage of ballistic missiles and rockets at Al Asad Air Base on Jan. 20.", ("missile", "rocket")),
        ("Militias launched a salvo of Katyusha rockets and mortar shells at Victory Base on Jan. 20.", ("mortar", "rocket")),
        ("The militias launched a swarm of explosive-laden drones and rockets toward the Harir base on Sunday.", ("drone", "rocket")),
    ],
)
def test_launched_reaches_a_long_list_of_munitions(text, weapons):
    (ev,) = _events(text)
    assert ev.weapons == weapons and ev.best.verbal


@pytest.mark.parametrize(
    "text, n, weapons",
    [
        ("A one-way attack drone struck the Harir base on Sunday, officials said.", 1, ("drone",)),
        ("Hours after an attack drone hit the Erbil base on Sunday, jets struck Kataib Hezbollah sites in Babil.", 2, None),
        ("Two attack helicopters fired missiles at militia positions near al-Qaim on Sunday.", 1, ("missile",)),
    ],
)
def test_an_attack_drone_is_a_weapon_not_another_attack(text, n, weapons):
    evs = _events(text)
    assert len(evs) == n
    if weapons:
        assert evs[0].weapons == weapons


@pytest.mark.parametrize(
    "text",
    [
        "The attack on the Harir base on Sunday wounded two soldiers.",
        "The attacks drew a US response on Sunday against militia sites in Babil.",
    ],
)
def test_attack_before_other_words_is_still_an_attack(text):
    assert len(_events(text)) >= 1


@pytest.mark.parametrize(
    "text",
    [
        "At dawn today, Sunday, American aircraft carried out an air attack that targeted the headquarters of an Iraqi army brigade in Jurf al-Nasr.",
        "On Sunday US jets carried out an air strike that hit a federal police post near Jurf al-Nasr.",
        "Unknown aircraft launched a drone attack which struck Iraqi army positions near al-Qaim on Sunday.",
    ],
)
def test_an_attack_carried_out_that_targeted_is_one_attack(text):
    (ev,) = _events(text)
    assert str(ev.date[0]) == "2024-01-21"


def _mentions(text, published=P):
    from workbench.extract.context import build_context
    from workbench.extract.events import find_event_mentions

    return find_event_mentions(build_context("t", text, published=published, outlet="Test Wire"))


@pytest.mark.parametrize(
    "text, ref_trigger",
    [
        ("US jets pounded militia targets in Iraq on Friday in reply to a deadly drone strike on a base in Jordan.", "drone strike"),
        ("The group fired rockets at the base on Sunday, replying to the American strikes on its positions.", "American strikes"),
        ("Washington bombed the depots on Friday in answer to the drone attack on its troops.", "drone attack"),
    ],
)
def test_in_reply_to_tells_another_attack(text, ref_trigger):
    ms = _mentions(text)
    ref = next(m for m in ms if m.trigger.lower() == ref_trigger.lower())
    assert ref.anaphoric and ref.date is None
    assert any(m.date is not None for m in ms if m is not ref)


@pytest.mark.parametrize(
    "text, side",
    [
        ("Jets struck Kataib Hezbollah depots on Sunday after the group fired rockets at Ain al-Asad.", "factions"),
        ("The US bombed two Nujaba sites in Baghdad after the movement launched drones at the Harir base.", "factions"),
        ("Washington hit Kataib Hezbollah on Sunday after the militia fired missiles at Erbil air base.", "factions"),
    ],
)
def test_the_group_is_the_faction_named_before_it_in_its_sentence(text, side):
    ms = _mentions(text)
    assert ms[-1].attacker_side == side


def test_the_group_without_a_faction_named_before_stays_unknown():
    ms = _mentions("After the group fired rockets at Ain al-Asad on Sunday, the base was put on alert.")
    assert all(m.attacker_side in ("unknown",) for m in ms)


@pytest.mark.parametrize(
    "text",
    [
        "Two days ago came the attack that targeted Camp Taji on Sunday evening, in which rockets fell on areas where Iraqi soldiers are stationed.",
        "The attack on Ain al-Asad air base on Sunday, in which rockets fell on positions of the Iraqi army, was claimed by no group.",
    ],
)
def test_one_base_told_as_us_and_iraqi_army_target_is_one_attack(text):
    assert len(_events(text)) == 1


@pytest.mark.parametrize(
    "text, n",
    [
        # two places that are not one base hosting US forces stay two attacks
        ("Rockets hit the US embassy in Baghdad on Sunday, and a drone hit an Iraqi army post in Basra on Sunday.", 2),
    ],
)
def test_other_targets_stay_apart(text, n):
    assert len(_events(text)) == n


@pytest.mark.parametrize(
    "text, weapons",
    [
        ("Al-Tanf was the target of Iran's missile retaliation in January 2020, officials recalled.", ("missile",)),
        ("The Harir base came under the militia's rocket retaliation on Sunday.", ("rocket",)),
        ("A drone retaliation hit Erbil air base on Sunday night.", ("drone",)),
    ],
)
def test_a_missile_retaliation_is_an_attack(text, weapons):
    (ev,) = _events(text)
    assert ev.weapons == weapons


@pytest.mark.parametrize(
    "text",
    [
        "Iran threatened a missile retaliation against US bases.",
        "The strikes came in retaliation for the killing of three soldiers.",
    ],
)
def test_retaliation_threatened_or_as_a_reason_is_no_missile_attack(text):
    assert not any("missile" in ev.weapons for ev in _events(text))
