"""Reading and extraction in worker processes give exactly the serial tables."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench import load_corpus
from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, generate
from workbench.extract import CHUNK, extract_corpus
from workbench.schema import EXTRACTED_TABLES


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("par")
    generate(2 * CHUNK + 17, out, seed=3)  # more than two chunks, the last one short
    return out


@pytest.fixture(scope="module")
def serial(bench):
    return load_corpus(bench / ARTICLES_DIR, catalog=bench / CATALOG_NAME, progress=False)


def test_two_workers_identical_to_serial(bench, serial):
    parallel = load_corpus(bench / ARTICLES_DIR, catalog=bench / CATALOG_NAME, progress=False, workers=2)
    for name in ("articles", "sentences", "report", *EXTRACTED_TABLES):
        pd.testing.assert_frame_equal(getattr(parallel, name), getattr(serial, name), obj=name)
    assert len(serial.events) and len(serial.quotes) and len(serial.incidents)


def test_extract_corpus_workers_argument(serial):
    base = load_corpus.__wrapped__ if hasattr(load_corpus, "__wrapped__") else None
    assert base is None
    tables, articles = extract_corpus(serial.articles, serial.sentences, workers=2)
    for name in EXTRACTED_TABLES:
        pd.testing.assert_frame_equal(tables[name], getattr(serial, name), obj=name)
    pd.testing.assert_frame_equal(articles, serial.articles)
