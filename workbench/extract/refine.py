"""Publication dates learned across the corpus.

An article that states no date of its own (basis ``inferred`` or ``unknown``) often reports
an attack that dated articles also report. The earliest such attack on or after the
article's own latest dated reference gives a floor ("more than a week after" it, when the
text says so), and the weekdays the article uses then place its publication just after
that floor (:func:`workbench.dates.infer_publication_date`). Only articles without a
stated date are touched, and their basis stays ``inferred``.
"""

from __future__ import annotations

import datetime as dt

from workbench.dates import infer_publication_date, weekday_fixed_day
from workbench.extract.incidents import event_kind
from workbench.places import compatible as places_compatible
from workbench.places import get_place

__all__ = ["refine_publication_dates", "STATED_BASES"]

#: Publication dates that the catalog, the file or the page itself gives.
STATED_BASES = ("catalog", "metadata", "text")


def _specific(location: str | None) -> bool:
    place = get_place(location)
    return place is not None and place.kind != "country"


def _weapons_ok(a, b) -> bool:
    a2, b2 = set(a) - {"unknown"}, set(b) - {"unknown"}
    return not a2 or not b2 or bool(a2 & b2)


def refine_publication_dates(
    articles: list[tuple[str, str, str, dt.date | None]],
    events_by_article: dict[str, list[dict]],
) -> dict[str, tuple[dt.date, str]]:
    """New (date, evidence) for undated articles, from attacks that dated articles report.

    ``articles``: (article_id, text, published_basis, published) for every article; only the
    texts of articles without a stated date are read (the others' may be None).
    """
    # Day-precise events at a specific place in dated articles, grouped by kind and place,
    # latest first: the floor an event takes is the latest anchor that fits it, so each
    # group is read from its latest anchor down to the first that fits (the same choice as
    # trying every anchor, at a cost that does not grow with the corpus).
    groups: dict[tuple[str, str], list[tuple[dt.date, tuple]]] = {}
    for aid, _text, basis, _pub in articles:
        if basis not in STATED_BASES:
            continue
        for e in events_by_article.get(aid, []):
            if e["date"] is not None and e["date_precision"] == "day" and _specific(e["location"]):
                kind = event_kind(e["attacker_side"], e["target_side"])
                groups.setdefault((kind, e["location"]), []).append((e["date"], tuple(e["weapons"])))
    if not groups:
        return {}
    for anchors in groups.values():
        anchors.sort(key=lambda a: a[0], reverse=True)
    locations_of: dict[str, list[str]] = {}
    for kind, loc in groups:
        locations_of.setdefault(kind, []).append(loc)
    compatible_cache: dict[tuple[str, str], list[str]] = {}

    def compatible_locations(kind: str, location: str) -> list[str]:
        key = (kind, location)
        found = compatible_cache.get(key)
        if found is None:
            found = compatible_cache[key] = [loc for loc in locations_of.get(kind, ()) if places_compatible(loc, location)]
        return found

    out: dict[str, tuple[dt.date, str]] = {}
    for aid, text, basis, pub in articles:
        if basis in STATED_BASES:
            continue
        if weekday_fixed_day(text) is not None:
            continue  # "Saturday 27 February": the text fixes its own day, weekday and all
        own_floor, _ = infer_publication_date(text)
        floor0 = own_floor or dt.date.min
        # The first attack of the article (its news, as a rule) that dated articles also
        # report gives the floor. A weekday the article gives that attack must agree with
        # the anchor's date: the weekday survives a wrong year, the date does not.
        chosen = None
        for e in events_by_article.get(aid, []):
            if not _specific(e["location"]):
                continue
            kind = event_kind(e["attacker_side"], e["target_side"])
            told_day = e["date"] is not None and e["date_precision"] == "day" and not e.get("date_derived")
            weekday = e["date"].weekday() if told_day else None
            after = dt.timedelta(days=e.get("after_days") or 0)
            best = None
            for loc in compatible_locations(kind, e["location"]):
                for date, weapons in groups[(kind, loc)]:
                    floor = date + after
                    if floor < floor0:
                        break  # every later anchor of the group is older still
                    if not _weapons_ok(weapons, e["weapons"]):
                        continue
                    if weekday is not None and date.weekday() != weekday:
                        continue
                    if best is None or (floor, date, loc) > best:
                        best = (floor, date, loc)
                    break  # the latest anchor of this place that fits
            if best is not None:
                chosen = best
                break
        if chosen is None:
            continue
        floor, date, loc = chosen
        new, evidence = infer_publication_date(text, not_before=floor)
        if new and new != pub:
            out[aid] = (new, f"{evidence}; reports the attack at {loc} of {date.isoformat()} told by dated articles")
    return out
