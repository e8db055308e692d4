"""Incidents across articles, and publication dates learned from dated articles.

The articles are written for these tests.
"""

import datetime as dt

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench import load_corpus
from workbench.extract.incidents import EventRef, link_incidents

ARTICLES = {
    "a_wire.txt": (
        "BAGHDAD (Reuters) - Rockets struck the Victory base near Baghdad airport late on Tuesday, "
        "a security source said.\n"
        "No casualties were reported, the US-led coalition said in a statement."
    ),
    "b_channel.txt": (
        "The Islamic Resistance in Iraq said it targeted the occupation base at Victory base with rockets "
        "on Tuesday night.\n"
        "Several American soldiers were wounded in the attack, the group claimed."
    ),
    "c_state.txt": (
        "US warplanes struck Kataib Hezbollah positions in al-Qaim on Wednesday, killing four fighters, "
        "the PMF said."
    ),
    "d_undated.txt": (
        "Iraqi resistance factions on Thursday vowed to avenge the fighters killed when US warplanes "
        "struck their positions in al-Qaim near the Syrian border.\n"
        "The US strikes drew condemnation from the government on Thursday."
    ),
}
CATALOG = "file,outlet,url,published\na_wire.txt,Reuters,,2024-01-17\nb_channel.txt,Sabereen News,,2024-01-17\nc_state.txt,Press TV,,2024-01-18\nd_undated.txt,Tasnim,,\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("incidents")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    return load_corpus(folder, catalog=folder / "catalog.csv")


def test_one_attack_told_by_two_sides_is_one_incident(corpus):
    ev = corpus.events.set_index("article_id")
    assert ev.loc["a_wire", "incident_id"] == ev.loc["b_channel", "incident_id"]
    inc = corpus.incidents.set_index("incident_id").loc[ev.loc["a_wire", "incident_id"]]
    assert inc["kind"] == "attack_on_us"
    assert inc["n_articles"] == 2 and inc["n_outlets"] == 2
    assert inc["date"] == pd.Timestamp("2024-01-16")
    assert inc["location"] == "Victory Base"


def test_claims_of_both_sides_share_the_incident(corpus):
    cl = corpus.claims.set_index("article_id")
    assert cl.loc["a_wire", "incident_id"] == cl.loc["b_channel", "incident_id"]
    assert cl.loc["a_wire", "low"] == 0
    assert cl.loc["b_channel", "qualifier"] == "vague"


def test_a_different_attack_is_another_incident(corpus):
    ev = corpus.events.set_index("article_id")
    assert ev.loc["c_state", "incident_id"] != ev.loc["a_wire", "incident_id"]
    assert ev.loc["c_state", "attacker_side"] == "us"


def test_undated_article_dated_from_the_attack_it_reports(corpus):
    art = corpus.articles.set_index("article_id")
    assert art.loc["d_undated", "published_basis"] == "inferred"
    # It reports the strike of Wednesday 17 January and speaks of Thursday: 18 January.
    assert art.loc["d_undated", "published"] == pd.Timestamp("2024-01-18")
    ev = corpus.events.set_index("article_id")
    assert ev.loc["d_undated", "incident_id"] == ev.loc["c_state", "incident_id"]


def test_extracting_again_a_table_with_inferred_dates_gives_the_same_tables(corpus):
    from workbench.extract import extract_corpus
    from workbench.schema import EXTRACTED_TABLES

    # corpus.articles already holds the refined date: it is worked out again, not built upon
    tables, articles = extract_corpus(corpus.articles, corpus.sentences)
    for name in EXTRACTED_TABLES:
        pd.testing.assert_frame_equal(tables[name], getattr(corpus, name), obj=name)
    pd.testing.assert_frame_equal(articles, corpus.articles)
    # whatever date an earlier run inferred
    moved = corpus.articles.copy()
    moved.loc[moved["article_id"] == "d_undated", "published"] = pd.Timestamp("2030-06-01")
    tables, articles = extract_corpus(moved, corpus.sentences)
    pd.testing.assert_frame_equal(tables["events"], corpus.events)
    pd.testing.assert_frame_equal(articles, corpus.articles)


def test_incident_ids_do_not_depend_on_input_order():
    refs = [
        EventRef(("a", 0), "a", "X", dt.date(2024, 1, 17), dt.date(2024, 1, 16), "day", "Victory Base", "attack_on_us", "unknown", "us", ("rocket",)),
        EventRef(("b", 0), "b", "Y", dt.date(2024, 1, 17), dt.date(2024, 1, 17), "day", "Baghdad airport", "attack_on_us", "factions", "us", ("rocket",)),
        EventRef(("c", 0), "c", "Z", dt.date(2024, 1, 20), dt.date(2024, 1, 19), "day", "Erbil", "attack_on_us", "unknown", "us", ("drone",)),
    ]
    a1, rows1 = link_incidents(refs)
    a2, rows2 = link_incidents(list(reversed(refs)))
    assert a1 == a2 and rows1 == rows2
    assert a1[("a", 0)] == a1[("b", 0)] != a1[("c", 0)]


