"""Acronyms an article defines: "the Kurdistan Region's Counter-Terrorism Directorate (CTD)".

Later mentions of the acronym ("the CTD said") name the body it was defined for: the
gazetteer's actor when a gazetteer name stands right before the brackets, else a body of the
article's own, named in full, with the side its words tell ("Kurdistan Region" -> iraq_gov).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from workbench.actors import Actor, Mention
from workbench.extract.people import side_from_words

__all__ = ["defined_acronyms"]

_DEFINITION = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
# The capitalised name before the brackets, small joining words allowed inside it.
_NAME_BEFORE = re.compile(r"((?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|the|on)\s+)?){0,7}[A-Z][\w’'-]*)\s*$")
_POSSESSIVE = re.compile(r"[’']s$")
_MAX_BACK = 120


def defined_acronyms(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Mentions of the bodies an article names by an acronym it defines (the full name too,
    when the gazetteer does not know it), in text order."""
    known = {m.text for m in mentions}
    out: list[Mention] = []
    for d in _DEFINITION.finditer(text):
        acronym = d.group(1)
        if acronym in known:
            continue  # the gazetteer knows it already
        found = _definition(text, d.start(), acronym, mentions)
        if found is None:
            continue
        actor, name_span = found
        known.add(acronym)
        if name_span is not None:
            out.append(Mention(name_span[0], name_span[1], text[name_span[0] : name_span[1]], actor))
        for m in re.finditer(rf"(?<![\w&-]){re.escape(acronym)}(?![\w&-])", text[d.end() :]):
            out.append(Mention(d.end() + m.start(), d.end() + m.end(), acronym, actor))
    return sorted(out, key=lambda m: m.start)


def _definition(text: str, at: int, acronym: str, mentions: Sequence[Mention]) -> tuple[Actor, tuple[int, int] | None] | None:
    right_before = [m for m in mentions if at - 2 <= m.end <= at and m.actor.kind != "person"]
    if right_before:
        return right_before[-1].actor, None
    lo = max(0, at - _MAX_BACK)
    run = _NAME_BEFORE.search(text, lo, at)
    if run is None:
        return None
    words = list(re.finditer(r"\S+", run.group(1)))
    # "Kurdistan Region's Counter-Terrorism Directorate": the body is named after the owner.
    owner_end = max((i for i, w in enumerate(words) if _POSSESSIVE.search(w.group())), default=-1)
    name_words = words[owner_end + 1 :]
    while name_words and name_words[0].group().lower() in ("of", "for", "and", "the", "on"):
        name_words.pop(0)
    if len(name_words) < 2 or name_words[0].group()[0] != acronym[0]:
        return None
    start = run.start(1) + name_words[0].start()
    end = run.start(1) + name_words[-1].end()
    name = text[start:end]
    whole = _POSSESSIVE.sub("", re.sub(r"[’']s\b", "", run.group(1)))
    side = side_from_words(whole) or "unknown"
    return Actor(name=name, kind="agency", side=side, aliases=(name, acronym)), (start, end)
