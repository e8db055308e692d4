"""Tests for workbench.numbers: parse_number and find_quantities."""

from pathlib import Path

import pytest
import yaml

from workbench import numbers
from workbench.numbers import Quantity, find_quantities, parse_number


@pytest.mark.parametrize(
    "token, value",
    [
        ("four", 4),
        ("Four", 4),
        ("34", 34),
        ("2,500", 2500),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("eleven", 11),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two dozen", 24),
        ("1.2 million", 1_200_000),
        ("3 million", 3_000_000),
        ("one hundred", 100),
        ("two hundred and fifty", 250),
        ("a thousand", 1000),
        ("zero", 0),
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["", "May", "a", "an", "three five", "twenty twenty", "12.5", "fourteenth", "1,23"])
def test_parse_number_rejects(token):
    assert parse_number(token) is None


def q(text):
    return [(x.text, x.low, x.high, x.qualifier) for x in find_quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # exact
        ("Four fighters were killed in the strike.", [("Four", 4, 4, "exact")]),
        ("The raid killed eight members of the brigade.", [("eight", 8, 8, "exact")]),
        ("Another five fighters died in a drone strike.", [("Another five", 5, 5, "exact")]),
        ("Only two troops suffered minor injuries.", [("Only two", 2, 2, "exact")]),
        ("The group said it carried out eleven attacks.", [("eleven", 11, 11, "exact")]),
        ("The strikes left 66 personnel injured.", [("66", 66, 66, "exact")]),
        ("One soldier was wounded in action.", [("One", 1, 1, "exact")]),
        ("A single rocket landed near the gate.", [("A single", 1, 1, "exact")]),
        ("Twenty-five rockets were fired overnight.", [("Twenty-five", 25, 25, "exact")]),
        ("A dozen drones were launched at the base.", [("A dozen", 12, 12, "exact")]),
        ("Officials counted 1.2 million displaced people.", [("1.2 million", 1_200_000, 1_200_000, "exact")]),
        # at least / over
        ("At least five fighters were killed.", [("At least five", 5, None, "at_least")]),
        ("No fewer than six drones were downed.", [("No fewer than six", 6, None, "at_least")]),
        ("Five or more rockets struck the runway.", [("Five or more", 5, None, "at_least")]),
        ("Over 100 troops suffered brain injuries.", [("Over 100", 101, None, "over")]),
        ("More than 100 troops suffered brain injuries.", [("More than 100", 101, None, "over")]),
        # approx
        ("The spokesman put the number of rockets at approximately 34.", [("approximately 34", 34, 34, "approx")]),
        ("Approx. 34 x 122mm rounds hit the base.", [("Approx. 34", 34, 34, "approx")]),
        ("About 20 militants took part.", [("About 20", 20, 20, "approx")]),
        ("Around 2,500 troops remain in the country.", [("Around 2,500", 2500, 2500, "approx")]),
        ("Nearly 40 people were hurt.", [("Nearly 40", 40, 40, "approx")]),
        ("Some 30 rockets were fired.", [("Some 30", 30, 30, "approx")]),
        ("Roughly a dozen drones were seen.", [("Roughly a dozen", 12, 12, "approx")]),
        ("The 30-odd rockets missed the base.", [("30-odd", 30, 30, "approx")]),
        # up to / fewer than: open below
        ("Up to 10 rockets were fired.", [("Up to 10", None, 10, "approx")]),
        ("Fewer than 10 soldiers were hurt.", [("Fewer than 10", None, 9, "approx")]),
        # ranges
        ("Three to five rockets hit the compound.", [("Three to five", 3, 5, "approx")]),
        ("Between 3 and 5 drones were intercepted.", [("Between 3 and 5", 3, 5, "approx")]),
        ("Police said 3-5 guards were wounded.", [("3-5", 3, 5, "approx")]),
        ("Two or three drones crossed the border.", [("Two or three", 2, 3, "approx")]),
        # vague
        ("Several soldiers were injured in the attack.", [("Several", None, None, "vague")]),
        ("The group fired dozens of rockets.", [("dozens", None, None, "vague")]),
        ("Scores of people joined the funeral.", [("Scores", None, None, "vague")]),
        ("A number of troops were evacuated.", [("A number of", None, None, "vague")]),
        ("Many civilians fled the area.", [("Many", None, None, "vague")]),
        ("Hundreds of mourners gathered in the square.", [("Hundreds", None, None, "vague")]),
        ("The base suffered heavy casualties.", [("heavy", None, None, "vague")]),
        ("The militia suffered huge losses.", [("huge", None, None, "vague")]),
        ("Multiple rockets struck the base.", [("Multiple", None, None, "vague")]),
        # none
        ("There were no casualties.", [("no", 0, 0, "none")]),
        ("The rocket attack caused zero injuries.", [("zero", 0, 0, "none")]),
        ("None of the troops were hurt.", [("None", 0, 0, "none")]),
        ("Not a single soldier was wounded.", [("Not a single", 0, 0, "none")]),
        ("No one was hurt in the blast.", [("No one", 0, 0, "none")]),
        ("Nobody was injured.", [("Nobody", 0, 0, "none")]),
        # several in one sentence, in order
        ("The strike killed one child and wounded three civilians.", [("one", 1, 1, "exact"), ("three", 3, 3, "exact")]),
        ("Five rockets and 3 drones were fired.", [("Five", 5, 5, "exact"), ("3", 3, 3, "exact")]),
    ],
)
def test_find_quantities(text, expected):
    assert q(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A rocket hit an airbase near the capital.",  # articles are not quantities
        "The parliament passed the law in 2020.",  # year
        "The attack began at 7:44 PM local time.",  # time
        "The strike was at 6 pm.",
        "Militants fired 122mm rockets.",  # calibre
        "Militants fired 107 mm rockets.",
        "The headquarters of the 14th Brigade was hit.",  # ordinal
        "News ID: 91932",  # id
        "The UN adopted Resolution 2334.",
        "Fighters of Brigade 45 were deployed.",
        "The base was attacked on June 29.",  # date
        "The base was attacked on 29 June 2021.",
        "The base was attacked two days ago.",
        "Turnout was 15 percent.",  # percentage
        "Turnout was 15%.",
        "The fund received $5 million.",  # money
        "He recalled the four-day war.",  # hyphenated compound
        "A 14-year-old boy was hurt.",
        "The factions attacked one another.",  # pronoun 'one'
        "At one point the shelling stopped.",
        "He was the one who gave the order.",
        "The group no longer hides its attacks.",  # 'no' not a determiner
        "The convoy drove 30 km north.",  # measure
        "The army moved heavy weapons to the border.",  # 'heavy' without casualties
        "Between 2019 and 2021 the group grew.",  # years
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_spans_are_exact_and_sorted():
    text = "At least five died and over 100 were hurt, while several fled; no one else was harmed."
    found = find_quantities(text)
    assert [x.text for x in found] == ["At least five", "over 100", "several", "no one"]
    assert all(text[x.start : x.end] == x.text for x in found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_date_spans_can_be_passed_in():
    text = "On June 29, four fighters were killed."
    assert q(text) == [("four", 4, 4, "exact")]
    # with no date spans given explicitly, the day of the month is a number like any other
    assert [x.text for x in find_quantities(text, date_spans=[])] == ["29", "four"]


def test_quantities_are_frozen():
    x = find_quantities("Four fighters were killed.")[0]
    assert isinstance(x, Quantity)
    with pytest.raises(AttributeError):
        x.low = 5


def test_word_lists_are_consistent():
    data = yaml.safe_load((Path(numbers.__file__).parent / "data" / "numbers.yaml").read_text(encoding="utf-8"))
    assert [data["units"][w] for w in data["units"]] == list(range(20))
    assert sorted(data["tens"].values()) == list(range(20, 100, 10))
    assert set(data["hedges"]) == {"at_least", "over", "approx", "at_most", "below", "exact"}
    hedges = [h for group in data["hedges"].values() for h in group]
    assert len(hedges) == len(set(hedges)), "a hedge is listed under two qualifiers"
    for phrase, value in data["fixed_phrases"].items():
        assert parse_number(phrase) == value


def test_absurdly_large_numbers_are_not_counts():
    from workbench.numbers import find_quantities

    assert find_quantities("Call 99999999999999999999 now, 18446744073709551616 times.") == []
    assert [q.low for q in find_quantities("some 1,200 fighters")] == [1200]


@pytest.mark.parametrize(
    "text, starts",
    [("At  least five, at most 6", [0, 10, 16, 24]), ("NO ONE and nobody, but not a single one", [0, 3, 11, 23, 27, 36]),
     ("a least is no phrase; about 5", [11, 22, 28]), ("Twenty-five (25) and 1,200", [0, 7, 13, 21, 23])],
)
def test_start_gate_finds_phrase_starts(text, starts):
    assert [m.start() for m in numbers._START_RE.finditer(text)] == starts


def test_prefix_tree_matches_like_an_alternation():
    import re

    phrases = ["at least", "at most", "about", "no", "none", "no one", "between"]
    tree = re.compile("(?:" + numbers._prefix_tree_regex(phrases) + ")")
    plain = re.compile("|".join(f"[{p[0]}{p[0].upper()}](?i:{p[1:]})".replace(" ", r"\s+") for p in phrases))
    for text in ["At least", "at\tmost", "ABOUT", "nOne", "No", "between", "bet", "a", "at leas", "noon", "At Most"]:
        assert bool(tree.match(text)) == bool(plain.match(text)), text
