"""Counts in news text: numbers, hedged numbers, ranges, vague amounts and zeros.

Conventions (GUIDE.md; word lists in ``workbench/data/numbers.yaml``):

- "four" -> 4/4 exact; "another five", "only two" -> exact.
- "at least five", "no fewer than 5", "five or more", "100+" -> 5/None at_least.
- "over 100", "more than 100" -> 101/None over.
- "approximately 34", "approx. 34", "about", "around", "nearly", "some 30" -> 34/34 approx.
- "up to 10", "at most 10" -> None/10 approx; "fewer than 10", "less than 10" -> None/9 approx.
- "three to five", "between 3 and 5", "3-5", "two or three" -> 3/5 approx.
- "several", "dozens", "scores", "a number of", "many", "hundreds", and "heavy"/"huge" before
  casualties/losses -> None/None vague.
- "no" (before a word), "none", "zero", "nobody", "no one", "not a single" -> 0/0 none. The
  quantity is the determiner itself; the caller decides which noun it counts.
- "one", "a single" -> 1; the articles "a"/"an" are not quantities.
- Not counts: years (2021), times (7:44, 6 pm), measures ("122mm", "107 mm", "30 km"),
  ordinals ("14th"), ids ("News ID: 91932", "Brigade 45"), dates ("June 29"), percentages,
  money, hyphenated compounds ("four-day", "14-year-old"), decimals without a scale word.
  In "34 x 122mm rounds" the count is 34.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import yaml

from workbench import dates as _dates

_DATA = yaml.safe_load((Path(__file__).parent / "data" / "numbers.yaml").read_text(encoding="utf-8"))

_UNITS: dict[str, int] = dict(_DATA["units"])
_TENS: dict[str, int] = dict(_DATA["tens"])
_SCALES: dict[str, int] = dict(_DATA["scales"])
_FIXED: dict[str, int] = {" ".join(k.split()): v for k, v in _DATA["fixed_phrases"].items()}
_HEDGE_KIND: dict[str, str] = {
    " ".join(h.lower().split()): kind for kind, hedges in _DATA["hedges"].items() for h in hedges
}
_POST_KIND: dict[str, str] = {h.lower(): kind for kind, hedges in _DATA["post_hedges"].items() for h in hedges}
_ONE_BLOCKED_BEFORE = frozenset(_DATA["one_blocked_before"])
_ONE_BLOCKED_AFTER = frozenset(_DATA["one_blocked_after"])


def _alt(words) -> str:
    """Alternation of phrases, longest first; inner spaces match any whitespace."""
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(set(words), key=lambda w: (-len(w), w)))


_WORD = rf"(?:{_alt(list(_UNITS) + list(_TENS) + list(_SCALES) + ['dozen'])})"
_AFTER_SCALE_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+(?=" + _WORD + ")"
_DIGITS = r"(?<!\d[:/.,])(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w]|[:/]\d|,\d{3})"
# A number: digits (with an optional scale word), a fixed phrase, or number words.
_NUM = (
    rf"(?:{_DIGITS}(?:\s+(?i:{_alt(_SCALES)})\b)?"
    rf"|(?i:{_alt(_FIXED)})\b"
    rf"|(?i:{_WORD}(?:(?:\s+|-){_WORD}|{_AFTER_SCALE_AND}{_WORD})*)\b)"
)

_QUANTITY_RE = re.compile(
    rf"""
    \b(?=[0-9A-Za-z])
    (?:
        # between 3 and 5
        (?i:between)\s+(?P<b1>{_NUM})\s+and\s+(?P<b2>{_NUM})
      | # [hedge] N [to|or|- M] [or more|+]
        (?:(?P<hedge>(?i:{_alt(_HEDGE_KIND)}))\s+)?
        (?P<n1>{_NUM})
        (?:(?:\s*[-–]\s*|\s+(?i:to|or)\s+)(?P<n2>{_NUM}))?
        (?P<post>\s+(?i:or\s+more(?:\s+than)?|or\s+so)\b|\+|-plus\b|\s+plus\b|-odd\b|\s+odd\b)?
      | # zero determiners
        (?P<none>(?i:{_alt(w for w in _DATA['none_words'] if w != 'no')})\b
                 |(?i:no)(?=\s+[A-Za-z])(?!\s+(?i:{_alt(_DATA['no_blocked_after'])})\b))\b
      | # vague amounts
        (?P<vague>(?i:{_alt(_DATA['vague'])}))\b
      | # heavy casualties
        (?P<vadj>(?i:{_alt(_DATA['vague_adjectives'])}))(?=\s+(?i:{_alt(_DATA['vague_adjective_nouns'])})\b)
    )
    """,
    re.VERBOSE,
)



def _prefix_tree_regex(phrases: list[str]) -> str:
    """One regex that matches where any of ``phrases`` (lower case) starts, ignoring case:
    the phrases share their prefixes ("at (?:least|most)"), so a word start is rejected
    after a few characters instead of after trying every phrase. Inner spaces match any
    white space. The first character is a class ("[aA]"), which sre tests before entering
    a branch. Only where a phrase starts matters, not which one: a phrase makes its
    longer continuations redundant ("no" covers "no one")."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here

    def branch(node: dict) -> str:
        if "" in node:
            return ""
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + branch(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    alts = []
    for ch, child in sorted(tree.items()):
        head = f"[{ch}{ch.upper()}]" if ch.isascii() and ch.isalpha() else f"(?i:{re.escape(ch)})"
        alts.append(head + f"(?i:{branch(child)})")
    return "|".join(alts)


# Where a quantity can start: a digit, or one of the phrases a branch of _QUANTITY_RE starts
# with (a number word, a fixed phrase, a hedge, a zero, vague or heavy word, "between").
# _QUANTITY_RE is tried only there: the same matches as a scan of every position, faster.
_STARTS = sorted(
    {"between", "no", "dozen"}
    | {w.lower() for w in list(_UNITS) + list(_TENS) + list(_SCALES)}
    | {" ".join(p.lower().split()) for p in [*_FIXED, *_HEDGE_KIND, *_DATA["none_words"], *_DATA["vague"],
                                             *_DATA["vague_adjectives"]] if p.split()},
)
_START_RE = re.compile(r"(?<!\w)(?=\d|" + _prefix_tree_regex(_STARTS) + ")")

_ID_BEFORE = re.compile(rf"(?:\b(?:{_alt(_DATA['id_prefixes'])})|(?:{_alt(_DATA['money_prefixes'])}))\s*:?\s*$")
_MEASURE_AFTER = re.compile(rf"(?:\s*|-)(?:{_alt(_DATA['measure_suffixes'])})(?![A-Za-z])")
_HYPHEN_COMPOUND = re.compile(r"-[A-Za-z]")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s*$")
_WORD_AFTER = re.compile(r"\s*((?:['’]s)|[A-Za-z]+)")
_DECIMAL_SCALED = re.compile(rf"(\d+(?:\.\d+)?)\s*({'|'.join(_SCALES)})")
_TOKEN_SPLIT = re.compile(r"[\s-]+")
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str  # 'exact' | 'at_least' | 'approx' | 'over' | 'vague' | 'none'


@lru_cache(maxsize=4096)  # the same few number words and figures recur in every article
def parse_number(token: str) -> int | None:
    """Integer value of a number written in digits or words; None if it is not one.

    >>> [parse_number(t) for t in ("four", "2,500", "twenty-five", "a dozen", "1.2 million", "May")]
    [4, 2500, 25, 12, 1200000, None]
    """
    text = " ".join(token.lower().split())
    if not text:
        return None
    if text in _FIXED:
        return _FIXED[text]
    if _INTEGER.fullmatch(text):
        return int(text.replace(",", ""))
    scaled = _DECIMAL_SCALED.fullmatch(text.replace(",", ""))
    if scaled:
        try:
            value = Decimal(scaled.group(1)) * _SCALES[scaled.group(2)]
        except InvalidOperation:
            return None
        return int(value) if value == int(value) else None
    return _parse_words([t for t in _TOKEN_SPLIT.split(text) if t != "and"])


def _parse_words(tokens: list[str]) -> int | None:
    """"two hundred fifty" -> 250; None for sequences that are not one number ("three five")."""
    total, current, prev = 0, 0, None
    for tok in tokens:
        if tok in _UNITS:
            if prev == "unit" or (prev == "ten" and _UNITS[tok] >= 10):
                return None
            current += _UNITS[tok]
            prev = "unit"
        elif tok in _TENS:
            if prev in ("unit", "ten"):
                return None
            current += _TENS[tok]
            prev = "ten"
        elif tok in ("hundred", "dozen"):
            if prev == "hundred":
                return None
            current = (current or 1) * (100 if tok == "hundred" else 12)
            prev = "hundred"
        elif tok in _SCALES:
            if prev == "scale":
                return None
            total += (current or 1) * _SCALES[tok]
            current, prev = 0, "scale"
        else:
            return None
    return total + current if prev is not None else None


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2099


def _blocked_one(text: str, m: re.Match) -> bool:
    """"one" that is a pronoun or an idiom: "the one", "one another", "at one point"."""
    before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
    after = _WORD_AFTER.match(text, m.end())
    return bool(
        (before and before.group(1).lower() in _ONE_BLOCKED_BEFORE)
        or (after and after.group(1).lower() in _ONE_BLOCKED_AFTER)
    )


def _not_a_count(text: str, m: re.Match, first: str, last_end: int) -> bool:
    """Numbers that are years, ids, measures, times, money or parts of compounds."""
    if first[0].isdigit():
        if _ID_BEFORE.search(text, max(0, m.start() - 16), m.start("n1") if m.group("n1") else m.start()):
            return True
    if _MEASURE_AFTER.match(text, last_end) or _HYPHEN_COMPOUND.match(text, last_end):
        return True
    return False


def _quantity(m: re.Match) -> Quantity | None:
    """Value and qualifier of one match; None when the match is not a count."""
    text, g = m.string, m.group
    span = (m.start(), m.end(), m.group())
    if g("none"):
        return Quantity(*span, 0, 0, "none")
    if g("vague") or g("vadj"):
        return Quantity(*span, None, None, "vague")
    if g("b1"):
        low, high = parse_number(g("b1")), parse_number(g("b2"))
        if low is None or high is None or _is_year(g("b1")) or _is_year(g("b2")):
            return None
        if _not_a_count(text, m, g("b1"), m.end()):
            return None
        return Quantity(*span, min(low, high), max(low, high), "approx")
    n1, n2, hedge, post = g("n1"), g("n2"), g("hedge"), g("post")
    value = parse_number(n1)
    if value is None:
        return None
    if _not_a_count(text, m, n1, m.end() if post else m.end("n2") if n2 else m.end("n1")):
        return None
    if n1.lower() == "one" and not (hedge or n2 or post) and _blocked_one(text, m):
        return None
    if n2:
        high = parse_number(n2)
        if high is None or _is_year(n1) or _is_year(n2):
            return None
        return Quantity(*span, min(value, high), max(value, high), "approx")
    if _is_year(n1) and not hedge:
        return None
    if value == 0:  # "zero casualties" reads like "no casualties"
        return Quantity(*span, 0, 0, "none")
    kind = _HEDGE_KIND.get(" ".join(hedge.lower().split())) if hedge else None
    post_kind = _POST_KIND.get(" ".join(post.lower().replace("-", " ").split()[:2])) if post else None
    if post_kind == "at_least" or kind == "at_least":
        return Quantity(*span, value, None, "at_least")
    if kind == "over":
        return Quantity(*span, value + 1, None, "over")
    if kind == "at_most":
        return Quantity(*span, None, value, "approx")
    if kind == "below":
        return Quantity(*span, None, value - 1, "approx")
    if kind == "approx" or post_kind == "approx":
        return Quantity(*span, value, value, "approx")
    return Quantity(*span, value, value, "exact")


# A count beyond this is not a count of people, attacks or munitions (an id, a phone number).
_MAX_COUNT = 10**9


def _plausible(q: Quantity) -> bool:
    return all(v is None or v <= _MAX_COUNT for v in (q.low, q.high))


def find_quantities(text: str, *, date_spans: Sequence[tuple[int, int]] | None = None) -> list[Quantity]:
    """Counts in `text`, sorted by start and non-overlapping.

    Numbers inside date mentions are dropped; pass `date_spans` (sorted (start, end) pairs,
    e.g. from an earlier find_dates call on the same text) to skip the date pass.

    >>> [(q.text, q.low, q.high, q.qualifier) for q in find_quantities("At least five fighters were killed.")]
    [('At least five', 5, None, 'at_least')]
    """
    found = [q for m in _quantity_matches(text) if (q := _quantity(m)) is not None and _plausible(q)]
    if not found:
        return []
    if date_spans is None:
        date_spans = [(d.start, d.end) for d in _dates.find_dates(text, published=None)]
    return _outside_dates(found, date_spans)


def _quantity_matches(text: str) -> list[re.Match]:
    """``list(_QUANTITY_RE.finditer(text))``, trying the regex only where a quantity can start."""
    found = []
    pos = 0
    match = _QUANTITY_RE.match
    for start in _START_RE.finditer(text):
        p = start.start()
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            found.append(m)
            pos = m.end()
    return found


def _outside_dates(found: list[Quantity], date_spans: Sequence[tuple[int, int]]) -> list[Quantity]:
    """Drop quantities that overlap a date mention ("June 29", "two days ago")."""
    if not date_spans:
        return found
    starts = [s for s, _ in date_spans]
    kept = []
    for q in found:
        i = bisect.bisect_left(starts, q.end) - 1  # last date starting before q ends
        if i >= 0 and date_spans[i][1] > q.start:
            continue
        kept.append(q)
    return kept
