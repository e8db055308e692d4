"""Places of the conflict (``data/places.yaml``): finding them in text and comparing them.

Two mentions of one attack are often told at different scales ("al-Bukamal", "the
Iraqi-Syrian border"); :func:`compatible` says whether one place lies within the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.actors import first_word_forms, words_regex
from workbench.resources import load_yaml

__all__ = ["Place", "PlaceMention", "find_places", "get_place", "compatible", "near", "all_places"]


@dataclass(frozen=True)
class Place:
    name: str
    kind: str
    within: tuple[str, ...] = ()
    hosts_us: bool = False


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place


def _alias_regex(alias: str) -> str:
    body = "".join(_alias_tokens(alias))
    # "al-" is optional at the start of a name.
    body = re.sub(r"^(?:al|Al)\\?\[\\s-\]", "", body)
    if re.match(r"(?i)al[ -]", alias):
        body = r"(?:al[\s-])?" + body
    return body


def _alias_tokens(text: str) -> list[str]:
    out = []
    for ch in text:
        if ch in "'’‘":
            out.append("['’‘]?")
        elif ch in " -":
            out.append(r"[\s-]")
        else:
            out.append(re.escape(ch))
    return out


def _alias_paths(alias: str) -> list[tuple[str, str]] | None:
    """(first letter, regex of the rest) for each way the alias's regex can start.

    Mirrors :func:`_alias_regex`: the optional "al-" gives a path starting with "a". None
    when the alias does not start with a plain letter (then the dispatch is not used).
    """
    if re.match(r"(?i)al[ -]", alias):
        if alias[:2] not in ("al", "Al"):
            return None  # "AL-": _alias_regex keeps it after the optional prefix; not dispatched
        core = alias[3:]
        paths = [("a", "l" + r"[\s-]" + "".join(_alias_tokens(core)))]
    else:
        core, paths = alias, []
    if not core or not core[0].isalpha():
        return None
    paths.append((core[0].casefold(), "".join(_alias_tokens(core[1:]))))
    return paths


# Look-behinds at the start of a raw pattern ("(?<!Bashar )Al[- ]Asad")
_LEADING_LOOKBEHINDS = re.compile(r"((?:\(\?<[!=][^()]*\))*)(.*)", re.S)


def _pattern_paths(pat: str) -> list[tuple[str, str]] | None:
    """The same for a raw pattern from places.yaml, when it starts with one plain letter
    (after look-behinds, which are then checked after that letter, with it: "(?<!Bashar A)")."""
    behind, body = _LEADING_LOOKBEHINDS.fullmatch(pat.replace(r"\b", "")).groups()
    if len(body) > 1 and body[0].isalpha() and body[1] not in "?*+{" and body[0].isascii():
        letter = body[0]
        after = re.sub(r"\(\?<([!=])([^()]*)\)", lambda m: f"(?<{m.group(1)}{m.group(2)}{re.escape(letter)})", behind)
        return [(letter.casefold(), after + body[1:])]
    return None


def _first_word_gate(first_words: set[str], raw_patterns: list[str]) -> str:
    """A look-ahead that most words fail within a few characters: the first word of some
    alias, or one of the raw patterns (whose spellings are not listed)."""
    if "" in first_words:
        return ""
    alts = [words_regex({(w,) for w in first_words})] + ["(?i:" + p + ")" for p in raw_patterns]
    return "(?=" + "|".join(alts) + ")"


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], re.Pattern, dict[str, str]]:
    places: dict[str, Place] = {}
    alts: list[tuple[str, str, list | None]] = []  # (regex, place name, dispatch paths)
    first_words = {"al"}  # how the first word of a match can read (lower case)
    raw_patterns = []
    for entry in load_yaml("places.yaml"):
        place = Place(entry["name"], entry["kind"], tuple(entry.get("within", ())), bool(entry.get("hosts_us")))
        places[place.name] = place
        for alias in entry.get("aliases", ()):
            alts.append((_alias_regex(alias), place.name, _alias_paths(alias)))
            words = re.split(r"[ -]", alias)
            first_words |= first_word_forms(words[1] if words[0].lower() == "al" and len(words) > 1 else words[0])
        for pat in entry.get("patterns", ()):
            alts.append((pat.replace(r"\b", ""), place.name, _pattern_paths(pat)))
            raw_patterns.append(pat.replace(r"\b", ""))
    # Longest aliases first so "Erbil International Airport" beats "Erbil".
    alts.sort(key=lambda a: -len(a[0]))
    groups = {}
    if all(paths for _, _, paths in alts):
        # Dispatch on the first letter: every top-level branch starts with a character class
        # ([Ee]) that sre checks before entering it, so a word start costs a few set lookups
        # instead of trying every alias. Within a letter the aliases keep their order, so
        # the match (leftmost, first alternative) is the same as one plain alternation.
        by_letter: dict[str, list[str]] = {}
        for i, (_rx, name, paths) in enumerate(alts):
            for j, (letter, rest) in enumerate(paths):
                gname = f"p{i}_{j}"
                groups[gname] = name
                by_letter.setdefault(letter, []).append(f"(?P<{gname}>{rest})")
        parts = []
        for letter in sorted(by_letter):
            cls = "[" + re.escape(letter) + re.escape(letter.upper()) + "]"
            parts.append(cls + "(?i:" + "|".join(by_letter[letter]) + ")")
        pattern = re.compile(r"(?<![\w-])" + _first_word_gate(first_words, raw_patterns)
                             + "(?:" + "|".join(parts) + r")(?![\w-])")
        return places, pattern, groups
    parts = []
    for i, (rx, name, _paths) in enumerate(alts):
        groups[f"p{i}"] = name
        parts.append(f"(?P<p{i}>{rx})")
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.I)
    return places, pattern, groups


def all_places() -> dict[str, Place]:
    return dict(_index()[0])


def get_place(name: str | None) -> Place | None:
    return _index()[0].get(name) if name else None


def find_places(text: str) -> list[PlaceMention]:
    """Every place named in ``text``, leftmost-longest, in order.

    >>> [m.place.name for m in find_places("Rockets hit Ain al-Assad air base in Anbar.")]
    ['Ain al-Asad air base', 'Anbar']
    """
    places, pattern, groups = _index()
    out = []
    for m in pattern.finditer(text):
        name = groups[m.lastgroup]
        out.append(PlaceMention(m.start(), m.end(), m.group(), places[name]))
    return out


@lru_cache(maxsize=None)  # asked for the same few places again and again
def _ancestors(name: str) -> frozenset[str]:
    places = _index()[0]
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        p = places.get(n)
        # A border lies in both its countries, but what lies on a border is only in the
        # countries it names itself: Tower 22 (Jordan) is not in Syria.
        if p and (n == name or p.kind != "border"):
            todo.extend(p.within)
    return frozenset(seen)


def compatible(a: str | None, b: str | None) -> bool:
    """True when either is unknown, or one place lies within the other."""
    if not a or not b:
        return True
    return a == b or a in _ancestors(b) or b in _ancestors(a)


def specificity(name: str | None) -> int:
    """How narrow a place is: the length of its chain of containing places."""
    return len(_ancestors(name)) if name else 0


@lru_cache(maxsize=None)
def _borders(name: str) -> frozenset[str]:
    """The countries of the borders a place lies on (Tower 22: Jordan and Syria)."""
    places = _index()[0]
    return frozenset(c for n in _ancestors(name) if n in places and places[n].kind == "border" for c in places[n].within)


def near(a: str | None, b: str | None) -> bool:
    """Compatible, or both within one place narrower than a country ("al-Qaim" and
    "al-Bukamal" both lie on the Iraq-Syria border), or one a country on whose border the
    other lies (an outpost on the Jordan-Syria border is told "in Jordan" by one side and
    "in Syria" by the other)."""
    if compatible(a, b):
        return True
    places = _index()[0]
    shared = (_ancestors(a) & _ancestors(b)) - {a, b}
    return any(places[n].kind != "country" for n in shared if n in places) or a in _borders(b) or b in _borders(a)