def test_strikes_far_apart_in_time_are_not_linked():
    refs = [
        EventRef(("a", 0), "a", "X", None, dt.date(2020, 1, 3), "day", "Baghdad", "us_strike", "us", "factions", ("drone",)),
        EventRef(("b", 0), "b", "Y", None, dt.date(2024, 2, 7), "day", "Baghdad", "us_strike", "us", "factions", ("drone",)),
    ]
    assigned, rows = link_incidents(refs)
    assert assigned[("a", 0)] != assigned[("b", 0)]
    assert len(rows) == 2


def _ref(key, date, place, attacker, target, weapons=("rocket",)):
    from workbench.extract.incidents import event_kind

    return EventRef((key, 0), key, key.upper(), date, date, "day", place, event_kind(attacker, target), attacker, target, weapons)


def test_an_untold_side_is_bridged_by_a_precise_place_only():
    day = dt.date(2021, 2, 15)
    # a rocket attack on Erbil airport told as an attack on US forces, and by another outlet
    # with no target side: the same incident
    assigned, rows = link_incidents([_ref("a", day, "Erbil airport", "unknown", "us"),
                                     _ref("b", day, "Erbil airport", "unknown", "unknown")])
    assert assigned[("a", 0)] == assigned[("b", 0)]
    assert [r["kind"] for r in rows] == ["attack_on_us"]
    # a claim of attacks "in Syria" with no target does not join an attack on a Syrian base
    assigned, _ = link_incidents([_ref("a", day, "al-Omar oil field", "factions", "us", ("drone",)),
                                  _ref("b", day, "Syria", "factions", "unknown", ("drone",))])
    assert assigned[("a", 0)] != assigned[("b", 0)]
    # sides that are told and differ never link
    assigned, _ = link_incidents([_ref("a", day, "al-Qaim", "us", "factions", ("airstrike",)),
                                  _ref("b", day, "al-Qaim", "factions", "us", ("airstrike",))])
    assert assigned[("a", 0)] != assigned[("b", 0)]


def test_a_border_outpost_told_in_either_country_is_one_incident():
    day = dt.date(2024, 1, 28)
    # "drone attacks on three bases in Syria" claimed by the factions, the attack on the outpost
    # on the Jordanian side told by the Pentagon
    assigned, _ = link_incidents([_ref("a", day, "Tower 22", "unknown", "us", ("drone",)),
                                  _ref("b", day, "Syria", "factions", "us", ("drone",))])
    assert assigned[("a", 0)] == assigned[("b", 0)]
    # ... but not an attack in Iraq
    assigned, _ = link_incidents([_ref("a", day, "Tower 22", "unknown", "us", ("drone",)),
                                  _ref("b", day, "Iraq", "factions", "us", ("drone",))])
    assert assigned[("a", 0)] != assigned[("b", 0)]


def test_an_attack_told_on_several_bases_joins_the_attack_told_at_one_of_them():
    from dataclasses import replace

    day = dt.date(2024, 1, 28)
    one = _ref("a", day, "Tower 22", "unknown", "us", ("drone",))
    several = replace(_ref("b", day, "al-Shaddadi", "factions", "us", ("drone",)),
                      sites=("al-Rukban", "al-Shaddadi", "al-Tanf"))
    again = _ref("c", day, "Tower 22", "unknown", "us", ("drone",))
    assigned, rows = link_incidents([one, several, again])
    assert assigned[("a", 0)] == assigned[("b", 0)] == assigned[("c", 0)]
    assert [r["location"] for r in rows] == ["Tower 22"]  # the place told surely, not one of the several
    # told at one base only, al-Shaddadi is another attack
    assigned, _ = link_incidents([one, _ref("b", day, "al-Shaddadi", "factions", "us", ("drone",))])
    assert assigned[("a", 0)] != assigned[("b", 0)]


@pytest.mark.parametrize(
    "text, low",
    [
        ("A drone struck a US outpost in Jordan on Sunday, killing three soldiers.\n"
         "The president vowed to respond.\n"
         "Officials said 34 troops were being evaluated for brain injuries.", 34),
        ("Rockets hit the Ain al-Asad air base on Sunday.\nThe Pentagon did not comment at first.\n"
         "Later, a spokesman said two contractors were wounded.", 2),
    ],
)
def test_a_toll_told_with_no_attack_near_counts_the_articles_first_attack(text, low):
    from workbench.extract import extract_article

    x = extract_article("t", text, published=dt.date(2024, 1, 29), outlet="Reuters", outlet_side="media")
    assert [(c["low"], c["event"]) for c in x.claims if c["low"] == low] == [(low, 0)]


def test_fighters_killed_far_from_an_attack_on_us_forces_count_no_attack():
    from workbench.extract import extract_article

    x = extract_article("t", "Rockets hit the Ain al-Asad air base on Sunday.\nThe Pentagon did not comment.\n"
                        "Separately, the Hashd said four of its fighters were killed.", published=dt.date(2024, 1, 29),
                        outlet="Reuters", outlet_side="media")
    assert [c["event"] for c in x.claims if c["low"] == 4] == [None]


