"""Rules added in the fifth round: date wording and event/incident mechanisms."""

import datetime

import pytest

from workbench.dates import find_dates

P = datetime.date(2024, 1, 22)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("Jets killed the fighters at the end of December, the group said.", "2023-12-21", "2023-12-31"),
        ("The rockets struck the base towards the end of October.", "2023-10-21", "2023-10-31"),
        ("Drones hit the camp at the beginning of November.", "2023-11-01", "2023-11-10"),
        ("The strikes began at the start of 2020.", "2020-01-01", "2020-04-30"),
        ("A rocket fell on the airport in the middle of September.", "2023-09-10", "2023-09-20"),
        ("Attacks rose at the end of 2023.", "2023-09-01", "2023-12-31"),
    ],
)
def test_end_beginning_middle_of_a_month_or_year(text, low, high):
    (d,) = find_dates(text, published=P)
    assert (str(d.low), str(d.high)) == (low, high)


@pytest.mark.parametrize(
    "text, found",
    [
        ("The talks reached their end of term on Monday.", ["Monday"]),
        ("By the end of last year the attacks had stopped.", ["last year"]),
        ("A drone fell in the middle of Baghdad on Monday.", ["Monday"]),
        ("Since the end of the war in 2003 the base has grown.", ["2003"]),
        ("The start of talks was delayed.", []),
    ],
)
def test_end_of_not_before_a_month_or_year(text, found):
    assert [d.text for d in find_dates(text, published=P)] == found
