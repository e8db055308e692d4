"""Casualty claims: how many were killed or injured, by whose account.

For each outcome word ("killed", "wounded in action", "no casualties") the extractor finds
the number that counts it (before it: "four Iraqi fighters were killed"; after a
participle: "killing eight members of the PMF"; or told apart: "put the number of the
wounded ... at five"), the victims named between, and the claimant: the speaker of the quote
it sits in, "according to X", "X cited Y as saying" (X), the subject of the nearest
attribution verb, a tweet's signature, else the outlet itself. A spokesman's number is
his organisation's. The same claim told twice in one article is one claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from workbench.actors import Actor, bare_name, load_gazetteer, without_note
from workbench.extract.context import ArticleContext
from workbench.extract.people import last_faction, with_people
from workbench.numbers import Quantity, find_quantities
from workbench.prefilter import prefiltered
from workbench.resources import load_yaml

__all__ = ["Claim", "extract_claims", "claimant_for", "claimant_name_side"]


@dataclass(frozen=True)
class Claim:
    start: int
    end: int
    claimant: str | None
    claimant_side: str
    victim: str | None
    victim_side: str
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    sentence: int  # index of the sentence in the article
    amount: str = ""  # the words of a vague count ("several", "dozens"), which tell two apart


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _alt_any_case(words) -> str:
    """Like :func:`_alt`, the words in lower case matched whatever their case."""
    return "|".join(f"(?i:{re.escape(w)})".replace(r"\ ", r"\s+") if w.islower() else re.escape(w).replace(r"\ ", r"\s+")
                    for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class _Lexicon:
    outcome: re.Pattern
    outcome_of: dict[str, str]
    linking: re.Pattern
    attribution: re.Pattern
    number_of: tuple[re.Pattern, ...]
    victim_words: tuple[tuple[str, re.Pattern], ...]
    victim_modifiers: tuple[tuple[str, re.Pattern], ...]
    backers: tuple[tuple[str, re.Pattern], ...]
    claimant_words: tuple[tuple[str, re.Pattern], ...]
    group_nouns: frozenset[str]  # "the group", "the Resistance": the faction last named
    between: tuple[re.Pattern, ...]  # words between a number and its outcome that do not part them
    determiner_count: re.Pattern  # "a member", "some enemy": group 1 the determiner
    determiner_value: dict[str, tuple[int | None, str]]
    left_with: re.Pattern  # "left 21 American personnel with ", up to the outcome
    suffered: re.Pattern  # "the occupation forces suffered ", right before the count: group 1 the victims
    after_only: frozenset[str]  # outcome words counted only by a number after them
    metonyms: dict[str, str]  # "Baghdad" (saying) -> "Iraqi government"
    zero_before: tuple[re.Pattern, ...]  # "without causing " before an outcome: none
    number_of_outcomes: dict[str, str]  # "put the toll at": killed
    victims_appended: re.Pattern  # ", most of them " after a figure
    attack_anaphor: re.Pattern  # "that strike": an attack told before
    attack_anaphor_reach: int
    own_voice: re.Pattern  # " media office" after a body's name
    active_outcomes: frozenset[str]  # "killed" with its count after it
    sentence_subject: re.Pattern  # the subject opening a sentence, up to its main verb (group 1)
    own_dead_words: frozenset[str]  # "martyrs": a party's own dead
    own_dead_sides: frozenset[str]
    people_only: frozenset[str]  # "lost": counted only when people are
    people_nouns: re.Pattern
    background: re.Pattern  # "the attack that " right before a count
    insider: re.Pattern  # "a source in the " before a body's name
    partitive_deaths: re.Pattern  # "died" after "one of the injured"
    causing: re.Pattern  # "causing " right before an untold count
    both: re.Pattern  # "killed and wounded"
    lives_taken: re.Pattern  # " martyrs" after "claimed"
    not_human_losses: re.Pattern  # "material " before "losses"
    cause_between: re.Pattern  # "caused" between a count of attacks and an outcome
    attack_named_after: re.Pattern  # "of the American strike" after "martyrs"
    not_human_after: re.Pattern  # " in equipment" after "losses"
    nominal_of: frozenset[str]  # "the killing" of three soldiers
    nominal_to: frozenset[str]  # "minor injuries" to one driver
    own_victims: re.Pattern  # "none of its soldiers": the claimant's own
    other_victims: re.Pattern  # "a number of other fighters": of the side of the victims before


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    d = load_yaml("claims.yaml")
    outcome_of = {w.lower(): k for k, ws in d["outcomes"].items() for w in ws}
    return _Lexicon(
        outcome=re.compile(rf"\b(?:{_alt(outcome_of)})\b", re.I),
        outcome_of=outcome_of,
        linking=re.compile(rf"\b(?:{_alt(d['linking_verbs'])})\b", re.I),
        attribution=re.compile(rf"\b(?:{_alt(d['attribution_verbs'])})\b", re.I),
        number_of=tuple(re.compile(p, re.I) for p in d["number_of"]),
        victim_words=tuple((s, re.compile(rf"(?<![\w-])(?:{_alt(ws)})(?![\w-])", re.I)) for s, ws in d["victim_words"].items()),
        victim_modifiers=tuple((s, re.compile(rf"(?<![\w-])(?:{_alt(ws)})(?![\w-])", re.I)) for s, ws in d["victim_modifiers"].items()),
        backers=tuple((s, re.compile(rf"(?<![\w-])(?:{_alt(ws)})(?![\w-])", re.I)) for s, ws in d["victim_backers"].items()),
        # a word written in lower case matches at the start of a sentence too ("Militia
        # officials said"); capitals are kept where they tell ("US" is not "us")
        claimant_words=tuple((s, re.compile(rf"(?<![\w-])(?:{_alt_any_case(ws)})(?![\w-])")) for s, ws in d["claimant_words"].items()),
        group_nouns=frozenset(w.lower() for w in load_yaml("speech.yaml")["descriptors"]["group"]),
        between=(re.compile(rf"\b(?:{_alt(d['between_phrases'])})\b", re.I), *(re.compile(p, re.I) for p in d["between_patterns"])),
        determiner_count=re.compile(
            rf"(?<![\w’'-])({_alt(w for ws in d['determiner_counts'].values() for w in ws)})\s+"
            rf"(?=((?:[\w’'.-]+\s+){{0,3}}?)(?:{_alt(d['counted_nouns'])})s?(?![\w’'-]))",
            re.I,
        ),
        determiner_value={
            w.lower(): ((1, "exact") if kind == "exact_one" else (None, "vague"))
            for kind, ws in d["determiner_counts"].items() for w in ws
        },
        after_only=frozenset(w.lower() for w in d["counted_after_only"]),
        metonyms={k.lower(): v for k, v in d["metonyms"].items()},
        zero_before=tuple(re.compile(p, re.I) for p in d["zero_before_outcome"]),
        number_of_outcomes=dict(d["number_of_outcomes"]),
        victims_appended=re.compile("|".join(d["victims_appended"]), re.I),
        attack_anaphor=re.compile(d["attack_anaphor"], re.I),
        attack_anaphor_reach=int(d["attack_anaphor_reach"]),
        own_voice=re.compile(rf"\s+(?:{_alt(d['own_voice_suffixes'])})$", re.I),
        active_outcomes=frozenset(w.lower() for w in d["active_outcomes"]),
        sentence_subject=re.compile(rf"\s*(.{{3,120}}?)\s+(?:{'|'.join(map(re.escape, d['subject_verbs']))})\b", re.I),
        own_dead_words=frozenset(w.lower() for w in d["own_dead_words"]),
        own_dead_sides=frozenset(d["own_dead_sides"]),
        people_only=frozenset(w.lower() for w in d["counted_people_only"]),
        people_nouns=re.compile(rf"(?<![\w-])(?:{_alt(d['people_nouns'])})(?![\w-])", re.I),
        background=re.compile(d["background_clause"], re.I),
        insider=re.compile(d["insider"], re.I),
        partitive_deaths=re.compile(rf"\s+(?:{_alt(d['partitive_deaths'])})\b", re.I),
        causing=re.compile(rf"(?<!without )(?<!avoid )\b(?:{'|'.join(d['causing_verbs'])})\s+$", re.I),
        both=re.compile(
            rf"\b(?:{'|'.join(d['both_outcomes']['killed'])})\s+(?:and|or)\s+(?:{'|'.join(d['both_outcomes']['injured'])})\b"
            rf"|\b(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)\b", re.I),
        lives_taken=re.compile(rf"(?<=claimed)\s+(?:{_alt(d['lives_taken'])})\b", re.I),
        not_human_losses=re.compile(d["not_human_losses"], re.I),
        cause_between=re.compile(d["cause_between"], re.I),
        attack_named_after=re.compile(d["attack_named_after"], re.I),
        not_human_after=re.compile(d["not_human_after"], re.I),
        nominal_of=frozenset(re.sub(r"\s+", " ", w.lower()) for w in d["nominal_of"]),
        nominal_to=frozenset(re.sub(r"\s+", " ", w.lower()) for w in d["nominal_to"]),
        own_victims=re.compile("|".join(d["own_victims"]), re.I),
        other_victims=re.compile("|".join(d["other_victims"]), re.I),
        left_with=re.compile(rf"\b(?:{_alt(d['left_with_verbs'])})\s+(.{{1,80}}?)\s+with\s+(?:[\w-]+\s+){{0,2}}$", re.I),
        suffered=re.compile(rf"((?:[\w.’'-]+\s+){{0,3}}[\w.’'-]+)\s+(?:{_alt(d['suffering_verbs'])})\s+$", re.I),
    )


_GATE = prefiltered(re.compile("|".join(map(re.escape, load_yaml("claims.yaml")["gate"])), re.I))
_BREAK = re.compile(r"[;:!?]|(?<!\b[A-Z])\.|,\s|\b(?:and|but|while|after|as)\b")  # not the dots of "U.S."
# Victims told after the outcome: "no injuries to US personnel", "casualties among the troops".
_VICTIMS_AFTER = re.compile(r"(?:\s+(?:or|and)\s+[\w-]+)?\s+(?:to|among|of|on)\s+((?:the\s+)?(?:[\w.’'-]+\s+){0,3}[\w.’'-]+)", re.I)
_STOP_BETWEEN = re.compile(  # not the "by" of "passers-by"
    r"[;:!?]|(?<![A-Z])\.\s|,\s|(?<![\w-])(?:but|while|after|before|since|if|in|for|on|at|against|with|by|to|targets?|sites?)(?![\w-])", re.I
)
# "the number of PMF members martyred in the strikes ... has risen to 27"
_NUMBER_OF = re.compile(r"\b(?:number|toll)\s+of\s+", re.I)
_TOLL_FAR = re.compile(r"[^.;:]{0,120}?\b(?:rose|risen|climbed|reached|increased|stands|stood)\s+(?:to|at)\s+$", re.I)
# "causing minor injuries to coalition forces": an untold number (not "without causing ...")
_WORD_END = re.compile(r"[\w.’'-]+")
_HOW = re.compile(r"\bhow\s+$", re.I)
_WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-Z][\w.’'-]*)\s+$")
_AND_MORE = re.compile(r"\s*\band\s+")
# "the killing of three US soldiers", "the martyrdom of a number of civilians"
_NOMINAL = re.compile(r"(?:killing|death|deaths|martyrdom|wounding|injuring)\s+of\s+$", re.I)
# Generic subject of an attribution verb when no known actor is named: "a US defense official said".
# (a subject in lower case after "and" starts a clause: "..., and resistance sources said")
_SUBJECT_NP = re.compile(r"((?:[A-Z][\w.’'-]*|the|a|an|two|three|several|senior|local|\w+ian|\w+i|(?<=\band\s)[a-z][\w-]*)(?:\s+[\w.’'-]+){0,4}?)\s*,?\s*$")
_PARTICIPLE = re.compile(r"\b(?:killing|wounding|injuring|martyring|leaving|left)\s*$", re.I)
# "the death toll rose to 12", "the toll was at least five"
_TOLL_TO = re.compile(r"\s*(?:rose|risen|climbed|reached|stands|stood|increased|is|was|has risen)\s+(?:to|at)\s+$", re.I)
_TOLL_IS = re.compile(r"\s*(?:is|was|now\s+stands|stands|stood)\s+$", re.I)  # only after "toll"
# "according to the Pentagon", "by the Pentagon's count"
_ACCORDING = re.compile(
    r"\b(?:according to|by(?=\s+(?:the\s+)?[^,.;:]{2,40}?['’]s\s+(?:own\s+)?(?:count|tally|estimates?|figures|reckoning|numbers)\b))\s+",
    re.I,
)
_CITED = re.compile(r"\bcit(?:ed|ing|es)\s+(?P<y>.{2,60}?)\s+as\s+saying\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|they|it)\s*$", re.I)
_SOURCE_DESCRIPTOR = re.compile(r"\bthe (?:same )?(?:source|sources|official|officials|spokesman|spokesperson|statement)\b", re.I)
_PUT_NUMBER = re.compile(r"(?:put|puts|putting|placed|estimated)\s+the\s+\w+(?:\s+toll)?", re.I)
_SIGNATURE = re.compile(r"^\s*[—–-]\s*(?P<who>.+)$")
_SPOKES = re.compile(r"spokes|press secretary|press office", re.I)
_ENEMY = re.compile(r"\benemy\b", re.I)
_GENERIC_MILITARY = re.compile(r"\b(?:troops|soldiers?|personnel|service ?members?|servicemen)\b", re.I)


def _us_marked(victim: str) -> bool:
    return any(side == "us" and pat.search(victim) for side, pat in _lex().victim_modifiers)


_OUTCOME_NOUN = re.compile(r"[\w\s]*(?<!ed)(?<!ing)", re.I)  # "casualties", "deaths", not "killed"
_PARTITIVE = re.compile(r"\s+of\s+the\s+", re.I)
_OTHER_WORD = re.compile(r"\bother\b", re.I)
_OTHERS = re.compile(r"(?:\w+\s+)?others?(?:\s+people)?|(?:\w+\s+)?other people", re.I)
_OPPOSITE = {"us": "factions", "factions": "us", "iran": "us", "iraq_gov": "factions"}


def _speaking_for(actor: Actor) -> Actor:
    """A spokesman's number is his organisation's."""
    if actor.kind == "person" and actor.affiliation and actor.role and _SPOKES.search(actor.role):
        try:
            return load_gazetteer().get(actor.affiliation)
        except KeyError:
            return actor
    return actor


_NEGATED = re.compile(r"(?:no|none|nobody|no one)\b", re.I)
_NP_TAIL = re.compile(r"(?:\s+(?:have|has|had|since|also|later|then|previously|reportedly|already|initially|separately))+\s*$", re.I)
_CORRESPONDENT = re.compile(r"(?:our|its|the|a)?\s*(?:\w+\s+)?(?:correspondent|reporter)s?", re.I)
_PARTICIPLE_ATTR = re.compile(r"\w+ing$", re.I)
_SUBJECT_REACH = 70  # characters between the end of a subject and its verb ("X, a spokesman for Y, said")


_ARTICLE_AL = re.compile(r"\b(?:al|el)[-‐‑ ]", re.I)


# A clause joined on after a comma ("..., and the Pentagon said"): its subject is after the join.
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas|yet)|;)\s+")
# A non-restrictive relative clause between a source and its verb ("An official, who spoke on
# condition of anonymity, said ...").
_RELATIVE_AFTER_SOURCE = re.compile(r",\s+(?:who|which|where|whose)\s+[^;:!?\n]{3,160}?,\s*$")


def _subject_before(ctx: ArticleContext, start: int, pos: int) -> Actor | None:
    """The source that is the subject of a verb at ``pos``: named just before it, or at the
    start of its clause. Of a spokesman and his body, the one named nearest the verb: the
    spokesman named in full right before it, else his body (named between, or implied when he
    is named by his surname alone)."""
    for join in _CLAUSE_JOIN.finditer(ctx.text, start, pos):
        start = join.end()
    near = [
        m for m in ctx.mentions
        if m.start >= start and m.end <= pos and (pos - m.end <= _SUBJECT_REACH or m.start == start) and ctx.quote_at(m.start) is None
    ]
    if not near:
        return None
    persons = [m for m in near if m.actor.kind == "person"]
    m = (persons or near)[-1]
    if m.actor.kind == "person" and len(_ARTICLE_AL.sub("", m.text).split()) >= 2:
        if not any(x.actor.kind != "person" and m.end <= x.start and x.end <= pos for x in near):
            return m.actor  # "Pentagon press secretary John Kirby said": the nearest source is he
    return _insider(ctx, m) or _qualified(ctx, m) or _speaking_for(m.actor)  # "X, the spokesman for OIR, said", "Kirby said": his body's


def _qualified(ctx: ArticleContext, m) -> Actor | None:
    """An unnamed source qualified by a word its alias lacks: "US security officials", "a Kurdish
    security source" are not the gazetteer's (Iraqi) "security officials"."""
    if m.actor.kind != "group":
        return None
    word = _WORD_BEFORE.search(ctx.text, max(0, m.start - 30), m.start)
    if word is None or word.group(1).lower() in m.actor.name.lower():
        return None
    side = _claimant_words(word.group(1))  # a word that tells a side: "US", "Kurdish"
    return Actor(f"{word.group(1)} {m.text}", "group", side[1], ()) if side else None


