"""Conflict News Workbench: news articles in, traceable tables out."""

from __future__ import annotations

__all__ = ["Corpus", "load_corpus", "open_corpus", "__version__"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Imported on first use, so that `import workbench.dates` stays light.
    if name in ("Corpus", "load_corpus", "open_corpus"):
        from workbench import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
