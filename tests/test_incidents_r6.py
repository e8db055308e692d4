"""Round 6 of linking claims to the attacks of their article, and of places."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extracting import extraction
from workbench.places import find_places

PUB = dt.date(2024, 8, 6)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("A security source in Anbar said on Monday that two Katyusha rockets were fired at the Ain al-Asad air base, and "
         "that the base's defences intercepted one of them.\nThe attack came less than a week after an American strike "
         "targeted a group of members of the Popular Mobilisation near Jurf al-Nasr on July 29, killing three of them. The "
         "Popular Mobilisation Authority said at the time that the three martyrs were guarding a checkpoint. The base was "
         "also hit in mid-July, when two rockets fell inside it.", "three martyrs"),
        ("Rockets hit the Ain al-Asad air base on Monday, wounding two contractors. The attack came days after a US drone "
         "strike on a Kata'ib Hezbollah headquarters near al-Qaim on July 29. Kata'ib Hezbollah said two of its fighters "
         "had been killed.", "two of its fighters"),
    ],
)
def test_a_side_telling_its_own_losses_counts_the_attack_on_it(text, phrase):
    ex = extraction(text, published=PUB)
    claim = next(c for c in ex.claims if phrase in c["snippet"] or c["snippet"] in phrase)
    assert claim["event"] is not None
    assert ex.events[claim["event"]]["attacker_side"] == "us"


def test_losses_of_the_side_attacked_first_stay_with_that_attack():
    text = ("Rockets hit the Ain al-Asad air base on Monday. The attack came a week after an American strike near Jurf "
            "al-Nasr on July 29. The Pentagon said two of its soldiers had been wounded at the base.")
    ex = extraction(text, published=PUB)
    claim = next(c for c in ex.claims if "two of its soldiers" in c["snippet"] or "wounded" in c["snippet"])
    assert ex.events[claim["event"]]["target_side"] == "us"


@pytest.mark.parametrize("text", ["Two rockets were fired at Al Asad in mid-July.", "Rockets struck al-Asad on Monday."])
def test_al_asad_alone_is_the_air_base(text):
    assert [p.place.name for p in find_places(text)] == ["Ain al-Asad air base"]


@pytest.mark.parametrize("text", ["Bashar al-Asad received the envoy.", "President Bashar al-Assad spoke on Monday."])
def test_the_syrian_president_is_no_base(text):
    assert find_places(text) == []


@pytest.mark.parametrize("text", ["The group claimed the attack at al-Omar.", "A drone hit the al-Omar base on Sunday."])
def test_al_omar_alone_is_the_oil_field(text):
    assert "al-Omar oil field" in [p.place.name for p in find_places(text)]


def test_the_base_at_the_oil_field_is_within_it():
    from workbench.places import compatible

    assert compatible("Mission Support Site Euphrates", "al-Omar oil field")


def test_an_attack_told_to_the_week_joins_the_same_attack_told_to_the_day():
    text = ("The last attack was the one-way drone attack on Sunday evening at Mission Support Site Euphrates. "
            "The Islamic Resistance in Iraq claimed the attack earlier this week at al-Omar.")
    ex = extraction(text, published=dt.date(2024, 2, 8))
    assert len(ex.events) == 1


def test_that_attack_after_a_question_naming_a_base_is_the_attack_there():
    text = ("The strike in Baghdad last night targeted a commander behind attacks on our forces, including the attack "
            "on Tower 22. The last attack we know of was the rocket attack on the Harir base on Sunday.\n"
            "Q: On Tower 22, do you have an updated number?\n"
            "A: Yes. The number of service members injured in that attack now stands at more than 40.")
    ex = extraction(text, published=dt.date(2024, 2, 8))
    claim = next(c for c in ex.claims if "40" in c["snippet"])
    assert ex.events[claim["event"]]["location"] == "Tower 22"


@pytest.mark.parametrize(
    "text",
    [
        "US forces carried out a strike in al-Qaim on Monday against a militia commander who had planned attacks on "
        "coalition troops, including the drone attack on the Harir base. We are not aware of any civilians being killed.",
        "American jets bombed a weapons depot near al-Bukamal on Monday that had supplied the rocket attack on the "
        "Conoco gas field. Two civilians were wounded, residents said.",
    ],
)
def test_a_claim_after_a_sentence_of_two_attacks_counts_the_one_it_opens_with(text):
    ex = extraction(text, published=PUB)
    claim = ex.claims[-1]
    assert claim["event"] is not None
    assert ex.events[claim["event"]]["attacker_side"] == "us"


_AWAY = ("The president met his advisers on Tuesday to weigh a response. Aides said no decision had been taken. "
         "The meeting lasted two hours, a spokesman said. ")


def test_a_toll_naming_its_place_with_no_attack_near_counts_the_attack_there():
    text = ("Deaths of three soldiers in Jordan weigh on the White House\n" + _AWAY
            + "A drone struck the Tower 22 outpost on Sunday. Separately, US jets bombed a depot in al-Qaim on Monday.")
    ex = extraction(text, published=PUB)
    claim = next(c for c in ex.claims if "Jordan" in c["snippet"])
    assert ex.events[claim["event"]]["location"] == "Tower 22"


def test_a_toll_naming_a_place_no_attack_was_told_at_is_left_alone():
    text = ("Deaths of three soldiers in Kirkuk weigh on the White House\n" + _AWAY
            + "A drone struck the Tower 22 outpost on Sunday. Separately, US jets bombed a depot in al-Qaim on Monday.")
    ex = extraction(text, published=PUB)
    claim = next(c for c in ex.claims if "Kirkuk" in c["snippet"])
    assert claim["event"] is None


# Round 7: two attacks one article tells on different days stay two incidents.

from workbench.extract.incidents import EventRef, link_incidents  # noqa: E402


def _ref(aid: str, i: int, day: int, location: str = "Deir ez-Zor", precision: str = "day") -> EventRef:
    return EventRef(
        key=(aid, i), article_id=aid, outlet=aid, published=dt.date(2023, 3, 20),
        date=dt.date(2023, 3, day), precision=precision, location=location, kind="us_strike",
        attacker_side="us", target_side="factions", weapons=("airstrike",),
    )


def test_strikes_one_article_tells_on_two_days_are_two_incidents():
    # An airstrike on the 14th and helicopters striking back on the 15th, told by two outlets.
    refs = [_ref("a", 0, 14), _ref("a", 1, 15), _ref("b", 0, 14), _ref("b", 1, 15)]
    assigned, rows = link_incidents(refs)
    assert len(rows) == 2
    assert assigned[("a", 0)] == assigned[("b", 0)] != assigned[("a", 1)] == assigned[("b", 1)]


def test_one_articles_two_mentions_of_a_day_may_be_one_incident():
    refs = [_ref("a", 0, 14), _ref("a", 1, 14), _ref("b", 0, 15)]
    assigned, rows = link_incidents(refs)
    assert len(rows) == 1


def test_other_articles_strikes_a_day_apart_still_link():
    refs = [_ref("a", 0, 14), _ref("b", 0, 15)]
    assigned, rows = link_incidents(refs)
    assert assigned[("a", 0)] == assigned[("b", 0)]


@pytest.mark.parametrize(
    "lead",
    [
        "The foreign ministry spokesman on Thursday strongly rejected the US claim that the sites hit by American warplanes",
        "The foreign ministry on Thursday denied the US claim that the sites hit by American warplanes",
    ],
)
def test_the_day_of_a_rejection_is_not_the_day_of_the_strike(lead):
    text = lead + " in eastern Syria belonged to Iran. American warplanes struck the sites late on Tuesday."
    evs = extraction(text, published=dt.date(2024, 8, 9)).events
    assert len(evs) == 1, [e["snippet"] for e in evs]
    assert evs[0]["date"] == dt.date(2024, 8, 6)


@pytest.mark.parametrize(
    "text, names",
    [
        ("A bomb hit a supply convoy on the Diwaniyah–Samawah road on Monday.", ["Diwaniyah", "Samawah"]),
        ("Trucks were hit on the highway south of Nasiriya in Dhi Qar province.", ["Nasiriyah", "Dhi Qar"]),
        ("The device went off near al-Hamza district, in al-Qadisiyah.", ["Hamza district", "Qadisiyah"]),
    ],
)
def test_the_southern_convoy_roads_are_places(text, names):
    assert [p.place.name for p in find_places(text)] == names


def test_convoy_bombs_in_two_southern_cities_are_two_attacks():
    text = ("On Monday night a roadside bomb hit a supply convoy near Diwaniyah. On Tuesday morning an explosive device "
            "exploded targeting another convoy south of Nasiriyah.")
    evs = extraction(text, published=dt.date(2024, 8, 7)).events
    assert [e["location"] for e in evs] == ["Diwaniyah", "Nasiriyah"]


def _strike(aid: str, day: dt.date, precision: str, location: str) -> EventRef:
    return EventRef(
        key=(aid, 0), article_id=aid, outlet=aid, published=dt.date(2024, 2, 10), date=day, precision=precision,
        location=location, kind="us_strike", attacker_side="us", target_side="factions", weapons=(),
    )


def test_an_attack_told_only_by_its_year_at_one_site_joins_that_sites_incident():
    # "the US assassinated the commanders near Baghdad airport in 2020", told with the day elsewhere
    refs = [_strike("a", dt.date(2020, 1, 3), "day", "Baghdad airport"), _strike("b", dt.date(2020, 7, 1), "year", "Baghdad airport")]
    assigned, rows = link_incidents(refs)
    assert assigned[("a", 0)] == assigned[("b", 0)]


@pytest.mark.parametrize("location", ["Baghdad", "Iraq"])
def test_a_year_in_a_city_or_a_country_is_too_wide_to_link(location):
    refs = [_strike("a", dt.date(2020, 1, 3), "day", location), _strike("b", dt.date(2020, 7, 1), "year", location)]
    assigned, rows = link_incidents(refs)
    assert assigned[("a", 0)] != assigned[("b", 0)]
