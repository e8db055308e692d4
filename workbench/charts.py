"""Chart builders: small aggregated frames (from :mod:`workbench.analysis`) in, altair charts out.

Builders return a chart and never display it. Interactivity lives in the Vega-Lite spec, so
an exported HTML report stays filterable without a kernel: dropdowns bound to a field
(``All`` shows everything), and an interval brush on a small overview strip under each
timeline (drag to zoom the chart above, double-click to reset). Colours of sides, kinds,
stances and grades are fixed (``data/labels.yaml``) so they mean the same in every notebook.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbench.analysis import LABELS, _plain

__all__ = [
    "articles_chart", "date_basis_chart", "attacks_chart", "tallies_chart", "claim_gap_chart",
    "escalation_chart", "stance_mix_chart", "timeline_with_events", "WIDTH",
]

WIDTH = 640
PERIOD_UNITS = {"W": ("yearweek", "Week (from Sunday)", "week of %d %b %Y"),
                "M": ("yearmonth", "Month", "%b %Y"), "Q": ("yearquarter", "Quarter", "Q%q %Y"),
                "Y": ("year", "Year", "%Y"), "D": ("yearmonthdate", "Day", "%d %b %Y")}
COLORS = LABELS["colors"]
MIN_BAR_PX = 6


def _palette(kind: str, label_kind: str | None = None) -> tuple[list, list]:
    """(domain, range) of a fixed colour scale, domain in readable labels when ``label_kind``."""
    items = COLORS[kind].items()
    if label_kind:
        return [LABELS[label_kind].get(k, k) for k, _ in items], [c for _, c in items]
    return [k for k, _ in items], [c for _, c in items]


def _color(field: str, title: str, kind: str | None, label_kind: str | None, values) -> alt.Color:
    if kind:
        domain, rng = _palette(kind, label_kind)
        present = [v for v in domain if v in set(values)]
        extra = sorted(set(values) - set(domain))
        pairs = [(v, rng[domain.index(v)]) for v in present] + [(v, "#bcbd22") for v in extra]
        if pairs:
            return alt.Color(f"{field}:N", title=title, scale=alt.Scale(domain=[p[0] for p in pairs], range=[p[1] for p in pairs]),
                             legend=alt.Legend(orient="right"))
    return alt.Color(f"{field}:N", title=title, scale=alt.Scale(scheme="tableau10"), legend=alt.Legend(orient="right"))


def _dropdown(field: str, values, name: str) -> alt.Parameter:
    """A point selection on ``field`` bound to a dropdown whose first choice (All) selects nothing."""
    options = sorted({str(v) for v in values if v is not None and not pd.isna(v)})
    return alt.selection_point(
        fields=[field], name=f"pick_{field}",
        bind=alt.binding_select(options=[None, *options], labels=["All", *options], name=name),
    )


def _empty(message: str, *, height: int = 60) -> alt.Chart:
    """A chart that says there is nothing to show, instead of drawing empty axes."""
    return (alt.Chart(pd.DataFrame({"message": [message]}))
            .mark_text(align="left", baseline="middle", fontSize=13, color="#666")
            .encode(text="message:N")
            .properties(width=WIDTH, height=height))


def _timeline(df: pd.DataFrame, *, freq: str, y: str, y_title: str, color: alt.Color, tooltip: list,
              title: str, subtitle: str | list[str], dropdown: alt.Parameter | None, overview_y: str) -> alt.VConcatChart:
    """Stacked bars per period above an overview strip carrying an interval brush on time."""
    unit, axis_title, fmt = PERIOD_UNITS[freq]
    brush = alt.selection_interval(encodings=["x"], name="span")
    x_detail = alt.X(f"{unit}(period):T", title=axis_title, scale=alt.Scale(domain=brush), axis=alt.Axis(format=_axis_format(df, freq)))
    detail = (alt.Chart(df).mark_bar(**_bar_width(df, freq)).encode(
        x=x_detail, y=alt.Y(f"sum({y}):Q", title=y_title, axis=alt.Axis(tickMinStep=1)), color=color, tooltip=tooltip)
        .properties(width=WIDTH, height=260))
    if dropdown is not None:
        detail = detail.add_params(dropdown).transform_filter(dropdown)
    return alt.vconcat(detail, _overview(df, unit, overview_y, brush), spacing=8).properties(
        title=alt.Title(title, subtitle=subtitle, anchor="start"))


PERIOD_DAYS = {"D": 1, "W": 7, "M": 30.4, "Q": 91.3, "Y": 365.25}


def _bar_width(df: pd.DataFrame, freq: str) -> dict:
    """A fixed bar width when a long span would draw each period thinner than ``MIN_BAR_PX``
    (weeks over several years are slivers otherwise); else the period's own width."""
    if df.empty:
        return {}
    dates = pd.to_datetime(df["period"])
    span_days = (dates.max() - dates.min()).days + PERIOD_DAYS[freq]
    return {"width": MIN_BAR_PX} if WIDTH * PERIOD_DAYS[freq] / span_days < MIN_BAR_PX else {}


