"""Article-local person registry: people named in an article who may not be in the gazetteer.

:func:`build_registry` reads the runs of capitalised words of an article and keeps those that
name a person: 2-4 name tokens (Arabic particles such as ``al-``, ``bin``, ``Abu`` included)
with some evidence around them: a title ("Sen.", "Lt. Gen."), a role in a pre-modifier
("Nujaba spokesman X", "Government spokesperson X") or an appositive ("X, a researcher at
Y", "a senior Kataib Hezbollah commander, X"), or a speech verb next to them ("X said",
"said X"). Titles are stripped from the name. Role and affiliation come from the same
pre-modifier and appositive: the affiliation is the gazetteer actor named there, and the
person's side is that actor's side, else the side of nationality and institution words
(``side_words`` in ``data/speech.yaml``: "Iraqi government" -> iraq_gov, "Sen." -> us,
"researcher" -> media), else ``unknown``. Later surname-only mentions ("Sims", "al-Awadi",
"Maj Gen Rasool") resolve to the full name seen in the article.

People already in the gazetteer keep their canonical name; the registry only adds the others.
:func:`person_mentions` turns the registry into gazetteer-style mentions for
:mod:`workbench.extract.quotes`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

from workbench.actors import Actor, Mention
from workbench.resources import load_yaml

__all__ = [
    "Person", "PersonMention", "Registry", "build_registry", "only_titles", "last_faction", "person_mentions",
    "side_from_words", "with_people",
]


@dataclass(frozen=True)
class Person:
    name: str  # full name, titles stripped ("Tom Cotton")
    side: str
    role: str | None  # "spokesman", "researcher", ...
    affiliation: str | None  # canonical gazetteer name of the body in the role phrase


@dataclass(frozen=True)
class PersonMention:
    start: int
    end: int
    text: str
    person: Person
    full: bool  # the full name (True) or a later surname-only reference (False)


@dataclass(frozen=True)
class Registry:
    people: tuple[Person, ...]
    mentions: tuple[PersonMention, ...]  # sorted by start

    def get(self, name: str) -> Person | None:
        for p in self.people:
            if p.name == name:
                return p
        return None


# --------------------------------------------------------------------------- vocabulary

_APOS = "’'"
_TOKEN = r"(?:(?:al|el|Al|El|ad|as|ash|az|ar)[-‐‑])?[A-Z][\w’']*(?:[-‐‑][\w’']+)*\.?"
# _TOKEN, written to start with a character class so that a search skips to the candidate
# characters at once: the same alternatives in the same order (a particle, else a capital)
_TOKEN_FIRST = (
    r"[aeA-Z](?:(?<=a)l[-‐‑][A-Z]|(?<=e)l[-‐‑][A-Z]|(?<=A)l[-‐‑][A-Z]|(?<=E)l[-‐‑][A-Z]|(?<=a)d[-‐‑][A-Z]"
    r"|(?<=a)s[-‐‑][A-Z]|(?<=a)sh[-‐‑][A-Z]|(?<=a)z[-‐‑][A-Z]|(?<=a)r[-‐‑][A-Z]|(?<=[A-Z]))"
    r"[\w’']*(?:[-‐‑][\w’']+)*\.?"
)
assert _TOKEN_FIRST.endswith(_TOKEN[len(r"(?:(?:al|el|Al|El|ad|as|ash|az|ar)[-‐‑])?[A-Z]"):])
_PARTICLE_PREFIX = re.compile(r"^(?:al|el|Al|El|ad|as|ash|az|ar)[-‐‑]")
_KEY_PARTICLE = re.compile(r"\b(?:al|el)[-‐‑ ]")
_SURNAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|az|ar)[-‐‑ ]", re.I)
_WORD = re.compile(r"[\w’'.-]+")
_POSSESSIVE = re.compile(r"[’']s?$")
_PARTY_STATE = re.compile(r"^,?\s*\(?[RD]-[A-Z][a-z]{1,4}\.?")
# (An acronym in brackets is no break: "Kurdistan Region Government (KRG) spokesperson X".)
_BREAK = re.compile(r"[,;:\[\]\n—–\"“”]|\.\s|\((?![A-Z]{2,6}\))|(?<![A-Z])\)")


def _norm(word: str) -> str:
    return word.replace(".", "").replace("’", "'").lower()


@dataclass(frozen=True)
class _Vocab:
    run: re.Pattern[str]
    token: re.Pattern[str]
    titles: frozenset[str]  # normalised, space-joined
    max_title: int
    roles: frozenset[str]
    max_role: int
    modifiers: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    not_name: frozenset[str]
    verb_after: re.Pattern[str]
    verb_before: re.Pattern[str]
    side_words: tuple[tuple[str, re.Pattern[str]], ...]
    max_pre: int
    max_app: int
    group_possessive: re.Pattern[str]  # "the group's", "the movement’s"
    analyst_clause: re.Pattern[str]  # "who studies ..." after a name
    title_firsts: frozenset[str]  # first words of titles and roles


def _side_pattern(words: Sequence[str]) -> re.Pattern[str]:
    exact, folded = [], []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        pat = re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]")
        letters = [c for c in w if c.isalpha()]
        (exact if len(letters) <= 4 and any(c.isupper() for c in w[:4]) else folded).append(pat)
    parts = []
    if exact:
        parts.append("(?:" + "|".join(exact) + ")")
    if folded:
        parts.append("(?i:" + "|".join(folded) + ")")
    return re.compile(r"(?<![\w’'-])(?:" + "|".join(parts) + r")(?![\w’'-]|\.\w)")


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d: dict[str, Any] = load_yaml("speech.yaml")
    p = d["people"]
    particles = [str(x) for x in p["particles"]]
    lower_parts = sorted({x for x in particles if x.islower()}, key=len, reverse=True)
    part = "|".join(re.escape(x) for x in lower_parts)
    run = rf"{_TOKEN_FIRST}(?:[ \t]+(?:(?:{part})[ \t]+)*{_TOKEN})*"
    verbs = sorted({*d["verbs"], *d["after_only"]}, key=len, reverse=True)
    valt = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    titles = frozenset(" ".join(_norm(t) for t in str(x).split()) for x in p["titles"])
    roles = frozenset(str(x).lower() for x in p["roles"])
    return _Vocab(
        run=re.compile(run),
        token=re.compile(rf"{_TOKEN}|(?:{part})(?=[ \t])"),
        titles=titles,
        max_title=max(len(t.split()) for t in titles),
        roles=roles,
        max_role=max(len(r.split()) for r in roles),
        modifiers=frozenset(str(x).lower() for x in p["modifiers"]),
        particles=frozenset(x.lower() for x in particles),
        suffixes=frozenset(_norm(str(x)) for x in p["suffixes"]),
        not_name=frozenset(_norm(str(x)) for x in p["not_name"]),
        verb_after=re.compile(r"[ \t]*(?:,[^,\n]{0,60},[ \t]*)?(?:also[ \t]+)?(?:" + valt + r")(?![\w’'-])", re.I),
        verb_before=re.compile(r"(?<![\w’'-])(?:" + valt + r"|according\s+to)[ \t]*\Z", re.I),
        side_words=tuple((str(e["side"]), _side_pattern([str(w) for w in e["words"]])) for e in d["side_words"]),
        max_pre=int(p["max_premodifier_words"]),
        max_app=int(p["max_appositive_words"]),
        analyst_clause=re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in p["analyst_clauses"]) + r")\b", re.I),
        group_possessive=re.compile(
            r"(?<![\w’'-])(?:the|its)\s+(?:" + "|".join(re.escape(w) for w in d["descriptors"]["group"]) + r")['’]s?(?![\w’'-])", re.I
        ),
        title_firsts=frozenset(t.split(" ")[0] for t in (*titles, *roles)),
    )


def side_from_words(text: str) -> str | None:
    """Side named by nationality/institution/role words in ``text``, or None.

    >>> side_from_words("Iraqi government spokesman"), side_from_words("a researcher at a think tank")
    ('iraq_gov', 'media')
    >>> side_from_words("Sen."), side_from_words("the mourners") is None
    ('us', True)
    """
    if not text:
        return None
    v = _vocab()
    if _PARTY_STATE.search(text):
        return "us"
    for side, pat in v.side_words:
        if pat.search(text):
            return side
    return None


# --------------------------------------------------------------------------- scanning


@dataclass(frozen=True)
class _Cand:
    start: int  # the name core
    end: int
    name: str
    surname: str
    pre: str  # title + pre-modifier words
    app: str  # appositive words
    role: str | None
    affiliation: Actor | None
    evidence: bool


def _clean_token(tok: str) -> str:
    tok = tok.rstrip(".")
    if "'" not in tok and "’" not in tok:
        return tok  # no possessive to remove (most tokens): skip the regex
    return _POSSESSIVE.sub("", tok)


def _title_len(words: list[str], i: int, v: _Vocab) -> int:
    """Length of the longest title or capitalised role starting at words[i], else 0."""
    n = min(v.max_title, len(words) - i)
    if n <= 0:
        return 0
    norms = [_norm(w) for w in words[i : i + n]]
    if " " not in norms[0] and norms[0] not in v.title_firsts:
        return 0  # no title or role starts with this word
    for k in range(n, 0, -1):
        key = " ".join(norms[:k])
        if key in v.titles or key in v.roles:
            return k
    return 0


def only_titles(text: str) -> bool:
    """Is ``text`` nothing but titles ("", "Col.", "Maj. Gen.", "Sheikh")?"""
    v = _vocab()
    words = _WORD.findall(text)
    i = 0
    while i < len(words):
        k = _title_len(words, i, v)
        if not k:
            return False
        i += k
    return True


def _is_name_token(tok: str, v: _Vocab) -> bool:
    core = _clean_token(tok)
    if not core or core.lower() in v.particles:
        return True  # a separate particle ("bin") is allowed inside a name
    if _norm(core) in v.not_name:
        return False
    bare = _PARTICLE_PREFIX.sub("", core)
    if _norm(bare) in v.not_name or not any(c.islower() for c in bare):
        return False
    return len(bare) >= 2


def _after_last_break(text: str, lo: int, hi: int) -> int:
    """Where text[lo:hi] starts again after its last clause break (``lo`` when it has none)."""
    cut = None
    for cut in _BREAK.finditer(text[lo:hi]):
        pass
    return lo + (cut.end() if cut else 0)


def _pre_words(text: str, a: int, v: _Vocab, gaz_spans: list[tuple[int, int]]) -> tuple[int, str]:
    """(start, text) of the pre-modifier before position ``a``: capitalised words, roles and
    modifiers back to a clause break or another kind of word."""
    base = _after_last_break(text, max(0, a - 120), a)
    words = list(_WORD.finditer(text, base, a))
    start = a
    n = 0
    for w in reversed(words):
        tok = w.group().strip(".")
        low = _POSSESSIVE.sub("", tok.lower())
        inside_gaz = any(s <= w.start() < e for s, e in gaz_spans)
        if inside_gaz or tok[:1].isupper() or low in v.roles or low in v.modifiers or low.endswith(("'s", "’s")):
            start = w.start()
            n += 1
            if n >= v.max_pre:
                break
            continue
        break
    return start, text[start:a]


def _appositive_before(text: str, a: int, v: _Vocab) -> tuple[int, str] | None:
    """``a government spokesman, X``: the role phrase before a comma right before ``a``."""
    j = a
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] != ",":
        return None
    j -= 1
    base = _after_last_break(text, max(0, j - 100), j)
    words = list(_WORD.finditer(text, base, j))
    # "said the group's spokesman, X": the role phrase starts after a speech verb
    if len(words) > 1 and v.verb_before.search(text, base, words[1].start()) and words[1].group().lower() in _APPOSITIVE_DET:
        words = words[1:]
    elif len(words) > 2 and v.verb_before.search(text, base, words[2].start()) and words[2].group().lower() in _APPOSITIVE_DET:
        words = words[2:]  # "according to the ..."
    lows = [w.group().lower() for w in words]
    # ... after a determiner or a possessor: "Iran's ambassador to the United Nations, X", or
    # a role opening the sentence: "Member of the parliamentary security committee, X, said"
    if not lows or not (
        lows[0] in _APPOSITIVE_DET or _POSSESSIVE.search(lows[0]) or (lows[0] in v.roles and _opens_sentence(text, words[0].start()))
    ):
        return None
    # the role ends the phrase, or heads it: "the chairman of the parliamentary committee, X"
    # (one modifier may come first: "the deputy commander of the movement's drone unit, X")
    if not (lows[-1] in v.roles and len(lows) <= v.max_pre + 1) and not (
        len(lows) <= v.max_app
        and any(lows[i] in v.roles and lows[i + 1] in ("of", "for", "at", "to") for i in (0, 1, 2) if i + 1 < len(lows))
    ):
        return None
    return words[0].start(), text[words[0].start() : j]


_APPOSITIVE_DET = frozenset({"a", "an", "the", "its", "his", "their"})


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t")
    return pos == 0 or not before or before[-1] in "\n.!?"


def _appositive_after(text: str, b: int, v: _Vocab) -> str:
    """``X, a researcher at Y,``: the role phrase after a comma right after ``b``."""
    m = _PARTY_STATE.match(text, b)
    if m:
        return m.group()
    i = b
    if i >= len(text) or text[i] != ",":
        return ""
    i += 1
    m = re.compile(r"[^,;:()\n“”\"]{1,160}").match(text, i)
    if not m:
        return ""
    seg = m.group()
    dot = re.search(r"\.(?:\s|$)", seg)
    if dot:
        seg = seg[: dot.start()]
    words = _WORD.findall(seg)
    if v.analyst_clause.match(seg):
        return " ".join(words[: v.max_app])  # "who studies armed groups at ...": its first words tell
    # "a former officer who now studies the militias at a think tank": the role phrase ends
    # where a relative clause starts (its words still tell the side)
    rel = _RELATIVE.search(seg)
    head = _WORD.findall(seg[: rel.start()]) if rel else words
    if not words or len(head) > v.max_app:
        return ""
    lows = [w.lower().strip(".") for w in words]
    if not any(w in v.roles for w in lows[:6]):
        return ""
    vm = v.verb_after.search(seg)
    if vm and vm.start() == 0:
        return ""
    return seg.strip()


_RELATIVE = re.compile(r"\s(?:who|whom|whose|which|that)\s", re.I)


def _role_in(words: Sequence[str], v: _Vocab, *, last: bool) -> str | None:
    lows = [w.lower().strip(".,") for w in words]
    idx = range(len(lows) - 1, -1, -1) if last else range(len(lows))
    for i in idx:
        for k in range(min(v.max_role, len(lows) - i), 0, -1):
            key = " ".join(lows[i : i + k])
            if key in v.roles:
                return key
    return None


def _affiliation(mentions: Sequence[Mention], spans: Sequence[tuple[int, int]], *, last_first: bool) -> Actor | None:
    for a, b in spans:
        hits = [m.actor for m in mentions if m.start >= a and m.end <= b and m.actor.kind != "person"]
        if hits:
            return hits[-1] if last_first else hits[0]
    return None


def last_faction(mentions: Sequence[Mention], pos: int) -> Actor | None:
    """The faction (else group) named last before ``pos`` ("the movement's spokesman")."""
    before = [m.actor for m in mentions if m.end <= pos]
    for kinds in (("faction",), ("group",)):
        for actor in reversed(before):
            if actor.kind in kinds:
                return actor
    return None


def _candidates(text: str, mentions: Sequence[Mention], v: _Vocab) -> list[_Cand]:
    gaz_spans = [(m.start, m.end) for m in mentions]
    starts = [m.start for m in mentions]
    out: list[_Cand] = []
    for run in v.run.finditer(text):
        if " " not in run.group() and "\t" not in run.group():
            continue  # one capitalised word: at most a surname, never a new full name
        toks = list(v.token.finditer(text, run.start(), run.end()))
        # split the run where a gazetteer mention covers a token (not where a known person's
        # bare surname follows another given name: "Ali al-Fartousi" is not "Kadhim al-Fartousi")
        pieces: list[list[re.Match[str]]] = [[]]
        for t in toks:
            i = bisect.bisect_right(starts, t.start()) - 1
            covering = [
                mentions[j] for j in range(max(0, i - 1), min(len(mentions), i + 2))
                if mentions[j].start < t.end() and t.start() < mentions[j].end
            ]
            if covering and not (pieces[-1] and _other_given_name(covering[0], pieces[-1], v)):
                if pieces[-1]:
                    pieces.append([])
                continue
            pieces[-1].append(t)
        for piece in pieces:
            if len(piece) >= 2:
                cand = _candidate(text, piece, mentions, gaz_spans, v)
                if cand is not None:
                    out.append(cand)
    return out


def _other_given_name(m: Mention, before: list[re.Match[str]], v: _Vocab) -> bool:
    """Is gazetteer mention ``m`` a person's bare surname right after a given name of the same
    run (not a title or role: "Gen. Rasool" is still Rasool)?"""
    if m.actor.kind != "person" or len(_surname_key(m.text).split()) != 1:
        return False
    words = [t.group() for t in before]
    return _title_len(words, len(words) - 1, v) == 0 and _is_name_token(words[-1], v) and words[-1][:1].isupper()


def _candidate(text: str, piece: list[re.Match[str]], mentions, gaz_spans, v: _Vocab) -> _Cand | None:
    words = [t.group() for t in piece]
    # the name follows the last title or capitalised role of the run
    cut, i, titled = 0, 0, False
    while i < len(words):
        k = _title_len(words, i, v)
        if k:
            cut, titled = i + k, True
            i += k
        else:
            i += 1
    core = piece[cut:]
    while core and _norm(_clean_token(core[-1].group())) in v.suffixes:
        core = core[:-1]
    while core and core[0].group().lower() in v.particles and not core[0].group()[0].isupper():
        core = core[1:]
    if not core:
        return None
    name_toks = [t for t in core if not (len(_clean_token(t.group())) == 1 and t.group().endswith("."))]  # initials
    # a word before the name that is no name ("Ambassador to Iraq Elbrus Kutrashev") belongs
    # to the pre-modifier
    while len(name_toks) > 2 and not _is_name_token(name_toks[0].group(), v):
        piece, cut, name_toks = [t for t in piece if t.start() >= name_toks[1].start()], 0, name_toks[1:]
        core = [t for t in core if t.start() >= name_toks[0].start()]
    if not all(_is_name_token(t.group(), v) for t in name_toks):
        return None
    real = [t for t in name_toks if t.group().lower() not in v.particles or t.group()[0].isupper()]
    if not 1 <= len(real) <= 4:
        return None
    if len(real) == 1:
        return None  # a surname alone ("Gen. Rasool") is a reference, not a new person: no evidence
    start, end = core[0].start(), core[-1].end()
    if text[end - 1] == "." and not re.match(r"[A-Z][a-z]{0,3}\.$", core[-1].group()):
        end -= 1  # a full stop, not part of the name
    name = " ".join(_clean_token(t.group()) for t in name_toks)
    surname = _clean_token(name_toks[-1].group())
    run_a = piece[0].start()
    title_text = text[run_a:start] if cut else ""
    pre_a, pre = _pre_words(text, run_a, v, gaz_spans)
    before = _appositive_before(text, run_a, v) if pre_a == run_a else None
    if before is not None:
        pre_a, pre = before
    app_end = end + len(text[end:]) - len(text[end:].lstrip("’'s"))  # possessive
    app = _appositive_after(text, app_end, v)
    role = _role_in(_WORD.findall(pre), v, last=True) or _role_in(_WORD.findall(app), v, last=False)
    if role is None and titled:
        role = " ".join(_norm(w) for w in words[:cut]).strip() or None
    aff = _affiliation(mentions, [(pre_a, run_a), (app_end, app_end + len(app) + 2)], last_first=True)
    if aff is None and v.group_possessive.search(" ".join((pre, app))):
        aff = last_faction(mentions, run_a)  # "the movement's spokesman": the faction last named
    if titled or role is not None:
        evidence = not _headline(text, run_a)  # a speech verb adds nothing
    else:
        verb = bool(v.verb_after.match(text, app_end)) or bool(v.verb_before.search(text, max(0, run_a - 40), run_a))
        if verb and _PLACE_BEFORE.search(text, max(0, run_a - 12), run_a):
            verb = False  # "the reporter in Deir Ezzor said": a place
        evidence = verb and not _headline(text, run_a)
    return _Cand(start, end, name, surname, (title_text + " " + pre).strip(), app, role, aff, evidence)


_PLACE_BEFORE = re.compile(r"(?<![\w’'-])(?:in|at|from|near|of|to|on|into|across)[ \t]+\Z", re.I)
_LONG_WORD = re.compile(r"[^\W\d_][\w’'-]{3,}")


def _headline(text: str, pos: int) -> bool:
    """Is ``pos`` on a title-case line (a headline), where capitals prove nothing?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    if text[a : b if b >= 0 else len(text)].rstrip().endswith("."):
        return False  # a sentence: "In Tehran, the spokesman for the Supreme National Security Council, X, ..."
    words = _LONG_WORD.findall(text, a, b if b >= 0 else len(text))
    caps = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and caps >= 0.7 * len(words)


