"""Tallies told with a period of their own: between two dates, before an event, in all.

Sentences written for these tests in the style of this news."""

from __future__ import annotations

import datetime as dt

import pytest

from extracting import extraction

PUB = dt.date(2024, 2, 1)


def tallies_of(text: str) -> list[dict]:
    return extraction(text, published=PUB).tallies


@pytest.mark.parametrize(
    "text, expected",
    [
        # a period between two dates: the count runs from the first
        ("Between January 10 and January 20, US and coalition forces were attacked at least 12 times in Iraq, "
         "the Pentagon said.", [(12, "at_least", dt.date(2024, 1, 10))]),
        ("From January 10 to January 20, American troops came under attack 9 times in Syria, officials said.",
         [(9, "exact", dt.date(2024, 1, 10))]),
        # two counts of one period, one per country
        ("Between January 10 and January 20, US forces were attacked at least 12 times in Iraq and four times "
         "in Syria, a spokesman said.", [(12, "at_least", dt.date(2024, 1, 10)), (4, "exact", dt.date(2024, 1, 10))]),
        # a period before an event: "in the two months before the Kirkuk attack"
        ("By the official's count, bases hosting US troops had been targeted 11 times in the two months before "
         "the attack.", [(11, "exact", PUB - dt.timedelta(days=60))]),
        ("Iraqi bases hosting coalition forces were struck 7 times in the three weeks leading up to the raid.",
         [(7, "exact", PUB - dt.timedelta(days=21))]),
        # "in all", "altogether": a running count
        ("A defense official said there had been 16 attacks in all on US forces since October 17.",
         [(16, "exact", dt.date(2023, 10, 17))]),
        ("There have been 23 attacks on American bases in all, the official said.", [(23, "exact", None)]),
    ],
)
def test_tallies_with_periods_of_their_own(text, expected):
    x = extraction(text, published=PUB)
    got = [(t["count"], t["qualifier"], t["since"]) for t in x.tallies]
    assert [g[:2] for g in got] == [e[:2] for e in expected]
    for (_, _, since), (_, _, want) in zip(got, expected):
        if want is not None:
            assert since == want
    assert all(t["target_side"] == "us" for t in x.tallies)
    assert x.events == [], x.events  # a running count is no attack


@pytest.mark.parametrize(
    "text",
    [
        "Between January 10 and January 20, the two sides met three times in Baghdad.",
        "In the two months before the election, the prime minister travelled to Tehran four times.",
        "The militia fired 14 rockets in all at the base on Monday.",
    ],
)
def test_no_tally_without_counted_attacks(text):
    assert tallies_of(text) == []


@pytest.mark.parametrize(
    "text, since",
    [
        ("The resistance said its operations against the occupation bases since the start of the al-Aqsa Flood "
         "battle had reached 31 operations.", dt.date(2023, 10, 7)),
        ("US forces have been attacked 150 times since the Gaza war began, the Pentagon said.", dt.date(2023, 10, 7)),
        ("There have been 40 rocket attacks on American bases since the assassination of Soleimani.",
         dt.date(2020, 1, 3)),
    ],
)
def test_a_count_since_an_event_named(text, since):
    (t,) = tallies_of(text)
    assert t["since"] == since
