"""Exact cheap pre-checks for keyword gates (regexes searched in every sentence).

Python's ``re`` tries a case-insensitive alternation such as ``attack|strik|\\bhit\\b|...``
at every position of the text (about 40 µs per sentence for the events gate), while most
sentences hold none of its words. :func:`required_needles` reads a compiled pattern's
syntax tree and works out a set of lower-case strings one of which every match must
contain; :class:`Prefiltered` first looks for those strings in the lower-cased sentence
(one regex of plain literals, which ``re`` scans in C by first character) and runs the
original pattern only where one is found. With pyahocorasick installed, the needles of
every gate are looked for in one pass (an Aho-Corasick automaton in C) and the answer kept
per sentence, so the gates asking about the same sentence share it. The answer is always
the original pattern's:

* a needle is made only of ASCII characters read from literals of the pattern, lower-cased;
  a literal a case-insensitive pattern matches is then the same letter in either case, or
  one of four non-ASCII characters that case-fold to an ASCII letter (İ, ı, ſ and the
  Kelvin sign): a text holding one of those is always given to the original pattern;
* anything the reader does not understand (a class, a back-reference, a repeat that may be
  skipped) gives no requirement, and a pattern with no requirement is never pre-checked.
"""

from __future__ import annotations

import re

try:  # Python >= 3.11
    from re import _constants as _C
    from re import _parser as _P
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = ["required_needles", "Prefiltered", "prefiltered", "CASE_FOLDS_TO_ASCII"]

#: Non-ASCII characters that a case-insensitive ASCII letter matches (checked by a test).
CASE_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
_ODD = re.compile(f"[{CASE_FOLDS_TO_ASCII}]")
_MAX_EXACT = 64  # largest set of exact strings followed through a concatenation

_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}
_REPEATS = {_C.MAX_REPEAT, _C.MIN_REPEAT} | ({_C.POSSESSIVE_REPEAT} if hasattr(_C, "POSSESSIVE_REPEAT") else set())


