"""Tests for workbench.sentences: boundaries and exact character spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.sentences import Sentence, split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def _assert_exact(text: str, sentences: list[Sentence]) -> None:
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip(), f"sentence with outer white space: {s.text!r}"
        assert s.text


SPLITS = [
    pytest.param(
        "Col. Ahmed Jassim said the base was hit. Two soldiers were hurt.",
        ["Col. Ahmed Jassim said the base was hit.", "Two soldiers were hurt."],
        id="Col.",
    ),
    pytest.param(
        "Coly. Dale Harmon gave no figures. The army declined to comment.",
        ["Coly. Dale Harmon gave no figures.", "The army declined to comment."],
        id="Coly.",
    ),
    pytest.param(
        "Lt. Gen. Karim Saadi said the convoy was struck. Nobody died.",
        ["Lt. Gen. Karim Saadi said the convoy was struck.", "Nobody died."],
        id="Lt. Gen.",
    ),
    pytest.param(
        "Maj. Gen. Tahsin Abbas said five rockets fell. Two hit the runway.",
        ["Maj. Gen. Tahsin Abbas said five rockets fell.", "Two hit the runway."],
        id="Maj. Gen.",
    ),
    pytest.param(
        "Rockets were fired at U.S. Forces in eastern Syria on Monday. The coalition confirmed it.",
        ["Rockets were fired at U.S. Forces in eastern Syria on Monday.", "The coalition confirmed it."],
        id="U.S. Forces",
    ),
    pytest.param(
        "The U.S. embassy was targeted overnight. The U.S. State Department said nothing.",
        ["The U.S. embassy was targeted overnight.", "The U.S. State Department said nothing."],
        id="U.S. twice",
    ),
    pytest.param(
        "Officials blamed the U.S. The faction did not respond.",
        ["Officials blamed the U.S.", "The faction did not respond."],
        id="U.S. ending a sentence",
    ),
    pytest.param(
        "The base was hit by approx. 12 rockets. Nobody was hurt.",
        ["The base was hit by approx. 12 rockets.", "Nobody was hurt."],
        id="approx.",
    ),
    pytest.param(
        "The drone struck on Jan. 3 near the airport road. Police sealed off the area.",
        ["The drone struck on Jan. 3 near the airport road.", "Police sealed off the area."],
        id="Jan. 3",
    ),
    pytest.param(
        "A convoy carrying J. R. Hamdan was hit near Balad. Nobody was hurt.",
        ["A convoy carrying J. R. Hamdan was hit near Balad.", "Nobody was hurt."],
        id="initials",
    ),
    pytest.param(
        "“We will answer in kind,” he said. “Next time there will be no warning.”",
        ["“We will answer in kind,” he said.", "“Next time there will be no warning.”"],
        id="quote after said",
    ),
    pytest.param(
        "The brigade was ready, the commander said. “Our missiles can reach every base.” Then he left.",
        ["The brigade was ready, the commander said.", "“Our missiles can reach every base.”", "Then he left."],
        id="quote closing a sentence",
    ),
    pytest.param(
        "He said the strike was “a declaration of war.” Officials in Baghdad disagreed.",
        ["He said the strike was “a declaration of war.”", "Officials in Baghdad disagreed."],
        id="closing curly quote after full stop",
    ),
    pytest.param(
        "We are not seeking blood… however the occupier started it. Later he left the podium.",
        ["We are not seeking blood… however the occupier started it.", "Later he left the podium."],
        id="ellipsis then lower case",
    ),
    pytest.param(
        "We waited for hours... and then the sirens stopped. Calm returned.",
        ["We waited for hours... and then the sirens stopped.", "Calm returned."],
        id="three dots then lower case",
    ),
    pytest.param(
        "Was it a drone? Nobody could say! The inquiry continues.",
        ["Was it a drone?", "Nobody could say!", "The inquiry continues."],
        id="question and exclamation",
    ),
    pytest.param(
        "The raid hit al-Qaim. (The town lies on the border.) Nobody died.",
        ["The raid hit al-Qaim.", "(The town lies on the border.)", "Nobody died."],
        id="bracketed sentence",
    ),
    pytest.param(
        "The faction said the attacks would\ncontinue until the last soldier leaves. The embassy was quiet.",
        ["The faction said the attacks would\ncontinue until the last soldier leaves.", "The embassy was quiet."],
        id="line broken mid-sentence is joined",
    ),
    pytest.param(
        "Drone Attack Reported Near Erbil Airport\nAccording to a security source, two drones were downed.",
        ["Drone Attack Reported Near Erbil Airport", "According to a security source, two drones were downed."],
        id="heading is its own sentence",
    ),
    pytest.param(
        "Two rockets hit the base.\n\nA third fell short.\n",
        ["Two rockets hit the base.", "A third fell short."],
        id="paragraphs",
    ),
    pytest.param(
        "Update: On June 28, U.S. Forces in Syria came under fire. There were no injuries to U.S. troops.",
        ["Update: On June 28, U.S. Forces in Syria came under fire.", "There were no injuries to U.S. troops."],
        id="update line with acronyms",
    ),
    pytest.param(
        "It was 3 p.m. when the rockets fell. Nobody was hurt.",
        ["It was 3 p.m. when the rockets fell.", "Nobody was hurt."],
        id="p.m.",
    ),
    pytest.param(
        "  Rockets hit the base at dawn.   Nobody was hurt.  ",
        ["Rockets hit the base at dawn.", "Nobody was hurt."],
        id="outer and inner spaces",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    _assert_exact(text, sentences)


@pytest.mark.parametrize(
    "text",
    [
        "Sheikh Qais al-Khazali spoke at length about the occupation and its crimes",
        "Pentagon press secretary Col. Ahmed said approx. 34 rounds hit the base on Jan. 3 at 7 p.m.",
        "Coalition spokesman Col. Wayne Hartley said U.S. forces responded.",
    ],
)
def test_no_split_inside(text: str) -> None:
    assert _texts(text) == [text]


@pytest.mark.parametrize("text", ["", "\n", "   \n\n  \t "])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_offsets_index_the_given_text() -> None:
    text = "Intro line\n\nBAGHDAD (Dispatches) -- Rockets hit the base. Two were hurt.\nNo group claimed it."
    sentences = split_sentences(text)
    assert [(s.start, s.end) for s in sentences] == [
        (0, 10),
        (12, text.index(" Two")),
        (text.index("Two"), text.index("\nNo")),
        (text.index("No group"), len(text)),
    ]
    _assert_exact(text, sentences)


def test_sentence_is_frozen() -> None:
    s = split_sentences("One rocket fell.")[0]
    with pytest.raises(AttributeError):
        s.start = 3  # type: ignore[misc]


_ALPHABET = st.sampled_from(list("abcXYZ .,!?…\"“”‘’'()[]:;-\n\t\r") + ["U.S.", "Col.", "Jan.", " ", "\u00a0", "...", "\n\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=200))
def test_spans_property(text: str) -> None:
    sentences = split_sentences(text)
    prev_end = 0
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= prev_end, "overlapping or unsorted spans"
        assert text[s.start : s.end] == s.text
        prev_end = s.end
