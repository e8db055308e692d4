"""The Corpus: every table of one set of articles, loaded or extracted once.

A saved corpus is a folder of Parquet files, one per table (a table may also be a folder of
Parquet parts, as the Dask engine writes it). :func:`open_corpus` reads nothing until a
table is used, and :meth:`Corpus.sql` queries the tables with DuckDB straight from the
Parquet files (or from the frames in memory), so a notebook can open a corpus of 100,000
articles at once and aggregate it without loading every table.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from workbench.loader import ARTICLE_COLUMNS, REPORT_COLUMNS, SENTENCE_COLUMNS, PathsLike, build_tables
from workbench.schema import EXTRACTED_TABLES

__all__ = ["Corpus", "load_corpus", "open_corpus", "CACHE_FILE"]

BASE_TABLES = {"articles": ARTICLE_COLUMNS, "sentences": SENTENCE_COLUMNS, "report": REPORT_COLUMNS}
LIST_COLUMNS = {"weapons", "cues"}
#: Per-article extraction results kept beside a saved corpus, reused by the next extract.
CACHE_FILE = "_cache/extraction.pkl"
ENGINES = ("local", "dask")


def _table_path(store: Path, name: str) -> Path | None:
    """``<name>.parquet`` (a file, or a folder of parts), or None."""
    p = store / f"{name}.parquet"
    if p.is_file() or (p.is_dir() and any(p.glob("*.parquet"))):
        return p
    return None


def _read_table(path: Path) -> pd.DataFrame:
    df = pd.read_parquet(path)
    for col in LIST_COLUMNS & set(df.columns):
        df[col] = df[col].map(lambda v: list(v) if v is not None else [])
    return df


class Corpus:
    """Tables of one corpus. The extraction tables are computed (or read) on first use."""

    def __init__(
        self,
        articles: pd.DataFrame | None = None,
        sentences: pd.DataFrame | None = None,
        report: pd.DataFrame | None = None,
        _extracted: dict[str, pd.DataFrame] | None = None,
        *,
        store: str | Path | None = None,
        workers: int = 1,
    ) -> None:
        self._frames: dict[str, pd.DataFrame] = {}
        for name, df in (("articles", articles), ("sentences", sentences), ("report", report)):
            if df is not None:
                self._frames[name] = df
        if _extracted is not None:
            self._frames.update(_extracted)
        self._store = Path(store) if store is not None else None
        self._extracted_done = _extracted is not None or (
            self._store is not None and all(_table_path(self._store, n) for n in EXTRACTED_TABLES)
        )
        self.workers = workers
        self.cache = None  # an ExtractionCache, when extraction should reuse earlier results
        self._con = None

    def __repr__(self) -> str:
        where = f"store={str(self._store)!r}, " if self._store else ""
        loaded = ", ".join(sorted(self._frames)) or "nothing"
        return f"Corpus({where}loaded: {loaded})"

    # -- tables -------------------------------------------------------------------
    def _base(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            path = _table_path(self._store, name) if self._store is not None else None
            if path is None:
                raise AttributeError(f"this corpus has no {name} table")
            self._frames[name] = _read_table(path)
        return self._frames[name]

    def _set(self, name: str, df: pd.DataFrame) -> None:
        self._frames[name] = df
        self._con = None

    articles = property(lambda self: self._base("articles"), lambda self, df: self._set("articles", df),
                        doc="One row per article.")
    sentences = property(lambda self: self._base("sentences"), lambda self, df: self._set("sentences", df),
                         doc="One row per sentence.")
    report = property(lambda self: self._base("report"), lambda self, df: self._set("report", df),
                      doc="One row per input file (per record for JSONL/CSV).")

    @property
    def _extracted(self) -> dict[str, pd.DataFrame] | None:
        if not self._extracted_done:
            return None
        return {n: self._base(n) for n in EXTRACTED_TABLES}

    def loaded(self) -> set[str]:
        """Names of the tables already in memory."""
        return set(self._frames)

    # -- extraction ---------------------------------------------------------------
    def extract(self) -> "Corpus":
        """Run the extractors (once) and keep their tables."""
        if not self._extracted_done:
            from workbench.extract import extract_corpus

            tables, articles = extract_corpus(self.articles, self.sentences, workers=self.workers, cache=self.cache)
            self._frames.update(tables)
            self._frames["articles"] = articles
            self._extracted_done = True
            self._con = None
        return self

    def _table(self, name: str) -> pd.DataFrame:
        return self.extract()._base(name)

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

    # -- SQL ------------------------------------------------------------------------
    def sql(self, query: str, params=None) -> pd.DataFrame:
        """Run a DuckDB query over the tables; returns a DataFrame.

        Every table is a view: over its Parquet file(s) when the corpus was opened from a
        store and the table is not yet in memory (nothing is read but what the query
        needs), else over the frame in memory.

        >>> corpus.sql("select attacker_side, count(*) n from events group by 1 order by n desc")  # doctest: +SKIP
        """
        con = self._connection()
        return con.execute(query, params).df() if params is not None else con.execute(query).df()

    def _connection(self):
        if self._con is None:
            import duckdb

            con = duckdb.connect()
            names = [*BASE_TABLES, *EXTRACTED_TABLES]
            for name in names:
                if name in self._frames:
                    con.register(f"_frame_{name}", self._frames[name])
                    con.execute(f'create view "{name}" as select * from "_frame_{name}"')
                    continue
                path = _table_path(self._store, name) if self._store is not None else None
                if path is None:
                    if name in EXTRACTED_TABLES and not self._extracted_done:
                        continue  # not extracted: no view (extract() first)
                    continue
                glob = str(path / "*.parquet") if path.is_dir() else str(path)
                con.execute(f"create view \"{name}\" as select * from read_parquet('{_sql_str(glob)}')")
            self._con = con
        return self._con

    # -- storage ------------------------------------------------------------------
    def save(self, out_dir: str | Path, *, format: str = "parquet", extracted: bool = True) -> list[Path]:
        """Write every table to ``out_dir`` as ``<table>.parquet`` (or ``.csv``); return the paths.

        With a cache (see :func:`load_corpus` ``cache``), the per-article extraction results
        are kept in ``out_dir/_cache/`` for the next run.
        """
        if format not in ("parquet", "csv"):
            raise ValueError(f"unknown format {format!r}: use 'parquet' or 'csv'")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, df in self.tables(extracted=extracted).items():
            path = out / f"{name}.{format}"
            if path.is_dir():  # a partitioned table written earlier
                import shutil

                shutil.rmtree(path)
            if format == "parquet":
                df.to_parquet(path, index=False)
            else:
                flat = df.copy()
                for col in LIST_COLUMNS & set(flat.columns):
                    flat[col] = flat[col].map(lambda v: ";".join(v) if v is not None else "")
                flat.to_csv(path, index=False)
            written.append(path)
        if self.cache is not None and extracted:
            self.cache.save(out / CACHE_FILE, keep=self.cache.used or None)
        return written

    @classmethod
    def open(cls, store: str | Path) -> "Corpus":
        """Open a folder written by :meth:`save` (Parquet) without extracting again.

        Nothing is read until a table is used (or queried with :meth:`sql`).
        """
        store = Path(store)
        missing = [n for n in BASE_TABLES if _table_path(store, n) is None]
        if missing:
            raise FileNotFoundError(f"{store}: not a saved corpus (missing {', '.join(missing)}.parquet)")
        return cls(store=store)


def _sql_str(s: str) -> str:
    return s.replace("'", "''")


def load_corpus(
    paths: PathsLike,
    catalog: str | Path | None = None,
    *,
    progress: bool | None = None,
    extract: bool = True,
    workers: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    out: str | Path | None = None,
    cache: bool | str | Path = False,
) -> Corpus:
    """Load articles from folders and files (``.txt``, ``.html``, ``.jsonl``, ``.csv``).

    ``catalog`` is an optional CSV mapping files to outlet, url and published date; what it
    gives wins over what the text suggests. Every input file is accounted for in
    ``Corpus.report``. With ``extract`` (the default) the extraction tables (``events``,
    ``claims``...) are computed at once, which also refines the publication dates of
    articles that state none; otherwise on first use.

    ``workers``: processes for reading and extraction (the tables are identical to a serial
    run). ``engine="dask"`` runs the extraction as a Dask job (a LocalCluster with
    ``workers`` processes, or the cluster at ``scheduler``) and, with ``out``, writes the
    tables there as a partitioned Parquet dataset. ``cache``: a folder (or True for
    ``out``) whose earlier results are reused for articles whose content, date, outlet and
    extractor version are unchanged.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    articles, sentences, report = build_tables(paths, catalog, progress=progress, workers=workers)
    corpus = Corpus(articles, sentences, report, workers=workers)
    cache_dir = Path(out) if cache is True and out is not None else (Path(cache) if cache not in (False, None, True) else None)
    if cache_dir is not None:
        from workbench.extract import ExtractionCache

        corpus.cache = ExtractionCache().load(cache_dir / CACHE_FILE)
    if engine == "dask":
        from workbench.distributed import extract_with_dask

        return extract_with_dask(corpus, scheduler=scheduler, workers=workers, out=out)
    return corpus.extract() if extract else corpus


def open_corpus(store: str | Path) -> Corpus:
    """Open a saved corpus folder (see :meth:`Corpus.save`); tables are read when first used."""
    return Corpus.open(store)
