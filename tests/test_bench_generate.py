"""The benchmark corpus generator: deterministic, every format, gold anchors in the text."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, GOLD_NAME, generate, main
from workbench.evaluate import KINDS, load_gold, locate_anchor
from workbench.loader import build_tables

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
    assert articles["published"].dt.year.between(2019, 2025).all()


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