def _person(c: _Cand) -> Person:
    analyst = c.role is not None or bool(_vocab().analyst_clause.match(c.app))
    if analyst and side_from_words(" ".join(x for x in (c.pre, c.app) if x)) == "media":
        side = "media"  # "a fellow at a Washington think tank": an analyst, whatever the body
    elif c.affiliation is not None:
        side = c.affiliation.side or "unknown"
    else:
        side = side_from_words(" ".join(x for x in (c.pre, c.app) if x)) or "unknown"
    aff = c.affiliation.name if c.affiliation is not None else None
    return Person(c.name, side, c.role, aff)


def _key(name: str) -> str:
    return _KEY_PARTICLE.sub("", name.lower()).replace("’", "'")


_VOWELS = re.compile(r"[aeiouy’'`ʿʾ\s-]+")
_DOUBLE = re.compile(r"(.)\1+")


def _skeleton(name: str) -> str:
    """Spelling-insensitive key of a transliterated name: no particles, vowels or doubled
    letters ("Abu Alaa al-Walaei" == "Abu Ala al-Walai")."""
    words = [w for w in re.split(r"[\s‐‑-]+", name.lower()) if w and w not in {"al", "el"}]
    return " ".join(_DOUBLE.sub(r"\1", _VOWELS.sub("", w)) or w for w in words)


