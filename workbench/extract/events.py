"""Attacks reported as having happened.

Stage 1, mentions: in each sentence that passes a cheap keyword gate, every attack trigger
(a verb such as "struck", "were attacked by"; a noun such as "a drone strike", "the
attack") becomes a mention, unless a threat, plan or generic statement governs it ("vowed to
continue attacks", "any attack", "attacks ... since mid-October"). Each mention reads its
weapons, attacker, target, place, date and counts from the words around it.

Stage 2, events: mentions of one attack inside an article are merged (the anaphoric "the
attack" joins the latest compatible event; a new report joins an event with the same
sides, weapons, place and day). Each event keeps the span of its most informative mention.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from workbench.extract.context import ArticleContext
from workbench.places import compatible as places_compatible
from workbench.places import PlaceMention, get_place, specificity
from workbench.prefilter import prefiltered
from workbench.resources import load_yaml
from workbench.schema import SIDES

__all__ = ["EventMention", "Event", "find_event_mentions", "extract_events"]

PRECISION_RANK = {"day": 3, "week": 2, "month": 1, "year": 0}


@dataclass(frozen=True)
class EventMention:
    start: int  # evidence span: trigger plus the words that gave its fields
    end: int
    trigger: str
    verbal: bool
    anaphoric: bool  # "the attack": refers back to the latest compatible event
    can_start: bool  # may start an event when none is compatible (a specific reference to an attack)
    attacker: str | None
    attacker_side: str
    target: str | None
    target_side: str
    weapons: tuple[str, ...]
    location: str | None
    date: dt.date | None
    date_precision: str | None
    weak_date: dt.date | None  # a date elsewhere in the sentence, used when no mention has its own
    munitions: int | None
    n_attacks: int | None
    claimed_by: str | None
    weak_precision: str | None = None
    after_days: int | None = None  # "more than a week after <this attack>": the other attack came this many days later
    after_hedged: bool = False  # ... told with "more than", "nearly" and the like: known to about a week
    headline: bool = False  # told in a headline line (no sentence end) at the top of the text
    at: int = -1  # where the trigger starts
    sites: tuple[str, ...] = ()  # several bases hit at once ("al-Shaddadi, al-Rukban and al-Tanf")
    subject_at: int = -1  # where the attack noun that is this verb's subject starts ("the strikes hit")
    reference: bool = False  # told as what another act answers or follows ("in response to the attacks")


@dataclass
class Event:
    mentions: list[EventMention] = field(default_factory=list)
    # A date worked out from another attack ("came five days after US bombers hit ...").
    derived_date: tuple[dt.date, str] | None = None
    # The attack this one is told as a reply to ("... US helicopters struck back").
    answers: Event | None = None

    @property
    def best(self) -> EventMention:
        def score(m: EventMention):
            return (
                3 * (m.date_precision == "day") + (m.date is not None) + 2 * (m.location is not None)
                + bool(m.weapons) + (m.attacker_side != "unknown") + (m.target_side != "unknown")
                + 2 * m.verbal - 3 * m.anaphoric - 4 * m.headline
            )

        return max(self.mentions, key=lambda m: (score(m), -m.start))

    def first(self, attr: str, *, skip=(None, "unknown")):
        """The best mention's value, else the first told by a report, else by a reference."""
        best = self.best
        value = getattr(best, attr)
        if value not in skip:
            return value
        for group in ([m for m in self.mentions if not m.anaphoric], [m for m in self.mentions if m.anaphoric]):
            for m in group:
                v = getattr(m, attr)
                if v not in skip:
                    return v
        return value

    @property
    def date(self) -> tuple[dt.date | None, str | None]:
        dated = [m for m in self.mentions if m.date is not None]
        if not dated:
            if self.derived_date is not None:
                return self.derived_date
            weak = [(m.weak_date, m.weak_precision) for m in self.mentions if m.weak_date is not None]
            return weak[0] if weak else (None, None)
        m = max(dated, key=lambda m: (PRECISION_RANK.get(m.date_precision, 0), -m.start))
        return m.date, m.date_precision

    @property
    def weapons(self) -> tuple[str, ...]:
        # Weapons told where the attack is reported win over those of passing references.
        told = [m for m in self.mentions if not m.anaphoric and set(m.weapons) - {"unknown"}]
        ws = {w for m in (told or self.mentions) for w in m.weapons}
        if len(ws) > 1:
            ws.discard("unknown")
        return tuple(sorted(ws))

    @property
    def location(self) -> str | None:
        locs = [m.location for m in self.mentions if m.location]
        return max(locs, key=lambda n: (specificity(n), -locs.index(n))) if locs else None

    @property
    def sites(self) -> tuple[str, ...]:
        """The bases of an attack told as hitting several at once; another outlet may tell it at any of them."""
        return tuple(sorted({s for m in self.mentions for s in m.sites}))


# -- lexicon ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Lexicon:
    gate: re.Pattern
    verb: re.Pattern
    noun: re.Pattern
    reference: re.Pattern
    reference_verb: re.Pattern
    reference_phrase: re.Pattern  # "in response to", "days after": what follows is another attack
    reference_only: re.Pattern  # "the killing of ...": an attack only when referred to
    not_before: re.Pattern
    not_after: re.Pattern
    many: re.Pattern
    many_counted: re.Pattern
    weapons: tuple[tuple[str, re.Pattern], ...]
    fallback_weapons: tuple[tuple[str, re.Pattern], ...]  # named only when nothing else is
    not_weapon: re.Pattern
    targets: tuple[tuple[str, re.Pattern], ...]
    bare_us: re.Pattern
    side_words: tuple[tuple[str, re.Pattern], ...]
    default_target_of_us: str
    air_raid_nouns: frozenset
    group_subject: re.Pattern  # "the group", "the same militia": a faction named before
    drone_munitions: re.Pattern  # "the drone fired two missiles": the missiles are the drone's
    defence: re.Pattern  # "intercepted", "shot down": the attack's target defended itself
    speech_occasion: re.Pattern  # "during a briefing on": the day after it is when something was told
    anaphoric_place: re.Pattern  # its named groups are the kinds of place it refers back to
    reply_trigger: re.Pattern  # "responded with attack helicopters": a strike told as a reply
    reply_after: re.Pattern  # "struck back": ... or told so right after its verb


def _alt(items) -> str:
    return "|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lex() -> _Lexicon:
    d = load_yaml("events.yaml")
    t = d["triggers"]
    return _Lexicon(
        # Every trigger contains one of these stems (a test checks the lexicon against it).
        gate=prefiltered(re.compile("|".join(d["gate_stems"]), re.I)),
        verb=re.compile(rf"\b(?:{_alt(t['verb'])})\b", re.I),
        noun=re.compile(rf"\b(?:{_alt(t['noun'])})\b", re.I),
        reference=re.compile(rf"\b(?:{_alt(d['reference_before'])})\s+(?:[\w’'.-]+\s+){{0,3}}$", re.I),
        reference_verb=re.compile(
            rf"\b(?:{_alt(set(d['reference_before']) - set(d['reference_before_noun_only']))})\s+(?:[\w’'.-]+\s+){{0,3}}$", re.I),
        reference_phrase=re.compile(
            rf"\b(?:{_alt(set(d['reference_before']) - set(d['reference_before_noun_only']))})\b", re.I),
        reference_only=re.compile(rf"(?:{_alt(d['reference_only'])})", re.I),
        not_before=re.compile(rf"\b(?:{_alt(d['not_happened_before'])})\b", re.I),
        not_after=re.compile(rf"\W*(?:\w+\W+){{0,8}}?(?:{_alt(d['not_happened_after'])})", re.I),
        many=re.compile(rf"\b(?:(?:{_alt(d['many_before'] + d['counted_before'])}) of\s+(?:[\w-]+\s+){{0,4}}|(?:{_alt(d['generic_before'])})\s+(?:[\w-]+\s+){{0,2}})$", re.I),
        many_counted=re.compile(rf"\b(?:{_alt(d['counted_before'])}) of\s+(?:[\w-]+\s+){{0,4}}$", re.I),
        weapons=tuple((w, re.compile(rf"\b(?:{_alt(p)})(?![\w-])", re.I)) for w, p in d["weapons"].items()),
        fallback_weapons=tuple((w, re.compile(rf"\b(?:{_alt(p)})(?![\w-])", re.I)) for w, p in d["fallback_weapons"].items()),
        not_weapon=re.compile(rf"\b(?:{_alt(d['not_weapon'])})", re.I),
        targets=(
            ("us", re.compile(rf"\b(?:{_alt(d['us_targets'])})\b", re.I)),
            ("factions", re.compile(rf"\b(?:{_alt(d['faction_targets'])})\b", re.I)),
            ("civilians", re.compile(rf"\b(?:{_alt(d['civilian_targets'])})\b", re.I)),
            ("iraq_gov", re.compile(rf"\b(?:{_alt(d['iraq_gov_targets'])})\b", re.I)),
        ),
        bare_us=re.compile(rf"\b(?:{_alt(d['bare_us_targets'])})\b", re.I),
        side_words=tuple(
            (side, re.compile(rf"(?<![\w-])(?:{_alt(words)})(?![\w-])"))
            for side, words in d["attacker_words"].items()
        ),
        default_target_of_us=d["default_target_of_us"],
        air_raid_nouns=frozenset(d["air_raid_nouns"]),
        drone_munitions=re.compile(rf"\b(?:{_alt(d['drone_munitions'])})", re.I),
        defence=re.compile(rf"\b(?:{_alt(d['defence_verbs'])})\b", re.I),
        speech_occasion=re.compile(
            rf"\b(?:during|at|in)\s+(?:an?|the|his|her|its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(d['speech_occasions'])})\s+(?:(?:late|early)\s+)?(?:on\s+)?$", re.I),
        group_subject=re.compile(rf"\bthe\s+(?:same\s+)?(?:{_alt(d['group_nouns'])})\s+(?:(?:had|has|have|also|then)\s+)*$", re.I),
        anaphoric_place=re.compile(
            r"\bthe\s+(?:" + "|".join(f"(?:same\\s+)?(?P<{k}>{_alt(v)})" for k, v in d["anaphoric_places"].items())
            + "|" + "|".join(f"same\\s+(?P<{k}>{_alt(v)})" for k, v in d["same_places"].items()) + r")\b", re.I),
        reply_trigger=re.compile(rf"(?:{_alt(d['reply_triggers'])})\b", re.I),
        reply_after=re.compile(rf"\s+(?:{_alt(d['reply_after'])})\b", re.I),
    )


