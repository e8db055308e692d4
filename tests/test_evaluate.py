"""Tests for the gold scorer (workbench.evaluate)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import workbench
from workbench.evaluate import format_report, load_gold, locate_anchor, run_eval, score

SEEDS_GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.yaml"  # ../shared beside the checkout
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"

TEXT_A = (
    "Rockets struck the Victory base near Baghdad airport late on Tuesday, security sources said. "
    "The coalition said there were no injuries among its troops.\n"
    "“We will respond at a time of our choosing,” said Ali Hamdan, a spokesman for the group. "
    "He added that the “lines of defence” would hold.\n"
    "Hours later rockets struck the Victory base again, a Western official said. "
    "The group said it had carried out at least 12 attacks on US forces since mid-October. "
    "The attack recalled the 2020 strike that killed the general at the airport."
)
# straight apostrophe and a line break where the gold anchor has a curly one and a space
TEXT_B = (
    "A drone hit a vehicle of Kata'ib\nHezbollah in al-Qaim on Wednesday, killing three members, "
    "the group said. Residents said several people were hurt."
)

GOLD_YAML = """
incidents:
  inc-victory: {date: 2024-01-09, summary: rockets on the Victory base}
  inc-qaim: {date: 2024-01-10, summary: drone strike in al-Qaim}
  inc-old: {date: 2020-01-03, summary: an old strike}
articles:
  - id: art_a
    outlet: Baghdad Observer
    outlet_side: media
    published: 2024-01-10
    published_window: [2024-01-10, 2024-01-11]
    events:
      - anchor: "Rockets struck the Victory base near Baghdad airport"
        date: 2024-01-09
        date_window: [2024-01-08, 2024-01-09]
        attacker_side: [factions, unknown]
        target_side: us
        weapon: [rocket]
        location: Baghdad
        incident: inc-victory
        also: ["rockets struck the Victory base again"]
      - anchor: "the 2020 strike that killed the general"
        date: 2020-01-03
        attacker_side: us
        target_side: factions
        weapon: [unknown, drone]
        incident: inc-old
        optional: true
    tallies:
      - anchor: "at least 12 attacks on US forces since mid-October"
        count: 12
        qualifier: at_least
        since: [2023-10-15, 2023-10-20]
        target_side: us
        claimant_side: factions
    claims:
      - anchor: "there were no injuries among its troops"
        claimant: Combined Joint Task Force
        claimant_side: us
        victim_side: us
        outcome: injured
        low: 0
        high: 0
        qualifier: none
        incident: inc-victory
    quotes:
      - {anchor: "We will respond at a time of our choosing", speaker: Ali Hamdan, speaker_side: factions, stance: escalatory}
      - {anchor: "lines of defence", speaker: Ali Hamdan, speaker_side: factions, stance: escalatory, optional: true}
  - id: art_b
    outlet: Tehran Daily
    outlet_side: iran
    published: null
    published_window: [2024-01-11, 2024-01-12]
    events:
      - anchor: "A drone hit a vehicle of Kata’ib Hezbollah in al-Qaim"
        date: 2024-01-10
        date_window: [2024-01-10, 2024-01-10]
        attacker_side: us
        target_side: factions
        weapon: [drone, airstrike]
        incident: inc-qaim
    claims:
      - anchor: "killing three members"
        claimant: Kata’ib Hezbollah
        claimant_side: factions
        victim_side: factions
        outcome: killed
        low: 3
        high: 3
        qualifier: exact
        incident: inc-qaim
      - anchor: "several people were hurt"
        claimant: [Residents, Tehran Daily]
        claimant_side: [civilians, media]
        victim_side: civilians
        outcome: injured
        low: null
        high: null
        qualifier: vague
        incident: inc-qaim
