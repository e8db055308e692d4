"""Date refinement across the corpus: the indexed anchor search chooses as trying every anchor."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.dates import infer_publication_date
from workbench.extract.incidents import event_kind
from workbench.extract.refine import STATED_BASES, _specific, _weapons_ok, refine_publication_dates
from workbench.places import all_places
from workbench.places import compatible as places_compatible


def _reference(articles, events_by_article):
    """The first implementation: every anchor tried for every event (quadratic)."""
    anchors = []
    for aid, _text, basis, _pub in articles:
        if basis not in STATED_BASES:
            continue
        for e in events_by_article.get(aid, []):
            if e["date"] is not None and e["date_precision"] == "day" and _specific(e["location"]):
                anchors.append((e["date"], event_kind(e["attacker_side"], e["target_side"]), e["location"], tuple(e["weapons"])))
    if not anchors:
        return {}
    out = {}
    for aid, text, basis, pub in articles:
        if basis in STATED_BASES:
            continue
        own_floor, _ = infer_publication_date(text)
        floor0 = own_floor or dt.date.min
        chosen = None
        for e in events_by_article.get(aid, []):
            if not _specific(e["location"]):
                continue
            kind = event_kind(e["attacker_side"], e["target_side"])
            told_day = e["date"] is not None and e["date_precision"] == "day" and not e.get("date_derived")
            weekday = e["date"].weekday() if told_day else None
            candidates = []
            for date, akind, loc, weapons in anchors:
                if akind != kind or not places_compatible(loc, e["location"]) or not _weapons_ok(weapons, e["weapons"]):
                    continue
                if weekday is not None and date.weekday() != weekday:
                    continue
                floor = date + dt.timedelta(days=e.get("after_days") or 0)
                if floor >= floor0:
                    candidates.append((floor, date, loc))
            if candidates:
                chosen = max(candidates)
                break
        if chosen is None:
            continue
        floor, date, loc = chosen
        new, evidence = infer_publication_date(text, not_before=floor)
        if new and new != pub:
            out[aid] = (new, f"{evidence}; reports the attack at {loc} of {date.isoformat()} told by dated articles")
    return out


PLACES = sorted(all_places())[:20] + [None]
event = st.fixed_dictionaries({
    "date": st.one_of(st.none(), st.dates(min_value=dt.date(2023, 10, 1), max_value=dt.date(2023, 12, 31))),
    "date_precision": st.sampled_from(["day", "day", "week", "month"]),
    "location": st.sampled_from(PLACES),
    "attacker_side": st.sampled_from(["factions", "us", "unknown"]),
    "target_side": st.sampled_from(["us", "factions", "unknown"]),
    "weapons": st.lists(st.sampled_from(["rocket", "drone", "unknown", "airstrike"]), max_size=2),
    "after_days": st.one_of(st.none(), st.integers(0, 10)),
    "date_derived": st.booleans(),
})
TEXTS = ["Rockets hit the base on Monday.", "The attack came on Tuesday, officials said.", "No date here.",
         "On October 20, drones struck the base. On Friday, more followed."]
article = st.tuples(st.sampled_from(TEXTS), st.sampled_from(["catalog", "inferred", "unknown", "text"]),
                    st.one_of(st.none(), st.dates(min_value=dt.date(2023, 10, 1), max_value=dt.date(2024, 1, 31))),
                    st.lists(event, max_size=4))


@settings(max_examples=150, deadline=None)
@given(st.lists(article, max_size=14))
def test_indexed_refinement_is_the_exhaustive_one(items):
    articles = [(f"a{i}", text, basis, pub) for i, (text, basis, pub, _) in enumerate(items)]
    events = {f"a{i}": evs for i, (_, _, _, evs) in enumerate(items)}
    assert refine_publication_dates(articles, events) == _reference(articles, events)
