"""Analyses behind the notebooks: DataFrame in, DataFrame out.

Every helper takes the workbench's tables (or frames with the same columns), never mutates
them, and returns a small new frame ready to chart or to show: aggregation happens here, in
pandas, so that charts receive a few hundred rows whatever the size of the corpus.

Counting rule: an attack is counted once per *incident* (the same attack reported by five
outlets is one incident), never once per mention.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from workbench.resources import load_yaml

__all__ = [
    "LABELS", "corpus_from_param", "default_corpus", "with_articles", "with_incident_weapons",
    "filter_frame", "articles_per_period", "date_basis", "reprints", "report_summary",
    "attacks_per_period", "cumulative_incidents", "tallies_vs_count", "events_table",
    "claims_by_claimant", "claim_gaps", "grade_claims", "claims_table",
    "escalation_over_time", "stance_mix", "quotes_table", "incidents_per_period",
]

LABELS = load_yaml("labels.yaml")

#: Columns holding a side, an actor, a date or free text, looked for in this order.
SIDE_COLUMNS = ("attacker_side", "target_side", "claimant_side", "victim_side", "speaker_side")
ACTOR_COLUMNS = ("attacker", "target", "claimant", "victim", "speaker", "claimed_by")
DATE_COLUMNS = ("date", "as_of", "published", "period")
TEXT_COLUMNS = ("snippet", "text", "title", "speaker", "claimant")
#: Weeks run Sunday to Saturday, as Vega-Lite's ``yearweek`` time unit does.
FREQS = {"D": "D", "W": "W-SAT", "M": "M", "Q": "Q", "Y": "Y"}

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"


# -- finding the corpus ----------------------------------------------------------------------
def corpus_from_param(corpus=None):
    """The Corpus a notebook's ``CORPUS`` parameter names.

    ``None`` gives the seed articles with their catalog (found through the package, not the
    working directory); a folder holding ``articles.parquet`` is opened as a saved store;
    any other folder (or file) is loaded and extracted, with its ``catalog.csv`` if it has one.
    """
    from workbench.corpus import load_corpus, open_corpus

    if corpus is None:
        return default_corpus()
    path = Path(corpus).expanduser()
    if not path.exists():
        raise FileNotFoundError(f"CORPUS={str(corpus)!r}: no such file or folder")
    if path.is_dir() and (path / "articles.parquet").is_file():
        return open_corpus(path)
    catalog = path / "catalog.csv" if path.is_dir() else None
    return load_corpus(path, catalog=catalog if catalog and catalog.is_file() else None, progress=False)


def default_corpus():
    """The five seed articles with their catalog (the notebooks' default)."""
    from workbench.corpus import load_corpus

    if not SEEDS_DIR.is_dir():
        raise FileNotFoundError(f"the seed articles are not at {SEEDS_DIR}; pass CORPUS=<folder>")
    return load_corpus(SEEDS_DIR, catalog=SEEDS_DIR / "catalog.csv", progress=False)


# -- small helpers ---------------------------------------------------------------------------
def _label(kind: str, value) -> str:
    if value is None or (not isinstance(value, (list, tuple, np.ndarray)) and pd.isna(value)):
        return LABELS[kind].get("unknown", "unknown")
    return LABELS[kind].get(value, str(value))


def _period(dates: pd.Series, freq: str) -> pd.Series:
    """Start of the period (week starting Sunday, month, ...) holding each date."""
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {sorted(FREQS)}, not {freq!r}")
    d = pd.to_datetime(dates, errors="coerce")
    return d.dt.to_period(FREQS[freq]).dt.start_time.astype("datetime64[ns]")


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return [v for v in value if v is not None]
    return [] if pd.isna(value) else [value]


def _matches_any(series: pd.Series, wanted: set) -> pd.Series:
    """True where the cell (a scalar or a list) holds one of ``wanted``."""
    if series.dtype == object:
        return series.map(lambda v: any(x in wanted for x in _as_list(v))).astype(bool)
    return series.isin(wanted).fillna(False).astype(bool)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Nullable and string dtypes as plain numpy ones (what altair and JSON expect)."""
    out = df.copy()
    for col in out.columns:
        dtype = out[col].dtype
        if isinstance(dtype, pd.StringDtype):
            out[col] = out[col].astype(object).where(out[col].notna(), None)
        elif pd.api.types.is_extension_array_dtype(dtype) and pd.api.types.is_numeric_dtype(dtype):
            out[col] = out[col].astype("float64")
    return out


# -- joining context -------------------------------------------------------------------------
def with_articles(df: pd.DataFrame, articles: pd.DataFrame, *, columns: Sequence[str] = ("outlet", "outlet_side", "published", "title")) -> pd.DataFrame:
    """``df`` plus its article's outlet, outlet side, publication date and title.

    >>> ev = pd.DataFrame({"event_id": ["a:e1"], "article_id": ["a"]})
    >>> art = pd.DataFrame({"article_id": ["a"], "outlet": ["Rudaw"], "outlet_side": ["media"]})
    >>> with_articles(ev, art, columns=["outlet", "outlet_side"])
      event_id article_id outlet outlet_side
    0     a:e1          a  Rudaw       media
    """
    wanted = [c for c in columns if c in articles.columns and c not in df.columns]
    if "article_id" not in df.columns or not wanted:
        return df.copy()
    extra = articles[["article_id", *wanted]].drop_duplicates("article_id")
    return df.merge(extra, on="article_id", how="left", sort=False)


def with_incident_weapons(df: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """``df`` (claims, incidents...) plus a ``weapons`` list: every weapon its incident's events name.

    >>> ev = pd.DataFrame({"incident_id": ["i1", "i1"], "weapons": [["rocket"], ["drone", "rocket"]]})
    >>> with_incident_weapons(pd.DataFrame({"incident_id": ["i1", "i2"]}), ev)
      incident_id          weapons
    0          i1  [drone, rocket]
    1          i2               []
    """
    out = df.copy()
    if "weapons" in out.columns or "incident_id" not in out.columns:
        return out
    pairs = events[["incident_id", "weapons"]].dropna(subset=["incident_id"]).explode("weapons").dropna()
    per = pairs.groupby("incident_id")["weapons"].agg(lambda s: sorted(set(s)))
    out["weapons"] = [list(per.get(i, [])) if pd.notna(i) else [] for i in out["incident_id"]]
    return out


# -- filtering -------------------------------------------------------------------------------
def filter_frame(
    df: pd.DataFrame,
    *,
    date_range: tuple | None = None,
    sides: Iterable[str] | None = None,
    actors: Iterable[str] | None = None,
    weapons: Iterable[str] | None = None,
    outlets: Iterable[str] | None = None,
    outlet_sides: Iterable[str] | None = None,
    keyword: str | None = None,
    where: dict[str, Iterable] | None = None,
) -> pd.DataFrame:
    """Rows of ``df`` that pass every filter given; a filter left empty (None, ``[]``, "") keeps all.

    A filter applies to the columns the frame has and is ignored when it has none of them:
    ``date_range`` (inclusive, either end None for open) to the first of ``date``, ``as_of``,
    ``published``, ``period`` (rows with no date are dropped once a range is set);
    ``sides`` to any side column (attacker, target, claimant, victim, speaker);
    ``actors`` to any actor column; ``weapons`` to the ``weapons`` lists; ``keyword``
    (case-insensitive, literal) to snippets, texts, titles, speakers and claimants;
    ``where`` maps any other column to the values to keep (``{"outcome": ["killed"]}``).

    >>> df = pd.DataFrame({"date": pd.to_datetime(["2021-06-28", "2023-12-08"]),
    ...                    "attacker_side": ["us", "factions"], "target_side": ["factions", "us"],
    ...                    "weapons": [["airstrike"], ["rocket", "drone"]],
    ...                    "snippet": ["US jets struck depots", "Rockets hit the embassy"]})
    >>> filter_frame(df, weapons=["drone"])["snippet"].tolist()
    ['Rockets hit the embassy']
    >>> filter_frame(df, date_range=("2021-01-01", "2021-12-31"), keyword="DEPOTS")["attacker_side"].tolist()
    ['us']
    >>> len(filter_frame(df, sides=["us"]))  # either side column
    2
    """
    mask = pd.Series(True, index=df.index)
    if date_range is not None and any(x is not None for x in date_range):
        col = next((c for c in DATE_COLUMNS if c in df.columns), None)
        if col:
            dates = pd.to_datetime(df[col], errors="coerce")
            lo, hi = date_range
            keep = dates.notna()
            if lo is not None:
                keep &= dates >= pd.Timestamp(lo)
            if hi is not None:
                keep &= dates <= pd.Timestamp(hi)
            mask &= keep.fillna(False)
    for wanted, columns in ((sides, SIDE_COLUMNS), (actors, ACTOR_COLUMNS), (weapons, ("weapons",)),
                            (outlets, ("outlet",)), (outlet_sides, ("outlet_side",))):
        wanted = set(wanted or ())
        present = [c for c in columns if c in df.columns]
        if not wanted or not present:
            continue
        hit = pd.Series(False, index=df.index)
        for col in present:
            hit |= _matches_any(df[col], wanted)
        mask &= hit
    for col, wanted in (where or {}).items():
        wanted = set(wanted or ())
        if wanted and col in df.columns:
            mask &= _matches_any(df[col], wanted)
    if keyword and keyword.strip():
        present = [c for c in TEXT_COLUMNS if c in df.columns]
        if present:
            hit = pd.Series(False, index=df.index)
            for col in present:
                hit |= df[col].astype("string").str.contains(keyword.strip(), case=False, regex=False).fillna(False).astype(bool)
            mask &= hit
    return df.loc[mask.astype(bool)].copy()


# -- 01: the corpus --------------------------------------------------------------------------
def articles_per_period(articles: pd.DataFrame, *, freq: str = "M", by: str = "outlet_side") -> pd.DataFrame:
    """Articles per period and ``by`` (``outlet`` or ``outlet_side``); reprints counted apart.

    >>> art = pd.DataFrame({"published": pd.to_datetime(["2021-06-28", "2021-06-30", "2021-07-09"]),
    ...                     "outlet_side": ["iran", "iran", "media"], "duplicate_of": [None, "x", None]})
    >>> articles_per_period(art, freq="M")
          period outlet_side        group  n_articles  n_reprints
    0 2021-06-01        iran         Iran           2           1
    1 2021-07-01       media  other media           1           0
    """
    if by not in ("outlet", "outlet_side"):
        raise ValueError(f"by must be 'outlet' or 'outlet_side', not {by!r}")
    df = articles.assign(
        period=_period(articles["published"], freq),
        **{by: articles[by].astype(object).where(articles[by].notna(), "unknown")},
        _reprint=articles["duplicate_of"].notna() if "duplicate_of" in articles.columns else False,
    ).dropna(subset=["period"])
    out = (df.groupby(["period", by], sort=True)
             .agg(n_articles=("_reprint", "size"), n_reprints=("_reprint", "sum"))
             .reset_index())
    out.insert(2, "group", out[by].map(lambda k: _group_label(by, k)))
    return out.astype({"n_articles": "int64", "n_reprints": "int64"})


def date_basis(articles: pd.DataFrame) -> pd.DataFrame:
    """How each publication date was settled: counts per basis, with a readable label.

    >>> date_basis(pd.DataFrame({"published_basis": ["catalog", "inferred", "catalog"]}))
      published_basis                   label  n_articles
    0         catalog        from the catalog           2
    1        inferred  inferred from the text           1
    """
    counts = articles["published_basis"].astype(object).fillna("unknown").value_counts()
    out = counts.rename_axis("published_basis").reset_index(name="n_articles")
    out.insert(1, "label", out["published_basis"].map(lambda v: _label("published_basis", v)))
    return out.sort_values(["n_articles", "published_basis"], ascending=[False, True], ignore_index=True).astype({"n_articles": "int64"})


def reprints(articles: pd.DataFrame) -> pd.DataFrame:
    """Each reprint next to the article it repeats (``duplicate_of``).

    >>> art = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Press TV", "Kayhan"],
    ...                     "published": pd.to_datetime(["2021-06-30", "2021-07-01"]),
    ...                     "title": ["T", "T"], "duplicate_of": [None, "a"]})
    >>> reprints(art)[["article_id", "outlet", "original_id", "original_outlet"]]
      article_id  outlet original_id original_outlet
    0          b  Kayhan           a        Press TV
    """
    cols = ["article_id", "outlet", "published", "title"]
    dup = articles.loc[articles["duplicate_of"].notna(), [*cols, "duplicate_of"]]
    orig = articles[cols].rename(columns={c: f"original_{c}" if c != "article_id" else "original_id" for c in cols})
    out = dup.rename(columns={"duplicate_of": "original_id"}).merge(orig, on="original_id", how="left")
    return out.sort_values(["published", "article_id"], ignore_index=True)


def report_summary(report: pd.DataFrame) -> pd.DataFrame:
    """Input files per status (loaded, skipped, duplicate...), with a few of the reasons given.

    >>> report_summary(pd.DataFrame({"status": ["loaded", "skipped", "loaded"], "reason": ["", "empty", ""]})).values.tolist()
    [['loaded', 2, ''], ['skipped', 1, 'empty']]
    """
    reason = report["reason"].astype(object).fillna("")
    rows = []
    for status, grp in reason.groupby(report["status"].astype(object).fillna("unknown"), sort=True):
        common = grp[grp != ""].value_counts().sort_index().sort_values(ascending=False, kind="stable")
        rows.append((status, len(grp), "; ".join(common.index[:3])))
    return pd.DataFrame(rows, columns=["status", "n_files", "reasons"]).astype({"n_files": "int64"})


# -- 02: attack counts -----------------------------------------------------------------------
def _event_incidents(events: pd.DataFrame, incidents: pd.DataFrame, *, weapons: bool = False) -> pd.DataFrame:
    """One row per distinct incident among ``events``: its date and kind (and, with
    ``weapons=True``, one row per incident and weapon named, ``"unknown"`` when none is).

    An event with no incident stands for an incident of its own (``event:<event_id>``), and an
    incident missing from ``incidents`` takes the date and direction of its first event.
    Vectorised: this runs on every filter change in the dashboards.
    """
    ids = events["incident_id"].astype(object)
    ids = ids.where(ids.notna(), "event:" + events["event_id"].astype(str))
    inc = incidents.drop_duplicates("incident_id").set_index("incident_id") if len(incidents) else pd.DataFrame(columns=["date", "kind"])
    uniq = pd.unique(ids.to_numpy())
    where = inc.index.get_indexer(uniq)
    hit = where >= 0
    parts = [pd.DataFrame({
        "incident_id": uniq[hit],
        "date": pd.to_datetime(inc["date"].iloc[where[hit]], errors="coerce").astype("datetime64[ns]").to_numpy(),
        "kind": inc["kind"].iloc[where[hit]].astype(object).to_numpy(),
    })]
    if not hit.all():
        mine = ~ids.isin(set(uniq[hit])).to_numpy()
        own = events.loc[mine, ["event_id", "date", "attacker_side", "target_side"]].assign(incident_id=ids[mine])
        first = own.sort_values(["incident_id", "event_id"]).drop_duplicates("incident_id")
        kind = np.where(first["target_side"].astype(object).eq("us").to_numpy(), "attack_on_us",
                        np.where(first["attacker_side"].astype(object).eq("us").to_numpy(), "us_strike", "other"))
        parts.append(pd.DataFrame({
            "incident_id": first["incident_id"].to_numpy(),
            "date": pd.to_datetime(first["date"], errors="coerce").astype("datetime64[ns]").to_numpy(),
            "kind": kind.astype(object),
        }))
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    if not weapons:
        return out
    pairs = pd.DataFrame({"incident_id": ids.to_numpy(), "weapon": events["weapons"].to_numpy()}).explode("weapon")
    pairs = pairs[pairs["weapon"].map(lambda w: isinstance(w, str)).astype(bool)].drop_duplicates()
    out = out.merge(pairs, on="incident_id", how="left", sort=False)
    out["weapon"] = out["weapon"].fillna("unknown")
    return out


def incidents_per_period(events: pd.DataFrame, incidents: pd.DataFrame, *, freq: str = "W", by: str = "kind") -> pd.DataFrame:
    """Distinct incidents per period and group; see :func:`attacks_per_period`."""
    return attacks_per_period(events, incidents, freq=freq, by=by)


def attacks_per_period(events: pd.DataFrame, incidents: pd.DataFrame, *, freq: str = "W", by: str = "kind") -> pd.DataFrame:
    """Distinct incidents per period (``"W"`` weeks from Sunday, ``"M"`` months) and group.

    ``by="kind"`` splits attacks on US forces from US strikes (and other attacks); ``by="weapon"``
    by weapon, where an incident with rockets and drones counts once under each.
    Incidents with no date are left out.

    >>> ev = pd.DataFrame({"event_id": ["a:e1", "b:e1", "b:e2"], "incident_id": ["i1", "i1", "i2"],
    ...     "date": pd.to_datetime(["2023-12-08", "2023-12-08", "2023-12-03"]),
    ...     "attacker_side": ["factions", "factions", "us"], "target_side": ["us", "us", "factions"],
    ...     "weapons": [["rocket"], ["rocket"], ["drone"]]})
    >>> inc = pd.DataFrame({"incident_id": ["i1", "i2"], "date": pd.to_datetime(["2023-12-08", "2023-12-03"]),
    ...                     "kind": ["attack_on_us", "us_strike"]})
    >>> attacks_per_period(ev, inc, freq="M")
          period          kind                 group  n_incidents
    0 2023-12-01  attack_on_us  attacks on US forces            1
    1 2023-12-01     us_strike            US strikes            1
    """
    if by not in ("kind", "weapon"):
        raise ValueError(f"by must be 'kind' or 'weapon', not {by!r}")
    cols = ["period", by, "group", "n_incidents"]
    if events.empty:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "period" else "int64" if c == "n_incidents" else object) for c in cols})
    inc = _event_incidents(events, incidents, weapons=by == "weapon").dropna(subset=["date"])
    inc["period"] = _period(inc["date"], freq)
    if by == "weapon":
        inc["group"] = inc["weapon"]
    else:
        labels = {k: _label("kinds", k) for k in pd.unique(inc["kind"])}
        inc["group"] = inc["kind"].map(labels)
    out = inc.groupby(["period", by, "group"], sort=True)["incident_id"].nunique().reset_index(name="n_incidents")
    return out[cols].astype({"n_incidents": "int64"})


def cumulative_incidents(events: pd.DataFrame, incidents: pd.DataFrame, *, kind: str | None = "attack_on_us",
                         since=None, until=None) -> pd.DataFrame:
    """Running count of distinct incidents (of ``kind``; None for all) day by day from ``since``.

    With ``since`` the count starts at 0 on that day, and with ``until`` it carries on flat
    to that day, so that it spans the window of the tallies it is compared with.

    >>> ev = pd.DataFrame({"event_id": ["a:e1", "a:e2", "b:e1"], "incident_id": ["i1", "i2", "i2"],
    ...     "date": pd.to_datetime(["2023-10-17", "2023-10-18", "2023-10-18"]),
    ...     "attacker_side": ["factions"] * 3, "target_side": ["us"] * 3, "weapons": [["drone"]] * 3})
    >>> inc = pd.DataFrame({"incident_id": ["i1", "i2"], "date": pd.to_datetime(["2023-10-17", "2023-10-18"]),
    ...                     "kind": ["attack_on_us"] * 2})
    >>> cumulative_incidents(ev, inc)
            date  n_incidents  cumulative
    0 2023-10-17            1           1
    1 2023-10-18            1           2
    """
    cols = ["date", "n_incidents", "cumulative"]
    if events.empty:
        return pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "n_incidents": pd.Series(dtype="int64"),
                             "cumulative": pd.Series(dtype="int64")})
    inc = _event_incidents(events, incidents).dropna(subset=["date"])
    if kind is not None:
        inc = inc[inc["kind"] == kind]
    if since is not None:
        inc = inc[inc["date"] >= pd.Timestamp(since)]
    if until is not None:
        inc = inc[inc["date"] <= pd.Timestamp(until)]
    out = inc.groupby("date", sort=True)["incident_id"].nunique().reset_index(name="n_incidents")
    if since is not None and (out.empty or out["date"].iloc[0] > pd.Timestamp(since)):
        out = pd.concat([pd.DataFrame({"date": [pd.Timestamp(since)], "n_incidents": [0]}), out], ignore_index=True)
    if until is not None and (out.empty or out["date"].iloc[-1] < pd.Timestamp(until)):
        out = pd.concat([out, pd.DataFrame({"date": [pd.Timestamp(until)], "n_incidents": [0]})], ignore_index=True)
    out["cumulative"] = out["n_incidents"].cumsum()
    out["date"] = out["date"].astype("datetime64[ns]")
    return out[cols].astype({"n_incidents": "int64", "cumulative": "int64"})


def tallies_vs_count(tallies: pd.DataFrame, events: pd.DataFrame, incidents: pd.DataFrame) -> pd.DataFrame:
    """Each running tally an article quotes next to the workbench's own count over the same window.

    ``counted`` is the number of distinct incidents against the tally's target side dated
    from ``since`` (or the beginning) to ``as_of`` (or the end); ``difference`` is stated minus
    counted: how much of what officials report the corpus does not describe.

    >>> t = pd.DataFrame({"tally_id": ["x:t1"], "article_id": ["x"], "snippet": ["at least 3 attacks"],
    ...     "count": [3], "qualifier": ["at_least"], "since": pd.to_datetime(["2023-10-17"]),
    ...     "as_of": pd.to_datetime(["2023-10-31"]), "target_side": ["us"], "claimant": ["Pentagon"],
    ...     "claimant_side": ["us"]})
    >>> ev = pd.DataFrame({"event_id": ["a:e1"], "incident_id": ["i1"], "date": pd.to_datetime(["2023-10-18"]),
    ...     "attacker_side": ["factions"], "target_side": ["us"], "weapons": [["drone"]]})
    >>> inc = pd.DataFrame({"incident_id": ["i1"], "date": pd.to_datetime(["2023-10-18"]),
    ...     "kind": ["attack_on_us"], "target_side": ["us"]})
    >>> tallies_vs_count(t, ev, inc)[["as_of", "stated", "counted", "difference"]]
           as_of  stated  counted  difference
    0 2023-10-31       3        1           2
    """
    cols = ["tally_id", "article_id", "as_of", "since", "claimant", "claimant_side", "target_side",
            "qualifier", "stated", "counted", "difference", "snippet"]
    if tallies.empty:
        return pd.DataFrame(columns=cols)
    inc = _event_incidents(events, incidents) if len(events) else pd.DataFrame(columns=["incident_id", "date", "kind"])
    targets = incidents.set_index("incident_id")["target_side"] if "target_side" in incidents.columns else pd.Series(dtype=object)
    inc["target_side"] = [targets.get(i, None) for i in inc["incident_id"]]
    rows = []
    for t in tallies.itertuples(index=False):
        sel = inc[inc["target_side"] == t.target_side] if pd.notna(t.target_side) else inc
        dates = pd.to_datetime(sel["date"], errors="coerce")
        keep = dates.notna()
        if pd.notna(t.since):
            keep &= dates >= pd.Timestamp(t.since)
        if pd.notna(t.as_of):
            keep &= dates <= pd.Timestamp(t.as_of)
        counted = int(sel.loc[keep, "incident_id"].nunique())
        stated = int(t.count) if pd.notna(t.count) else None
        rows.append((t.tally_id, t.article_id, t.as_of, t.since, t.claimant, t.claimant_side, t.target_side,
                     t.qualifier, stated, counted, None if stated is None else stated - counted, t.snippet))
    out = pd.DataFrame(rows, columns=cols)
    for col in ("as_of", "since"):
        out[col] = pd.to_datetime(out[col], errors="coerce").astype("datetime64[ns]")
    return out.sort_values(["as_of", "tally_id"], ignore_index=True)


def events_table(events: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The events behind the counts, readable: date, incident, direction, weapons, outlet, snippet.

    >>> ev = pd.DataFrame({"event_id": ["a:e1"], "article_id": ["a"], "date": pd.to_datetime(["2023-12-08"]),
    ...     "incident_id": ["i1"], "attacker_side": ["factions"], "target_side": ["us"],
    ...     "weapons": [["rocket", "drone"]], "location": ["Baghdad"], "snippet": ["Rockets hit"]})
    >>> art = pd.DataFrame({"article_id": ["a"], "outlet": ["Rudaw"], "outlet_side": ["media"],
    ...     "published": pd.to_datetime(["2023-12-09"])})
    >>> events_table(ev, art)[["weapons", "outlet", "snippet"]]
             weapons outlet      snippet
    0  rocket, drone  Rudaw  Rockets hit
    """
    df = with_articles(events, articles)
    df["weapons"] = df["weapons"].map(lambda v: ", ".join(_as_list(v)))
    cols = [c for c in ("date", "incident_id", "attacker_side", "target_side", "weapons", "location",
                        "outlet", "outlet_side", "published", "snippet", "event_id") if c in df.columns]
    return df.sort_values(["date", "event_id"], na_position="last", ignore_index=True)[cols]


