"""A filter panel for JupyterLab (ipywidgets), shared by the notebooks.

``FilterPanel(corpus)`` builds its controls from the corpus (date range by month, sides,
actors, weapons, outlets, outlet sides, keyword); ``panel.filtered("events")`` is that table
with the article's outlet attached and every filter applied. ``dashboard(corpus, build=...)``
redraws whatever ``build(panel)`` returns each time a control changes.

Needs a running kernel to be interactive; exported HTML relies on the charts' own
Vega-Lite dropdowns and brushes instead.
"""

from __future__ import annotations

import inspect
from typing import Callable

import pandas as pd

from workbench.analysis import (
    ACTOR_COLUMNS, SIDE_COLUMNS, _as_list, filter_frame, with_articles, with_incident_weapons,
)

__all__ = ["FilterPanel", "dashboard"]

TABLES = ("articles", "sentences", "events", "tallies", "claims", "quotes", "incidents")


def _values(frames, columns) -> list[str]:
    seen: set[str] = set()
    for df in frames:
        for col in columns:
            if col in df.columns:
                for v in df[col]:
                    seen.update(str(x) for x in _as_list(v))
    return sorted(seen)


def _months(frames) -> list[pd.Timestamp]:
    dates = [pd.to_datetime(df[c], errors="coerce") for df in frames for c in ("date", "published", "as_of") if c in df.columns]
    dates = pd.concat(dates).dropna() if dates else pd.Series(dtype="datetime64[ns]")
    if dates.empty:
        return []
    return list(pd.date_range(dates.min().to_period("M").start_time, dates.max().to_period("M").start_time, freq="MS"))


