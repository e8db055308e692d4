"""Tests for workbench.actors: data integrity, resolve(), find(), outlet_for()."""

from __future__ import annotations

import pytest
import yaml

from workbench.actors import (
    DEFAULT_PATH,
    KINDS,
    SIDES,
    Actor,
    Gazetteer,
    Mention,
    load_gazetteer,
    normalize,
    resolve,
)

GOLD_NAMES = [
    "Qais al-Khazali", "Abu Ali al-Askari", "Wayne Marotto", "John Kirby", "Mustafa al-Kadhimi",
    "Mohammed Shia al-Sudani", "Popular Mobilization Forces", "Sabereen News",
    "Operation Inherent Resolve", "Pentagon", "Sputnik", "Rudaw", "Kayhan International", "Press TV",
    "Islamic Invitation Turkey", "Syrian media", "Iraqi security source", "Iraqi resistance factions",
    "Kata'ib Sayyid al-Shuhada", "Saad al-Saadi", "Ahmed al-Assadi", "Ahmed al-Maksousi",
    "Elijah Magnier", "Islamic Resistance in Iraq", "Iran", "Kata'ib Hezbollah", "Asa'ib Ahl al-Haq",
    "Syrian sources",
]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="module")
def raw() -> dict:
    with open(DEFAULT_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


# ---------------------------------------------------------------- data integrity

def test_entries_have_known_kind_and_side(raw):
    for entry in raw["actors"]:
        assert entry["side"] in SIDES, entry["name"]
        assert entry["kind"] in KINDS, entry["name"]
        assert set(entry) <= {"name", "kind", "side", "aliases", "resolve_only", "affiliation", "role", "domains"}


def test_names_unique(raw):
    names = [e["name"] for e in raw["actors"]]
    assert len(names) == len(set(names))


def test_no_alias_maps_to_two_actors(raw):
    owner: dict[str, str] = {}
    for entry in raw["actors"]:
        for alias in [entry["name"], *(entry.get("aliases") or []), *(entry.get("resolve_only") or [])]:
            key = normalize(alias)
            assert key, alias
            assert owner.setdefault(key, entry["name"]) == entry["name"], (alias, owner[key], entry["name"])


def test_affiliations_exist(raw):
    names = {e["name"] for e in raw["actors"]}
    for entry in raw["actors"]:
        if entry.get("affiliation"):
            assert entry["affiliation"] in names, (entry["name"], entry["affiliation"])


def test_domains_unique_and_bare(raw):
    seen: set[str] = set()
    for entry in raw["actors"]:
        for domain in entry.get("domains") or []:
            assert domain == domain.lower() and "/" not in domain and not domain.startswith("www.")
            assert domain not in seen, domain
            seen.add(domain)


def test_baghdad_is_not_an_actor(gaz):
    assert gaz.resolve("Baghdad") is None
    assert gaz.find("Rockets fell in Baghdad overnight.") == []


@pytest.mark.parametrize("name", GOLD_NAMES)
def test_gold_names_exist(gaz, name):
    assert gaz.get(name).name == name


def test_get_unknown_raises(gaz):
    with pytest.raises(KeyError):
        gaz.get("Nobody In Particular")


def test_default_gazetteer_is_cached():
    assert load_gazetteer() is load_gazetteer()


def test_load_from_path_and_bare_list(tmp_path):
    path = tmp_path / "mini.yaml"
    path.write_text(
        "- {name: Kata'ib Hezbollah, kind: faction, side: factions, aliases: [KH]}\n"
        "- {name: Pentagon, kind: agency, side: us, aliases: []}\n",
        encoding="utf-8",
    )
    g = load_gazetteer(path)
    assert [a.name for a in g.actors] == ["Kata'ib Hezbollah", "Pentagon"]
    assert g.resolve("KH").side == "factions"


def test_conflicting_aliases_rejected():
    a = Actor("A One", "person", "us", ("Shared",))
    b = Actor("B Two", "person", "iran", ("shared",))
    with pytest.raises(ValueError):
        Gazetteer([a, b])


# ---------------------------------------------------------------- normalize

@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kata’ib Hezbollah", "kataib hezbollah"),
        ("Kata'ib  Hezbollah", "kataib hezbollah"),
        ("KATA‘IB HEZBOLLAH", "kataib hezbollah"),
        ("al-Kadhimi", "kadhimi"),
        ("El-Sisi", "sisi"),
        ("Hashd al-Sha’abi", "hashd shaabi"),
        ("U.S.-led coalition", "us led coalition"),
        ("Abdul-Mahdi", "abdul mahdi"),
        ("Qāsem Soleimānī", "qasem soleimani"),
        ("Asa`ib Ahl al‑Haq", "asaib ahl haq"),
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


# ---------------------------------------------------------------- resolve

@pytest.mark.parametrize(
    "mention, name",
    [
        ("Kataib Hezbollah", "Kata'ib Hezbollah"),
        ("Kata’ib Hizballah", "Kata'ib Hezbollah"),
        ("kata'ib hezbollah brigades", "Kata'ib Hezbollah"),
        ("KH", "Kata'ib Hezbollah"),
        ("the PMU", "Popular Mobilization Forces"),
        ("PMF", "Popular Mobilization Forces"),
        ("Popular Mobilisation Units", "Popular Mobilization Forces"),
        ("Hashd al-Shaabi", "Popular Mobilization Forces"),
        ("al-Hashd al-Sha’abi", "Popular Mobilization Forces"),
        ("the Hashd", "Popular Mobilization Forces"),
        ("Asaib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
        ("AAH", "Asa'ib Ahl al-Haq"),
        ("Kataib Sayyid al-Shuhada", "Kata'ib Sayyid al-Shuhada"),
        ("Nujaba", "Harakat al-Nujaba"),
        ("Qais Khazali", "Qais al-Khazali"),
        ("Sheikh Qais al-Khazali", "Qais al-Khazali"),
        ("Khazali's", "Qais al-Khazali"),
        ("Coly. Wayne Marrotto", "Wayne Marotto"),
        ("Col. Wayne Marotto", "Wayne Marotto"),
        ("Marrotto", "Wayne Marotto"),
        ("al-Kadhemi", "Mustafa al-Kadhimi"),
        ("Prime Minister Mustafa al-Kazemi", "Mustafa al-Kadhimi"),
        ("KADHIMI", "Mustafa al-Kadhimi"),
        ("Mohammed Shia’ al-Sudani", "Mohammed Shia al-Sudani"),
        ("Mohammed Shia' al-Sudani", "Mohammed Shia al-Sudani"),
        ("Sudani", "Mohammed Shia al-Sudani"),
        ("Yahya Rasool", "Yehia Rasool"),
        ("Lt. Gen. Qassem Soleimani", "Qassem Soleimani"),
        ("Gen. Kenneth McKenzie", "Kenneth McKenzie"),
        ("President Biden", "Joe Biden"),
        ("Secretary of State Antony Blinken", "Antony Blinken"),
        ("Pentagon press secretary John Kirby", "John Kirby"),
        ("Kirby", "John Kirby"),
        ("spokesman Abu Ali al-Askari", "Abu Ali al-Askari"),
        ("Askari", "Abu Ali al-Askari"),
        ("Department of Defense", "Pentagon"),
        ("CENTCOM", "US Central Command"),
        ("CJTF-OIR", "Operation Inherent Resolve"),
        ("the U.S.-led coalition", "Operation Inherent Resolve"),
        ("U.S.", "United States"),
        ("Washington", "United States"),
        ("Tehran", "Iran"),
        ("IRGC", "Islamic Revolutionary Guard Corps"),
        ("Iraqi security sources", "Iraqi security source"),
        ("an Iraqi security source", "Iraqi security source"),
        ("Iraqi resistance groups", "Iraqi resistance factions"),
        ("Syrian state media", "Syrian media"),
        ("Syrian sources", "Syrian sources"),
        ("Sabreen News", "Sabereen News"),
        ("Kayhan", "Kayhan International"),
        ("PressTV", "Press TV"),
        ("Al Mayadeen", "Al-Mayadeen"),
        ("Fars", "Fars News Agency"),
        ("Iraq", "Iraqi government"),
        ("Hussein", "Fuad Hussein"),
        ("Elijah Magnier", "Elijah Magnier"),
    ],
)
def test_resolve(gaz, mention, name):
    actor = gaz.resolve(mention)
    assert actor is not None, mention
    assert actor.name == name


@pytest.mark.parametrize(
    "mention",
    ["us", "Us", "kh", "pmu", "Iranian", "American", "Syrian", "Iraqi", "Baghdad", "", "the", "  ",
     "monitor", "Col.", "he said", "sources"],
)
def test_resolve_nothing(gaz, mention):
    assert gaz.resolve(mention) is None


def test_resolve_strict_does_not_search_inside(gaz):
    assert gaz.resolve("a rocket fired by Kata'ib Hezbollah", loose=False) is None
    assert gaz.resolve("a rocket fired by Kata'ib Hezbollah").name == "Kata'ib Hezbollah"


@pytest.mark.parametrize(
    "mention, side",
    [
        ("Pentagon", "us"), ("KH", "factions"), ("Press TV", "iran"), ("Kadhimi", "iraq_gov"),
        ("SANA", "syria"), ("Sputnik", "russia"), ("Reuters", "media"), ("Al-Maalomah", "factions"),
        ("Al-Ahed TV", "factions"), ("Shafaq News", "media"), ("Islamic Invitation Turkey", "iran"),
        ("Syrian Observatory for Human Rights", "media"), ("nobody", None),
    ],
)
def test_side_of(gaz, mention, side):
    assert gaz.side_of(mention) == side


def test_module_level_resolve():
    assert resolve("Kata’ib Hezbollah").name == "Kata'ib Hezbollah"
    assert resolve("us") is None


# ---------------------------------------------------------------- find

FIND_CASES = [
    (
        "Kataib Hezbollah said the US would pay, while Kirby declined to comment.",
        [("Kataib Hezbollah", "Kata'ib Hezbollah"), ("US", "United States"), ("Kirby", "John Kirby")],
    ),
    (
        "Let us know what the KH commander told the Hashd al-Sha’abi leadership.",
        [("KH", "Kata'ib Hezbollah"), ("Hashd al-Sha’abi", "Popular Mobilization Forces")],
    ),
    (
        "Col. Wayne Marrotto, the OIR spokesman, said U.S. forces were not hurt.",
        [("Wayne Marrotto", "Wayne Marotto"), ("OIR", "Operation Inherent Resolve"),
         ("U.S. forces", "US military")],
    ),
    (
        "Iraq’s Prime Minister Mustafa al-Kadhemi condemned the raid, his office said.",
        [("Mustafa al-Kadhemi", "Mustafa al-Kadhimi")],
    ),
    (
        "al-Kadhimi met Asa’ib Ahl al-Haq and the Popular Mobilization Units (PMU) in Baghdad.",
        [("al-Kadhimi", "Mustafa al-Kadhimi"), ("Asa’ib Ahl al-Haq", "Asa'ib Ahl al-Haq"),
         ("Popular Mobilization Units", "Popular Mobilization Forces"), ("PMU", "Popular Mobilization Forces")],
    ),
    (
        "Tehran denied links to the Islamic Resistance in Iraq, Press TV reported.",
        [("Tehran", "Iran"), ("Islamic Resistance in Iraq", "Islamic Resistance in Iraq"), ("Press TV", "Press TV")],
    ),
    (
        "An Iraqi security source told Sabereen News that Iran-backed militias fired again.",
        [("Iraqi security source", "Iraqi security source"), ("Sabereen News", "Sabereen News"),
         ("Iran-backed militias", "Iraqi resistance factions")],
    ),
    (
        "KATAIB HEZBOLLAH WARNS WASHINGTON",
        [("KATAIB HEZBOLLAH", "Kata'ib Hezbollah"), ("WASHINGTON", "United States")],
    ),
    (
        "The Washington Post and the Tehran Times both cited Syrian media outlets.",
        [("The Washington Post", "Washington Post"), ("the Tehran Times", "Tehran Times"),
         ("Syrian media outlets", "Syrian media")],
    ),
    (
        "Rockets hit Ain al-Assad, the Pentagon said on Monday.",
        [("the Pentagon", "Pentagon")],
    ),
    (
        "It was claimed by the US. Then the U.S.-led coalition replied.",
        [("US", "United States"), ("U.S.-led coalition", "Operation Inherent Resolve")],
    ),
]


@pytest.mark.parametrize("text, expected", FIND_CASES)
def test_find(gaz, text, expected):
    mentions = gaz.find(text)
    assert [(m.text, m.actor.name) for m in mentions] == expected
    for m in mentions:
        assert isinstance(m, Mention)
        assert text[m.start:m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Let us know what you think of us.",
        "Iranian drones and American jets flew over Syrian towns.",
        "A monitor in Sadr City counted the rockets.",
        "Prices rose in Baghdad and in the market near Ain al-Asad.",
        "They called it a national security matter.",
        "",
    ],
)
def test_find_nothing(gaz, text):
    assert gaz.find(text) == []


def test_find_is_deterministic_and_non_overlapping(gaz):
    text = "Qais al-Khazali of Asa'ib Ahl al-Haq and Abu Mahdi al-Muhandis of the PMF. " * 50
    first = gaz.find(text)
    assert first == gaz.find(text)
    for a, b in zip(first, first[1:]):
        assert a.end <= b.start


def test_find_handles_long_text(gaz):
    text = "Kata’ib Hezbollah fired rockets at US forces, the Pentagon said. " * 5000
    mentions = gaz.find(text)
    assert len(mentions) == 15000
    assert mentions[-1].end <= len(text)


# ---------------------------------------------------------------- outlet_for

@pytest.mark.parametrize(
    "url, name",
    [
        ("https://presstv.ir/Detail/2021/06/30/661194/x", "Press TV"),
        ("https://www.presstv.ir/Detail/2021/06/30/661194/x", "Press TV"),
        ("https://kayhan.ir/en/news/92243/x", "Kayhan International"),
        ("https://rudaw.net/english/middleeast/iraq/091220233", "Rudaw"),
        ("https://www.islamicinvitationturkey.com/iraqi-resistance/", "Islamic Invitation Turkey"),
        ("https://english.almayadeen.net/news/politics/x", "Al-Mayadeen"),
        ("http://WWW.SHAFAQ.COM:443/en/Iraq/x", "Shafaq News"),
        ("apnews.com/article/x", "Associated Press"),
    ],
)
def test_outlet_for_url(gaz, url, name):
    assert gaz.outlet_for(url=url).name == name


@pytest.mark.parametrize("url", ["https://example.org/x", "https://notpresstv.ir/x", "", "not a url"])
def test_outlet_for_unknown_url(gaz, url):
    assert gaz.outlet_for(url=url) is None


@pytest.mark.parametrize(
    "name, expected",
    [("Press TV", "Press TV"), ("Kayhan", "Kayhan International"), ("Shafaq news agency", "Shafaq News"),
     ("The National", "The National"), ("Pentagon", None), ("Nowhere Gazette", None)],
)
def test_outlet_for_name(gaz, name, expected):
    actor = gaz.outlet_for(name=name)
    assert (actor.name if actor else None) == expected


# --------------------------------------------------------------------------- the find regex's look-ahead


def test_caseless_letter_matches_what_ignorecase_matches():
    import re
    import sys

    from workbench.actors import caseless_letter

    every_char = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        assert set(re.findall(caseless_letter(letter), every_char)) == set(re.findall(f"(?i:{letter})", every_char))


@pytest.mark.parametrize(
    "token, partial, full",
    [("Kata'ib", {"kata"}, "kataib"), ("U.S.", {"u", "us"}, "us"), ("Iraq", set(), "iraq"),
     ("Asa’ib", {"asa"}, "asaib"), ("9/11", {"9"}, "911")],
)
def test_word_forms(token, partial, full):
    from workbench.actors import word_forms

    assert word_forms(token) == (partial, full)


@pytest.mark.parametrize(
    "text, matches",
    [("The Pentagon said", True), ("the-pentagon", True), ("IRAQ", True), ("Iraq's army", True),
     ("Iraqi forces", False), ("the pentagons", False), ("the White House", False), ("Tehran", False)],
)
def test_words_regex_matches_whole_phrases_at_the_start(text, matches):
    import re

    from workbench.actors import words_regex

    pattern = re.compile(words_regex({("the", "pentagon"), ("iraq",)}, sep=r"[\s-]+"))
    assert bool(pattern.match(text)) is matches


@pytest.fixture(scope="module")
def ungated(gaz):
    from workbench.actors import _build_find_regex

    return _build_find_regex(gaz._find_aliases, use_gate=False)


@pytest.mark.parametrize(
    "text",
    [
        "Kataib Hezbollah and Kata’ib-Hezbollah denied it; kata'ib hezbollah's men did not.",
        "U.S. forces, US troops and the U.S.-led coalition; us and U.S",
        "al-Khazali, Al Khazali and el-Khazali spoke; the Pentagon and The White House did not.",
        "Stars & Stripes and Fatah (Conquest) Alliance reported it. al-Monitor, Al-Monitor, monitor.",
        "Abu 'Ali al-'Askari wrote; Abu Ali al-Askari and ABU ALI AL-ASKARI too.",
        "The PMU, the PMF and the Popular Mobilization Forces; Iraqi security forces; a security source.",
        "İran and ıraq and ſecurity ſources, KH and Kh, the-the Pentagon--Pentagon.",
        "",
    ],
)
def test_find_look_ahead_changes_no_match(gaz, ungated, text):
    assert [m.span() for m in gaz._find_re.finditer(text)] == [m.span() for m in ungated.finditer(text)]