# -- stage 1: mentions ------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(
    r"[;—–]|\s-{1,2}\s|(?<!\d):(?!\d)|,\s+(?:which|who|while|as|but|according)\b"
    r"|,\s+and\s+(?:were|was|is|are|had|has|have|then|later|subsequently|also)\b"
    r"|,\s+(?!killing|wounding|injuring|leaving|causing|targeting|using|including)[a-z]+ing\b"
    r"|,\s+(?:[\w-]+\s+){0,4}?(?:after|before|since)\b"
)
# Speech verbs: the attacker is in the reported clause, not the reporter ("the US military reported that rockets hit").
_REPORTED = re.compile(r"\b(?:said|says|saying|reported|announced|stated|claimed|confirmed|told|added|noted|alleged|according to)\b(?:\s+that)?", re.I)
# A definite noun's own date sits right next to it ("the attack on Tuesday", "the Monday attack").
_OWN_DATE_CHARS = 45
_BLOCK_CHARS = 45
# Victims before a noun trigger tell its target: "five PMF fighters were killed in a US drone strike".
_VICTIMS_BEFORE = re.compile(r"\b(?:killed|martyred|wounded|injured|dead|died|hurt)\s+(?:in|by|during)\s+(?:[\w’'.-]+\s+){0,3}$", re.I)
_DATE_CHARS = 70
# "... killed/assassinated <someone> (, ...,) in a drone strike": the killing names the attacker.
_KILLED_IN = re.compile(r"\b(?:killed|assassinated|eliminated)\s+(?=[^.;]{1,160}?\b(?:in|with)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}$)", re.I)
_DATE_REACH = 160  # at most this far after a trigger, up to the clause's first comma
# "... by X", also past the weapon: "was pounded with dozens of ballistic missiles by X"
_PASSIVE_BY = re.compile(r"\s*(?:\w+\s+){0,2}?(?:with\s+(?:[\w-]+\s+){1,5}?)?by\b", re.I)
_RELATIVE_END = re.compile(r"\b(?:which|that)\s*$", re.I)
_AGENT_AFTER = re.compile(r",?\s*(?:launched|carried\s+out|conducted|mounted|staged|waged|flown)\s+by\b", re.I)
# "the strikes hit", "the strikes, on January 20, hit", "the strikes, which lasted about 30 minutes, hit"
_PARENTHETICAL = re.compile(r"\s*(?:,[^,;:.]{1,80},\s*)?")
_PASSIVE_VERB = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", re.I)
_INDEFINITE = re.compile(r"\b(?:an?|another|one|two|three|\d+)\s+(?:\w+[\s-]+){0,3}$", re.I)
_INDEFINITE_IN = re.compile(r"\b(?:an?|another)\s", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their|his|latest|last|recent)\s+(?:[\w’'.-]+\s+){0,3}$", re.I)
_PLURAL_TRIGGER = re.compile(r"(?:attacks|strikes|raids|assaults)$", re.I)
_MUNITIONS_NOUN = re.compile(r"\s*(?:x\s*)?(?:\d+\s*mm\s+)?(?:\w+\s+){0,2}?(?:rockets?|drones?|missiles?|rounds|mortars?|shells|projectiles|UAVs?)\b", re.I)
_ATTACKS_NOUN = re.compile(r"\s*(?:\w+\s+){0,1}?(?:attacks|strikes|operations|assaults|raids)\b", re.I)
# A reference told with its toll is a particular attack ("the attack on their base in Jordan, which killed three").
_TOLL = load_yaml("events.yaml")["toll_verbs"]
_TOLL_AFTER = re.compile(rf"[^.;\"”]*?(?:\b(?:which|that)\s+(?:{_alt(_TOLL['past'])})|,\s+(?:{_alt(_TOLL['gerund'])})"
                         rf"|\bin\s+which\s+[^.;]{{0,60}}?\b(?:was|were)\s+(?:{_alt(_TOLL['past'])}))\b", re.I)
_CLAIM_VERB = re.compile(r"\b(?:claimed(?: responsibility)?|said|announced|stated)\b", re.I)


def _clause_bounds(ctx: ArticleContext, sent, pos: int) -> tuple[int, int]:
    """The stretch of the sentence around ``pos`` bounded by strong clause breaks."""
    text = ctx.text
    start, end = sent.start, sent.end
    for m in _CLAUSE_BREAK.finditer(text, sent.start, sent.end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _weapons_in(text: str) -> list[tuple[int, str]]:
    lex = _lex()
    masked = lex.not_weapon.sub(lambda m: " " * len(m.group()), text)
    found = []
    for weapon, pat in lex.weapons:
        for m in pat.finditer(masked):
            found.append((m.start(), weapon))
    if not found:
        for weapon, pat in lex.fallback_weapons:
            for m in pat.finditer(masked):
                found.append((m.start(), weapon))
    return sorted(found)


def _side_of_words(text: str) -> tuple[int, str] | None:
    """The last side-marking word ("US", "American", "Iranian") in ``text``.

    Parties outside the side vocabulary (Israel, Turkey) give 'unknown': their strikes
    must never be counted as anyone else's.
    """
    best = None
    for side, pat in _lex().side_words:
        for m in pat.finditer(text):
            # The last word wins; at the same place the longer ("Iran-backed" over "Iran").
            if best is None or (m.start(), m.end()) > best[:2]:
                best = (m.start(), m.end(), side if side in SIDES else "unknown")
    return (best[0], best[2]) if best else None


def target_side_in(text: str) -> tuple[int, str] | None:
    best = None
    for side, pat in _lex().targets:
        m = pat.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), side)
    if best is None:
        m = _lex().bare_us.search(text)
        if m:
            best = (m.start(), "us")
    return best


_BACKED = re.compile(r"-(?:backed|aligned|linked|allied|affiliated|supported|sponsored)\b", re.I)


def _actor_in(ctx: ArticleContext, start: int, end: int, *, last: bool):
    # "Iran-backed militants" are not Iran.
    ms = [
        m for m in ctx.mentions
        if m.start >= start and m.end <= end and m.actor.kind != "outlet" and not _BACKED.match(ctx.text, m.end)
    ]
    if not ms:
        return None
    return ms[-1] if last else ms[0]


def _organisation_before(ctx: ArticleContext, pos: int, *, factions_only: bool):
    """The organisation named last before ``pos`` in its paragraph or the two before: the one
    "it", "its fighters" or "the group" refer to."""
    lo, _ = ctx.paragraph_bounds(pos)
    for _ in range(_COREF_PARAGRAPHS):
        lo, _ = ctx.paragraph_bounds(max(0, lo - 2))
    for m in reversed(ctx.mentions):
        if m.start < lo:
            break
        if m.end <= pos and not _BACKED.match(ctx.text, m.end) and m.actor.side in SIDES and m.actor.side != "unknown" and (
            m.actor.kind == "faction" or not factions_only and m.actor.kind in ("military", "government")
        ):
            return m
    return None


def _attribution_start(text: str, lo: int, said: int) -> int:
    """Where the attribution clause ending in ``said`` starts (", a US official told ...")."""
    comma = text.rfind(",", lo, said)
    return comma if comma >= 0 else said


_ENDS_WITH_PREP = re.compile(r"\b(?:at|on|toward|towards|upon|against|inside|into)$", re.I)
_CONDEMNED = re.compile(r"condemn|denounc", re.I)
_THAT_AFTER = re.compile(r"\s+that\b", re.I)
_WHEN_CLAUSE = re.compile(r",\s+when\s+(?:[\w’'-]+\s+){0,4}$", re.I)
_WHEN_AFTER = re.compile(r",?\s+when\b", re.I)
_APPOSED = re.compile(r",\s+(?:an?\s+)?$")  # a bare attack noun right after a comma restates the attack just told
# A definite noun phrase ending here: "the previous strikes", "two of the drones".
_DEFINITE_NP = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,2}$", re.I)
_OBJECT_END = re.compile(r"\b(?:after|before|since|when|while|until|because|came|comes|is|was|were|are)\b", re.I)
_NOUN_PHRASE_END = re.compile(r"\b(?:is|was|were|are|came|comes|come)\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|told|announced|stated|reported|confirmed|added)\s+(?:[\w.]+\s+){0,2}?(?:(?:late|early)\s+)?(?:on\s+)?$", re.I)
_SAID_THAT = re.compile(r".*\b(?:said|says|saying|told|announced|stated|claimed|confirmed|added|noted|alleged|reported|\w+day)\s+that\s", re.I | re.S)
_SAID_AFTER = re.compile(r"\s*(?:said|told|described|condemned|denounced|called|announced|stated)\b", re.I)
# A day right before a rejection ("on Wednesday strongly rejected the claim that the sites hit by
# ..."): the day of the words, whatever the attack's verb.
_REJECTED_AFTER = re.compile(r"\s*(?:[a-z]+ly\s+)?(?:rejected|denied|dismissed|refuted)\b", re.I)
_THAT = re.compile(r"\b(?:that|which)\s+$", re.I)
_THAT_TOLD = re.compile(r"\s+(?:that|which)\s+(?:had\s+|has\s+|was\s+|were\s+)?")
_AND_WORD = re.compile(r"\band\b")
_COMMA = re.compile(r"(?:,|\s+and)\s")  # (a comma or "and" closes what comes before)
_STRONG_BREAK = re.compile(r"[;:—–]")


def _said_on(text: str, lo: int, d) -> bool:
    """The date is the day something was said ("said on Monday", "on Monday described", "during
    a briefing on Monday")."""
    return bool(_SAID_BEFORE.search(text, max(lo, d.start - 40), d.start) or _SAID_AFTER.match(text, d.end)
                or _REJECTED_AFTER.match(text, d.end)
                or _lex().speech_occasion.search(text, max(lo, d.start - 50), d.start))


