"""Speakers after the sixth held-out corpus: unnamed sources keep the text's wording ("a source
close to X", "a field source in X"), a body's media office speaks as itself, a name in
apposition to a role-headed phrase, a speech verb joined to another verb, and a person
introduced by an appositive that ends in a relative clause. Sentences written for these tests."""

from __future__ import annotations

import pytest

from workbench.extract.quotes import extract_quotes


def _who(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.speaker_side) for q in extract_quotes(text)]


# --------------------------------------------------------------------------- "close to"

@pytest.mark.parametrize(
    ("text", "speaker", "side"),
    [
        ("A source close to Kata'ib Hezbollah said the group would “answer in its own way and at its own hour.”",
         "source close to Kata'ib Hezbollah", "factions"),
        ("A commander close to the Popular Mobilization Forces said: “Our units are on full alert tonight.”",
         "commander close to the Popular Mobilization Forces", "factions"),
        ("Sources close to the armed factions said the leaders agreed to “keep the next step secret for now.”",
         "Sources close to the armed factions", "factions"),
        ("On Sunday, a channel affiliated with the Hashd claimed that “dozens of soldiers were hurt at the base.”",
         "channel affiliated with the Hashd", "factions"),
    ],
)
def test_a_speaker_close_to_a_body_keeps_the_texts_words(text: str, speaker: str, side: str) -> None:
    assert _who(text) == [(speaker, side)]


def test_a_named_body_close_to_another_is_itself_the_speaker() -> None:
    text = "Kata'ib Hezbollah, close to Tehran, said the raid was “a crime that will not be forgotten.”"
    assert _who(text) == [("Kata'ib Hezbollah", "factions")]


# --------------------------------------------------------------------------- "a field source in X"

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A field source in the Hashd said the strike “hit an empty warehouse near the crossing.”", "Hashd field source"),
        ("A security source in the Hashd said: “The drones came from the west, three of them.”", "Hashd security source"),
        # no word before "source": as before
        ("A source in the Hashd said the strike “hit an empty warehouse near the crossing.”", "Hashd source"),
    ],
)
def test_a_source_in_a_body_keeps_its_modifier(text: str, speaker: str) -> None:
    assert _who(text) == [(speaker, "factions")]


# --------------------------------------------------------------------------- media offices

@pytest.mark.parametrize(
    ("text", "speaker", "side"),
    [
        ("The Hashd media office said the strike “killed two of our fighters near the border crossing.”",
         "Hashd media office", "factions"),
        ("In a statement, the SDF press office said the drone “came from the areas west of the river.”",
         "SDF press office", "unknown"),
    ],
)
def test_a_bodys_media_office_speaks_as_itself(text: str, speaker: str, side: str) -> None:
    assert _who(text) == [(speaker, side)]


def test_the_body_itself_is_still_the_body() -> None:
    text = "The Hashd said the strike “killed two of our fighters near the border crossing.”"
    assert _who(text) == [("Popular Mobilization Forces", "factions")]


# --------------------------------------------------------------------------- role-headed apposition

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not leave our land to the occupiers,” the head of the group’s political bureau, "
         "Karim al-Saedi, said on Monday.", "Karim al-Saedi"),
        ("“The bases are within our reach,” the deputy commander of the movement’s drone unit, "
         "Hadi al-Rubaie, said in a speech.", "Hadi al-Rubaie"),
    ],
)
def test_a_name_in_apposition_to_a_role_headed_phrase(text: str, speaker: str) -> None:
    assert [s for s, _ in _who(text)] == [speaker]


def test_a_role_phrase_without_a_name_is_not_taken_for_one() -> None:
    # nobody is named after the role phrase: the speaker is not a person from elsewhere
    text = "“The talks went well,” the head of the delegation, speaking to reporters, said."
    assert [s for s, _ in _who(text)] != ["Karim al-Saedi"]


# --------------------------------------------------------------------------- coordinated verbs

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Asa'ib Ahl al-Haq, in a post on its channel on Sunday, mourned two of its members and said they had been "
         "“killed on the road to the crossing.”", "Asa'ib Ahl al-Haq"),
        ("Kata'ib Hezbollah buried one of its commanders on Friday and then said in a statement: "
         "“His blood will light the way for those who follow.”", "Kata'ib Hezbollah"),
    ],
)
def test_a_speech_verb_joined_to_another_verb_takes_the_clauses_subject(text: str, speaker: str) -> None:
    # (not "its" of the verb phrase before it, which points back at another body)
    prefix = "The Syrian Observatory for Human Rights counted the dead. "
    assert [s for s, _ in _who(prefix + text)] == [speaker]


# --------------------------------------------------------------------------- appositive with a relative clause

def test_an_appositive_ending_in_a_relative_clause_names_the_person() -> None:
    text = (
        "US Defense Secretary Lloyd Austin spoke first. Omar Haddad, a retired colonel who now writes for a think tank "
        "in Amman, was doubtful that the raids would work. “These strikes are messages, nothing more,” he said."
    )
    assert _who(text) == [("Omar Haddad", "media")]


def test_a_long_appositive_with_a_relative_clause_still_needs_a_role() -> None:
    text = (
        "US Defense Secretary Lloyd Austin spoke first. Sami Jaber, a man from the village who saw the convoy burn on "
        "Sunday night, was shaken. “We ran to the road,” he said."
    )
    assert [s for s, _ in _who(text)] != ["Sami Jaber"]


# --------------------------------------------------------------------------- "This is how X described it"

@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Local sources counted nine dead. “The windows shook and the children screamed.” This is how a farmer "
         "from the village, who did not give his name, described the raid to the channel.", "farmer from the village"),
        ("Local sources counted nine dead. “We saw fire over the hill for an hour.” That is how one resident "
         "described the night to reporters.", "resident"),
    ],
)
def test_the_sentence_after_a_quote_names_its_speaker(text: str, speaker: str) -> None:
    assert [s for s, _ in _who(text)] == [speaker]


def test_a_sentence_after_a_quote_without_the_formula_names_nobody_new() -> None:
    text = ("Local sources said the drones came at night. “We saw fire over the hill for an hour.” "
            "The army later told reporters the fire was out.")
    assert [s for s, _ in _who(text)] == ["Local sources"]