"""


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def perfect_tables() -> dict[str, pd.DataFrame]:
    """A hand-built system output that gets everything right."""
    articles = pd.DataFrame(
        {
            "article_id": ["art_a", "art_b", "art_other"],
            "outlet": ["Baghdad Observer", "Tehran Daily", "Elsewhere"],
            "outlet_side": ["media", "iran", "media"],
            "published": [date(2024, 1, 10), date(2024, 1, 11), pd.NaT],
            "text": [TEXT_A, TEXT_B, "Unrelated text."],
        }
    )
    ev = [
        ("e1", "art_a", TEXT_A, "Rockets struck the Victory base", date(2024, 1, 9), "factions", "us", ["rocket"], "I1"),
        ("e2", "art_b", TEXT_B, "A drone hit a vehicle", pd.Timestamp("2024-01-10"), "us", "factions", ["drone"], "I2"),
    ]
    events = pd.DataFrame(
        [
            dict(event_id=i, article_id=a, start=span(t, p)[0], end=span(t, p)[1], snippet=p, date=d,
                 date_precision="day", attacker=None, attacker_side=att, target=None, target_side=tgt,
                 weapons=w, location=None, munitions=None, n_attacks=1, claimed_by=None, incident_id=inc)
            for i, a, t, p, d, att, tgt, w, inc in ev
        ]
    )
    s, e = span(TEXT_A, "at least 12 attacks on US forces")
    tallies = pd.DataFrame(
        [dict(tally_id="t1", article_id="art_a", start=s, end=e, snippet="at least 12 attacks", count=12,
              qualifier="at_least", since=date(2023, 10, 15), as_of=None, target_side="us",
              claimant=None, claimant_side="factions")]
    )
    cl = [
        ("c1", "art_a", TEXT_A, "no injuries among its troops", "Combined Joint Task Force", "us", "us", "injured", 0, 0, "none", "I1"),
        ("c2", "art_b", TEXT_B, "killing three members", "Kataib Hezbollah", "factions", "factions", "killed", 3, 3, "exact", "I2"),
        ("c3", "art_b", TEXT_B, "several people were hurt", "residents", "civilians", "civilians", "injured", None, None, "vague", "I2"),
    ]
    claims = pd.DataFrame(
        [
            dict(claim_id=i, article_id=a, start=span(t, p)[0], end=span(t, p)[1], snippet=p, claimant=c,
                 claimant_side=cs, victim=None, victim_side=vs, outcome=o, low=lo, high=hi, qualifier=q,
                 date=None, incident_id=inc)
            for i, a, t, p, c, cs, vs, o, lo, hi, q, inc in cl
        ]
    )
    claims["low"] = claims["low"].astype("Int64")
    claims["high"] = claims["high"].astype("Int64")
    s, e = span(TEXT_A, "We will respond at a time of our choosing,")
    quotes = pd.DataFrame(
        [dict(quote_id="q1", article_id="art_a", start=s, end=e, text=TEXT_A[s:e], speaker="Ali Hamdan",
              speaker_side="factions", stance="escalatory", escalation=1.0, cues=(), date=None)]
    )
    return {"articles": articles, "events": events, "tallies": tallies, "claims": claims, "quotes": quotes}


@pytest.fixture
def gold(tmp_path):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    return load_gold([path])


def metric(result, kind: str, name: str) -> float:
    return result.value(kind, name)


def add_row(tables, kind, **row):
    tables[kind] = pd.concat([tables[kind], pd.DataFrame([row])], ignore_index=True)


def set_value(tables, kind, row_id, column, value):
    id_col = {"events": "event_id", "claims": "claim_id", "quotes": "quote_id", "tallies": "tally_id"}[kind]
    frame = tables[kind].copy()
    idx = frame.index[frame[id_col] == row_id][0]
    if isinstance(value, list):
        frame[column] = frame[column].astype(object)
        frame.at[idx, column] = value
    else:
        frame[column] = frame[column].astype(object)
        frame.loc[idx, column] = value
    tables[kind] = frame


# --------------------------------------------------------------------------- loading


def test_load_gold_items_and_articles(gold):
    assert sorted(gold.articles) == ["art_a", "art_b"]
    assert len(gold.items) == 9
    first = gold.items[0]
    assert (first.kind, first.article_id, first.index) == ("events", "art_a", 0)
    assert first.also == ("rockets struck the Victory base again",)
    assert first.fields["date_window"] == [date(2024, 1, 8), date(2024, 1, 9)]
    assert "anchor" not in first.fields and "optional" not in first.fields
    assert [i.optional for i in gold.items if i.kind == "quotes"] == [False, True]
    assert gold.incidents["inc-qaim"]["date"] == date(2024, 1, 10)


def test_load_gold_merges_files_and_keeps_ids_as_strings(tmp_path):
    one = tmp_path / "one.yaml"
    two = tmp_path / "two.yaml"
    one.write_text("articles:\n  - id: 000_123\n    quotes:\n      - {anchor: \"x y\", speaker: A}\n", encoding="utf-8")
    two.write_text("incidents: {k: {date: 2024-01-01}}\narticles:\n  - id: b\n    outlet: no\n", encoding="utf-8")
    gold = load_gold([one, two])
    assert list(gold.articles) == ["000_123", "b"]
    assert gold.articles["b"]["outlet"] == "no"
    assert gold.items[0].article_id == "000_123"
    assert "k" in gold.incidents


@pytest.mark.parametrize(
    "content, message",
    [
        ("articles: [\n", "invalid YAML"),
        ("- just a list\n", "mapping"),
        ("articles:\n  - outlet: X\n", "'id'"),
        ("articles:\n  - id: a\n    events:\n      - {date: 2024-01-01}\n", "anchor"),
        ("articles:\n  - id: a\n    claims: {anchor: x}\n", "must be a list"),
        ("articles:\n  - id: a\n    quotes:\n      - {anchor: x, also: [1]}\n", "also"),
    ],
)
def test_load_gold_errors_name_the_file(tmp_path, content, message):
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as info:
        load_gold([path])
    assert "broken.yaml" in str(info.value)


def test_load_gold_rejects_article_in_two_files(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text("articles:\n  - id: same\n", encoding="utf-8")
    with pytest.raises(ValueError, match="already annotated"):
        load_gold([tmp_path / "a.yaml", tmp_path / "b.yaml"])


# --------------------------------------------------------------------------- anchors


@pytest.mark.parametrize(
    "text, anchor, expected",
    [
        ("He said “no surrender” today.", "“no surrender”", "“no surrender”"),
        ('He said "no surrender" today.', "“no surrender”", '"no surrender"'),
        ("the militia’s  base\nwas hit", "militia's base was hit", "militia’s  base\nwas hit"),
        ("Kata'ib\r\nHezbollah fighters", "Kata’ib Hezbollah", "Kata'ib\r\nHezbollah"),
    ],
)
def test_locate_anchor_exact_and_normalised(text, anchor, expected):
    spans = locate_anchor(text, anchor)
    assert len(spans) == 1
    s, e = spans[0]
    assert text[s:e] == expected


@pytest.mark.parametrize("text, anchor", [("rockets hit the base", "drones hit the base"), ("", "anything")])
def test_locate_anchor_absent(text, anchor):
    assert locate_anchor(text, anchor) == []


def test_locate_anchor_finds_every_occurrence():
    assert locate_anchor("no injuries. Later: no injuries.", "no injuries") == [(0, 11), (20, 31)]


# --------------------------------------------------------------------------- counts


def test_perfect_system_scores_one_everywhere(gold):
    result = score(gold, perfect_tables())
    frame = result.to_frame()
    assert list(frame.columns) == ["kind", "metric", "value"]
    rates = frame[frame["metric"].isin(["precision", "recall", "f1"]) | frame["metric"].str.endswith("_accuracy")]
    assert not rates.empty and (rates["value"] == 1.0).all(), rates[rates["value"] != 1.0]
    assert result.misses == () and result.gold_problems == ()
    assert (result.kinds["events"].tp, result.kinds["claims"].tp, result.kinds["quotes"].tp) == (2, 3, 1)
    assert result.fields["events"]["date"].total == 2
    assert result.fields["claims"]["number"].correct == 3
    assert result.articles["published"].total == 2


def test_missing_item_lowers_recall_exactly(gold):
    tables = perfect_tables()
    tables["claims"] = tables["claims"][tables["claims"]["claim_id"] != "c2"]
    result = score(gold, tables)
    s = result.kinds["claims"]
    assert (s.tp, s.fp, s.fn) == (2, 0, 1)
    assert s.recall == pytest.approx(2 / 3) and s.precision == 1.0
    assert s.f1 == pytest.approx(0.8)
    fn = [m for m in result.misses if m.category == "fn"]
    assert [(m.kind, m.article_id, m.text) for m in fn] == [("claims", "art_b", "killing three members")]


def test_extra_row_lowers_precision(gold):
    tables = perfect_tables()
    s, e = span(TEXT_B, "Residents said")
    add_row(tables, "events", event_id="e9", article_id="art_b", start=s, end=e, snippet="Residents said",
            weapons=["unknown"], incident_id=None)
    result = score(gold, tables)
    ev = result.kinds["events"]
    assert (ev.tp, ev.fp, ev.fn) == (2, 1, 0)
    assert ev.precision == pytest.approx(2 / 3) and ev.recall == 1.0
    assert [m.detail for m in result.misses] == ["matches no gold item"]


def test_rows_of_articles_outside_gold_are_ignored(gold):
    tables = perfect_tables()
    add_row(tables, "events", event_id="e9", article_id="art_other", start=0, end=5, snippet="Unrel")
    assert score(gold, tables).kinds["events"].fp == 0


def test_optional_item_matched_or_missed_changes_nothing(gold):
    base = score(gold, perfect_tables())
    tables = perfect_tables()
    s, e = span(TEXT_A, "the 2020 strike that killed")
    add_row(tables, "events", event_id="e3", article_id="art_a", start=s, end=e, snippet="the 2020 strike",
            date=date(1999, 1, 1), attacker_side="iran", target_side="us", weapons=["ied"], incident_id="I7")
    s, e = span(TEXT_A, "lines of defence")
    add_row(tables, "quotes", quote_id="q2", article_id="art_a", start=s, end=e, text="lines of defence",
            speaker="Someone Else", speaker_side="us", stance="informational")
    result = score(gold, tables)
    for kind in ("events", "quotes"):
        before, after = base.kinds[kind], result.kinds[kind]
        assert (after.tp, after.fp, after.fn) == (before.tp, before.fp, before.fn)
        assert after.optional_hits == 1
    assert result.fields == base.fields
    assert result.misses == ()
    # the matched optional event takes part in linking, but its own incident agrees with gold
    assert (result.linking.tp, result.linking.fp, result.linking.fn) == (4, 0, 0)
    assert result.linking.items == base.linking.items + 1


def test_second_mention_is_a_duplicate_false_positive(gold):
    tables = perfect_tables()
    s, e = span(TEXT_A, "rockets struck the Victory base again")
    add_row(tables, "events", event_id="e1b", article_id="art_a", start=s, end=e,
            snippet="rockets struck the Victory base again", weapons=["rocket"], incident_id="I1")
    result = score(gold, tables)
    ev = result.kinds["events"]
    assert (ev.tp, ev.fp, ev.fn) == (2, 1, 0)
    (miss,) = result.misses
    assert miss.category == "duplicate"
    assert miss.detail.startswith("duplicate of gold item events[art_a#0]")


def test_row_on_an_also_anchor_matches_the_item(gold):
    tables = perfect_tables()
    s, e = span(TEXT_A, "rockets struck the Victory base again")
    set_value(tables, "events", "e1", "start", s)
    set_value(tables, "events", "e1", "end", e)
    ev = score(gold, tables).kinds["events"]
    assert (ev.tp, ev.fp, ev.fn) == (2, 0, 0)


def test_assignment_maximises_matches_before_overlap(tmp_path):
    text = "alpha beta gamma delta epsilon zeta"
    path = tmp_path / "g.yaml"
    path.write_text(
        "articles:\n  - id: x\n    quotes:\n"
        "      - {anchor: \"alpha beta gamma\"}\n"
        "      - {anchor: \"gamma delta\"}\n",
        encoding="utf-8",
    )
    g = load_gold([path])
    # row r1 overlaps both items, most with the second; r2 overlaps only the second
    r1 = span(text, "beta gamma delta")
    r2 = span(text, "delta")
    quotes = pd.DataFrame(
        [dict(quote_id="r1", article_id="x", start=r1[0], end=r1[1], text="q"),
         dict(quote_id="r2", article_id="x", start=r2[0], end=r2[1], text="q")]
    )
    tables = {"articles": pd.DataFrame({"article_id": ["x"], "text": [text]}), "quotes": quotes}
    q = score(g, tables).kinds["quotes"]
    assert (q.tp, q.fp, q.fn) == (2, 0, 0)


# --------------------------------------------------------------------------- fields


def test_field_mismatches_are_counted_and_listed(gold):
    tables = perfect_tables()
    set_value(tables, "events", "e1", "attacker_side", "iran")
    set_value(tables, "claims", "c1", "high", None)
    set_value(tables, "claims", "c2", "outcome", "injured")
    set_value(tables, "quotes", "q1", "speaker", "Ali Hamdani")
    result = score(gold, tables)
    assert result.fields["events"]["attacker_side"].correct == 1
    assert result.fields["events"]["attacker_side"].total == 2
    assert result.fields["events"]["target_side"].correct == 2
    assert (result.fields["claims"]["number"].correct, result.fields["claims"]["number"].total) == (2, 3)
    assert result.fields["claims"]["outcome"].accuracy == pytest.approx(2 / 3)
    assert result.fields["quotes"]["speaker"].accuracy == 0.0
    assert result.kinds["claims"].tp == 3  # field errors do not unmatch
    details = sorted(m.detail for m in result.misses if m.category == "field")
    assert details == [
        "attacker_side: gold [factions, unknown] vs system iran",
        "number: gold [0, 0] vs system [0, null]",
        "outcome: gold killed vs system injured",
        "speaker: gold Ali Hamdan vs system Ali Hamdani",
    ]


@pytest.mark.parametrize(
    "column, value, ok",
    [
        ("attacker_side", "factions", True),
        ("attacker_side", "unknown", True),
        ("attacker_side", None, True),  # no side said = unknown
        ("attacker_side", "us", False),
        ("weapons", ["rocket"], True),
        ("weapons", ("rocket",), True),
        ("weapons", np.array(["rocket"]), True),
        ("weapons", ["rocket", "drone"], False),
        ("weapons", ["drone"], False),
        ("weapons", [], False),
    ],
)
def test_multi_valued_event_fields(gold, column, value, ok):
    tables = perfect_tables()
    set_value(tables, "events", "e1", column, value)
    name = "weapon" if column == "weapons" else column
    assert score(gold, tables).fields["events"][name].correct == (2 if ok else 1)


@pytest.mark.parametrize("weapons, ok", [(["drone"], True), (["airstrike", "drone"], True), (["drone", "rocket"], False)])
def test_weapon_subset_of_several_gold_values(gold, weapons, ok):
    tables = perfect_tables()
    set_value(tables, "events", "e2", "weapons", weapons)
    assert score(gold, tables).fields["events"]["weapon"].correct == (2 if ok else 1)


@pytest.mark.parametrize(
    "value, ok",
    [
        (date(2024, 1, 8), True),
        (date(2024, 1, 9), True),
        (pd.Timestamp("2024-01-08 23:00"), True),
        ("2024-01-09", True),
        (date(2024, 1, 7), False),
        (date(2024, 1, 10), False),
        (None, False),
        (pd.NaT, False),
    ],
)
def test_event_date_window_is_inclusive(gold, value, ok):
    tables = perfect_tables()
    set_value(tables, "events", "e1", "date", value)
    assert score(gold, tables).fields["events"]["date"].correct == (2 if ok else 1)


@pytest.mark.parametrize(
    "since, ok",
    [(date(2023, 10, 20), True), (date(2023, 10, 15), True), (date(2023, 10, 21), False), (None, False)],
)
def test_tally_since_window(gold, since, ok):
    tables = perfect_tables()
    set_value(tables, "tallies", "t1", "since", since)
    assert score(gold, tables).fields["tallies"]["since"].correct == int(ok)


@pytest.mark.parametrize("low, high", [(np.nan, np.nan), (None, None), (pd.NA, pd.NA), (np.nan, None)])
def test_null_numbers_equal_whatever_the_missing_marker(gold, low, high):
    tables = perfect_tables()
    tables["claims"] = tables["claims"].astype({"low": object, "high": object})
    set_value(tables, "claims", "c3", "low", low)
    set_value(tables, "claims", "c3", "high", high)
    assert score(gold, tables).fields["claims"]["number"].correct == 3


@pytest.mark.parametrize("low, high, ok", [(3.0, 3.0, True), (3, None, False), (np.nan, 3, False), (4, 4, False)])
def test_numbers_need_low_and_high(gold, low, high, ok):
    tables = perfect_tables()
    tables["claims"] = tables["claims"].astype({"low": object, "high": object})
    set_value(tables, "claims", "c2", "low", low)
    set_value(tables, "claims", "c2", "high", high)
    assert score(gold, tables).fields["claims"]["number"].correct == (3 if ok else 2)


@pytest.mark.parametrize(
    "claimant, ok",
    [("Kata'ib Hezbollah", True), ("Kata’ib Hezbollah", True), ("kataib hezbollah", True), ("KH", False), ("Hezbollah", False)],
)
def test_claimant_names_are_compared_loosely(gold, claimant, ok):
    tables = perfect_tables()
    set_value(tables, "claims", "c2", "claimant", claimant)
    assert score(gold, tables).fields["claims"]["claimant"].correct == (3 if ok else 2)


def test_al_prefix_and_resolver(gold):
    tables = perfect_tables()
    set_value(tables, "quotes", "q1", "speaker", "Ali al-Hamdan")
    set_value(tables, "claims", "c2", "claimant", "KH")
    aliases = {"kh": "Kata'ib Hezbollah"}
    result = score(gold, tables, resolve_name=lambda name: aliases.get(name.casefold(), name))
    assert result.fields["quotes"]["speaker"].correct == 1
    assert result.fields["claims"]["claimant"].correct == 3
    assert score(gold, tables).fields["claims"]["claimant"].correct == 2


def test_article_fields(gold):
    tables = perfect_tables()
    arts = tables["articles"].copy()
    arts["published"] = arts["published"].astype(object)
    arts.loc[0, "published"] = date(2024, 1, 12)  # outside [10, 11]
    arts.loc[1, "published"] = pd.Timestamp("2024-01-12")  # inside [11, 12]; gold published null
    arts.loc[1, "outlet_side"] = "media"
    tables["articles"] = arts
    result = score(gold, tables)
    assert (result.articles["published"].correct, result.articles["published"].total) == (1, 2)
    assert result.articles["outlet_side"].accuracy == 0.5
    assert result.articles["outlet"].accuracy == 1.0


def test_missing_article_counts_items_as_missed(gold):
    tables = perfect_tables()
    tables = {k: v[v["article_id"] != "art_b"] for k, v in tables.items()}
    result = score(gold, tables)
    assert result.kinds["events"].fn == 1 and result.kinds["events"].fp == 0
    assert result.articles["outlet"].total == 2 and result.articles["outlet"].correct == 1
    assert result.gold_problems == ()
    assert any(m.detail == "article missing from system output" for m in result.misses)


# --------------------------------------------------------------------------- linking


def set_incidents(tables, events, claims):
    for row_id, inc in events.items():
        set_value(tables, "events", row_id, "incident_id", inc)
    for row_id, inc in claims.items():
        set_value(tables, "claims", row_id, "incident_id", inc)


@pytest.mark.parametrize(
    "events, claims, expected",
    [
        # gold clusters over matched items: {e1, c1} victory, {e2, c2, c3} qaim -> 1 + 3 = 4 linked pairs of 10
        ({}, {}, (4, 0, 0)),
        ({"e1": "X", "e2": "X"}, {"c1": "X", "c2": "X", "c3": "X"}, (4, 6, 0)),
        ({"e1": "I1", "e2": "I2"}, {"c1": "I1", "c2": "I2", "c3": None}, (2, 0, 2)),
        ({"e1": None, "e2": None}, {"c1": None, "c2": None, "c3": None}, (0, 0, 4)),
        # B holds e2, c1, c2: 3 system pairs, only (e2, c2) is gold-linked
        ({"e1": "A", "e2": "B"}, {"c1": "B", "c2": "B", "c3": "C"}, (1, 2, 3)),
    ],
)
def test_incident_linking_pairwise(gold, events, claims, expected):
    tables = perfect_tables()
    set_incidents(tables, events, claims)
    ln = score(gold, tables).linking
    assert (ln.tp, ln.fp, ln.fn) == expected
    assert (ln.items, ln.pairs) == (5, 10)


def test_incident_linking_rates(gold):
    tables = perfect_tables()
    set_incidents(tables, {"e1": "I1", "e2": "I2"}, {"c1": "I1", "c2": "I2", "c3": None})
    ln = score(gold, tables).linking
    assert ln.precision == 1.0 and ln.recall == 0.5 and ln.f1 == pytest.approx(2 / 3)


def test_unmatched_items_take_no_part_in_linking(gold):
    tables = perfect_tables()
    tables["claims"] = tables["claims"][tables["claims"]["claim_id"] != "c3"]
    ln = score(gold, tables).linking
    assert (ln.items, ln.tp, ln.fp, ln.fn) == (4, 2, 0, 0)


# --------------------------------------------------------------------------- gold problems and report


def test_whitespace_and_quote_differences_still_match(gold):
    # TEXT_B writes Kata'ib with a straight apostrophe and a line break; the gold anchor does not
    result = score(gold, perfect_tables())
    assert result.gold_problems == ()
    assert result.kinds["events"].tp == 2


def test_anchor_not_found_is_reported_and_missed(gold):
    tables = perfect_tables()
    arts = tables["articles"].copy()
    arts.loc[0, "text"] = TEXT_A.replace("at least 12 attacks", "at least twelve attacks")
    tables["articles"] = arts
    result = score(gold, tables)
    assert result.kinds["tallies"].fn == 1
    assert [p.text for p in result.gold_problems] == ["at least 12 attacks on US forces since mid-October"]
    report = format_report(result)
    assert "gold problems: 1 anchor(s) not found" in report
    assert "at least 12 attacks on US forces since mid-October" in report


def test_format_report(gold):
    tables = perfect_tables()
    set_value(tables, "events", "e1", "attacker_side", "iran")
    result = score(gold, tables)
    report = format_report(result)
    assert "attacker_side: 0.50 (1/2)" in report
    assert "date: 1.00 (2/2)" in report
    assert "incident linking:" in report and "articles: outlet: 1.00 (2/2)" in report
    assert "misses" not in report
    assert "since: 1.00 (1/1)" in report
    lines = report.splitlines()
    assert lines[0].split() == ["kind", "tp", "fp", "fn", "opt", "P", "R", "F1"]
    assert lines[1].split() == ["events", "2", "0", "0", "0", "1.000", "1.000", "1.000"]
    with_misses = format_report(result, misses=True)
    assert "misses (1)" in with_misses
    assert "attacker_side: gold [factions, unknown] vs system iran" in with_misses


def test_report_cuts_long_snippets(gold):
    tables = perfect_tables()
    add_row(tables, "events", event_id="e9", article_id="art_b", start=200, end=300, snippet="word " * 60)
    line = [ln for ln in format_report(score(gold, tables), misses=True).splitlines() if "matches no gold" in ln][0]
    assert len(line.split('"')[1]) <= 90


def test_scoring_is_deterministic(gold):
    tables = perfect_tables()
    shuffled = {k: v.iloc[::-1].reset_index(drop=True) for k, v in tables.items()}
    add_row(tables, "events", event_id="zz", article_id="art_a", start=0, end=3, snippet="Roc")
    add_row(shuffled, "events", event_id="zz", article_id="art_a", start=0, end=3, snippet="Roc")
    first, second = score(gold, tables), score(gold, shuffled)
    assert first == second


def test_run_eval_prints_report(gold, tmp_path, monkeypatch):
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD_YAML, encoding="utf-8")
    seen = {}

    class Corpus:
        pass

    def fake_load_corpus(articles, *, catalog=None):
        seen["args"] = (articles, catalog)
        corpus = Corpus()
        for name, frame in perfect_tables().items():
            setattr(corpus, name, frame)
        return corpus

    monkeypatch.setitem(vars(workbench), "load_corpus", fake_load_corpus)
    out = io.StringIO()
    assert run_eval([path], articles="some/dir", catalog="cat.csv", misses=True, out=out) == 0
    assert seen["args"] == ("some/dir", "cat.csv")
    assert "events       2    0    0    0   1.000  1.000  1.000" in out.getvalue()
    assert "misses (0)" in out.getvalue()


# --------------------------------------------------------------------------- seed gold


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="seed gold not present")
def test_every_seed_anchor_is_found_in_the_raw_seed_files():
    gold = load_gold([SEEDS_GOLD])
    texts = {p.stem: p.read_text(encoding="utf-8").replace("\r\n", "\n") for p in SEEDS_DIR.glob("*.txt")}
    assert set(gold.articles) <= set(texts)
    missing = [
        (item.article_id, anchor)
        for item in gold.items
        for anchor in (item.anchor, *item.also)
        if not locate_anchor(texts[item.article_id], anchor)
    ]
    assert missing == []
    assert len(gold.items) > 50 and len(gold.incidents) >= 5


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="seed gold not present")
def test_seed_gold_against_an_empty_system_has_zero_recall():
    gold = load_gold([SEEDS_GOLD])
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt")}
    articles = pd.DataFrame({"article_id": sorted(texts), "text": [texts[k] for k in sorted(texts)]})
    result = score(gold, {"articles": articles})
    assert result.gold_problems == ()
    assert all(s.tp == 0 and s.fp == 0 for s in result.kinds.values())
    assert "date: n/a (0/0)" in format_report(result)
    assert result.kinds["quotes"].fn == sum(1 for i in gold.items if i.kind == "quotes" and not i.optional)


def test_linking_misses_name_split_and_merged_incidents(gold):
    tables = perfect_tables()
    set_incidents(tables, {"e1": "A", "e2": "B"}, {"c1": "B", "c2": "B", "c3": None})
    got = {(m.article_id, m.category): m.detail for m in score(gold, tables).misses if m.kind == "incidents"}
    assert set(got) == {("inc-victory", "split"), ("inc-qaim", "split"), ("B", "merged")}
    assert got[("inc-qaim", "split")].startswith("(none): claims[")
    assert "B: " in got[("inc-qaim", "split")] and "events[" in got[("inc-qaim", "split")]
    assert got[("B", "merged")].startswith("inc-qaim: ") and "| inc-victory: claims[" in got[("B", "merged")]
    # perfect linking: no such misses
    assert not [m for m in score(gold, perfect_tables()).misses if m.kind == "incidents"]


def test_gazetteer_name_equates_spellings_of_one_actor_only():
    from workbench.evaluate import gazetteer_name

    assert gazetteer_name("Adel Abdul Mahdi") == gazetteer_name("Adil Abdul-Mahdi")
    assert gazetteer_name("Security Media Cell") == gazetteer_name("Iraqi Security Media Cell")
    assert gazetteer_name("an aide to Abdul-Mahdi") == "an aide to Abdul-Mahdi"  # contains, is not
    assert gazetteer_name("Pentagon") != gazetteer_name("Lloyd Austin")


def test_speaker_spelled_otherwise_matches_only_through_resolve_name(gold):
    tables = perfect_tables()
    set_value(tables, "quotes", "q1", "speaker", "Ali Hamdane")
    assert score(gold, tables).fields["quotes"]["speaker"].accuracy == 0.0
    same = {"Ali Hamdane": "Ali Hamdan"}
    resolved = score(gold, tables, resolve_name=lambda n: same.get(n, n))
    assert resolved.fields["quotes"]["speaker"].accuracy == 1.0
