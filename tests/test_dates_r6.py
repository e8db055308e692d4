"""Round 6 of the dates: a day and month told with their weekday and no year fix the year."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.dates import infer_publication_date, weekday_fixed_day


@pytest.mark.parametrize(
    "text, day",
    [
        # (Sunday 7 January: 2024 is the first year of the era where it falls on a Sunday)
        ("Kirkuk – Sunday, January 7\nA drone struck near the airport on Saturday night.", dt.date(2024, 1, 7)),
        ("Basra | Thursday 12 November\nMortar rounds fell near the camp on Wednesday.", dt.date(2020, 11, 12)),
        ("Erbil - Wednesday 3 March\nTwo rockets landed near the airport.", dt.date(2021, 3, 3)),
    ],
)
def test_weekday_and_day_without_year_fix_the_year(text, day):
    assert weekday_fixed_day(text) == day
    found, evidence = infer_publication_date(text)
    assert found == day
    assert "weekday" in evidence


def test_weekday_fixed_year_not_before_the_texts_own_years():
    # Friday 13 September is a Friday in 2019 and in 2024; the text speaks of August 2023.
    text = "Mosul – Friday 13 September\nThe strikes of August 2023 were recalled by the spokesman."
    assert infer_publication_date(text)[0] == dt.date(2024, 9, 13)
    assert weekday_fixed_day(text, not_before=dt.date(2023, 8, 1)) == dt.date(2024, 9, 13)


@pytest.mark.parametrize(
    "text",
    [
        "Rockets hit the base on 15 February, officials said.",  # no weekday with the date
        "Rockets hit the base on Tuesday, officials said.",  # a weekday with no date
        "Erbil, Monday 9 October 2023 - A drone was shot down.",  # the year is told
    ],
)
def test_no_weekday_fixed_day(text):
    assert weekday_fixed_day(text) is None


def test_date_line_without_year_is_the_stated_date(tmp_path):
    from workbench.loader import build_tables

    p = tmp_path / "story.txt"
    p.write_text(
        "Factions weigh their answer to the border raid\n\nThe Daily Levant | Politics\nBasra – Thursday 12 November\n\n"
        "Two rockets fell near the airport late on Tuesday night, a security source told the paper, "
        "and the factions said on Wednesday that they would answer at a time of their choosing.\n",
        encoding="utf-8",
    )
    articles, _, _ = build_tables([p])
    row = articles.iloc[0]
    assert row.published.date() == dt.date(2020, 11, 12)
    assert row.published_basis == "text"


@pytest.mark.parametrize(
    "text, span, day",
    [
        ("Rockets fell on the base on the 20th of the month, officials said.", "20th of the month", dt.date(2021, 2, 20)),
        ("A drone hit the camp on the 3rd of this month.", "3rd of this month", dt.date(2021, 2, 3)),
        ("Rockets fell on the base on the 20th, officials said.", "20th", dt.date(2021, 2, 20)),
    ],
)
def test_day_of_the_month(text, span, day):
    from workbench.dates import find_dates

    found = [(d.text, d.date) for d in find_dates(text, published=dt.date(2021, 2, 27))]
    assert found == [(span, day)]


def test_day_of_a_named_month_is_not_of_this_month():
    from workbench.dates import find_dates

    found = [d.date for d in find_dates("It happened on the 20th of March.", published=dt.date(2021, 2, 27))]
    assert found == [dt.date(2020, 3, 20)]


# Round 7: a month told with the year it belongs to by reference.

from workbench.dates import find_dates  # noqa: E402

_P7 = dt.date(2023, 4, 12)


@pytest.mark.parametrize(
    "text, low, high, precision",
    [
        ("The base was last shelled in October last year, officials said.", dt.date(2022, 10, 1), dt.date(2022, 10, 31), "month"),
        ("It was as tense in September of last year, when drones hit Erbil.", dt.date(2022, 9, 1), dt.date(2022, 9, 30), "month"),
        ("The convoys were first hit in early June the previous year.", dt.date(2022, 6, 1), dt.date(2022, 6, 10), "week"),
    ],
)
def test_a_month_of_last_year(text, low, high, precision):
    (d,) = find_dates(text, published=_P7)
    assert (d.low, d.high, d.precision) == (low, high, precision)


@pytest.mark.parametrize(
    "text, year",
    [
        ("The attacks went on into 2020. The Taji camp was hit in mid-March that year.", 2020),
        ("In 2019 the militias grew bolder; in December that year rockets killed a contractor.", 2019),
        ("By January 2021 the factions had changed tactics, and in May that same year they turned to the convoys.", 2021),
    ],
)
def test_a_month_that_year_is_of_the_year_told_last(text, year):
    d = [x for x in find_dates(text, published=_P7) if "year" in x.text][0]
    assert d.low.year == year and d.precision in ("month", "week")


def test_a_month_that_year_with_no_year_told_is_no_date():
    assert [d.text for d in find_dates("The camp was hit in mid-March that year.", published=_P7)] == []


# Round 7: a statement dated in the Islamic calendar only.

from workbench.dates import hijri_to_gregorian  # noqa: E402


@pytest.mark.parametrize(
    "text, day",
    [
        ("The Islamic Resistance – Media Office\nWednesday 3 Rabi' al-Thani 1445 AH", dt.date(2023, 10, 18)),
        ("Our fighters targeted the occupation base with drones.\nSaturday 16 Rajab 1445 AH", dt.date(2024, 1, 27)),
        ("The convoy was struck at dawn today.\n13 Shawwal 1442 AH", dt.date(2021, 5, 25)),
    ],
)
def test_a_hijri_date_line_dates_the_statement(text, day):
    assert infer_publication_date(text)[0] == day


def test_a_weekday_picks_the_day_of_a_hijri_date():
    # the tabular calendar may be a day off the months as sighted: the weekday told decides
    assert hijri_to_gregorian(1445, 7, 16, weekday=5) == dt.date(2024, 1, 27)
    assert hijri_to_gregorian(1445, 7, 16, weekday=6) == dt.date(2024, 1, 28)


def test_a_hijri_year_alone_is_no_date():
    assert infer_publication_date("The group was founded in the year 1440 of the Hijra.") == (None, "")