def _nearest_date(ctx: ArticleContext, start: int, end: int, pos: int, triggers: list[tuple[int, bool]], own_end: int = -1):
    """The date mention in [start, end) closest to this trigger (and not closer to another).

    ``triggers``: (start, refers_back) of the sentence's triggers; one that refers back
    ("five days after the assassination") competes only for dates told after it. A date
    inside the trigger's own words (up to ``own_end``) is its own.
    """
    best = None
    for d in ctx.dates:
        if d.start < start or d.end > end or d.date is None or d.kind == "since" and not (pos > d.end and _WHEN_AFTER.match(ctx.text, d.end)):
            continue  # (but "since September 30, when six rockets landed ...": the day of what the "when" tells)
        dist = 0 if pos <= d.start and d.end <= own_end else min(abs(d.start - pos), abs(d.end - pos))
        # "struck X on Nov. 8, and jets hit Y on Nov. 12", "hit Erbil on February 15, Balad on
        # February 20", "targeted the base on 20 February, when a rocket wounded ...": a date
        # closed by a comma is the attack's told before it.
        after_and = [t for t, _ in triggers if d.end <= t and _COMMA.search(ctx.text, d.end, t)]
        if after_and and not any(t < d.start and not _STRONG_BREAK.search(ctx.text, t, d.start) for t, _ in triggers):
            after_and = []  # ("The strikes are not the first: on 22 November, US aircraft bombed ...")
        if pos in after_and and d.kind != "since":  # (a "since" day is the "when" clause's, told after it)
            continue
        if any(
            min(abs(d.start - t), abs(d.end - t)) < dist and (not ref or d.start > t or 0 <= t - d.end <= 2 and not ctx.text[d.end : t].strip())
            for t, ref in triggers if t != pos and t not in after_and and not (d.kind == "since" and t < d.end)
        ):  # (a date right before a trigger is its own: "the Jan. 28 attack")
            continue
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _paragraph_date(ctx: ArticleContext, sent, pos: int):
    """The last day-precise date told earlier in the same paragraph ("... on Sunday. The drone hit ...")."""
    ps, _pe = ctx.paragraph_bounds(pos)
    best = None
    for d in ctx.dates:
        if ps <= d.start < sent.start and d.precision == "day" and d.date is not None and d.kind != "since":
            best = d
    return best


def _quantity_before(ctx: ArticleContext, pos: int, pattern: re.Pattern):
    """A quantity whose following words match ``pattern`` (e.g. '34 x 122mm rounds')."""
    for q in ctx.quantities:
        if q.end <= pos + 200 and q.start >= pos - 200 and pattern.match(ctx.text, q.end, q.end + 40):
            yield q


class _PlaceAgain(PlaceMention):
    """A place told again by a noun ("the airport"): where, but no sign of a new attack."""


def _attack_places(ctx: ArticleContext) -> list[PlaceMention]:
    """The places of the article that are not part of a name ("the Islamic Resistance in Iraq",
    "Baghdad Today": a name tells who, not where), and the places told again by a noun ("hit
    the airport", "on the same base": the last place of that kind named before)."""
    names = [(a.start, a.end) for a in ctx.mentions]
    places = [p for p in ctx.places
              if not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in names)]
    again = []
    for m in _lex().anaphoric_place.finditer(ctx.text):
        kind = m.lastgroup
        prior = [p for p in places if p.end <= m.start() and (
            p.place.hosts_us if kind == "hosts_us" else p.place.kind != "country" if kind == "any" else p.place.kind == kind)]
        if prior:
            again.append(_PlaceAgain(m.start(), m.end(), m.group(), prior[-1].place))
    return sorted(places + again, key=lambda p: p.start)