def _generic_subject(ctx: ArticleContext, start: int, pos: int) -> tuple[str, str] | None:
    """(claimant, side) for an unnamed source: "a US defense official said", "security sources said"."""
    m = _SUBJECT_NP.search(ctx.text, start, pos)
    if not m:
        return None
    np_text = _DETERMINER.sub("", m.group(1).strip())
    np_text = _NP_TAIL.sub("", np_text).strip(" ,")  # "American media outlets have since" -> "American media outlets"
    if not np_text or np_text.lower() in ("he", "she", "they", "it", "who", "which", "that"):
        return None
    if _NEGATED.match(np_text):
        return None  # "No group has claimed the attack": nobody speaks
    if _CORRESPONDENT.fullmatch(np_text) and ctx.outlet:
        return ctx.outlet, ctx.outlet_side or "unknown"  # the outlet's own correspondent
    if _SOURCE_DESCRIPTOR.fullmatch(m.group(1).strip()):
        if np_text.lower() == "statement":  # "according to the statement": its issuer, told before
            actor, basis = _previous_source(ctx, ctx.sentences[ctx.sentence_of(start)], same_paragraph=False)
            return _name_side(ctx, actor, basis) if basis != "outlet" else None
        prior = _source_before(ctx, start)  # "according to the same source"
        return (prior.name, prior.side) if prior else None
    actor = load_gazetteer().resolve(_lex().metonyms.get(np_text.lower(), np_text))
    if actor is not None and actor.kind != "person":
        return actor.name, actor.side  # "the coalition", "security sources"
    if _BARE_NOUN.fullmatch(np_text):
        if np_text.lower() in _lex().group_nouns:  # "the group", "the Resistance"
            if np_text.lower().endswith("s"):  # "the factions", "the militias": the factions at large, or one named
                found = _faction_before(ctx, start)
                return found if found and found[1] == "factions" else _claimant_words(np_text)
            return _faction_before(ctx, start)
        return _body_named_before(ctx, np_text, start)  # "the ministry", "the command"
    return _claimant_words(_canonical_body(np_text))


