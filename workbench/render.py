"""Offline, deterministic display of charts and tables in notebooks and exported HTML.

Altair's default renderer fetches Vega from a CDN and names each chart with a random id;
this one embeds the Vega bundle shipped by ``vl-convert`` (once per notebook) and names each
chart from a hash of its spec, so that charts draw with no network, in JupyterLab, Voilà and
nbconvert HTML alike, and re-executed notebooks give the same output.

Tables go through itables in offline mode (its DataTables bundle is emitted by
:func:`enable`), with HTML escaping on: article text is shown as text, never as markup.

A notebook calls ``workbench.render.enable()`` as the last line of its first code cell.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

__all__ = ["enable", "renderer", "chart_html", "show_table", "table_html", "RENDERER_NAME"]

RENDERER_NAME = "workbench"
READY_EVENT = "workbench-vega-ready"
EMBED_OPTIONS = {"actions": {"export": True, "source": False, "compiled": False, "editor": False}, "mode": "vega-lite"}

# What one kernel has emitted so far (the Vega bundle, the ids in use).
_STATE: dict = {"bundle": False, "ids": {}}

# Characters that must not appear raw in JSON inside a <script> element.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def _script_json(obj) -> str:
    """JSON safe to embed in a <script>: no ``</script>`` or ``<!--`` can close it early."""
    text = json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return "".join(_SCRIPT_ESCAPES.get(ch, ch) for ch in text)


def _unique_id(prefix: str, payload: str) -> str:
    """An id from a hash of the content, with a counter when the same content shows again."""
    base = f"{prefix}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"
    n = _STATE["ids"].get(base, 0) + 1
    _STATE["ids"][base] = n
    return base if n == 1 else f"{base}-{n}"


@lru_cache(maxsize=1)
def vega_bundle_html() -> str:
    """A <script> defining ``window.vegaEmbed`` from vl-convert's bundle (about 0.9 MB)."""
    import vl_convert

    js = vl_convert.javascript_bundle()
    if "</script" in js.lower():  # never expected; would end the element early
        js = js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    # A function scope, so that the bundle's top-level names cannot clash on a second run.
    return (f'<script type="text/javascript">if (!window.vegaEmbed) {{ (function() {{\n{js}\n}})(); }}\n'
            f'window.dispatchEvent(new Event("{READY_EVENT}"));</script>')


@lru_cache(maxsize=1)
def itables_bundle_html() -> str:
    """itables' offline DataTables bundle (CSS and JS, base64-embedded)."""
    from itables import javascript, options

    return javascript.generate_init_offline_itables_html(options.dt_bundle)


def chart_html(spec: dict, *, with_bundle: bool = False) -> str:
    """The HTML of one chart: a div named from the spec's hash and a script drawing into it."""
    payload = _script_json(spec)
    div_id = _unique_id("wb-vega", payload)
    script = (
        "<script type=\"text/javascript\">(function() {\n"
        f"  var spec = {payload};\n"
        f"  var opts = {_script_json(EMBED_OPTIONS)};\n"
        "  function draw() {\n"
        f"    window.vegaEmbed(\"#{div_id}\", spec, opts).catch(function(err) {{\n"
        f"      document.getElementById(\"{div_id}\").textContent = \"Chart error: \" + err;\n"
        "    });\n"
        "  }\n"
        f"  if (window.vegaEmbed) {{ draw(); }} else {{ window.addEventListener(\"{READY_EVENT}\", draw, {{once: true}}); }}\n"
        "})();</script>"
    )
    bundle = vega_bundle_html() if with_bundle else ""
    return f'{bundle}<div id="{div_id}" class="wb-chart"></div>{script}'


def renderer(spec: dict, **metadata) -> dict:
    """Altair renderer: the first chart of a kernel also carries the Vega bundle."""
    with_bundle = not _STATE["bundle"]
    _STATE["bundle"] = True
    return {"text/html": chart_html(spec, with_bundle=with_bundle), "text/plain": "<chart>"}


@dataclass(frozen=True)
class _Bundles:
    """What :func:`enable` returns: shown as a cell output, it loads Vega and DataTables."""

    def _repr_html_(self) -> str:
        _STATE["bundle"] = True
        return (vega_bundle_html() + itables_bundle_html()
                + '<div class="wb-ready" style="color:#888;font-size:smaller">'
                  "Charts and tables load offline (workbench renderer).</div>")

    def __repr__(self) -> str:
        return "workbench renderer enabled"


def enable(*, reset: bool = True) -> _Bundles:
    """Register and enable the offline renderer; show the result to load Vega and DataTables.

    ``reset`` forgets the ids emitted so far (a fresh notebook run starts from the same ids).
    """
    import altair as alt

    if RENDERER_NAME not in alt.renderers.names():
        alt.renderers.register(RENDERER_NAME, renderer)
    alt.renderers.enable(RENDERER_NAME)
    if reset:
        _STATE["bundle"] = False
        _STATE["ids"] = {}
    return _Bundles()


# -- tables ----------------------------------------------------------------------------------
def _readable(df: pd.DataFrame) -> pd.DataFrame:
    """Dates without a time of day as ``YYYY-MM-DD``, lists joined, floats rounded."""
    out = df.copy()
    for col in out.columns:
        s = out[col]
        if pd.api.types.is_datetime64_any_dtype(s):
            if (s.dropna() == s.dropna().dt.normalize()).all():
                out[col] = s.dt.strftime("%Y-%m-%d").astype(object).where(s.notna(), "")
        elif s.dtype == object and s.map(lambda v: isinstance(v, (list, tuple))).any():
            out[col] = s.map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        elif pd.api.types.is_float_dtype(s):
            out[col] = s.round(3)
        elif isinstance(s.dtype, pd.StringDtype) or s.dtype == object:
            out[col] = s.astype(object).where(s.notna(), "")  # a missing title reads as blank, not "NaN"
    return out


def table_html(df: pd.DataFrame, columns=None, *, caption: str | None = None, page_length: int = 10,
               max_rows: int = 20_000, wide: tuple[str, ...] = ("snippet", "text", "title", "figures")) -> str:
    """An interactive (sortable, searchable) table as HTML; every cell is escaped."""
    import html

    from itables import to_html_datatable

    view = df if columns is None else df[[c for c in columns if c in df.columns]]
    if view.empty:
        return f'<p class="wb-empty"><em>{html.escape(caption or "Table")}: no rows.</em></p>'
    note = ""
    if len(view) > max_rows:
        note = f" (first {max_rows:,} of {len(view):,} rows)"
        view = view.head(max_rows)
    view = _readable(view.reset_index(drop=True))
    payload = view.to_json(orient="split", date_format="iso", default_handler=str) + (caption or "")
    table_id = _unique_id("wb-table", payload)
    wide_idx = [i for i, c in enumerate(view.columns) if c in wide]
    column_defs = [{"targets": wide_idx, "width": "40%", "className": "dt-left"}] if wide_idx else []
    return to_html_datatable(
        view, caption=(caption or "") + note or None, table_id=table_id, connected=False, allow_html=False,
        classes="display compact cell-border", pageLength=page_length, maxBytes=0, maxColumns=0,
        columnDefs=column_defs, showIndex=False, autoWidth=False, display_logo_when_loading=False,
        style="width:100%;table-layout:auto;font-size:0.85em",
    )


def show_table(df: pd.DataFrame, columns=None, **options):
    """An interactive table to show as a cell's output (see :func:`table_html` for options)."""
    from IPython.display import HTML

    return HTML(table_html(df, columns, **options))
