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
