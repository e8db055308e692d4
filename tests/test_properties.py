"""Property-based tests: extraction never raises, spans are honest, ids unique, order irrelevant.

Fragments are written for these tests in the style of the news; hypothesis mixes them with
arbitrary text, stray quote marks and line breaks.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.extract import assemble, extract_article

FRAGMENTS = [
    "Rockets struck the Ain al-Asad air base on Monday",
    "a US drone strike killed two Kataib Hezbollah commanders in Baghdad",
    "“We will avenge our martyrs,” Qais al-Khazali said",
    "according to the Pentagon, there were no injuries",
    "at least 150 attacks on US forces since mid-October",
    "the Islamic Resistance in Iraq said it targeted Harir base with drones",
    "approx. 20 x 107mm rockets",
    "He said the attack resulted in “one enemy wounded in action.",
    "Sabereen News put the number of the wounded at five",
    "US warplanes struck three targets along the Iraqi-Syrian border at 6 pm Eastern Time Sunday",
    "“Nobody is interested in escalating tensions,” Kirby said.",
    "Syrian media said the raid killed one child and wounded three civilians",
    "the latest attack was carried out on Wednesday, more than a week after the air raid",
    "‘", "’", "“", "”", '"', "\n", "\n\n", ". ", ", ", " — ",
]

pieces = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=25)
published = st.one_of(st.none(), st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2025, 12, 31)))

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_spans(text: str, rows: list[dict], key: str) -> None:
    for r in rows:
        assert 0 <= r["start"] <= r["end"] <= len(text)
        assert text[r["start"] : r["end"]] == r[key]


@SETTINGS
@given(pieces, published)
def test_extraction_never_raises_and_spans_are_text(parts, pub):
    text = " ".join(parts)
    x = extract_article("p", text, published=pub, outlet="Reuters", outlet_side="media")
    _check_spans(text, x.events, "snippet")
    _check_spans(text, x.claims, "snippet")
    _check_spans(text, x.tallies, "snippet")
    _check_spans(text, x.quotes, "text")
    for q in x.quotes:
        assert -1.0 <= q["escalation"] <= 1.0


@SETTINGS
@given(st.lists(pieces, min_size=1, max_size=4), published)
def test_ids_unique_and_independent_of_order(docs, pub):
    results = [
        extract_article(f"a{i}", " ".join(parts), published=pub, outlet="Reuters", outlet_side="media")
        for i, parts in enumerate(docs)
    ]
    one = assemble(results)
    two = assemble(list(reversed(results)))
    for name, df in one.items():
        idcol = df.columns[0]
        assert df[idcol].is_unique, name
        pd.testing.assert_frame_equal(df, two[name])