def _mention_at(ctx: ArticleContext, sent, m: re.Match, verbal: bool, trigger_starts: list[tuple[int, bool]],
                all_places: list[PlaceMention]) -> EventMention | None:
    lex = _lex()
    text = ctx.text
    ts, te = m.start(), m.end()
    cs, ce = _clause_bounds(ctx, sent, ts)
    if te > ce:  # a trigger that spans a clause ("A drone that targeted X, which ..., was shot down")
        ce = _clause_bounds(ctx, sent, te)[1]
    before = text[max(cs, ts - 70) : ts]
    near = text[max(cs, ts - _BLOCK_CHARS) : ts]  # a vow or a "no" governs only what follows it closely
    after = text[te : min(ce, te + 80)]
    if not verbal and (_CHARACTERISED.search(near) or _CHARACTERISED_QUOTE.search(text, max(cs, ts - 100), ts)):
        return None
    if not verbal and _INFINITIVE.search(near):
        return None  # "militias use to attack U.S. forces": a verb in the infinitive, not a report
    reference = bool((lex.reference_verb if verbal else lex.reference).search(before))
    # "... struck 85 targets on 2 February, strikes that the government said killed 16": told again
    appositive = not verbal and any(t < ts for t, _ in trigger_starts) and bool(_APPOSED.search(text, sent.start, ts))
    reference = reference or appositive
    # "... will not frighten us" after an attack: it still happened if it has a day of its own (checked below).
    blocked_after = not reference and bool(lex.not_after.match(text, te, min(ce, te + 70)))
    if not reference and _governed(lex.not_before, near):
        if verbal or not _TOLL_AFTER.match(text, te, min(sent.end, te + 120)):
            return None
        reference = True  # "condemned the US raids that killed 25 fighters": it happened
    trigger = m.group()
    plural_head = _PLURAL_TRIGGER.search(trigger)
    if plural_head and (lex.many_counted if verbal else lex.many).search(text, max(cs, ts - 70), ts + plural_head.start()):
        return None  # "the latest of a string of attacks", "carried out dozens of attacks": many, none in particular
    # Where the next trigger of the sentence starts: what follows it is told of that one.
    nxt = min((t for t, _ in trigger_starts if t >= te), default=sent.end)
    # ... and from where the previous trigger starts: "the drone attack on Erbil and the American
    # strikes on Hilla" gives the strikes no drone.
    prev = max((t for t, _ in trigger_starts if t < ts), default=-1)
    # ... a noun right before a verb is its subject ("the strikes hit ...", "the strikes, on
    # January 20, hit ...")
    prev_noun = lex.noun.match(text, prev) if prev >= 0 else None
    if prev_noun is not None and not _PARENTHETICAL.fullmatch(text, prev_noun.end(), ts):
        prev_noun = None
    if prev_noun is None and verbal:
        prev_noun = lex.noun.match(text, ts)  # "the strikes killed 16 people"
    if prev < 0 or not _AND_WORD.search(text, prev, ts):
        prev = -1  # the trigger of the same attack ("the drone attack that targeted ...") lends its weapon
    # ... and the words that modify the next trigger are its own ("struck three sites after a
    # one-way drone attack on ...").
    mod = _NOUN_MODIFIERS.search(text, te, nxt) if nxt < sent.end else None
    if mod is None and nxt < sent.end:
        # ... and the subject of the next verb ("came days after US warplanes struck ...")
        mod = _VERB_SUBJECT.search(text, te, nxt)
    next_told = mod.start() if mod else nxt
    ws, we = max(cs, ts - 60, prev + 1), min(ce, te + 80, next_told)
    if reference and not appositive:
        # "attacked the base with a drone in response to the American aggression": the weapon
        # before the words that refer to another attack is the first one's
        rm = (lex.reference_verb if verbal else lex.reference).search(before)
        if rm is not None:
            ws = max(ws, ts - len(before) + rm.start())
    # (read a little further, so that "rocket and missile storage sites" is known as a target)
    weapons = [w for at, w in _weapons_in(text[ws : we + 40]) if at < we - ws]
    if not weapons:
        # "targeted ... the base in the al-Omar oil field with a drone", also past a list of
        # targets ("targeted three bases: al-Shaddadi, al-Rukban and al-Tanf, with drones").
        wm = _WITH_WEAPON.search(text, te, min(sent.end, nxt, te + 200))
        if wm:
            weapons = [w for _, w in _weapons_in(wm.group())]
    if not weapons and not verbal and trigger.lower().split()[-1] in lex.air_raid_nouns:
        weapons = ["airstrike"]  # "the raid", "the American raids on the same area"
    if "drone" in weapons and "missile" in weapons and lex.drone_munitions.search(text, ws, we):
        weapons = [w for w in weapons if w != "missile"]  # "the drone fired two missiles at ..."

    # Attacker: "... by X" after a passive verb; otherwise the words before the trigger.
    attacker = attacker_side = None
    target_side_pre = None  # a target told by the subject (the defender of an intercepted drone)
    passive = verbal and (_PASSIVE_VERB.search(before) or trigger.lower().startswith(("came", "come", "was", "were")))
    # ("the raids launched by American aircraft": the noun's agent, like a passive's)
    by = _PASSIVE_BY.match(after) if passive else None if verbal else _AGENT_AFTER.match(after)
    if by:
        seg_s = te + by.end()
        seg_e = min(ce, seg_s + 60)
        actor = _actor_in(ctx, seg_s, seg_e, last=False)
        words = _side_of_words(text[seg_s:seg_e])
        if actor:
            attacker, attacker_side = actor.actor.name, actor.actor.side
        elif words:
            attacker_side = words[1]
    elif not passive:
        seg_s = max(cs, ts - (90 if verbal else 40))
        if not verbal:
            # A noun's attacker modifies it: "US drone strike", "Iran's missile attack" — not
            # "the killing of three US soldiers in a drone attack".
            mod = _NOUN_MODIFIERS.search(text, seg_s, ts)
            # (weapon words too: "the Iranian ballistic missile barrage")
            amod = _ATTACK_MODIFIERS.search(text, seg_s, ts)
            seg_s = min(mod.start() if mod else ts, amod.start() if amod else ts)
        window_s = said = seg_s
        for rep in _REPORTED.finditer(text, seg_s, ts):
            seg_s = said = rep.end()
            comma = text.find(",", said, ts) if rep.group().lower().startswith("according") else -1
            if comma >= 0:
                seg_s = said = comma + 1  # "According to the government, the strikes killed ...": the source is no subject
        if verbal:
            # The subject of the verb follows the last subordinator: "... American troops had
            # been killed when a drone struck ..." -> "a drone".
            for sub in _SUBJECT_START.finditer(text, seg_s, ts):
                seg_s = sub.end()
            # "justified the raid by the rocket attack that targeted ...": the verb's subject is
            # the attack noun, whose attacker is told by its own modifiers only.
            # (also a verb trigger that opens with its noun: "the drone attack that killed ...")
            told = ts if lex.noun.match(text, ts) else max((t for t, _ in trigger_starts if seg_s <= t < ts), default=-1)
            noun = lex.noun.match(text, told) if told >= 0 else None
            if noun is not None and (told == ts or _THAT_TOLD.fullmatch(text, noun.end(), ts)):
                nmod = _ATTACK_MODIFIERS.search(text, max(cs, told - 40), told)
                seg_s = nmod.start() if nmod else told
        self_told = said > window_s and _SELF_PRONOUN.fullmatch(text, said, ts)
        if self_told:
            # "The Islamic Resistance said it attacked ...": the speaker is the attacker.
            seg_s = window_s
        elif not verbal:
            # "The Islamic Resistance claimed a drone attack": whoever claimed it.
            claimed = _CLAIMED_NOUN.search(text, max(cs, ts - 60), seg_s)
            if claimed:
                seg_s = window_s = max(sent.start, ts - 150)
                self_told = lex.group_subject.search(text, window_s, claimed.start())
        actor = _actor_in(ctx, seg_s, ts, last=True)
        if actor is None and verbal and not self_told:
            self_told = lex.group_subject.search(text, seg_s, ts)
        if actor is None and self_told:
            # "it said it had targeted ...", "the group fired ...": the organisation named last
            # (before "the group", in its own sentence too: "struck Kataib Hezbollah sites after
            # the group fired ...").
            group = self_told.re is lex.group_subject
            actor = _organisation_before(ctx, self_told.start() if group else window_s, factions_only=group)
        words = _side_of_words(text[seg_s:ts])
        if actor and actor.actor.side not in ("media", "civilians") and actor.actor.kind != "person":
            attacker, attacker_side = actor.actor.name, actor.actor.side
        if words and (attacker_side is None or words[0] + seg_s > (actor.start if actor else -1)):
            attacker_side = words[1]
            if actor is None or actor.actor.side != words[1]:
                attacker = None
    # "The US military killed a senior commander of Nujaba, ..., in a drone strike": the
    # subject of the killing is the noun's attacker, its object the target.
    killer = None if verbal or attacker_side is not None else _KILLED_IN.search(text, sent.start, ts)
    if killer and _PASSIVE_VERB.search(text, max(sent.start, killer.start() - 30), killer.start()):
        killer = None  # "three soldiers were killed ... in a drone attack": the victims, not the attacker
    if killer:
        actor = _actor_in(ctx, sent.start, killer.start(), last=True)
        words = _side_of_words(text[sent.start : killer.start()])
        if actor and actor.actor.side not in ("media", "civilians") and actor.actor.kind != "person":
            attacker, attacker_side = actor.actor.name, actor.actor.side
        elif words:
            attacker_side = words[1]
    if attacker_side is None and not verbal:
        own = _side_of_words(trigger)  # "US strikes", "the American aggression"
        if own and own[1] != "unknown":
            attacker_side = own[1]
    if attacker_side is None and not verbal:
        # "This is the fourth American strike ... since ..., after the raid on X and the raids on
        # Y": the earlier ones the count runs over are the same side's
        nth = None
        for nth in _ORDINAL_NOUN.finditer(text, sent.start, ts):
            pass
        if nth is not None and re.search(r"\bafter\b", text[nth.end() : ts]):
            words = _side_of_words(nth.group("mods"))
            if words and words[1] != "unknown":
                attacker_side = words[1]
    if verbal and lex.defence.search(trigger):
        # The defender is the target; who sent the drone is untold here.
        if attacker_side in ("us", "iraq_gov") and target_side_pre is None:
            target_side_pre = attacker_side
        attacker = attacker_side = None
    # "from Iran" after a noun of weapon: "dozens of missiles from Iran".
    if attacker_side is None:
        fm = re.search(r"\bfrom\s+(\w+)", after)
        if fm:
            actor = _actor_in(ctx, te + fm.start(1), min(ce, te + fm.end(1) + 20), last=False)
            if actor and actor.actor.kind in ("government", "faction", "military"):
                attacker, attacker_side = actor.actor.name, actor.actor.side

    # Target: the object after the trigger, or the subject of a passive.
    target = target_side = None
    indefinite = bool(_INDEFINITE.search(before[-30:]))
    reach = 120 if verbal or by else (90 if indefinite and not reference else 45)
    # A noun's place is told in its own phrase, up to its verb ("before the strikes were carried
    # out, a claim Baghdad later disputed"); a place inside the trigger's own words is after it
    # ("a drone strike in Baghdad killed").
    phrase_end = None if verbal else _NOUN_PHRASE_END.search(text, te, ce)
    places_after = [p for p in all_places if ts <= p.start and p.end <= te or te <= p.start < min(
        ce, te + reach, nxt, phrase_end.start() if phrase_end else ce)]
    if not verbal and not any(p.start >= te for p in places_after):
        # ... however long the phrase, while it runs on in prepositions with no comma or verb:
        # "the drone attack on the base of the international coalition in the al-Omar oil field"
        places_after += [p for p in all_places if te + reach <= p.start < min(ce, te + 2 * reach, nxt)
                         and _PREP_CHAIN.fullmatch(text, te, p.start)][:1]
    # The subject of a passive in a relative clause is its antecedent: "the Ain al-Asad base,
    # which was pounded with missiles by ...".
    subj_s = sent.start if passive and _RELATIVE_END.search(text, max(sent.start, cs - 8), cs) else cs
    places_before = [p for p in all_places if max(subj_s, ts - 60) <= p.start < ts]
    # "Iran's top general": a possessive country is a party, not where it happened; "launched
    # from Iraq", "crossing from Syria": where it came from, neither.
    places_after = [p for p in places_after if not _POSSESSIVE.match(text, p.end) and not _FROM.search(text, p.start - 12, p.start)]
    places_before = [p for p in places_before if not _POSSESSIVE.match(text, p.end) and not _FROM.search(text, p.start - 12, p.start)]
    if passive and not by:
        seg = text[max(subj_s, ts - 200) : ts]
        found = target_side_in(seg)
        if found:
            target_side = found[1]
        else:
            hosts = [p for p in places_before if p.place.hosts_us]
            # "a missile being fired at Ain al-Asad": the place after the verb's preposition.
            after_prep = [p for p in places_after if p.place.hosts_us] if _ENDS_WITH_PREP.search(trigger) else []
            if hosts or after_prep:
                target, target_side = (hosts[-1] if hosts else after_prep[0]).place.name, "us"
    elif not passive:  # (a passive told "by" someone: its subject, below)
        # The object ends where the next trigger starts: "targeted a commander responsible for
        # attacks on American troops" does not target American troops; and where another clause
        # starts: "the assassination came a week after the US military carried out ...".
        sub = _OBJECT_END.search(text, te, min(ce, nxt))
        obj_e = sub.start() if sub else min(ce, nxt)
        seg = text[te : min(obj_e, te + 70)]
        found = target_side_in(seg)
        vb = None if verbal else _VICTIMS_BEFORE.search(before)
        if vb:
            victims = target_side_in(text[max(cs, ts - 120) : ts - len(vb.group())])
            actor = _actor_in(ctx, max(cs, ts - 120), ts - len(vb.group()), last=True)
            if victims:
                found = (-1, victims[1])
            elif actor and actor.actor.side in ("factions", "us", "iraq_gov"):
                found = (-1, actor.actor.side)
        if found:
            target_side = found[1]
        hosts = [p for p in places_after if p.place.hosts_us]
        if hosts and (found is None or hosts[0].start - te < found[0]):
            target, target_side = hosts[0].place.name, "us"
        if target_side is None:
            # ... up to the attribution: "hit a depot near Albu Kamal, a US defence official told AFP".
            rep = _REPORTED.search(text, te, obj_e)
            actor = _actor_in(ctx, te, _attribution_start(text, te, rep.start()) if rep else obj_e, last=False)
            if actor and actor.actor.side in ("factions", "us", "iraq_gov"):
                target, target_side = actor.actor.name, actor.actor.side
    if passive and by and target_side is None:
        found = target_side_in(text[max(subj_s, ts - 200) : ts])
        hosts = [p for p in places_before if p.place.hosts_us]
        if found:
            target_side = found[1]
        elif hosts:
            target, target_side = hosts[-1].place.name, "us"
    if target_side is None and target_side_pre is not None:
        target_side = target_side_pre
    if target_side in (None, "civilians") and (toll := _TOLL_AFTER.match(text, te, min(sent.end, te + 120))):
        # "a rocket attack on Erbil that killed a contractor and wounded several Americans": its
        # victims; and "a drone strike on a residential area that killed a militia commander"
        # was aimed at the commander (the houses around him are where, not whom).
        victims = text[toll.end() : min(sent.end, toll.end() + 80)]
        found = target_side_in(victims) or _side_of_words(victims)
        if found and found[1] == "civilians":
            # "killed a civilian contractor and wounded a US service member": aimed at the US
            us = _lex().targets[0][1].search(text, toll.end(), min(sent.end, toll.end() + 120))
            if us:
                found = (us.start(), "us")
        if not found:
            actor = _actor_in(ctx, toll.end(), min(sent.end, toll.end() + 80), last=False)
            if actor and actor.actor.side in ("factions", "us", "iraq_gov"):
                found = (actor.start - toll.end(), actor.actor.side)
        if found and found[1] in ("us", "factions", "iraq_gov", "civilians") and (target_side is None or found[1] != "civilians"):
            target_side = found[1]
    if target_side is None and verbal and lex.defence.search(trigger):
        # "An armed drone that targeted the Harir base was shot down": the base inside the trigger.
        inside = [p for p in all_places if ts <= p.start < te and p.place.hosts_us]
        if inside:
            target, target_side = inside[0].place.name, "us"
            places_after = places_after or inside

    # Place: the most specific place named in the clause (after the trigger preferred; the
    # subject's place for a passive); never the attacker's own country ("missiles from Iran").
    if attacker:
        places_after = [p for p in places_after if p.place.name != attacker and p.text != attacker]
    places = (places_before or places_after) if passive else (places_after or places_before)
    location = None
    if places:
        location = max(places, key=lambda p: (specificity(p.place.name), -p.start)).place.name
        if get_place(location).kind == "country" and len({p.place.name for p in places}) > 1:
            location = None  # "struck sites in Iraq and Syria": no one place
    elif target and get_place(target) is not None:
        location = target
    if location is None and not verbal and _DEMONSTRATIVE.search(text, max(cs, ts - 12), ts):
        # "On Tower 22, do you have an updated number? -- The number injured in that attack ...":
        # the one place the sentence before names, when it tells no attack of its own
        # (or the one before it, past a bare answer: "Q: On Tower 22, ...? -- A: Yes. The number ...")
        si = ctx.sentence_of(ts)
        for back in (1, 2, 3):
            if si - back < 0:
                break
            prev_s = ctx.sentences[si - back]
            if lex.noun.search(text, prev_s.start, prev_s.end) or lex.verb.search(text, prev_s.start, prev_s.end):
                break
            named_before = {p.place.name for p in all_places if prev_s.start <= p.start < prev_s.end and p.place.kind != "country"}
            if len(named_before) == 1:
                location = next(iter(named_before))
                break
            if named_before:
                break
    bases = sorted({p.place.name for p in places if p.place.hosts_us})
    sites = tuple(bases) if any(not places_compatible(a, b) for a in bases for b in bases) else ()

    # A date after the trigger belongs to it up to the clause's first comma, however long the
    # target ("launched at the Victory base complex near Baghdad International Airport late on Wednesday,").
    comma = text.find(",", te, ce)
    # ... and up to where another attack is referred to: "hit 85 targets in response to the
    # killing of three soldiers last Sunday" (that Sunday is the killing's).
    ref_after = lex.reference_phrase.search(text, te, ce)
    told_to = ref_after.start() if ref_after else ce
    reach = min(told_to, max(te + _DATE_CHARS, min(comma if comma >= 0 else ce, te + _DATE_REACH)))
    # (a verb and the noun that is its subject tell one attack: "the strikes, which took place on
    # Sunday evening, targeted ..." -- the noun does not compete for the day told between them)
    subject = prev_noun.start() if verbal and prev_noun is not None else -1
    rivals = [(t, r) for t, r in trigger_starts if t != subject]
    date_m = _nearest_date(ctx, max(cs, ts - _DATE_CHARS), reach, ts, rivals, te)
    if date_m is not None and (not verbal or date_m.end <= ts and _REJECTED_AFTER.match(text, date_m.end)) and _said_on(
            text, te if date_m.start >= te else cs, date_m):
        # A day told with a speech verb ("said on Saturday that the raids ...", "on Monday
        # described the strikes", "..., a source said on Monday") is when the attack was told
        # of: its own day, if any, is told after the noun ("the raids launched late Friday").
        date_m = _nearest_date(ctx, te, reach, ts, trigger_starts)
        if date_m is not None and _said_on(text, te, date_m):
            date_m = None
    own_date = date_m is not None and (
        ts <= date_m.start and date_m.end <= te
        or 0 <= date_m.start - te <= _OWN_DATE_CHARS and not _REPORTED.search(text, te, date_m.start)
        or 0 <= date_m.start - te <= 2 * _DATE_CHARS and bool(_NOUN_TAIL.fullmatch(text, te, date_m.start))
        or 0 <= ts - date_m.end <= 12 and not re.search(r"\b(?:the|an?)\b", text[date_m.end : ts], re.I) and not appositive
    )
    if blocked_after and not (own_date and date_m.precision == "day" and ctx.published and date_m.date <= ctx.published):
        return None
    if reference and not own_date:
        # A reference takes only a date told after it in its own clause ("since the US
        # assassinated X in Baghdad on January 3, 2020"), never the main clause's.
        date_m = _nearest_date(ctx, te, ce, ts, trigger_starts)
    told_on = (_DEFINITE_NP.search(before[-30:]) and date_m is not None and date_m.end <= ts and _THAT_AFTER.match(text, date_m.end)
               and _SAID_BEFORE.search(text, max(cs, date_m.start - 40), date_m.start))
    if told_on:
        # "told reporters on Thursday that two of the drones were destroyed": what was told
        # before, told again that day (but "announced on Thursday that it had targeted ...": the day).
        date_m = None
    weak_date = None
    if date_m is None and not reference:
        weak_date = (None if told_on else _nearest_date(ctx, cs, told_to, ts, trigger_starts)) or _paragraph_date(ctx, sent, ts)

    munitions = None
    for q in _quantity_before(ctx, ts, _MUNITIONS_NOUN):
        if cs <= q.start < ce and q.low is not None:
            munitions = q.low
            break
    n_attacks = None
    for q in _quantity_before(ctx, ts, _ATTACKS_NOUN):
        if cs <= q.start < te and q.low is not None and q.low > 1:
            n_attacks = q.low
            break

    lower = trigger.lower()
    plural = bool(_PLURAL_TRIGGER.search(lower))
    if weak_date is not None and weak_date.end <= ts and _REJECTED_AFTER.match(text, weak_date.end):
        weak_date = None  # ("on Thursday rejected the claim that the sites hit by ...": the day of the words)
    if plural and not verbal and weak_date is not None and _said_on(text, sent.start, weak_date):
        # "X said on Jan. 30 that it was suspending its attacks": the day of the words, not of
        # the attacks
        weak_date = None
    # ("said that US strikes ...": "that" introduces what was said)
    said_that = _SAID_THAT.match(before[-40:])
    definite = bool(_DEFINITE.search(before[-40:][said_that.end() if said_that else 0 :]))
    named = [p for p in places if not isinstance(p, _PlaceAgain)]
    specific = date_m is not None or bool(named) or munitions is not None or n_attacks is not None
    if (plural or verbal) and _is_tally(ctx, sent, ts, te):
        return None
    if (verbal and not reference and date_m is None and munitions is None and n_attacks is None
            and _HABITUAL.search(before) and not any(p.place.kind != "country" for p in named)):
        return None  # "resistance groups have targeted US bases in Iraq and Syria": attacks in general
    can_start = True
    if reference:
        anaphoric = True
        can_start = (date_m is not None or any(p.place.kind != "country" or verbal for p in places_after if p in named)
                     or bool(_TOLL_AFTER.match(text, te, min(sent.end, te + 120))))
    elif verbal:
        # "conducted a self-defense strike", "launched an attack": the trigger's own indefinite
        # article introduces a new attack, whatever the subject.
        anaphoric = not specific and definite and not _INDEFINITE_IN.search(trigger)
    elif definite:
        anaphoric = not own_date
    elif indefinite:
        # "a drone attack on an American outpost": an indefinite noun introduces a new attack.
        anaphoric = not (specific or target_side or weak_date)
    elif plural:
        # "after attacks on US forces in Iraq and Syria": a bare plural is attacks in general,
        # neither new nor told before, unless a day, a count or a place narrower than a country
        # makes them particular.
        # ("a week after U.S. air strikes on ... in eastern Syria": placed in time by another)
        if not (date_m is not None or munitions is not None or n_attacks is not None
                or any(p.place.kind != "country" for p in named)
                or _after_days(text[max(sent.start, ts - 90) : ts]) is not None):
            return None
        anaphoric = False
    else:
        anaphoric = not specific
    if verbal and _PRONOUN_SUBJECT.search(text, max(sent.start, ts - _BLOCK_CHARS), ts):
        anaphoric = True  # "and it hit its target": the attack just told, told again
    subject_at = -1
    when = _WHEN_CLAUSE.search(text, max(sent.start, ts - 40), ts) if verbal else None
    told_before = [t for t, _ in trigger_starts if t < ts]
    if when and told_before and not own_date and not (date_m is not None and date_m.kind == "since"):
        # "targeted the Balad air base on 20 February, when a rocket wounded a contractor": the
        # attack just told, told again (but "since January 2, when six rockets landed": that day's)
        anaphoric, subject_at = True, told_before[-1]
    elif verbal and not own_date and prev_noun is not None and _DEFINITE_NP.search(text, max(sent.start, prev_noun.start() - 20), prev_noun.start()):
        anaphoric = True  # "the strikes hit sites in ...": the strikes told before
        subject_at = prev_noun.start()
    if anaphoric and not reference:
        # ... but "the drone attack on the base known as Tower 22, in which three soldiers were
        # killed" tells which attack: it may start one.
        can_start = (not verbal and definite and any(p.place.kind != "country" for p in named)
                     and bool(_TOLL_AFTER.match(text, te, min(sent.end, te + 120))))
        # ... and so does "including the attack on Tower 22": a base named right after the noun
        # (not "the second attack on the Erbil airport area": a count of attacks)
        can_start = can_start or (not verbal and definite and not _ORDINAL_BEFORE.search(before) and any(
            p.place.hosts_us and _ON_PLACE.fullmatch(text, te, p.start) for p in named if p.start >= te))
    if verbal and not (weapons or target_side or attacker_side or places) and not lex.noun.match(text, ts):
        return None  # "struck a deal", "hit the headlines"

    if target_side is not None and target_side == attacker_side:
        # No side attacks itself: "struck 85 targets in retaliation for the killing of three US
        # soldiers" read the soldiers of another attack as the target.
        target = target_side = None
    if attacker_side == "us" and target_side is None:
        target_side = lex.default_target_of_us
    if not weapons:
        weapons = ["unknown"]

    claimed_by = None
    if attacker_side == "factions" and _CLAIM_VERB.search(text, sent.start, ts):
        claimed_by = attacker

    parts = [(ts, te)]
    if date_m:
        parts.append((date_m.start, date_m.end))
    span_s = max(cs, min(p[0] for p in parts))
    span_e = min(ce, max(p[1] for p in parts))
    # Stretch the span over the clause's core: from the clause start (or 60 chars back) to its end
    # (or 80 on, or the next attack told).
    span_s = min(span_s, max(cs, ts - 60))
    # ... but not back over the attack told before it in a list ("the raid on X on November 22,
    # the raids on Y on December 26"): from the last comma or "and" after that one's trigger.
    told_last = max((t for t, _ in trigger_starts if t < ts), default=-1)
    if told_last >= span_s:
        sep = None
        for sep in _COMMA.finditer(text, told_last, ts):
            pass
        if sep is not None:
            span_s = max(span_s, sep.end())
    told_again = lex.reference_verb.search(before) if reference else None
    if told_again:
        span_s = max(span_s, ts - len(before) + told_again.start())  # a reference starts with its words ("in retaliation for the ...")
    span_e = max(span_e, min(ce, te + 80, next_told))
    span_s, span_e = _trim(text, span_s, span_e)
    return EventMention(
        start=span_s, end=span_e, trigger=trigger, verbal=verbal, anaphoric=anaphoric, can_start=can_start,
        attacker=attacker, attacker_side=attacker_side or "unknown",
        target=target, target_side=target_side or "unknown",
        weapons=tuple(sorted(set(weapons))), location=location,
        date=date_m.date if date_m else None, date_precision=date_m.precision if date_m else None,
        weak_date=weak_date.date if weak_date else None, weak_precision=weak_date.precision if weak_date else None,
        munitions=munitions, n_attacks=n_attacks, claimed_by=claimed_by,
        after_days=_after_days(text[max(sent.start, ts - 90) : ts], text[te:min(ce, nxt)]), at=ts, sites=sites,
        after_hedged=_after_hedged(text[max(sent.start, ts - 90) : ts], text[te:min(ce, nxt)]),
        headline=_in_headline(text, ts),
        subject_at=subject_at, reference=reference,
    )


