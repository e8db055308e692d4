"""workbench.analysis: small frames in, small frames out; nothing mutated; doctests run."""

from __future__ import annotations

import doctest

import numpy as np
import pandas as pd
import pytest

from workbench import analysis as A


def _events(rows):
    """rows: (event_id, incident_id, date, attacker_side, target_side, weapons, snippet)."""
    df = pd.DataFrame(rows, columns=["event_id", "incident_id", "date", "attacker_side", "target_side", "weapons", "snippet"])
    df["article_id"] = df["event_id"].str.split(":").str[0]
    df["date"] = pd.to_datetime(df["date"])
    return df


def _incidents(rows):
    """rows: (incident_id, date, kind, attacker_side, target_side)."""
    df = pd.DataFrame(rows, columns=["incident_id", "date", "kind", "attacker_side", "target_side"])
    df["date"] = pd.to_datetime(df["date"])
    return df


EVENTS = _events([
    ("a:e1", "i1", "2023-10-18", "factions", "us", ["drone"], "A drone struck al-Harir base on Wednesday."),
    ("b:e1", "i1", "2023-10-18", "factions", "us", ["drone"], "Two drones targeted the base in Erbil."),
    ("b:e2", "i2", "2023-10-26", "us", "factions", ["airstrike"], "US jets hit depots near Albu Kamal."),
    ("c:e1", "i3", "2023-11-02", "unknown", "us", ["rocket", "drone"], "Rockets and a drone hit Ain al-Asad."),
    ("c:e2", None, "2023-11-03", "factions", "us", ["rocket"], "Katyushas fell near Victory base."),
])
INCIDENTS = _incidents([
    ("i1", "2023-10-18", "attack_on_us", "factions", "us"),
    ("i2", "2023-10-26", "us_strike", "us", "factions"),
    ("i3", "2023-11-02", "attack_on_us", "unknown", "us"),
])
ARTICLES = pd.DataFrame({
    "article_id": ["a", "b", "c"], "outlet": ["Rudaw", "Press TV", "Kayhan International"],
    "outlet_side": ["media", "iran", "iran"], "published": pd.to_datetime(["2023-10-19", "2023-10-27", "2023-11-03"]),
    "published_basis": ["catalog", "text", "inferred"], "duplicate_of": [None, None, "b"],
    "title": ["Drone hits base", "Strikes in Syria", "Strikes in Syria"],
})


def _claims(rows):
    """rows: (claim_id, incident_id, claimant, claimant_side, victim_side, outcome, low, high, qualifier)."""
    df = pd.DataFrame(rows, columns=["claim_id", "incident_id", "claimant", "claimant_side", "victim_side",
                                     "outcome", "low", "high", "qualifier"])
    df["article_id"] = df["claim_id"].str.split(":").str[0]
    df["low"] = df["low"].astype("Int64")
    df["high"] = df["high"].astype("Int64")
    df["date"] = pd.to_datetime("2023-10-18")
    df["snippet"] = "claim sentence"
    df["victim"] = None
    return df


