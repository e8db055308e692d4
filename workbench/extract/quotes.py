"""Direct quotes and their speakers.

Two steps, both rule-based and driven by ``data/speech.yaml``:

1. :func:`find_quote_spans` reads the quotation marks of each paragraph (a line, or lines
   broken in mid-sentence): curly and straight double quotes, and single quotes only where
   they clearly open and close a quote (never the apostrophes of "Iraq’s" or "Kata'ib").
   A quote left open runs to the end of its paragraph (``closed=False``). Whole-line
   single-quoted headings and nicknames between name parts are not speech.
2. :func:`extract_quotes` attributes each quote from the words of its sentence outside the
   marks, in this order: a speech verb right after the quote (``”, X said`` / ``,” said X``
   / ``,” according to X``), then the nearest speech verb before it (``X said: “``, ``X
   warned of “``, ``..., saying “``), then a subject standing just before the mark
   (``X “emphasized ...”``), a signature line under the quote (``— Col. X (@handle)``), a
   lead-in line ending in a colon, the sentence right after the quote (``“...” This is how X
   described it``), and finally continuation of the previous quote's speaker. A named speaker comes from the
   actor gazetteer (a person preferred over an organisation in the same noun phrase);
   pronouns and definite descriptors ("he", "the spokesman", "the head of X", "the source",
   "the group") refer back to a running record of who spoke, which only quotes and
   reported-speech sentences update; otherwise the descriptive noun phrase itself is the
   speaker ("the participants" -> "participants", side ``unknown``). Unnamed sources keep the
   text's words: "a field source in the Hashd" is a "Hashd field source", "a source close to
   the factions" a "source close to the factions" (the side of the body it is close to), "the
   SDF media center" itself (``organs`` in the YAML), with the body's side.

Mentions inside quotation marks never count. Nothing here raises on messy input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Sequence

from workbench.extract.people import only_titles, side_from_words, with_people
from workbench.resources import load_yaml
from workbench.sentences import Sentence, paragraph_spans, split_sentences

__all__ = ["Quote", "find_quote_spans", "extract_quotes"]


@dataclass(frozen=True)
class Quote:
    start: int  # text[start:end] is the quote, without its marks
    end: int
    text: str
    closed: bool
    speaker: str | None
    speaker_side: str
    speaker_start: int | None
    speaker_end: int | None
    basis: str  # after, before, pronoun, descriptor, continuation, signature, none
    n_words: int
    context: str = ""  # the words of the quote's sentence outside its marks (for stance)


# --------------------------------------------------------------------------- quote marks

_ANY_QUOTE = re.compile(r"[\"“”‘’']")
_DOUBLE = re.compile(r"[\"“”]")
# A single quote that opens: at the start or after space/bracket/dash, before a capital or digit.
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–]))[‘'](?=[A-Z0-9])", re.M)
# A single quote that closes: after a non-space, before space, punctuation or the end.
_SINGLE_CLOSE = re.compile(r"(?<=\S)[’'](?=[\s.,;:!?)\]—–]|$)", re.M)
_WORDS = re.compile(r"[\w’']+(?:[-.][\w’']+)*")
_HAS_WORD = re.compile(r"\w")
_NICK_BEFORE = re.compile(r"(?:^|[\s(])[A-Z][\w’'-]*\s$")
_NICK_AFTER = re.compile(r"\s(?:[A-Z]|al-|el-|bin\b|ibn\b)")
_MAX_NICKNAME_WORDS = 3


@dataclass(frozen=True)
class _Span:
    open_at: int  # index of the opening mark
    start: int  # inner span (trimmed)
    end: int
    close_end: int  # index just after the closing mark (== end of paragraph text when open)
    closed: bool


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _make_span(text: str, open_at: int, inner_a: int, inner_b: int, close_end: int, closed: bool) -> _Span | None:
    a, b = _trimmed(text, inner_a, inner_b)
    if a >= b or not _HAS_WORD.search(text, a, b):
        return None
    return _Span(open_at, a, b, close_end, closed)


def _double_spans(text: str, ps: int, pe: int) -> list[_Span]:
    """Double-quoted spans of one paragraph, read left to right with a small state machine."""
    out: list[_Span] = []
    opened: int | None = None
    for m in _DOUBLE.finditer(text, ps, pe):
        ch, i = m.group(), m.start()
        nxt = text[i + 1] if i + 1 < pe else " "
        prev = text[i - 1] if i > ps else " "
        if opened is None:
            opens = ch == "“" or (not nxt.isspace() and (ch == '"' or prev.isspace() or i == ps))
            if opens and nxt not in "”\"":
                opened = i
            continue
        if ch == "“":  # a new quote opens while one is open: the first never closed
            span = _make_span(text, opened, opened + 1, i, i, False)
            if span:
                out.append(span)
            opened = i
            continue
        span = _make_span(text, opened, opened + 1, i, i + 1, True)
        if span:
            out.append(span)
        opened = None
    if opened is not None:
        span = _make_span(text, opened, opened + 1, pe, pe, False)
        if span:
            out.append(span)
    return out


def _single_spans(text: str, ps: int, pe: int, taken: list[_Span]) -> list[_Span]:
    """Single-quoted spans outside double quotes; only clear open/close pairs, no headings."""
    out: list[_Span] = []
    gaps, pos = [], ps
    for sp in taken:
        gaps.append((pos, sp.open_at))
        pos = sp.close_end
    gaps.append((pos, pe))
    for ga, gb in gaps:
        pos = ga
        while True:
            mo = _SINGLE_OPEN.search(text, pos, gb)
            if not mo:
                break
            mc = _SINGLE_CLOSE.search(text, mo.end() + 1, gb)
            if not mc:
                break
            pos = mc.end()
            if mo.start() == ps and mc.end() == pe:  # a heading line, not speech
                continue
            span = _make_span(text, mo.start(), mo.end(), mc.start(), mc.end(), True)
            if span:
                out.append(span)
    return out


def _is_nickname(text: str, sp: _Span) -> bool:
    """A short quoted name between two name parts: Abu Mahdi “the Engineer” al-Muhandis."""
    if not sp.closed or len(_WORDS.findall(text, sp.start, sp.end)) > _MAX_NICKNAME_WORDS:
        return False
    before = text[max(0, sp.open_at - 30) : sp.open_at]
    return bool(_NICK_BEFORE.search(before)) and bool(_NICK_AFTER.match(text, sp.close_end))


def _spans(text: str) -> list[_Span]:
    if not _ANY_QUOTE.search(text):
        return []
    out: list[_Span] = []
    for ps, pe in paragraph_spans(text):
        if not _ANY_QUOTE.search(text, ps, pe):
            continue
        doubles = _double_spans(text, ps, pe)
        found = doubles + _single_spans(text, ps, pe, doubles)
        out.extend(sp for sp in found if not _is_nickname(text, sp))
    out.sort(key=lambda s: (s.start, s.end))
    return out


def find_quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(inner_start, inner_end, closed) of every readable quote, sorted.

    >>> t = 'He said: “We will respond.” Then, “nothing more'
    >>> [(t[a:b], c) for a, b, c in find_quote_spans(t)]
    [('We will respond.', True), ('nothing more', False)]
    """
    return [(s.start, s.end, s.closed) for s in _spans(text)]