@lru_cache(maxsize=4)
def _skeletons(gazetteer) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    seen: dict[str, int] = {}
    for a in getattr(gazetteer, "actors", ()):
        if a.kind != "person":
            continue
        for alias in (a.name, *a.aliases):
            if len(alias.split()) < 2:
                continue
            k = _skeleton(alias)
            if out.get(k) is not None and out[k] is not a:
                seen[k] = 2
            out[k] = a
    return {k: a for k, a in out.items() if seen.get(k) != 2}


def _surname_key(s: str) -> str:
    return _SURNAME_PARTICLE.sub("", s)


def build_registry(text: str, *, mentions: Sequence[Mention] | None = None, gazetteer=None) -> Registry:
    """The people named in ``text`` who are not gazetteer people, with their mentions.

    >>> r = build_registry("“No comment,” said Sen. Harold Brandt of Nebraska. Brandt left.")
    >>> [(p.name, p.side) for p in r.people], [m.text for m in r.mentions]
    ([('Harold Brandt', 'us')], ['Harold Brandt', 'Brandt'])
    """
    if gazetteer is None:
        from workbench.actors import load_gazetteer

        gazetteer = load_gazetteer()
    if mentions is None:
        mentions = gazetteer.find(text)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    v = _vocab()
    people: dict[str, Person] = {}
    full: list[PersonMention] = []
    # "Abdel Rahman added": the compound surname of someone named in full, not a new person
    compound = {_key(_surname(m.actor.name, v)) for m in mentions if m.actor.kind == "person"}
    for c in _candidates(text, mentions, v):
        if not c.evidence:
            continue
        if _key(c.name) in compound:
            continue
        known = gazetteer.resolve(c.name, loose=False) or _skeletons(gazetteer).get(_skeleton(c.name))
        if known is not None and known.kind != "person":
            continue  # an organisation or place
        k = _key(c.name)
        p = _person(c) if known is None else Person(known.name, known.side or "unknown", known.role, known.affiliation)
        k = _key(p.name)
        old = people.get(k)
        if old is None:
            people[k] = p
        elif old.side == "unknown" and p.side != "unknown":
            people[k] = Person(old.name, p.side, old.role or p.role, old.affiliation or p.affiliation)
        full.append(PersonMention(c.start, c.end, text[c.start : c.end], p, True))
        compound.add(_key(_surname(p.name, v)))
    people = {k: p for k, p in people.items()}
    full = [PersonMention(m.start, m.end, m.text, people[_key(m.person.name)], True) for m in full]
    # A gazetteer person named in full ("Lt. Gen. Douglas Sims") is the one a later bare
    # surname ("Sims said") refers to, as for the article's own people.
    known_full = [
        PersonMention(m.start, m.end, m.text, Person(m.actor.name, m.actor.side or "unknown", m.actor.role, m.actor.affiliation), True)
        for m in mentions if m.actor.kind == "person" and len(_surname_key(m.text).split()) > 1
    ]
    out = list(full) + _surname_mentions(text, full + known_full, mentions, v)
    out.sort(key=lambda m: (m.start, m.end))
    return Registry(tuple(sorted(people.values(), key=lambda p: p.name)), tuple(out))


