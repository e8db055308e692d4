"""Sentence splitting with character offsets.

One compiled pattern finds candidate boundaries; a short check on the word before the
full stop rejects abbreviations ("Col.", "approx.", "U.S. Forces"). Paragraphs (lines) are
always boundaries, except a line broken in mid-sentence (no closing punctuation, next line
starts in lower case), which is joined. Offsets index the text given, so
``text[start:end]`` is the sentence, verbatim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from workbench.resources import load_yaml

__all__ = ["Sentence", "split_sentences", "paragraph_spans"]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


# End of a sentence: terminal punctuation, closing quotes or brackets, then white space.
_BOUNDARY = re.compile(r"[.!?…]+[\"”’'\)\]]*(?=\s+)")
# What may open the next sentence: a capital, a digit or an opening quote or bracket.
_NEXT_START = re.compile(r"\s+([\"“‘'\(\[]?[A-Z0-9])")
# The first word of the next sentence (after an opening quote or bracket).
_NEXT_WORD = re.compile(r"[\"“‘'\(\[]?([A-Za-z]+)")
# The word just before a full stop (letters, dots and apostrophes).
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.’']*)$")
# A line that ends a sentence by itself (punctuation, closing quote or colon).
_LINE_END = re.compile(r"[.!?…:\"”’'\)\]]\s*$")
# Words that start a new sentence after a dotted acronym ("... in the U.S. The next ...").
_SENTENCE_OPENERS = frozenset(
    "The A An He She It They We I This That These Those But And However Meanwhile In On At "
    "Earlier Later Asked According".split()
)


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("abbreviations.yaml")
    plain = frozenset(data["titles"]) | frozenset(data["common"]) | frozenset(data["months"])
    acronyms = frozenset(data["acronyms"])
    return plain, acronyms


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """True when the full stop at ``dot`` belongs to an abbreviation, not a sentence end."""
    plain, acronyms = _abbreviations()
    m = _WORD_BEFORE.search(text, max(0, dot - 20), dot)
    if not m:
        return False
    word = m.group(1).rstrip(".")
    if word in plain or word.lstrip("(") in plain:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if word in acronyms:
        return next_word not in _SENTENCE_OPENERS
    return False


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty lines, joining a line broken in mid-sentence with the next one."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        s = start + (len(line) - len(line.lstrip()))
        e = end - (len(line) - len(line.rstrip()))
        if spans:
            ps, pe = spans[-1]
            prev = text[ps:pe]
            if not _LINE_END.search(prev) and stripped[0].islower():
                spans[-1] = (ps, e)
                continue
        spans.append((s, e))
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; each keeps its exact character span.

    >>> [s.text for s in split_sentences("Col. Wayne Marotto said two were hurt. No one died.")]
    ['Col. Wayne Marotto said two were hurt.', 'No one died.']
    """
    out: list[Sentence] = []
    for ps, pe in paragraph_spans(text):
        start = ps
        for m in _BOUNDARY.finditer(text, ps, pe):
            nxt = _NEXT_START.match(text, m.end(), pe)
            if not nxt:
                continue
            dot = m.start()
            if m.group().startswith(".") and not m.group().startswith(".."):
                word_m = _NEXT_WORD.match(text[nxt.start(1) : nxt.start(1) + 30])
                next_word = word_m.group(1) if word_m else ""
                if _is_abbreviation(text, dot, next_word):
                    continue
            out.append(Sentence(start, m.end(), text[start : m.end()]))
            start = nxt.start(1)
        if start < pe:
            out.append(Sentence(start, pe, text[start:pe]))
    return out
