"""Casualty counts told as two coordinated subjects of one outcome (sentences written for
these tests in the style of this news)."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.extract import extract_article


def _claims(text: str) -> list[tuple]:
    r = extract_article("t", text, published=dt.date(2024, 2, 8), outlet="Test", outlet_side="media")
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