def _surname_mentions(text: str, full: list[PersonMention], mentions: Sequence[Mention], v: _Vocab) -> list[PersonMention]:
    by_surname: dict[str, list[PersonMention]] = {}
    for m in full:
        s = _surname_key(_surname(m.person.name, v))
        if len(s) >= 3 and _norm(s) not in v.not_name:
            by_surname.setdefault(s, []).append(m)
    if not by_surname:
        return []
    # A known person's bare surname ("al-Fartousi") is the article's own person of that
    # surname when the known one is never named in full here.
    named_in_full = {m.actor.name for m in mentions if m.actor.kind == "person" and len(_surname_key(m.text).split()) > 1}
    taken = sorted(
        [(m.start, m.end) for m in mentions if not _surname_of_other(m, by_surname, named_in_full)]
        + [(m.start, m.end) for m in full]
    )
    pat = _surname_pattern(tuple(sorted(by_surname, key=lambda s: (-len(s), s))))
    out = []
    for m in pat.finditer(text):
        a, b = m.start(), m.end()
        if any(s < b and a < e for s, e in taken):
            continue
        if not _stands_alone(text, a, b, v):
            continue
        owners = by_surname[m.group(1)]
        prior = [o for o in owners if o.start < a]
        owner = prior[-1] if prior else owners[0]
        end = b - (2 if text[b - 2 : b] in ("'s", "’s") else 0)
        out.append(PersonMention(a, end, text[a:end], owner.person, False))
    return out