# -- 03: casualty claims ---------------------------------------------------------------------
def claims_by_claimant(claims: pd.DataFrame, articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per incident x outcome x victim side x claimant: the claimant's low and high.

    Claims linked to no incident stand alone (their ``key`` is the claim id). ``low`` is the
    smallest floor the claimant gave and ``high`` the largest ceiling (the floor when
    open-ended: "at least 5" gives 5 and 5); vague claims ("heavy casualties") have neither.

    >>> cl = pd.DataFrame({"claim_id": ["a:c1", "b:c1", "b:c2"], "article_id": ["a", "b", "b"],
    ...     "incident_id": ["i1", "i1", "i1"], "outcome": ["injured"] * 3, "victim_side": ["us"] * 3,
    ...     "claimant": ["CJTF-OIR", "Sabereen News", "Sabereen News"], "claimant_side": ["us", "factions", "factions"],
    ...     "low": [2, 5, 4], "high": [2, 5, None], "qualifier": ["exact", "exact", "at_least"],
    ...     "date": pd.to_datetime(["2021-07-07"] * 3), "snippet": ["two wounded", "five wounded", "four wounded"]})
    >>> claims_by_claimant(cl)[["claimant", "low", "high", "n_claims"]]
            claimant  low  high  n_claims
    0       CJTF-OIR    2     2         1
    1  Sabereen News    4     5         2
    """
    df = claims.copy() if articles is None else with_articles(claims, articles, columns=("outlet",))
    if "outlet" not in df.columns:
        df["outlet"] = None
    df["key"] = df["incident_id"].astype(object).where(df["incident_id"].notna(), df["claim_id"].astype(object))
    low = pd.to_numeric(df["low"], errors="coerce").astype("float64")
    high = pd.to_numeric(df["high"], errors="coerce").astype("float64")
    df = df.assign(_low=low, _high=high.fillna(low), _open=low.notna() & high.isna(),
                   claimant=df["claimant"].astype(object).fillna("unnamed source"),
                   victim_side=df["victim_side"].astype(object).fillna("unknown"),
                   claimant_side=df["claimant_side"].astype(object).fillna("unknown"))
    keys = ["key", "outcome", "victim_side", "claimant"]
    g = df.sort_values("claim_id").groupby(keys, sort=True, dropna=False)
    out = g.agg(
        incident_id=("incident_id", "first"), claimant_side=("claimant_side", "first"),
        low=("_low", "min"), high=("_high", "max"), open_ended=("_open", "any"), date=("date", "min"),
        qualifiers=("qualifier", lambda s: ", ".join(sorted({str(q) for q in s if pd.notna(q)}))),
        outlets=("outlet", lambda s: ", ".join(sorted({str(o) for o in s if pd.notna(o)}))),
        n_claims=("claim_id", "size"), snippet=("snippet", "first"), claim_ids=("claim_id", lambda s: ", ".join(s)),
    ).reset_index()
    out["incident_id"] = out["incident_id"].astype(object).where(out["incident_id"].notna(), None)
    out["date"] = pd.to_datetime(out["date"], errors="coerce").astype("datetime64[ns]")
    for col in ("low", "high"):
        out[col] = out[col].astype("Int64")
    return out


def _disagree(a: tuple, b: tuple) -> bool:
    """Do two (low, high) figures disagree? A vague figure ("several") disagrees only with zero."""
    (alo, ahi), (blo, bhi) = a, b
    if pd.isna(alo) or pd.isna(blo):
        known = b if pd.isna(alo) else a
        return not (pd.isna(known[0]) or known[1] != 0)  # vague vs "no injuries"
    return not (alo <= bhi and blo <= ahi)  # ranges do not overlap


def _contested(grp: pd.DataFrame) -> bool:
    highs = grp["high"].astype("float64").where(~grp["open_ended"].astype(bool), np.inf) if "open_ended" in grp else grp["high"]
    figs = list(zip(grp["claimant_side"], grp["low"], highs))
    return any(sa != sb and _disagree((la, ha), (lb, hb))
               for i, (sa, la, ha) in enumerate(figs) for sb, lb, hb in figs[i + 1:])


def _grade(contested: bool, conceded: bool, n_outlets: int) -> str:
    # Claimants of different sides giving figures that cannot both be true.
    if contested:
        return "contested"
    # An admission against interest (its own losses, or harm it caused to civilians).
    if conceded:
        return "conceded"
    if n_outlets > 1:
        return "corroborated"
    return "single_source"


def grade_claims(by_claimant: pd.DataFrame, incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Grade each incident x outcome x victim side (rows of :func:`claims_by_claimant`).

    In the spirit of Airwars' grading, first match wins:
    ``contested`` (claimants of different sides give figures that cannot both be true: ranges
    that do not overlap, or "several wounded" against "no injuries"), ``conceded`` (a
    belligerent states a non-zero figure against its interest: the victim side's own losses,
    or the attacker admitting civilian harm), ``corroborated`` (several outlets carry it),
    ``single_source``.

    >>> bc = pd.DataFrame({"key": ["i1", "i1", "i2"], "incident_id": ["i1", "i1", "i2"],
    ...     "outcome": ["injured"] * 3, "victim_side": ["us", "us", "factions"],
    ...     "claimant": ["CJTF-OIR", "Sabereen News", "Rudaw"], "claimant_side": ["us", "factions", "media"],
    ...     "low": [2, 5, 3], "high": [2, 5, 3], "outlets": ["Rudaw", "Rudaw", "Rudaw"]})
    >>> grade_claims(bc)[["key", "grade", "conceded"]]
      key          grade  conceded
    0  i1      contested      True
    1  i2  single_source     False
    """
    attackers = {}
    if incidents is not None and "attacker_side" in incidents.columns:
        attackers = dict(zip(incidents["incident_id"], incidents["attacker_side"]))
    rows = []
    for (key, outcome, victim_side), grp in by_claimant.groupby(["key", "outcome", "victim_side"], sort=True):
        outlets = {o.strip() for s in grp["outlets"] if s is not None for o in str(s).split(",") if o.strip()}
        highs = pd.to_numeric(grp["high"], errors="coerce")
        attacker = attackers.get(grp["incident_id"].iloc[0])
        against = (grp["claimant_side"] == victim_side) | ((victim_side == "civilians") & (grp["claimant_side"] == attacker))
        conceded = bool((against & (highs.fillna(0) > 0) & (grp["claimant_side"] != "media")).any())
        rows.append((key, outcome, victim_side, _grade(_contested(grp), conceded, len(outlets)), conceded))
    return pd.DataFrame(rows, columns=["key", "outcome", "victim_side", "grade", "conceded"])


def claim_gaps(claims: pd.DataFrame, articles: pd.DataFrame | None = None, *, incidents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per incident x outcome x victim side: the claimants' figures, the gap and the grade.

    ``min``/``max`` span every claimant's figures, ``gap`` is max - min, ``ratio`` max / min
    (NaN when the smallest figure is 0 or unknown); sorted by gap, largest first.

    >>> cl = pd.DataFrame({"claim_id": ["a:c1", "b:c1"], "article_id": ["a", "b"],
    ...     "incident_id": ["i1", "i1"], "outcome": ["injured"] * 2, "victim_side": ["us"] * 2,
    ...     "claimant": ["CJTF-OIR", "Sabereen News"], "claimant_side": ["us", "factions"],
    ...     "low": [2, 5], "high": [2, 5], "qualifier": ["exact", "exact"],
    ...     "date": pd.to_datetime(["2021-07-07"] * 2), "snippet": ["two wounded", "five wounded"]})
    >>> row = claim_gaps(cl).iloc[0]
    >>> row["figures"], int(row["gap"]), float(row["ratio"]), row["grade"]
    ('CJTF-OIR: 2; Sabereen News: 5', 3, 2.5, 'contested between sides')
    """
    cols = ["incident_id", "date", "outcome", "victim_side", "figures", "min", "max", "gap", "ratio",
            "n_sources", "n_outlets", "sides", "grade", "grade_key", "conceded", "kind", "location", "key"]
    if claims.empty:
        return pd.DataFrame(columns=cols)
    bc = claims_by_claimant(claims, articles)
    grades = grade_claims(bc, incidents)
    rows = []
    for (key, outcome, victim_side), grp in bc.groupby(["key", "outcome", "victim_side"], sort=True):
        lows = pd.to_numeric(grp["low"], errors="coerce")
        highs = pd.to_numeric(grp["high"], errors="coerce")
        lo, hi = lows.min(), highs.max()
        outlets = {o.strip() for s in grp["outlets"] for o in str(s).split(",") if o.strip()}
        figures = "; ".join(f"{c}: {_figure(l, h, o)}" for c, l, h, o in zip(grp["claimant"], grp["low"], grp["high"], grp["open_ended"]))
        rows.append((grp["incident_id"].iloc[0], grp["date"].min(), outcome, victim_side, figures,
                     lo, hi, hi - lo if pd.notna(lo) and pd.notna(hi) else np.nan,
                     hi / lo if pd.notna(lo) and pd.notna(hi) and lo > 0 else np.nan,
                     grp["claimant"].nunique(), len(outlets), ", ".join(sorted(set(grp["claimant_side"]))), key))
    out = pd.DataFrame(rows, columns=["incident_id", "date", "outcome", "victim_side", "figures", "min", "max",
                                      "gap", "ratio", "n_sources", "n_outlets", "sides", "key"])
    out = out.merge(grades.rename(columns={"grade": "grade_key"}), on=["key", "outcome", "victim_side"], how="left")
    out["grade"] = out["grade_key"].map(lambda g: _label("grades", g))
    if incidents is not None and len(incidents):
        where = incidents.drop_duplicates("incident_id").set_index("incident_id")
        for col in ("kind", "location"):
            known = where[col] if col in where.columns else pd.Series(dtype=object)
            out[col] = [known.get(i) if isinstance(i, str) else None for i in out["incident_id"]]
    else:
        out["kind"], out["location"] = None, None
    for col in ("min", "max", "gap"):
        out[col] = out[col].astype("Int64")
    out["ratio"] = out["ratio"].astype("float64").round(2)
    out = out.sort_values(["gap", "n_sources", "date", "key", "outcome"], ascending=[False, False, True, True, True],
                          na_position="last", ignore_index=True)
    return out[cols]


def _figure(low, high, open_ended: bool = False) -> str:
    """A claim's figure for reading: "2", "3-5", "5+" (at least, over), "vague"."""
    if pd.isna(low) and pd.isna(high):
        return "vague"
    if open_ended or pd.isna(high):
        return f"{int(low)}+"
    if low == high:
        return f"{int(low)}"
    return f"{int(low)}-{int(high)}"


def claims_table(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The claims with their sentence (snippet), outlet and date, readable.

    >>> cl = pd.DataFrame({"claim_id": ["a:c1"], "article_id": ["a"], "date": pd.to_datetime(["2021-07-07"]),
    ...     "incident_id": ["i1"], "claimant": ["CJTF-OIR"], "claimant_side": ["us"], "victim_side": ["us"],
    ...     "outcome": ["injured"], "low": [2], "high": [2], "qualifier": ["exact"], "snippet": ["two wounded"]})
    >>> claims_table(cl, pd.DataFrame({"article_id": ["a"], "outlet": ["Rudaw"]}))[["claimant", "figure", "outlet"]]
       claimant figure outlet
    0  CJTF-OIR      2  Rudaw
    """
    df = with_articles(claims, articles)
    df["figure"] = [_figure(l, h) for l, h in zip(df["low"], df["high"])]
    cols = [c for c in ("date", "incident_id", "outcome", "victim_side", "claimant", "claimant_side", "figure",
                        "qualifier", "outlet", "outlet_side", "snippet", "claim_id") if c in df.columns]
    return df.sort_values(["date", "claim_id"], na_position="last", ignore_index=True)[cols]


# -- 04: rhetoric ----------------------------------------------------------------------------
def _top_groups(df: pd.DataFrame, by: str, top: int | None) -> pd.Series:
    groups = df[by].astype(object).fillna("unknown")
    if top is None or groups.nunique() <= top:
        return groups
    keep = set(groups.value_counts().sort_index().sort_values(ascending=False, kind="stable").index[:top])
    return groups.where(groups.isin(keep), "others")


def _group_label(by: str, key) -> str:
    """Readable name of a group: a side's label, or the value itself (a speaker, an outlet)."""
    return _label("sides", key) if by.endswith("_side") and key != "others" else str(key)


def escalation_over_time(quotes: pd.DataFrame, *, by: str = "speaker_side", freq: str = "M", top: int | None = 8) -> pd.DataFrame:
    """Mean escalation score (-1 calm ... +1 threatening) of quotes per period and ``by``.

    ``by`` is ``speaker`` or ``speaker_side``; beyond the ``top`` most quoted groups the rest
    are pooled as ``others`` so that the chart stays readable on thousands of quotes.

    >>> q = pd.DataFrame({"date": pd.to_datetime(["2021-06-30", "2021-06-30", "2021-07-09"]),
    ...     "speaker_side": ["factions", "factions", "us"], "escalation": [0.5, 0.7, -0.5]})
    >>> escalation_over_time(q, freq="M")
          period       key           group  escalation  n_quotes
    0 2021-06-01  factions  Iraqi factions         0.6         2
    1 2021-07-01        us  US & coalition        -0.5         1
    """
    if by not in ("speaker", "speaker_side"):
        raise ValueError(f"by must be 'speaker' or 'speaker_side', not {by!r}")
    df = quotes.assign(period=_period(quotes["date"], freq), key=_top_groups(quotes, by, top),
                       escalation=pd.to_numeric(quotes["escalation"], errors="coerce").astype("float64"))
    df = df.dropna(subset=["period", "escalation"])
    out = df.groupby(["period", "key"], sort=True).agg(escalation=("escalation", "mean"), n_quotes=("escalation", "size")).reset_index()
    out.insert(2, "group", out["key"].map(lambda k: _group_label(by, k)))
    out["escalation"] = out["escalation"].round(3)
    return out.astype({"n_quotes": "int64"})


def stance_mix(quotes: pd.DataFrame, *, by: str = "speaker_side", top: int | None = 12) -> pd.DataFrame:
    """Quotes per ``by`` and stance, with each stance's share of the group's quotes.

    >>> q = pd.DataFrame({"speaker_side": ["factions", "factions", "us"],
    ...                   "stance": ["escalatory", "deescalatory", "informational"]})
    >>> stance_mix(q)[["group", "stance", "n_quotes", "share"]]
                group         stance  n_quotes  share
    0  Iraqi factions   deescalatory         1    0.5
    1  Iraqi factions     escalatory         1    0.5
    2  US & coalition  informational         1    1.0
    """
    df = quotes.assign(key=_top_groups(quotes, by, top), stance=quotes["stance"].astype(object).fillna("unknown"))
    out = df.groupby(["key", "stance"], sort=True).size().reset_index(name="n_quotes")
    out.insert(1, "group", out["key"].map(lambda k: _group_label(by, k)))
    out["share"] = (out["n_quotes"] / out.groupby("key")["n_quotes"].transform("sum")).round(3)
    return out.astype({"n_quotes": "int64"})


def quotes_table(quotes: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Quotes with speaker, side, stance, escalation, outlet and date, readable.

    >>> q = pd.DataFrame({"quote_id": ["a:q1"], "article_id": ["a"], "date": pd.to_datetime(["2021-06-30"]),
    ...     "text": ["We will respond"], "speaker": ["Qais al-Khazali"], "speaker_side": ["factions"],
    ...     "stance": ["escalatory"], "escalation": [0.6], "cues": [["respond"]]})
    >>> quotes_table(q, pd.DataFrame({"article_id": ["a"], "outlet": ["Press TV"]}))[["speaker", "cues", "outlet"]]
               speaker     cues    outlet
    0  Qais al-Khazali  respond  Press TV
    """
    df = with_articles(quotes, articles)
    if "cues" in df.columns:
        df["cues"] = df["cues"].map(lambda v: ", ".join(_as_list(v)))
    cols = [c for c in ("date", "speaker", "speaker_side", "stance", "escalation", "text", "cues", "outlet",
                        "outlet_side", "quote_id") if c in df.columns]
    return df.sort_values(["date", "quote_id"], na_position="last", ignore_index=True)[cols]
