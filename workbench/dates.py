"""Date expressions in news text, resolved against the publication date.

Every relative expression ("yesterday", "on Monday", "November 22", "last week") is
resolved against the article's publication date ``published`` (never the clock) and
carries its precision and the window of dates it could mean.

Rules (word lists in ``workbench/data/dates.yaml``):

- ``date`` is the best single day; for week/month/year precision it is the midpoint of
  ``[low, high]``.
- Partial dates ("November 22"): the date in P's year, unless that is more than
  ``partial_future_tolerance_days`` (7) after P, then the previous year.
- Holidays of a fixed date ("on Christmas Day", "New Year's Eve 2019") are like partial
  dates; "on the 15th" is the latest 15th on or before P (within the same tolerance).
- Weekdays ("on Monday", "Tuesday night"): the most recent such weekday on or before P
  (P's own weekday means P). "last Tuesday": strictly before P. "next Tuesday": strictly after.
- US time: a weekday right next to a far-away time zone ("6 pm Eastern Time Sunday") is
  dropped when another weekday follows in the same sentence ("... in the early hours of
  Monday in the region"): the local day wins.
- "last week": the calendar week (Monday..Sunday) before P's week. "this week"/"earlier
  this week": Monday of P's week .. P. "last month"/"last year": the previous calendar
  month/year. "this month"/"this year": its first day .. P. "N days/weeks ago": P - N.
- "early/mid/late" narrow a month to days 1-10 / 10-20 / 21-end and a year to months
  Jan-Apr / May-Aug / Sep-Dec. "since X" gives kind 'since' and the window of X.
- Month names and weekdays count only capitalised; March/May only with a day or a year;
  bare months and bare years only after a preposition ("in October", "in 2019"). Phrases
  relative to another event ("two days later", "more than a week after") give nothing.
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from workbench import numbers as _numbers

_DATA = yaml.safe_load((Path(__file__).parent / "data" / "dates.yaml").read_text(encoding="utf-8"))

_MONTHS: dict[str, int] = {**_DATA["months"], **_DATA["month_abbreviations"]}
_FULL_MONTHS: dict[str, int] = dict(_DATA["months"])
_AMBIGUOUS_MONTHS = frozenset(_DATA["ambiguous_months"])
_WEEKDAYS: dict[str, int] = dict(_DATA["weekdays"])
_HOLIDAYS: dict[str, tuple[int, int]] = {" ".join(k.replace("’", "'").split()): tuple(v) for k, v in _DATA["holidays"].items()}
_RELATIVE_DAYS: dict[str, int] = {k.lower(): v for k, v in _DATA["relative_days"].items()}
_RELATIVE_PERIODS: dict[str, str] = {k.lower(): v for k, v in _DATA["relative_periods"].items()}
_AGO_UNITS: dict[str, str] = dict(_DATA["ago_units"])
_MODIFIERS: dict[str, dict] = _DATA["period_modifiers"]
_MODIFIER_PHRASES: dict[str, str] = dict(_DATA["period_modifier_phrases"])
_PARTIAL_TOLERANCE = datetime.timedelta(days=_DATA["partial_future_tolerance_days"])
_INFERENCE_SLACK = datetime.timedelta(days=_DATA["inference_slack_days"])


def _alt(words) -> str:
    """Regex alternation of literal words, longest first so that "Sept" beats "Sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _phrase_alt(words) -> str:
    """Like _alt, but any run of spaces inside a phrase matches any whitespace."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=lambda w: (-len(w), w)))


_MONTH = f"(?:{_alt(_MONTHS)})"
_FULL_MONTH = f"(?:{_alt(_FULL_MONTHS)})"
_WD = f"(?:{_alt(_WEEKDAYS)})"
_HOLIDAY = "(?:" + "|".join(r"\s+".join(re.escape(w).replace("'", "['’]") for w in h.split()) for h in sorted(_HOLIDAYS, key=len, reverse=True)) + ")"
_YEAR = r"(?:19|20)\d{2}"
# Number words that can count days/weeks ("two days ago"), from numbers.yaml.
_NUMBER_WORDS = yaml.safe_load((Path(__file__).parent / "data" / "numbers.yaml").read_text(encoding="utf-8"))
_NUMWORD = f"(?:{_alt(list(_NUMBER_WORDS['units']) + list(_NUMBER_WORDS['tens']))})(?:-(?:{_alt(_NUMBER_WORDS['units'])}))?"

# One pass over the text. Optional prefixes ("since", a preposition, early/mid/late) then
# one of the date shapes; each branch is checked and resolved in _mention_from_match.
_DATE_RE = re.compile(
    rf"""
    \b(?=[0-9A-Za-z])
    (?:(?P<since>[Ss]ince)\s+)?
    (?:(?P<prep>{_alt(_DATA['year_prepositions'])}|{_alt(w.capitalize() for w in _DATA['year_prepositions'])})\s+(?:the\s+)?)?
    (?:(?P<mod>[Ee]arly|[Mm]id|[Ll]ate|(?:[Tt]he\s+)?(?:{_phrase_alt(_MODIFIER_PHRASES)})(?=\s+(?:{_FULL_MONTH}|{_YEAR})\b))(?:-|\s+)(?:in\s+)?)?
    (?:
        # ISO 2021-06-29
        (?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})\b
      | # day-first numbers 29/06/2021, 28-1-2024, 28.1.2024 (Sunday 28-1-2024)
        (?:(?P<wd0>{_WD}),?\s+)?(?P<sd>\d{{1,2}})(?P<sep>[/.-])(?P<sm>\d{{1,2}})(?P=sep)(?P<sy>\d{{4}})\b
      | # June 29, 2021 / Jun. 29 / Monday, June 28, 2021
        (?:(?P<wd1>{_WD}),?\s+)?(?P<m1>{_MONTH})\b\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?![:.]\d)(?:,?\s+(?P<y1>{_YEAR})\b)?
      | # 29 June 2021 / 22 November / Wed, 30 Jun 2021
        (?:(?P<wd2>{_WD}),?\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?(?:,?\s+(?P<y2>{_YEAR})\b)?
      | # January 2020
        (?P<m3>{_MONTH})\b\.?,?\s+(?P<y3>{_YEAR})\b
      | # "August last year", "in mid-March that year": a month of the year before P, or of the
        # year told last before it
        (?P<m5>{_FULL_MONTH})\s+(?:of\s+)?(?P<yref>{_phrase_alt(_DATA['month_year_references'])})\b
      | # "in October" (checked: needs a preposition, since or modifier)
        (?P<m4>{_FULL_MONTH})\b
      | # "in 2019" (checked: needs a preposition, since or modifier)
        (?P<y4>{_YEAR})\b(?![-/:.,]\d|%)
      | # "on the 15th": a day of P's month (checked: needs "on the" before it)
        (?P<dom>\d{{1,2}})(?:st|nd|rd|th)\b(?:\s+of\s+(?:the|this)\s+month\b|(?!\s*(?:of\b|[A-Za-z])))
      | # Christmas Day (2023)
        (?P<hol>{_HOLIDAY})\b(?:,?\s+(?P<hy>{_YEAR})\b)?
      | # weekdays, with last/next and a time of day
        (?:(?P<wmod>[Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+)?(?P<wd>{_WD})\b(?!s\b)(?:\s+(?P<tod>{_alt(_DATA['time_of_day'])})\b)?
      | # yesterday, last week, ...
        (?i:(?P<rel>{_phrase_alt(list(_RELATIVE_DAYS) + list(_RELATIVE_PERIODS))}))\b
      | # two days ago
        (?i:(?P<agon>\d{{1,3}}|{_NUMWORD}|an?)\s+(?P<agou>{_alt(_AGO_UNITS)})\s+(?:{_alt(_DATA['ago_words'])}))\b
    )
    """,
    re.VERBOSE,
)

# Cheap gate: nothing to do without a digit or a month, weekday or relative keyword.
_GATE = re.compile(
    rf"\d|\b(?:{_FULL_MONTH}|{_MONTH}\b|{_WD}|{_HOLIDAY})|(?i:\b(?:yesterday|today|tonight|night|morning|afternoon|evening|week|month|year|ago)\b)"
)

# Fast scan: every date match holds an "anchor" (a digit, a month or weekday name, the last
# word of a relative phrase, "ago"), and everything a match holds before its first anchor is
# a short run of known words ("since", "in the", "early", "last", "the day before", "two
# days", "a") joined by spaces or hyphens. So _DATE_RE is tried only at the starts of such
# runs before each anchor instead of at every word: the same matches, found faster.
_ANCHOR_WORDS = sorted(
    {p.split()[-1].lower() for p in list(_RELATIVE_DAYS) + list(_RELATIVE_PERIODS)} | {w.lower() for w in _DATA["ago_words"]}
)


def _fast_ci(word: str) -> str:
    """``(?i:word)`` for a word starting with an ASCII letter, written so that sre can reject
    a branch on its first character: "[yY](?i:esterday)"."""
    return f"[{word[0].lower()}{word[0].upper()}](?i:{re.escape(word[1:])})"


# (A look-behind rather than \b, and _fast_ci: both let sre skip a branch on one character.)
_ANCHOR_RE = re.compile(
    r"(?:\d+|(?<!\w)(?:" + _alt(list(_MONTHS) + list(_WEEKDAYS)) + "|" + _HOLIDAY + "|" + "|".join(map(_fast_ci, _ANCHOR_WORDS)) + "))"
)
_LEAD_WORDS = sorted(
    {w.lower() for w in _DATA["year_prepositions"]}
    | {"since", "the", "in", "early", "mid", "late", "last", "next", "this", "past", "a", "an"}
    | {w for p in _MODIFIER_PHRASES for w in p.split()}
    | {w for p in list(_RELATIVE_DAYS) + list(_RELATIVE_PERIODS) for w in p.split()}
    | {w.lower() for w in list(_AGO_UNITS) + list(_NUMBER_WORDS["units"]) + list(_NUMBER_WORDS["tens"])}
)
# The run of lead words just before an anchor, read backwards on the reversed text.
_REV_LEAD_RE = re.compile(rf"(?i:(?:(?:\s+|-)(?:{_alt(w[::-1] for w in _LEAD_WORDS)})(?![A-Za-z])){{0,16}})")
_WORD_START_RE = re.compile(r"\b(?=[0-9A-Za-z])")

_ON_THE = re.compile(r"\b[Oo]n\s+the\s+$")
_FOREIGN_BEFORE = re.compile(rf"\b(?:{_phrase_alt(_DATA['foreign_time_markers'])})\s*,?\s*$")
_FOREIGN_AFTER = re.compile(rf"^\s*,?\s*(?:{_phrase_alt(_DATA['foreign_time_markers'])})\b")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")

# parse_date_string: an optional label and weekday, one date shape, an optional time.
_WD_ANY = f"(?:{_alt(list(_WEEKDAYS) + list(_DATA['weekday_abbreviations']))})"
_TIME_TAIL = (
    r"(?:\s*(?:[-–—,|@T]|\bat\b)?\s*\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:Z|[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
)
_DATE_STRING_RE = re.compile(
    rf"""
    \s*(?:(?:[Pp]ublish(?:ed)?|[Pp]osted|[Uu]pdated|[Dd]ate)(?:\s+(?:[Dd]ate|[Oo]n))?\s*:?\s*)?
    (?:{_WD_ANY}\.?,?\s+)?
    (?:
        (?P<iy>\d{{4}})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})
      | (?P<sd>\d{{1,2}})(?P<sep>[/.-])(?P<sm>\d{{1,2}})(?P=sep)(?P<sy>\d{{4}})
      | (?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})
      | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[\s-]+(?:of\s+)?(?P<m2>{_MONTH})\.?[\s,-]+(?P<y2>\d{{4}})
    )
    {_TIME_TAIL}\s*
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    date: datetime.date | None
    low: datetime.date | None
    high: datetime.date | None
    precision: str  # 'day' | 'week' | 'month' | 'year'
    kind: str  # 'absolute' | 'partial' | 'weekday' | 'relative' | 'since'