def test_doctests():
    with pd.option_context("display.width", 80, "display.max_columns", 20):
        result = doctest.testmod(A, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 15 and result.failed == 0


def test_attacks_per_period_counts_incidents_not_mentions():
    out = A.attacks_per_period(EVENTS, INCIDENTS, freq="M")
    got = {(str(p.date()), k): n for p, k, n in zip(out["period"], out["kind"], out["n_incidents"])}
    # i1 is mentioned twice but counted once; the event without incident counts on its own.
    assert got == {("2023-10-01", "attack_on_us"): 1, ("2023-10-01", "us_strike"): 1, ("2023-11-01", "attack_on_us"): 2}


def test_attacks_per_week_starts_on_sunday():
    out = A.attacks_per_period(EVENTS, INCIDENTS, freq="W")
    assert set(out["period"].dt.day_name()) == {"Sunday"}
    assert out["n_incidents"].sum() == 4


def test_attacks_by_weapon_counts_each_weapon_once_per_incident():
    out = A.attacks_per_period(EVENTS, INCIDENTS, freq="M", by="weapon")
    nov = out[out["period"] == "2023-11-01"].set_index("weapon")["n_incidents"].to_dict()
    assert nov == {"drone": 1, "rocket": 2}


@pytest.mark.parametrize("bad", [{"freq": "fortnight"}, {"by": "outlet"}])
def test_attacks_per_period_rejects_unknown_options(bad):
    with pytest.raises(ValueError):
        A.attacks_per_period(EVENTS, INCIDENTS, **bad)


def test_attacks_per_period_empty():
    out = A.attacks_per_period(EVENTS.iloc[0:0], INCIDENTS.iloc[0:0])
    assert out.empty and list(out.columns) == ["period", "kind", "group", "n_incidents"]


def test_cumulative_incidents_spans_the_window():
    out = A.cumulative_incidents(EVENTS, INCIDENTS, since="2023-10-15", until="2023-11-30")
    assert out["date"].iloc[0] == pd.Timestamp("2023-10-15") and out["cumulative"].iloc[0] == 0
    assert out["date"].iloc[-1] == pd.Timestamp("2023-11-30")
    assert out["cumulative"].tolist() == [0, 1, 2, 3, 3]


def test_tallies_vs_count_window_and_difference():
    tallies = pd.DataFrame({
        "tally_id": ["x:t1", "y:t1"], "article_id": ["x", "y"], "snippet": ["at least 40 attacks", "16 attacks"],
        "count": pd.array([40, 16], dtype="Int64"), "qualifier": ["at_least", "exact"],
        "since": pd.to_datetime(["2023-10-17", None]), "as_of": pd.to_datetime(["2023-11-01", "2023-10-20"]),
        "target_side": ["us", "us"], "claimant": ["Pentagon", "CENTCOM"], "claimant_side": ["us", "us"]})
    out = A.tallies_vs_count(tallies, EVENTS, INCIDENTS)
    assert out[["tally_id", "stated", "counted", "difference"]].values.tolist() == [
        ["y:t1", 16, 1, 15], ["x:t1", 40, 1, 39]]


def test_claim_gaps_grades():
    claims = _claims([
        # Contested: the coalition says 2 wounded, the factions' channel says 5.
        ("a:c1", "i3", "CJTF-OIR", "us", "us", "injured", 2, 2, "exact"),
        ("b:c1", "i3", "Sabereen News", "factions", "us", "injured", 5, 5, "exact"),
        # Contested: "several wounded" against "no injuries".
        ("a:c2", "i1", "Pentagon", "us", "us", "injured", 0, 0, "none"),
        ("c:c1", "i1", "Sputnik", "russia", "us", "injured", None, None, "vague"),
        # Conceded: the attacker admits harm to civilians.
        ("b:c2", "i2", "CENTCOM", "us", "civilians", "killed", 1, 1, "exact"),
        # Corroborated: the same figure in two outlets, one side.
        ("a:c3", "i2", "Popular Mobilization Forces", "factions", "factions", "killed", 0, 0, "none"),
        ("c:c2", "i2", "Harakat al-Nujaba", "factions", "factions", "killed", 0, 0, "none"),
        # Single source, linked to no incident.
        ("c:c3", None, "Rudaw", "media", "factions", "killed", 3, None, "at_least"),
    ])
    out = A.claim_gaps(claims, ARTICLES, incidents=INCIDENTS)
    grades = {(k, o, v): g for k, o, v, g in zip(out["key"], out["outcome"], out["victim_side"], out["grade_key"])}
    assert grades == {
        ("i3", "injured", "us"): "contested", ("i1", "injured", "us"): "contested",
        ("i2", "killed", "civilians"): "conceded", ("i2", "killed", "factions"): "corroborated",
        ("c:c3", "killed", "factions"): "single_source"}
    top = out.iloc[0]
    assert (top["key"], top["min"], top["max"], top["gap"], top["ratio"]) == ("i3", 2, 5, 3, 2.5)
    assert out["gap"].tolist()[:1] == [3] and pd.isna(out.set_index("key").loc["i1", "ratio"])
    assert out.set_index("key").loc["c:c3", "figures"] == "Rudaw: 3+"


def test_overlapping_ranges_are_not_contested():
    claims = _claims([
        ("a:c1", "i3", "CJTF-OIR", "us", "us", "injured", 3, None, "at_least"),
        ("b:c1", "i3", "Sabereen News", "factions", "us", "injured", 5, 5, "exact"),
    ])
    out = A.claim_gaps(claims, ARTICLES, incidents=INCIDENTS)
    assert out["grade_key"].tolist() == ["conceded"]  # the US admits its own injured


def test_filter_frame_each_filter():
    df = A.with_articles(EVENTS, ARTICLES)
    assert len(A.filter_frame(df)) == 5
    assert A.filter_frame(df, weapons=["rocket"])["event_id"].tolist() == ["c:e1", "c:e2"]
    assert A.filter_frame(df, outlets=["Rudaw"])["event_id"].tolist() == ["a:e1"]
    assert A.filter_frame(df, outlet_sides=["iran"], sides=["us"])["event_id"].tolist() == ["b:e1", "b:e2", "c:e1", "c:e2"]
    assert A.filter_frame(df, date_range=("2023-10-20", None))["event_id"].tolist() == ["b:e2", "c:e1", "c:e2"]
    assert A.filter_frame(df, keyword="KATYUSHA")["event_id"].tolist() == ["c:e2"]
    assert A.filter_frame(df, keyword="no such word").empty
    assert A.filter_frame(df, where={"target_side": ["factions"], "nope": ["x"]})["event_id"].tolist() == ["b:e2"]
    # A filter the table has no column for is ignored.
    assert len(A.filter_frame(df.drop(columns=["weapons"]), weapons=["rocket"])) == 5


def test_filter_frame_drops_undated_rows_once_a_range_is_set():
    df = EVENTS.assign(date=EVENTS["date"].where(EVENTS["event_id"] != "a:e1"))
    assert "a:e1" not in A.filter_frame(df, date_range=(None, "2030-01-01"))["event_id"].tolist()


def test_helpers_never_mutate():
    before = (EVENTS.copy(deep=True), INCIDENTS.copy(deep=True), ARTICLES.copy(deep=True))
    A.attacks_per_period(EVENTS, INCIDENTS, by="weapon")
    A.filter_frame(A.with_articles(EVENTS, ARTICLES), weapons=["drone"], keyword="base")
    A.events_table(EVENTS, ARTICLES)
    A.articles_per_period(ARTICLES)
    pd.testing.assert_frame_equal(EVENTS, before[0])
    pd.testing.assert_frame_equal(INCIDENTS, before[1])
    pd.testing.assert_frame_equal(ARTICLES, before[2])


def test_corpus_overview_helpers():
    per = A.articles_per_period(ARTICLES, freq="M", by="outlet_side")
    assert per[["group", "n_articles", "n_reprints"]].values.tolist() == [["Iran", 1, 0], ["other media", 1, 0], ["Iran", 1, 1]]
    assert A.date_basis(ARTICLES)["n_articles"].sum() == 3
    assert A.reprints(ARTICLES)[["article_id", "original_outlet"]].values.tolist() == [["c", "Press TV"]]


QUOTES = pd.DataFrame({
    "quote_id": [f"q{i}" for i in range(6)], "article_id": ["a", "a", "b", "b", "c", "c"],
    "date": pd.to_datetime(["2023-10-18", "2023-10-19", "2023-10-26", "2023-11-02", "2023-11-02", None]),
    "speaker": ["Abu Ali al-Askari", "John Kirby", "Abu Ali al-Askari", "Mohammed Shia al-Sudani", "John Kirby", "X"],
    "speaker_side": ["factions", "us", "factions", "iraq_gov", "us", "unknown"],
    "stance": ["escalatory", "informational", "escalatory", "deescalatory", "deescalatory", "escalatory"],
    "escalation": [0.8, 0.0, 0.6, -0.6, -0.4, 0.9], "text": ["We will strike"] * 6, "cues": [["strike"]] * 6,
})


def test_escalation_over_time_and_stance_mix():
    esc = A.escalation_over_time(QUOTES, freq="M")
    got = {(str(p.date()), k): (e, n) for p, k, e, n in zip(esc["period"], esc["key"], esc["escalation"], esc["n_quotes"])}
    assert got[("2023-10-01", "factions")] == (0.7, 2)
    assert got[("2023-11-01", "us")] == (-0.4, 1)
    assert len(esc) == 4  # the undated quote is left out
    mix = A.stance_mix(QUOTES, by="speaker")
    assert mix.groupby("key")["share"].sum().round(6).eq(1).all()


def test_top_groups_pool_the_rest():
    esc = A.escalation_over_time(QUOTES, by="speaker", freq="M", top=1)
    assert set(esc["key"]) == {"Abu Ali al-Askari", "others"}


def test_corpus_from_param_default_and_store(tmp_path, seed_corpus):
    default = A.corpus_from_param(None)
    assert len(default.articles) == 5 and not default.events.empty
    seed_corpus.save(tmp_path / "store")
    opened = A.corpus_from_param(tmp_path / "store")
    assert len(opened.events) == len(seed_corpus.events)
    with pytest.raises(FileNotFoundError):
        A.corpus_from_param(tmp_path / "missing")


def test_hundred_thousand_events_aggregate_small():
    rng = np.random.default_rng(7)
    n = 100_000
    dates = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, n), unit="D")
    inc_ids = [f"i{k}" for k in rng.integers(0, 20_000, n)]
    ev = pd.DataFrame({"event_id": [f"a{k}:e1" for k in range(n)], "incident_id": inc_ids, "date": dates,
                       "attacker_side": "factions", "target_side": "us",
                       "weapons": [["rocket"] if k % 2 else ["drone", "rocket"] for k in range(n)]})
    first = ev.drop_duplicates("incident_id")
    inc = pd.DataFrame({"incident_id": first["incident_id"], "date": first["date"], "kind": "attack_on_us",
                        "attacker_side": "factions", "target_side": "us"})
    out = A.attacks_per_period(ev, inc, freq="W", by="weapon")
    assert len(out) <= 2 * 53 * 5 and out["n_incidents"].sum() >= 20_000 * 0.99