# --------------------------------------------------------------------------- vocabulary


def _alternation(words) -> str:
    parts = sorted({w.strip() for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in parts)


# A speech verb with a capital starts a sentence ("Says the minister ..."); elsewhere a
# capitalised word is part of a name: "the United States would ..." has no verb "states".
_SENTENCE_START = r"(?:(?<=^)|(?<=\n)|(?<=[.!?\"“”:]\s))"


def _speech_verbs(words) -> re.Pattern[str]:
    lower = _alternation(w.lower() for w in words)
    capital = _alternation(w[:1].upper() + w[1:].lower() for w in words)
    return re.compile(rf"(?<![\w’'-])(?:(?:{lower})|{_SENTENCE_START}(?:{capital}))(?![\w’'-])", re.M)


@dataclass(frozen=True)
class _Vocab:
    verb: re.Pattern[str]  # finite speech verbs (before or after a quote)
    after_verb: re.Pattern[str]  # finite + after-only verbs
    participle: re.Pattern[str]
    according: re.Pattern[str]
    cited: re.Pattern[str]
    passive_cited: re.Pattern[str]  # " was quoted as saying" after the speaker's name
    own_office: re.Pattern[str]  # "(according to|in) a statement from his office"
    self_named: re.Pattern[str]  # "calling itself “X”": group 1 is X
    pronoun_person: frozenset[str]
    pronoun_group: frozenset[str]
    pronoun: re.Pattern[str]
    descriptor: re.Pattern[str]  # "the <words> <descriptor noun>" at the end of a phrase
    descriptor_class: dict[str, str]
    role_of: re.Pattern[str]  # "<role> of/for (the) (X’s)" right before a mention
    role_after: re.Pattern[str]  # "<mention> <role>" right after a mention
    not_possessor: re.Pattern[str]  # "’s deputy" right after a person mention
    body_of: re.Pattern[str]  # " supporters", "’s mission to the UN" right after a body's mention
    source_in: re.Pattern[str]  # "a source in the " right before a body's mention
    affinity: re.Pattern[str]  # "<head> close to (the) <body>": a phrase naming its own speaker
    role_head: re.Pattern[str]  # "the head of ...": a phrase headed by a person role
    told_after: re.Pattern[str]  # "This is how " opening the sentence after a quote
    leader_roles: tuple[str, ...]
    determiners: frozenset[str]
    trailing: frozenset[str]
    max_desc_words: int
    not_start: frozenset[str]
    not_end: frozenset[str]
    continuation_paragraphs: int
    reported_max_words: int


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    d: dict[str, Any] = load_yaml("speech.yaml")
    verbs, after_only, parts = d["verbs"], d["after_only"], d["participles"]
    desc_class = {w.lower(): cls for cls, words in d["descriptors"].items() for w in words}
    pron_p = frozenset(d["pronouns"]["person"])
    pron_g = frozenset(d["pronouns"]["group"])
    person_roles = d["descriptors"]["person"]
    word = r"(?<![\w’'-])(?:{})(?![\w’'-])"
    return _Vocab(
        verb=_speech_verbs(verbs),
        after_verb=_speech_verbs([*verbs, *after_only]),
        participle=re.compile(word.format(_alternation(parts)), re.I),
        according=re.compile(word.format(_alternation(d["according_to"])), re.I),
        cited=re.compile(word.format(_alternation(d["cited_as"])) + r"\s+(.{1,120}?)\s+as\s+saying\b", re.I),
        passive_cited=re.compile(r"\s+(?:" + _alternation(d["passive_cited"]) + r")(?![\w’'-])", re.I),
        own_office=re.compile(
            r"(?<![\w’'-])(?:according\s+to|in)\s+an?\s+(?:"
            + _alternation(w for w, c in desc_class.items() if c == "any")
            + r")\s+(?:from|by|issued\s+by)\s+(?:his|her)\s+(?:" + _alternation(d["own_office"]) + r")(?![\w’'-])",
            re.I,
        ),
        self_named=re.compile(
            r"(?<![\w’'-])(?:" + _alternation(d["self_named"]) + r")\s+[\"“‘']([^\"“”‘’\n]{2,60}?)[\"”’']", re.I
        ),
        pronoun_person=pron_p,
        pronoun_group=pron_g,
        pronoun=re.compile(word.format(_alternation([*pron_p, *pron_g])), re.I),
        descriptor=re.compile(
            r"(?<![\w’'-])the\s+(?:[\w’'-]+\s+){0,3}?(" + _alternation(desc_class) + r")\s*$", re.I
        ),
        descriptor_class=desc_class,
        role_of=re.compile(
            r"(?<![\w’'-])(" + _alternation(person_roles) + r")\s+(?:of|for|at)\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?$",
            re.I,
        ),
        role_after=re.compile(r"\s*(?:[\w-]+\s+)?(" + _alternation(person_roles) + r")(?![\w’'-])", re.I),
        not_possessor=re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?(?:" + _alternation(d["possessive_not_speaker"]) + r")(?![\w’'-])", re.I),
        body_of=re.compile(
            r"\s+(?i:" + _alternation([*d["followers"], *d["organs"]]) + r")(?![\w’'-])"
            r"|['’]s\s+(?i:" + _alternation([*d["possessive_body"], *d["organs"]]) + r")(?![\w’'-])"
            r"(?:\s+(?:to|in|at)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})?"
        ),
        # "a (field) source in the Hashd": the source word and the one word before it, when
        # that word is no determiner
        source_in=re.compile(
            r"(?<![\w’'-])(?:(?!(?:" + _alternation(d["determiners"]) + r")\s)([\w-]+)\s+)?"
            r"(" + _alternation(w for w, c in desc_class.items() if c == "source") + r")\s+"
            r"(?:in|within|inside|from)\s+(?:the\s+)?$",
            re.I,
        ),
        told_after=re.compile(r"\s*(?:" + _alternation(d["told_after"]) + r")\s+", re.I),
        role_head=re.compile(
            r"\s*(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:" + _alternation(person_roles) + r")\s+(?:of|for|at|in)\s",
            re.I,
        ),
        affinity=re.compile(
            r"^(?:(?:" + _alternation(d["determiners"]) + r")\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+"
            r"(?:" + _alternation(d["affinity"]) + r")\s+(?:the\s+)?(\S.*)$",
            re.I | re.S,
        ),
        leader_roles=tuple(w.lower() for w in d["leader_roles"]),
        determiners=frozenset(w.lower() for w in d["determiners"]),
        trailing=frozenset(w.lower() for w in d["np_trailing"]),
        max_desc_words=int(d["max_descriptive_words"]),
        not_start=frozenset(w.lower() for w in d["not_speaker_start"]),
        not_end=frozenset(w.lower() for w in d["not_speaker_end"]),
        continuation_paragraphs=int(d["continuation_max_paragraphs"]),
        reported_max_words=int(d["reported_verb_max_words"]),
    )


# --------------------------------------------------------------------------- speakers


@dataclass(frozen=True)
class _Who:
    """A speaker: a gazetteer actor or a descriptive phrase."""

    name: str
    side: str
    kind: str  # gazetteer kind, or 'descriptive'
    affiliation: str | None = None

    @property
    def personal(self) -> bool:
        """Can be 'he'/'she': a person, or a singular descriptive phrase not headed by a body
        noun ("Ministry of Interior", "the governor's office" are no 'he')."""
        if self.kind != "descriptive" or self.name.endswith("s"):
            return self.kind == "person"
        words = re.split(r"\s+of\s+", self.name, maxsplit=1)[0].split()
        return not words or words[-1].lower().strip("’'") not in _body_heads()


@lru_cache(maxsize=1)
def _body_heads() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("speech.yaml")["body_heads"])


@dataclass(frozen=True)
class _Attr:
    who: _Who
    basis: str
    start: int | None
    end: int | None


def _who(actor) -> _Who:
    return _Who(actor.name, actor.side or "unknown", actor.kind, actor.affiliation)


_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
# "the umbrella group of ...": a definite group noun, then "of" before the mention
_GROUP_OF = re.compile(r"(?i:the)\s+(?:[\w’'-]+\s+){0,2}?((?:umbrella\s+)?[\w-]+)\s+of\s+")
# A dateline opening a sentence: "Shafaq News/ ", "BAGHDAD (Reuters) - ", "TAMPA, Fla. – "
_DATELINE = re.compile(r"(?:[A-Z][\w.’'-]*[ ,]*){1,5}(?:\([^)\n]{1,30}\)\s*)?(?:/|[-–—])\s+")
_SOURCE_WORD = re.compile(r"(?<!\w)sources?(?!\w)", re.I)
_DASH_LINE = re.compile(r"\s*[—–-]+\s*\S")
# A verb phrase and a speech verb joined: "... mourned one of its fighters and said"
# the verb before "and" in "X celebrated and claimed": one word, then the coordinator
_FIRST_VERB = re.compile(r"\s+[a-z][\w’'-]*\s+(?:and|then|but)(?:\s+(?:also|later|then))?\s*$")
_COORDINATED = re.compile(r"\S\s+(?:and|then|but)(?:\s+(?:also|later|then))?\s*$", re.I)
# An attribution the sentence splitter may have cut after a title: "..., Coly."
_CUT_TITLE = re.compile(r"(?<![\w.])[A-Z][a-z]{0,4}\.\s*$")


class _Attributor:
    """Walks one article in order, keeping the running record of speakers."""

    def __init__(self, text: str, spans: list[_Span], sentences: Sequence[Sentence], mentions, gazetteer) -> None:
        self.text = text
        self.v = _vocab()
        self.gaz = gazetteer
        self.spans = spans
        self.sentences = list(sentences)
        self.sent_starts = [s.start for s in self.sentences]
        self.paragraphs = paragraph_spans(text)
        self.para_starts = [p[0] for p in self.paragraphs]
        inside = [(s.open_at, s.close_end) for s in spans]
        self.mentions = [m for m in mentions if not _inside(inside, m.start, m.end)]
        self.m_starts = [m.start for m in self.mentions]
        self.history: list[tuple[_Who, int]] = []  # (speaker, paragraph index)
        self.last_quote: tuple[_Who, int, int] | None = None  # (speaker, paragraph, sentence)

    # ---- positions
    def para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def sent_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def mentions_in(self, a: int, b: int) -> list:
        i = bisect.bisect_left(self.m_starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def last_mention(self, pos: int, pred) -> Any:
        i = bisect.bisect_left(self.m_starts, pos) - 1
        while i >= 0:
            if pred(self.mentions[i]):
                return self.mentions[i]
            i -= 1
        return None

    # ---- the running record
    def remember(self, who: _Who, pos: int) -> None:
        self.history.append((who, self.para_of(pos)))

    def recent(self, pred) -> _Who | None:
        for who, _ in reversed(self.history):
            if pred(who):
                return who
        return None

    # ---- noun phrases
    def pick_mention(self, ms: list, *, nearest: bool) -> _Attr | None:
        """Speaker from mentions of one subject phrase: a person first, else an organisation
        (or the office-holder it names: "the head of X", "the X spokesman")."""
        ms = [m for m in ms if not (m.actor.kind == "person" and self.v.not_possessor.match(self.text, m.end))]
        people = [m for m in ms if m.actor.kind == "person"]
        if people:
            m = people[-1] if nearest else people[0]
            return _Attr(_who(m.actor), "", m.start, m.end)
        if not ms:
            return None
        m = ms[-1] if nearest else ms[0]
        body = self.v.body_of.match(self.text, m.end)
        if body:  # "Hashd supporters", "Iran’s mission to the UN"
            name = self.text[m.start : body.end()]
            return _Attr(_Who(name, m.actor.side or "unknown", "descriptive"), "", m.start, body.end())
        src = self.v.source_in.search(self.text, max(0, m.start - 40), m.start)
        if src:  # "a (field) source in the Iraqi resistance" is an "Iraqi resistance (field) source"
            words = [w.lower() for w in src.groups() if w]
            name = " ".join([m.text, *words])
            return _Attr(_Who(name, m.actor.side or "unknown", "descriptive"), "", src.start(), m.end)
        role = self.role_around(m)
        if role:
            return self.role_holder(role, m)
        return _Attr(_who(m.actor), "", m.start, m.end)

    def role_around(self, m) -> str | None:
        before = self.text[max(0, m.start - 60) : m.start]
        rb = self.v.role_of.search(before)
        if rb:
            return rb.group(1).lower()
        ra = self.v.role_after.match(self.text, m.end, min(len(self.text), m.end + 40))
        if ra and not _CLAUSE_BREAK.search(self.text, m.end, ra.start(1)):
            return ra.group(1).lower()
        return None

    def role_holder(self, role: str, m) -> _Attr:
        """The holder of ``role`` in the body of mention ``m``: an earlier speaker affiliated with
        it, else the gazetteer's unique leader for a leader role, else the body itself."""
        org = m.actor
        who = self.recent(lambda w: w.kind == "person" and w.affiliation == org.name)
        if who is None and role.split()[-1] in {"spokesman", "spokeswoman", "spokesperson", "secretary"}:
            who = self.recent(lambda w: w.kind == "person" and w.side == org.side and w.affiliation is not None)
        if who is None and any(role.startswith(r) or r in role for r in self.v.leader_roles):
            who = self.leader_of(org.name, role)
        if who is not None:
            return _Attr(who, "descriptor", m.start, m.end)
        return _Attr(_who(org), "descriptor", m.start, m.end)

    def leader_of(self, org: str, role: str) -> _Who | None:
        actors = getattr(self.gaz, "actors", ())
        leader_words = self.v.leader_roles
        hits = [
            a
            for a in actors
            if a.kind == "person"
            and a.affiliation == org
            and a.role
            and any(w in a.role.lower() for w in leader_words)
            and not a.role.lower().startswith(("member", "deputy", "former"))
        ]
        return _who(hits[0]) if len(hits) == 1 else None

    def phrase_words(self, a: int, b: int) -> list[re.Match[str]]:
        return list(_WORDS.finditer(self.text, a, b))

    def from_phrase(self, a: int, b: int, *, pos: int, nearest: bool = False) -> _Attr | None:
        """Speaker named by the phrase text[a:b]: mention, pronoun, descriptor, or description."""
        a, b = _trimmed(self.text, a, b)
        if a >= b:
            return None
        named = self.self_named(a, b)
        if named is not None:
            return named
        ms = self.mentions_in(a, b)
        close = self.close_to(a, b, ms)
        if close is not None:
            return close
        if ms and all(m.actor.kind == "group" for m in ms):
            gm = _GROUP_OF.match(self.text, a, ms[0].start)
            if gm and self.v.descriptor_class.get(re.sub(r"\s+", " ", gm.group(1).lower())) == "group":
                fm = self.last_mention(a, lambda m: m.actor.kind == "faction")
                if fm is not None:
                    return _Attr(_who(fm.actor), "descriptor", gm.start(1), gm.end(1))
        hit = self.pick_mention(ms, nearest=nearest)
        if hit:
            return _Attr(hit.who, hit.basis or "", hit.start, hit.end)
        pm = self.v.pronoun.search(self.text, a, b)
        words = self.phrase_words(a, b)
        if pm and (pm.start() == words[0].start() or pm.group().lower() in {"his", "her", "their", "its"}):
            who = self.resolve_pronoun(pm.group().lower(), pos)
            return _Attr(who, "pronoun", pm.start(), pm.end()) if who else None
        dm = self.v.descriptor.search(self.text, a, self.trim_trailing(a, b))
        if dm:
            who = self.resolve_descriptor(dm, pos)
            if who:
                return _Attr(who, "descriptor", dm.start(), dm.end())
        return self.descriptive(a, b)

    def self_named(self, a: int, b: int) -> _Attr | None:
        """"A group calling itself “X”" in text[a:b]: X, known to the gazetteer or not."""
        sn = self.v.self_named.search(self.text, a, b)
        if sn is None:
            return None
        name = sn.group(1).strip()
        actor = self.gaz.resolve(name, loose=False)
        who = _who(actor) if actor is not None else _Who(name, side_from_words(name) or "unknown", "descriptive")
        return _Attr(who, "", sn.start(1), sn.end(1))

    def close_to(self, a: int, b: int, ms: list) -> _Attr | None:
        """"A source close to the resistance factions", "a platform affiliated with the Hashd":
        not the body itself but a speaker near it, named in the text's words, with its side."""
        am = self.v.affinity.match(self.text[a:b])
        if am is None:
            return None
        head_a, head_b = a + am.start(1), a + am.end(1)
        head_noun = am.group(1).split()[-1]
        if any(m.start < head_b for m in ms) or not (head_noun.islower() or head_noun.lower() in self.v.descriptor_class):
            return None  # a named body or person heads the phrase: it is the speaker
        words = self.phrase_words(head_a, b)
        if len(words) > self.v.max_desc_words + 3 or words[0].group().lower() in self.v.not_start:
            return None
        body = [m for m in ms if m.start >= head_b]
        side = (body[0].actor.side if body else None) or side_from_words(am.group(2)) or "unknown"
        name = self.text[head_a:b].strip()
        return _Attr(_Who(name, side, "descriptive"), "descriptor", head_a, b)

    def trim_trailing(self, a: int, b: int) -> int:
        words = self.phrase_words(a, b)
        while words and words[-1].group().lower() in self.v.trailing:
            words.pop()
        return words[-1].end() if words else a

    def descriptive(self, a: int, b: int) -> _Attr | None:
        words = self.phrase_words(a, b)
        while words and words[0].group().lower() in self.v.determiners:
            words.pop(0)
        while words and words[-1].group().lower() in self.v.trailing:
            words.pop()
        if not words or len(words) > self.v.max_desc_words:
            return None
        first, last = words[0].group().lower(), words[-1].group().lower()
        if first in self.v.not_start or last in self.v.not_end or first in self.v.pronoun_person:
            return None
        if any(w.group()[0].isdigit() for w in words):
            return None
        name = self.text[words[0].start() : words[-1].end()]
        short = self.short_form(name, words[0].start())
        if short is None and len(words) == 1 and name.islower():
            short = self.body_named(name, words[0].start())
        if short is None and len(words) == 1 and self.v.descriptor_class.get(name.lower()) == "any":
            # "Statement posted Friday ...": a document speaks for the body last named before it.
            m = self.last_mention(words[0].start(), lambda m: m.actor.kind not in ("person", "outlet"))
            return _Attr(_who(m.actor), "descriptor", words[0].start(), words[-1].end()) if m is not None else None
        if short is not None:
            return _Attr(short, "descriptor", words[0].start(), words[-1].end())
        side = side_from_words(name) or "unknown"
        return _Attr(_Who(name, side, "descriptive"), "descriptor", words[0].start(), words[-1].end())

    def short_form(self, name: str, pos: int) -> _Who | None:
        """A capitalised short form ("the Ministry", "the General Command") of a body named
        earlier in full: the last mention or speaker whose name holds all its words."""
        words = name.split()
        if not words or not all(w[:1].isupper() for w in words):
            return None
        pat = re.compile(r"(?<![\w’'-])" + r"\s+".join(re.escape(w) for w in words) + r"(?![\w’'-])")
        m = self.last_mention(pos, lambda m: m.actor.kind != "person" and bool(pat.search(m.text)))
        if m is not None:
            return _who(m.actor)
        return self.recent(lambda w: w.name != name and bool(pat.search(w.name)))

    def body_named(self, noun: str, pos: int) -> _Who | None:
        """A body named earlier whose name holds this common noun: "the consulate" after "the US
        Consulate General in Erbil said ..."."""
        pat = re.compile(r"(?<![\w’'-])" + re.escape(noun) + r"(?![\w’'-])", re.I)
        m = self.last_mention(pos, lambda m: m.actor.kind not in ("person", "outlet") and bool(pat.search(m.text)))
        return _who(m.actor) if m is not None else None

    def resolve_pronoun(self, pronoun: str, pos: int) -> _Who | None:
        if pronoun in self.v.pronoun_person:
            subject = self.sentence_subject(pos) or self.previous_topic(pos)
            if subject is not None:
                return subject
            return self.recent(lambda w: w.personal) or self.recent(lambda w: True)
        return self.recent(lambda w: not w.personal) or self.recent(lambda w: True)

    def sentence_subject(self, pos: int) -> _Who | None:
        """A person named at the very start of the sentence holding ``pos`` (before a quote)."""
        s = self.sentences[self.sent_of(pos)] if self.sentences else None
        if s is None:
            return None
        ms = [m for m in self.mentions_in(s.start, pos) if m.actor.kind == "person"]
        if ms and len(self.phrase_words(s.start, ms[0].start)) <= 3:
            return _who(ms[0].actor)
        return None

    def previous_topic(self, pos: int) -> _Who | None:
        """A person opening the previous sentence of the same paragraph ("For X, the question
        is ... “...,” he said"), when the sentence holding ``pos`` opens with a quote."""
        if not self.sentences:
            return None
        si = self.sent_of(pos)
        s = self.sentences[si]
        if si == 0:
            return None
        prev = self.sentences[si - 1]
        opens_quote = self.text[s.start : s.start + 1] in "“\"‘'"
        # ("Al-Obaidi is more cautious. The factions, she argued, ...": a pronoun in a sentence
        # that does not open with a quote takes the subject of the sentence before in the same
        # paragraph)
        if self.para_of(pos) - self.para_of(prev.start) > (1 if opens_quote else 0):
            return None
        # the subject of the sentence just before (also the last of the previous paragraph,
        # when the quote opens a paragraph), titles allowed: "Iraqi Prime Minister X, ..."
        ms = [m for m in self.mentions_in(prev.start, prev.end) if m.actor.kind == "person"]
        lead = self.phrase_words(prev.start, ms[0].start) if ms else []
        if ms and (len(lead) <= 2 or (len(lead) <= 4 and all(w.group()[:1].isupper() for w in lead))):
            return _who(ms[0].actor)
        # a role phrase in apposition before the name: "Member of the parliamentary security
        # committee, X, told ..."
        if ms and len(lead) <= _APPOSED_LEAD_MAX_WORDS and self.text[prev.start : ms[0].start].rstrip(" ").endswith(","):
            return _who(ms[0].actor)
        return None

    def resolve_descriptor(self, dm: re.Match[str], pos: int) -> _Who | None:
        noun = re.sub(r"\s+", " ", dm.group(1).lower())
        cls = self.v.descriptor_class.get(noun, "person")
        if cls == "source":
            m = self.last_mention(dm.start(), lambda m: bool(_SOURCE_WORD.search(m.text)))
            if m is not None:
                return _who(m.actor)
            return self.recent(lambda w: "source" in w.name.lower())
        if cls == "group":
            m = self.last_mention(dm.start(), lambda m: m.actor.kind == "faction")
            m = m or self.last_mention(dm.start(), lambda m: m.actor.kind == "group")
            return _who(m.actor) if m is not None else None
        if cls == "any":
            return self.recent(lambda w: True)
        if cls == "bloc":
            m = self.last_mention(dm.start(), lambda m: m.actor.kind in ("faction", "group"))
            return _who(m.actor) if m is not None else None
        intro = self.introduced(noun, dm.start())
        if intro is not None:
            return intro
        named = re.compile(r"(?<![\w’'-])" + re.escape(noun) + r"s?(?![\w’'-])", re.I)
        return self.recent(lambda w: w.personal or bool(named.search(w.name)))

    def introduced(self, noun: str, pos: int) -> _Who | None:
        """"the official said" after "A senior Iraqi official, who ..., said ..." in the sentence
        before: the unnamed person introduced there, when nobody was named since."""
        si = self.sent_of(pos)
        lo = self.sentences[max(0, si - 2)].start if self.sentences else max(0, pos - 400)
        pat = re.compile(r"\b[Aa]n?\s+((?:[\w’'-]+\s+){0,3}?" + re.escape(noun) + r")(?![\w’'-])")
        hits = [m for m in pat.finditer(self.text, lo, pos) if not _inside([(s.open_at, s.close_end) for s in self.spans], m.start(), m.end())]
        if not hits:
            return None
        m = hits[-1]
        if any(x.actor.kind == "person" for x in self.mentions_in(m.end(), pos)):
            return None
        named = [x for x in self.mentions_in(m.start(1), m.end(1)) if x.actor.kind != "outlet"]
        if named and named[-1].start == m.start(1):
            return _who(named[-1].actor)  # "A US official" is the gazetteer's "US officials"
        desc = m.group(1)
        side = named[-1].actor.side if named else side_from_words(desc)
        post = _POSTMODIFIER.match(self.text, m.end(), pos)
        if post and not named:
            # "An official with one of the militias" is a "militia official"
            verb = self.v.verb.search(self.text, post.start(1), post.end(1))
            end = verb.start() if verb else post.end(1)
            body = next((w.group().lower() for w in _WORDS.finditer(self.text, post.start(1), end)
                         if self.v.descriptor_class.get(w.group().lower()) in ("group", "bloc")), None)
            if body is not None:
                single = body[:-1] if body.endswith("s") and body[:-1] in self.v.descriptor_class else body
                desc, side = f"{single} {desc}", side_from_words(self.text[post.start(1) : end]) or side
        return _Who(desc, side or "unknown", "descriptive")


_APPOSED_LEAD_MAX_WORDS = 12

# The body an introduced person belongs to: "(an official) with one of the Iran-aligned militias"
_POSTMODIFIER = re.compile(r"\s+(?:with|of|from|in)\s+((?:[\w’'-]+\s+){0,5}[\w’'-]+)")


def _inside(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    for sa, sb in spans:
        if a >= sa and b <= sb:
            return True
        if sa >= b:
            break
    return False


# --------------------------------------------------------------------------- attribution


def _after(att: _Attributor, sp: _Span, b: int) -> _Attr | None:
    """``”, X said`` / ``,” said X`` / ``,” according to X`` in text[sp.close_end:b]."""
    if not sp.closed:
        return None
    text, v = att.text, att.v
    a = sp.close_end
    while a < b and (text[a].isspace() or text[a] in ",—–-"):
        a += 1
    if a >= b:
        return None
    acc = v.according.match(text, a, b)
    if acc:
        return _np_after(att, acc.end(), b, pos=sp.open_at)
    cm = v.cited.search(text, a, b)  # ", Reuters quoted X as saying"
    if cm:
        return _finish(att.from_phrase(cm.start(1), cm.end(1), pos=sp.open_at), "after")
    vm = v.after_verb.search(text, a, b)
    pm = v.passive_cited.search(text, a, b)  # ", X was quoted as saying by state media"
    if pm is not None and pm.start() > a and (vm is None or pm.start() < vm.start()):
        vm = pm
    if vm is None:
        return None
    if vm.start() == a:  # inverted: ", said X", ", read a statement from X's office"
        return _np_after(att, vm.end(), b, pos=sp.open_at)
    subject = text[a : vm.start()]
    words = _WORDS.findall(subject)
    if len(words) > 30 or "“" in subject or '"' in subject:
        return None
    first = words[0].lower() if words else ""
    if first in v.not_start and first not in v.pronoun_group and first not in v.pronoun_person:
        return None  # "” to condemn ...": not a subject
    # "X, the head of Y, said": the subject is the phrase before the first comma
    cut = _CLAUSE_BREAK.search(text, a, vm.start())
    head_end = cut.start() if cut else vm.start()
    # ("Sudani's military spokesman, Yehia Rasool, said": a possessor is not the head's name.)
    head_names = [m for m in att.mentions_in(a, head_end) if not v.not_possessor.match(text, m.end)]
    if cut is not None and not head_names:
        people = [m for m in att.mentions_in(cut.end(), vm.start()) if m.actor.kind == "person"]
        if people and att.v.role_after.match(text, a, head_end) is None and _ends_with_role(att, a, head_end):
            return _finish(att.pick_mention(people[:1], nearest=False), "after")
        # "the head of the movement's executive council, X, said": the name in apposition
        if people and att.v.role_head.match(text, a, head_end) and only_titles(text[cut.end() : people[0].start]):
            return _finish(att.pick_mention(people[:1], nearest=False), "after")
    hit = att.from_phrase(a, head_end, pos=sp.open_at)
    if hit is None and cut is not None and not att.mentions_in(a, head_end):
        return None
    if hit is None:
        hit = att.from_phrase(a, vm.start(), pos=sp.open_at)
    return _finish(hit, "after")


def _ends_with_role(att: _Attributor, a: int, b: int) -> bool:
    """Does text[a:b] end with a person role noun ("a government spokesman")?"""
    words = att.phrase_words(a, b)
    return bool(words) and words[-1].group().lower() in att.v.descriptor_class and (
        att.v.descriptor_class[words[-1].group().lower()] == "person"
    )


def _np_after(att: _Attributor, a: int, b: int, *, pos: int) -> _Attr | None:
    """The speaker phrase following an inverted verb or "according to", up to a comma."""
    cut = _CLAUSE_BREAK.search(att.text, a, b)
    end = cut.start() if cut else b
    if cut is not None and cut.group() == "," and _ends_with_role(att, a, end):
        # "said the movement's spokesman, X": the name in apposition to the role
        named = att.mentions_in(cut.end(), b)
        if named and named[0].actor.kind == "person" and only_titles(att.text[cut.end() : named[0].start]):
            return _finish(att.pick_mention(named[:1], nearest=False), "after")
    dot = att.text.rfind(".", a, end)
    if dot > a and att.text[dot + 1 : dot + 2] in ("", " ", "\n") and dot == end - 1:
        end = dot
    return _finish(att.from_phrase(a, end, pos=pos), "after")


def _finish(hit: _Attr | None, basis: str) -> _Attr | None:
    if hit is None:
        return None
    return _Attr(hit.who, hit.basis or basis, hit.start, hit.end)


def _before(att: _Attributor, sp: _Span, a: int, *, prev_in_sentence: _Who | None) -> _Attr | None:
    """The subject of the speech verb nearest before the quote in text[a:sp.open_at]."""
    text, v = att.text, att.v
    b = sp.open_at
    if a >= b:
        return None
    cm = None
    for cm in v.cited.finditer(text, a, b):
        pass
    acc = None
    for acc in v.according.finditer(text, a, b):
        pass
    verb = None
    for m in v.verb.finditer(text, a, b):
        verb = m
    part = None
    for m in v.participle.finditer(text, a, b):
        part = m
    candidates = [c for c in (cm, acc, verb, part) if c is not None]
    if not candidates:
        return _bare_subject(att, sp, a)
    best = max(candidates, key=lambda m: m.start())
    if best is cm:
        return _finish(att.from_phrase(cm.start(1), cm.end(1), pos=b), "before")
    if best is acc:
        return _finish(_np_after(att, acc.end(), b, pos=b), "before")
    if best is part or best is verb:
        # "A group calling itself “X” claimed ..., saying ...": X, even when the name's own
        # marks bound the region before this quote
        s = att.sentences[att.sent_of(b)] if att.sentences else None
        named = att.self_named(min(a, s.start) if s else a, best.start())
        if named is not None:
            return _finish(named, "before")
    if best is part:
        if prev_in_sentence is not None:
            return _Attr(prev_in_sentence, "continuation", None, None)
        s = att.sentences[att.sent_of(b)] if att.sentences else None
        s_start = min(a, s.start) if s else a
        dl = _DATELINE.match(text, s_start, part.start())
        if dl:
            s_start = dl.end()
        ms = att.mentions_in(s_start, part.start())
        people = [m for m in ms if m.actor.kind == "person"]
        if ms and people and ms[0].actor.kind != "person" and len(_WORDS.findall(text, s_start, ms[0].start)) <= 2:
            # "The Hashd mourned X in a statement, describing him as ...": a body opening the
            # sentence is its subject, a person after its verb the object
            gap = text[ms[0].end : people[0].start]
            if "," not in gap and not only_titles(gap) and not att.v.body_of.match(text, ms[0].end):
                ms = [ms[0]]
        hit = att.pick_mention(ms, nearest=False)
        if hit is None:
            chunk_end = _CLAUSE_BREAK.search(text, s_start, part.start())
            hit = att.from_phrase(s_start, chunk_end.start() if chunk_end else part.start(), pos=b)
        return _finish(hit, "before")
    # a finite verb: the phrase right before it, else the subject of the whole clause
    breaks = list(_CLAUSE_BREAK.finditer(text, a, verb.start()))
    chunk_a = breaks[-1].end() if breaks else a
    if _COORDINATED.search(text, chunk_a, verb.start()):
        # "X, in a statement, mourned one of its fighters and said": the verb shares the
        # clause's subject, not a word of the verb phrase before it ("its")
        hit = att.pick_mention(att.mentions_in(a, verb.start()), nearest=False)
        if hit is None and breaks:
            hit = att.from_phrase(a, breaks[0].start(), pos=b)
        if hit is None and not breaks:
            # "Pro-Iranian channels celebrated and claimed that": the subject before the
            # first verb of the pair
            vp = _FIRST_VERB.search(text, chunk_a, verb.start())
            if vp is not None and vp.start() > chunk_a:
                hit = att.from_phrase(chunk_a, vp.start(), pos=b)
        if hit is not None:
            return _finish(hit, "before")
    hit = att.from_phrase(chunk_a, verb.start(), pos=b, nearest=True)
    if hit is None:
        hit = att.pick_mention(att.mentions_in(a, verb.start()), nearest=False)
    if hit is None and breaks and not text[chunk_a : verb.start()].strip():
        hit = att.from_phrase(a, breaks[0].start(), pos=b)
    if hit is None and prev_in_sentence is not None:
        return _Attr(prev_in_sentence, "continuation", None, None)
    return _finish(hit, "before")


def _bare_subject(att: _Attributor, sp: _Span, a: int) -> _Attr | None:
    """``X “emphasized ...”`` or ``X: “...”``: an actor right before the opening mark."""
    text = att.text
    gap = text[a : sp.open_at].rstrip()
    if gap.endswith(":"):
        gap = gap[:-1].rstrip()
    end = a + len(gap)
    ms = att.mentions_in(a, end)
    if ms and ms[-1].end == end and len(_WORDS.findall(text, a, ms[-1].start)) <= 3:
        return _finish(att.pick_mention([ms[-1]], nearest=True), "before")
    if text[a : sp.open_at].rstrip().endswith(":"):
        # "X's security official, Y, put it plainly in a post: “...”": a clause ending in a
        # colon right before the quote introduces the words of its subject, a person named at
        # its start (after a possessor and a role at most)
        people = [m for m in ms if m.actor.kind == "person"]
        if people and len(_WORDS.findall(text, a, people[0].start)) <= _COLON_SUBJECT_MAX_WORDS:
            return _finish(att.pick_mention(people[:1], nearest=False), "before")
    return None


_COLON_SUBJECT_MAX_WORDS = 6


def _signature(att: _Attributor, sp: _Span) -> _Attr | None:
    """A line under the quote signed ``— Col. X (@handle) June 29, 2021``."""
    pi = att.para_of(sp.open_at)
    if pi + 1 >= len(att.paragraphs):
        return None
    pa, pb = att.paragraphs[pi]
    if att.text[sp.close_end : pb].strip(" .,\"”’'") != "":
        return None
    na, nb = att.paragraphs[pi + 1]
    if not _DASH_LINE.match(att.text, na, nb):
        return None
    return _finish(att.pick_mention(att.mentions_in(na, nb), nearest=False), "signature")


def _reported(att: _Attributor, s: Sentence) -> None:
    """A sentence without quotes whose subject speaks updates the running speaker."""
    text, v = att.text, att.v
    acc = v.according.match(text, s.start, s.end)
    if acc:
        hit = _np_after(att, acc.end(), s.end, pos=s.start)
        if hit:
            att.remember(hit.who, s.start)
        return
    om = v.own_office.search(text, s.start, s.end)
    if om is not None:
        # "Governor X ordered an inquiry, according to a statement from his office": the
        # office-holder, a person opening the sentence (titles before the name allowed)
        people = [m for m in att.mentions_in(s.start, om.start()) if m.actor.kind == "person"]
        if people and len(_WORDS.findall(text, s.start, people[0].start)) <= 4:
            att.remember(_who(people[0].actor), s.start)
            return
    vm = v.verb.search(text, s.start, s.end)
    if vm is None:
        return
    breaks = list(_CLAUSE_BREAK.finditer(text, s.start, vm.start()))
    chunk_a = breaks[-1].end() if breaks else s.start
    # the subject is near the start, or closes the sentence after its report (", X said")
    if len(_WORDS.findall(text, s.start, vm.start())) > v.reported_max_words and (
        not breaks or len(_WORDS.findall(text, chunk_a, vm.start())) > v.reported_max_words
    ):
        return
    hit = att.from_phrase(chunk_a, vm.start(), pos=s.start, nearest=True)
    if hit is None:
        ms = att.mentions_in(s.start, vm.start())
        if ms and len(_WORDS.findall(text, s.start, ms[0].start)) <= 4:
            hit = att.pick_mention(ms, nearest=False)
    if hit is not None:
        att.remember(hit.who, s.start)


def _attribute(att: _Attributor, sp: _Span, prev: _Span | None, nxt: _Span | None) -> tuple[_Attr | None, str]:
    """The quote's speaker, and the attribution words around it (its context)."""
    text = att.text
    sents = att.sentences
    si = att.sent_of(sp.open_at)
    s_start = sents[si].start if sents else att.paragraphs[att.para_of(sp.open_at)][0]
    ei = att.sent_of(max(sp.open_at, sp.close_end - 1))
    s_end = sents[ei].end if sents else att.paragraphs[att.para_of(sp.open_at)][1]
    pb = att.paragraphs[att.para_of(sp.open_at)][1]
    # the previous quote shares this sentence: its end bounds our "before" region
    prev_in_sentence = None
    a = s_start
    if prev is not None and prev.close_end > s_start and att.para_of(prev.open_at) == att.para_of(sp.open_at):
        a = max(a, prev.close_end)
        if att.last_quote is not None:
            prev_in_sentence = att.last_quote[0]
    b = min(s_end, nxt.open_at) if nxt is not None and nxt.open_at >= sp.close_end else s_end
    hit = _after(att, sp, b)
    if hit is None and b == s_end and b < pb and (nxt is None or nxt.open_at > b):
        # the sentence splitter may cut an attribution short ("..., Coly. Wayne ...")
        tail = text[sp.close_end : b]
        if _CUT_TITLE.search(tail) and len(_WORDS.findall(tail)) <= 6 and not v_has_verb(att, sp.close_end, b):
            nb = sents[ei + 1].end if sents and ei + 1 < len(sents) else pb
            limit = nxt.open_at if nxt is not None and nxt.open_at < nb else nb
            hit = _after(att, sp, min(limit, pb))
    if hit is None:
        hit = _before(att, sp, a, prev_in_sentence=prev_in_sentence)
    if hit is None:
        hit = _signature(att, sp)
    if hit is None:
        hit = _lead_in(att, sp)
    if hit is None:
        hit = _told_after(att, sp, ei, nxt)
    if hit is None:
        hit = _continuation(att, sp)
    context = " ".join(x for x in (text[a : sp.open_at].strip(), text[sp.close_end : b].strip()) if x)
    return hit, context


def _told_after(att: _Attributor, sp: _Span, ei: int, nxt: _Span | None) -> _Attr | None:
    """``“...” This is how X described the night``: the sentence right after a quote that
    closes its own sentence names who spoke, in the same paragraph."""
    if not sp.closed or not att.sentences or ei + 1 >= len(att.sentences):
        return None
    s = att.sentences[ei + 1]
    if att.para_of(s.start) != att.para_of(sp.open_at) or att.text[sp.close_end : s.start].strip(" .,!?\"”’'"):
        return None
    lead = att.v.told_after.match(att.text, s.start, s.end)
    if lead is None:
        return None
    end = nxt.open_at if nxt is not None and nxt.open_at < s.end else s.end
    vm = att.v.verb.search(att.text, lead.end(), end)
    if vm is None:
        return None
    cut = _CLAUSE_BREAK.search(att.text, lead.end(), vm.start())
    return _finish(att.from_phrase(lead.end(), cut.start() if cut else vm.start(), pos=s.start), "after")


_LEAD_IN_MAX_PARAGRAPHS = 8
_PARA_OPEN = re.compile(r"[\W_]*?[\"“‘']")


def _lead_in(att: _Attributor, sp: _Span) -> _Attr | None:
    """A statement introduced by a line ending in a colon ("The following is a statement from
    X:", "X wrote on Telegram:") speaks for the quoted paragraphs under it, up to the first
    paragraph that is not a quote."""
    text = att.text
    pi = att.para_of(sp.open_at)
    pa, _ = att.paragraphs[pi]
    if text[pa : sp.open_at].strip(" \t\"“‘'") and not _PARA_OPEN.fullmatch(text, pa, sp.open_at + 1):
        return None
    for j in range(pi - 1, max(-1, pi - 1 - _LEAD_IN_MAX_PARAGRAPHS), -1):
        a, b = att.paragraphs[j]
        line = text[a:b].rstrip()
        if line.endswith(":"):
            end = a + len(line) - 1
            hit = att.pick_mention(att.mentions_in(a, end), nearest=False)
            if hit is None:
                vm = att.v.verb.search(text, a, end)
                hit = att.from_phrase(a, vm.start() if vm else end, pos=a) if vm else None
            return _finish(hit, "lead-in")
        if not _PARA_OPEN.match(text, a, b):
            return None
    return None


def v_has_verb(att: _Attributor, a: int, b: int) -> bool:
    return att.v.after_verb.search(att.text, a, b) is not None


def _continuation(att: _Attributor, sp: _Span) -> _Attr | None:
    pi = att.para_of(sp.open_at)
    limit = att.v.continuation_paragraphs
    # The latest speaker, quoted or reported ("X said the group's patience had run out. “We
    # hold ...”" is X's), within a few paragraphs.
    if att.history and pi - att.history[-1][1] <= limit:
        return _Attr(att.history[-1][0], "continuation", None, None)
    if att.last_quote is not None and pi - att.last_quote[1] <= limit:
        return _Attr(att.last_quote[0], "continuation", None, None)
    return None


def extract_quotes(text: str, *, sentences=None, mentions=None, gazetteer=None) -> list[Quote]:
    """Every quote of ``text`` with its speaker, in text order.

    ``sentences`` (from :func:`split_sentences`) and ``mentions`` (from the gazetteer's
    ``find``) are computed when not given; pass them to save work.
    """
    spans = _spans(text)
    if not spans:
        return []
    if sentences is None:
        sentences = split_sentences(text)
    if gazetteer is None:
        from workbench.actors import load_gazetteer

        gazetteer = load_gazetteer()
    if mentions is None:
        mentions = gazetteer.find(text)
    mentions = with_people(text, mentions, gazetteer)
    att = _Attributor(text, spans, sentences, mentions, gazetteer)
    inside = [(s.open_at, s.close_end) for s in spans]
    out: list[Quote] = []
    si = 0
    for qi, sp in enumerate(spans):
        # reported speech in the quote-free sentences before this quote
        while si < len(att.sentences) and att.sentences[si].end <= sp.open_at:
            s = att.sentences[si]
            if not _overlaps_any(inside, s.start, s.end):
                _reported(att, s)
            si += 1
        prev = spans[qi - 1] if qi else None
        nxt = spans[qi + 1] if qi + 1 < len(spans) else None
        hit, context = _attribute(att, sp, prev, nxt)
        out.append(_quote(text, sp, hit, context))
        if hit is not None:
            att.last_quote = (hit.who, att.para_of(sp.open_at), att.sent_of(sp.open_at))
            att.remember(hit.who, sp.open_at)
        # skip the sentences this quote covers
        while si < len(att.sentences) and att.sentences[si].start < sp.close_end:
            si += 1
    return _forward(att, spans, out)


def _forward(att: _Attributor, spans: list[_Span], quotes: list[Quote]) -> list[Quote]:
    """A quote left open with no speaker takes the speaker of its reopening in the next
    paragraph ("“First part.\n“Second part,” Khazali said.")."""
    for i in range(len(quotes) - 2, -1, -1):
        q, nxt = quotes[i], quotes[i + 1]
        if q.closed or q.speaker is not None or nxt.speaker is None:
            continue
        if att.para_of(spans[i + 1].open_at) - att.para_of(spans[i].open_at) != 1:
            continue
        quotes[i] = replace(q, speaker=nxt.speaker, speaker_side=nxt.speaker_side, basis="continuation")
    return quotes


def _overlaps_any(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Does [a, b) overlap one of the sorted, disjoint ``spans``?"""
    i = bisect.bisect_left(spans, (b,))
    return i > 0 and spans[i - 1][1] > a


def _quote(text: str, sp: _Span, hit: _Attr | None, context: str) -> Quote:
    n = len(_WORDS.findall(text, sp.start, sp.end))
    if hit is None:
        return Quote(sp.start, sp.end, text[sp.start : sp.end], sp.closed, None, "unknown", None, None, "none", n, context)
    return Quote(
        sp.start,
        sp.end,
        text[sp.start : sp.end],
        sp.closed,
        hit.who.name,
        hit.who.side,
        hit.start,
        hit.end,
        hit.basis,
        n,
        context,
    )