# ---------------------------------------------------------------- small date helpers


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _mid(low: datetime.date, high: datetime.date) -> datetime.date:
    return low + (high - low) // 2


def _month_window(year: int, month: int, mod: str | None) -> tuple[datetime.date, datetime.date]:
    first, last = (1, _month_end(year, month)) if mod is None else _MODIFIERS[mod]["month_days"]
    return datetime.date(year, month, first), datetime.date(year, month, min(last, _month_end(year, month)))


def _year_window(year: int, mod: str | None) -> tuple[datetime.date, datetime.date]:
    first, last = (1, 12) if mod is None else _MODIFIERS[mod]["year_months"]
    return datetime.date(year, first, 1), datetime.date(year, last, _month_end(year, last))


def _month_number(name: str) -> int:
    return _MONTHS[name]


def resolve_partial(month: int, day: int, published: datetime.date) -> datetime.date | None:
    """Month+day without a year: P's year, unless more than a week after P (then the year before)."""
    candidate = _safe_date(published.year, month, day)
    if candidate is None or candidate > published + _PARTIAL_TOLERANCE:
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


def _day_of_month(day: int, published: datetime.date) -> datetime.date | None:
    """The latest date on or before P (up to the partial-date tolerance after it) with this day of the month."""
    month_index = published.year * 12 + published.month - 1
    for back in range(3):
        year, month = divmod(month_index - back, 12)
        candidate = _safe_date(year, month + 1, day)
        if candidate is not None and candidate <= published + _PARTIAL_TOLERANCE:
            return candidate
    return None


