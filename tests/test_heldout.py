"""Held-out corpora: invented articles with hand-made gold, written by the guide (GUIDE.md)
without reading the extraction code or its lexicons (tests/data/heldout, heldout2, heldout3,
heldout4, heldout5, heldout6, heldout7).

The floors are regression guards, not goals: each is the value measured at the commit that
set it minus 0.05, rounded down to a multiple of 0.05. The first measurement of each corpus,
before any rule was reworked on it, is noted above its floors: that is the honest estimate of
what unseen articles get (heldout3's was taken after the rules were reworked on the other two).
The issue's bar is F1 >= 0.90 for claims and quotes, >= 0.85 for events and tallies, speaker
>= 0.90, event dates >= 0.85, incident linking >= 0.85. Names are compared through the
gazetteer's spellings, as ``workbench eval`` does by default.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data"

# heldout (16 articles). First measured, before any rework: events F1 0.742, claims F1 0.869,
# speaker 0.607, incident linking F1 0.327.
FLOORS_1 = [
    ('events', 'precision', 0.90, 0.956),
    ('events', 'recall', 0.90, 0.956),
    ('events', 'f1', 0.90, 0.956),
    ('events', 'date_accuracy', 0.90, 0.953),
    ('events', 'attacker_side_accuracy', 0.95, 1.000),
    ('events', 'target_side_accuracy', 0.90, 0.977),
    ('events', 'weapon_accuracy', 0.95, 1.000),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.85, 0.900),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.90, 0.970),
    ('claims', 'recall', 0.95, 1.000),
    ('claims', 'f1', 0.90, 0.985),
    ('claims', 'claimant_accuracy', 0.90, 0.954),
    ('claims', 'claimant_side_accuracy', 0.90, 0.969),
    ('claims', 'victim_side_accuracy', 0.90, 0.985),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.95, 1.000),
    ('quotes', 'speaker_side_accuracy', 0.95, 1.000),
    ('quotes', 'stance_accuracy', 0.95, 1.000),
    ('incidents', 'precision', 0.90, 0.949),
    ('incidents', 'recall', 0.90, 0.953),
    ('incidents', 'f1', 0.90, 0.951),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout2 (14 articles, written on 2026-11-22). First measured, before any rework: events F1
# 0.774, tallies F1 0.818, claims F1 0.896, quotes F1 1.000 (speaker 0.72, stance 0.73), event
# dates 0.64, incident linking F1 0.416.
FLOORS_2 = [
    ('events', 'precision', 0.90, 0.959),
    ('events', 'recall', 0.85, 0.922),
    ('events', 'f1', 0.85, 0.940),
    ('events', 'date_accuracy', 0.95, 1.000),
    ('events', 'attacker_side_accuracy', 0.90, 0.979),
    ('events', 'target_side_accuracy', 0.90, 0.979),
    ('events', 'weapon_accuracy', 0.95, 1.000),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.85, 0.923),
    ('tallies', 'f1', 0.90, 0.960),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.95, 1.000),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.90, 0.980),
    ('claims', 'recall', 0.90, 0.980),
    ('claims', 'f1', 0.90, 0.980),
    ('claims', 'claimant_accuracy', 0.95, 1.000),
    ('claims', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'victim_side_accuracy', 0.90, 0.959),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.90, 0.986),
    ('quotes', 'speaker_side_accuracy', 0.90, 0.986),
    ('quotes', 'stance_accuracy', 0.90, 0.973),
    ('incidents', 'precision', 0.90, 0.965),
    ('incidents', 'recall', 0.90, 0.969),
    ('incidents', 'f1', 0.90, 0.967),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout3 (14 articles, written blind on 2026-11-22 after the rules were reworked on the first
# two sets). First measured, before any rework: events F1 0.894, tallies F1 0.625, claims F1
# 0.945, quotes F1 1.000 (speaker 0.89, stance 0.71), event dates 0.84, incident linking 0.767.
FLOORS_3 = [
    ('events', 'precision', 0.90, 0.952),
    ('events', 'recall', 0.90, 0.952),
    ('events', 'f1', 0.90, 0.952),
    ('events', 'date_accuracy', 0.90, 0.975),
    ('events', 'attacker_side_accuracy', 0.85, 0.925),
    ('events', 'target_side_accuracy', 0.85, 0.900),
    ('events', 'weapon_accuracy', 0.90, 0.950),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.95, 1.000),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.95, 1.000),
    ('claims', 'recall', 0.95, 1.000),
    ('claims', 'f1', 0.95, 1.000),
    ('claims', 'claimant_accuracy', 0.90, 0.979),
    ('claims', 'claimant_side_accuracy', 0.90, 0.979),
    ('claims', 'victim_side_accuracy', 0.90, 0.979),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.95, 1.000),
    ('quotes', 'speaker_side_accuracy', 0.95, 1.000),
    ('quotes', 'stance_accuracy', 0.90, 0.984),
    ('incidents', 'precision', 0.90, 0.969),
    ('incidents', 'recall', 0.90, 0.954),
    ('incidents', 'f1', 0.90, 0.962),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout4 (14 articles, written blind on 2026-12-02 by a helper who read only GUIDE.md and the
# seeds; New York Times, Al-Alam, Al Sumaria, Politico, IRNA, Iraqi News, Fox News, Al-Quds
# Al-Arabi, TASS, VOA, an Islamic Resistance in Iraq channel, CBS, Al Arabiya, the Kurdistan
# Region Security Council). First measured, before any rework (at 7b7db54): events F1 0.800,
# tallies F1 0.727, claims F1 0.901, quotes F1 1.000 (speaker 0.88, stance 0.65), event dates
# 0.77, incident linking F1 0.473 (P 0.84, R 0.33).
FLOORS_4 = [
    ('events', 'precision', 0.85, 0.935),
    ('events', 'recall', 0.95, 1.000),
    ('events', 'f1', 0.90, 0.967),
    ('events', 'date_accuracy', 0.95, 1.000),
    ('events', 'attacker_side_accuracy', 0.95, 1.000),
    ('events', 'target_side_accuracy', 0.95, 1.000),
    ('events', 'weapon_accuracy', 0.95, 1.000),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.80, 0.857),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.80, 0.857),
    ('claims', 'precision', 0.90, 0.957),
    ('claims', 'recall', 0.85, 0.936),
    ('claims', 'f1', 0.85, 0.946),
    ('claims', 'claimant_accuracy', 0.75, 0.818),
    ('claims', 'claimant_side_accuracy', 0.90, 0.977),
    ('claims', 'victim_side_accuracy', 0.95, 1.000),
    ('claims', 'outcome_accuracy', 0.95, 0.977),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.85, 0.940),
    ('quotes', 'speaker_side_accuracy', 0.90, 0.952),
    ('quotes', 'stance_accuracy', 0.90, 0.976),
    ('incidents', 'precision', 0.90, 0.983),
    ('incidents', 'recall', 0.80, 0.882),
    ('incidents', 'f1', 0.85, 0.930),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout5 (14 articles, written blind on 2026-12-02 by a helper who read only GUIDE.md and the
# seeds; The Telegraph, an Iraqi Ministry of Defence statement, a Kata'ib Hezbollah statement, NRT,
# ABC News, NBC News, the Iraqi PM's media office, Air & Space Forces Magazine, Tehran Times, SOHR,
# North Press, Deir ez-Zor 24, Bloomberg, Al-Manar; 17 of its 23 incidents told by 2-5 articles).
# Kept out of sight of everyone writing rules until measured at 2a5630d, after this session's rules:
# events F1 0.886, tallies 0.857, claims 0.946, quotes 1.000 (speaker 0.98, stance 0.89), event
# dates 0.82, claim victim side 0.94, incident linking 0.775 (P 0.88, R 0.69). (At 7b7db54, before
# the session: events 0.854, claims 0.899, event dates 0.84, linking 0.571.)
FLOORS_5 = [
    ('events', 'precision', 0.85, 0.930),
    ('events', 'recall', 0.85, 0.930),
    ('events', 'f1', 0.85, 0.930),
    ('events', 'date_accuracy', 0.85, 0.900),
    ('events', 'attacker_side_accuracy', 0.90, 0.975),
    ('events', 'target_side_accuracy', 0.90, 0.975),
    ('events', 'weapon_accuracy', 0.90, 0.975),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.95, 1.000),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.90, 0.964),
    ('claims', 'recall', 0.85, 0.930),
    ('claims', 'f1', 0.85, 0.946),
    ('claims', 'claimant_accuracy', 0.70, 0.755),
    ('claims', 'claimant_side_accuracy', 0.90, 0.981),
    ('claims', 'victim_side_accuracy', 0.90, 0.981),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.95, 1.000),
    ('quotes', 'speaker_side_accuracy', 0.95, 1.000),
    ('quotes', 'stance_accuracy', 0.85, 0.945),
    ('incidents', 'precision', 0.85, 0.948),
    ('incidents', 'recall', 0.70, 0.773),
    ('incidents', 'f1', 0.80, 0.852),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout6 (14 articles, written blind on 2026-12-02 by a helper who read only GUIDE.md and the
# seeds; Enab Baladi, Al-Akhbar, RFE/RL, The Jerusalem Post, Breaking Defense, Dijlah TV, a Harakat
# al-Nujaba statement, The Wall Street Journal, a Pentagon briefing transcript (Federal News
# Service), IRIB, Hawar, Syria TV, Newsweek, Al-Sharqiya; 22 incidents, told by 2-5 articles).
# Measured once, blind, at 8cd13d4: events F1 0.788, tallies 0.857, claims 0.876, quotes 1.000
# (speaker 0.80, stance 0.74), event dates 0.77, claim victim side 0.80, claimant 0.60, incident
# linking 0.623 (P 0.81, R 0.51). The floors below are after the rules were reworked on it.
FLOORS_6 = [
    ('events', 'precision', 0.90, 0.957),
    ('events', 'recall', 0.80, 0.865),
    ('events', 'f1', 0.85, 0.909),
    ('events', 'date_accuracy', 0.95, 1.000),
    ('events', 'attacker_side_accuracy', 0.80, 0.889),
    ('events', 'target_side_accuracy', 0.90, 0.956),
    ('events', 'weapon_accuracy', 0.90, 0.956),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.85, 0.917),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.90, 0.973),
    ('claims', 'recall', 0.90, 0.986),
    ('claims', 'f1', 0.90, 0.979),
    ('claims', 'claimant_accuracy', 0.70, 0.761),
    ('claims', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'victim_side_accuracy', 0.90, 0.986),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.90, 0.981),
    ('quotes', 'speaker_side_accuracy', 0.95, 1.000),
    ('quotes', 'stance_accuracy', 0.95, 1.000),
    ('incidents', 'precision', 0.80, 0.884),
    ('incidents', 'recall', 0.75, 0.805),
    ('incidents', 'f1', 0.75, 0.843),
    ('articles', 'outlet_accuracy', 0.95, 1.000),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.95, 1.000),
]

# heldout7 (14 articles, written blind on 2026-12-02 by a helper who read only GUIDE.md and the
# seeds; The Hill, Syria Direct, Nour News, DW, Alghad Press, an Ashab al-Kahf statement, the Iraqi
# Interior Ministry, The Times of Israel, Al-Furat, ISNA, a senator's press release, France 24, an
# Amwaj Q&A, Asia Times; 26 incidents). Measured once, blind, at 6a0d275, after every other rule of
# the session: events F1 0.817, tallies 0.800, claims 0.816, quotes 1.000 (speaker 0.84, stance
# 0.73), event dates 0.82, claim victim side 0.81, claimant 0.79, incident linking 0.678 (P 0.74,
# R 0.63). The floors below are after the rules were reworked on it.
FLOORS_7 = [
    ('events', 'precision', 0.85, 0.902),
    ('events', 'recall', 0.85, 0.902),
    ('events', 'f1', 0.85, 0.902),
    ('events', 'date_accuracy', 0.90, 0.978),
    ('events', 'attacker_side_accuracy', 0.85, 0.913),
    ('events', 'target_side_accuracy', 0.85, 0.935),
    ('events', 'weapon_accuracy', 0.85, 0.935),
    ('tallies', 'precision', 0.95, 1.000),
    ('tallies', 'recall', 0.95, 1.000),
    ('tallies', 'f1', 0.95, 1.000),
    ('tallies', 'count_accuracy', 0.95, 1.000),
    ('tallies', 'qualifier_accuracy', 0.95, 1.000),
    ('tallies', 'since_accuracy', 0.85, 0.917),
    ('tallies', 'target_side_accuracy', 0.95, 1.000),
    ('tallies', 'claimant_side_accuracy', 0.95, 1.000),
    ('claims', 'precision', 0.85, 0.931),
    ('claims', 'recall', 0.90, 0.964),
    ('claims', 'f1', 0.85, 0.947),
    ('claims', 'claimant_accuracy', 0.80, 0.889),
    ('claims', 'claimant_side_accuracy', 0.90, 0.981),
    ('claims', 'victim_side_accuracy', 0.85, 0.926),
    ('claims', 'outcome_accuracy', 0.95, 1.000),
    ('claims', 'number_accuracy', 0.95, 1.000),
    ('claims', 'qualifier_accuracy', 0.95, 1.000),
    ('quotes', 'precision', 0.95, 1.000),
    ('quotes', 'recall', 0.95, 1.000),
    ('quotes', 'f1', 0.95, 1.000),
    ('quotes', 'speaker_accuracy', 0.90, 0.984),
    ('quotes', 'speaker_side_accuracy', 0.90, 0.984),
    ('quotes', 'stance_accuracy', 0.90, 0.984),
    ('incidents', 'precision', 0.70, 0.765),
    ('incidents', 'recall', 0.65, 0.747),
    ('incidents', 'f1', 0.70, 0.756),
    ('articles', 'outlet_accuracy', 0.85, 0.929),
    ('articles', 'outlet_side_accuracy', 0.95, 1.000),
    ('articles', 'published_accuracy', 0.85, 0.929),
]

# name: (files, articles without a catalog date, floors)
SETS = {"heldout": (16, 3, FLOORS_1), "heldout2": (14, 2, FLOORS_2), "heldout3": (14, 0, FLOORS_3),
        "heldout4": (14, 2, FLOORS_4),
        "heldout5": (14, 2, FLOORS_5), "heldout6": (14, 2, FLOORS_6),
        "heldout7": (14, 2, FLOORS_7)}


@pytest.fixture(scope="module", params=sorted(SETS))
def heldout(request):
    from workbench import load_corpus
    from workbench.evaluate import gazetteer_name, load_gold, score

    root = DATA / request.param
    corpus = load_corpus(root, catalog=root / "catalog.csv", progress=False)
    gold = load_gold(root / "gold.yaml")
    tables = {k: getattr(corpus, k) for k in ("articles", "events", "tallies", "claims", "quotes")}
    return request.param, root, corpus, gold, score(gold, tables, resolve_name=gazetteer_name)


def _gold_anchors(root: Path) -> list[tuple[str, str, str]]:
    doc = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))
    return [
        (article["id"], kind, anchor)
        for article in doc["articles"]
        for kind in ("events", "tallies", "claims", "quotes")
        for item in article.get(kind) or []
        for anchor in (item["anchor"], *item.get("also", []))
    ]


def test_catalog_lists_every_article_and_gold_covers_them(heldout):
    name, root, _corpus, gold, _result = heldout
    n_files, n_undated, _ = SETS[name]
    with (root / "catalog.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    files = sorted(p.name for p in root.glob("*.txt"))
    assert sorted(r["file"] for r in rows) == files
    assert len(files) == n_files
    assert sorted(gold.articles) == sorted(Path(f).stem for f in files)
    # some articles carry no date in the catalog: their date must be read from the text
    assert sum(1 for r in rows if not r["published"]) == n_undated


def test_every_gold_anchor_is_found_in_the_cleaned_text(heldout):
    from workbench.evaluate import locate_anchor

    _name, root, corpus, _gold, _result = heldout
    texts = dict(zip(corpus.articles["article_id"].astype(str), corpus.articles["text"]))
    missing = [(a, k, anchor) for a, k, anchor in _gold_anchors(root) if not locate_anchor(str(texts.get(a, "")), anchor)]
    assert not missing, missing


def test_gold_incidents_are_declared_and_shared(heldout):
    _name, root, _corpus, _gold, _result = heldout
    doc = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))
    used = {item["incident"] for article in doc["articles"] for kind in ("events", "claims")
            for item in article.get(kind) or [] if item.get("incident")}
    assert used <= set(doc["incidents"])
    # at least four incidents are reported by several articles
    by_incident: dict[str, set[str]] = {}
    for article in doc["articles"]:
        for item in article.get("events") or []:
            by_incident.setdefault(item["incident"], set()).add(article["id"])
    assert sum(1 for ids in by_incident.values() if len(ids) >= 2) >= 4


def test_heldout_score_floors(heldout):
    name, _root, _corpus, _gold, result = heldout
    low = [f"{kind} {metric}: {result.value(kind, metric):.3f} < floor {floor:.2f} (measured {measured:.3f})"
           for kind, metric, floor, measured in SETS[name][2] if result.value(kind, metric) < floor]
    assert not low, low
