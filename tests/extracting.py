"""What the extraction tests share: one article extracted from a test sentence, and its events."""

from __future__ import annotations

import datetime as dt

from workbench.extract import ArticleExtraction, extract_article


def extraction(text: str, *, published: dt.date, outlet: str = "Reuters", side: str = "media") -> ArticleExtraction:
    """The tables of one article made of ``text``, published on ``published`` by ``outlet``."""
    return extract_article("t", text, published=published, outlet=outlet, outlet_side=side)


# The events tests' day of publication, a Wednesday: "on Monday" is 29 January 2024.
PUB = dt.date(2024, 1, 31)


def events_of(text: str, *, published: dt.date = PUB) -> list[dict]:
    return extraction(text, published=published).events


def one_event(text: str, *, published: dt.date = PUB) -> dict:
    evs = events_of(text, published=published)
    assert len(evs) == 1, [e["snippet"] for e in evs]
    return evs[0]


def claims_of(text: str, *, published: dt.date = PUB, outlet: str = "Reuters", side: str = "media") -> list[dict]:
    return extraction(text, published=published, outlet=outlet, side=side).claims


def one_claim(text: str, **kw) -> dict:
    cs = claims_of(text, **kw)
    assert len(cs) == 1, [(c["snippet"], c["low"]) for c in cs]
    return cs[0]


def tallies_of(text: str, *, published: dt.date = PUB, outlet: str = "Reuters", side: str = "media") -> list[dict]:
    return extraction(text, published=published, outlet=outlet, side=side).tallies


def one_tally(text: str, **kw) -> dict:
    ts = tallies_of(text, **kw)
    assert len(ts) == 1, ts
    return ts[0]
