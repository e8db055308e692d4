"""What every extractor reads about one article, computed once.

An :class:`ArticleContext` holds the article's text, its publication date and outlet, and
the mentions found in one pass each: sentences, actors, places, dates, quantities and
quotes. Extractors look things up by character position.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from workbench.actors import Mention, load_gazetteer
from workbench.dates import DateMention, find_dates
from workbench.numbers import Quantity, find_quantities
from workbench.places import PlaceMention, find_places
from workbench.sentences import Sentence, split_sentences

__all__ = ["ArticleContext", "build_context"]


@dataclass
class ArticleContext:
    article_id: str
    text: str
    published: dt.date | None
    outlet: str | None
    outlet_side: str
    sentences: list[Sentence]
    mentions: list[Mention]
    places: list[PlaceMention]
    dates: list[DateMention]
    quantities: list[Quantity]
    quotes: list = field(default_factory=list)  # workbench.extract.quotes.Quote
    _sent_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._sent_starts = [s.start for s in self.sentences]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character ``pos``."""
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    @staticmethod
    def within(items, start: int, end: int) -> list:
        """Items (with .start/.end) lying inside [start, end)."""
        return [x for x in items if x.start >= start and x.end <= end]

    def quote_at(self, pos: int):
        for q in self.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        s = self.text.rfind("\n", 0, pos) + 1
        e = self.text.find("\n", pos)
        return s, (len(self.text) if e < 0 else e)


def _as_date(value) -> dt.date | None:
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
        if isinstance(value, pd.Timestamp):
            return value.date()
    except (TypeError, ValueError):
        pass
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def build_context(
    article_id: str,
    text: str,
    *,
    published=None,
    outlet: str | None = None,
    outlet_side: str = "unknown",
    sentences: list[Sentence] | None = None,
) -> ArticleContext:
    pub = _as_date(published)
    mentions = load_gazetteer().find(text)
    if "(" in text:
        from workbench.extract.acronyms import defined_acronyms

        extra = defined_acronyms(text, mentions)
        if extra:
            taken = [(m.start, m.end) for m in mentions]
            extra = [e for e in extra if not any(a < e.end and e.start < b for a, b in taken)]
            mentions = sorted([*mentions, *extra], key=lambda m: (m.start, m.end))
    dates = find_dates(text, published=pub)
    return ArticleContext(
        article_id=article_id,
        text=text,
        published=pub,
        outlet=outlet,
        outlet_side=outlet_side or "unknown",
        sentences=sentences if sentences is not None else split_sentences(text),
        mentions=mentions,
        places=find_places(text),
        dates=dates,
        # Numbers inside dates are no counts. Which spans are dates does not depend on the
        # publication date (only what they resolve to; tests/test_speed.py checks it), so
        # the dates just found serve instead of a second pass without one.
        quantities=find_quantities(text, date_spans=[(d.start, d.end) for d in dates]),
    )