def resolve_weekday(weekday: int, published: datetime.date, *, modifier: str | None = None) -> datetime.date:
    """Most recent `weekday` on or before P; strictly before for last/past; strictly after for next."""
    if modifier == "next":
        return published + datetime.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    back = (published.weekday() - weekday) % 7
    if back == 0 and modifier in ("last", "past"):
        back = 7
    return published - datetime.timedelta(days=back)


def _period_window(name: str, p: datetime.date) -> tuple[datetime.date, datetime.date, str]:
    """Window (low, high, precision) of a relative period name from dates.yaml."""
    monday = p - datetime.timedelta(days=p.weekday())
    if name == "last_week":
        return monday - datetime.timedelta(days=7), monday - datetime.timedelta(days=1), "week"
    if name == "past_week":
        return p - datetime.timedelta(days=7), p, "week"
    if name in ("this_week", "earlier_this_week"):
        return monday, p, "week"
    if name == "last_weekend":
        saturday = resolve_weekday(5, p, modifier="last")
        return saturday, saturday + datetime.timedelta(days=1), "week"
    if name == "last_month":
        last = p.replace(day=1) - datetime.timedelta(days=1)
        return last.replace(day=1), last, "month"
    if name in ("this_month", "earlier_this_month"):
        return p.replace(day=1), p, "month"
    if name == "last_year":
        return datetime.date(p.year - 1, 1, 1), datetime.date(p.year - 1, 12, 31), "year"
    if name in ("this_year", "earlier_this_year"):
        return datetime.date(p.year, 1, 1), p, "year"
    raise ValueError(f"unknown relative period {name!r}")


