"""Casualty counts told as two coordinated subjects of one outcome (sentences written for
these tests in the style of this news)."""

from __future__ import annotations

import datetime as dt

import pytest

from extracting import extraction


PUB = dt.date(2024, 2, 8)


def _claims(text: str) -> list[tuple]:
    r = extraction(text, published=PUB, outlet="Test")
    return [(c["low"], c["high"], c["qualifier"], c["victim_side"]) for c in r.claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        # one side: one claim of both counts
        ("Five U.S. service members and two U.S. contractors were hurt in the attack, an official said.",
         [(7, 7, "exact", "us")]),
        ("Three American troops and one American contractor were wounded, the Pentagon said.",
         [(4, 4, "exact", "us")]),
        ("At least four fighters and two commanders of the brigade were killed, the group said.",
         [(6, None, "at_least", "factions")]),
        # two sides: a claim each
        ("Three American soldiers and two Iraqi soldiers were wounded in the blast, officials said.",
         [(3, 3, "exact", "us"), (2, 2, "exact", "iraq_gov")]),
        # the first count is no victims
        ("The strike hit two depots and four fighters were killed, the group said.", [(4, 4, "exact", "factions")]),
        ("Two drones and three rockets were fired, and no one was hurt, the coalition said.", [(0, 0, "none", "unknown")]),
    ],
)
def test_coordinated_counts_before_a_passive_outcome(text, expected):
    assert _claims(text) == expected


def _claimants(text: str) -> list[tuple]:
    r = extraction(text, published=PUB, outlet="New York Times")
    return [(c["claimant"], c["claimant_side"], c["low"], c["victim_side"]) for c in r.claims]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an unnamed source that opens the sentence, its side told by a word written in capitals there
        ("Militia officials said on Monday that at least 25 fighters had been killed and 51 wounded.",
         [("Militia officials", "factions", 25, "factions"), ("Militia officials", "factions", 51, "factions")]),
        ("Police sources said two civilians were wounded by shrapnel.", [("Police sources", "iraq_gov", 2, "civilians")]),
        # "US" keeps its capitals: "us" is no claimant word
        ("Give us the names, the mayor said, after four civilians were killed.", [("New York Times", "media", 4, "civilians")]),
    ],
)
def test_claimants_that_open_the_sentence(text, expected):
    assert _claimants(text) == expected


@pytest.mark.parametrize(
    "text, claimant",
    [
        # the source told after the count, right before the verb: a source the text does not
        # place speaks in the outlet's voice, never the country named before the comma
        ("Three Iraqi soldiers were killed and two US contractors wounded, the army said.", ("Test", "media")),
        ("Two American soldiers and an interpreter were hurt, officials said.", ("Test", "media")),
        ("Two civilians were wounded near Kataib Hezbollah's headquarters, security sources said.",
         ("Iraqi security source", "iraq_gov")),
        ("Two US soldiers were wounded, the Pentagon said.", ("Pentagon", "us")),
    ],
)
def test_the_source_right_before_the_verb_claims(text, claimant):
    r = extraction(text, published=PUB, outlet="Test")
    assert {(c["claimant"], c["claimant_side"]) for c in r.claims} == {claimant}
