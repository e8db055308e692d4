"""The Dask engine (a LocalCluster of two processes) gives the local engine's tables."""

from __future__ import annotations

import pandas as pd
import pytest

pytest.importorskip("dask.distributed")

from workbench import load_corpus, open_corpus  # noqa: E402
from workbench.bench.generate import ARTICLES_DIR, CATALOG_NAME, generate  # noqa: E402
from workbench.schema import EXTRACTED_TABLES  # noqa: E402

ID = {"articles": "article_id", "sentences": ["article_id", "sent_idx"], "report": ["source_path", "record"],
      "events": "event_id", "tallies": "tally_id", "claims": "claim_id", "quotes": "quote_id",
      "incidents": "incident_id"}


def _sorted(df: pd.DataFrame, by) -> pd.DataFrame:
    df = df.sort_values(by, kind="stable").reset_index(drop=True)
    for col in df.columns:
        if str(df[col].dtype).startswith("datetime64"):
            df[col] = df[col].astype("datetime64[ns]")  # Parquet keeps ms, memory may hold s
    return df


def test_dask_local_cluster_identical_tables(tmp_path):
    generate(70, tmp_path / "src", seed=11)
    src, cat = tmp_path / "src" / ARTICLES_DIR, tmp_path / "src" / CATALOG_NAME
    local = load_corpus(src, catalog=cat, progress=False)
    dask = load_corpus(src, catalog=cat, progress=False, engine="dask", workers=2, out=tmp_path / "store")
    stored = open_corpus(tmp_path / "store")
    assert (tmp_path / "store" / "events.parquet").is_dir()  # a partitioned dataset
    for name in ("articles", "sentences", "report", *EXTRACTED_TABLES):
        want = _sorted(getattr(local, name), ID[name])
        pd.testing.assert_frame_equal(_sorted(getattr(dask, name), ID[name]), want, obj=name)
        pd.testing.assert_frame_equal(_sorted(getattr(stored, name), ID[name]), want, obj=f"stored {name}")
    assert len(local.events) > 10
    n = stored.sql("select count(*) as n from events")["n"].iloc[0]
    assert n == len(local.events)