def _source_before(ctx: ArticleContext, pos: int) -> Actor | None:
    """The source last named before ``pos`` ("an Iraqi security source", "a source in the
    Hashd"), for "the source"."""
    prior = [x for x in ctx.mentions if x.end <= pos and (x.actor.kind == "group" or _insider(ctx, x))]
    if not prior:
        return None
    return _insider(ctx, prior[-1]) or prior[-1].actor


_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z]{2,6})\)")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_OPEN_BRACKET = re.compile(r"\s*\(")


def _insider(ctx: ArticleContext, m) -> Actor | None:
    """"a source in the PMF": an unnamed member of the body named at mention ``m`` speaks."""
    if m.actor.kind in ("person", "outlet"):
        return None
    start = m.start
    named = [x for x in ctx.mentions if x.actor is m.actor and x.end < m.start and _OPEN_BRACKET.fullmatch(ctx.text, x.end, m.start)]
    if named:  # the acronym in "the Popular Mobilization Forces (PMF)"
        start = named[-1].start
    w = _lex().insider.search(ctx.text, max(0, start - 40), start)
    if w is None:
        return None
    short = m.text
    if len(m.text.split()) > 1:  # "the Popular Mobilization Forces (PMF)": by its acronym
        after = _ACRONYM_AFTER.match(ctx.text, m.end)
        acronyms = [a for a in m.actor.aliases if _ACRONYM.fullmatch(a)]
        short = after.group(1) if after else (acronyms[0] if acronyms else m.text)
    mod = f"{w.group('mod').lower()} " if w.group("mod") else ""
    return Actor(f"{short} {mod}{w.group('noun').lower()}", "group", m.actor.side, ())


def _canonical_body(name: str) -> str:
    """The canonical form of an unnamed body's name: "the Kurdistan Region's Ministry of Interior"
    is the "Kurdistan Region Interior Ministry", "American media outlets" are "American media"."""
    name = _POSSESSIVE_S.sub("", name)
    name = _MINISTRY_OF.sub(lambda m: f"{m.group(2)} {m.group(1)}", name)
    return _MEDIA_TAIL.sub("", name)


def _claimant_words(name: str) -> tuple[str, str] | None:
    for side, pat in _lex().claimant_words:
        if pat.search(name):
            return name, side
    return None


def _opening_subject(ctx: ArticleContext, sent) -> Actor | None:
    """The actor that opens the sentence ("Kataib Hezbollah has ...", "The resistance has ...")."""
    head = _OPENING.match(ctx.text, sent.start, sent.end)
    if head is None:
        return None
    named = [m for m in ctx.mentions if head.start(1) <= m.start < head.end(1)]
    if named:
        return named[0].actor
    if head.group(1).split()[-1].lower() in _lex().group_nouns:
        return last_faction([m for m in ctx.mentions if ctx.quote_at(m.start) is None], sent.start)
    return None


def _faction_before(ctx: ArticleContext, pos: int) -> tuple[str, str] | None:
    actor = last_faction([m for m in ctx.mentions if ctx.quote_at(m.start) is None], pos)
    return (actor.name, actor.side) if actor is not None else None


def _body_named_before(ctx: ArticleContext, noun: str, pos: int) -> tuple[str, str] | None:
    """(name, side) of the body named before ``pos`` whose name ends in ``noun``: "the ministry"
    after "the Kurdistan Region's interior ministry said", "the command" after "US Central Command"."""
    word = re.compile(rf"(?<![\w-]){re.escape(noun)}$", re.I)
    known = [m for m in ctx.mentions if m.end <= pos and m.actor.kind not in ("person", "outlet") and word.search(m.text)]
    named = None
    pat = rf"((?:[A-Z][\w’'.-]*\s+)+(?:[a-z][\w-]*\s+){{0,2}}(?i:{re.escape(noun)})(?:\s+of\s+(?:the\s+)?[A-Z][\w-]*)?)(?![\w-])"
    for named in re.finditer(pat, ctx.text[:pos]):
        pass
    if known and (named is None or known[-1].start >= named.start(1)):
        return known[-1].actor.name, known[-1].actor.side
    if named is not None and ctx.quote_at(named.start(1)) is None:
        return _claimant_words(_canonical_body(_DETERMINER.sub("", named.group(1))))
    return None


_TOLD = frozenset({"told", "tells", "telling"})
# A transcript's speaker label opening a paragraph: "MR. KIRBY:", "SECRETARY AUSTIN:"
# "MR. KIRBY:", and an interview's "Haddad:" (a label whose words hold a person's name)
_TRANSCRIPT_LABEL = re.compile(r"((?:[A-Z][A-Za-z.'’-]*\s+){0,3}[A-Z][A-Za-z.'’-]*[A-Za-z'’]):\s")
_TRANSCRIPT_TURN = re.compile(r"(?:^|\n)\s*((?:[A-Z][A-Za-z.'’-]*\s+){0,3}[A-Z][A-Za-z.'’-]*[A-Za-z'’]):\s")  # a label opening a paragraph
# "claimed martyrs", "claimed the lives of": a verb of attribution that takes lives
_AND_VERB = re.compile(r",?\s+and\s+(?:also\s+)?$")
# The subject opening a sentence, up to its first verb in the past or present tense.
_OPENING_SUBJECT = re.compile(r"\s*((?:[\w.’'-]+\s+){0,4}?[\w.’'-]+)\s+(?:[a-z]+ed|said|says|told|tells)\b")
_ITS_OWN = re.compile(r"\b(?:it|its|they|their)\b", re.I)
# The subject opening a sentence: up to four words before its verb.
_OPENING = re.compile(r"\s*(?:the\s+)?((?:[\w’'-]+\s+){0,3}?[\w’'-]+)\s+(?:has|have|had|is|are|was|were|says|said|claims|claimed)\b", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
# a common noun phrase of up to three words ("officials", "the army", "local officials")
_COMMON_NP = re.compile(r"(?!(?:he|she|they|it|we|i|you|who|which|that|this|there)\b)(?:(?:the|a|an)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}")
_CLAUSE_END = re.compile(r"[,;:.!?]")
_MINISTRY_OF = re.compile(r"\b(Ministry)\s+of\s+(?:the\s+)?([A-Z][\w-]*)$")
_MEDIA_TAIL = re.compile(r"(?<=\bmedia)\s+(?:outlets|reports)$", re.I)
_BARE_NOUN = re.compile(r"[A-Za-z][a-z]{3,}")
_POSSESSIVE_S = re.compile(r"['’]s(?=\s)")  # "the Kurdistan Region's interior ministry" is the Kurdistan Region interior ministry
# A relative or contrasting clause whose subject speaks ("strikes that the government said hit
# ...", "although X claimed ...") attributes only itself.
_OWN_CLAUSE = re.compile(r"\b(?:that|which|whom|although|though|whereas|while|but)\s+(?:[\w.’'-]+\s+){1,5}$", re.I)
_INVERTED_GAP = re.compile(r"\s+(?:(?:by|the|a|an)\s+)?")
_INVERTED_ROLE = re.compile(r"\s+(?:the|a|an|its|his|their)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+,\s+(?:[A-Z][a-z]{0,5}\.?\s+){0,3}")


def claimant_for(ctx: ArticleContext, sent, pos: int, *, carry: bool = True, quotes: bool = True) -> tuple[Actor | None, str]:
    """(actor, basis) of whoever the article says claims the fact at ``pos``.

    The basis is how it was found; an unnamed source ("a US official said") comes back as
    (None, "generic:<phrase>|<side>"), and no source at all as the outlet.
    """
    text = ctx.text
    q = ctx.quote_at(pos) if quotes else None
    if q is not None and getattr(q, "speaker", None):
        actor = load_gazetteer().resolve(q.speaker)
        if actor:
            if not any(sent.start <= m.start < sent.end and m.actor is actor for m in ctx.mentions):
                # a speaker named elsewhere, while the sentence names who says it: "a platform close
                # to the factions claimed that the attack had caused “dozens of dead ...”"
                own, basis = claimant_for(ctx, sent, q.start, carry=False, quotes=False)
                if basis in ("subject", "according to") or basis.startswith("generic:"):
                    return own, basis
            return _speaking_for(actor), "quote"
    m = _ACCORDING.search(text, sent.start, sent.end)
    if m:
        cut = _CLAUSE_END.search(text, m.end(), sent.end)
        end = cut.start() if cut else sent.end
        after = [x for x in ctx.mentions if m.end() <= x.start < min(end, m.end() + 60)]
        if after:
            return _speaking_for(after[0].actor), "according to"
        phrase = _DETERMINER.sub("", text[m.end() : end].strip())
        if _ITS_OWN.search(phrase):  # "according to figures it has published": the sentence's subject
            opening = _opening_subject(ctx, sent)
            if opening is not None:
                return opening, "according to"
        generic = _generic_subject(ctx, m.end(), end) or (_claimant_words(phrase) if len(phrase.split()) <= 4 else None)
        if generic:  # "according to the ministry", "according to informed sources"
            return None, f"generic:{generic[0]}|{generic[1]}"
    cited = _CITED.search(text, sent.start, sent.end)
    if cited and cited.start() < pos:
        actor = _subject_before(ctx, sent.start, cited.start())
        if actor:
            return actor, "cited"
    verbs = [v for v in _lex().attribution.finditer(text, sent.start, pos) if not _lex().lives_taken.match(text, v.end())]
    for v in reversed(verbs):
        if _OWN_CLAUSE.search(text, sent.start, v.start()) and "," in text[v.end() : pos]:
            continue  # "The strikes, which the Pentagon said hit nine sites, answered an attack that killed ..."
        relative = _RELATIVE_AFTER_SOURCE.search(text, sent.start, v.start())
        head = relative.start() if relative else v.start()  # the source before ", who ..., said"
        before = text[sent.start : head]
        if _PRONOUN.search(before):
            actor, basis = _referent(ctx, sent, v.start(), carry)
            if basis != "outlet":
                return actor, basis
        if _SOURCE_DESCRIPTOR.search(before[-40:]):
            prior = _source_before(ctx, v.start())
            if prior:
                return prior, "descriptor"
        actor = _subject_before(ctx, sent.start, head)
        if actor:
            return actor, "subject"
        if _AND_VERB.search(text, max(sent.start, head - 12), head):
            # "Iraqi security officials identified the commander ..., and said ...": the verb
            # shares the sentence's subject
            opening = _OPENING_SUBJECT.match(text, sent.start, head)
            if opening:
                actor = _subject_before(ctx, sent.start, opening.end(1))
                if actor:
                    return actor, "subject"
                generic = _generic_subject(ctx, sent.start, opening.end(1))
                if generic:
                    return None, f"generic:{generic[0]}|{generic[1]}"
        generic = _generic_subject(ctx, max(sent.start, head - 60), head)
        if generic:
            return None, f"generic:{generic[0]}|{generic[1]}"
        if _PARTICIPLE_ATTR.match(v.group()) and text[max(sent.start, v.start() - 2) : v.start()].startswith(","):
            # "The ministry gave a different account, saying ...": the sentence's subject speaks.
            head = _lex().sentence_subject.match(text, sent.start, v.start())
            if head:
                actor = _subject_before(ctx, sent.start, sent.start + head.end(1) - sent.start)
                if actor:
                    return actor, "subject"
                generic = _generic_subject(ctx, sent.start, head.end(1))
                if generic:
                    return None, f"generic:{generic[0]}|{generic[1]}"
    # An attribution after the fact: "..., the ministry said."
    for v in _lex().attribution.finditer(text, pos, sent.end):
        if _lex().lives_taken.match(text, v.end()):
            continue  # "a crime that claimed martyrs": no one speaks
        if ";" in text[pos : v.start()]:
            break  # "... wounded one driver; the ministry counted 27 attacks": another clause, its own subject
        if _OWN_CLAUSE.search(text, pos, v.start()):
            continue  # "... killed three soldiers, days after strikes that the ministry said hit ...", "although X claimed"
        if _PRONOUN.search(text, max(pos, v.start() - 8), v.start()):
            actor, basis = _referent(ctx, sent, v.start(), carry)  # "..., it said."
            if basis != "outlet":
                return actor, basis
        # ", said the Pentagon" (inverted; but "..., a source told Shafaq News": the teller, not the
        # outlet told), else the subject before the verb ("..., U.S. Central Command said, the
        # first ..."), never a mention past a comma or in the next sentence.
        if v.group().lower() not in _TOLD:
            inverted = [
                x for x in ctx.mentions if v.end() <= x.start < sent.end and (
                    _INVERTED_GAP.fullmatch(text, v.end(), x.start)
                    or (x.actor.kind == "person" and _INVERTED_ROLE.fullmatch(text, v.end(), x.start))
                )
            ]  # ", said the Pentagon", ", said the police spokesman, Col. X"
            if inverted:
                return _speaking_for(inverted[0].actor), "subject"
        # the words since the last comma first: "..., two US contractors wounded, the army said"
        # is the army's, not the contractors' country's
        comma = text.rfind(",", max(pos, v.start() - 50), v.start())
        if comma >= 0 and _COMMON_NP.fullmatch(text[comma + 1 : v.start()].strip()) and (
            _subject_before(ctx, comma + 1, v.start()) is None
        ):
            generic = _generic_subject(ctx, comma + 1, v.start())
            if generic is None:  # "officials", "the army": a source the text does not place speaks
                break            # in the outlet's voice, not a name told before the comma
            return None, f"generic:{generic[0]}|{generic[1]}"
        subject = _subject_before(ctx, max(pos + 1, v.start() - 50), v.start())
        if subject is not None:
            return subject, "subject"
        generic = _generic_subject(ctx, max(pos, v.start() - 60), v.start())
        if generic:
            return None, f"generic:{generic[0]}|{generic[1]}"
    # The source named in the sentence before, in the same paragraph, still speaks.
    if carry:
        actor, basis = _previous_source(ctx, sent, same_paragraph=True)
        if basis != "outlet":
            return actor, basis
    # A tweet or statement signed on the next line: "— OIR Spokesman Col. Wayne Marotto".
    ps, pe = ctx.paragraph_bounds(pos)
    label = _TRANSCRIPT_LABEL.match(text, ps, pe) or _last_label(ctx, ps)
    if label:  # a transcript's turn: "MR. KIRBY: It was a response to the attack ...", and its next paragraphs
        speaker = [x for x in ctx.mentions if label.start(1) <= x.start < label.end(1) and x.actor.kind == "person"]
        if speaker:
            return speaker[0].actor, "transcript"
    nxt_end = text.find("\n", pe + 1)
    nxt = text[pe + 1 : len(text) if nxt_end < 0 else nxt_end]
    sig = _SIGNATURE.match(nxt)
    if sig:
        signed = [x for x in ctx.mentions if pe + 1 <= x.start < pe + 1 + len(nxt)]
        if signed:
            person = [x for x in signed if x.actor.kind == "person"]
            return _speaking_for((person or signed)[0].actor), "signature"
    if ctx.outlet:
        actor = load_gazetteer().outlet_for(name=ctx.outlet)
        if actor:
            return actor, "outlet"
    return None, "outlet"


def _last_label(ctx: ArticleContext, ps: int) -> re.Match | None:
    """The speaker label of the transcript turn a paragraph without one continues: the last label
    opening a paragraph before ``ps``."""
    last = None
    for m in _TRANSCRIPT_TURN.finditer(ctx.text, 0, ps):
        last = m
    return _TRANSCRIPT_LABEL.match(ctx.text, last.start(1)) if last else None


def _previous_source(ctx: ArticleContext, sent, *, same_paragraph: bool) -> tuple[Actor | None, str]:
    """The source of the sentence before ``sent`` (in its paragraph, or the paragraph before)."""
    si = ctx.sentence_of(sent.start)
    if si == 0:
        return None, "outlet"
    prev = ctx.sentences[si - 1]
    if same_paragraph and ctx.text.find("\n", prev.end, sent.start) >= 0:
        return None, "outlet"
    return claimant_for(ctx, prev, prev.end, carry=False)


def _referent(ctx: ArticleContext, sent, pos: int, carry: bool) -> tuple[Actor | None, str]:
    """Whom "he/she/it/they said" refers to: the source of the sentence before, else the
    speaker of the last quote before ``pos``."""
    if carry:
        actor, basis = _previous_source(ctx, sent, same_paragraph=False)
        if basis != "outlet":
            return actor, basis if basis.startswith("generic:") else "pronoun"
    prior = [qq for qq in ctx.quotes if qq.end <= pos and getattr(qq, "speaker", None)]
    actor = load_gazetteer().resolve(prior[-1].speaker) if prior else None
    if actor:
        return _speaking_for(actor), "pronoun"
    return None, "outlet"


def claimant_name_side(ctx: ArticleContext, sent, pos: int) -> tuple[str | None, str]:
    """(claimant name, side) for the fact at ``pos`` (see :func:`claimant_for`)."""
    actor, basis = claimant_for(ctx, sent, pos)
    return _name_side(ctx, actor, basis)


def _name_side(ctx: ArticleContext, actor: Actor | None, basis: str) -> tuple[str | None, str]:
    if actor is not None:
        return actor.name, actor.side
    if basis.startswith("generic:"):
        name, _, side = basis[len("generic:") :].rpartition("|")
        # "The Ministry of Interior announces ..." in the ministry's own statement: the body itself
        body = _own_voice_body(ctx.outlet) if ctx.outlet else None
        if body is not None and body.kind != "outlet" and side in (body.side, "unknown") and len(name.split()) >= 2 and (
            set(name.lower().split()) <= set(body.name.lower().split())
        ):
            return body.name, body.side
        return name, side
    # A body publishing its own statement ("Kata'ib Hezbollah media office (translated)")
    # claims under its canonical name.
    body = _own_voice_body(ctx.outlet) if ctx.outlet else None
    if body is not None and body.kind != "outlet" and body.side not in ("unknown", "media"):
        return body.name, body.side  # "Harakat al-Nujaba media office": the movement's own word
    if body is not None:
        return body.name, ctx.outlet_side or "unknown"
    # (a catalog's note on the outlet's name is not part of it: "Al-Akhbar (English translation)")
    return (without_note(ctx.outlet) if ctx.outlet else None), ctx.outlet_side or "unknown"


@lru_cache(maxsize=64)
def _own_voice_body(outlet: str) -> Actor | None:
    """The body an outlet's name stands for when it publishes its own statements."""
    gaz = load_gazetteer()
    name = bare_name(outlet)
    return gaz.resolve(name, loose=False) or gaz.resolve(_lex().own_voice.sub("", name), loose=False)


def _victim_side(ctx: ArticleContext, start: int, end: int, claimant_side: str, *, marked: bool = False) -> tuple[str | None, str | None]:
    """(victim words, side) for the noun phrase text[start:end]; with ``marked``, only a side
    its modifiers or a named actor tell ("American", "Iraqi security forces"), not its noun."""
    lex = _lex()
    np_text = ctx.text[start:end]
    words = lex.linking.sub(" ", np_text)
    words = re.sub(r"[“”\"‘’']", " ", words).strip(" ,")
    if not words:
        return None, None
    if _ENEMY.search(words):
        return words, _OPPOSITE.get(claimant_side, "unknown")
    # "pro-Iran fighters", "Iraqi air defense soldiers": a modifier that tells whose men they
    # are wins over a country named inside it.
    for side, pat in lex.backers:
        if pat.search(words):
            return words, side
    for m in ctx.mentions:
        if m.start >= start and m.end <= end and m.actor.kind not in ("outlet", "person"):
            # Named victims: their side, even 'unknown' (SDF fighters are not the factions).
            return words, m.actor.side
    for side, pat in lex.victim_modifiers:
        if pat.search(words):
            return words, side
    if marked:
        return words, None
    best = None
    for side, pat in lex.victim_words:
        m = pat.search(words)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    return words, (best[1] if best else None)


def _quantity_for(ctx: ArticleContext, sent, om: re.Match, quantities: list[Quantity]):
    """(quantity, victim span) that counts outcome match ``om``, or None."""
    text = ctx.text
    lex = _lex()
    # "the killing of three US soldiers"
    word = re.sub(r"\s+", " ", om.group().lower())
    if _NOMINAL.match(text, om.start(), om.end() + 4) or re.match(r"\s+of\s+", text[om.end() : om.end() + 5]):
        if word in lex.nominal_of:
            for q in quantities:
                if om.end() < q.start <= om.end() + 5:
                    stop = _BREAK.search(text, q.end, sent.end)
                    return q, (q.end, stop.start() if stop else sent.end)
    # "resulting in minor injuries to one driver"
    to = re.match(r"\s+(?:to|among)\s+", text[om.end() : om.end() + 8])
    if to and word in lex.nominal_to:
        for q in quantities:
            if q.start == om.end() + to.end():
                stop = _BREAK.search(text, q.end, sent.end)
                return q, (q.end, stop.start() if stop else sent.end)
    # "killing eight members of the PMF", "wounding three other civilians"
    if _PARTICIPLE.search(text, sent.start, om.end()) and om.group().lower().endswith("ing"):
        for q in quantities:
            if om.end() <= q.start <= om.end() + 3:
                stop = _BREAK.search(text, q.end, sent.end)
                return q, (q.end, stop.start() if stop else sent.end)
    # "the strike killed two commanders", "killing a Kataib Hezbollah commander"
    if om.group().lower() in _lex().active_outcomes:
        for q in quantities:
            if om.end() < q.start <= om.end() + 3 and not text[om.end() : q.start].strip():
                stop = _BREAK.search(text, q.end, sent.end)
                if om.group().lower() in lex.people_only and not lex.people_nouns.search(text, q.end, stop.start() if stop else sent.end):
                    return None  # "lost two drones"
                return q, (q.end, stop.start() if stop else sent.end)
    if om.group().lower() in lex.after_only:
        return None
    # "without causing casualties", "not aware of any civilians being killed"
    for pat in lex.zero_before:
        z = pat.search(text, max(sent.start, om.start() - 90), om.start())
        if z is not None:
            victims = z.span("victims") if "victims" in pat.groupindex else (om.end(), om.end())
            return Quantity(z.start(), z.end(), z.group(), 0, 0, "none"), victims
    # "the death toll rose to 12", "the number of members martyred ... has risen to 27"
    number_of = _NUMBER_OF.search(text, max(sent.start, om.start() - 80), om.start())
    for q in quantities:
        if q.start > om.end() and (_TOLL_TO.match(text, om.end(), q.start)
                                   or (om.group().lower().endswith("toll") and _TOLL_IS.match(text, om.end(), q.start))):
            return q, (om.end(), om.end())
        if q.start > om.end() and number_of and _TOLL_FAR.match(text, om.end(), q.start):
            return q, (number_of.end(), om.start())
    # "left 21 American personnel with minor injuries"
    left = lex.left_with.search(text, sent.start, om.start())
    if left:
        for q in quantities:
            if q.start == left.start(1):
                return q, (q.end, left.end(1))
    # A number before the outcome with only victims and linking verbs between.
    for q in reversed([q for q in quantities if q.end <= om.start()]):
        between = text[q.end : om.start()]
        if _PARTITIVE.fullmatch(between) and lex.partitive_deaths.match(text, om.end()):
            return None  # "one of the injured died of his wounds"
        for pat in lex.between:
            between = pat.sub(" ", between)
        named = sum(len(m.text.split()) - 1 for m in ctx.mentions if q.end <= m.start and m.end <= om.start())
        if len(between.split()) - named > 9 or lex.outcome.search(between) or lex.attribution.search(between) or _STOP_BETWEEN.search(between):
            break
        if lex.cause_between.search(between):
            break  # "only three of them caused injuries": three attacks
        return q, (q.end, om.start())
    # "the enemy suffered losses in lives", "the occupiers suffered casualties": no count told
    if _OUTCOME_NOUN.fullmatch(om.group()):
        sufferers = lex.suffered.search(text, max(sent.start, om.start() - 60), om.start())
        if sufferers:
            return Quantity(om.start(), om.start(), "", None, None, "vague"), sufferers.span(1)
    # "causing minor injuries to coalition forces"
    if lex.causing.search(text, max(sent.start, om.start() - 12), om.start()) and _VICTIMS_AFTER.match(text, om.end(), sent.end):
        return Quantity(om.start(), om.start(), "", None, None, "vague"), (om.end(), om.end())
    return None


def _coordinated(ctx: ArticleContext, sent, om: re.Match, q: Quantity, ve: int, quantities, taken) -> tuple[Quantity, int, bool] | None:
    """A second object of the same active outcome (not "and two others were wounded", which has
    its own outcome): (its count, the end of its victims, whether it is a claim of its own, on
    another side: "wounded four American service members and two members of the Iraqi security
    forces")."""
    text = ctx.text
    if not (om.group().lower() in _lex().active_outcomes and q.start > om.end()):
        return None
    gap = _AND_MORE.match(text, ve, sent.end)
    if gap is None:
        return None
    q2 = next((x for x in quantities if x.start == gap.end() and id(x) not in taken), None)
    if q2 is None:
        return None
    stop = _BREAK.search(text, q2.end, sent.end)
    end = stop.start() if stop else sent.end
    if _lex().outcome.search(text, q2.end, end) or _lex().linking.search(text, q2.end, end):
        return None
    return q2, end, _told_apart(ctx, (q.end, ve), (q2.end, end))


_AND_BEFORE = re.compile(r"(?:[^,;:.]|(?<=[A-Z])\.|\.(?=\S)){0,60}?\s+and\s+$")  # the dots of "U.S." do not part them


def _coordinated_before(ctx: ArticleContext, sent, q: Quantity, quantities, taken) -> tuple[Quantity, int, bool] | None:
    """A count joined by "and" before the one of a passive outcome ("Five US service members
    and two contractors were hurt"): (that count, the end of its victims, whether it is a claim
    of its own, on another side)."""
    text = ctx.text
    q0 = next((x for x in reversed(quantities) if x.end <= q.start and id(x) not in taken), None)
    if q0 is None or q0.start < sent.start or q0.low is None or not _AND_BEFORE.fullmatch(text, q0.end, q.start):
        return None
    ve0 = q.start - len(text[q0.end : q.start]) + text[q0.end : q.start].rfind(" and ")
    if _victim_side(ctx, q0.end, ve0, "unknown")[1] is None:
        return None  # "hit two depots and four fighters were killed": no victims
    stop = _BREAK.search(text, q.end, sent.end)
    return q0, ve0, _told_apart(ctx, (q0.end, ve0), (q.end, stop.start() if stop else sent.end))


def _told_apart(ctx: ArticleContext, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two coordinated counts are two claims: their victims are of two sides ("four
    American service members and two Iraqi soldiers"), or the text tells the nationality of one
    and not of the other ("five American service members and two contractors"); not when neither
    is told ("three soldiers and two policemen") or the second is only "others"."""
    a = _victim_side(ctx, *first, "unknown", marked=True)[1]
    b = _victim_side(ctx, *second, "unknown", marked=True)[1]
    if a is None and b is None:
        return False
    if a is None or b is None:  # one told, one not: both must name their victims, not "other ..."
        if _OTHER_WORD.search(ctx.text, *second):
            return False
        return all(_victim_side(ctx, *span, "unknown")[1] is not None for span in (first, second))
    return a != b


def _sum(q: Quantity, q2: Quantity) -> Quantity:
    """One count of two coordinated ones: 2 and 1 make 3; 1 and "several others" at least 1."""
    if q.qualifier == q2.qualifier == "exact":
        return Quantity(q.start, q2.end, f"{q.text} and {q2.text}", q.low + q2.low, q.high + q2.high, "exact")
    if q.low is None:
        return q
    return Quantity(q.start, q2.end, f"{q.text} and {q2.text}", q.low + (q2.low or 0), None, "at_least")


# "one of the dead was a young shepherd": who the victims were, told as the predicate
_VICTIM_PREDICATE = re.compile(r"\s+(?:was|were)\s+((?:a|an|the)\s+(?:[\w.’'-]+\s+){0,3}[\w.’'-]+)", re.I)


def _victims_after(ctx: ArticleContext, pos: int, end: int) -> tuple[int, int] | None:
    """The victims told after an outcome ("no injuries to US personnel", "no casualties among the
    Iraqi forces stationed there"): the shortest run of up to four words that tells a side."""
    m = _VICTIMS_AFTER.match(ctx.text, pos, end) or _VICTIM_PREDICATE.match(ctx.text, pos, end)
    if m is None or _lex().attack_named_after.match(ctx.text, m.start(1), end):
        return None  # "the two martyrs of the American strike": the attack, not the victims
    for w in _WORD_END.finditer(ctx.text, m.start(1), m.end(1)):
        if _victim_side(ctx, m.start(1), w.end(), "unknown")[1]:
            return m.start(1), w.end()
    return None


def _determiner_counts(ctx: ArticleContext, sent, quantities: list[Quantity]) -> list[Quantity]:
    """Counts told by a determiner before a counted noun ("a member of Kataib Hezbollah", "some
    enemy"), where no number was read."""
    lex = _lex()
    out = []
    for m in lex.determiner_count.finditer(ctx.text, sent.start, sent.end):
        if any(q.start <= m.start(1) < q.end or m.start(1) <= q.start < m.end() for q in quantities):
            continue
        if lex.outcome.search(m.group(2)) or lex.linking.search(m.group(2)) or lex.attribution.search(m.group(2)):
            continue  # "a drone killed three people": no noun phrase
        low, qualifier = lex.determiner_value[m.group(1).lower()]
        out.append(Quantity(m.start(1), m.end(1), m.group(1), low, low, qualifier))
    return out


_AND_COUNT = re.compile(r"[^,;]{0,40}?\s+and\s+$", re.I)  # "five service members and "


def _count_before(ctx: ArticleContext, sent, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The outcome and victims of the count told last before ``pos``, in this sentence or the one
    before ("eight militiamen were killed. A third source put the number at five")."""
    si = ctx.sentence_of(sent.start)
    start = ctx.sentences[si - 1].start if si > 0 else sent.start
    lex = _lex()
    last = None
    for om in lex.outcome.finditer(ctx.text, start, pos):
        last = om
    if last is None:
        return None
    outcome = lex.outcome_of.get(re.sub(r"\s+", " ", last.group().lower()), "casualties")
    counts = [q for q in ctx.quantities if start <= q.start and q.end <= last.start()]
    victims = (counts[-1].end, last.start()) if counts else (last.start(), last.start())
    return outcome, victims


def _number_of_claims(ctx: ArticleContext, sent) -> list[tuple[Quantity, str, tuple[int, int], int, tuple[int, int]]]:
    """Claims told as "put the number of the wounded at five": (count, outcome, span, where the
    outcome word is, victims after the count). A second count joined by "and" ("at five service
    members and two contractors") is a claim of its own."""
    out = []
    lex = _lex()
    told: set[int] = set()  # the figures read already, by an earlier pattern
    for pat in lex.number_of:
        for m in pat.finditer(ctx.text, sent.start, sent.end):
            qs = find_quantities(m.group("qty"))
            if not qs or m.start("qty") in told:
                continue
            base = m.start("qty")
            told.add(base)
            if "outcome" not in pat.groupindex:  # "put the number at five": of the count told before
                before = _count_before(ctx, sent, m.start())
                if before is None:
                    continue
                outcome, victims = before
                q0 = qs[0]
                q = Quantity(base + q0.start, base + q0.end, q0.text, q0.low, q0.high, q0.qualifier)
                out.append((q, outcome, (m.start(), m.end()), m.start(), victims))
                continue
            word = m.group("outcome").lower()
            outcome = lex.number_of_outcomes.get(word) or lex.outcome_of.get(word, "injured")
            q0 = qs[0]
            q = Quantity(base + q0.start, base + q0.end, q0.text, q0.low, q0.high, q0.qualifier)
            q2 = qs[1] if len(qs) > 1 and _AND_COUNT.match(m.group("qty"), q0.end, qs[1].start) else None
            if q2 is None:
                victims = (m.start("victims"), m.end("victims")) if "victims" in pat.groupindex else (q.end, m.end())
                out.append((q, outcome, (m.start(), m.end()), m.start("outcome"), victims))
                continue
            out.append((q, outcome, (m.start(), base + q2.start), m.start("outcome"), (q.end, base + q2.start)))
            second = Quantity(base + q2.start, base + q2.end, q2.text, q2.low, q2.high, q2.qualifier)
            out.append((second, outcome, (base + q2.start - len(" and"), m.end()), m.start("outcome"), (second.end, m.end())))
    return out


def _attribution_point(ctx: ArticleContext, s: int) -> int:
    """Where to look back from for the claimant: past a "put the number" phrase that starts the claim."""
    m = _PUT_NUMBER.match(ctx.text, s) or _lex().attribution.match(ctx.text, s)  # "X mourned two of its men"
    return m.end() if m else s


def extract_claims(ctx: ArticleContext, *, event_side_at=None) -> list[Claim]:
    """Every casualty claim of an article, once each, in text order.

    ``event_side_at(pos)`` may give the target side of the attack told around ``pos``, for
    claims that name no victims ("there were no injuries").
    """
    lex = _lex()
    text = ctx.text
    gated = [(si, sent) for si, sent in enumerate(ctx.sentences) if _GATE.search(sent.text)]
    if gated:  # claimants may be people the gazetteer does not know ("Kamal Hassan, the police chief, said")
        ctx = replace(ctx, mentions=with_people(text, ctx.mentions))
    found: list[Claim] = []
    last_side = None  # the victims' side of the claim before, in the article
    unmarked: set[int] = set()  # claims of soldiers with no nationality read as Iraqi
    for si, sent in gated:
        quantities = [
            q for q in ctx.quantities
            if sent.start <= q.start and q.end <= sent.end and not _HOW.search(text, max(sent.start, q.start - 5), q.start)
        ]  # "how many were killed?" counts nothing
        quantities = sorted(quantities + _determiner_counts(ctx, sent, quantities), key=lambda q: q.start)
        items: list[tuple[Quantity, str, tuple[int, int], int, int]] = []  # q, outcome, victim span, span start, span end
        for q, outcome, (ms, me), pos, (vs, ve) in _number_of_claims(ctx, sent):
            if _victim_side(ctx, vs, ve, "unknown")[1] is None:
                vs = ve = pos  # "at 22": the victims are not told
                appended = lex.victims_appended.match(text, me, sent.end)
                if appended:  # "..., most of them members of Kata'ib Hezbollah"
                    stop = _BREAK.search(text, appended.end(), sent.end)
                    vs, ve = appended.end(), stop.start() if stop else sent.end
            items.append((q, outcome, (vs, ve), ms, me))
        taken = {id(i[0]) for i in items}
        om_text: dict[int, str] = {}  # the outcome word of each count
        for om in lex.outcome.finditer(text, sent.start, sent.end):
            if any(s <= om.start() < e for _, _, _, s, e in items):
                continue
            if om.group()[:1].isupper() and om.group().endswith("ing"):
                continue  # a gerund subject: "Killing a commander in Baghdad crosses a line"
            if om.group().lower() == "losses" and (lex.not_human_losses.search(text, max(sent.start, om.start() - 16), om.start())
                                                  or lex.not_human_after.match(text, om.end(), sent.end)
                                                  or lex.outcome.search(text, om.end(), sent.end)):
                continue  # "material losses", "losses in equipment"; "heavy losses, with three killed" tells them
            got = _quantity_for(ctx, sent, om, quantities)
            if got is None:
                continue
            q, (vs, ve) = got
            if id(q) in taken or (q.low is None and q.qualifier not in ("vague",)):
                continue  # one number counts one outcome ("no casualties or injuries")
            outcome = lex.outcome_of.get(re.sub(r"\s+", " ", om.group().lower()), "casualties")
            if lex.both.search(text, max(sent.start, om.start() - 14), min(sent.end, om.end() + 16)):
                outcome = "casualties"  # "killed and wounded" told together
            if vs == ve or not text[vs:ve].strip(" “”\"'") or (
                _OUTCOME_NOUN.fullmatch(om.group()) and _victim_side(ctx, vs, ve, "unknown")[1] is None
            ):  # "no injuries to US personnel", "dozens of casualties among the American soldiers"
                after = _victims_after(ctx, om.end(), sent.end)
                if after is not None:
                    vs, ve = after
            sufferers = lex.suffered.search(text, sent.start, q.start)
            if sufferers and _victim_side(ctx, vs, ve, "unknown")[1] is None:
                vs, ve = sufferers.span(1)  # "the occupation forces suffered dozens of dead"
            taken.add(id(q))
            before = _coordinated_before(ctx, sent, q, quantities, taken)
            if before is not None:  # "Five US soldiers and two contractors were hurt"
                q0, ve0, own = before
                taken.add(id(q0))
                if own:  # "two US soldiers and an Iraqi interpreter were hurt": two claims
                    items.append((q0, lex.outcome_of.get(re.sub(r"\s+", " ", om.group().lower()), "casualties"),
                                  (q0.end, ve0), q0.start, ve0))
                else:
                    q, vs = _sum(q0, q), q0.end
            more = _coordinated(ctx, sent, om, q, ve, quantities, taken)
            if more is not None and more[2]:  # "wounded four American service members and two Iraqi soldiers"
                q2, ve2, _ = more
                items.append((q2, outcome, (q2.end, ve2), q2.start, ve2))
                taken.add(id(q2))
            elif more is not None:  # "killed two soldiers and a British soldier": one claim of both
                q2, ve, _ = more
                q = _sum(q, q2)
                taken.add(id(q2))
            items.append((q, outcome, (vs, ve), min(q.start, om.start()), max(q.end, om.end(), ve)))
            om_text[id(q)] = om.group()
        previous_side = None
        for q, outcome, (vs, ve), s, e in sorted(items, key=lambda i: i[3]):
            actor, basis = claimant_for(ctx, sent, _attribution_point(ctx, s))
            if basis not in ("quote", "transcript", "outlet") and _recalled(ctx, sent, s):
                # "the drone attack that killed three American soldiers": the outlet recalls it
                actor = load_gazetteer().outlet_for(name=ctx.outlet) if ctx.outlet else None
                basis = "outlet"
            claimant, claimant_side = _name_side(ctx, actor, basis)
            victim, victim_side = _victim_side(ctx, vs, ve, claimant_side)
            speaks_for_self = basis != "outlet" and claimant_side not in (None, "media") and not _other_possessor(
                ctx, sent, min(s, vs), actor, claimant_side)  # not "the Pentagon said the militia lost two of its fighters"
            own = bool(victim and speaks_for_self and lex.own_victims.search(victim) and not _ENEMY.search(victim))
            if not own and speaks_for_self and om_text.get(id(q), "").lower() in lex.people_only:
                own = True  # "Kataib Hezbollah said it lost one man"
            if not own and not victim and claimant_side in lex.own_dead_sides and om_text.get(id(q), "").lower() in lex.own_dead_words:
                own, victim = True, om_text[id(q)]  # "the four martyrs", said the Hashd
            if own:
                victim_side = claimant_side  # "none of its soldiers had been hurt", "six of their members"
            elif victim and last_side and lex.other_victims.search(victim) and not _victim_side(ctx, vs, ve, "unknown", marked=True)[1]:
                victim_side = last_side  # "a number of other fighters were wounded": more of the same victims
            if (not victim or _OTHERS.fullmatch(victim)) and victim_side is None and previous_side:
                # "three soldiers were killed and 25 others injured", "25 fighters had been killed and 51 wounded"
                victim_side = previous_side
            if not own and victim_side == "us" and victim and _GENERIC_MILITARY.search(victim) and not _us_marked(victim):
                # "three soldiers" with no nationality: the Iraqi army's own, or those hit by a strike
                # on the factions, are not US troops.
                # (a US source's own "service members" are US troops)
                if claimant_side == "iraq_gov" or (claimant_side != "us" and event_side_at and event_side_at(s) in ("factions", "iraq_gov")):
                    victim_side = "iraq_gov"
                    unmarked.add(len(found))  # unless the article tells them as US troops elsewhere
            previous_side = victim_side or previous_side
            last_side = victim_side or last_side
            if victim_side is None and event_side_at:
                victim_side = event_side_at(s)
                if victim_side is None and lex.attack_anaphor.search(text, sent.start, sent.end):
                    victim_side = _side_told_before(ctx, si, event_side_at)  # "22 people were killed in that strike"
            if victim_side is None:
                victim_side = "unknown"  # the linker may refine it
            found.append(
                Claim(
                    start=s, end=e,
                    claimant=claimant,
                    claimant_side=claimant_side or "unknown",
                    victim=victim, victim_side=victim_side, outcome=outcome,
                    low=q.low, high=q.high, qualifier=q.qualifier, sentence=si,
                    amount=" ".join(q.text.lower().split()) if q.qualifier == "vague" else "",
                )
            )
    # "three soldiers" with no nationality are the "three American soldiers" of the same outcome
    # told elsewhere in the article (a headline, a subhead)
    for i in unmarked:
        c = found[i]
        if any(o.victim_side == "us" and o.victim and _us_marked(o.victim) and (o.outcome, o.low, o.high) == (c.outcome, c.low, c.high)
               for o in found if o is not c):
            found[i] = replace(c, victim_side="us")
    return _dedupe(found, ctx.outlet if ctx.outlet_side == "media" else None, told_on=lambda c: _told_on(ctx, c.start))


def _told_on(ctx: ArticleContext, pos: int):
    """The date written out last before ``pos`` in its paragraph ("On November 8, 2019, ...",
    "In March 2023, ..."): the day of the attack a claim there is about, if told."""
    ps, _ = ctx.paragraph_bounds(pos)
    told = [d for d in ctx.dates if ps <= d.start and d.end <= pos and d.kind == "absolute" and d.date is not None]
    return told[-1].date if told else None


def _recalled(ctx: ArticleContext, sent, s: int) -> bool:
    """Whether the count at ``s`` is told in a relative clause on an attack that no attribution
    verb governs: "..., the Pentagon announced, in retaliation for a barrage that injured several
    personnel", "the militia blamed for the drone attack that killed three soldiers, officials
    said" (the outlet's narration); not "officials said the strikes answered an attack which
    killed a contractor" (the officials' account)."""
    text = ctx.text
    bg = _lex().background.search(text, max(sent.start, s - 140), s)
    if bg is None:
        return False
    return not any(
        not text.startswith(",", v.end()) for v in _lex().attribution.finditer(text, sent.start, s)
    )


def _other_possessor(ctx: ArticleContext, sent, pos: int, claimant: Actor | None, side: str | None) -> bool:
    """Whether a body other than the claimant is named between the last attribution verb before
    ``pos`` and ``pos`` ("the Pentagon said the strike on Kataib Hezbollah killed two of its
    commanders", "... said the militia lost ..."): "its" is that body's, not the claimant's."""
    text = ctx.text
    start = sent.start
    for v in _lex().attribution.finditer(text, sent.start, pos):
        start = v.end()
    for m in ctx.mentions:
        if start <= m.start and m.end <= pos and m.actor.kind not in ("person", "outlet") and m.actor is not claimant and m.actor.side != side:
            return True
    return any(w.group().lower() in _lex().group_nouns for w in _WORD_END.finditer(text, start, pos))


def _side_told_before(ctx: ArticleContext, si: int, event_side_at) -> str | None:
    """The target side of the last attack told before sentence ``si`` (within reach)."""
    for back in range(max(0, si - _lex().attack_anaphor_reach), si)[::-1]:
        side = event_side_at(ctx.sentences[back].start)
        if side is not None:
            return side
    return None


_LEDE_REACH = 3  # sentences


def _dedupe(claims: list[Claim], outlet: str | None, told_on=None) -> list[Claim]:
    """One claim per claimant, victims and number: repeats in the same article are 'also' mentions.
    A number a news outlet (``outlet``) tells in its own voice that a named source gives in the
    next few sentences is that source's claim (a lede summing up "... officials said" before
    naming them); a party publishing its own release keeps its claims. Two counts alike told
    after two dates written out weeks apart (``told_on``) are of two attacks ("On November 8,
    2019, ... No one was hurt. ... In October 2021, ...; nobody was hurt")."""

    def what(c: Claim) -> tuple:
        return (c.victim_side, "zero" if c.qualifier == "none" else c.outcome, c.low, c.high, c.qualifier, c.amount)

    def sourced_soon(c: Claim) -> bool:
        return any(
            o.claimant != outlet and what(o) == what(c) and 0 < o.sentence - c.sentence <= _LEDE_REACH
            for o in claims
        ) and not any(  # a figure the outlet tells with its own words after another's is its own
            o.claimant not in (outlet, c.claimant) and o.sentence < c.sentence for o in claims
        )

    seen: dict[tuple, list] = {}  # the dates the claims kept of each key were told after
    out = []
    for c in sorted(claims, key=lambda c: c.start):
        key = (c.claimant, *what(c))
        day = told_on(c) if told_on else None
        if key in seen and (day is None or any(d is None or abs((d - day).days) <= _SAME_ATTACK_DAYS for d in seen[key])):
            continue
        if outlet is not None and c.claimant == outlet and c.low is not None and sourced_soon(c):
            continue
        seen.setdefault(key, []).append(day)
        out.append(c)
    return out


_SAME_ATTACK_DAYS = 10  # dates this close may tell the same attack ("on Sunday" and "January 28")
