"""Speed machinery that must not change results: the forkserver warm-up."""

from __future__ import annotations


def test_warm_runs_and_changes_nothing():
    """workbench._warm fills caches only: it runs without error, and an article read after it
    gives the same result as before it."""
    from workbench import _warm
    from workbench.extract import extract_article

    text = "Rockets struck the Ain al-Asad air base on Monday, killing two contractors, the Pentagon said."
    before = extract_article("a", text, published=None)
    _warm.warm()
    assert extract_article("a", text, published=None) == before


def test_pool_preloads_the_warm_up():
    import multiprocessing as mp

    from workbench.extract import process_pool

    if "forkserver" not in mp.get_all_start_methods():
        return
    from multiprocessing import forkserver

    with process_pool(1):
        assert "workbench._warm" in forkserver._forkserver._preload_modules


# -- the quantities of a context reuse its dates' spans ---------------------------------

import datetime as _dt  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_DATE_BITS = ["on Monday", "last Tuesday", "yesterday", "two days ago", "June 29", "June 29, 2021", "since mid-October",
              "in early March", "in 2019", "28-1-2024", "Monday 1-29-2024", "earlier this week", "three weeks ago",
              "Sunday 28-1-2024\n", "at 6 pm Eastern Time Sunday", "Feb. 29", "five rockets", "at least 20 attacks",
              "2024-01-28", "this year", "\n", ". ", ", ", " "]
_texts = st.lists(st.one_of(st.sampled_from(_DATE_BITS), st.text(max_size=8)), max_size=16).map(" ".join)
_pubs = st.one_of(st.none(), st.dates(min_value=_dt.date(2019, 1, 1), max_value=_dt.date(2025, 12, 31)))


@settings(max_examples=300, deadline=None)
@given(_texts, _pubs)
def test_date_spans_do_not_depend_on_the_publication_date(text, published):
    from workbench.dates import find_dates

    def spans(pub):
        return [(d.start, d.end) for d in find_dates(text, published=pub)]

    assert spans(published) == spans(None)


@settings(max_examples=150, deadline=None)
@given(_texts, _pubs)
def test_context_quantities_are_find_quantities(text, published):
    from workbench.extract.context import build_context
    from workbench.numbers import find_quantities

    assert build_context("a", text, published=published).quantities == find_quantities(text)


def test_date_spans_on_the_seeds_and_held_out(seed_corpus):
    from pathlib import Path

    from workbench import load_corpus
    from workbench.dates import find_dates

    root = Path(__file__).parent / "data"
    texts = list(seed_corpus.articles["text"])
    for name in ("heldout", "heldout2", "heldout3"):
        texts += list(load_corpus(root / name, catalog=root / name / "catalog.csv", progress=False,
                                  extract=False).articles["text"])
    for text in texts:
        a = [(d.start, d.end) for d in find_dates(text, published=None)]
        for pub in (_dt.date(2020, 1, 3), _dt.date(2024, 2, 29)):
            assert [(d.start, d.end) for d in find_dates(text, published=pub)] == a