class FilterPanel:
    """Filter controls built from a corpus; empty selections mean "all"."""

    def __init__(self, corpus, *, tables=("events", "claims", "quotes"), extra: tuple[str, ...] = ()):
        """``extra`` names further columns to filter on (e.g. ``("outcome", "stance")``): one
        multiple-choice control each, applied to the tables that have that column."""
        import ipywidgets as w

        self.corpus = corpus
        frames = [getattr(corpus, t) for t in tables] + [corpus.articles]
        self.months = _months(frames)
        options = [(m.strftime("%b %Y"), m) for m in self.months] or [("no dates", None)]
        layout = w.Layout(width="auto")
        self.controls = {
            "date_range": w.SelectionRangeSlider(options=options, index=(0, len(options) - 1), description="Months",
                                                 continuous_update=False, layout=w.Layout(width="98%")),
            "sides": w.SelectMultiple(options=_values(frames, SIDE_COLUMNS), description="Side", rows=5, layout=layout),
            "actors": w.SelectMultiple(options=_values(frames, ACTOR_COLUMNS), description="Actor", rows=5, layout=layout),
            "weapons": w.SelectMultiple(options=_values(frames, ("weapons",)), description="Weapon", rows=5, layout=layout),
            "outlets": w.SelectMultiple(options=_values([corpus.articles], ("outlet",)), description="Outlet", rows=5, layout=layout),
            "outlet_sides": w.SelectMultiple(options=_values([corpus.articles], ("outlet_side",)), description="Outlet side", rows=5, layout=layout),
            "keyword": w.Text(description="Keyword", placeholder="word in the sentence", continuous_update=False),
        }
        self.extra = tuple(extra)
        for col in self.extra:
            self.controls[col] = w.SelectMultiple(options=_values(frames, (col,)), rows=5, layout=layout,
                                                  description=col.replace("_", " ").capitalize())
        self.reset_button = w.Button(description="Reset filters", icon="undo")
        self.reset_button.on_click(lambda _b: self.reset())
        self._callbacks: list[Callable] = []
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self._cache: dict = {}
        self.widget = w.VBox([
            self.controls["date_range"],
            w.HBox([self.controls[k] for k in ("sides", "actors", "weapons")]),
            w.HBox([self.controls[k] for k in ("outlets", "outlet_sides")] + [w.VBox([self.controls["keyword"], self.reset_button])]),
            *([w.HBox([self.controls[k] for k in self.extra])] if self.extra else []),
        ])

    # -- state -----------------------------------------------------------------------------
    def values(self) -> dict:
        """The filters as keyword arguments of :func:`workbench.analysis.filter_frame`."""
        c = self.controls
        lo, hi = c["date_range"].value if self.months else (None, None)
        full = bool(self.months) and lo == self.months[0] and hi == self.months[-1]
        date_range = None if full or lo is None else (lo, hi + pd.offsets.MonthEnd(0))
        return {
            "date_range": date_range, "sides": list(c["sides"].value), "actors": list(c["actors"].value),
            "weapons": list(c["weapons"].value), "outlets": list(c["outlets"].value),
            "outlet_sides": list(c["outlet_sides"].value), "keyword": c["keyword"].value or None,
            "where": {col: list(c[col].value) for col in self.extra},
        }

    def reset(self) -> None:
        """Every filter back to "all" (callbacks run once)."""
        callbacks, self._callbacks = self._callbacks, []
        try:
            for name, control in self.controls.items():
                if name == "date_range":
                    control.index = (0, len(control.options) - 1)
                elif name == "keyword":
                    control.value = ""
                else:
                    control.value = ()
        finally:
            self._callbacks = callbacks
        self._changed(None)

    def observe(self, callback: Callable[["FilterPanel"], None]) -> None:
        """Call ``callback(panel)`` after any filter changes."""
        self._callbacks.append(callback)

    def _changed(self, _change) -> None:
        for callback in list(self._callbacks):
            callback(self)

    # -- tables ----------------------------------------------------------------------------
    def _context(self, name: str) -> pd.DataFrame:
        """The table with its article's outlet (and its incident's weapons) attached, cached."""
        if name not in self._cache:
            df = getattr(self.corpus, name)
            if name != "articles":
                df = with_articles(df, self.corpus.articles, columns=("outlet", "outlet_side"))
            if name in ("claims",):
                df = with_incident_weapons(df, self.corpus.events)
            self._cache[name] = df
        return self._cache[name]

    def filtered(self, name: str) -> pd.DataFrame:
        """Table ``name`` (events, claims, quotes, articles, tallies, sentences, incidents) after the filters.

        Incidents are those with at least one filtered event (and within the date range).
        """
        if name not in TABLES:
            raise ValueError(f"unknown table {name!r}: one of {', '.join(TABLES)}")
        values = self.values()
        if name == "incidents":
            ids = set(self.filtered("events")["incident_id"].dropna())
            inc = self.corpus.incidents
            return filter_frame(inc[inc["incident_id"].isin(ids)], date_range=values["date_range"], where=values["where"])
        return filter_frame(self._context(name), **values)

    def _ipython_display_(self):  # pragma: no cover - display only
        from IPython.display import display

        display(self.widget)


def dashboard(corpus, build: Callable[[FilterPanel], object], *, panel: FilterPanel | None = None):
    """The filter panel above an output area that shows ``build(panel)``, redrawn on every change.

    ``build`` returns one displayable (chart, table), a list of them, or is a generator that
    yields them: each yielded item is shown as soon as it is made, so a chart appears before
    the (slower) table under it is built. Returns a VBox; the panel and output are kept as its
    ``.panel`` and ``.output`` attributes.
    """
    import ipywidgets as w
    from IPython.display import display

    panel = panel or FilterPanel(corpus)
    output = w.Output()

    def redraw(p: FilterPanel) -> None:
        items = build(p)
        if not isinstance(items, (list, tuple)) and not inspect.isgenerator(items):
            items = [items]
        with output:
            output.clear_output(wait=True)
            for item in items:
                display(item)

    panel.observe(redraw)
    redraw(panel)
    box = w.VBox([panel.widget, output])
    box.panel, box.output = panel, output
    return box
