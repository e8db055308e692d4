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
