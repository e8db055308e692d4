"""The extraction bar of the issue, measured on the seed articles against ../shared/gold/seeds.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.evaluate import load_gold, score

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "seeds.yaml"

BAR = [
    ("claims", "f1", 0.90), ("quotes", "f1", 0.90), ("events", "f1", 0.85), ("tallies", "f1", 0.85),
    ("quotes", "speaker_accuracy", 0.90),
    ("claims", "number_accuracy", 0.95), ("claims", "outcome_accuracy", 0.95), ("claims", "victim_side_accuracy", 0.95),
    ("events", "date_accuracy", 0.85),
    ("incidents", "f1", 0.85),
    ("articles", "published_accuracy", 1.0),
]


@pytest.fixture(scope="module")
def result(seed_corpus):
    if not GOLD.is_file():
        pytest.skip("../shared/gold/seeds.yaml is not beside the checkout")
    c = seed_corpus
    tables = {"articles": c.articles, "events": c.events, "tallies": c.tallies, "claims": c.claims, "quotes": c.quotes}
    return score(load_gold([GOLD]), tables)


@pytest.mark.parametrize(("kind", "metric", "bar"), BAR, ids=[f"{k}-{m}" for k, m, _ in BAR])
def test_seed_bar(result, kind, metric, bar):
    assert result.value(kind, metric) >= bar
