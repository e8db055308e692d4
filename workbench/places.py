"""Places of the conflict (``data/places.yaml``): finding them in text and comparing them.

Two mentions of one attack are often told at different scales ("al-Bukamal", "the
Iraqi-Syrian border"); :func:`compatible` says whether one place lies within the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.resources import load_yaml

__all__ = ["Place", "PlaceMention", "find_places", "get_place", "compatible", "all_places"]


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
    out = []
    for ch in alias:
        if ch in "'’‘":
            out.append("['’‘]?")
        elif ch in " -":
            out.append(r"[\s-]")
        else:
            out.append(re.escape(ch))
    body = "".join(out)
    # "al-" is optional at the start of a name.
    body = re.sub(r"^(?:al|Al)\\?\[\\s-\]", "", body)
    if re.match(r"(?i)al[ -]", alias):
        body = r"(?:al[\s-])?" + body
    return body


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Place], re.Pattern, dict[str, str]]:
    places: dict[str, Place] = {}
    alts: list[tuple[str, str]] = []  # (regex, place name)
    for entry in load_yaml("places.yaml"):
        place = Place(entry["name"], entry["kind"], tuple(entry.get("within", ())), bool(entry.get("hosts_us")))
        places[place.name] = place
        for alias in entry.get("aliases", ()):
            alts.append((_alias_regex(alias), place.name))
        for pat in entry.get("patterns", ()):
            alts.append((pat.replace(r"\b", ""), place.name))
    # Longest aliases first so "Erbil International Airport" beats "Erbil".
    alts.sort(key=lambda a: -len(a[0]))
    groups = {}
    parts = []
    for i, (rx, name) in enumerate(alts):
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


def _ancestors(name: str) -> set[str]:
    places = _index()[0]
    seen, todo = set(), [name]
    while todo:
        n = todo.pop()
        if n in seen:
            continue
        seen.add(n)
        p = places.get(n)
        if p:
            todo.extend(p.within)
    return seen


def compatible(a: str | None, b: str | None) -> bool:
    """True when either is unknown, or one place lies within the other."""
    if not a or not b:
        return True
    return a == b or a in _ancestors(b) or b in _ancestors(a)


def specificity(name: str | None) -> int:
    """How narrow a place is: the length of its chain of containing places."""
    return len(_ancestors(name)) if name else 0
