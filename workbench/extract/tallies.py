"""Running counts of attacks stated by someone: "at least 78 attacks on US forces since mid-October".

A tally is a number of attacks told with a period it runs over (since..., so far, to date,
in total). Its target comes from the words after "attacks on/against", its start from the
"since" date, its claimant as for claims (attribution, else the outlet).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from workbench.extract.claims import claimant_name_side
from workbench.extract.context import ArticleContext
from workbench.extract.events import BEFORE_PERIOD, BETWEEN_PERIOD, IN_PERIOD, PAST_PERIOD, PERIOD_WORDS, target_side_in
from workbench.numbers import parse_number
from workbench.prefilter import prefiltered
from workbench.resources import load_yaml

__all__ = ["Tally", "extract_tallies"]

_GATE = prefiltered(re.compile(r"\b(?:since|so far|to date|in total|a total of|total|tally|overall|this year|altogether)\b|" + PERIOD_WORDS
                               + "|" + "|".join(load_yaml("claims.yaml")["tallies"][k].replace("?P<", "?P<g_" + k[:2])
                                                for k in ("month_period", "for_period", "first_part")), re.I))
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
_SINCE = re.compile(r"\bsince\b|" + BETWEEN_PERIOD.pattern + "|" + load_yaml("claims.yaml")["tallies"]["month_period"], re.I)  # where the dates the count runs from are told
_ONE_OF = re.compile(r"\b(?:one|among)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?$", re.I)
# the noun left out: "one of nearly 150 carried out against ...", "among at least 100 against ..."
_ELIDED = re.compile(r"(?=\s+(?:(?:carried out|launched|conducted|claimed|staged)\s+(?:against|on|by|at)|against|targeting)\b)", re.I)
_TIMES_AFTER = re.compile(r"\s+(?:separate\s+)?times\b", re.I)
# "attacked at least 10 times in Iraq and three times in Syria": the second count shares the verb
_AND_TIMES_BEFORE = re.compile(r"\btimes\s+(?:in|on|at|against)\s+(?:[\w’'-]+\s+){1,4}and\s+$", re.I)
_TALLY_WORDS = load_yaml("claims.yaml")["tallies"]
_ATTACKED_BEFORE = re.compile(
    r"\b(?:attacked|targeted|struck|hit|shelled|(?:come|came) under (?:\w+ )?(?:attack|fire))\s+"
    # a comma only inside a list of names ("in Iraq, Syria and Jordan"), not before a clause
    rf"(?:[\w.’'-]+(?:,(?=\s+(?-i:[A-Z])))?\s+){{0,{int(_TALLY_WORDS['attacked_object_words'])}}}$", re.I)
_MONTH_PERIOD = re.compile(_TALLY_WORDS["month_period"], re.I)
_FOR_PERIOD = re.compile(_TALLY_WORDS["for_period"], re.I)
_FIRST_PART = re.compile(_TALLY_WORDS["first_part"], re.I)
_NUMBER_BROUGHT = re.compile(_TALLY_WORDS["number_brought"], re.I)
_US_ATTACKER = re.compile(_TALLY_WORDS["us_attacker"])
_NOUN_AFTER = re.compile(
    r"\s*(?:separate\s+|drone\s+|rocket\s+|missile\s+|hostile\s+|militia\s+|such\s+|other\s+){0,2}"
    r"(?:attacks|strikes|assaults|incidents|operations|rocket attacks|drone attacks)\b",
    re.I,
)


# "the 61st attack on US forces since October 17", "at least the 26th rocket or mortar attack",
# "was the 60th on American troops", "the 170th carried out by the resistance": an ordinal
# counts the attacks so far.
_NUMBERS = load_yaml("numbers.yaml")
_ORDINAL_WORDS = _NUMBERS["ordinals"]
_TENS = _NUMBERS["tens"]
_ORDINAL_WORD = (rf"(?:(?:{'|'.join(sorted(_TENS, key=len, reverse=True))})-)?"
                 rf"(?:{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})")
_ORDINAL = re.compile(
    rf"\b(?P<least>at least\s+)?the\s+(?:(?P<n>\d{{1,4}})(?:st|nd|rd|th)|(?P<w>{_ORDINAL_WORD}))\s+"
    r"(?:(?:[\w-]+\s+){0,6}?(?:attacks?|strikes?|operations?|assaults?|incidents?)\b|(?=(?:on|against|(?:carried out|launched|conducted)\s+(?:by|against|on|at))\s))",
    re.I,
)


_ORDINAL_DAY_BEFORE = re.compile(rf"\bthe\s+(?P<w>{_ORDINAL_WORD})\s+of\s+$", re.I)


_PERIOD_START = re.compile(_TALLY_WORDS["period_start"] + r"$", re.I)
_PERIOD_START_AT = re.compile(_TALLY_WORDS["period_start"], re.I)
_YEAR_START = re.compile(_TALLY_WORDS["year_start"], re.I)


def _since_of(text: str, d) -> tuple[object, str | None]:
    """The day a tally runs from: its date mention, with a day told as an ordinal word before a
    month ("since the eighteenth of October"). A count "since 2021", "since the beginning of May"
    runs from the first day of the month or year named, not from its middle."""
    if d.low is not None and ((d.kind == "since" and d.precision in ("month", "year"))
                              or _PERIOD_START.search(text, max(0, d.start - 40), d.start)
                              or _PERIOD_START_AT.match(text, d.start)):
        return d.low, "day"
    if d.precision == "month" and d.date is not None:
        m = _ORDINAL_DAY_BEFORE.search(text, max(0, d.start - 40), d.start)
        day = _ordinal_value(m) if m else None
        if day and day <= 31:
            try:
                return d.date.replace(day=day), "day"
            except ValueError:
                pass
    return d.date, d.precision


def _ordinal_value(m: re.Match) -> int | None:
    if "n" in m.re.groupindex and m.group("n"):
        return int(m.group("n"))
    word = m.group("w").lower()
    tens, _, unit = word.rpartition("-")
    value = _ORDINAL_WORDS.get(unit)
    if value is None:
        return None
    return value + (_TENS.get(tens, 0) if tens else 0)


@dataclass(frozen=True)
class Tally:
    start: int
    end: int
    count: int | None
    qualifier: str
    since: object  # datetime.date | None
    since_precision: str | None
    target_side: str
    claimant: str | None
    claimant_side: str


def extract_tallies(ctx: ArticleContext) -> list[Tally]:
    out: list[Tally] = []
    text = ctx.text
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            continue
        for q in ctx.quantities:
            if not (sent.start <= q.start and q.end <= sent.end) or (q.low or 0) < 2:
                continue
            noun = _NOUN_AFTER.match(text, q.end) or _TIMES_AFTER.match(text, q.end)
            if noun is None and _ONE_OF.search(text, max(sent.start, q.start - 20), q.start):
                noun = _ELIDED.match(text, q.end)  # "the attack is one of nearly 150 carried out against ..."
            brought = None
            if noun is None:  # "brings the number of convoys targeted since May to nine"
                brought = _NUMBER_BROUGHT.search(text, max(sent.start, q.start - 260), q.start)
                if brought:
                    noun = re.compile(r"").match(text, q.end)
            if not noun:
                continue
            attacked = _ATTACKED_BEFORE.search(text, max(sent.start, q.start - 90), q.start)
            if noun.re is _TIMES_AFTER and not (
                attacked
                or (_AND_TIMES_BEFORE.search(text, max(sent.start, q.start - 50), q.start)
                    and any(t.start >= sent.start for t in out))
            ):
                continue  # "five times" counts attacks only after "attacked"/"came under attack"
            since = [d for d in ctx.dates if d.kind == "since" and sent.start <= d.start < sent.end]
            if not since:  # "since the start of the war on Gaza in October"
                m = _SINCE.search(text, sent.start, sent.end)
                if m:
                    since = [d for d in ctx.dates if m.start() <= d.start < min(sent.end, m.end() + 60) and d.date]
            since_date, since_precision = _since_of(text, since[0]) if since else (
                _named_era(text, sent) or _year_start(ctx, sent) or _part_of_year(ctx, sent)
                or _for_period(ctx, sent) or _past_period(ctx, sent))
            # else the words before the count: the object of "attacked" ("the militias have
            # attacked US forces 160 times"), not its subject
            before = text[attacked.start() if attacked else max(sent.start, q.start - 80) : q.start]
            found = _tally_target(ctx, noun.end(), sent.end) or target_side_in(before)
            start = q.start
            if brought:  # the count is told from "brings the number of ..."
                start = brought.start()
                found = _tally_target(ctx, q.end, sent.end) or target_side_in(text[start:q.start])
            # A count the article gives in its own voice is the outlet's, whoever carried the
            # attacks out ("the resistance has carried out more than 150 attacks"), unless it
            # sums up that body's own record ("Summary of the operations of the Islamic Resistance").
            claimant, claimant_side = claimant_name_side(ctx, sent, q.start)
            if claimant == ctx.outlet:
                own = [m for m in ctx.mentions if max(sent.start, q.start - 80) <= m.start and m.end <= q.start
                       and _OPERATIONS_OF.search(text, max(sent.start, m.start - 30), m.start)]
                if own:
                    claimant, claimant_side = own[-1].actor.name, own[-1].actor.side
            end = max(noun.end(), since[0].end if since else noun.end())
            out.append(
                Tally(
                    start=start, end=end, count=q.low, qualifier=q.qualifier,
                    since=since_date,
                    since_precision=since_precision,
                    target_side=found[1] if found else _DEFAULT_TARGET,
                    claimant=claimant,
                    claimant_side=claimant_side,
                )
            )
    out += _ordinal_tallies(ctx, {t.start for t in out})
    return sorted(out, key=lambda t: t.start)


_OPERATIONS_OF = re.compile(r"\b(?:operations|attacks|strikes)\s+of\s+(?:the\s+)?$", re.I)


# Running counts in this news are of attacks on US and coalition forces unless told otherwise.
_DEFAULT_TARGET = "us"
_BY_ATTACKER = re.compile(r"\bby\s+(?:[\w’'-]+\s+){0,6}$", re.I)


def _tally_target(ctx: ArticleContext, start: int, end: int) -> tuple[int, str] | None:
    """The side attacked, told after the counted noun: its words, or a place hosting US forces
    ("the second attack on the Erbil airport area"); "by Iran-backed militias" is the attacker."""
    seg = ctx.text[start : min(end, start + 80)]
    found = target_side_in(seg)
    if found and found[1] == "factions" and _BY_ATTACKER.search(seg, 0, found[0]):
        found = None
    if found is None:
        hosts = [p for p in ctx.places if start <= p.start < min(end, start + 80) and p.place.hosts_us]
        if hosts:
            found = (hosts[0].start - start, "us")
    return found


def _era_key(name: str) -> str:
    return re.sub(r"[\s-]+", " ", name.lower())


_ERAS = {_era_key(k): v for k, v in load_yaml("dates.yaml")["named_eras"].items()}
_ERA = re.compile(
    r"\bsince\b[^.;]{0,40}?\b(" + "|".join(re.escape(k).replace(r"\ ", r"[\s-]+")
                                         for k in sorted(_ERAS, key=len, reverse=True)) + r")\b", re.I)


def _named_era(text: str, sent) -> tuple[dt.date, str] | None:
    """'since the start of the battle of al-Aqsa Flood': the day of an event of this conflict
    that counts are told from by name (``named_eras`` in dates.yaml)."""
    m = _ERA.search(text, sent.start, sent.end)
    if m is None:
        return None
    return _ERAS[_era_key(m.group(1))], "day"


def _year_start(ctx: ArticleContext, sent) -> tuple[dt.date, str] | None:
    """'since the start of the year': the first day of the year the article was published in."""
    if ctx.published is None or not _YEAR_START.search(ctx.text, sent.start, sent.end):
        return None
    return dt.date(ctx.published.year, 1, 1), "day"


def _part_of_year(ctx: ArticleContext, sent) -> tuple[dt.date, str] | None:
    """'in 2021's first five months', 'in that year's first half': from the first day of that
    year ('that year' is the year of the last date told before; 'this year' the year of
    publication)."""
    m = _FIRST_PART.search(ctx.text, sent.start, sent.end)
    if m is None:
        return None
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("which").lower() == "this":
        year = ctx.published.year if ctx.published else None
    else:
        told = [d for d in ctx.dates if d.end <= m.start() and d.low is not None and d.kind != "relative"]
        year = told[-1].low.year if told else None
    return (dt.date(year, 1, 1), "day") if year else None


def _for_period(ctx: ArticleContext, sent) -> tuple[dt.date, str] | None:
    """'attacked our troops 90 times for more than three months': that many calendar months
    (weeks, years) before publication."""
    m = _FOR_PERIOD.search(ctx.text, sent.start, sent.end)
    if m is None or ctx.published is None:
        return None
    n = parse_number(m.group("n"))
    if not n or n < 1 or n > 60:
        return None
    unit, pub = m.group("unit").lower(), ctx.published
    if unit == "weeks":
        return pub - dt.timedelta(weeks=n), "week"
    months = n * 12 if unit == "years" else n
    y, mo = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    day = min(pub.day, 28 if mo + 1 == 2 else 30 if mo + 1 in (4, 6, 9, 11) else 31)
    return dt.date(y, mo + 1, day), "month"


def _past_period(ctx: ArticleContext, sent) -> tuple[object, str | None]:
    """'11 attacks over the past two months', 'in the two months before the raid': the count runs
    from that long before publication."""
    m = next((m for p in (PAST_PERIOD, IN_PERIOD, BEFORE_PERIOD) if (m := p.search(ctx.text, sent.start, sent.end))), None)
    if m is None or ctx.published is None:
        return None, None
    n = parse_number(m.group("n")) if m.group("n") else 1
    if not n or n < 1:
        return None, None
    unit = m.group("unit").lower().rstrip("s")
    precision = "day" if unit == "day" else ("week" if unit in ("week", "month") and n * _UNIT_DAYS[unit] <= 60 else "month")
    return ctx.published - dt.timedelta(days=n * _UNIT_DAYS[unit]), precision


def _ordinal_tallies(ctx: ArticleContext, taken: set[int]) -> list[Tally]:
    """Tallies told as an ordinal, in sentences that also say since when (or "so far")."""
    out: list[Tally] = []
    text = ctx.text
    for sent in ctx.sentences:
        if not _GATE.search(sent.text):
            continue
        for m in _ORDINAL.finditer(text, sent.start, sent.end):
            count = _ordinal_value(m)
            if m.start() in taken or count is None or count < 2:
                continue
            since = [d for d in ctx.dates if d.kind == "since" and m.end() <= d.start < sent.end]
            found = _tally_target(ctx, m.end(), sent.end)
            claimant, claimant_side = claimant_name_side(ctx, sent, m.start())
            since_date, since_precision = _since_of(text, since[0]) if since else (
                _named_era(text, sent) or _year_start(ctx, sent) or _part_of_year(ctx, sent)
                or _for_period(ctx, sent) or _past_period(ctx, sent))
            if not found and _US_ATTACKER.search(text, m.start(), m.end()):
                found = (0, _TALLY_WORDS["own_attacks_target"])  # "the fourth American strike on Iraqi territory"
            out.append(
                Tally(
                    start=m.start(), end=max(m.end(), since[0].end if since else m.end()),
                    count=count, qualifier="at_least" if m.group("least") else "exact",
                    since=since_date,
                    since_precision=since_precision,
                    target_side=found[1] if found else _DEFAULT_TARGET,
                    claimant=claimant, claimant_side=claimant_side,
                )
            )
    return out
