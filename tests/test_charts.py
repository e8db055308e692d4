"""workbench.charts: builders return Vega-Lite specs; asserted through to_dict(), not pictures."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc

from workbench import analysis as A
from workbench import charts as C


def _walk(obj):
    if isinstance(obj, dict):
        yield obj
        for v in obj.values():
            yield from _walk(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _walk(v)


def _params(spec):
    return [p for d in _walk(spec) for p in d.get("params", []) if isinstance(p, dict) and "name" in p]


def _n_rows(spec) -> int:
    return sum(len(v) for v in spec.get("datasets", {}).values())


@pytest.fixture(scope="module")
def seed_charts(seed_corpus):
    c = seed_corpus
    tv = A.tallies_vs_count(c.tallies, c.events, c.incidents)
    return {
        "articles": C.articles_chart(A.articles_per_period(c.articles, freq="M"), freq="M"),
        "basis": C.date_basis_chart(A.date_basis(c.articles)),
        "attacks": C.attacks_chart(A.attacks_per_period(c.events, c.incidents, freq="W"), freq="W"),
        "weapons": C.attacks_chart(A.attacks_per_period(c.events, c.incidents, freq="M", by="weapon"), freq="M", by="weapon"),
        "tallies": C.tallies_chart(A.cumulative_incidents(c.events, c.incidents, since=tv["since"].min(), until=tv["as_of"].max()), tv),
        "gaps": C.claim_gap_chart(A.claims_by_claimant(c.claims, c.articles), A.claim_gaps(c.claims, c.articles, incidents=c.incidents)),
        "escalation": C.escalation_chart(A.escalation_over_time(c.quotes, freq="M"), freq="M"),
        "timeline": C.timeline_with_events(A.escalation_over_time(c.quotes, freq="M"),
                                           A.attacks_per_period(c.events, c.incidents, freq="M"), freq="M"),
        "stance": C.stance_mix_chart(A.stance_mix(c.quotes)),
    }


def test_every_seed_chart_compiles_and_renders(seed_charts):
    for name, chart in seed_charts.items():
        spec = chart.to_dict()
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6"), name
        svg = vlc.vegalite_to_svg(spec)  # raises on an invalid spec
        assert "<svg" in svg, name


def test_timelines_have_dropdown_and_brush(seed_charts):
    for name in ("articles", "attacks", "weapons", "timeline"):
        params = _params(seed_charts[name].to_dict())
        kinds = {(p.get("select", {}).get("type") if isinstance(p.get("select"), dict) else p.get("select")) for p in params}
        assert "interval" in kinds, name
        binds = [p["bind"] for p in params if "bind" in p]
        assert binds and binds[0]["input"] == "select" and binds[0]["labels"][0] == "All", name


def test_attacks_chart_encodings(seed_charts):
    spec = seed_charts["attacks"].to_dict()
    detail = spec["vconcat"][0]
    assert detail["mark"]["type"] == "bar"
    enc = detail["encoding"]
    assert enc["x"]["timeUnit"] == "yearweek" and enc["y"]["aggregate"] == "sum"
    assert enc["color"]["title"] == "Direction"
    assert "attacks on US forces" in enc["color"]["scale"]["domain"]
    assert {t["title"] for t in enc["tooltip"]} >= {"Incidents", "Direction"}
    assert spec["title"]["text"] == "Attacks per week"


def test_claim_gap_chart_sorted_by_gap(seed_charts, seed_corpus):
    spec = seed_charts["gaps"].to_dict()
    layers = spec["layer"]
    assert [l["mark"]["type"] for l in layers] == ["rule", "point"]
    order = layers[0]["encoding"]["y"]["sort"]
    gaps = A.claim_gaps(seed_corpus.claims, seed_corpus.articles, incidents=seed_corpus.incidents).dropna(subset=["min"])
    assert len(order) == len(gaps)
    assert {p["name"] for p in _params(spec)} == {"pick_outcome", "pick_grade"}
    tips = {t["title"] for t in layers[1]["encoding"]["tooltip"]}
    assert {"Claimant", "Figure", "Sentence", "Reported by"} <= tips


def test_empty_frames_say_so():
    empty = A.attacks_per_period(pd.DataFrame(columns=["event_id", "incident_id", "date", "attacker_side", "target_side", "weapons"]),
                                 pd.DataFrame(columns=["incident_id", "date", "kind"]))
    spec = C.attacks_chart(empty).to_dict()
    assert spec["mark"]["type"] == "text"
    assert "No dated attacks" in json.dumps(spec)
    assert C.stance_mix_chart(pd.DataFrame(columns=["key", "group", "stance", "n_quotes", "share"])).to_dict()["mark"]["type"] == "text"


def test_article_text_stays_data_never_markup():
    gaps_claims = pd.DataFrame({
        "claim_id": ["a:c1", "b:c1"], "article_id": ["a", "b"], "incident_id": ["i1", "i1"],
        "claimant": ["<b>CJTF</b>", "Sabereen"], "claimant_side": ["us", "factions"], "victim_side": ["us", "us"],
        "outcome": ["injured", "injured"], "low": pd.array([2, 5], dtype="Int64"), "high": pd.array([2, 5], dtype="Int64"),
        "qualifier": ["exact", "exact"], "date": pd.to_datetime(["2021-07-07"] * 2),
        "snippet": ["<script>alert(1)</script> two wounded", "five wounded"]})
    chart = C.claim_gap_chart(A.claims_by_claimant(gaps_claims), A.claim_gaps(gaps_claims))
    rows = [r for v in chart.to_dict()["datasets"].values() for r in v]
    assert any(r.get("snippet", "").startswith("<script>") for r in rows)  # carried as a plain string


def test_hundred_thousand_events_stay_small():
    rng = np.random.default_rng(3)
    n = 100_000
    dates = pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 4 * 365, n), unit="D")
    ev = pd.DataFrame({"event_id": [f"a{k}:e1" for k in range(n)], "incident_id": [f"i{k % 30000}" for k in range(n)],
                       "date": dates, "attacker_side": np.where(rng.random(n) < 0.6, "factions", "us"),
                       "target_side": "us", "weapons": [["rocket"]] * n})
    first = ev.drop_duplicates("incident_id")
    inc = pd.DataFrame({"incident_id": first["incident_id"], "date": first["date"],
                        "kind": np.where(first["attacker_side"] == "us", "us_strike", "attack_on_us")})
    chart = C.attacks_chart(A.attacks_per_period(ev, inc, freq="W"), freq="W")
    spec = chart.to_dict()  # would raise MaxRowsError above 5,000 rows
    assert _n_rows(spec) <= 2 * 53 * 4 + 10


@pytest.mark.parametrize("freq, periods, expected", [
    ("W", ["2021-06-27", "2021-07-04"], "%d %b %Y"),            # weeks within a year: days
    ("W", ["2020-01-05", "2023-12-03"], "%b %Y"),               # years of weeks: months
    ("M", ["2021-06-01", "2021-07-01"], "%b %Y"),
    ("Q", ["2021-01-01", "2022-01-01"], "Q%q %Y"),
])
def test_axis_labels_follow_the_span(freq, periods, expected):
    df = pd.DataFrame({"period": pd.to_datetime(periods)})
    assert C._axis_format(df, freq) == expected


@pytest.mark.parametrize("freq, periods, width", [
    ("W", ["2020-01-05", "2021-06-27", "2023-12-03"], C.MIN_BAR_PX),  # 4 years of weeks: slivers widened
    ("W", ["2021-06-27", "2021-07-04", "2021-09-05"], None),         # one summer: weeks are wide enough
    ("M", ["2020-01-01", "2023-12-01"], None),
])
def test_bars_stay_visible_on_long_sparse_timelines(freq, periods, width):
    df = pd.DataFrame({"period": pd.to_datetime(periods), "key": "us_strike", "group": "US strikes", "n_incidents": 1})
    spec = C.attacks_chart(df, freq=freq).to_dict()
    bars = [d["mark"] for d in _walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar"
            and d["mark"].get("color") is None]
    assert bars and all(b.get("width") == width for b in bars)


def test_claim_gap_legend_lists_the_sides_present(seed_charts):
    spec = seed_charts["gaps"].to_dict()
    domains = [d["scale"]["domain"] for d in _walk(spec) if d.get("field") == "claimant_side_label" and "scale" in d]
    values = {r["claimant_side_label"] for v in spec["datasets"].values() for r in v if "claimant_side_label" in r}
    assert domains and all(set(dom) == values for dom in domains)
