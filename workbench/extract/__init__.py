"""Extraction: events, tallies, casualty claims, quotes and incidents from articles."""

from __future__ import annotations

import pandas as pd

from workbench.schema import EXTRACTED_TABLES

__all__ = ["extract_tables"]


def extract_tables(articles: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every extraction table for the given articles (empty until the extractors land)."""
    return {name: pd.DataFrame(columns=cols) for name, cols in EXTRACTED_TABLES.items()}
