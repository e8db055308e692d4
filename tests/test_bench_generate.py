"""The benchmark corpus generator: deterministic, every format, gold anchors in the text."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import numpy as np
import pytest
import yaml

from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, GOLD_NAME, generate, main
from workbench.dedup import lsh_params, minhash_signature
from workbench.evaluate import KINDS, load_gold, locate_anchor
from workbench.loader import build_tables
from workbench.resources import load_yaml

N = 160


@pytest.fixture(scope="module")
def bench(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("bench")
    generate(N, out, seed=7)
    return out


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_same_seed_same_bytes(bench, tmp_path):
    generate(N, tmp_path, seed=7)
    assert _files(tmp_path) == _files(bench)
    match, mismatch, errors = filecmp.cmpfiles(bench, tmp_path, _files(bench), shallow=False)
    assert mismatch == [] and errors == []


def test_other_seed_other_corpus(bench, tmp_path):
    generate(N, tmp_path, seed=8)
    assert (tmp_path / GOLD_NAME).read_text() != (bench / GOLD_NAME).read_text()


def test_every_format_and_the_catalog(bench):
    suffixes = {p.suffix for p in (bench / ARTICLES_DIR).iterdir()}
    assert {".txt", ".jsonl", ".csv", ".html"} <= suffixes
    assert (bench / CATALOG_NAME).read_text().startswith("file,outlet,url,published")


def test_every_article_loads_once(bench):
    articles, sentences, report = build_tables(bench / ARTICLES_DIR, bench / CATALOG_NAME, progress=False)
    assert len(articles) == N
    assert set(report["status"]) == {"loaded"}
    assert articles["n_words"].mean() > 500  # padded to news length (~700 words)
    assert articles["outlet"].nunique() > 5
    dated = articles["published"].dropna()  # undated texts that tell no date stay undated
    assert len(dated) >= 0.9 * N and dated.dt.year.between(2019, 2025).all()


def test_gold_anchors_are_found_in_the_cleaned_text(bench):
    gold = load_gold(bench / GOLD_NAME)
    assert len(gold.articles) == N
    articles, _, _ = build_tables(bench / ARTICLES_DIR, bench / CATALOG_NAME, progress=False)
    texts = dict(zip(articles["article_id"], articles["text"]))
    kinds = {k: 0 for k in KINDS}
    for item in gold.items:
        kinds[item.kind] += 1
        assert locate_anchor(texts[item.article_id], item.anchor), (item.article_id, item.anchor)
    assert all(kinds.values()), kinds
    assert gold.incidents


def test_cli(tmp_path, capsys):
    assert main(["--n", "5", "--out", str(tmp_path), "--seed", "1"]) == 0
    assert "articles 5" in capsys.readouterr().out


_ALARM = re.compile(
    r"attack|strik|struck|\bhit\b|target|raid|fire|shell|bomb|rocket|drone|missile|assassinat|mortar|aggression"
    r"|launch|landed|kill|wound|injur|pound|assault|offensive|\buav|retaliat|dropped|dead|died|death|casualt|hurt"
    r"|martyr|fatalit|[\"“”]"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\b(?:19|20)\d\d\b",  # would mislead the inferred date
    re.I,
)


def test_background_text_tells_no_attack_casualty_or_quote():
    """Filler is politics and economy only, so the gold stays complete whatever is drawn, and
    tells no date that would move the publication date read from an undated text."""
    data = load_yaml("bench/corpus.yaml")
    texts = list(data["background"]) + [str(v) for values in data["phrases"].values() for v in values]
    assert [t for t in texts if _ALARM.search(t)] == []
    slots = {m for t in texts for m in re.findall(r"\{(\w+)\}", t)}
    known = set(data["phrases"]) | set(data["number_ranges"])
    assert {s for s in slots if s[:1].lower() + s[1:] not in known} == set()


@pytest.fixture(scope="module")
def loaded(bench):
    articles, _, _ = build_tables(bench / ARTICLES_DIR, bench / CATALOG_NAME, progress=False)
    return articles


def _groups(pairs) -> set[frozenset]:
    """Each copy with what it copies, as sets (which member comes first depends on dates)."""
    groups: dict[str, set] = {}
    for copy_id, original in pairs:
        groups.setdefault(original, {original}).add(copy_id)
    return {frozenset(g) for g in groups.values()}


def test_agency_copies_are_few_and_are_the_flagged_near_duplicates(bench, loaded):
    gold = yaml.safe_load((bench / GOLD_NAME).read_text(encoding="utf-8"))
    reprints = [(a["id"], a["reprint_of"]) for a in gold["articles"] if "reprint_of" in a]
    flagged = [(a, b) for a, b in zip(loaded["article_id"], loaded["duplicate_of"]) if isinstance(b, str)]
    assert 1 <= len(reprints) <= 0.05 * N
    assert _groups(flagged) == _groups(reprints)


def test_unrelated_articles_share_little_text(loaded):
    """As in real news, few pairs of different stories are even compared by dedup (the
    generator once shared most filler text between articles: 29% of pairs were LSH candidates)."""
    copies = loaded["duplicate_of"].notna() | loaded["article_id"].isin(loaded["duplicate_of"])
    m = np.array([minhash_signature(text) for text in loaded.loc[~copies, "text"]])
    i, j = np.triu_indices(len(m), 1)
    agree = m[i] == m[j]
    assert np.median(agree.mean(axis=1)) < 0.08
    bands, rows = lsh_params(0.8, 128)
    share_band = agree[:, : bands * rows].reshape(len(i), bands, rows).all(axis=2).any(axis=1)
    assert share_band.mean() < 0.001