def _ago_window(n: int, unit: str, p: datetime.date) -> tuple[datetime.date, datetime.date, str]:
    precision = _AGO_UNITS[unit.lower()]
    if precision == "day":
        day = p - datetime.timedelta(days=n)
        return day, day, "day"
    if precision == "week":
        centre = p - datetime.timedelta(days=7 * n)
        return centre - datetime.timedelta(days=3), min(p, centre + datetime.timedelta(days=3)), "week"
    if precision == "month":
        month_index = p.year * 12 + p.month - 1 - n
        year, month = divmod(month_index, 12)
        low, high = _month_window(year, month + 1, None)
        return low, high, "month"
    return datetime.date(p.year - n, 1, 1), datetime.date(p.year - n, 12, 31), "year"


# ---------------------------------------------------------------- find_dates


def _mention(m: re.Match, start: int, low, high, precision: str, kind: str, *, day=None) -> DateMention:
    if m.group("since"):
        kind = "since"
    if low is None:
        date = None
    elif day is not None:
        date = day
    else:
        date = _mid(low, high)
    return DateMention(start, m.end(), m.string[start : m.end()], date, low, high, precision, kind)


def _numeric_date(first: int, second: int, year: int, weekday: str | None) -> datetime.date | None:
    """28-1-2024 and 28/01/2024 are day-first (the convention of the region's outlets);
    "Monday 1-29-2024" is read month-first because its weekday fits only that way."""
    day_first = _safe_date(year, second, first)
    if weekday is None:
        return day_first
    wd = _WEEKDAYS.get(weekday.capitalize())
    month_first = _safe_date(year, first, second)
    for candidate in (day_first, month_first):
        if candidate is not None and candidate.weekday() == wd:
            return candidate
    return day_first


