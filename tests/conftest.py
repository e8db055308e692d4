"""Shared fixtures: the seed corpus (loaded once per session) and the seeds' gold file."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SEEDS = ROOT / "seeds"
SEED_CATALOG = SEEDS / "catalog.csv"
GOLD_SEEDS = ROOT.parent / "shared" / "gold" / "seeds.yaml"  # ../shared beside the checkout


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_corpus():
    """The five seed articles loaded with their catalog."""
    from workbench import load_corpus

    return load_corpus(SEEDS, catalog=SEED_CATALOG, progress=False)


@pytest.fixture(scope="session")
def seed_corpus_no_catalog():
    """The five seed articles loaded from their text alone."""
    from workbench import load_corpus

    return load_corpus(SEEDS, progress=False)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The gold annotations of the seeds; the test is skipped when the file is absent."""
    if not GOLD_SEEDS.is_file():
        pytest.skip(f"{GOLD_SEEDS} not present")
    import yaml

    return yaml.safe_load(GOLD_SEEDS.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_reports(tmp_path_factory):
    """The four notebooks executed on the seeds and exported as offline HTML (about 20 s, once)."""
    from workbench.report import build_reports

    return build_reports(out=tmp_path_factory.mktemp("reports"), timeout=120, jobs=2)
