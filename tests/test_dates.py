"""Tests for workbench.dates: find_dates, parse_date_string, infer_publication_date."""

import datetime
from pathlib import Path

import pytest
import yaml

from workbench import dates
from workbench.dates import DateMention, find_dates, infer_publication_date, parse_date_string

D = datetime.date
WED = D(2021, 6, 30)  # a Wednesday
SAT = D(2023, 12, 9)  # a Saturday

SEEDS = Path(__file__).parents[1] / "seeds"
GOLD = Path(__file__).parents[1] / "../shared/gold/seeds.yaml"


def one(text, published):
    found = find_dates(text, published=published)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- absolute dates

@pytest.mark.parametrize(
    "text, span, day",
    [
        ("The base was hit on June 29, 2021 by rockets.", "June 29, 2021", D(2021, 6, 29)),
        ("Militants struck the convoy on 29 June 2021.", "29 June 2021", D(2021, 6, 29)),
        ("The drone strike of Jun. 29, 2021 killed two.", "Jun. 29, 2021", D(2021, 6, 29)),
        ("The commander was killed on January 3, 2020 in Baghdad.", "January 3, 2020", D(2020, 1, 3)),
        ("The statement is dated 2021-06-29 on the site.", "2021-06-29", D(2021, 6, 29)),
        ("The leaflet was printed on 29/06/2021.", "29/06/2021", D(2021, 6, 29)),
        ("Missiles hit the air base on Monday, June 28, 2021.", "Monday, June 28, 2021", D(2021, 6, 28)),
        ("Protests began on the 1st of October 2019.", "1st of October 2019", D(2019, 10, 1)),
        ("Talks resumed in May 2020 after months.", None, None),  # month precision, checked below
    ],
)
def test_absolute_day_dates(text, span, day):
    m = one(text, WED)
    assert m.kind == "absolute"
    if span is not None:
        assert (m.text, m.date, m.low, m.high, m.precision) == (span, day, day, day, "day")
        assert text[m.start : m.end] == span


