"""Incidents: one attack told by several articles and outlets.

Events are linked when their sides agree (attacker and target equal where both are told; a
side left untold is bridged only when both places are narrower than a country, and so is a
base told as the Iraqi army's by one side and as US forces' by another), their places lie
one within the other (or near: on one border, or a country on whose border the other lies;
an attack told as hitting several bases at once may be told elsewhere at any of them),
their weapons do not contradict, and their dates fall within a day of each other (a week
told: within three days of its middle). An event with no date of its own joins the nearest
matching incident in the fortnight before its article was published, if it names a place.
Two events one article tells on different days are never one incident.
Dated events are placed first, oldest first, so the result does not depend on input order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from workbench.places import compatible as places_compatible
from workbench.places import near as places_near
from workbench.places import specificity

__all__ = ["EventRef", "Incident", "link_incidents", "event_kind"]

_WINDOW_UNDATED = dt.timedelta(days=14)
_MAX_SLACK = dt.timedelta(days=16)  # the widest date slack in _fits (month precision)


@dataclass(frozen=True)
class EventRef:
    key: tuple  # (article_id, index) of the event
    article_id: str
    outlet: str | None
    published: dt.date | None
    date: dt.date | None
    precision: str | None
    location: str | None
    kind: str
    attacker_side: str
    target_side: str
    weapons: tuple[str, ...]
    sites: tuple[str, ...] = ()  # the bases of an attack told as hitting several at once


class Incident:
    """Events of one attack. Its date, place, weapons and sides are kept up to date as members join.

    Each is worked out from running counts (insertion-ordered, as counting the members again
    would order them), so adding a member costs the same however many the incident has.
    """

    __slots__ = ("members", "order", "date", "precision", "location", "weapons", "_sides",
                 "_day_dates", "_dates", "_precs", "_locs_single", "_locs_all", "_side_counts")

    def __init__(self, members: list[EventRef] | None = None, order: int = 0) -> None:
        self.members: list[EventRef] = []
        self.order = order  # creation rank: ties go to the older incident
        self._day_dates: Counter = Counter()  # dates told to the day
        self._dates: Counter = Counter()  # every date told
        self._precs: set[str] = set()
        self._locs_single: Counter = Counter()  # places of events told at one base
        self._locs_all: Counter = Counter()
        self._side_counts: dict[str, Counter] = {"attacker_side": Counter(), "target_side": Counter()}
        self._sides: dict[str, str] = {}
        self.weapons: set[str] = set()
        self.date = self.precision = self.location = None
        for m in members or ():
            self._count(m)
        self._refresh()

    def add(self, ev: EventRef) -> None:
        self._count(ev)
        self._refresh()

    def _count(self, m: EventRef) -> None:
        self.members.append(m)
        if m.date:
            self._dates[m.date] += 1
            self._precs.add(m.precision)
            if m.precision == "day":
                self._day_dates[m.date] += 1
        if m.location:
            self._locs_all[m.location] += 1
            if not m.sites:
                self._locs_single[m.location] += 1
        self.weapons.update(w for w in m.weapons if w != "unknown")
        for attr, counts in self._side_counts.items():
            side = getattr(m, attr)
            if side != "unknown":
                counts[side] += 1

    def _refresh(self) -> None:
        self._sides = {}  # side() per attribute, until the next member
        days = self._day_dates or self._dates
        if not days:
            self.date = None
        elif len(days) < sum(days.values()):  # a date told more than once: the most told
            self.date = days.most_common(1)[0][0]
        else:
            self.date = min(days)
        self.precision = next((p for p in ("day", "week", "month", "year") if p in self._precs), None)
        # (an event told at several bases at once names the place least surely)
        locs = self._locs_single or self._locs_all
        self.location = max(locs, key=lambda n: (specificity(n), locs[n], n)) if locs else None

    @property
    def kind(self) -> str:
        return event_kind(self.side("attacker_side"), self.side("target_side"))

    def side(self, attr: str) -> str:
        found = self._sides.get(attr)
        if found is None:
            counts = self._side_counts[attr]
            found = self._sides[attr] = counts.most_common(1)[0][0] if counts else "unknown"
        return found


def event_kind(attacker_side: str, target_side: str) -> str:
    if target_side == "us":
        return "attack_on_us"
    if attacker_side == "us":
        return "us_strike"
    return "other"


def _sides_agree(a: str, b: str, *, target: bool = False) -> bool:
    # "unknown" agrees with anything; so do civilians as a target (the same strike is told as
    # hitting fighters by one side and civilians by the other).
    return a == b or "unknown" in (a, b) or (target and "civilians" in (a, b))


def _fits(inc: Incident, ev: EventRef) -> bool:
    # Two attacks one article tells on different days are two incidents, however alike.
    if ev.date is not None and ev.precision == "day" and any(
            m.article_id == ev.article_id and m.precision == "day" and m.date is not None and m.date != ev.date
            for m in inc.members):
        return False
    # Same direction: the sides agree where both are told ("unknown" attackers of a base join
    # the attack on US forces told there by another outlet).
    ia, it = inc.side("attacker_side"), inc.side("target_side")
    one_site = specificity(ev.location) > 1 and specificity(inc.location) > 1 and places_compatible(inc.location, ev.location)
    # (an Iraqi base hosting US forces is told as the Iraqi army's by one side, as theirs by another)
    base_of_both = one_site and {it, ev.target_side} == {"us", "iraq_gov"}
    if not (_sides_agree(ia, ev.attacker_side) and (_sides_agree(it, ev.target_side, target=True) or base_of_both)):
        return False
    if ev.kind != event_kind(ia, it) and not one_site:
        return False  # a side left untold is bridged only by a place narrower than a country
    # (an attack told as hitting several bases at once may be told by another outlet at any of them)
    places = (ev.location, *ev.sites)
    same_place = any(places_compatible(inc.location, p) for p in places)
    if not same_place and not (ev.date is not None and any(places_near(inc.location, p) for p in places)):
        return False
    ws = set(ev.weapons) - {"unknown"}
    if ws and inc.weapons and not (ws & inc.weapons):
        return False
    d = inc.date
    if ev.date is not None and d is not None:
        # (the looser of the two: an incident known only to a week takes a day of that week)
        slack = max(_SLACK.get(ev.precision, 16), _SLACK.get(inc.precision, 16))
        if _year_site(inc, ev):
            slack = _YEAR_SLACK
        return abs((ev.date - d).days) <= slack
    if ev.date is None:
        if d is None or ev.published is None or ev.location is None or inc.location is None:
            return False
        return ev.published - _WINDOW_UNDATED <= d <= ev.published
    return False


_SLACK = {"day": 1, "week": 3}  # days either side; a month or a year: 16
_YEAR_SLACK = 183  # an attack known only to its year, at one site narrower than a city: that year
_SITE_SPECIFICITY = 3  # (a base, an airport: within a city within a country)


def _year_site(inc: Incident, ev: EventRef) -> bool:
    """An attack told only with its year ("the assassination of Soleimani near Baghdad airport in
    2020") at a site narrower than a city, matched to an incident at that site within the year."""
    return ((ev.precision == "year" or inc.precision == "year")
            and min(specificity(ev.location), specificity(inc.location)) >= _SITE_SPECIFICITY
            and places_compatible(inc.location, ev.location))


# How an incident's date is known, and the slack it allows either side (see _fits).
_GRAINS = (("day", _SLACK["day"]), ("week", _SLACK["week"]), ("wide", _MAX_SLACK.days))


def _bucket(inc: Incident) -> tuple[str, int] | None:
    if inc.date is None:
        return None
    return inc.precision if inc.precision in ("day", "week") else "wide", inc.date.toordinal()


def _collect(by_day: dict[str, dict[int, list]], grain: str, lo: dt.date, hi: dt.date, out: list) -> None:
    days = by_day[grain]
    if days:
        for day in range(lo.toordinal(), hi.toordinal() + 1):
            found = days.get(day)
            if found:
                out.extend(found)


def _slug(s: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "-", (s or "unknown").lower()).strip("-")


def link_incidents(events: list[EventRef]) -> tuple[dict[tuple, str], list[dict]]:
    """Group events into incidents; return ({event key: incident_id}, incident rows)."""
    order = sorted(
        events,
        key=lambda e: (e.date is None, e.date or dt.date.max, {"day": 0, "week": 1, "month": 2}.get(e.precision, 3), e.key),
    )
    incidents: list[Incident] = []
    # Incidents by date and how precisely it is known: an event can only fit an incident
    # dated within the looser of their two slacks (a day told: one day; a week: three; else
    # 16), or in the fortnight before its article, so only those are compared.
    by_day: dict[str, dict[int, list[Incident]]] = {grain: {} for grain, _slack in _GRAINS}
    year_incidents: list[Incident] = []  # incidents known only to their year
    for ev in order:
        home = None
        best_gap = None
        candidates: list[Incident] = []
        if ev.date is not None and ev.precision == "year" and specificity(ev.location) >= _SITE_SPECIFICITY:
            year = dt.timedelta(days=_YEAR_SLACK)  # (see _year_site)
            for grain, _slack in _GRAINS:
                _collect(by_day, grain, ev.date - year, ev.date + year, candidates)
        elif ev.date is not None:
            own = _SLACK.get(ev.precision, _MAX_SLACK.days)
            for grain, slack in _GRAINS:
                slack = max(own, slack)
                _collect(by_day, grain, ev.date - dt.timedelta(days=slack), ev.date + dt.timedelta(days=slack), candidates)
        elif ev.published is not None and ev.location is not None:
            for grain, _slack in _GRAINS:
                _collect(by_day, grain, ev.published - _WINDOW_UNDATED, ev.published, candidates)
        if ev.date is not None and ev.precision != "year" and specificity(ev.location) >= _SITE_SPECIFICITY:
            seen = {id(i) for i in candidates}
            candidates.extend(i for i in year_incidents if id(i) not in seen)  # (see _year_site)
        candidates.sort(key=lambda i: i.order)
        for inc in candidates:
            if _fits(inc, ev):
                d = inc.date
                ref = ev.date or ev.published
                gap = abs((ref - d).days) if (ref and d) else 99
                if best_gap is None or gap < best_gap:
                    home, best_gap = inc, gap
        if home is None:
            home = Incident([ev], order=len(incidents))
            incidents.append(home)
            if home.precision == "year":
                year_incidents.append(home)
        else:
            old = _bucket(home)
            was_year = home.precision == "year"
            home.add(ev)
            if was_year and home.precision != "year":
                year_incidents.remove(home)
            if old == _bucket(home):
                continue
            if old is not None:
                grain, day = old
                by_day[grain][day].remove(home)
                if not by_day[grain][day]:
                    del by_day[grain][day]
        if home.date is not None:
            grain, day = _bucket(home)
            by_day[grain].setdefault(day, []).append(home)

    assigned: dict[tuple, str] = {}
    rows: list[dict] = []
    used: Counter = Counter()
    for inc in sorted(incidents, key=lambda i: (i.date or dt.date.max, min(m.key for m in i.members))):
        base = f"{inc.date.isoformat() if inc.date else 'undated'}-{inc.kind}-{_slug(inc.location)}"
        used[base] += 1
        iid = base if used[base] == 1 else f"{base}-{used[base]}"
        for m in inc.members:
            assigned[m.key] = iid
        pubs = [m.published for m in inc.members if m.published]
        rows.append(
            {
                "incident_id": iid,
                "date": inc.date,
                "date_precision": inc.precision,
                "location": inc.location,
                "kind": inc.kind,
                "attacker_side": inc.side("attacker_side"),
                "target_side": inc.side("target_side"),
                "n_articles": len({m.article_id for m in inc.members}),
                "n_outlets": len({m.outlet for m in inc.members if m.outlet}),
                "first_reported": min(pubs) if pubs else None,
            }
        )
    return assigned, rows