@lru_cache(maxsize=256)  # the same people are named in article after article
def _surname_pattern(surnames: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(s) for s in surnames)
    return re.compile(r"(?<![\w’'-])(?:(?:al|el|Al|El)[-‐‑ ])?(" + alt + r")(?:[’']s)?(?![\w’'-])")


def _surname(name: str, v: _Vocab) -> str:
    """The name's last word with the particles that open it: "Rami Abdel Rahman" -> "Abdel Rahman"."""
    words = name.split()
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in v.particles:
        i -= 1
    return " ".join(words[i:])


def _surname_of_other(m: Mention, by_surname: dict[str, list[PersonMention]], named_in_full: set[str]) -> bool:
    if m.actor.kind != "person" or m.actor.name in named_in_full:
        return False
    key = _surname_key(_POSSESSIVE.sub("", m.text))
    return len(key.split()) == 1 and key in by_surname and all(o.person.name != m.actor.name for o in by_surname[key])


def _stands_alone(text: str, a: int, b: int, v: _Vocab) -> bool:
    """The surname is not part of a longer capitalised name ("Sims" in "Sims Street")."""
    before = re.search(r"([\w’'.-]+)[ \t]+$", text[max(0, a - 40) : a])
    if before:
        w = before.group(1)
        if w[:1].isupper() and not w.endswith((".", "!", "?")) and not (_norm(w) in v.not_name or _title_len([w], 0, v) or " ".join(_norm(x) for x in [w]) in v.titles):
            return False
    after = re.match(r"[ \t]+([\w’'.-]+)", text[b : b + 40])
    if after and after.group(1)[:1].isupper():
        return False  # "Rivers Street", "Sims Group"
    return True