@pytest.mark.parametrize(
    "text, span, low, high, precision",
    [
        ("The parliament voted in January 2020 to expel foreign troops.", "January 2020", D(2020, 1, 1), D(2020, 1, 31), "month"),
        ("Talks resumed in May 2020 after months.", "May 2020", D(2020, 5, 1), D(2020, 5, 31), "month"),
        ("The group was declared defeated in 2019.", "2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("Attacks rose sharply in mid-2021.", "mid-2021", D(2021, 5, 1), D(2021, 8, 31), "year"),
        ("Fighting flared in early January 2024.", "early January 2024", D(2024, 1, 1), D(2024, 1, 10), "week"),
    ],
)
def test_absolute_windows(text, span, low, high, precision):
    m = one(text, WED)
    assert (m.text, m.low, m.high, m.precision, m.kind) == (span, low, high, precision, "absolute")
    assert m.low <= m.date <= m.high


# ---------------------------------------------------------------- partial dates

@pytest.mark.parametrize(
    "text, published, day",
    [
        ("On November 22, warplanes struck a militia depot.", SAT, D(2023, 11, 22)),
        ("A drone hit the convoy on December 3.", SAT, D(2023, 12, 3)),
        ("The offensive began on 22 November, officials said.", SAT, D(2023, 11, 22)),
        # a few days after P is still P's year (an announced date)
        ("The talks are set for December 14.", SAT, D(2023, 12, 14)),
        # more than a week after P: the previous year
        ("The raid of December 25 was never explained.", SAT, D(2022, 12, 25)),
        ("On June 28, rockets hit the base.", WED, D(2021, 6, 28)),
        ("Clashes broke out on January 15.", D(2024, 1, 2), D(2023, 1, 15)),
        ("A vote is due on January 5.", D(2024, 1, 2), D(2024, 1, 5)),
        ("Clashes broke out on December 30.", D(2024, 1, 2), D(2023, 12, 30)),
    ],
)
def test_partial_dates(text, published, day):
    m = one(text, published)
    assert (m.date, m.low, m.high, m.precision, m.kind) == (day, day, day, "day", "partial")


def test_partial_date_without_publication_date_has_no_date():
    m = one("A drone hit the convoy on December 3.", None)
    assert (m.text, m.date, m.kind) == ("December 3", None, "partial")


# ---------------------------------------------------------------- weekdays

@pytest.mark.parametrize(
    "text, published, span, day",
    [
        ("Rockets hit the base on Monday.", WED, "Monday", D(2021, 6, 28)),
        ("Monday saw three separate attacks.", WED, "Monday", D(2021, 6, 28)),
        ("He spoke in televised remarks on Tuesday night.", WED, "Tuesday night", D(2021, 6, 29)),
        ("Drones struck in the early hours of Friday.", SAT, "Friday", D(2023, 12, 8)),
        ("Friday's attack caused no casualties.", SAT, "Friday", D(2023, 12, 8)),
        ("The convoy was ambushed late Sunday.", SAT, "Sunday", D(2023, 12, 3)),
        ("Officials met on Wednesday morning.", WED, "Wednesday morning", WED),  # P's weekday is P
        ("The militia official spoke on Saturday.", SAT, "Saturday", SAT),
        ("A base was shelled last Tuesday.", WED, "last Tuesday", D(2021, 6, 29)),
        ("A base was shelled last Wednesday.", WED, "last Wednesday", D(2021, 6, 23)),  # strictly before P
        ("The funeral will be held next Monday.", WED, "next Monday", D(2021, 7, 5)),
    ],
)
def test_weekdays(text, published, span, day):
    m = one(text, published)
    assert (m.text, m.date, m.low, m.high, m.precision, m.kind) == (span, day, day, day, "day", "weekday")


@pytest.mark.parametrize(
    "text",
    [
        "Jets struck the depots at around 6 pm Eastern Time Sunday in the early hours of Monday in the region.",
        "The strikes began at 5 pm ET Sunday, early Monday local time.",
        "The raid started Sunday evening Washington time, or early on Monday in Iraq.",
    ],
)
def test_us_time_weekday_gives_the_local_day(text):
    m = one(text, WED)
    assert m.text.startswith("Monday") and m.date == D(2021, 6, 28)


def test_us_time_weekday_kept_when_no_local_day_follows():
    m = one("The Pentagon briefed reporters at 2 pm Eastern Time Sunday.", WED)
    assert m.date == D(2021, 6, 27)


def test_weekday_without_publication_date():
    m = one("Rockets hit the base on Monday.", None)
    assert (m.date, m.low, m.high, m.kind) == (None, None, None, "weekday")


# ---------------------------------------------------------------- relative and since

@pytest.mark.parametrize(
    "text, span, low, high, precision",
    [
        ("A rocket struck the embassy yesterday.", "yesterday", D(2021, 6, 29), D(2021, 6, 29), "day"),
        ("Yesterday's attack was claimed by a new group.", "Yesterday", D(2021, 6, 29), D(2021, 6, 29), "day"),
        ("Officials said today that two were hurt.", "today", WED, WED, "day"),
        ("Sirens sounded this morning near the airport.", "this morning", WED, WED, "day"),
        ("A site was targeted last night on the border.", "last night", D(2021, 6, 29), D(2021, 6, 29), "day"),
        ("The drone was shot down two days ago.", "two days ago", D(2021, 6, 28), D(2021, 6, 28), "day"),
        ("The drone was shot down 3 days ago.", "3 days ago", D(2021, 6, 27), D(2021, 6, 27), "day"),
        ("The base was attacked last week.", "last week", D(2021, 6, 21), D(2021, 6, 27), "week"),
        ("Fighters were killed earlier this week.", "earlier this week", D(2021, 6, 28), WED, "week"),
        ("Tensions rose this week.", "this week", D(2021, 6, 28), WED, "week"),
        ("Attacks doubled last month.", "last month", D(2021, 5, 1), D(2021, 5, 31), "month"),
        ("A strike hit the depot earlier this month.", "earlier this month", D(2021, 6, 1), WED, "month"),
        ("The group was formed last year.", "last year", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ],
)
def test_relative(text, span, low, high, precision):
    m = one(text, WED)
    assert (m.text, m.low, m.high, m.precision, m.kind) == (span, low, high, precision, "relative")
    assert m.low <= m.date <= m.high


@pytest.mark.parametrize(
    "text, span, low, high, precision",
    [
        ("There have been 78 attacks since mid-October.", "since mid-October", D(2023, 10, 10), D(2023, 10, 20), "week"),
        ("Bases have been hit daily since October 7.", "since October 7", D(2023, 10, 7), D(2023, 10, 7), "day"),
        ("Drone attacks have grown since early November.", "since early November", D(2023, 11, 1), D(2023, 11, 10), "week"),
        ("The group has claimed dozens of attacks since late 2023.", "since late 2023", D(2023, 9, 1), D(2023, 12, 31), "year"),
        ("No convoy has moved since Monday.", "since Monday", D(2023, 12, 4), D(2023, 12, 4), "day"),
    ],
)
def test_since(text, span, low, high, precision):
    m = one(text, SAT)
    assert (m.text, m.low, m.high, m.precision, m.kind) == (span, low, high, precision, "since")


def test_since_month_reaches_back_a_year():
    m = one("Attacks have continued since mid-October.", D(2024, 2, 1))
    assert (m.low, m.high) == (D(2023, 10, 10), D(2023, 10, 20))


# ---------------------------------------------------------------- negatives

@pytest.mark.parametrize(
    "text",
    [
        "The militias may respond in an unexpected place.",
        "They march towards the embassy every week on foot.",  # 'week' alone is not a date
        "The rockets were fired from a truck to the north.",
        "Approx. 34 x 122mm rounds of indirect fire hit the base.",
        "The headquarters of the 14th Brigade was destroyed.",
        "At 7:44 PM local time the base was attacked.",
        "Second, the group said it sat down with officials.",
        "The base was struck more than a week after the air raid.",
        "The militia retaliated two days later.",
        "He was arrested the day before.",
        "Fridays are usually quiet in the capital.",
        "In March the fighters march again.",  # March alone is never a date
        "3 Marines were wounded.",
        "Around 2,500 troops remain in the country.",
    ],
)
def test_no_dates(text):
    assert find_dates(text, published=WED) == []


def test_results_sorted_and_non_overlapping():
    text = (
        "On Monday, a week after the June 21, 2021 raid, rockets hit the base; "
        "yesterday officials said attacks had risen since mid-May."
    )
    found = find_dates(text, published=WED)
    assert [m.text for m in found] == ["Monday", "June 21, 2021", "yesterday", "since mid-May"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(text[m.start : m.end] == m.text for m in found)


def test_mentions_are_frozen():
    m = one("Rockets hit the base on Monday.", WED)
    assert isinstance(m, DateMention)
    with pytest.raises(AttributeError):
        m.date = None


def test_gate_skips_text_without_keywords():
    assert find_dates("militants fired rockets at the base", published=WED) == []


# ---------------------------------------------------------------- parse_date_string

@pytest.mark.parametrize(
    "s, day",
    [
        ("30 June 2021 - 22:23", D(2021, 6, 30)),
        ("June 29, 2021", D(2021, 6, 29)),
        ("2021-06-30", D(2021, 6, 30)),
        ("2021-06-30T22:23:00+04:30", D(2021, 6, 30)),
        ("29/06/2021", D(2021, 6, 29)),
        ("03/07/2021", D(2021, 7, 3)),  # day first
        ("Wed, 30 Jun 2021", D(2021, 6, 30)),
        ("Wednesday, June 30, 2021 10:30 AM EST", D(2021, 6, 30)),
        ("Publish Date : 30 June 2021 - 22:23", D(2021, 6, 30)),
        ("  9 Dec 2023 ", D(2023, 12, 9)),
    ],
)
def test_parse_date_string(s, day):
    assert parse_date_string(s) == day


@pytest.mark.parametrize("s", ["", "June 2021", "yesterday", "31/02/2021", "News ID: 91932", "June 29, 2021 rockets"])
def test_parse_date_string_rejects(s):
    assert parse_date_string(s) is None


# ---------------------------------------------------------------- infer_publication_date

@pytest.mark.parametrize(
    "text, expected",
    [
        # the story's own weekdays fall just before the latest dated reference
        ("Rockets hit the base on Monday. The coalition confirmed it on June 29, 2021. "
         "On Tuesday, officials said damage was light.", D(2021, 6, 29)),
        # weekdays after the dated event push the guess forward: Wed 7 July, then Thursday, Friday
        ("A rocket attack on July 7, 2021 hit the base on Wednesday. A source spoke on Thursday. "
         "The commander said Friday the fight would go on.", D(2021, 7, 9)),
        # a month+day without a year takes the year of the latest absolute reference
        ("The war began in January 2020. On March 3, a drone hit a convoy. Officials spoke on Thursday.",
         D(2020, 3, 5)),
        ("Fighters were killed on January 8, 2020.", D(2020, 1, 8)),
    ],
)
def test_infer_publication_date(text, expected):
    day, evidence = infer_publication_date(text)
    assert day == expected
    assert evidence


def test_infer_uses_not_before_hint():
    text = "The latest attack came on Wednesday. A source spoke on Thursday. A commander said Friday it would go on."
    assert infer_publication_date(text) == (None, "")
    day, evidence = infer_publication_date(text, not_before=D(2021, 7, 7))
    assert day == D(2021, 7, 9) and "not_before" in evidence


def test_infer_nothing_to_go_on():
    assert infer_publication_date("Militants fired rockets at the base.") == (None, "")


def _gold_articles():
    if not GOLD.exists():
        return {}
    return {a["id"]: a for a in yaml.safe_load(GOLD.read_text(encoding="utf-8"))["articles"]}


GOLD_ARTICLES = _gold_articles()


@pytest.mark.skipif(not GOLD_ARTICLES, reason="gold seeds.yaml not available")
@pytest.mark.parametrize("article_id", sorted(GOLD_ARTICLES))
def test_infer_on_seeds_text_only(article_id):
    """From the text alone the guess never overshoots the publication window, and is inside it
    whenever the text states the publication year in a full date."""
    gold = GOLD_ARTICLES[article_id]
    low, high = gold["published_window"]
    text = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
    day, _ = infer_publication_date(text)
    assert day is not None and day <= high
    full_dates_in_year = [
        m for m in find_dates(text, published=None) if m.kind == "absolute" and m.precision == "day" and m.date.year == low.year
    ]
    if full_dates_in_year:
        assert low <= day <= high


@pytest.mark.skipif(not GOLD_ARTICLES, reason="gold seeds.yaml not available")
@pytest.mark.parametrize("article_id", sorted(GOLD_ARTICLES))
def test_infer_on_seeds_with_incident_date(article_id):
    """With the date of the latest incident the article reports (as the pipeline learns it from
    other articles) as `not_before`, the weekdays of the story place it inside the window."""
    gold = GOLD_ARTICLES[article_id]
    low, high = gold["published_window"]
    hint = max(e["date"] for e in gold["events"] if e["date"] <= high)
    text = (SEEDS / f"{article_id}.txt").read_text(encoding="utf-8")
    day, evidence = infer_publication_date(text, not_before=hint)
    assert low <= day <= high, evidence


# ---------------------------------------------------------------- data integrity

def test_word_lists_are_consistent():
    data = yaml.safe_load((Path(dates.__file__).parent / "data" / "dates.yaml").read_text(encoding="utf-8"))
    assert sorted(data["months"].values()) == list(range(1, 13))
    assert sorted(data["weekdays"].values()) == list(range(7))
    assert set(data["ambiguous_months"]) <= set(data["months"])
    assert all(1 <= v <= 12 for v in data["month_abbreviations"].values())
    for name in data["relative_periods"].values():
        dates._period_window(name, WED)  # every period name has a rule
    assert set(data["period_modifiers"]) == {"early", "mid", "late"}


@pytest.mark.parametrize(
    "text, day",
    [
        ("Statement of Sunday 28-1-2024", datetime.date(2024, 1, 28)),
        ("posted 27.1.2024 at noon", datetime.date(2024, 1, 27)),
        ("on 05/02/2024 the group said", datetime.date(2024, 2, 5)),  # day-first
        ("Monday 1-29-2024", datetime.date(2024, 1, 29)),  # month-first only because Monday says so
        ("Saturday 3-2-2024", datetime.date(2024, 2, 3)),  # both readings valid: the weekday picks
    ],
)
def test_numeric_dates_are_day_first_unless_the_weekday_disagrees(text, day):
    (d,) = find_dates(text, published=datetime.date(2024, 2, 10))
    assert (d.date, d.precision, d.kind) == (day, "day", "absolute")


def test_numeric_dates_need_matching_separators():
    assert find_dates("version 2-3/2024 of the file", published=datetime.date(2024, 2, 10)) == []


def test_a_date_alone_on_its_line_heads_the_relative_dates_below_it():
    text = ("Saturday 27-1-2024\nThe group said it hit the base this afternoon and on Friday night.\n"
            "Sunday 28-1-2024\nAnother drone struck today.")
    got = [(d.text, d.date) for d in find_dates(text, published=datetime.date(2024, 1, 29))]
    assert got == [
        ("Saturday 27-1-2024", datetime.date(2024, 1, 27)),
        ("this afternoon", datetime.date(2024, 1, 27)),
        ("Friday night", datetime.date(2024, 1, 26)),
        ("Sunday 28-1-2024", datetime.date(2024, 1, 28)),
        ("today", datetime.date(2024, 1, 28)),
    ]
    # A date inside a sentence, or one later than publication, anchors nothing.
    inline = find_dates("On 20-1-2024 they met. Rockets hit the base today.", published=datetime.date(2024, 1, 29))
    assert inline[-1].date == datetime.date(2024, 1, 29)


def test_a_labelled_date_line_with_a_time_heads_what_follows():
    text = ("Statement posted Tuesday 24-10-2023, 23:05\nFighters targeted the base this evening.\n"
            "Statement posted Thursday 26-10-2023, 08:55\nThey targeted the airfield at dawn today.")
    got = [(d.text, d.date) for d in find_dates(text, published=datetime.date(2023, 10, 27))]
    assert got[1] == ("this evening", datetime.date(2023, 10, 24))
    assert got[3] == ("today", datetime.date(2023, 10, 26))
    # a sentence that starts with a date is no heading
    prose = find_dates("Officials said on 24-10-2023 that rockets fell.\nRockets hit again today.",
                       published=datetime.date(2023, 10, 27))
    assert prose[-1].date == datetime.date(2023, 10, 27)


@pytest.mark.parametrize(
    "heading",
    [
        "Statement (2) – Wednesday, 18 October 2023",
        "Statement (2) – Wednesday, 3 Rabi' al-Thani 1445 / 18 October 2023",
        "Post 14 | 18 October 2023, 21:40",
        "Communique 7 — 18 October 2023, evening",
        "Wednesday, 18 October 2023 - morning",
    ],
)
def test_date_lines_with_numbered_labels_head_their_post(heading):
    text = ("Statement (1) – Tuesday, 17 October 2023\nThe fighters struck the base this morning.\n"
            f"{heading}\nThey hit the airfield with two drones at dawn today.")
    got = find_dates(text, published=datetime.date(2023, 10, 25))
    assert [d.date for d in got if d.text in ("this morning", "today")] == [
        datetime.date(2023, 10, 17), datetime.date(2023, 10, 18)]


def test_a_line_of_prose_with_a_date_inside_heads_nothing():
    for line in ("He said: “We will strike on 18 October 2023", "Officials said on 18-10-2023 that rockets fell."):
        got = find_dates(f"{line}\nRockets hit the base again today.", published=datetime.date(2023, 10, 25))
        assert got[-1].date == datetime.date(2023, 10, 25)


def test_february_29_in_a_year_without_one_does_not_break_inference():
    got, _ = infer_publication_date("The plan will be finished by 2027. Rockets hit the base on February 29, officials said.")
    assert got == datetime.date(2027, 1, 1)


# ---------------------------------------------------------------- holidays

@pytest.mark.parametrize(
    "text, published, span, day",
    [
        ("A drone hit the air base on Christmas Day, officials said.", D(2024, 1, 20), "Christmas Day", D(2023, 12, 25)),
        ("The Christmas Day attack wounded three soldiers.", D(2023, 12, 27), "Christmas Day", D(2023, 12, 25)),
        ("Rockets fell near the embassy on New Year’s Eve.", D(2024, 1, 2), "New Year’s Eve", D(2023, 12, 31)),
        ("The strike came on New Year's Day 2020.", D(2024, 1, 2), "New Year's Day 2020", D(2020, 1, 1)),
        ("Militants fired at the base on Christmas Eve, 2019.", D(2021, 3, 1), "Christmas Eve, 2019", D(2019, 12, 24)),
    ],
)
def test_fixed_holidays_are_days(text, published, span, day):
    m = one(text, published)
    assert (m.text, m.date, m.precision) == (span, day, "day")


@pytest.mark.parametrize("text", ["Shoppers filled Baghdad's markets before christmas.", "The Christmas holidays were quiet."])
def test_holiday_words_alone_are_no_date(text):
    assert find_dates(text, published=D(2024, 1, 2)) == []
