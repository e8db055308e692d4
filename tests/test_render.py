"""workbench.render: offline, deterministic HTML for charts and tables, article text escaped."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest

from workbench import render


@pytest.fixture(autouse=True)
def fresh_state():
    render._STATE.update(bundle=False, ids={})
    yield
    render._STATE.update(bundle=False, ids={})


def _chart(title="Attacks"):
    return alt.Chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]})).mark_bar().encode(x="x:Q", y="y:Q").properties(title=title)


def test_enable_registers_renderer_and_emits_bundles_once():
    bundles = render.enable()
    assert alt.renderers.active == "workbench"
    html = bundles._repr_html_()
    assert "window.vegaEmbed" in html and "_itables_" in html
    out = render.renderer(_chart().to_dict())["text/html"]
    assert "window.vegaEmbed=" not in out and len(out) < 20_000  # no second bundle


def test_first_chart_carries_the_bundle_without_enable():
    first = render.renderer(_chart().to_dict())["text/html"]
    second = render.renderer(_chart("Other").to_dict())["text/html"]
    assert "window.vegaEmbed=" in first and len(first) > 500_000
    assert "window.vegaEmbed=" not in second
    assert "cdn" not in second.lower() and "https://cdn" not in first


def test_ids_from_the_spec_hash_are_deterministic():
    a = render.chart_html(_chart().to_dict())
    render._STATE["ids"] = {}
    b = render.chart_html(_chart().to_dict())
    assert a == b
    ids = re.findall(r'id="(wb-vega-[0-9a-f]+(?:-\d+)?)"', a)
    assert len(ids) == 1
    # The same chart shown twice gets a second, still deterministic, id.
    c = render.chart_html(_chart().to_dict())
    assert re.search(r'id="wb-vega-[0-9a-f]{16}-2"', c)


def test_spec_json_cannot_close_the_script():
    spec = _chart('</script><script>alert("x")</script>').to_dict()
    html = render.chart_html(spec)
    assert html.count("</script>") == 1 and "alert" in html
    assert "\\u003c/script\\u003e" in html


def test_table_escapes_article_text_and_is_deterministic():
    df = pd.DataFrame({"date": pd.to_datetime(["2021-07-07", None]),
                       "snippet": ['<script>alert(1)</script> & <img src=x onerror="y">', "two troops wounded"],
                       "cues": [["vow", "revenge"], []], "escalation": [0.123456, -0.5]})
    html = render.table_html(df)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "2021-07-07" in html and "00:00:00" not in html and "vow, revenge" in html
    assert "cdn" not in html.lower()
    render._STATE["ids"] = {}
    assert render.table_html(df) == html
    assert re.search(r'id="wb-table-[0-9a-f]{16}"', html)


def test_table_columns_and_row_cap():
    df = pd.DataFrame({"a": range(50), "b": ["x"] * 50})
    html = render.table_html(df, columns=["a"], max_rows=10)
    assert "first 10 of 50 rows" in html and '"b"' not in html
    shown = render.show_table(df, columns=["a", "b"])
    assert "wb-table-" in shown.data


def test_empty_table_says_so_escaped():
    html = render.table_html(pd.DataFrame({"a": []}), caption="<Reprints>")
    assert html == '<p class="wb-empty"><em>&lt;Reprints&gt;: no rows.</em></p>'


def test_missing_text_reads_blank():
    html = render.table_html(pd.DataFrame({"title": pd.array(["A title", None], dtype="string")}))
    assert "NaN" not in html and "&lt;NA&gt;" not in html
