"""Extraction as a Dask job: a LocalCluster by default, or a real cluster by its address.

The articles are read and split on the client (as :func:`workbench.loader.build_tables`
does), the per-article extraction runs on the Dask workers in chunks of
:data:`workbench.extract.CHUNK` articles, and the cross-article steps (publication dates
refined across the corpus, incident linking) run on the client, as in the local engine: the
tables are identical. With ``out``, every table is written there as a partitioned Parquet
dataset (``<table>.parquet/part-00000.parquet``, ...), which :func:`workbench.open_corpus`
and :meth:`workbench.Corpus.sql` read as one table.
"""

from __future__ import annotations

from pathlib import Path


__all__ = ["extract_with_dask", "write_partitioned"]

#: Articles per Parquet part.
PART_ARTICLES = 10_000


def _client(scheduler: str | None, workers: int):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40)
    return Client(cluster), cluster


def extract_with_dask(corpus, *, scheduler: str | None = None, workers: int = 2, out: str | Path | None = None):
    """Run the extraction of ``corpus`` on Dask; return it with its tables (written to ``out``)."""
    from workbench.extract import CHUNK, _chunks, _extract_chunk, extract_corpus

    client, cluster = _client(scheduler, workers)
    try:
        def mapper(tasks: list) -> list:
            if not tasks:
                return []
            futures = client.map(_extract_chunk, _chunks(tasks, CHUNK), pure=False)
            return [x for part in client.gather(futures) for x in part]

        tables, articles = extract_corpus(corpus.articles, corpus.sentences, cache=corpus.cache, mapper=mapper)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    corpus._frames.update(tables)
    corpus._frames["articles"] = articles
    corpus._extracted_done = True
    if out is not None:
        write_partitioned(corpus, out)
    return corpus


def write_partitioned(corpus, out: str | Path, *, part_articles: int = PART_ARTICLES) -> list[Path]:
    """Every table as a folder of Parquet parts, cut at the same article boundaries."""
    import shutil

    from workbench.corpus import CACHE_FILE

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ids = corpus.articles["article_id"].astype(str).tolist()
    bounds = [ids[i] for i in range(0, len(ids), part_articles)][1:]
    written = []
    for name, df in corpus.tables().items():
        folder = out / f"{name}.parquet"
        if folder.is_file():
            folder.unlink()
        elif folder.is_dir():
            shutil.rmtree(folder)
        folder.mkdir()
        key = df["article_id"].astype(str) if "article_id" in df.columns and name != "report" else None
        if key is None or not bounds:
            parts = [df]
        else:
            import numpy as np

            part_no = np.searchsorted(np.array(bounds, dtype=object), key.to_numpy(dtype=object), side="right")
            parts = [df[part_no == k] for k in range(len(bounds) + 1)]
        for k, part in enumerate(parts):
            path = folder / f"part-{k:05d}.parquet"
            part.to_parquet(path, index=False)
            written.append(path)
    if corpus.cache is not None:
        corpus.cache.save(out / CACHE_FILE, keep=corpus.cache.used or None)
    corpus._store = out
    return written