_N_UNITS = (r"\b(?P<more>more than |over |less than |fewer than |under |nearly |almost |about |some |just |only )?"
            r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?P<unit>day|days|week|weeks|month|months)")
_AFTER = re.compile(_N_UNITS + r"\s+(?:after|later than|since)\s+(?:[\w’'.-]+\s+){0,4}$", re.I)
# "... fired a missile at the base two days earlier." (told at the end of the clause)
_EARLIER = re.compile(r"[^.;:]{0,120}?" + _N_UNITS + r"\s+(?:earlier|before)(?=\s*(?:[.,;:]|$))", re.I)
# "shortly after militants fired ...", "within minutes of a missile being fired", "Immediately
# following the attack, ...": the other attack came the same day.
_SOON_AFTER = re.compile(
    r"\b(?:(?:immediately|shortly|soon|just|moments|minutes|hours)\s+(?:after|following)|within\s+(?:minutes|hours|moments)\s+of)"
    r"\s+(?:[\w’'.-]+\s+){0,4}$", re.I)
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


# "the fourth American strike": an attack counted among others of the same side
_ORDINAL_NOUN = re.compile(
    r"\b(?:" + "|".join(load_yaml("numbers.yaml")["ordinals"]) + r"|\d+(?:st|nd|rd|th))\s+(?P<mods>(?:[A-Z][\w.’'-]*\s+)+)"
    r"(?:air\s*|drone\s+)?(?:strike|attack|raid|operation)s?\b")