def _mention_from_match(m: re.Match, p: datetime.date | None, told_year: int | None = None) -> DateMention | None:
    """Check one regex match and resolve it against P; None when it is not a date.

    ``told_year``: the year of the last date told with its year before the match ("that year")."""
    g = m.group
    mod = g("mod") and " ".join(g("mod").lower().split())
    mod = _MODIFIER_PHRASES.get(mod.removeprefix("the "), mod) if mod else None
    anchored = bool(g("since") or g("prep") or mod)
    # The span keeps "since" and early/mid/late but not a plain preposition.
    start = m.start("since") if g("since") else m.start("mod") if mod else _core_start(m)

    if g("iy"):  # ISO
        day = _safe_date(int(g("iy")), int(g("im")), int(g("id")))
        return day and _mention(m, start, day, day, "day", "absolute")
    if g("sy"):  # day-first numbers; month-first only when a weekday says so
        day = _numeric_date(int(g("sd")), int(g("sm")), int(g("sy")), g("wd0"))
        return day and _mention(m, start, day, day, "day", "absolute")
    if g("m1") or g("m2"):  # month + day (+ year)
        month = _month_number(g("m1") or g("m2"))
        day_num = int(g("d1") or g("d2"))
        year = g("y1") or g("y2")
        if year:
            day = _safe_date(int(year), month, day_num)
            return day and _mention(m, start, day, day, "day", "absolute")
        if _safe_date(2000, month, day_num) is None:  # 2000 is a leap year: Feb 29 passes
            return None
        day = resolve_partial(month, day_num, p) if p else None
        return _mention(m, start, day, day, "day", "partial")
    if g("m3"):  # month + year
        low, high = _month_window(int(g("y3")), _month_number(g("m3")), mod)
        return _mention(m, start, low, high, "month" if mod is None else "week", "absolute")
    if g("m5"):  # "August last year", "mid-March that year"
        ref = _DATA["month_year_references"][" ".join(g("yref").lower().split())]
        year = (p.year - 1 if p else None) if ref == "previous" else told_year
        if year is None:
            return None
        low, high = _month_window(year, _FULL_MONTHS[g("m5")], mod)
        return _mention(m, start, low, high, "month" if mod is None else "week", "partial")
    if g("m4"):  # bare month: needs an anchor word; March/May never alone
        if not anchored or (g("m4") in _AMBIGUOUS_MONTHS and not mod):
            return None
        if p is None:
            return _mention(m, start, None, None, "month" if mod is None else "week", "partial")
        month = _FULL_MONTHS[g("m4")]
        year = p.year if month <= p.month else p.year - 1
        low, high = _month_window(year, month, mod)
        return _mention(m, start, low, min(high, max(p, low)), "month" if mod is None else "week", "partial")
    if g("y4"):  # bare year: needs an anchor word
        if not anchored:
            return None
        low, high = _year_window(int(g("y4")), mod)
        return _mention(m, start, low, high, "year", "absolute")
    if g("dom"):  # "on the 15th": the latest such day on or before P (this month, else the last)
        if not _ON_THE.search(m.string, max(0, m.start("dom") - 8), m.start("dom")):
            return None
        day = _day_of_month(int(g("dom")), p) if p else None
        return None if mod or (p and day is None) else _mention(m, m.start("dom"), day, day, "day", "partial")
    if g("hol"):  # a holiday: its day in the year told, else in P's year like a partial date
        month, day_num = _HOLIDAYS[" ".join(g("hol").replace("’", "'").split())]
        if mod:
            return None
        if g("hy"):
            day = datetime.date(int(g("hy")), month, day_num)
            return _mention(m, start, day, day, "day", "absolute")
        day = resolve_partial(month, day_num, p) if p else None
        return _mention(m, start, day, day, "day", "partial")
    if g("wd"):  # weekday
        if g("since") and mod:
            return None
        wmod = g("wmod").lower() if g("wmod") else None
        wstart = m.start("wmod") if wmod in ("last", "next", "past") else m.start("wd")
        start = m.start("since") if g("since") else wstart
        day = resolve_weekday(_WEEKDAYS[g("wd")], p, modifier=wmod) if p else None
        return _mention(m, start, day, day, "day", "weekday")
    if mod:  # early/mid/late only go with months and years
        return None
    if g("rel"):
        phrase = " ".join(g("rel").lower().split())
        start = m.start("since") if g("since") else m.start("rel")
        if phrase in _RELATIVE_DAYS:
            day = p - datetime.timedelta(days=_RELATIVE_DAYS[phrase]) if p else None
            return _mention(m, start, day, day, "day", "relative")
        if p is None:
            return _mention(m, start, None, None, _period_window(_RELATIVE_PERIODS[phrase], datetime.date(2000, 1, 5))[2], "relative")
        low, high, precision = _period_window(_RELATIVE_PERIODS[phrase], p)
        return _mention(m, start, low, high, precision, "relative")
    if g("agon"):
        word = g("agon").lower()
        n = 1 if word in ("a", "an") else _numbers.parse_number(word)
        if n is None:
            return None
        start = m.start("since") if g("since") else m.start("agon")
        if p is None:
            precision = _AGO_UNITS[g("agou").lower()]
            return _mention(m, start, None, None, precision, "relative")
        low, high, precision = _ago_window(n, g("agou"), p)
        return _mention(m, start, low, high, precision, "relative", day=low if precision == "day" else None)
    return None


