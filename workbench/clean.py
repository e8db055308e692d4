"""Cleaning of raw article text: whole lines out, sentences untouched.

The cleaner removes site furniture (comment blocks, share and navigation lines, captions
with credits, headline repeats) and paragraphs repeated inside one article, and folds runs
of spaces. It never edits the words of a line it keeps, so every sentence of the cleaned
text can be found again verbatim in the source. Along the way it reads what the furniture
tells: the headline, the dateline, a stated publication date and the outlet's signature.
The patterns live in ``data/boilerplate.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from re import _parser as _sre_parser
from re._constants import LITERAL as _LITERAL

from workbench.dates import parse_date_string, weekday_fixed_day
from workbench.resources import load_yaml

__all__ = ["Cleaned", "clean_text"]

# Runs of horizontal white space (including no-break and thin spaces) fold to one space.
# Written to match only what changes (two or more, or one that is not a plain space): most
# lines then need no replacement at all.
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_NON_WORDS = re.compile(r"\W+")
# A line that reads as a headline: no closing full stop, comma or semicolon.
_HEADLINE_END = re.compile(r"[^.,;:]\s*$")
# A line of prose ends a sentence (headlines and link lists do not).
_PROSE_END = re.compile(r"[.!?…][\"”’')\]]*\s*$")
# Lines too short to be worth de-duplicating as repeated paragraphs.
_MIN_REPEAT_CHARS = 40
_MAX_TITLE_WORDS = 25


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: str | None = None
    dateline: str | None = None
    published_text: str | None = None  # the date string the page states, if any
    outlet_hint: str | None = None  # an outlet named by the page's furniture
    dropped: Counter = field(default_factory=Counter)  # reason -> number of lines

    def dropped_summary(self) -> str:
        if not self.dropped:
            return ""
        parts = ", ".join(f"{k} {v}" for k, v in sorted(self.dropped.items()))
        return f"dropped {sum(self.dropped.values())} lines ({parts})"


@dataclass(frozen=True)
class _Rules:
    drop_line: re.Pattern  # any of the patterns (see _any_of)
    drop_tail: re.Pattern
    drop_block: re.Pattern
    navigation: re.Pattern
    signatures: tuple[tuple[re.Pattern, str, str], ...]  # (pattern, text every match holds, outlet)
    suffix_seps: tuple[str, ...]
    published: tuple[re.Pattern, ...]
    published_header: tuple[re.Pattern, ...]  # only above the first paragraph of prose
    datelines: tuple[re.Pattern, ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_yaml("boilerplate.yaml")
    names = sorted(data["section_names"], key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in names)
    return _Rules(
        drop_line=_any_of(data["drop_line"]),
        drop_tail=_any_of(data["drop_tail_from"]),
        drop_block=_any_of(data.get("drop_block_from", ())),
        navigation=re.compile(rf"^(?:(?:{alt})\s*[|/>»,·•-]?\s*)+$", re.I),
        signatures=tuple(
            (re.compile(s["pattern"]), _required_text(s["pattern"]), s["outlet"]) for s in data["outlet_signatures"]
        ),
        suffix_seps=tuple(data["title_suffix_separators"]),
        published=tuple(re.compile(p, re.I) for p in data["published_lines"]),
        published_header=tuple(re.compile(p, re.I) for p in data["published_header_lines"]),
        datelines=tuple(re.compile(p) for p in data["datelines"]),
    )


def _any_of(patterns) -> re.Pattern:
    """One case-insensitive regex that matches where any of ``patterns`` matches (one call
    per line instead of one per pattern). The patterns use no back-references and no
    inline flags of their own (both would change meaning inside one alternation)."""
    if not patterns:
        return re.compile(r"(?!x)x")  # matches nothing
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def _required_text(pattern: str) -> str:
    """The longest run of literal characters that every match of ``pattern`` holds, or "".

    Read from the parsed pattern: a literal at its top level must be there in every match
    (an outlet signature "^.{10,200} - Press TV\\s*$" needs " - Press TV"), so a quick ``in``
    test spares the regex a scan of most texts. Case-insensitive patterns get "".
    """
    parsed = _sre_parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    best, run = "", ""
    for op, value in parsed.data:
        run = run + chr(value) if op is _LITERAL else ""
        best = max(best, run, key=len)
    return best


def _norm_key(line: str) -> str:
    return _NON_WORDS.sub(" ", line).strip().casefold()


def _split_title(line: str, seps: tuple[str, ...]) -> tuple[str, str | None]:
    """'Headline - Site Name' -> ('Headline', 'Site Name') when the tail is short."""
    for sep in seps:
        head, found, tail = line.rpartition(sep)
        if found and head and 0 < len(tail.split()) <= 5 and len(head.split()) >= 3:
            return head.strip(), tail.strip()
    return line, None


def _looks_like_title(line: str, next_line: str | None, seps: tuple[str, ...]) -> bool:
    if next_line is None or len(line.split()) > _MAX_TITLE_WORDS or len(line) < 8:
        return False
    if not _HEADLINE_END.search(line.rstrip("”\"’'")):
        return False
    # A headline is followed by its repeat or by body text, which is longer and reads as prose.
    if _norm_key(_split_title(line, seps)[0]) == _norm_key(next_line):
        return True
    return len(next_line) > len(line) or next_line.endswith((".", "”", '"'))


def clean_text(raw: str, *, title: str | None = None) -> Cleaned:
    """Clean one article's raw text.

    ``title`` is a title already known from metadata: lines repeating it are dropped.

    >>> c = clean_text("Rockets hit base\\nBAGHDAD (AP) -- Rockets hit a base on Monday.\\nPost a comment")
    >>> c.title, c.dateline, c.text
    ('Rockets hit base', 'BAGHDAD', 'BAGHDAD (AP) -- Rockets hit a base on Monday.')
    """
    rules = _rules()
    dropped: Counter = Counter()
    lines = [_SPACES.sub(" ", ln).strip() for ln in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]

    outlet_hint = None
    for pat, needed, outlet in rules.signatures:
        if needed in raw and pat.search(raw):
            outlet_hint = outlet
            break

    # Furniture at the end: comment sections and their policy text.
    cut = len(lines)
    for i, ln in enumerate(lines):
        if i >= len(lines) // 3 and rules.drop_tail.match(ln):
            cut = i
            break
    if cut < len(lines):
        dropped["comment section"] += len(lines) - cut
        lines = lines[:cut]

    # Blocks of related headlines: the header line and the headline-like lines after it.
    unblocked: list[str] = []
    in_block = False
    for ln in lines:
        if rules.drop_block.match(ln):
            in_block = True
            dropped["related links"] += 1
            continue
        if in_block and not _PROSE_END.search(ln):
            dropped["related links"] += 1
            continue
        in_block = False
        unblocked.append(ln)
    lines = unblocked

    published_text = None
    kept: list[str] = []
    in_header = True  # above the first paragraph of prose (headline, byline, date line)
    for ln in lines:
        # A line that states the publication date ("Posted on 30/06/2021") is furniture;
        # a prose line that merely starts with such a word ("Date palms ... 2019") is not.
        in_header = in_header and not _PROSE_END.search(ln)
        patterns = rules.published + rules.published_header if in_header else rules.published
        stated = next((m.group(1).strip() for p in patterns if (m := p.match(ln))), None)
        if stated is not None and parse_date_string(stated) is None:
            stated = None
        if stated is not None and published_text is None:
            published_text = stated
        if stated is not None or rules.drop_line.match(ln):
            dropped["boilerplate"] += 1
        elif len(ln) <= 80 and rules.navigation.match(ln):
            dropped["navigation"] += 1
        else:
            kept.append(ln)

    # The headline: the first line when it reads as one (unless metadata gave it).
    found_title = None
    # The headline is judged against the first line of prose after it, skipping short
    # furniture between them (a site name, "Source: ...", a time).
    following = next((ln for ln in kept[1:] if len(ln.split()) >= 8 or _PROSE_END.search(ln)), None)
    if (
        kept and following is not None and kept[1:2] != [following]
        and not _PROSE_END.search(kept[0]) and _looks_like_title(kept[0], following, rules.suffix_seps)
    ):
        head_key = _norm_key(_split_title(kept[0], rules.suffix_seps)[0])
        between = kept[1 : kept.index(following, 1)]
        if all(len(b.split()) <= 5 and not _PROSE_END.search(b) and _norm_key(b) != head_key for b in between):
            for b in between:
                if published_text is None and weekday_fixed_day(b) is not None:
                    published_text = b  # a date line without a year ("Baghdad – Saturday 27 February")
                if outlet_hint is None and len(b.split()) <= 4:
                    outlet_hint = re.sub(r"\s+(English|Arabic|Online|News)$", "", b).strip() or None
            dropped["site furniture"] += len(between)
            kept = [kept[0], *kept[1 + len(between):]]
    if kept and _looks_like_title(kept[0], kept[1] if len(kept) > 1 else None, rules.suffix_seps):
        head, site = _split_title(kept[0], rules.suffix_seps)
        found_title = head
        if site and outlet_hint is None:
            outlet_hint = site
        kept = kept[1:]
        dropped["headline"] += 1
    title = title or found_title
    title_keys = {_norm_key(t) for t in (title, found_title) if t}

    body: list[str] = []
    seen: set[str] = set()
    for ln in kept:
        key = _norm_key(ln)
        head = _split_title(ln, rules.suffix_seps)[0]
        if key in title_keys or (head is not ln and _norm_key(head) in title_keys):
            dropped["headline repeat"] += 1
            continue
        if len(ln) >= _MIN_REPEAT_CHARS:
            if key in seen:
                dropped["repeated paragraph"] += 1
                continue
            seen.add(key)
        body.append(ln)

    dateline = None
    if body:
        for p in rules.datelines:
            m = p.match(body[0])
            if m:
                dateline = m.group(1).strip(" ,")
                break

    return Cleaned(
        text="\n".join(body),
        title=title,
        dateline=dateline,
        published_text=published_text,
        outlet_hint=outlet_hint,
        dropped=dropped,
    )