_ORDINAL_BEFORE = re.compile(
    r"\b(?:" + "|".join(load_yaml("numbers.yaml")["ordinals"]) + r"|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}$", re.I)
_DEMONSTRATIVE = re.compile(r"\b(?:that|this|those|these)\s+(?:[\w-]+\s+)?$", re.I)
# A noun's object that is a place: "the attack on (the) ", "the strike at "
_ON_PLACE = re.compile(r"\s+(?:on|at|against)\s+(?:the\s+)?")
# "Two days earlier, ..." opening a sentence
_EARLIER_OPENER = re.compile(r"\s*" + _N_UNITS + r"\s+(?:earlier|before)\s*,", re.I)
_LATER_OPENER = re.compile(r"\s*" + _N_UNITS + r"\s+(?:later|after that|afterwards)\s*,", re.I)


def _in_headline(text: str, pos: int) -> bool:
    """A position in one of the text's first lines that reads as a headline: no sentence end."""
    line_start = text.rfind("\n", 0, pos) + 1
    if text.count("\n", 0, line_start) > 3:
        return False
    line_end = text.find("\n", pos)
    line = text[line_start : line_end if line_end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?\"”’'" and len(line.split()) <= 30


def _after_hedged(before: str, after: str = "") -> bool:
    """'more than a week after', 'nearly two weeks after': a count told only roughly."""
    m = _AFTER.search(before) or (("earlier" in after or "before" in after) and _EARLIER.match(after))
    return bool(m and (m.group("more") or "").strip().lower() in _HEDGES)


_HEDGES = ("more than", "over", "less than", "fewer than", "under", "nearly", "almost", "about", "some")


def _after_days(before: str, after: str = "") -> int | None:
    """'more than a week after the US military conducted ...' -> 8; 'shortly after' -> 0; and
    told after the trigger, '... fired a missile at the base two days earlier' -> 2."""
    if _SOON_AFTER.search(before):
        return 0
    m = _AFTER.search(before) or (("earlier" in after or "before" in after) and _EARLIER.match(after))
    if not m:
        return None
    n = _SMALL.get(m.group("n").lower()) or int(m.group("n")) if m.group("n").isdigit() or m.group("n").lower() in _SMALL else None
    if n is None:
        return None
    days = n * _UNIT_DAYS[m.group("unit").lower().rstrip("s")]
    hedge = (m.group("more") or "").strip().lower()
    if hedge in ("more than", "over"):
        return days + 1
    if hedge in ("less than", "fewer than", "under", "nearly", "almost"):
        return max(1, days - (2 if days >= 7 else 1))
    return days


# ... and those of an attack noun, its weapon too ("a US drone strike", "the American air raid").
_ATTACK_MODIFIERS = re.compile(r"(?:(?:[A-Z][\w.’'-]*|\w+[’']s?|drones?|UAV|missile|rocket|ballistic|air|aerial|armed|one-way|precision|retaliatory|deadly)\s+)+$")
# A noun's phrase running on in prepositions up to a place ("on the base of the coalition in the").
_PREP_CHAIN = re.compile(r"\s+(?:on|against|at|targeting)\s+(?:(?!(?:that|which|who|was|were|is|are|had|has|said|after|before|when|while)\b)[^,;.:\n\"“”])*?\s(?:in|at|near)\s+(?:the\s+)?")
# A noun's own phrase up to its day: "the assassination of Nujaba commander X (Abu Y) in Baghdad
# on": no comma, clause or verb between.
_NOUN_TAIL = re.compile(r"\s+of\s+(?:(?!(?:that|which|who|was|were|is|are|had|has|said|after|before|when|while)\b)[^,;.:\n\"“”])*?\s(?:on|in)\s+")
# The weapon that is a verb's subject, with its modifiers ("US warplanes struck", "a drone hit").
_VERB_SUBJECT = re.compile(r"\b(?:(?:an?|the|two|three|several)\s+)?(?:[A-Z][\w.’'-]*\s+|[\w-]+-laden\s+|armed\s+)*"
                           r"(?:warplanes?|jets|aircraft|bombers?|drones?|UAVs?|rockets?|missiles?|helicopters?)\s+$")
# A plural subject's present perfect ("militias have targeted ..."): attacks in general unless
# a day, a count or a place narrower than a country makes it one.
_HABITUAL = re.compile(r"\bhave\s+(?:[\w-]+\s+){0,4}$", re.I)
_POSSESSIVE = re.compile(r"['’]s?\b")
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# A past attack told in a subordinate clause escapes the vow or threat of the main clause:
# "vowed to avenge the fighters killed when US warplanes struck their positions".
_SUBORDINATE = re.compile(r"\b(?:when|after|since|which|because|following|that killed|who were)\b", re.I)


def _governed(pattern: re.Pattern, before: str) -> bool:
    last = None
    for last in pattern.finditer(before):
        pass
    if last is None or _SUBORDINATE.search(before, last.end()):
        return False
    # "condemned the American strikes that targeted ...": what was condemned happened.
    return not (_CONDEMNED.match(last.group()) and _THAT.search(before, last.end()))


# The words right before a noun trigger that can modify it (no article or preposition between).
_NOUN_MODIFIERS = re.compile(r"(?:(?:[A-Z][\w.’'-]*|\d[\w,. ]*\d|\w+[’']s?|one-way|deadly|fatal|latest|recent|retaliatory|precision|major|large-scale|new|wide|blatant|renewed)\s+)+$")
# "called the strike a blatant assassination": a characterisation, not a new attack.
_CHARACTERISED = re.compile(r"\b(?:was|is|as|called|calling|describ(?:ed|ing)(?: it)? as|term(?:ed|ing)|branded)\s+(?:an?\s+)?[\"“‘']?(?:an?\s+)?(?:[\w-]+\s+)?[\"“‘']?$", re.I)
# ... also further inside the quoted words: 'describing them as "a violation of sovereignty and an assault on ..."'.
_CHARACTERISED_QUOTE = re.compile(r"\b(?:as|called|calling|term(?:ed|ing)|branded|labell?(?:ed|ing))\s+[\"“‘][^\"”’“]{0,80}$", re.I)
_SUBJECT_START = re.compile(r"\b(?:when|after|following|as|while|and|but|which|because|before|until|where)\s+", re.I)
_WITH_WEAPON = re.compile(r"\bwith\s+(?:an?\s+|\w+\s+){0,3}[\w-]+s?\b", re.I)  # "with a barrage of rockets"
_INFINITIVE = re.compile(r"\bto\s+$", re.I)
# ... also "some" of what was just told: "most were intercepted, but some landed on the base".
_PRONOUN_SUBJECT = re.compile(r"(?:^\s*|[,;]\s*|\b(?:and|but)\s+)(?:it|they|this|which|some|others|one|most|all|several)"
                              r"(?:\s+of\s+them)?\s+(?:(?:had|has|have|then|also|later)\s+)*$", re.I)
# "said (in a statement on Thursday) that it had (also) targeted", "announced that its mujahideen had targeted".
_SELF_PRONOUN = re.compile(r"\s*(?:[\w-]+\s+){0,6}?(?:that\s+)?(?:it|they|we|(?:its|their|our)\s+[\w-]+)\s+"
                           r"(?:(?:had|has|have|also)\s+)*", re.I)
_COREF_PARAGRAPHS = 2  # how many paragraphs back "it" or "the group" look for what they name
# "the noun claimed": "The same group claimed a drone attack on ..."
_CLAIMED_NOUN = re.compile(r"\bclaimed\s+(?:(?:responsibility|credit)\s+for\s+)?(?:the|an?)\s+$", re.I)
# "over the past two months": the period a running count covers.
PAST_PERIOD = re.compile(
    r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+(?:(?P<n>[\w-]+)\s+)?(?P<unit>days?|weeks?|months?|years?)\b", re.I)
# "the fourth attack in less than three weeks"
IN_PERIOD = re.compile(r"\bin\s+(?:less than\s+|under\s+|just\s+|nearly\s+|about\s+)?(?P<n>[\w-]+)\s+(?P<unit>days|weeks|months|years)\b", re.I)
# "in the two months before the attack", "in the three weeks leading up to the raid"
BEFORE_PERIOD = re.compile(
    r"\bin\s+the\s+(?:(?P<n>[\w-]+)\s+)?(?P<unit>days?|weeks?|months?|years?)\s+(?:before|preceding|prior\s+to|leading\s+up\s+to)\b",
    re.I)
# "between October 17 and October 24", "from 10 January to": a count over a span of dates
BETWEEN_PERIOD = re.compile(
    r"\b(?:between|from)\s+(?:\w+\s+){0,2}?\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Za-z]+)?,?\s+(?:and|to|until|through)\s+", re.I)
# "16 attacks in all" (not "in all of Iraq", "in all directions")
IN_ALL = r"\bin\s+all\b(?!\s+(?:of|the|its|their|his|her|parts|areas|provinces|directions|cases)\b)"
# The periods, without their groups, for the tally gates here and in tallies.py.
PERIOD_WORDS = "|".join(p.pattern for p in (PAST_PERIOD, IN_PERIOD, BEFORE_PERIOD, BETWEEN_PERIOD)).replace(
    "?P<n>", "?:").replace("?P<unit>", "?:") + "|" + IN_ALL
# "between October 2023 and early February": a count over a span of months
_BETWEEN_MONTHS = r"\bbetween\s+(?:early\s+|mid-?|late\s+)?[A-Z][a-z]+(?:\s+\d{4})?\s+and\b"
_TALLY_WORDS = re.compile(r"\b(?:since|so far|to date|in total|a total of|this year|tally|overall)\b|" + PERIOD_WORDS + "|" + _BETWEEN_MONTHS, re.I)
_TIMES = re.compile(r"\s+(?:separate\s+)?times\b", re.I)


def _is_tally(ctx: ArticleContext, sent, ts: int, te: int) -> bool:
    """'at least 78 attacks ... since mid-October', 'attacked more than 160 times since ...':
    a running count, not an attack."""
    if not _TALLY_WORDS.search(ctx.text, sent.start, sent.end):
        return False
    for q in ctx.quantities:
        if (q.low or 0) < 2 or _MUNITIONS_NOUN.match(ctx.text, q.end) and not _ATTACKS_NOUN.match(ctx.text, q.end):
            continue  # ("since September 30, when six rockets landed near the airport": rockets, not attacks)
        if q.end <= ts and ts - q.end <= 25 or ts <= q.start < te:
            return True
        if te <= q.start <= te + 60 and _TIMES.match(ctx.text, q.end):
            return True
    return False


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Move span ends onto word boundaries and off white space and commas."""
    while s < e and not text[s].isalnum() and text[s] not in "“\"‘'(":
        s += 1
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e > s and text[e - 1] in " ,;:\n":
        e -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return s, e


def find_event_mentions(ctx: ArticleContext) -> list[EventMention]:
    lex = _lex()
    out: list[EventMention] = []
    places = None
    for sent in ctx.sentences:
        if not lex.gate.search(sent.text):
            continue
        found: list[tuple[re.Match, bool]] = []
        for m in lex.verb.finditer(ctx.text, sent.start, sent.end):
            found.append((m, True))
        for m in lex.noun.finditer(ctx.text, sent.start, sent.end):
            if not any(v.start() <= m.start() < v.end() or m.start() <= v.start() < m.end() for v, _ in found):
                found.append((m, False))
        found.sort(key=lambda x: x[0].start())
        # ("the killing of three US soldiers": an attack only when referred to)
        found = [(m, verbal) for m, verbal in found if not lex.reference_only.match(m.group())
                 or lex.reference.search(ctx.text, max(sent.start, m.start() - 70), m.start())]
        if places is None:
            places = _attack_places(ctx)
        found, inherited = _list_items(ctx, sent, found)
        found, inherited_too = _dated_items(ctx, sent, found, places)
        inherited.update(inherited_too)
        starts = [(m.start(), bool(lex.reference.search(ctx.text[max(sent.start, m.start() - 70) : m.start()]))
                   or not verbal and i > 0 and bool(_APPOSED.search(ctx.text, sent.start, m.start())))
                  for i, (m, verbal) in enumerate(found)]
        for m, verbal in found:
            em = _mention_at(ctx, sent, m, verbal, starts, places)
            if em is not None:
                if inherited.get(m.start()) and em.weapons == ("unknown",):
                    em = replace(em, weapons=inherited[m.start()])
                out.append(em)
    return out


# Attacks told as a list after a plural noun: "Two more rocket attacks followed: one on the Balad
# air base on Saturday, and another on Monday in the Green Zone".
_LIST_ITEM = re.compile(r"\b(?:one|another|the other|the one|a second|a third)\s+(?=(?:on|at|against|targeting|in|near)\s)", re.I)


def _list_items(ctx: ArticleContext, sent, found: list[tuple[re.Match, bool]]):
    """The list items of a plural attack noun, in place of the noun itself; and the weapons
    they take from it, by item start."""
    heads = [m for m, verbal in found if not verbal and _PLURAL_TRIGGER.search(m.group())]
    if not heads:
        return found, {}
    head = heads[0]
    items = [im for im in _LIST_ITEM.finditer(ctx.text, head.end(), sent.end)
             if not any(m.start() <= im.start() < m.end() for m, _ in found)]
    if len(items) < 2:
        return found, {}
    weapons = tuple(sorted({w for _, w in _weapons_in(ctx.text[max(sent.start, head.start() - 30) : head.end()])}))
    kept = [(m, v) for m, v in found if m is not head]
    return sorted(kept + [(im, False) for im in items], key=lambda x: x[0].start()), {im.start(): weapons for im in items}


# "rockets hit Erbil on February 15, Balad on February 20 and the Green Zone in Baghdad on February 22"
_PLACE_TO_DATE = re.compile(r"[^,.;:]{0,25}?\b(?:on|in)\s+$", re.I)
_NEXT_ITEM = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)


def _dated_items(ctx: ArticleContext, sent, found: list[tuple[re.Match, bool]], places: list[PlaceMention]):
    """Places told each with its day after one attack verb are one attack each: the second and
    later places become triggers of their own (with the verb's weapons, by item start)."""
    text = ctx.text
    extra: list[tuple[re.Match, bool]] = []
    inherited: dict[int, tuple[str, ...]] = {}
    for m, verbal in found:
        if not verbal:
            continue
        items = []
        ahead = [p for p in places if m.end() <= p.start < sent.end]
        pos = m.end()
        for p in ahead:
            if items and p.start < pos:
                continue  # a place inside the item ("the Green Zone in Baghdad")
            if (p.start != pos) if items else (p.start - m.end() > 30):
                break  # not the next item of the list, or no list right after the verb
            day = next((d for d in ctx.dates if p.end <= d.start <= p.end + 30 and d.precision == "day" and d.date
                        and _PLACE_TO_DATE.fullmatch(text, p.end, d.start)), None)
            if day is None:
                break
            items.append((p, day))
            sep = _NEXT_ITEM.match(text, day.end)
            pos = sep.end() if sep else len(text)
        if len(items) < 2:
            continue
        weapons = tuple(sorted({w for _, w in _weapons_in(text[max(sent.start, m.start() - 60) : m.end()])}))
        for p, day in items[1:]:
            # (the item's words run to its day: "Balad airbase on February 20")
            im = re.compile(re.escape(text[p.start : day.end])).match(text, p.start)
            extra.append((im, False))
            inherited[im.start()] = weapons
    if not extra:
        return found, {}
    return sorted(found + extra, key=lambda x: x[0].start()), inherited


# -- stage 2: events ----------------------------------------------------------------------

def _sides_ok(a: str, b: str) -> bool:
    # Civilians are often hit by the same strike told from another side: never a reason to split.
    return a == b or "unknown" in (a, b) or "civilians" in (a, b)


def _weapons_ok(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    a2, b2 = set(a) - {"unknown"}, set(b) - {"unknown"}
    return not a2 or not b2 or bool(a2 & b2)


def _ends_in_noun(trigger: str) -> bool:
    """A verb trigger that ends in its attack noun ("carried out an air attack")."""
    return any(n.end() == len(trigger) for n in _lex().noun.finditer(trigger))


def _base_of_both(ev: Event, m: EventMention) -> bool:
    """One base hosting US forces, its target told as theirs and as the Iraqi army's ("the
    attack on the Taji camp, in which rockets fell where Iraqi forces are stationed")."""
    place = get_place(m.location)
    return (place is not None and place.hosts_us and ev.location is not None and places_compatible(ev.location, m.location)
            and {ev.first("target_side"), m.target_side} == {"us", "iraq_gov"})


def _compatible(ev: Event, m: EventMention) -> bool:
    if not (_sides_ok(ev.first("attacker_side"), m.attacker_side)
            and (_sides_ok(ev.first("target_side"), m.target_side) or _base_of_both(ev, m))):
        return False
    if not _weapons_ok(ev.weapons, m.weapons):
        return False
    if not places_compatible(ev.location, m.location):
        return False
    if (ev.first("n_attacks", skip=(None,)) or 1) > 1 or (m.n_attacks or 1) > 1:
        if ev.first("n_attacks", skip=(None,)) != m.n_attacks:
            return False
    d, _ = ev.date
    md = m.date if m.date is not None else (None if m.anaphoric else m.weak_date)
    # (a day told only to the week, "earlier this week", is near its middle: three days either side)
    slack = 3 if m.date is not None and m.date_precision == "week" else 1
    if d is not None and md is not None and abs((d - md).days) > slack:
        return False
    return True


def _is_reply(ctx: ArticleContext, m: EventMention) -> bool:
    """A strike told as a reply: "struck back", "hit back", "responded with attack helicopters"."""
    if not m.verbal or m.at < 0:
        return False
    return bool(_lex().reply_trigger.match(m.trigger) or _lex().reply_after.match(ctx.text, m.at + len(m.trigger)))


def _answered_attack(ctx: ArticleContext, events: list[Event], m: EventMention) -> Event | None:
    """The attack a reply answers: the last one told before it on the side that replies."""
    if m.attacker_side in ("unknown", "civilians") or not _is_reply(ctx, m):
        return None
    hit = [ev for ev in events if ev.first("target_side") == m.attacker_side and ev.first("attacker_side") != m.attacker_side
           and min(x.start for x in ev.mentions) < m.start]
    return max(hit, key=lambda ev: min(x.start for x in ev.mentions)) if hit else None


_REPLY_RECENT = 30  # days: an attack answered, with no day of its own, is taken as recent news


def _reply_bound(ctx: ArticleContext, answered: Event) -> dt.date | None:
    """The earliest day of a reply to ``answered``: its day, or with none a month before publication."""
    d = answered.date[0]
    if d is None and ctx.published is not None:
        d = ctx.published - dt.timedelta(days=_REPLY_RECENT)
    return d


def _before_answered(ctx: ArticleContext, ev: Event, answered: Event) -> bool:
    """An event that cannot be the reply to ``answered``: dated before it, or told before it
    (and not itself told as a reply) while dated no later."""
    d, a = ev.date[0], answered.date[0]
    if d is not None and a is not None and d < a:
        return True
    # ("rockets struck the base, a day after airstrikes on ...": told as before it)
    told_with = {ctx.sentence_of(y.start) for y in answered.mentions}
    if any(x.after_days is not None and ctx.sentence_of(x.start) in told_with for x in ev.mentions):
        return True
    if d is not None and a is not None and d > a:
        return False
    return (not any(_is_reply(ctx, x) for x in ev.mentions)
            and min(x.start for x in ev.mentions) < min(x.start for x in answered.mentions))


def extract_events(ctx: ArticleContext, mentions: list[EventMention] | None = None) -> list[Event]:
    """Merge an article's mentions into events, in order of first mention."""
    mentions = find_event_mentions(ctx) if mentions is None else mentions
    events: list[Event] = []
    # A reference that opens a sentence before the report it refers to ("The U.S. retaliated
    # early Friday with airstrikes on ...") waits for an event its sentence starts.
    waiting: list[tuple[int, EventMention]] = []
    ahead: list[EventMention] = []  # references told before any attack is
    # "the drone attack that targeted the airport", "carried out an air attack that targeted
    # the airport": the noun goes with the verb that tells it, whatever each read of its sides.
    told_by_next = {
        m for m, nx in zip(mentions, mentions[1:])
        if (not m.verbal or _ends_in_noun(m.trigger)) and nx.verbal and m.at >= 0 and nx.at > m.at
        and _THAT_TOLD.fullmatch(ctx.text, m.at + len(m.trigger), nx.at)
    }
    for m in mentions:
        si = ctx.sentence_of(m.start)
        if m in told_by_next:
            waiting.append((si, m))
            continue
        # "The strike came five days after bombers hit ...": the attack told after "N days
        # after" is another one than the attack its sentence began with.
        candidates = [ev for ev in events if _compatible(ev, m)
                      and not (m.after_days is not None and any(ctx.sentence_of(x.start) == si for x in ev.mentions))]
        # A reply came after the attack it answers: no attack dated before that joins it.
        md = m.date or m.weak_date
        candidates = [ev for ev in candidates if ev.answers is None or md is None
                      or (bound := _reply_bound(ctx, ev.answers)) is None or md >= bound]
        answered = _answered_attack(ctx, events, m)
        if answered is not None:
            # "Rockets hit the base ... US helicopters struck back": a reply comes after the attack
            # it answers, so it is no strike told before that attack or dated before it.
            candidates = [ev for ev in candidates if not _before_answered(ctx, ev, answered)]
            if not candidates and m.date is None and answered.date[0] is not None and (m.weak_date is None or m.weak_date < answered.date[0]):
                m = replace(m, weak_date=answered.date[0], weak_precision=answered.date[1])
            if not candidates:
                m = replace(m, can_start=True)  # (a reply to an attack told is a particular strike)
        target = None
        if candidates:
            # A mention joins the event it agrees with most (same place, weapons, day); among
            # equals, the one last spoken of ("the attack" refers back to the latest).
            def fit(ev: Event) -> tuple:
                last = max((x.at if x.at >= 0 else x.start) for x in ev.mentions)
                d, _ = ev.date
                agree = (
                    # (places agree more when they agree below a country: "the Erbil attack" is
                    # the attack on Erbil airport rather than the strikes "in Iraq")
                    2 * bool(m.location and ev.location) + (min(specificity(m.location), specificity(ev.location)) > 1)
                    + bool(set(m.weapons) & set(ev.weapons) - {"unknown"})
                    + bool(m.date and d and m.date == d)
                )
                # (a verb joins the attack its subject names: "the strikes, on January 20, hit ...")
                return (any(x.at == m.subject_at >= 0 for x in ev.mentions), agree, last)

            target = max(candidates, key=fit)
            d, _ = target.date
            md = m.date or m.weak_date
            if not m.anaphoric and fit(target)[1] == 0 and d is None and md is not None:
                # A dated report that agrees on nothing positive with an undated event is
                # another attack ("struck 85 targets ..." / "... a drone attack last Sunday").
                target = None
        if target is not None:
            target.mentions.append(m)
            for wsi, w in waiting:
                if wsi == si and w.at < m.at and (m.at - w.at) < 40 and (w in told_by_next or _compatible(target, w)):
                    target.mentions.insert(-1, w)
                    waiting = [(a, b) for a, b in waiting if b is not w]
        elif m.can_start:
            ev = Event([m], answers=answered)
            for wsi, w in waiting:
                if wsi == si and (w in told_by_next or _compatible(ev, w)):
                    ev.mentions.insert(0, w)
            events.append(ev)
            if len(events) == 1:
                _date_the_lead(ctx, events)  # the lead's day, before other reports are compared with it
        else:
            waiting.append((si, m))
            if not events:
                ahead.append(m)
        waiting = [(wsi, w) for wsi, w in waiting if wsi == si]
    # "The strikes, using B-1 bombers, hit ..." in a standfirst, before any attack is told:
    # the first compatible attack the article goes on to tell.
    for m in reversed(ahead):
        target = next((ev for ev in events if _compatible(ev, m) and m not in ev.mentions), None)
        if target is not None:
            target.mentions.insert(0, m)
    _date_from_other_attacks(ctx, events)
    for ev in events:
        # A reply with no day of its own: the day of the attack it answers (its earliest).
        if ev.answers is not None and ev.date[0] is None and ev.answers.date[0] is not None:
            ev.derived_date = ev.answers.date
    _date_the_lead(ctx, events)
    return events


_LEAD_SENTENCES = 4
_LEAD_RECENT = 14  # days before publication


def _date_the_lead(ctx: ArticleContext, events: list[Event]) -> None:
    """The article's first attack is its news: with no date of its own it takes the first
    recent day told in the article's opening sentences ("... on Wednesday night, officials said")."""
    if not events or ctx.published is None or len(ctx.sentences) == 0:
        return
    lead = min(events, key=lambda e: min(m.start for m in e.mentions))
    if lead.date[0] is not None:
        return
    end = ctx.sentences[min(len(ctx.sentences), _LEAD_SENTENCES) - 1].end
    first = min(m.start for m in lead.mentions)
    recent = [d for d in ctx.dates if d.start < end and d.precision == "day" and d.date and d.kind != "since"
              and 0 <= (ctx.published - d.date).days <= _LEAD_RECENT and not _stamp_line(ctx, d)
              and not _REJECTED_AFTER.match(ctx.text, d.end)]  # ("on Thursday rejected the claim ...")
    # A day told after the lead ("... said in a statement on Sunday") before one told above it
    # (a time stamp or dateline above the text is when it was published, not when it happened).
    after = [d for d in recent if d.start >= first]
    if after or recent:
        lead.derived_date = ((after or recent)[0].date, "day")

_STAMP_WORDS = re.compile(r"\b(?:\d+|[AaPp]\.?[Mm]\.?|GMT|UTC|AST|EST|ET|last|updated?|published|posted|on|at)\b|[^\w\s]", re.I)


def _stamp_line(ctx: ArticleContext, d) -> bool:
    """True when the date sits on a time-stamp line ("Monday, 29 January 2024 9:41 AM [Last
    Update: ...]"): with its dates and time words taken out, fewer than three words are left."""
    text = ctx.text
    ls = text.rfind("\n", 0, d.start) + 1
    le = text.find("\n", d.end)
    le = len(text) if le < 0 else le
    chars = list(text[ls:le])
    for other in ctx.dates:
        if ls <= other.start and other.end <= le:
            chars[other.start - ls : other.end - ls] = " " * (other.end - other.start)
    return len(_STAMP_WORDS.sub(" ", "".join(chars)).split()) < 3


def _date_from_other_attacks(ctx: ArticleContext, events: list[Event]) -> None:
    """'The strike on Tower 22 came eight days after militants fired missiles at Al-Assad':
    an undated attack told after 'N days after' takes the date of the sentence's dated
    attack minus N; the undated attack of a sentence that tells a dated one 'N days after'
    (or 'shortly after', 'immediately following') takes its date plus N."""
    def at(x: EventMention) -> int:
        return x.at if x.at >= 0 else x.start

    counted: set[int] = set()  # events dated here, by id
    for ev in events:
        # (a day worked out from "N days after" beats one read off the paragraph around it)
        if ev.derived_date is not None or any(m.date for m in ev.mentions):
            continue
        for m in ev.mentions:
            si = ctx.sentence_of(m.start)
            # (of the attacks told before it in its sentence, the nearest)
            # ("came a week after the Jordan attack and five days after the U.S. hit ...": each
            # counted from the attack the sentence tells, never from a date worked out so)
            dated = [other for other in events if other is not ev and other.date[0] is not None and other.date[1] == "day"
                     and id(other) not in counted]
            # (the one the sentence opens with: "The strike came a week after the Jordan attack,
            # and five days after the U.S. hit 85 targets" counts both from the strike)
            dated.sort(key=lambda o: min((at(x) for x in o.mentions if ctx.sentence_of(x.start) == si and at(x) < at(m)),
                                         default=len(ctx.text)))
            for other in dated:
                d, _ = other.date
                here = [x for x in other.mentions if ctx.sentence_of(x.start) == si]
                if m.after_days is not None and any(at(x) < at(m) for x in here):
                    ev.derived_date = (d - dt.timedelta(days=m.after_days),
                                       "day" if m.after_days <= 14 and not m.after_hedged else "week")
                    break
                told = [x for x in here if x.after_days is not None and at(x) != at(m)]
                if told:
                    n = told[0].after_days
                    ev.derived_date = (d + dt.timedelta(days=n), "day" if n <= 14 and not told[0].after_hedged else "week")
                    break
            # "Two days earlier, US forces carried out air strikes ...", "Ten days later, a US
            # drone hit an SUV in Baghdad": counted back (on) from the attack told last before
            # the sentence (dated to the day)
            for opener_re, sign in ((_EARLIER_OPENER, -1), (_LATER_OPENER, 1)):
                opener = opener_re.match(ctx.text, ctx.sentences[si].start) if ev.derived_date is None and si > 0 else None
                if opener is None:
                    continue
                words = opener.group()
                if sign > 0:
                    words = words.replace("later", "earlier").replace("after that", "earlier").replace("afterwards", "earlier")
                n = _after_days("", words)
                s0 = ctx.sentences[si].start
                before = [other for other in events if other is not ev and other.date[0] is not None
                          and other.date[1] == "day" and id(other) not in counted
                          and any(at(x) < s0 for x in other.mentions)]
                if n is not None and before:
                    last = max(before, key=lambda o: max(at(x) for x in o.mentions if at(x) < s0))
                    d, _ = last.date
                    ev.derived_date = (d + sign * dt.timedelta(days=n),
                                       "day" if n <= 14 and not _after_hedged("", opener.group()) else "week")
            if ev.derived_date:
                counted.add(id(ev))
                break