def _axis_format(df: pd.DataFrame, freq: str) -> str:
    """Tick labels: days for a weekly axis spanning under a year, else months (ticks are not weeks)."""
    if freq in ("W", "D") and not df.empty:
        span = pd.to_datetime(df["period"]).max() - pd.to_datetime(df["period"]).min()
        if span <= pd.Timedelta(days=366):
            return "%d %b %Y"
    return PERIOD_UNITS[freq][2] if freq not in ("W", "D") else "%b %Y"


def _overview(df: pd.DataFrame, unit: str, y: str, brush: alt.Parameter) -> alt.Chart:
    """The small strip under a timeline that carries the zoom brush."""
    return (alt.Chart(df).mark_bar(color="#999", minBandSize=2).encode(
        x=alt.X(f"{unit}(period):T", title="Drag across this strip to zoom the chart above (double-click to reset)",
                axis=alt.Axis(format="%b %Y")),
        y=alt.Y(f"sum({y}):Q", title=None, axis=alt.Axis(labels=False, ticks=False, grid=False)))
        .add_params(brush).properties(width=WIDTH, height=45))


# -- 01 ---------------------------------------------------------------------------------------
def articles_chart(per_period: pd.DataFrame, *, freq: str = "M", by: str = "outlet_side") -> alt.TopLevelMixin:
    """Articles per period, stacked by outlet side (or outlet); rows of ``analysis.articles_per_period``."""
    if per_period.empty:
        return _empty("No dated articles to show.")
    df = _plain(per_period)
    is_side = by == "outlet_side"
    color = _color("group", "Outlet side" if is_side else "Outlet", "sides" if is_side else None,
                   "sides" if is_side else None, df["group"])
    unit, axis_title, fmt = PERIOD_UNITS[freq]
    tooltip = [alt.Tooltip(f"{unit}(period):T", title=axis_title, format=fmt), alt.Tooltip("group:N", title="Outlet side" if is_side else "Outlet"),
               alt.Tooltip("sum(n_articles):Q", title="Articles"), alt.Tooltip("sum(n_reprints):Q", title="of which reprints")]
    return _timeline(df, freq=freq, y="n_articles", y_title="Articles published", color=color, tooltip=tooltip,
                     title="Articles per " + axis_title.split(" ")[0].lower(),
                     subtitle=f"{int(df['n_articles'].sum()):,} dated articles, by publication date",
                     dropdown=_dropdown("group", df["group"], "Outlet side " if is_side else "Outlet "), overview_y="n_articles")


