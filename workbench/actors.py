"""Actors gazetteer: resolve mentions ("KH", "Coly. Wayne Marrotto", "al-Kadhemi") to canonical actors.

The data lives in ``workbench/data/actors.yaml``. Matching ignores case (except for short
all-caps acronyms such as ``KH`` or ``US``), apostrophe variants, "al-"/"el-" particles and
hyphen/space differences.

>>> g = load_gazetteer()
>>> g.resolve("Kataib Hezbollah").name
"Kata'ib Hezbollah"
>>> [m.actor.name for m in g.find("Khazali said the PMU would respond.")]
['Qais al-Khazali', 'Popular Mobilization Forces']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterable
from urllib.parse import urlsplit

import yaml

__all__ = [
    "SIDES",
    "KINDS",
    "Actor",
    "Mention",
    "Gazetteer",
    "normalize",
    "load_gazetteer",
    "resolve",
]

SIDES = frozenset({"us", "factions", "iran", "iraq_gov", "syria", "russia", "civilians", "media", "unknown"})
KINDS = frozenset({"faction", "person", "agency", "government", "military", "outlet", "group"})

DEFAULT_PATH = Path(__file__).parent / "data" / "actors.yaml"

# Apostrophe-like characters seen in transliterations (Kata'ib, Kata’ib, Kata‘ib, ʿAskari).
_APOS_CHARS = "'’‘`ʼʻʿʾ′´"
_APOS_CLASS = "[" + re.escape(_APOS_CHARS) + "]"
_APOS_RE = re.compile(_APOS_CLASS)
# Separators folded to one space by normalize(): hyphens and dashes, slashes, brackets, commas.
_SEP_RE = re.compile(r"[\s\-‐‑‒–—/(),;:\"“”]+")
# Dots vanish ("U.S." == "US", "Col." == "Col").
_DOT_RE = re.compile(r"\.")
# Arabic article particles dropped as whole tokens once hyphens are folded ("al-Haq" -> "haq").
_PARTICLES = frozenset({"al", "el"})
# Separators between alias tokens in find(): spaces and hyphen-like dashes.
_JOIN = r"[\s\-‐‑–]+"
# Optional "al-"/"el-" before any alias token in find().
_AL = r"(?:[AaEe][Ll][\s\-‐‑–]+)?"
# Trailing English possessive removed by resolve() ("Kirby's", "Iraq’s").
_POSSESSIVE_RE = re.compile(_APOS_CLASS + r"s?\s*$")
# A mention that starts with the particle ("Al-Monitor", "al Mayadeen").
_PARTICLE_START_RE = re.compile(r"\s*[AaEe][Ll][\s\-‐‑–]+")
# Outer punctuation and quote marks around a mention.
_EDGE_PUNCT = " \t\r\n,;:!?\"“”«»()[]"


@dataclass(frozen=True)
class Actor:
    """One canonical actor of the conflict."""

    name: str
    kind: str
    side: str
    aliases: tuple[str, ...]
    affiliation: str | None = None
    role: str | None = None
    domains: tuple[str, ...] = ()
    resolve_only: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """An alias of ``actor`` found at ``text[start:end]`` of the original text."""

    start: int
    end: int
    text: str
    actor: Actor


@lru_cache(maxsize=1 << 16)  # the same names recur in every article
def normalize(s: str) -> str:
    """Comparison key: casefold, no diacritics/apostrophes/dots, no "al-"/"el-", single spaces.

    >>> normalize("Kata’ib Sayyid al-Shuhada")
    'kataib sayyid shuhada'
    >>> normalize("U.S.-led  Coalition")
    'us led coalition'
    """
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _APOS_RE.sub("", s.casefold())
    s = _DOT_RE.sub("", s)
    return " ".join(tok for tok in _SEP_RE.sub(" ", s).split() if tok not in _PARTICLES)


def _is_acronym(alias: str) -> bool:
    """Short all-caps (or mixed-case like "DoD") single tokens match case-sensitively only."""
    letters = [ch for ch in alias if ch.isalpha()]
    if not letters or len(letters) > 5 or any(ch.isspace() for ch in alias):
        return False
    return all(ch.isupper() for ch in letters) or any(ch.isupper() for ch in letters[1:])


def _acronym_key(s: str) -> str:
    """Case-preserving key for acronyms: only dots, apostrophes and separators removed."""
    return _SEP_RE.sub("", _APOS_RE.sub("", _DOT_RE.sub("", s)))


def _tokens(alias: str) -> list[str]:
    """Alias split on spaces/hyphens with "al"/"el" particles removed."""
    return [t for t in re.split(_JOIN, alias.strip()) if t and t.casefold() not in _PARTICLES]


def _token_pattern(token: str) -> str:
    """Regex for one token: apostrophes become optional variants; dots are all there or all
    gone ("U.S." or "US", never "US." which would swallow a full stop)."""
    if "." in token and token.strip("."):
        dotted = "".join(r"\." if ch == "." else _char_pattern(ch) for ch in token)
        bare = "".join(_char_pattern(ch) for ch in token if ch != ".")
        return "(?:" + dotted + "|" + bare + ")"
    return "".join(_char_pattern(ch) for ch in token)


def _char_pattern(ch: str) -> str:
    return _APOS_CLASS + "?" if ch in _APOS_CHARS else re.escape(ch)


def _needs_particle(alias: str) -> bool:
    """One-word names written with "al-" ("Al-Monitor") keep it: the bare word is too common."""
    raw = [t for t in re.split(_JOIN, alias.strip()) if t]
    return len(raw) == 2 and raw[0].casefold() in _PARTICLES


def _alias_branch(alias: str) -> tuple[str, str] | None:
    """(first character, regex for the rest) of an alias, or None if it has no tokens.

    "al-" is optional before every token, except in one-word names written with it
    ("Al-Monitor"), where the bare word ("monitor") is too often a common word.
    """
    tokens = _tokens(alias)
    if not tokens:
        return None
    if _needs_particle(alias):
        particle = alias.strip()[:2]
        return particle[0], _token_pattern(particle[1:]) + _JOIN + _token_pattern(tokens[0])
    first = tokens[0]
    rest = _token_pattern(first[1:])
    for tok in tokens[1:]:
        rest += _JOIN + _AL + _token_pattern(tok)
    return first[0], rest


# Characters that (?i:x) matches besides x and X (sre's Unicode case folding).
_CASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
_WORD_CHAR_RE = re.compile(r"\w")


def caseless_letter(ch: str) -> str:
    """A character class matching what ``(?i:ch)`` matches, for an ASCII letter ("[kK\u212a]").

    sre skips a branch that starts with a class after one test of the current character;
    a branch that starts with a case-insensitive letter is entered first.
    """
    return "[" + ch.lower() + ch.upper() + _CASE_EXTRA.get(ch.lower(), "") + "]"


def word_forms(token: str) -> tuple[set[str], str]:
    """How a token can read in text up to its first non-word character, in lower case:
    (the partial forms that end at an apostrophe or dot that is written, the form with
    every apostrophe and dot left out). "Kata'ib": ({"kata"}, "kataib"); "U.S.": ({"u",
    "us"}, "us"); "Iraq": (set(), "iraq")."""
    partial, word = set(), ""
    for ch in token.lower():
        if _WORD_CHAR_RE.match(ch):
            word += ch
        else:
            partial.add(word)
    return partial, word


def first_word_forms(token: str) -> set[str]:
    """Every way the first word of ``token`` can read in text (see :func:`word_forms`)."""
    partial, full = word_forms(token)
    return partial | {full}


def words_regex(phrases: set[tuple[str, ...]], *, sep: str = r"\s+") -> str:
    r"""``(?i:...)`` alternation of whole-word phrases (tuples of lower-case words joined
    by ``sep``; no word character may follow), written as a prefix tree so that most
    words fail within a few characters: {("iran",), ("iraq",), ("iraqi",)} gives
    "[iIİı](?i:ra(?:n(?!\w)|q(?:i(?!\w)|(?!\w))))". Top-level branches start with a
    class, which sre tests before entering them."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for i, word in enumerate(phrase):
            if i:
                node = node.setdefault(" ", {})  # the separator
            for ch in word:
                node = node.setdefault(ch, {})
        node[""] = {}  # a phrase ends here: the next character is no word character

    def edge(ch: str) -> str:
        return sep if ch == " " else re.escape(ch)

    def branch(node: dict) -> str:
        alts = [edge(ch) + branch(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(r"(?!\w)")
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    heads = []
    for ch, child in sorted(tree.items()):
        head = caseless_letter(ch) if ch.isascii() and ch.isalpha() else "(?i:" + edge(ch) + ")"
        heads.append(head + "(?i:" + branch(child) + ")")
    return "(?:" + "|".join(heads) + ")"


def _alias_starts(alias: str) -> set[tuple[str, ...]]:
    """How the first one or two words of an alias's match can read (for the look-ahead of
    the find regex): the first word alone when it is the whole alias or is written with an
    apostrophe or dot; else the first two words."""
    tokens = _tokens(alias)
    partial, full = word_forms(tokens[0])
    starts = {(w,) for w in partial}
    second = first_word_forms(tokens[1]) if len(tokens) > 1 else {""}
    if "" in second:  # one word, or the second opens with a sign ("Stars & Stripes")
        return starts | {(full,)}
    return starts | {(full, w) for w in second}


def _build_find_regex(aliases: Iterable[str], *, use_gate: bool = True) -> re.Pattern[str]:
    """One regex over all aliases, dispatched on the first letter so that `re` skips fast.

    Each top-level branch starts with a character class ([Kk]) which sre checks before
    entering the branch; inside, case-insensitive aliases are ``(?i:...)`` and acronyms use a
    look-behind on the exact first letter. Longer aliases come first (leftmost-longest).
    A look-ahead first checks that the text starts with the first word or two of some alias
    (``use_gate=False`` leaves it out: the same matches, slower).
    """
    groups: dict[str, list[tuple[int, str]]] = {}
    starts = {("al",), ("el",)}  # how the first words of a match can read (lower case)
    for alias in aliases:
        branch = _alias_branch(alias)
        if branch is None:
            continue
        head, rest = branch
        if _is_acronym(alias):
            body = "(?<=" + re.escape(head) + ")" + rest
        else:
            body = "(?i:" + rest + ")" if rest else ""
        groups.setdefault(head.casefold(), []).append((len(alias), body))
        starts |= _alias_starts(alias)
    parts = []
    for key in sorted(groups):
        bodies = sorted(set(groups[key]), key=lambda lb: (-lb[0], lb[1]))
        heads = {key, key.upper()} if key.isalpha() else {key}
        cls = "[" + "".join(re.escape(h) for h in sorted(heads)) + "]"
        alts = "|".join(body for _, body in bodies)
        parts.append(cls + "(?:" + alts + ")")
    # A look-ahead for the first word or two of some alias: most words fail it within a
    # few characters, before the aliases of their letter are tried one by one.
    gate = "" if not use_gate or any(not start[0] for start in starts) else (
        "(?=" + words_regex(starts, sep=_JOIN + _AL) + ")"
    )
    return re.compile(r"(?<!\w)" + gate + _AL + "(?:" + "|".join(parts) + r")(?!\w)")


def _build_prefix_regex(prefixes: Iterable[str]) -> re.Pattern[str]:
    """Leading titles/determiners to drop in resolve(): "Col.", "Lt. Gen.", "Prime Minister", "the"."""
    pats = []
    for p in sorted(set(prefixes), key=lambda s: (-len(s), s)):
        toks = [_token_pattern(t) for t in p.split()]
        pats.append(r"\.?\s+".join(toks) + r"\.?")
    if not pats:
        return re.compile(r"(?!x)x")
    return re.compile(r"^(?:(?:" + "|".join(pats) + r")(?:\s+|,\s*|$))+", re.IGNORECASE)


class Gazetteer:
    """Lookup structures over a tuple of actors."""

    def __init__(self, actors: Iterable[Actor], *, strip_prefixes: Iterable[str] = ()) -> None:
        self.actors: tuple[Actor, ...] = tuple(actors)
        self._by_name: dict[str, Actor] = {}
        self._by_key: dict[str, Actor] = {}
        self._acronyms: dict[str, set[str]] = {}  # normalized key -> case-preserving acronym keys
        self._free_keys: set[str] = set()  # keys of at least one non-acronym alias
        self._bare_keys: set[str] = set()  # keys of at least one alias not needing "al-"
        self._by_domain: dict[str, Actor] = {}
        find_aliases: list[str] = []
        for actor in self.actors:
            if actor.name in self._by_name:
                raise ValueError(f"duplicate actor name: {actor.name!r}")
            self._by_name[actor.name] = actor
            for alias in (actor.name, *actor.aliases, *actor.resolve_only):
                self._add_key(alias, actor)
            find_aliases.extend((actor.name, *actor.aliases))
            for domain in actor.domains:
                self._by_domain[domain.casefold().removeprefix("www.")] = actor
        self._find_aliases = tuple(find_aliases)
        self._prefix_re = _build_prefix_regex(strip_prefixes)

    @cached_property
    def _find_re(self) -> re.Pattern[str]:
        # Built on first use (~1.5 s): loading articles resolves outlets by name only.
        return _build_find_regex(self._find_aliases)

    def _add_key(self, alias: str, actor: Actor) -> None:
        key = normalize(alias)
        if not key:
            return
        other = self._by_key.get(key)
        if other is not None and other is not actor:
            raise ValueError(f"alias {alias!r} maps to both {other.name!r} and {actor.name!r}")
        self._by_key[key] = actor
        if _is_acronym(alias):
            self._acronyms.setdefault(key, set()).add(_acronym_key(alias))
        else:
            self._free_keys.add(key)
        if not _needs_particle(alias):
            self._bare_keys.add(key)

    def _lookup(self, text: str) -> Actor | None:
        key = normalize(text)
        actor = self._by_key.get(key)
        if actor is None:
            return None
        if key not in self._free_keys and _acronym_key(text) not in self._acronyms.get(key, ()):
            return None  # "us" (pronoun) is not "US"
        if key not in self._bare_keys and not _PARTICLE_START_RE.match(text):
            return None  # "monitor" is not "Al-Monitor"
        return actor

    def get(self, name: str) -> Actor:
        """Actor by canonical name; KeyError if unknown."""
        return self._by_name[name]

    def resolve(self, mention: str, *, loose: bool = True) -> Actor | None:
        """Canonical actor for a mention, or None.

        Tries the mention as is, then without leading titles/determiners ("Coly.", "Prime
        Minister", "the") and a trailing possessive. With ``loose`` (default), a longer phrase
        falls back to the aliases found inside it: its first person, else its last actor
        ("Pentagon press secretary John Kirby" -> John Kirby).
        """
        text = mention.strip(_EDGE_PUNCT)
        if not text:
            return None
        for candidate in (text, _POSSESSIVE_RE.sub("", text)):
            actor = self._lookup(candidate)
            if actor is not None:
                return actor
            stripped = self._prefix_re.sub("", candidate)
            if stripped and stripped != candidate:
                actor = self._lookup(stripped)
                if actor is not None:
                    return actor
        if not loose:
            return None
        mentions = self.find(text)
        if not mentions:
            return None
        people = [m.actor for m in mentions if m.actor.kind == "person"]
        return people[0] if people else mentions[-1].actor

    def side_of(self, mention: str) -> str | None:
        """Side of the resolved actor, or None."""
        actor = self.resolve(mention)
        return actor.side if actor is not None else None

    def find(self, text: str) -> list[Mention]:
        """All actor mentions in running text: leftmost-longest, non-overlapping, by start."""
        found = []
        for m in self._find_re.finditer(text):
            actor = self._by_key.get(normalize(m.group()))
            if actor is not None:
                found.append(Mention(m.start(), m.end(), m.group(), actor))
        return found

    def outlet_for(self, *, name: str | None = None, url: str | None = None) -> Actor | None:
        """Outlet by URL domain (subdomains too) or by name; None when unknown."""
        if url:
            actor = self._outlet_by_url(url)
            if actor is not None:
                return actor
        if name:
            actor = self.resolve(name, loose=False)
            if actor is not None and (actor.kind == "outlet" or actor.domains):
                return actor
        return None

    def _outlet_by_url(self, url: str) -> Actor | None:
        netloc = urlsplit(url if "//" in url else "//" + url).hostname or ""
        labels = netloc.casefold().removeprefix("www.").split(".")
        for i in range(len(labels) - 1):
            actor = self._by_domain.get(".".join(labels[i:]))
            if actor is not None:
                return actor
        return None


def _actor_from_entry(entry: dict[str, Any]) -> Actor:
    aliases = tuple(dict.fromkeys(a for a in entry.get("aliases") or () if a != entry["name"]))
    return Actor(
        name=entry["name"],
        kind=entry["kind"],
        side=entry["side"],
        aliases=aliases,
        affiliation=entry.get("affiliation"),
        role=entry.get("role"),
        domains=tuple(entry.get("domains") or ()),
        resolve_only=tuple(entry.get("resolve_only") or ()),
    )


def _read(path: Path) -> Gazetteer:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if isinstance(data, list):  # a bare list of entries is accepted too
        data = {"actors": data}
    actors = [_actor_from_entry(e) for e in data["actors"]]
    return Gazetteer(actors, strip_prefixes=data.get("strip_prefixes") or ())


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return _read(DEFAULT_PATH)


_BRACKETED = re.compile(r"\s*\([^()]*\)")


def bare_name(name: str) -> str:
    """The name without a note in brackets ("(Telegram)", "(translated)"), or the name itself
    when nothing else is left.

    >>> bare_name("Islamic Resistance in Iraq (Telegram)")
    'Islamic Resistance in Iraq'
    """
    return _BRACKETED.sub("", name).strip() or name


# A note in brackets that is not an acronym ("(ANHA)", "(KRSC)" are part of a name)
_NOTE = re.compile(r"\s*\((?![A-Z][A-Z0-9&.\- ]{1,9}\))[^()]*\)")


def without_note(name: str) -> str:
    """The name without a note in brackets, an acronym in brackets kept.

    >>> without_note("Al-Akhbar (English translation)"), without_note("Hawar News Agency (ANHA)")
    ('Al-Akhbar', 'Hawar News Agency (ANHA)')
    """
    return _NOTE.sub("", name).strip() or name


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Gazetteer from ``path``; the packaged default (cached) when None."""
    if path is None:
        return _default()
    return _read(Path(path))


def resolve(mention: str) -> Actor | None:
    """Resolve a mention on the default gazetteer."""
    return _default().resolve(mention)
