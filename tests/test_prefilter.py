"""The gates' substring pre-checks never change an answer (workbench.prefilter)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.prefilter import CASE_FOLDS_TO_ASCII, Prefiltered, required_needles


def _gates():
    from workbench.extract import claims, tallies
    from workbench.extract.events import _lex

    return {"events": _lex().gate, "claims": claims._GATE, "tallies": tallies._GATE}


def test_case_folds_to_ascii_is_complete():
    """Every non-ASCII character an ASCII literal matches case-insensitively is in the list."""
    ascii_i = re.compile("[\x00-\x7f]", re.I)
    found = {chr(c) for c in range(0x80, 0x110000) if ascii_i.match(chr(c))}
    assert found == set(CASE_FOLDS_TO_ASCII)


@pytest.mark.parametrize(
    "pattern, flags, needles",
    [
        (r"kill|\bhit\b|dead", re.I, {"kill", "hit", "dead"}),
        (r"\b(?:since|so far)\b", re.I, {"since", "so far"}),
        (r"rockets?\s+(?:hit|struck)", 0, {"rocket"}),
        (r"(?:a|b)?c", 0, {"c"}),
        (r"\d+ dead", 0, {" dead"}),
        (r"[Kk]ill|x*", 0, None),  # an alternative that can match nothing: no requirement
        (r"(a)\1", 0, {"a"}),
        (r"über", re.I, {"ber"}),  # a non-ASCII literal is left out
    ],
)
def test_required_needles(pattern, flags, needles):
    got = required_needles(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == needles


def test_gates_have_needles():
    for name, gate in _gates().items():
        assert isinstance(gate, Prefiltered) and gate.needles and gate.bit, name


def test_shared_automaton_agrees_with_the_needle_regex():
    """The one Aho-Corasick pass gives each gate the answer its own regex of needles gives."""

    sentences = ["Rockets struck the base.", "He said nothing.", "Over the past two months, 11 attacks.",
                 "Four were killed.", "KİLLED", "so far so good", "", "The UAV fell."]
    for gate in _gates().values():
        alone = Prefiltered(gate.pattern_)
        assert not alone.bit
        for s in sentences:
            assert gate.may_match(s) == alone.may_match(s), (gate.pattern_.pattern[:30], s)


WORDS = ["attack", "Attack", "KILLED", "since", "so far", "over the past two months", "hit", "Hit", "hits",
         "in less than three weeks", "injur", "İnjured", "ınjured", "KİLLED", "\u212aill", "ſince", "uav", "UAV",
         " ", "\n", ".", "-", "’", "“"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_prefiltered_search_is_the_pattern_search(text):
    for gate in _gates().values():
        a, b = gate.search(text), gate.pattern_.search(text)
        assert (a.span() if a else None) == (b.span() if b else None)


@settings(max_examples=200, deadline=None)
@given(texts, st.sampled_from([r"kill|\bhit\b|dead", r"rockets?\s+(?:hit|struck)", r"(?:over|in)\s+the\s+past\s+(?:\w+\s+)?days?",
                               r"a(?:ttack|ssault)|b(?:omb|arrage)", r"\bso far\b|\bto date\b"]),
       st.sampled_from([0, re.I]))
def test_prefiltered_search_any_pattern(text, pattern, flags):
    p = re.compile(pattern, flags)
    a, b = Prefiltered(p).search(text), p.search(text)
    assert (a.span() if a else None) == (b.span() if b else None)


def test_odd_case_folds_go_to_the_pattern():
    gate = Prefiltered(re.compile("kill", re.I))
    assert gate.search("\u212aILL").group() == "\u212aILL"  # Kelvin sign
    assert Prefiltered(re.compile("since", re.I)).search("ſince")
    assert Prefiltered(re.compile("injur", re.I)).search("İnjured")


def test_prefiltered_copies_and_pickles():
    import copy
    import pickle

    from workbench.prefilter import prefiltered

    gate = prefiltered(re.compile(r"kill|dead", re.I))
    for other in (copy.deepcopy(gate), pickle.loads(pickle.dumps(gate))):
        assert not other.bit  # a copy never uses the bits of the shared automaton
        assert other.search("Two were killed").group() == "kill" and other.search("calm") is None
        assert other.pattern == gate.pattern