def _core_start(m: re.Match) -> int:
    """Start of the date shape itself, after any since/preposition prefix."""
    for name in ("iy", "wd0", "sd", "wd1", "m1", "wd2", "d2", "m3", "m5", "m4", "y4", "dom", "hol", "wmod", "wd", "rel", "agon"):
        if m.group(name):
            return m.start(name)
    return m.start()


def _drop_foreign_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Drop a weekday next to a US time zone when another weekday follows in the same sentence."""
    keep = []
    for i, mention in enumerate(mentions):
        if mention.kind == "weekday":
            foreign = _FOREIGN_BEFORE.search(text, max(0, mention.start - 30), mention.start) or _FOREIGN_AFTER.match(
                text[mention.end : mention.end + 30]
            )
            if foreign and any(
                other.kind == "weekday" and not _SENTENCE_END.search(text, mention.end, other.start)
                for other in mentions[i + 1 :]
            ):
                continue
        keep.append(mention)
    return keep


def find_dates(text: str, *, published: datetime.date | None) -> list[DateMention]:
    """Date mentions in `text`, resolved against `published`, sorted by start and non-overlapping.

    >>> [(d.text, str(d.date)) for d in find_dates("Rockets hit the base on Monday.", published=datetime.date(2021, 6, 30))]
    [('Monday', '2021-06-28')]
    """
    if not _GATE.search(text):
        return []
    mentions = []
    anchor = published
    told_year = None  # the year of the last date told with its year ("the rockets continued into 2020")
    for m in _date_matches(text):
        mention = _mention_from_match(m, anchor, told_year)
        if m.group("y4"):
            told_year = int(m.group("y4"))  # (a bare year tells the year even when it is no date: "continued into 2020")
        if mention is None:
            continue
        if mention.kind == "absolute" and mention.low is not None:
            told_year = mention.low.year if mention.low.year == mention.high.year else None
        if _is_date_line(text, mention) and (published is None or mention.date <= published):
            # A line that is only a date heads what follows (a live blog's or a channel's
            # posts): "today" and "on Saturday" below it count from that day.
            anchor = mention.date
        mentions.append(mention)
    return _drop_foreign_weekdays(text, mentions)


# A label before the date: a short run with no sentence punctuation or quotes ("Statement
# posted ", "Statement (2) – ", "Post 14 | ", "Statement (1) – Wednesday, 3 Rabi' al-Thani 1445 / ").
_LINE_LABEL = re.compile(r"[^\n.!?:\"“”]{0,60}")
_LINE_TIME = re.compile(
    r"[ \t,.:|–—-]*(?:(?:at[ \t]+)?\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]*[A-Z]{2,4})?"
    r"|(?:morning|afternoon|evening|night))?[ \t,.:|–—-]*"
)


def _is_date_line(text: str, mention: DateMention) -> bool:
    """True for a day-precise absolute date alone on its line, with at most a short label and
    a time ("Sunday 28-1-2024", "Statement posted Tuesday 24-10-2023, 23:05", "Statement (3) –
    Wednesday, 25 October 2023, evening")."""
    if mention.kind != "absolute" or mention.precision != "day" or mention.date is None:
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    line_end = text.find("\n", mention.end)
    line_end = len(text) if line_end < 0 else line_end
    label = _LINE_LABEL.match(text, line_start, mention.start)
    time = _LINE_TIME.match(text, mention.end, line_end)
    return label.end() == mention.start and time.end() == line_end


# The matches of the last text scanned: find_dates runs several times on one text (with
# different publication dates, and for find_quantities), the scan once.
_LAST_SCAN: tuple[str, list[re.Match]] = ("", [])


def _date_matches(text: str) -> list[re.Match]:
    """``list(_DATE_RE.finditer(text))``, trying the regex only where a date can start."""
    global _LAST_SCAN
    last_text, last = _LAST_SCAN
    if text is last_text or text == last_text:
        return last
    found: list[re.Match] = []
    rev = None
    pos = 0  # where the previous match ended
    n = len(text)
    for anchor in _ANCHOR_RE.finditer(text):
        a = anchor.start()
        if a < pos:
            continue
        if rev is None:
            rev = text[::-1]
        lead = n - _REV_LEAD_RE.match(rev, n - a).end()
        m = None
        for start in _WORD_START_RE.finditer(text, max(lead, pos), a + 1):
            m = _DATE_RE.match(text, start.start())
            if m is not None:
                break
        if m is not None:
            found.append(m)
            pos = m.end()
    _LAST_SCAN = (text, found)
    return found


# ---------------------------------------------------------------- parse_date_string


def parse_date_string(s: str) -> datetime.date | None:
    """A whole string that is one date, e.g. "30 June 2021 - 22:23"; slashes are day-first.

    >>> parse_date_string("Wed, 30 Jun 2021 10:15 GMT")
    datetime.date(2021, 6, 30)
    """
    m = _DATE_STRING_RE.fullmatch(s)
    if not m:
        return None
    g = m.group
    if g("iy"):
        return _safe_date(int(g("iy")), int(g("im")), int(g("id")))
    if g("sy"):
        return _safe_date(int(g("sy")), int(g("sm")), int(g("sd")))
    month = _month_number(g("m1") or g("m2"))
    return _safe_date(int(g("y1") or g("y2")), month, int(g("d1") or g("d2")))


# ---------------------------------------------------------------- infer_publication_date


def infer_publication_date(
    text: str, *, not_before: datetime.date | None = None
) -> tuple[datetime.date | None, str]:
    """Best guess of when an undated article was published, with the evidence used.

    The floor is the latest dated reference: absolute dates with a year (their first day
    for months and years), raised by month+day dates placed in the floor's year, and by
    `not_before` when the caller knows more (e.g. the date of an incident the article
    reports, dated from other articles). The guess is the earliest day on or after the
    floor at which every weekday the story mentions ("on Wednesday", "Thursday night"; not
    "last"/"next" ones) falls at most `inference_slack_days` before the floor: a story
    told in weekdays is published within days after its events.
    Returns (None, "") when the text holds no dated reference and no `not_before`.
    """
    mentions = find_dates(text, published=None)
    floor, evidence = None, ""
    for mention in mentions:
        if mention.kind in ("absolute", "since") and mention.low is not None:
            point = mention.date if mention.precision == "day" else mention.low
            if floor is None or point > floor:
                floor, evidence = point, mention.text
    # A weekday with a day and a month but no year ("Saturday 27 February") fixes the year:
    # the first year of the era, not before the other dated references, where that day is
    # that weekday.
    for mention in mentions:
        day = _weekday_fixed_date(mention, floor)
        if day is not None and (floor is None or day > floor):
            floor, evidence = day, f"{mention.text} (year from its weekday)"
    # A date of the Islamic calendar ("Tuesday 13 Shawwal 1442 AH") is a day like any other.
    for day, told in _hijri_dates(text):
        if floor is None or day > floor:
            floor, evidence = day, f"{told} (Hijri)"
    if not_before is not None and (floor is None or not_before > floor):
        floor, evidence = not_before, f"not_before {not_before.isoformat()}"
    if floor is None:
        return None, ""
    # Month+day dates without a year are placed in the floor's year.
    for mention in find_dates(text, published=datetime.date(floor.year, 12, 31)):
        if mention.kind == "partial" and mention.precision == "day" and mention.date is not None and mention.date > floor:
            # (February 29 in a year that has none gives no date)
            floor, evidence = mention.date, f"{mention.text} (year from context)"
    weekdays = sorted({w for w in (_plain_weekday(mention) for mention in mentions) if w is not None})
    guess = floor
    if weekdays:
        for offset in range(7):
            candidate = floor + datetime.timedelta(days=offset)
            if all(resolve_weekday(w, candidate) >= floor - _INFERENCE_SLACK for w in weekdays):
                guess = candidate
                break
        names = ", ".join(calendar.day_name[w] for w in weekdays)
        evidence = f"latest dated reference: {evidence} ({floor.isoformat()}); weekdays: {names}"
    else:
        evidence = f"latest dated reference: {evidence} ({floor.isoformat()})"
    return guess, evidence


_HIJRI_MONTHS = {
    name.replace("'", "['’]?"): int(number) for number, names in _DATA["hijri_months"].items() for name in names
}
_HIJRI_RE = re.compile(
    rf"(?:(?P<wd>{_WD}),?\s+)?(?P<d>\d{{1,2}})\s+(?P<m>{'|'.join(sorted(_HIJRI_MONTHS, key=len, reverse=True))})\s+(?P<y>1[34]\d\d)\s*(?:AH|A\.H\.|H)\b"
)
_HIJRI_EPOCH = 1948439  # Julian day before 1 Muharram 1 AH (tabular calendar)


def hijri_to_gregorian(year: int, month: int, day: int, weekday: int | None = None) -> datetime.date | None:
    """The day of an Islamic (Hijri) date, by the tabular calendar; a weekday told with it picks
    the day within two of that (the months as sighted may start a day or two off the table)."""
    if not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + _HIJRI_EPOCH
    day0 = datetime.date.fromordinal(jd - 1721425)
    if weekday is None:
        return day0
    for off in (0, 1, -1, 2, -2):
        cand = day0 + datetime.timedelta(days=off)
        if cand.weekday() == weekday:
            return cand
    return day0


def _hijri_dates(text: str) -> list[tuple[datetime.date, str]]:
    out = []
    for m in _HIJRI_RE.finditer(text):
        month = next(n for pat, n in _HIJRI_MONTHS.items() if re.fullmatch(pat, m.group("m")))
        wd = _WEEKDAYS[m.group("wd")] if m.group("wd") else None
        day = hijri_to_gregorian(int(m.group("y")), month, int(m.group("d")), wd)
        if day is not None:
            out.append((day, m.group()))
    return out


_ERA = tuple(_DATA["era_years"])
_PARTIAL_WITH_WEEKDAY = re.compile(
    rf"(?P<wd>{_WD}),?\s+(?:(?P<m1>{_MONTH})\b\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\b)"
)


def _weekday_fixed_date(mention: DateMention, floor: datetime.date | None) -> datetime.date | None:
    """The date of a month+day told with its weekday and no year ("Saturday 27 February",
    "Tuesday, Jan. 9"): the first year of the era (``era_years``), not before `floor`'s
    year, in which that day falls on that weekday; None for any other mention."""
    if mention.kind != "partial" or mention.precision != "day":
        return None
    m = _PARTIAL_WITH_WEEKDAY.match(mention.text)
    if m is None:
        return None
    weekday = _WEEKDAYS[m.group("wd")]
    month = _month_number(m.group("m1") or m.group("m2"))
    day_num = int(m.group("d1") or m.group("d2"))
    first = max(_ERA[0], floor.year) if floor else _ERA[0]
    for year in range(first, _ERA[1] + 1):
        day = _safe_date(year, month, day_num)
        if day is not None and day.weekday() == weekday:
            return day
    return None


def weekday_fixed_day(text: str, *, not_before: datetime.date | None = None) -> datetime.date | None:
    """The latest month+day the text tells with its weekday and no year ("Saturday 27
    February"), placed in its year by the weekday (not before `not_before`'s year); None when
    there is none. Such a day is as good as a stated date."""
    best = None
    for mention in find_dates(text, published=None):
        day = _weekday_fixed_date(mention, not_before)
        if day is not None and (best is None or day > best):
            best = day
    return best


def _plain_weekday(mention: DateMention) -> int | None:
    """Weekday number of a plain weekday mention ("on Monday", "Tuesday night"), else None."""
    if mention.kind != "weekday":
        return None
    return _WEEKDAYS.get(mention.text.split()[0])
