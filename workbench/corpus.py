"""The Corpus: every table of one set of articles, loaded or extracted once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from workbench.loader import ARTICLE_COLUMNS, REPORT_COLUMNS, SENTENCE_COLUMNS, PathsLike, build_tables
from workbench.schema import EXTRACTED_TABLES

__all__ = ["Corpus", "load_corpus", "open_corpus"]

BASE_TABLES = {"articles": ARTICLE_COLUMNS, "sentences": SENTENCE_COLUMNS, "report": REPORT_COLUMNS}
LIST_COLUMNS = {"weapons", "cues"}


@dataclass
class Corpus:
    """Tables of one corpus. The extraction tables are computed on first use."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    report: pd.DataFrame
    _extracted: dict[str, pd.DataFrame] | None = field(default=None, repr=False)

    # -- extraction ---------------------------------------------------------------
    def extract(self) -> "Corpus":
        """Run the extractors (once) and keep their tables."""
        if self._extracted is None:
            from workbench.extract import extract_corpus

            self._extracted, self.articles = extract_corpus(self.articles, self.sentences)
        return self

    def _table(self, name: str) -> pd.DataFrame:
        return self.extract()._extracted[name]

    events = property(lambda self: self._table("events"), doc="One row per attack reported.")
    tallies = property(lambda self: self._table("tallies"), doc="Running counts of attacks stated by someone.")
    claims = property(lambda self: self._table("claims"), doc="Casualty claims with their claimant.")
    quotes = property(lambda self: self._table("quotes"), doc="Direct speech with speaker and stance.")
    incidents = property(lambda self: self._table("incidents"), doc="Attacks linked across articles.")

    def tables(self, *, extracted: bool = True) -> dict[str, pd.DataFrame]:
        out = {"articles": self.articles, "sentences": self.sentences, "report": self.report}
        if extracted:
            out.update({name: self._table(name) for name in EXTRACTED_TABLES})
        return out

    # -- storage ------------------------------------------------------------------
    def save(self, out_dir: str | Path, *, format: str = "parquet", extracted: bool = True) -> list[Path]:
        """Write every table to ``out_dir`` as ``<table>.parquet`` (or ``.csv``); return the paths."""
        if format not in ("parquet", "csv"):
            raise ValueError(f"unknown format {format!r}: use 'parquet' or 'csv'")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables(extracted=extracted).items():
            path = out / f"{name}.{format}"
            if format == "parquet":
                df.to_parquet(path, index=False)
            else:
                flat = df.copy()
                for col in LIST_COLUMNS & set(flat.columns):
                    flat[col] = flat[col].map(lambda v: ";".join(v) if v is not None else "")
                flat.to_csv(path, index=False)
            written.append(path)
        return written

    @classmethod
    def open(cls, store: str | Path) -> "Corpus":
        """Open a folder written by :meth:`save` (Parquet) without extracting again."""
        store = Path(store)
        missing = [n for n in BASE_TABLES if not (store / f"{n}.parquet").is_file()]
        if missing:
            raise FileNotFoundError(f"{store}: not a saved corpus (missing {', '.join(missing)}.parquet)")
        base = {n: pd.read_parquet(store / f"{n}.parquet") for n in BASE_TABLES}
        extracted = None
        if all((store / f"{n}.parquet").is_file() for n in EXTRACTED_TABLES):
            extracted = {n: pd.read_parquet(store / f"{n}.parquet") for n in EXTRACTED_TABLES}
            for df in extracted.values():
                for col in LIST_COLUMNS & set(df.columns):
                    df[col] = df[col].map(lambda v: list(v) if v is not None else [])
        return cls(base["articles"], base["sentences"], base["report"], extracted)


def load_corpus(
    paths: PathsLike, catalog: str | Path | None = None, *, progress: bool | None = None, extract: bool = True
) -> Corpus:
    """Load articles from folders and files (``.txt``, ``.html``, ``.jsonl``, ``.csv``).

    ``catalog`` is an optional CSV mapping files to outlet, url and published date; what it
    gives wins over what the text suggests. Every input file is accounted for in
    ``Corpus.report``. With ``extract`` (the default) the extraction tables (``events``,
    ``claims``...) are computed at once, which also refines the publication dates of
    articles that state none; otherwise on first use.
    """
    articles, sentences, report = build_tables(paths, catalog, progress=progress)
    corpus = Corpus(articles, sentences, report)
    return corpus.extract() if extract else corpus


def open_corpus(store: str | Path) -> Corpus:
    """Open a saved corpus folder (see :meth:`Corpus.save`)."""
    return Corpus.open(store)
