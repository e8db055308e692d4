"""Article-local person registry, on short sentences written for these tests.

The names below are invented (not in the gazetteer) unless said otherwise, so the registry
has to work from the words around them.
"""

from __future__ import annotations

import pytest

from workbench.extract.people import Person, build_registry, person_mentions, side_from_words


def _people(text: str) -> list[tuple[str, str]]:
    return [(p.name, p.side) for p in build_registry(text).people]


PEOPLE_CASES = [
    # titles are stripped; "Sen." and "R-" party tags are American
    ("“Enough is enough,” said Sen. Harold Brandt of Nebraska.", [("Harold Brandt", "us")]),
    ("Rep. Miriam Okafor, D-Ohio, asked for a briefing.", [("Miriam Okafor", "us")]),
    ("Republican senator Dale Hemming said the strikes were overdue.", [("Dale Hemming", "us")]),
    # a stack of military titles
    ("Joint Staff director Maj. Gen. Curtis Vollmer told reporters the raid was over.", [("Curtis Vollmer", "us")]),
    # nationality / institution words in the pre-modifier
    ("Iraqi government spokesman Salah al-Hadithi said the cabinet met.", [("Salah al-Hadithi", "iraq_gov")]),
    ("Government spokesperson Karim al-Jubouri denied the report.", [("Karim al-Jubouri", "iraq_gov")]),
    ("Iranian diplomat Reza Tavakoli told state TV the claims were false.", [("Reza Tavakoli", "iran")]),
    ("Syrian official Nizar Haddadin said two soldiers died.", [("Nizar Haddadin", "syria")]),
    # the affiliation is a gazetteer body in the pre-modifier or the appositive
    ("Harakat al-Nujaba spokesman Abbas al-Zaidi told reporters the group was ready.",
     [("Abbas al-Zaidi", "factions")]),
    ("A senior Kataib Hezbollah commander, Abu Zainab al-Lami, said the convoy was hit.",
     [("Abu Zainab al-Lami", "factions")]),
    ("Pentagon press secretary Maj. Gen. Arthur Penrose said the base was secure.", [("Arthur Penrose", "us")]),
    # appositive after the name: analysts are media
    ("“It will not last,” said Nadia Serhan, a researcher at the Gulf Policy Institute.",
     [("Nadia Serhan", "media")]),
    ("Omar Khalidi, a senior fellow at a Washington think tank, disagreed.", [("Omar Khalidi", "media")]),
    # a speech verb alone is enough to register, with side unknown
    ("Samir Duwaik said the power station was damaged.", [("Samir Duwaik", "unknown")]),
]


@pytest.mark.parametrize("text,expected", PEOPLE_CASES)
def test_people(text, expected):
    assert _people(text) == expected


NOT_PEOPLE_CASES = [
    "Rockets hit Ain al-Asad air base in Anbar province on Monday.",
    "The correspondent in Deir Ezzor said that the market was closed.",
    "US Central Command said the strikes hit three sites.",
    "Drone Strike Hits Convoy Near Baghdad Airport In Late Night Raid",
    "The Islamic Resistance in Iraq said it launched two drones.",
    "Qais al-Khazali said the occupation must end.",  # a gazetteer person: not added
    "",
]


@pytest.mark.parametrize("text", NOT_PEOPLE_CASES)
def test_not_people(text):
    assert build_registry(text).people == ()


SURNAME_CASES = [
    ("Lt. Gen. Mark Ellery told reporters the jets returned safely. Ellery said more strikes may follow.",
     "Ellery", "Mark Ellery"),
    ("Government spokesman Haidar al-Obeidi spoke on Sunday. Al-Obeidi said the talks continue.",
     "Al-Obeidi", "Haidar al-Obeidi"),
    ("Army spokesman Brig. Gen. Luay Sabti said the area was sealed. Brig Gen Sabti added that no one was hurt.",
     "Sabti", "Luay Sabti"),
]


@pytest.mark.parametrize("text,ref,full", SURNAME_CASES)
def test_surname_refers_to_full_name(text, ref, full):
    reg = build_registry(text)
    refs = [m for m in reg.mentions if not m.full]
    assert [(m.text, m.person.name) for m in refs] == [(ref, full)]
    assert text[refs[0].start : refs[0].end] == ref


