"""Claimant, speaker and outlet sides, on sentences and names written for these tests."""

import datetime as dt

import pytest

from workbench.actors import load_gazetteer
from workbench.extract import extract_article

PUB = dt.date(2024, 2, 1)


def extraction(text: str, outlet="Reuters", side="media"):
    return extract_article("t", text, published=PUB, outlet=outlet, outlet_side=side)


@pytest.mark.parametrize(
    "name, side",
    [
        # a body's own media office publishes for the body
        ("Kata'ib Hezbollah media office", "factions"),
        ("the media office of Kata'ib Hezbollah", "factions"),
        ("Iraqi Prime Minister's Media Office", "iraq_gov"),
        ("the media office of the Iraqi prime minister", "iraq_gov"),
        # Lebanese Hezbollah's channel is axis media, like Al-Mayadeen, not an Iraqi faction's
        ("Al-Manar", "iran"),
        ("Al-Manar TV", "iran"),
        ("Al-Mayadeen", "iran"),
        # negatives: the factions' own channels stay factions; news agencies stay media
        ("Sabereen News", "factions"),
        ("Reuters", "media"),
    ],
)
def test_publisher_sides(name, side):
    actor = load_gazetteer().resolve(name, loose=False)
    assert actor is not None and actor.side == side


def speakers(text: str):
    return [(q["speaker"], q["speaker_side"]) for q in extraction(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a compound surname ("Abdel Rahman", "Abu Layla") refers back to the one named in full
        ('"The houses are full of fighters," said the monitor\'s director Rami Abdel Rahman. '
         '"Any strike there will kill civilians," Abdel Rahman added.',
         [("Rami Abdel Rahman", "media")] * 2),
        ('"We saw the convoy leave at dawn," said Ahmed Abdel Karim, a researcher. '
         '"They did not come back before night," Abdel Karim said.',
         [("Ahmed Abdel Karim", "media")] * 2),
        ('Omar Abu Layla, a journalist in the east, spoke to reporters. '
         '"The groups have left their bases for good," Abu Layla said.',
         [("Omar Abu Layla", "media")]),
        # negatives: another given name before the same compound is someone else
        ('"The houses are full of fighters," said Ali Abu Zaid, a researcher. '
         '"We will answer every single strike," Hassan Abu Zaid said.',
         [("Ali Abu Zaid", "media"), ("Hassan Abu Zaid", "unknown")]),
    ],
)
def test_compound_surnames(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, side",
    [
        # the body in a speaker's role phrase gives the side
        ('"The strikes only bring more chaos to the region," said Sara Khan, senior adviser at the International Crisis Group.', "media"),
        ('"Washington wants to show it can act alone," said Sara Khan, the project director at Crisis Group.', "media"),
        ('Omar Abu Layla, director of Deir ez-Zor 24, said that "the groups now move only at night."', "media"),
        ('Major General Abdul Karim Khalaf said that "the strikes do not serve anyone at all."', "iraq_gov"),
    ],
)
def test_speaker_side_from_body(text, side):
    assert [s for _, s in speakers(text)] == [side]


def claimants(text: str):
    return [(c["claimant"], c["claimant_side"]) for c in extraction(text).claims]


@pytest.mark.parametrize(
    "text, side",
    [
        # the subject of a clause joined after a comma is in that clause, not a person named before it
        ("Missiles hit the base days after the killing of Abu Mahdi al-Muhandis, and the Pentagon first said nobody had been hurt.", "us"),
        ("The drone struck a car carrying Qais al-Khazali's aides, but CENTCOM later said no civilians were killed.", "us"),
        ("The strike followed the funeral of Abu Mahdi al-Muhandis; the PMF said four fighters were killed.", "factions"),
        # a relative clause between the source and its verb
        ("An Iraqi military official, who spoke on condition of anonymity because he was not authorised to talk, said two Iraqi soldiers were wounded.", "iraq_gov"),
        ("A US defense official, who was not authorized to speak publicly, said three service members were injured.", "us"),
        ("A PMF commander, who asked not to be named, said five fighters were killed in the raid.", "factions"),
        # a negated subject is nobody's claim: the number stays the outlet's
        ("No group has claimed the attack. The rocket attack killed a US contractor.", "media"),
        ("Nobody has claimed responsibility. Two American soldiers were wounded in the attack.", "media"),
    ],
)
def test_claimant_side_attribution(text, side):
    assert [s for _, s in claimants(text)] == [side]


def victim_sides(text: str):
    return [c["victim_side"] for c in extraction(text).claims]


@pytest.mark.parametrize(
    "text, sides",
    [
        # the subject of "suffered/sustained" right before the count is the victims
        ("The occupation suffered dozens of dead and wounded in the attack, the group said.", ["us"]),
        ("The occupation forces suffered heavy casualties at the base.", ["us"]),
        ("The Hashd suffered three dead in the night strike.", ["factions"]),
        ("The American forces sustained several wounded in the barrage.", ["us"]),
        # negatives: victims named after the count keep their own side
        ("The convoy suffered an ambush that killed two Iraqi soldiers.", ["iraq_gov"]),
        ("Three PMF fighters were killed in the strike.", ["factions"]),
    ],
)
def test_victims_who_suffered(text, sides):
    assert victim_sides(text) == sides
