"""Claimant, speaker and outlet sides, on sentences and names written for these tests."""

import datetime as dt

import pytest

from workbench.actors import load_gazetteer
from extracting import extraction as shared_extraction

PUB = dt.date(2024, 2, 1)


def extraction(text: str, outlet="Reuters", side="media"):
    return shared_extraction(text, published=PUB, outlet=outlet, side=side)


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


def tallies_of(text: str):
    return [(t["count"], t["target_side"], t["claimant_side"]) for t in extraction(text).tallies]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the counted noun left out after "among"/"one of"
        ("The strike was among at least 103 against U.S. forces in Iraq and Syria since Oct. 17, according to the Defense Department.",
         [(103, "us", "us")]),
        ("It was one of more than 60 against American troops since mid-October, the Pentagon said.", [(61, "us", "us")]),
        # "attacked X N times": the target is the object, not the attackers
        ("The militias have attacked US forces more than 160 times since mid-October, according to the Pentagon.", [(161, "us", "us")]),
        ("Iran-backed groups have attacked U.S. troops at least 60 times since October 17.", [(60, "us", "media")]),
        # "by X's count" attributes the number
        ("By the Pentagon's count, there have been more than 140 attacks against U.S. forces since Oct. 17.", [(141, "us", "us")]),
        ("By CENTCOM's tally, there have been 75 attacks on coalition bases since October.", [(75, "us", "us")]),
        # negatives: no tally without an attack noun, and "among" with no count of attacks
        ("The strike was among the deadliest since October 17.", []),
        ("Among 40 people questioned since Monday, none was charged.", []),
    ],
)
def test_tallies_r5(text, expected):
    assert tallies_of(text) == expected


@pytest.mark.parametrize(
    "text, side",
    [
        ("By the Pentagon's count, three service members were wounded in the attack.", "us"),
        ("By the PMF's own figures, 16 fighters were killed in the strikes.", "factions"),
        # negative: "by" an attacker is not a source
        ("The strike was carried out by the coalition, and five fighters were killed.", "media"),
    ],
)
def test_by_count_attribution(text, side):
    assert [s for _, s in claimants(text)] == [side]


@pytest.mark.parametrize(
    "text, side",
    [
        ('Asked whether Washington would respond, a senior defense official said only that "we are not going to discuss our plans."', "us"),
        ('"We will hold those responsible to account," a senior administration official told reporters.', "us"),
        ('A defense official said that "the drone came in low and was not detected."', "us"),
        # a nationality before the idiom wins
        ('An Iraqi defense official said that "the strikes violated our sovereignty completely."', "iraq_gov"),
        ('An Iranian defense official said that "the region will not accept foreign forces."', "iran"),
    ],
)
def test_unplaced_us_idioms(text, side):
    assert [s for _, s in speakers(text)] == [side]


@pytest.mark.parametrize(
    "outlet, side, claimant",
    [
        # a body publishing its own statement claims under its canonical name
        ("Kata'ib Hezbollah media office (translated)", "factions", "Kata'ib Hezbollah"),
        ("Iraqi Prime Minister's Media Office", "iraq_gov", "Iraqi government"),
        ("Reuters", "media", "Reuters"),
        # an outlet the gazetteer does not know keeps the name it is given, less a catalog's note
        # on it (the outlet of "Al-Akhbar (English translation)" is Al-Akhbar); an acronym stays
        ("Basra Evening Post (English edition)", "media", "Basra Evening Post"),
        ("Basra Evening Post (BEP)", "media", "Basra Evening Post (BEP)"),
    ],
)
def test_publisher_claims_in_own_voice(outlet, side, claimant):
    claims = extraction("Three fighters were martyred in the aggression.", outlet=outlet, side=side).claims
    assert [(c["claimant"], c["claimant_side"]) for c in claims] == [(claimant, side)]


@pytest.mark.parametrize(
    "text, stance",
    [
        ('The group said it would "choose the time and place" of its answer to the raid.', "escalatory"),
        ('"We will choose the right time and place for our response," the spokesman said.', "escalatory"),
        ('"This is the first step, and there will be more to come," the president said.', "escalatory"),
        ('"No armed group has the right to act outside the framework of the state," the prime minister said.', "deescalatory"),
        # negatives
        ('"More details about the meeting will come next week," the official said.', "informational"),
        ('"The strike hit the depot at the time the convoy arrived," the official said.', "informational"),
    ],
)
def test_stance_cues_r5(text, stance):
    assert [q["stance"] for q in extraction(text).quotes] == [stance]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an ordinal whose noun is left out before "carried out by / launched against"
        ("The operation was the 170th carried out by the Resistance since October 18.", [(170, "us", "media")]),
        ("The attack was the 66th launched against US forces since October 17, the Pentagon said.", [(66, "us", "us")]),
        ("It was the 45th conducted on coalition bases since mid-October.", [(45, "us", "media")]),
        # negatives
        ("He was the 3rd carried out of the building since Monday.", []),
        ("She was the 12th to arrive since Monday.", []),
    ],
)
def test_ordinal_elided_noun(text, expected):
    assert tallies_of(text) == expected