def test_surname_inside_another_name_is_not_a_reference():
    text = "Col. Dan Rivers said the gate was closed. The convoy used Rivers Street."
    reg = build_registry(text)
    assert [m.text for m in reg.mentions] == ["Dan Rivers"]


def test_transliteration_variant_resolves_to_gazetteer_name():
    # "Abou Alaa al-Walaee" is a spelling of the gazetteer's Abu Alaa al-Walai
    reg = build_registry("Secretary-General of Kataib Sayyid al-Shuhada Abou Alaa al-Walaee said the talks failed.")
    assert [p.name for p in reg.people] == ["Abu Alaa al-Walai"]


def test_person_mentions_are_gazetteer_style():
    reg = build_registry("Nujaba spokesman Abbas al-Zaidi spoke. Later al-Zaidi said more.")
    ms = person_mentions(reg)
    assert [m.text for m in ms] == ["Abbas al-Zaidi", "al-Zaidi"]
    assert {m.actor.name for m in ms} == {"Abbas al-Zaidi"}
    assert all(m.actor.kind == "person" and m.actor.side == "factions" for m in ms)
    assert ms[0].actor.affiliation == "Harakat al-Nujaba"
    assert isinstance(reg.people[0], Person) and reg.get("Abbas al-Zaidi") is reg.people[0]


@pytest.mark.parametrize(
    "words,side",
    [
        ("Iraqi government spokesman", "iraq_gov"),
        ("Iraqi prime minister's office", "iraq_gov"),
        ("Kurdistan Region Prime Minister", "iraq_gov"),
        ("Pentagon official", "us"),
        ("a State Department spokesman", "us"),
        ("Sen.", "us"),
        ("Iranian lawmaker", "iran"),
        ("Russian envoy", "russia"),
        ("a resistance commander", "factions"),
        ("an analyst at a Beirut think tank", "media"),
        ("American professor", "media"),  # the role beats the nationality
        ("the mourners", None),
        ("us", None),  # the pronoun is not the country
    ],
)
def test_side_from_words(words, side):
    assert side_from_words(words) == side


@pytest.mark.parametrize(
    "text, name, side",
    [
        # a relative clause that tells an analyst's work makes him media, whatever body follows
        ("“Striking inside Iraq is a choice,” said Nadim Farouk, who studies armed groups at a policy forum in Washington.",
         "Nadim Farouk", "media"),
        ("“The raids will change little,” said Laila Hamdan, who researches Iraqi politics at a Beirut institute.",
         "Laila Hamdan", "media"),
        # a retired officer quoted is a commentator
        ("“The outpost was always exposed,” said retired Army Col. Dale Whitmore, who served at the base.",
         "Dale Whitmore", "media"),
        # a serving officer is not
        ("“The rockets came from the south,” said Col. Dale Whitmore, who commanded troops at the base.",
         "Dale Whitmore", "unknown"),
        # a parliamentary role is the Iraqi state's
        ("The chairman of the parliamentary security committee, Haidar al-Zubaidi, said the panel would meet.",
         "Haidar al-Zubaidi", "iraq_gov"),
    ],
)
def test_side_from_relative_clauses_and_titles(text, name, side):
    reg = build_registry(text)
    assert reg.get(name) is not None and reg.get(name).side == side


def test_registry_is_deterministic_and_sorted():
    text = "Col. Zed Anders said one thing. Dr. Amal Farouq said another. Anders left."
    a, b = build_registry(text), build_registry(text)
    assert a == b
    assert [p.name for p in a.people] == sorted(p.name for p in a.people)
    assert [m.start for m in a.mentions] == sorted(m.start for m in a.mentions)


def test_people_vocabulary_integrity():
    from workbench.actors import SIDES
    from workbench.resources import load_yaml

    data = load_yaml("speech.yaml")
    for key in ("titles", "roles", "modifiers", "particles", "suffixes", "not_name"):
        words = data["people"][key]
        assert words and all(isinstance(w, str) and w == w.strip() and w for w in words), key
    assert int(data["people"]["max_premodifier_words"]) > 0
    for entry in data["side_words"]:
        assert entry["side"] in SIDES and entry["words"]
