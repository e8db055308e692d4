"""The embedded store: Parquet tables opened lazily, DuckDB queries, cached extraction."""

from __future__ import annotations

import pandas as pd
import pytest

from workbench import load_corpus, open_corpus
from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, generate
from workbench.cli import main
from workbench.schema import EXTRACTED_TABLES


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    out = tmp_path_factory.mktemp("store")
    generate(30, out, seed=5)
    return out


@pytest.fixture(scope="module")
def corpus(bench):
    return load_corpus(bench / ARTICLES_DIR, catalog=bench / CATALOG_NAME, progress=False)


def test_open_reads_nothing_until_used(corpus, tmp_path):
    corpus.save(tmp_path)
    opened = open_corpus(tmp_path)
    assert opened.loaded() == set()
    pd.testing.assert_frame_equal(opened.events, corpus.events, check_dtype=False)
    assert opened.loaded() == {"events"}
    pd.testing.assert_frame_equal(opened.articles, corpus.articles)
    assert list(opened.quotes["cues"].map(type).unique()) in ([list], [])


def test_sql_over_parquet_without_loading(corpus, tmp_path):
    corpus.save(tmp_path)
    opened = open_corpus(tmp_path)
    got = opened.sql("select target_side, count(*) as n from events group by 1 order by 1")
    want = corpus.events.groupby("target_side").size()
    assert dict(zip(got["target_side"], got["n"])) == want.to_dict()
    joined = opened.sql("select count(*) as n from events e join articles a using (article_id)")
    assert joined["n"].iloc[0] == len(corpus.events)
    assert opened.loaded() == set()


def test_sql_over_frames_in_memory(corpus):
    got = corpus.sql("select count(*) as n from quotes where stance = ?", ["escalatory"])
    assert got["n"].iloc[0] == (corpus.quotes["stance"] == "escalatory").sum()


def _counts(out: str) -> tuple[int, int]:
    import re

    m = re.search(r"extracted (\d+) articles, (\d+) reused", out)
    assert m, out
    return int(m.group(1)), int(m.group(2))


def test_second_run_reuses_the_cache(bench, tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    for p in sorted((bench / ARTICLES_DIR).glob("*.txt"))[:12]:
        (src / p.name).write_bytes(p.read_bytes())
    out = tmp_path / "out"
    args = ["extract", str(src), "--catalog", str(bench / CATALOG_NAME), "--out", str(out)]
    assert main(args) == 0
    # Each article is read once, and read again when its date was inferred from the attacks it
    # reports: the cache counts every reading.
    readings = _counts(capsys.readouterr().out)[0]
    assert readings >= 12
    first = {n: pd.read_parquet(out / f"{n}.parquet") for n in EXTRACTED_TABLES}
    assert main(args) == 0
    assert f"extracted 0 articles, {readings} reused" in capsys.readouterr().out
    for n in EXTRACTED_TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(out / f"{n}.parquet"), first[n], obj=n)
    changed = sorted(src.glob("*.txt"))[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "Officials said talks would resume next week.\n",
                       encoding="utf-8")
    assert main(args) == 0
    extracted, reused = _counts(capsys.readouterr().out)
    assert extracted >= 1 and extracted + reused == readings and reused >= readings - 2
    assert main([*args, "--no-cache"]) == 0
    assert "reused" not in capsys.readouterr().out
