"""workbench.widgets: the filter panel tested without a browser: set a control, read the frame."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench.widgets import FilterPanel, dashboard


@pytest.fixture()
def panel(seed_corpus):
    return FilterPanel(seed_corpus)


def test_controls_built_from_the_corpus(panel, seed_corpus):
    assert set(panel.controls) == {"date_range", "sides", "actors", "weapons", "outlets", "outlet_sides", "keyword"}
    assert "drone" in panel.controls["weapons"].options
    assert set(panel.controls["outlets"].options) == set(seed_corpus.articles["outlet"])
    assert panel.values()["date_range"] is None
    assert len(panel.filtered("events")) == len(seed_corpus.events)


def test_weapon_filter(panel, seed_corpus):
    panel.controls["weapons"].value = ("drone",)
    events = panel.filtered("events")
    assert len(events) and all("drone" in w for w in events["weapons"])
    incidents = panel.filtered("incidents")
    assert set(incidents["incident_id"]) == set(events["incident_id"].dropna())
    claims = panel.filtered("claims")  # through the incident's weapons
    assert len(claims) < len(seed_corpus.claims) and all("drone" in w for w in claims["weapons"])


def test_outlet_side_and_keyword(panel):
    panel.controls["outlet_sides"].value = ("media",)
    quotes = panel.filtered("quotes")
    assert set(quotes["outlet_side"]) == {"media"}
    panel.controls["keyword"].value = "Sudani"
    assert panel.filtered("quotes")["speaker"].str.contains("Sudani").all()


def test_date_range_by_month(panel):
    months = panel.months
    june = next(m for m in months if m == pd.Timestamp("2021-06-01"))
    panel.controls["date_range"].value = (june, june)
    lo, hi = panel.values()["date_range"]
    assert (lo, hi) == (pd.Timestamp("2021-06-01"), pd.Timestamp("2021-06-30"))
    dates = panel.filtered("events")["date"]
    assert len(dates) and dates.between(lo, hi).all()


def test_observe_and_reset(panel):
    seen = []
    panel.observe(lambda p: seen.append(len(p.filtered("events"))))
    panel.controls["sides"].value = ("iran",)
    panel.reset()
    assert len(seen) == 2 and seen[0] < seen[1]
    assert panel.values()["sides"] == [] and panel.values()["date_range"] is None


def test_unknown_table(panel):
    with pytest.raises(ValueError):
        panel.filtered("nope")


def test_dashboard_redraws_on_change(seed_corpus):
    built = []
    box = dashboard(seed_corpus, build=lambda p: built.append(len(p.filtered("claims"))) or [])
    box.panel.controls["weapons"].value = ("rocket",)
    assert len(built) == 2 and built[1] < built[0]
    assert box.children[0] is box.panel.widget and box.children[1] is box.output


def test_extra_column_controls(seed_corpus):
    panel = FilterPanel(seed_corpus, extra=("outcome", "stance"))
    assert set(panel.controls["outcome"].options) == set(seed_corpus.claims["outcome"])
    panel.controls["outcome"].value = ("killed",)
    assert set(panel.filtered("claims")["outcome"]) == {"killed"}
    assert len(panel.filtered("quotes")) == len(seed_corpus.quotes)  # no outcome column: untouched
    panel.controls["stance"].value = ("deescalatory",)
    assert set(panel.filtered("quotes")["stance"]) == {"deescalatory"}


def test_dashboard_shows_each_yielded_item_before_building_the_next(seed_corpus, monkeypatch):
    import IPython.display

    log = []
    monkeypatch.setattr(IPython.display, "display", lambda item: log.append(("shown", item)))

    def build(p):
        log.append(("built", "chart"))
        yield "chart"
        log.append(("built", "table"))
        yield "table"

    box = dashboard(seed_corpus, build=build)
    assert log == [("built", "chart"), ("shown", "chart"), ("built", "table"), ("shown", "table")]
    log.clear()
    box.panel.controls["sides"].value = ("us",)
    assert [entry[0] for entry in log] == ["built", "shown", "built", "shown"]


def test_dashboard_accepts_a_single_item(seed_corpus, monkeypatch):
    import IPython.display

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    dashboard(seed_corpus, build=lambda p: "one chart")
    assert shown == ["one chart"]
