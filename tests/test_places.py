"""Tests for workbench.places: finding places in text (sentences written for these tests)."""

from __future__ import annotations

import pytest

from workbench.places import compatible, find_places, specificity


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rockets struck Iraq's Ain al-Asad air base.", [("Iraq", "Iraq"), ("Ain al-Asad air base", "Ain al-Asad air base")]),
        ("A drone hit AIN AL ASAD near al-Qaim.", [("AIN AL ASAD", "Ain al-Asad air base"), ("al-Qaim", "al-Qaim")]),
        ("The Iraqi-Syrian border near Al Qaim", [("Iraqi-Syrian border", "Iraq-Syria border"), ("Al Qaim", "al-Qaim")]),
        ("Ayn al Assad was hit", [("Ayn al Assad", "Ain al-Asad air base")]),
        ("Erbil-based officials met in Baghdad", [("Baghdad", "Baghdad")]),  # no place inside a compound
    ],
)
def test_find_places(text, expected):
    assert [(m.text, m.place.name) for m in find_places(text)] == expected


@pytest.mark.parametrize("text", ["Iraqis in Syrian towns", "no place here at all", "", "al- al al-"])
def test_find_no_places(text):
    assert find_places(text) == []


def test_compatible_and_specificity_are_stable_across_calls():
    assert compatible("al-Qaim", "Iraq") and compatible("Iraq", "al-Qaim") and compatible(None, "Iraq")
    assert not compatible("Baghdad", "Syria")
    assert specificity("al-Qaim") > specificity("Iraq") > 0 == specificity(None)
    assert specificity("al-Qaim") == specificity("al-Qaim")  # cached: the same answer again


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("Syria", "Tower 22", True),   # an outpost on the Jordan-Syria border, told "in Syria"
        ("Jordan", "Tower 22", True),
        ("Iraq", "Tower 22", False),
        ("Syria", "al-Qaim", True),    # al-Qaim lies on the Iraq-Syria border
        ("Jordan", "al-Qaim", False),
        ("al-Qaim", "al-Bukamal", True),
        ("Baghdad", "Erbil", False),
    ],
)
def test_near(a, b, expected):
    from workbench.places import near

    assert near(a, b) is expected and near(b, a) is expected


def test_every_place_pattern_is_dispatched_on_its_first_letter():
    # A pattern the dispatch cannot read (one starting with a group) makes the whole place
    # regex a plain alternation tried at every word: the same matches, ~15x slower.
    from workbench.places import _index

    _places, _pattern, groups = _index()
    assert all("_" in g for g in groups)


def test_a_look_behind_at_the_start_of_a_pattern_still_applies():
    from workbench.places import find_places

    found = [(m.text, m.place.name) for m in find_places("Bashar al-Asad met envoys. Rockets later hit Al Asad.")]
    assert found == [("Al Asad", "Ain al-Asad air base")]