def person_mentions(registry: Registry) -> list[Mention]:
    """The registry's mentions as gazetteer-style :class:`Mention` objects (kind ``person``)."""
    actors: dict[str, Actor] = {}
    out = []
    for m in registry.mentions:
        p = m.person
        actor = actors.get(p.name)
        if actor is None:
            actor = actors[p.name] = Actor(p.name, "person", p.side, (), p.affiliation, p.role)
        out.append(Mention(m.start, m.end, m.text, actor))
    return out


def with_people(text: str, mentions: Sequence[Mention], gazetteer=None) -> list[Mention]:
    """Gazetteer mentions plus the article's own people: full names and surname references of
    people the gazetteer does not know (a gazetteer mention inside one of them gives way).
    Quotes and claims of one article ask for the same: it is read once."""
    if gazetteer is None:
        from workbench.actors import load_gazetteer

        gazetteer = load_gazetteer()
    return list(_with_people(text, tuple(mentions), gazetteer))


@lru_cache(maxsize=4)
def _with_people(text: str, mentions: tuple[Mention, ...], gazetteer) -> tuple[Mention, ...]:
    registry = build_registry(text, mentions=mentions, gazetteer=gazetteer)
    if not registry.mentions:
        return mentions
    extra = person_mentions(registry)
    spans = [(m.start, m.end) for m in extra]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
    return tuple(sorted([*kept, *extra], key=lambda m: (m.start, m.end)))
