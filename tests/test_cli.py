"""Tests for Corpus.save / Corpus.open and the ``workbench extract`` command."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from workbench import open_corpus
from workbench.cli import main
from workbench.corpus import Corpus
from workbench.loader import ARTICLE_COLUMNS, REPORT_COLUMNS, SENTENCE_COLUMNS

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
REQUIRED_ARTICLE_COLUMNS = [
    "article_id", "source_path", "outlet", "outlet_side", "title", "url", "published",
    "published_basis", "dateline", "text", "n_words", "duplicate_of",
]


def test_save_open_round_trip(seed_corpus, tmp_path: Path) -> None:
    written = seed_corpus.save(tmp_path / "store", extracted=False)
    assert sorted(p.name for p in written) == ["articles.parquet", "report.parquet", "sentences.parquet"]
    back = Corpus.open(tmp_path / "store")
    pd.testing.assert_frame_equal(back.articles, seed_corpus.articles)
    pd.testing.assert_frame_equal(back.sentences, seed_corpus.sentences)
    pd.testing.assert_frame_equal(back.report, seed_corpus.report)
    again = open_corpus(tmp_path / "store")
    pd.testing.assert_frame_equal(again.articles, seed_corpus.articles)


def test_open_what_is_not_a_corpus(tmp_path: Path) -> None:
    (tmp_path / "articles.parquet").write_bytes(b"")
    with pytest.raises(FileNotFoundError, match="not a saved corpus"):
        Corpus.open(tmp_path)


def test_save_csv(seed_corpus, tmp_path: Path) -> None:
    written = seed_corpus.save(tmp_path / "csv", format="csv", extracted=False)
    assert sorted(p.name for p in written) == ["articles.csv", "report.csv", "sentences.csv"]
    articles = pd.read_csv(tmp_path / "csv" / "articles.csv")
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert list(articles["article_id"]) == list(seed_corpus.articles["article_id"])
    # Multi-line article text survives the CSV quoting.
    assert list(articles["text"]) == list(seed_corpus.articles["text"])
    sentences = pd.read_csv(tmp_path / "csv" / "sentences.csv", keep_default_na=False)
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert len(sentences) == len(seed_corpus.sentences)
    assert list(sentences["text"]) == list(seed_corpus.sentences["text"])


def test_save_rejects_unknown_format(seed_corpus, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="xlsx"):
        seed_corpus.save(tmp_path, format="xlsx")


def test_extract_command(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = main(["extract", str(SEEDS), "--catalog", str(SEEDS / "catalog.csv"), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    articles = pd.read_parquet(out / "articles.parquet")
    sentences = pd.read_parquet(out / "sentences.parquet")
    report = pd.read_parquet(out / "report.parquet")
    assert set(REQUIRED_ARTICLE_COLUMNS) <= set(articles.columns)
    assert list(sentences.columns) == SENTENCE_COLUMNS
    assert list(report.columns) == REPORT_COLUMNS
    assert len(articles) == 5
    assert set(articles["outlet_basis"]) == {"catalog"}
    assert "5 articles" in captured.out
    assert f"{len(sentences)} sentences" in captured.out
    assert "loaded 5" in captured.out
    assert str(out) in captured.out
    assert captured.err == ""


def test_extract_csv_format(tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(SEEDS), "--out", str(out), "--format", "csv"]) == 0
    capsys.readouterr()
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 5 and set(REQUIRED_ARTICLE_COLUMNS) <= set(articles.columns)
    assert (out / "sentences.csv").is_file()
    assert not (out / "articles.parquet").exists()


def _one_line_error(capsys, code: int, *expected: str) -> str:
    captured = capsys.readouterr()
    assert code == 2
    err = captured.err.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("workbench: error:")
    assert "Traceback" not in captured.err
    for piece in expected:
        assert piece in err
    return err


def test_extract_missing_folder(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "no-such-folder"
    code = main(["extract", str(missing), "--out", str(tmp_path / "out")])
    _one_line_error(capsys, code, "no such file or folder", str(missing))
    assert not (tmp_path / "out").exists()


def test_extract_missing_catalog(tmp_path: Path, capsys) -> None:
    code = main(["extract", str(SEEDS), "--catalog", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "out")])
    _one_line_error(capsys, code, "nope.csv")


def test_extract_catalog_without_key_column(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("source,outlet\nx.txt,Rudaw\n", encoding="utf-8")
    code = main(["extract", str(SEEDS), "--catalog", str(bad), "--out", str(tmp_path / "out")])
    err = _one_line_error(capsys, code, "bad.csv", "source")
    assert "CatalogError" not in err


def test_debug_shows_the_exception(tmp_path: Path) -> None:
    from workbench.catalog import CatalogError

    with pytest.raises(CatalogError):
        main(["--debug", "extract", str(SEEDS), "--catalog", str(tmp_path / "nope.csv"), "--out", str(tmp_path)])


def test_usage_error_from_argparse(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SEEDS)])  # --out is required
    assert exc.value.code == 2
    assert "--out" in capsys.readouterr().err
