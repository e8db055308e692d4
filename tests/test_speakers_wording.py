"""Speakers named in ordinary wording of this news (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from extracting import extraction


def _speakers(text: str) -> list[tuple[str | None, str]]:
    r = extraction(text, published=dt.date(2024, 2, 8), outlet="Test")
    return [(q["speaker"], q["speaker_side"]) for q in r.quotes]


@pytest.mark.parametrize(
    "text, speaker, side",
    [
        # a gazetteer person named in full, then by surname alone
        ("Five sites were hit, Lt. Gen. Douglas Sims told reporters on Friday.\n"
         "“We chose the targets with great care over several days,” Sims said.", "Douglas Sims", "us"),
        # a possessor's role in apposition before the name
        ("Iran's ambassador to the United Nations, Reza Farahani, wrote to the council on Monday.\n"
         "Farahani said Tehran “has played no part in any of these attacks on the bases.”", "Reza Farahani", "iran"),
        ("Turkey's envoy to Iraq, Kemal Aydin, spoke to reporters in Baghdad.\n"
         "“We call on every party to show restraint in the coming days,” Aydin said.", "Kemal Aydin", "unknown"),
        # a role with "to" and a country between the role and the name
        ("Russian Ambassador to Iraq Pavel Serov told the agency that talks could stall. "
         "“The Iraqi side wanted a calm dialogue with Washington,” he said.", "Pavel Serov", "russia"),
        # a long report whose speaker closes the sentence is that speaker's ("the diplomat said")
        ("Moscow regards the strike on a crowded district of the capital as a grave breach of Iraq's "
         "sovereignty and of the law of nations, Russian Foreign Ministry spokeswoman Maria Zakharova said.\n"
         "“Washington behaves as if the whole region were its own firing range,” the diplomat said.",
         "Maria Zakharova", "russia"),
    ],
)
def test_speaker_named_earlier(text, speaker, side):
    assert _speakers(text)[-1] == (speaker, side)


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed the attack so far. “We will know more about it in the morning,” he said.",
        "Nobody has claimed the strike. “The investigation will take several more days,” she added.",
    ],
)
def test_a_negated_subject_is_no_speaker(text):
    assert all(not (s or "").lower().startswith(("no ", "nobody")) for s, _ in _speakers(text))
