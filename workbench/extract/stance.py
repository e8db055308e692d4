"""Stance and escalation of a quote, from a weighted phrase lexicon (``data/stance.yaml``).

Each cue found in the quote adds its weight to its class (escalatory, deescalatory,
condemnatory); cues in the attribution context ("vowed", "condemned") count at a fraction
of their weight. A negator shortly before a cue in the same clause moves it to another class
("not seeking revenge" is deescalatory); a cue may set its own negation reach and flip
("will not allow the country to become a battlefield" calms, "made it a battlefield" is a
charge). A few cues read differently for one speaker side
(``by_side``: "enemy" is a plain label in a US spokesman's mouth; "occupation" language
justifies armed resistance when a faction uses it). A cue of class ``none`` is a plain reading
that hides the shorter cues inside it ("the martyrdom of one of our fighters" reports a death). The class with the highest total wins
when it reaches ``min_score``; otherwise the quote is informational. The formula for
``escalation`` is documented at the top of the YAML file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from workbench.resources import load_yaml

__all__ = ["Stance", "STANCES", "score_stance"]

STANCES = ("escalatory", "deescalatory", "condemnatory", "informational")
_CLASSES = ("escalatory", "deescalatory", "condemnatory")


@dataclass(frozen=True)
class Stance:
    stance: str
    escalation: float  # in (-1, 1); positive = threatening
    cues: tuple[str, ...]  # matched cues, quote first then context, each in text order


@dataclass(frozen=True)
class _Cue:
    cls: str
    weight: float
    by_side: tuple[tuple[str, str], ...]
    negated_form: bool  # the cue itself starts with a negator ("not interested in")
    negatable: bool = True  # False: a label a negator before it does not reverse ("occupation")
    flip: tuple[tuple[str, str], ...] = ()  # per-cue negation_flip, over the global one
    window: int = 0  # per-cue negation_window (0: the global one)

    def class_for(self, side: str | None) -> str | None:
        for s, c in self.by_side:
            if s == side:
                return None if c == "none" else c
        return None if self.cls == "none" else self.cls


@dataclass(frozen=True)
class _Lexicon:
    quote_re: _Matcher
    quote_cues: tuple[_Cue, ...]
    context_re: _Matcher
    context_cues: tuple[_Cue, ...]
    negator_re: re.Pattern[str]
    break_re: re.Pattern[str]
    window: int
    flip: dict[str, str]
    context_weight: float
    min_score: float
    condemn_share: float
    tie_order: dict[str, tuple[str, ...]]
    threat_re: re.Pattern[str] | None
    threat_weight: float


_BOUND_L = r"(?<![\w’'-])"
_BOUND_R = r"(?![\w’'-])"
_WORD = re.compile(r"[\w’'-]+")


def _word_pattern(word: str) -> str:
    if word == "...":
        return r"(?:[\w’'-]+\s+){0,3}?"
    lead = word.startswith("*")
    trail = word.endswith("*")
    core = "".join("['’]" if ch in "'’" else re.escape(ch) for ch in word.strip("*"))
    return (r"[\w’'-]*" if lead else "") + core + (r"[\w’'-]*" if trail else "")


def _phrase_pattern(phrase: str) -> str:
    words = phrase.split()
    out = ""
    for i, w in enumerate(words):
        p = _word_pattern(w)
        if w == "...":
            out += p
        else:
            out += p + (r"\s+" if i + 1 < len(words) else "")
    return _BOUND_L + out + _BOUND_R


class _Matcher:
    """Leftmost-longest cue matching without one giant alternation: each word of the text
    is looked up by its first letters in a small index of cue patterns (fast on long text)."""

    def __init__(self, patterns: list[tuple[str, re.Pattern[str]]]) -> None:
        self.buckets: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        self.anywhere: list[tuple[int, re.Pattern[str]]] = []  # cues opening with "*"
        self._by_key: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for idx, (first, pat) in enumerate(patterns):
            if not first:
                self.anywhere.append((idx, pat))
            else:
                self.buckets.setdefault(first[:3], []).append((idx, pat))

    def candidates(self, key: str) -> list[tuple[int, re.Pattern[str]]]:
        """The cue patterns to try on a word starting with ``key`` (its first three letters,
        lower case), in cue order; kept per key, as words repeat."""
        found = self._by_key.get(key)
        if found is None:
            cands = [c for k in {key[:1], key[:2], key[:3]} for c in self.buckets.get(k, ())]
            found = self._by_key[key] = sorted(cands + self.anywhere, key=lambda c: c[0])
        return found

    def finditer(self, text: str):
        """(start, end, cue index) of non-overlapping cues, leftmost-longest, in text order."""
        pos = 0
        for w in _WORD.finditer(text):
            if w.start() < pos:
                continue
            best = None
            for idx, pat in self.candidates(w.group().lower().replace("’", "'")[:3]):
                m = pat.match(text, w.start())
                if m and (best is None or m.end() > best[1]):
                    best = (m.start(), m.end(), idx)
            if best is not None:
                pos = best[1]
                yield best


def _compile(entries: list[dict[str, Any]], negators: list[str]) -> tuple[_Matcher, tuple[_Cue, ...]]:
    neg_first = {n.strip("*").lower() for n in negators}
    patterns, cues = [], []
    for e in entries:
        phrase = str(e["cue"])
        head = phrase.split()[0]
        first = "" if head.startswith("*") else head.strip("*").lower().replace("’", "'")
        patterns.append((first, re.compile(_phrase_pattern(phrase), re.I)))
        cues.append(
            _Cue(
                cls=e["class"],
                weight=float(e["weight"]),
                by_side=tuple(sorted((str(k), str(v)) for k, v in (e.get("by_side") or {}).items())),
                negated_form=head.strip("*").lower() in neg_first,
                negatable=bool(e.get("negatable", True)),
                flip=tuple(sorted((str(k), str(v)) for k, v in (e.get("negation_flip") or {}).items())),
                window=int(e.get("negation_window", 0)),
            )
        )
    return _Matcher(patterns), tuple(cues)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    d: dict[str, Any] = load_yaml("stance.yaml")
    negators = [str(n) for n in d["negators"]]
    q_re, q_cues = _compile(d["cues"], negators)
    c_re, c_cues = _compile([*d["cues"], *d["context_cues"]], negators)
    neg = "|".join(f"(?:{_phrase_pattern(n)})" for n in sorted(negators, key=len, reverse=True))
    brk = "|".join(f"(?:{_phrase_pattern(str(b))})" for b in d["clause_breaks"])
    return _Lexicon(
        quote_re=q_re,
        quote_cues=q_cues,
        context_re=c_re,
        context_cues=c_cues,
        negator_re=re.compile(neg, re.I),
        break_re=re.compile(r"[,;:.!?…()\[\]]|" + brk, re.I),
        window=int(d["negation_window"]),
        flip={str(k): str(v) for k, v in d["negation_flip"].items()},
        context_weight=float(d["context_weight"]),
        min_score=float(d["min_score"]),
        condemn_share=float(d["condemn_share"]),
        tie_order={str(k): tuple(v) for k, v in d["tie_order"].items()},
        threat_re=_threat_pattern(d.get("threat_rule")),
        threat_weight=float((d.get("threat_rule") or {}).get("weight", 1.0)),
    )


def _threat_pattern(rule: dict[str, Any] | None) -> re.Pattern[str] | None:
    """Modal, up to ``window`` words (group 1), response word (group 2)."""
    if not rule:
        return None
    modals = []
    for m in rule["modals"]:
        m = str(m)
        modals.append(r"(?<=\w)['’]ll" if m in ("'ll", "’ll") else _phrase_pattern(m))
    resp = "|".join(f"(?:{_phrase_pattern(str(r))})" for r in rule["responses"])
    gap = r"((?:\s+[\w’'-]+){0,%d}?)" % int(rule["window"])
    return re.compile("(?:" + "|".join(modals) + ")" + gap + r"\s+(" + resp + ")", re.I)


def _threats(lex: _Lexicon, text: str, totals: dict[str, float], found: list[str]) -> None:
    """The general threat rule: "will/shall ... respond/answer/avenge" (see stance.yaml)."""
    if lex.threat_re is None:
        return
    for m in lex.threat_re.finditer(text):
        neg = lex.negator_re.search(m.group(1) or "")
        cls = lex.flip.get("escalatory", "none") if neg else "escalatory"
        if cls == "none":
            continue
        label = ("not…" if neg else "") + re.sub(r"\s+", " ", m.group().split()[0] + "…" + m.group(2))
        totals[cls] += lex.threat_weight
        found.append(label)


def _negator_before(lex: _Lexicon, text: str, start: int, since: int, carry: str | None, window: int = 0) -> str | None:
    """The negator within ``window`` words before ``start`` in the same clause, if any.

    The words of an earlier cue (from ``since`` back) negate nothing, except that a cue which
    is itself a negation ("nobody is interested in") reaches the next cue (``carry``).
    """
    window = window or lex.window
    words = list(_WORD.finditer(text, max(0, start - 20 * window), start))[-window:]
    if not words:
        return None
    a = words[0].start()
    breaks = list(lex.break_re.finditer(text, a, start))
    if breaks:
        a = breaks[-1].end()
    found = None
    for m in lex.negator_re.finditer(text, max(a, since), start):
        found = m
    if found is not None:
        return found.group()
    if carry is not None and since > a:
        return carry
    return None


def _scan(lex: _Lexicon, text: str, pattern, cues, side, factor, totals, found) -> None:
    since, carry = 0, None
    for start, end, idx in pattern.finditer(text):
        cue = cues[idx]
        cls = cue.class_for(side)
        label = re.sub(r"\s+", " ", text[start:end])
        neg = None if cue.negated_form or not cue.negatable else _negator_before(lex, text, start, since, carry, cue.window)
        # a negation reaches on to the next cue of the same clause ("not bloodthirsty warmongers")
        since, carry = end, (label.split()[0] if cue.negated_form else neg)
        if cls is None:
            continue
        if neg is not None:
            cls = dict(cue.flip).get(cls) or lex.flip.get(cls, "none")
            label = f"{neg}…{label}"
            if cls == "none":
                continue
        totals[cls] += cue.weight * factor
        found.append(label)


def score_stance(quote_text: str, *, context: str = "", speaker_side: str | None = None) -> Stance:
    """Stance of a quote, its escalation score and the cues that decided it.

    >>> score_stance("We will avenge the blood of our martyrs").stance
    'escalatory'
    >>> score_stance("Nobody is interested in escalating tensions").stance
    'deescalatory'
    >>> score_stance("We are still assessing the damage").stance
    'informational'
    """
    lex = _lexicon()
    side = speaker_side or None
    totals = {c: 0.0 for c in _CLASSES}
    found: list[str] = []
    _scan(lex, quote_text or "", lex.quote_re, lex.quote_cues, side, 1.0, totals, found)
    _threats(lex, quote_text or "", totals, found)
    if context:
        _scan(lex, context, lex.context_re, lex.context_cues, side, lex.context_weight, totals, found)
    best = max(totals.values())
    if best < lex.min_score:
        stance = "informational"
    else:
        order = lex.tie_order.get(side or "", lex.tie_order["default"])
        stance = next(c for c in order if abs(totals[c] - best) < 1e-9)
    raw = totals["escalatory"] - totals["deescalatory"] + lex.condemn_share * totals["condemnatory"]
    escalation = round(raw / (1.0 + abs(raw)), 3) if found else 0.0
    return Stance(stance, escalation, tuple(found))