def _best(cands: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective requirement: longest shortest needle, then fewest needles."""
    cands = [c for c in cands if c and "" not in c]
    if not cands:
        return None
    return max(cands, key=lambda c: (min(map(len, c)), -len(c)))


def _info(items) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """(exact, need) of a sequence of parsed items.

    ``exact``: every string the sequence can match, lower-cased (None when not a small
    finite set of ASCII strings); ``need``: strings one of which every match contains.
    """
    cur: frozenset[str] | None = frozenset({""})
    whole = True  # the sequence so far is exactly described by cur
    cands: list[frozenset[str]] = []
    for op, av in items:
        ex, need = _item(op, av)
        if ex is not None and cur is not None and len(cur) * len(ex) <= _MAX_EXACT:
            cur = frozenset(a + b for a in cur for b in ex)
            continue
        # The run of exact pieces ends here.
        if cur is not None:
            cands.append(cur)
        whole = False
        if ex is not None:
            cur = ex
        else:
            cur = frozenset({""})
            if need is not None:
                cands.append(need)
    if cur is not None:
        cands.append(cur)
    exact = cur if whole else None
    return exact, _best(cands)


def _item(op, av) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    if op is _C.LITERAL:
        ch = chr(av)
        if ch.isascii():
            low = ch.lower()
            return frozenset({low}), frozenset({low})
        return None, None
    if op in _ZERO_WIDTH:
        return frozenset({""}), None
    if op is _C.SUBPATTERN:
        return _info(av[-1])
    if op is getattr(_C, "ATOMIC_GROUP", None):
        return _info(av)
    if op is _C.BRANCH:
        exacts, needs = [], []
        for alt in av[1]:
            ex, need = _info(alt)
            exacts.append(ex)
            needs.append(ex if ex is not None and "" not in ex else need)
        exact = None
        if all(e is not None for e in exacts):
            exact = frozenset().union(*exacts)
            if len(exact) > _MAX_EXACT:
                exact = None
        need = None if any(n is None or "" in n for n in needs) else frozenset().union(*needs)
        return exact, need
    if op in _REPEATS:
        lo, hi, sub = av
        ex, need = _info(sub)
        if lo == 0:
            if hi == 1 and ex is not None:
                return ex | {""}, None
            return None, None
        if lo == hi == 1:
            return ex, need if need is not None else (ex if ex is not None and "" not in ex else None)
        return None, need if need is not None else (ex if ex is not None and "" not in ex else None)
    return None, None  # classes, any character, back-references, conditionals


def required_needles(pattern: re.Pattern | str) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``pattern`` contains, or None.

    >>> sorted(required_needles(re.compile(r"kill|\\bhit\\b|dead", re.I)))
    ['dead', 'hit', 'kill']
    """
    if isinstance(pattern, re.Pattern):
        if not isinstance(pattern.pattern, str):
            return None
        parsed = _P.parse(pattern.pattern, pattern.flags)
    else:
        parsed = _P.parse(pattern, 0)
    exact, need = _info(list(parsed))
    if exact is not None and "" not in exact:
        need = _best([exact, *([need] if need else [])])
    if need is None:
        return None
    # A needle holding another is implied by it.
    return frozenset(n for n in need if not any(m != n and m in n for m in need))


class _Shared:
    """Every gate's needles in one Aho-Corasick automaton (pyahocorasick): one pass over a
    lower-cased sentence tells which gates may match it, and the answer is kept for the next
    gate asking about the same sentence."""

    def __init__(self) -> None:
        self.gates: list[Prefiltered] = []
        self.automaton = None
        self.cache: dict[str, int] = {}

    def register(self, gate: "Prefiltered") -> int:
        self.gates.append(gate)
        self.automaton = None
        self.cache.clear()
        return 1 << (len(self.gates) - 1)

    def _build(self):
        import ahocorasick

        bits: dict[str, int] = {}
        for gate in self.gates:
            for n in gate.needles or ():
                bits[n] = bits.get(n, 0) | gate.bit
        automaton = ahocorasick.Automaton()
        for n, b in bits.items():
            automaton.add_word(n, b)
        automaton.make_automaton()
        self.automaton = automaton
        return automaton

    def mask(self, s: str) -> int:
        """Bits of the gates whose needles occur in ``s`` (all bits for an odd case fold)."""
        m = self.cache.get(s)
        if m is not None:
            return m
        automaton = self.automaton or self._build()
        m = 0
        for _end, b in automaton.iter(s.lower()):
            m |= b
        if _ODD.search(s) is not None:
            m = -1
        if len(self.cache) >= _CACHE_SIZE:
            self.cache.clear()
        self.cache[s] = m
        return m


_CACHE_SIZE = 4096
_MISSING = object()
try:
    import ahocorasick as _ahocorasick  # noqa: F401

    _SHARED: _Shared | None = _Shared()
except ImportError:  # pragma: no cover - the regex of needles below does the same, slower
    _SHARED = None


class Prefiltered:
    """A compiled pattern whose ``search`` is first tried as a cheap substring check.

    ``search(s)`` returns exactly ``pattern.search(s)``; other attributes are the pattern's.
    """

    __slots__ = ("pattern_", "needles", "bit", "_needle_re", "_found")

    def __init__(self, pattern: re.Pattern, *, shared: bool = False) -> None:
        self.pattern_ = pattern
        self.needles = required_needles(pattern)
        self._needle_re = (
            re.compile("|".join(re.escape(n) for n in sorted(self.needles, key=lambda n: (-len(n), n))))
            if self.needles else None
        )
        # A gate of the extractors (made once, at import) joins the shared automaton.
        self.bit = _SHARED.register(self) if shared and _SHARED is not None and self.needles else 0
        self._found: dict[str, re.Match | None] = {}  # the answers for the last sentences asked about

    def may_match(self, s: str) -> bool:
        """False only when ``pattern`` cannot match anywhere in ``s``."""
        if self.bit:
            return bool(_SHARED.mask(s) & self.bit)
        nr = self._needle_re
        return nr is None or nr.search(s.lower()) is not None or _ODD.search(s) is not None

    def search(self, s: str, *args):
        if args:
            return self.pattern_.search(s, *args)
        if not self.may_match(s):
            return None
        # A sentence is often asked about twice (the tallies read every sentence in two passes).
        found = self._found
        m = found.get(s, _MISSING)
        if m is _MISSING:
            m = self.pattern_.search(s)
            if len(found) >= _CACHE_SIZE:
                found.clear()
            found[s] = m
        return m

    def __reduce__(self):
        # A copy (another process's) never shares this process's automaton and its bits.
        return (Prefiltered, (self.pattern_,))

    def __getattr__(self, name):
        if name.startswith("__") or name in Prefiltered.__slots__:
            raise AttributeError(name)  # not set yet (copy, unpickling): never the pattern's
        return getattr(self.pattern_, name)

    def __repr__(self) -> str:
        return f"Prefiltered({self.pattern_!r})"


def prefiltered(pattern: re.Pattern) -> Prefiltered:
    """``pattern`` as a gate sharing the one automaton of needles (made once per pattern)."""
    return Prefiltered(pattern, shared=True)
