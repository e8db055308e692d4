"""Speakers after the seventh held-out corpus: "the spokesman said" is the spokesman, not a
body remembered since; a statement "from his office" is the office-holder's; a name before "was
quoted as saying"; a clause ending in a colon before the quote; a pronoun after a sentence
naming the person; a role opening the sentence in apposition to a name; the subject of two
joined verbs; side words for ministries, the Majlis and pro-Iranian channels. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from workbench.extract.quotes import extract_quotes


def _who(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_side) for q in extract_quotes(text)]


# --------------------------------------------------------------------------- "the spokesman said"

@pytest.mark.parametrize(
    "body",
    ["The Ministry urges drivers to report anything suspicious.",
     "The Ministry of Interior calls on citizens to stay calm.",
     "The Joint Operations Command asks residents to avoid the highway."],
)
def test_the_spokesman_is_the_spokesman_not_the_body_named_since(body: str) -> None:
    text = (
        "The spokesman for the Ministry of Defence, Major General Ali Hamdan, said: “The trucks that were hit carried food "
        "for Iraqi markets.”\n\n"
        f"{body} “We assure the public that the roads are safe and under control,” the spokesman said."
    )
    assert _who(text) == [("Ali Hamdan", "iraq_gov"), ("Ali Hamdan", "iraq_gov")]


def test_the_ministry_is_no_he() -> None:
    # a description headed by a body noun is not a "he"
    text = (
        "Colonel Samir Dawood said the blast hit a fuel tanker.\n\n"
        "The Ministry of Interior later issued a short note on the blast. “Nobody was hurt and the road has reopened,” he said."
    )
    assert _who(text)[0][0] == "Samir Dawood"


# --------------------------------------------------------------------------- "from his office"

@pytest.mark.parametrize(
    "lead",
    [
        "Basra governor Karim Jaber ordered an inquiry into the blast, according to a statement from his office.",
        "Governor Karim Jaber visited the wounded drivers in hospital, according to a statement issued by his media office.",
        "Karim Jaber, the Basra governor, ordered the road closed, according to a communique from his office.",
    ],
)
def test_the_statement_from_his_office_is_the_office_holders(lead: str) -> None:
    text = (
        "According to a tally by the agency, it was the fifth attack this month.\n\n"
        f"{lead} “We will not let armed gangs turn our roads into battlefields,” the statement said."
    )
    assert _who(text) == [("Karim Jaber", "iraq_gov")]


def test_a_statement_not_from_his_office_is_not_the_persons() -> None:
    # the statement is the council's, not the governor's who opens the sentence
    text = (
        "Basra governor Karim Jaber visited the site, according to a statement from the provincial council.\n\n"
        "“Our patience has limits,” the statement said."
    )
    assert _who(text)[0][0] != "Karim Jaber"


# --------------------------------------------------------------------------- passive "quoted as saying"

@pytest.mark.parametrize(
    "tail",
    ["Rostami was quoted as saying by state media.", "Rostami was quoted as saying by the official news agency.",
     "Rostami was cited as saying by Iranian state television."],
)
def test_a_name_before_was_quoted_as_saying(tail: str) -> None:
    text = (
        "In Tehran, the spokesman for the Supreme National Security Council, Hamid Rostami, rejected the accusation.\n\n"
        f"“The claim that Iran armed the attackers is a lie, and the Americans will bear the consequences,” {tail}"
    )
    assert _who(text) == [("Hamid Rostami", "iran")]


# --------------------------------------------------------------------------- colon

@pytest.mark.parametrize(
    "lead",
    [
        "Kataib Hezbollah's security official, Abu Ali al-Askari, put it bluntly in a post last week:",
        "Abu Ali al-Askari summed it up in a message to supporters:",
        "The group's security official, Abu Ali al-Askari, was blunt:",
    ],
)
def test_a_clause_ending_in_a_colon_introduces_its_subjects_words(lead: str) -> None:
    text = f"{lead} “Our rockets are ready and waiting for the order to fire.”"
    assert _who(text) == [("Abu Ali al-Askari", "factions")]


def test_a_colon_after_a_long_clause_names_no_subject() -> None:
    text = ("After weeks of quiet talks in Baghdad and a long night of shelling near the border, the mood at the "
            "funeral of Abu Ali al-Askari's cousin was grim: “We want revenge and we want it now.”")
    assert _who(text)[0][0] != "Abu Ali al-Askari"


# --------------------------------------------------------------------------- pronoun after the person's sentence

@pytest.mark.parametrize("verb", ["she argued", "she said", "she added"])
def test_a_pronoun_takes_the_person_opening_the_sentence_before(verb: str) -> None:
    text = (
        "Analyst Huda al-Jubouri, who studies the armed groups, said the truce was fragile. Retired colonel Mark Hale "
        "said the same.\n\n"
        "“We only ever bought time, never peace,” Hale said.\n\n"
        f"Al-Jubouri is less worried. The groups, {verb}, have too much to lose now. “Attacking the Americans made sense "
        "when they had nothing to lose in the state.”"
    )
    assert _who(text) == [("Mark Hale", "media"), ("Huda al-Jubouri", "media")]


# --------------------------------------------------------------------------- role opening the sentence

@pytest.mark.parametrize(
    "lead",
    [
        "Member of the Parliamentary Foreign Relations Committee, Ali al-Zubaidi, told reporters that parliament would meet.",
        "Member of the parliamentary security committee, Ali al-Zubaidi, told the agency that the session was set.",
        "Head of the provincial council, Ali al-Zubaidi, told a local channel that the roads would reopen.",
    ],
)
def test_a_role_opening_the_sentence_names_the_person_in_apposition(lead: str) -> None:
    text = (
        "Sayyid Ammar al-Hakim condemned the strike. “We condemn this attack on our capital,” al-Hakim wrote.\n\n"
        f"{lead} “Words of condemnation are no longer enough. The parliament must act now,” he said."
    )
    assert _who(text) == [("Ammar al-Hakim", "unknown"), ("Ali al-Zubaidi", "iraq_gov")]


def test_a_sentence_line_with_many_capitals_is_no_headline() -> None:
    text = ("In Tehran, the spokesman for the Supreme National Security Council, Hamid Rostami, rejected the charge.\n\n"
            "“The charge is baseless and we will answer any attack,” he said.")
    assert _who(text) == [("Hamid Rostami", "iran")]


# --------------------------------------------------------------------------- joined verbs

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Pro-Iranian Telegram channels celebrated and claimed that “scores of American troops” had been hit.",
         "Pro-Iranian Telegram channels"),
        ("Resistance channels cheered and said that “the base is burning from end to end.”", "Resistance channels"),
    ],
)
def test_the_subject_of_two_joined_verbs(text: str, speaker: str) -> None:
    assert _who(text) == [(speaker, "factions")]


def test_a_member_of_the_majlis_is_iranian() -> None:
    text = ("Ahmad Karimi, a member of the Majlis national security committee, told reporters: “The occupiers will pay "
            "for every drop of blood.”")
    assert _who(text) == [("Ahmad Karimi", "iran")]


# --------------------------------------------------------------------------- "calling itself"

@pytest.mark.parametrize(
    ("text", "speaker", "side"),
    [
        ('A group calling itself "Saraya Awliya al-Dam" claimed the attack in a statement on Telegram, saying its '
         'fighters had "hit the heart of the American base".', "Saraya Awliya al-Dam", "factions"),
        ("A little-known group calling itself “Ashab al-Kahf” said in a post that its men had “burned two trucks of "
         "the occupier”.", "Ashab al-Kahf", "factions"),
        ('A cell that calls itself "Guardians of the Valley" claimed the blast, saying the convoy "belonged to the '
         'foreign forces".', "Guardians of the Valley", "unknown"),
    ],
)
def test_a_group_calling_itself_x_is_x(text: str, speaker: str, side: str) -> None:
    assert _who(text)[-1] == (speaker, side)


# --------------------------------------------------------------------------- body opening the sentence

@pytest.mark.parametrize(
    "lead",
    [
        "The Popular Mobilization Forces mourned Hadi al-Amiri in a statement, describing him as",
        "Kata'ib Hezbollah eulogised Hadi al-Amiri on Telegram, calling him",
    ],
)
def test_a_body_opening_the_sentence_is_the_subject_not_the_person_after_its_verb(lead: str) -> None:
    text = f"{lead} “a hero who fought the terrorists for ten years”."
    assert _who(text)[0][1] == "factions" and _who(text)[0][0] != "Hadi al-Amiri"


def test_a_person_named_in_apposition_to_the_body_stays_the_speaker() -> None:
    text = "The Hashd spokesman Ali Jabbar issued a statement, saying the strike was “a crime against all Iraqis and their state”."
    assert _who(text) == [("Ali Jabbar", "factions")]
