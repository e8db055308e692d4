"""Access to the package's data files (gazetteers, lexicons, word lists)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["load_yaml", "data_path"]


def data_path(name: str):
    """Path-like handle to ``workbench/data/<name>``."""
    return resources.files("workbench") / "data" / name


@lru_cache(maxsize=None)
def load_yaml(name: str) -> Any:
    """Parse ``workbench/data/<name>`` once; callers must not mutate the result."""
    with data_path(name).open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)