def test_a_week_told_links_within_its_week_only():
    from dataclasses import replace

    told = _ref("a", dt.date(2024, 1, 27), "al-Omar oil field", "unknown", "us", ("drone",))
    # "earlier this week" in an article of Saturday 3 February: 29 January to 3 February
    week = replace(_ref("b", dt.date(2024, 1, 31), "al-Omar oil field", "unknown", "us", ("drone",)), precision="week")
    assigned, _ = link_incidents([told, week])
    assert assigned[("a", 0)] != assigned[("b", 0)]
    assigned, _ = link_incidents([replace(told, date=dt.date(2024, 1, 29)), week])
    assert assigned[("a", 0)] == assigned[("b", 0)]


def test_a_base_told_as_iraqi_by_one_side_and_as_american_by_another():
    day = dt.date(2019, 12, 27)
    # "a rocket attack on an Iraqi military base in Kirkuk" and "rockets hit the K1 base hosting US forces"
    assigned, rows = link_incidents([_ref("a", day, "K1 air base", "unknown", "us"),
                                     _ref("b", day, "Kirkuk", "unknown", "iraq_gov")])
    assert assigned[("a", 0)] == assigned[("b", 0)]
    assert [r["kind"] for r in rows] == ["attack_on_us"]
    # ... not when only the country is told
    assigned, _ = link_incidents([_ref("a", day, "K1 air base", "unknown", "us"), _ref("b", day, "Iraq", "unknown", "iraq_gov")])
    assert assigned[("a", 0)] != assigned[("b", 0)]


def test_an_attack_told_without_a_day_has_its_incidents_day(tmp_path):
    (tmp_path / "a.txt").write_text("Rockets struck the Victory base near Baghdad airport late on Tuesday, a security "
                                    "source said.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Three rockets hit the Victory base near Baghdad airport, wounding a contractor, "
                                    "the coalition said in a statement.", encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("file,outlet,url,published\na.txt,Reuters,,2024-01-17\nb.txt,Rudaw,,2024-01-18\n",
                                          encoding="utf-8")
    corpus = load_corpus(tmp_path, catalog=tmp_path / "catalog.csv")
    ev = corpus.events.set_index("article_id")
    assert ev.loc["a", "incident_id"] == ev.loc["b", "incident_id"]
    assert ev.loc["b", "date"] == ev.loc["a", "date"] == pd.Timestamp("2024-01-16")


# --- The date index chooses exactly what a scan of every incident would -----------------------

def _scan_every_incident(events):
    """The linking rule with no index: each event is tried against every dated incident."""
    from workbench.extract.incidents import Incident, _fits

    order = sorted(events, key=lambda e: (e.date is None, e.date or dt.date.max,
                                          {"day": 0, "week": 1, "month": 2}.get(e.precision, 3), e.key))
    incidents = []
    for ev in order:
        home, best = None, None
        for inc in incidents:  # creation order: ties go to the older incident
            if inc.date is None or not _fits(inc, ev):
                continue
            ref = ev.date or ev.published
            gap = abs((ref - inc.date).days)
            if best is None or gap < best:
                home, best = inc, gap
        if home is None:
            incidents.append(Incident([ev], order=len(incidents)))
        else:
            home.add(ev)
    return sorted(sorted(m.key for m in inc.members) for inc in incidents)


_PLACES = [None, "Iraq", "Syria", "Erbil", "Erbil airport", "Ain al-Asad", "al-Qaim", "Tower 22", "Jordan"]


@st.composite
def _event_refs(draw):
    n = draw(st.integers(1, 40))
    out = []
    for i in range(n):
        date = draw(st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2024, 3, 1))))
        published = draw(st.one_of(st.none(), st.dates(dt.date(2024, 1, 1), dt.date(2024, 3, 10))))
        out.append(EventRef(
            key=(f"a{i % 7}", i), article_id=f"a{i % 7}", outlet=None, published=published, date=date,
            precision=draw(st.sampled_from(["day", "week", "month", "year"])) if date else None,
            location=draw(st.sampled_from(_PLACES)), kind="attack_on_us",
            attacker_side=draw(st.sampled_from(["factions", "unknown", "us"])),
            target_side=draw(st.sampled_from(["us", "unknown", "factions", "iraq_gov"])),
            weapons=tuple(draw(st.lists(st.sampled_from(["rocket", "drone", "unknown"]), max_size=2))),
        ))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_event_refs())
def test_date_index_links_as_a_scan_of_every_incident(refs):
    refs = [EventRef(**{**r.__dict__, "kind": _kind(r)}) for r in refs]
    assigned, _rows = link_incidents(refs)
    groups: dict[str, list] = {}
    for key, iid in assigned.items():
        groups.setdefault(iid, []).append(key)
    assert sorted(sorted(g) for g in groups.values()) == _scan_every_incident(refs)


def _kind(ref):
    from workbench.extract.incidents import event_kind

    return event_kind(ref.attacker_side, ref.target_side)