def date_basis_chart(basis: pd.DataFrame) -> alt.Chart:
    """How publication dates were settled (rows of ``analysis.date_basis``)."""
    if basis.empty:
        return _empty("No articles.")
    df = _plain(basis)
    return (alt.Chart(df).mark_bar().encode(
        y=alt.Y("label:N", title=None, sort="-x"), x=alt.X("n_articles:Q", title="Articles", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("label:N", legend=None, scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("label:N", title="Date basis"), alt.Tooltip("n_articles:Q", title="Articles")])
        .properties(width=WIDTH - 160, height=alt.Step(26),
                    title=alt.Title("Where each publication date comes from", anchor="start",
                                    subtitle="Catalog and metadata dates are firm; inferred dates are read from the text")))


# -- 02 ---------------------------------------------------------------------------------------
def attacks_chart(per_period: pd.DataFrame, *, freq: str = "W", by: str = "kind") -> alt.TopLevelMixin:
    """Distinct incidents per period, stacked by direction or weapon (``analysis.attacks_per_period``)."""
    if per_period.empty:
        return _empty("No dated attacks to count.")
    df = _plain(per_period)
    is_kind = by == "kind"
    color = _color("group", "Direction" if is_kind else "Weapon", "kinds" if is_kind else None,
                   "kinds" if is_kind else None, df["group"])
    unit, axis_title, fmt = PERIOD_UNITS[freq]
    tooltip = [alt.Tooltip(f"{unit}(period):T", title=axis_title, format=fmt), alt.Tooltip("group:N", title="Direction" if is_kind else "Weapon"),
               alt.Tooltip("sum(n_incidents):Q", title="Incidents")]
    sub = [f"Distinct incidents (one attack reported by several outlets counts once), {'by direction' if is_kind else 'by weapon'}"]
    if not is_kind:
        sub.append("An attack with rockets and drones counts under both")
    return _timeline(df, freq=freq, y="n_incidents", y_title="Attacks (distinct incidents)", color=color, tooltip=tooltip,
                     title="Attacks per " + axis_title.split(" ")[0].lower(), subtitle=sub,
                     dropdown=_dropdown("group", df["group"], "Direction " if is_kind else "Weapon "),
                     overview_y="n_incidents")


def tallies_chart(cumulative: pd.DataFrame, tallies: pd.DataFrame) -> alt.TopLevelMixin:
    """Official running tallies (diamonds) against the workbench's cumulative count (steps).

    ``cumulative`` is ``analysis.cumulative_incidents`` (from the earliest tally's start);
    ``tallies`` is ``analysis.tallies_vs_count``: each tally also shows what the workbench
    counted over the same window (circle), joined to the stated figure by a rule.
    """
    if tallies.empty and cumulative.empty:
        return _empty("No running tallies are quoted in these articles, and no attacks to count.")
    layers = []
    x = alt.X("date:T", title="Date", axis=alt.Axis(format="%d %b %Y"))
    y_title = "Attacks since the start of the count"
    if not cumulative.empty:
        cum = _plain(cumulative)
        base = alt.Chart(cum).encode(x=x, y=alt.Y("cumulative:Q", title=y_title))
        tip = [alt.Tooltip("date:T", title="Date", format="%d %b %Y"), alt.Tooltip("n_incidents:Q", title="New incidents"),
               alt.Tooltip("cumulative:Q", title="Workbench running count")]
        layers += [base.mark_line(interpolate="step-after", color="#1f77b4").encode(tooltip=tip),
                   base.mark_point(color="#1f77b4", filled=True, size=30).encode(tooltip=tip)]
    if not tallies.empty:
        t = _plain(tallies.dropna(subset=["as_of"]).rename(columns={"as_of": "date"}))
        t["claim"] = [f"{q.replace('_', ' ')} {n}" if q not in (None, "exact") else f"{n}" for q, n in zip(t["qualifier"], t["stated"])]
        t["since_label"] = pd.to_datetime(t["since"]).dt.strftime("%d %b %Y").where(t["since"].notna(), "the beginning")
        tip = [alt.Tooltip("date:T", title="As of", format="%d %b %Y"), alt.Tooltip("claimant:N", title="Claimant"),
               alt.Tooltip("claim:N", title="Stated"), alt.Tooltip("since_label:N", title="Since"),
               alt.Tooltip("counted:Q", title="Workbench count, same window"), alt.Tooltip("snippet:N", title="Sentence")]
        base = alt.Chart(t).encode(x=x, tooltip=tip)
        # The pace the tally implies: from 0 at its start to the stated figure at its date.
        pace = pd.concat([
            pd.DataFrame({"tally_id": t["tally_id"], "date": t["since"], "value": 0}).dropna(subset=["date"]),
            pd.DataFrame({"tally_id": t["tally_id"], "date": t["date"], "value": t["stated"]})], ignore_index=True)
        if not pace.empty:
            layers.append(alt.Chart(_plain(pace)).mark_line(color="#d62728", strokeDash=[2, 4], opacity=0.6)
                          .encode(x=x, y=alt.Y("value:Q", title=y_title), detail="tally_id:N"))
        layers += [
            base.mark_rule(color="#d62728", strokeDash=[4, 3]).encode(y=alt.Y("counted:Q", title=y_title), y2="stated:Q"),
            base.mark_point(shape="diamond", filled=True, size=140, color="#d62728").encode(y="stated:Q"),
            base.mark_point(shape="circle", filled=False, size=90, color="#1f77b4").encode(y="counted:Q"),
            base.mark_text(align="left", dx=9, dy=-4, color="#d62728").encode(y="stated:Q", text=alt.Text("claim:N")),
        ]
    return (alt.layer(*layers).properties(width=WIDTH, height=300, title=alt.Title(
        "Official running tallies vs the workbench's own count", anchor="start",
        subtitle=["Red diamond: a tally an article quotes ('at least 78 attacks since mid-October'); dotted: the pace it implies",
                  "Blue steps: distinct incidents the workbench found since the tally's start; dashed rule: the gap"]))
        .interactive(bind_y=False))


# -- 03 ---------------------------------------------------------------------------------------
def claim_gap_chart(by_claimant: pd.DataFrame, gaps: pd.DataFrame, *, top: int = 30) -> alt.TopLevelMixin:
    """Each claimant's figure per incident, side by side (dumbbell), sorted by gap.

    ``by_claimant`` is ``analysis.claims_by_claimant``; ``gaps`` is ``analysis.claim_gaps``
    (gives the order, the grade and the span). Only the ``top`` rows with the largest gaps are
    drawn; vague claims (no number) are listed in the table, not drawn.
    """
    g = gaps.dropna(subset=["min"]).head(top)
    if g.empty:
        return _empty("No casualty claims with a number to compare.")
    g = _plain(g)
    g["row"] = [_row_label(r) for r in g.itertuples()]
    order = list(dict.fromkeys(g["row"]))
    keys = g[["key", "outcome", "victim_side", "row", "grade", "gap"]]
    bc = _plain(by_claimant.merge(keys, on=["key", "outcome", "victim_side"], how="inner").dropna(subset=["low"]))
    bc["claimant_side_label"] = bc["claimant_side"].map(lambda s: LABELS["sides"].get(s, s))
    bc["figure"] = [f"{int(lo)}" if hi == lo else f"{int(lo)}-{int(hi)}" for lo, hi in zip(bc["low"], bc["high"])]
    bc["figure"] = [f + "+" if o else f for f, o in zip(bc["figure"], bc["open_ended"])]
    outcome = _dropdown("outcome", g["outcome"], "Outcome ")
    grade = _dropdown("grade", g["grade"], "Grade ")
    y = alt.Y("row:N", title=None, sort=order, axis=alt.Axis(labelLimit=480))
    x = alt.X("value:Q", title="People killed or injured, as claimed", scale=alt.Scale(zero=True))
    span = (alt.Chart(g).mark_rule(color="#999", strokeWidth=3).encode(
        y=y, x=alt.X("min:Q", title="People killed or injured, as claimed"), x2="max:Q",
        tooltip=[alt.Tooltip("row:N", title="Incident"), alt.Tooltip("figures:N", title="Claims"),
                 alt.Tooltip("gap:Q", title="Gap"), alt.Tooltip("ratio:Q", title="Ratio", format=".2f"),
                 alt.Tooltip("grade:N", title="Grade")])
        .transform_filter(outcome).transform_filter(grade))
    gd, gr = _palette("sides", "sides")
    present = set(bc["claimant_side_label"])
    gd, gr = [d for d in gd if d in present] or gd, [r for d, r in zip(gd, gr) if d in present] or gr
    dots = (alt.Chart(bc).transform_calculate(value="datum.low").mark_point(filled=True, size=110, opacity=0.9).encode(
        y=y, x=x,
        color=alt.Color("claimant_side_label:N", title="Claimant's side", scale=alt.Scale(domain=gd, range=gr), legend=alt.Legend(orient="top", columns=5)),
        shape=alt.Shape("claimant_side_label:N", title="Claimant's side", scale=alt.Scale(domain=gd)),
        tooltip=[alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("claimant_side_label:N", title="Side"),
                 alt.Tooltip("figure:N", title="Figure"), alt.Tooltip("qualifiers:N", title="Qualifier"),
                 alt.Tooltip("outlets:N", title="Reported by"), alt.Tooltip("snippet:N", title="Sentence"),
                 alt.Tooltip("grade:N", title="Grade")])
        .transform_filter(outcome).transform_filter(grade))
    n = len(order)
    return (alt.layer(span, dots).add_params(outcome, grade)
            .properties(width=WIDTH - 240, height=alt.Step(24) if n > 3 else 110, title=alt.Title(
                "Casualty claims per incident: who says how many", anchor="start",
                subtitle=[f"Each dot is one claimant's figure; the grey bar spans the claims; largest gaps first ({n} shown)",
                          "Row: date · what happened · outcome of whom [grade]"])))


def _row_label(r) -> str:
    date = pd.Timestamp(r.date).strftime("%Y-%m-%d") if pd.notna(r.date) else "undated"
    if isinstance(r.kind, str):
        what = LABELS["kinds"].get(r.kind, r.kind).replace("attacks", "attack").replace("strikes", "strike")
        what += f" at {r.location}" if isinstance(r.location, str) and r.location else ""
    elif isinstance(r.incident_id, str):
        what = r.incident_id[11:] if r.incident_id[:4].isdigit() and len(r.incident_id) > 11 else r.incident_id
    else:
        what = "claim linked to no attack"
    victim = LABELS["sides"].get(r.victim_side, r.victim_side)
    grade = LABELS["grades"].get(r.grade_key, r.grade_key)
    return f"{date} · {what} · {r.outcome}: {victim} [{grade}]"


# -- 04 ---------------------------------------------------------------------------------------
def escalation_chart(per_period: pd.DataFrame, *, freq: str = "M", by: str = "speaker_side") -> alt.TopLevelMixin:
    """Mean escalation of quotes per period and group (``analysis.escalation_over_time``)."""
    if per_period.empty:
        return _empty("No dated quotes to show.")
    return timeline_with_events(per_period, None, freq=freq, by=by)


def timeline_with_events(escalation: pd.DataFrame, incidents: pd.DataFrame | None, *, freq: str = "M",
                         by: str = "speaker_side") -> alt.TopLevelMixin:
    """Escalation lines per group with attacks marked as ticks along the same time axis.

    ``incidents`` (optional) is ``analysis.attacks_per_period(..., by="kind")`` at the same
    ``freq``: each period with attacks gets a tick at the bottom, coloured by direction, so
    tone can be read against what happened. An overview strip below carries a brush to zoom.
    """
    if escalation.empty:
        return _empty("No dated quotes to show.")
    df = _plain(_with_gaps(escalation, freq))
    unit, axis_title, fmt = PERIOD_UNITS[freq]
    brush = alt.selection_interval(encodings=["x"], name="span")
    group = _dropdown("group", df["group"], "Speaker side " if by == "speaker_side" else "Speaker ")
    is_side = by == "speaker_side"
    color = _color("group", "Speaker side" if is_side else "Speaker", "sides" if is_side else None, "sides" if is_side else None, df["group"])
    x = alt.X(f"{unit}(period):T", title=axis_title, scale=alt.Scale(domain=brush), axis=alt.Axis(format=_axis_format(df, freq)))
    tip = [alt.Tooltip(f"{unit}(period):T", title=axis_title, format=fmt), alt.Tooltip("group:N", title="Speaker side" if is_side else "Speaker"),
           alt.Tooltip("escalation:Q", title="Mean escalation", format="+.2f"), alt.Tooltip("n_quotes:Q", title="Quotes")]
    base = alt.Chart(df).encode(x=x, y=alt.Y("escalation:Q", title="Mean escalation (−1 calming … +1 threatening)",
                                             scale=alt.Scale(domain=[-1, 1])), color=color, tooltip=tip)
    # Periods with no quotes break the line instead of joining distant months.
    lines = base.mark_line(strokeWidth=2, invalid="break-paths-show-domains").add_params(group).transform_filter(group)
    points = (base.mark_circle(opacity=0.9).encode(size=alt.Size("n_quotes:Q", title="Quotes", legend=alt.Legend(orient="right")))
              .transform_filter(group).transform_filter("isValid(datum.escalation)"))
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#bbb").encode(y="y:Q")
    layers = [zero, lines, points]
    subtitle = ["Mean escalation score of the quotes each side (or speaker) gave that period; dot size: number of quotes"]
    strip = df[["period", "n_quotes"]].rename(columns={"n_quotes": "n"})
    if incidents is not None and not incidents.empty:
        inc = _plain(incidents)
        kinds = {LABELS["kinds"][k]: c for k, c in COLORS["kinds"].items()}
        inc["tick_color"] = inc["group"].map(kinds).fillna("#7f7f7f")
        ticks = (alt.Chart(inc).mark_tick(thickness=3, size=16).encode(
            x=x, y=alt.datum(-0.93), color=alt.Color("tick_color:N", scale=None, legend=None),
            tooltip=[alt.Tooltip(f"{unit}(period):T", title=axis_title, format=fmt), alt.Tooltip("group:N", title="Attacks"),
                     alt.Tooltip("n_incidents:Q", title="Incidents")]))
        layers.append(ticks)
        subtitle.append("Ticks along the bottom: periods with attacks (red: on US forces, blue: US strikes, grey: other)")
        strip = pd.concat([strip, inc[["period", "n_incidents"]].rename(columns={"n_incidents": "n"})], ignore_index=True)
    chart = alt.layer(*layers).properties(width=WIDTH, height=280)
    return alt.vconcat(chart, _overview(strip, unit, "n", brush), spacing=8).properties(
        title=alt.Title("Escalation over time", anchor="start", subtitle=subtitle))


def _with_gaps(per_period: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Add an empty (NaN) row after each group's period that is not followed by the next period."""
    step = pd.tseries.frequencies.to_offset({"W": "7D", "M": "MS", "Q": "QS", "Y": "YS", "D": "D"}[freq])
    rows = []
    for key, grp in per_period.groupby("key", sort=True):
        periods = set(grp["period"])
        for p in grp["period"]:
            nxt = p + step
            if nxt not in periods and nxt <= per_period["period"].max():
                rows.append({"period": nxt, "key": key, "group": grp["group"].iloc[0], "escalation": float("nan"), "n_quotes": float("nan")})
    if not rows:
        return per_period
    return pd.concat([per_period, pd.DataFrame(rows)], ignore_index=True).sort_values(["period", "key"], ignore_index=True)


def stance_mix_chart(mix: pd.DataFrame) -> alt.TopLevelMixin:
    """Share of each stance in each group's quotes (``analysis.stance_mix``)."""
    if mix.empty:
        return _empty("No quotes to show.")
    df = _plain(mix)
    sd, sr = _palette("stances")
    order = (df.groupby("group")["n_quotes"].sum().sort_values(ascending=False, kind="stable").index.tolist())
    stance = _dropdown("stance", df["stance"], "Stance ")
    return (alt.Chart(df).mark_bar().encode(
        y=alt.Y("group:N", title=None, sort=order, axis=alt.Axis(labelLimit=220)),
        x=alt.X("sum(n_quotes):Q", stack="normalize", title="Share of the group's quotes", axis=alt.Axis(format="%")),
        color=alt.Color("stance:N", title="Stance", scale=alt.Scale(domain=sd, range=sr), legend=alt.Legend(orient="top")),
        order=alt.Order("stance_rank:Q"),
        opacity=alt.condition(stance, alt.value(1.0), alt.value(0.25)),
        tooltip=[alt.Tooltip("group:N", title="Group"), alt.Tooltip("stance:N", title="Stance"),
                 alt.Tooltip("n_quotes:Q", title="Quotes"), alt.Tooltip("share:Q", title="Share", format=".0%")])
        .transform_calculate(stance_rank=f"indexof({sd!r}, datum.stance)")
        .add_params(stance)
        .properties(width=WIDTH - 200, height=alt.Step(22), title=alt.Title(
            "Stance mix", anchor="start", subtitle="Share of quotes that threaten, condemn, inform or calm; groups by number of quotes")))
