"""Offline HTML reports (workbench.report, `workbench report`): executed, self-contained, no CDN."""

from __future__ import annotations

import re

import nbformat
import pytest

from workbench.cli import main
from workbench.report import WIDGET_NOTE, _inject_parameters, export_html, external_scripts

# One title per notebook that only its charts carry.
CHART_TITLES = {
    "01-corpus": ["Articles per month", "Where each publication date comes from"],
    "02-attack-counts": ["Attacks per week", "Official running tallies vs the workbench's own count"],
    "03-casualty-claim-gaps": ["Casualty claims per incident: who says how many"],
    "04-rhetoric": ["Escalation over time", "Stance mix"],
}
SCRIPT_SRC = re.compile(r"<script[^>]*\bsrc\s*=", re.IGNORECASE)


@pytest.fixture(scope="module")
def pages(seed_reports):
    return {r.html.stem: r.html.read_text(encoding="utf-8") for r in seed_reports}


def test_one_report_per_notebook(seed_reports):
    assert [r.html.name for r in seed_reports] == [f"{n}.html" for n in CHART_TITLES]
    assert all(r.html.is_file() and r.n_bytes == r.html.stat().st_size for r in seed_reports)


@pytest.mark.parametrize("name", sorted(CHART_TITLES))
def test_report_holds_its_chart_specs(pages, name):
    html = pages[name]
    assert html.count('"$schema":"https://vega.github.io/schema/vega-lite/v6') >= len(CHART_TITLES[name])
    for title in CHART_TITLES[name]:
        assert title.replace("'", "\\u0027") in html or title in html, title
    assert '"bind":{"input":"select"' in html  # each notebook has at least one Vega dropdown


@pytest.mark.parametrize("name", sorted(CHART_TITLES))
def test_report_loads_nothing_from_the_web(pages, name):
    html = pages[name]
    assert external_scripts(html) == []
    assert SCRIPT_SRC.findall(html) == []  # no script file at all: everything is inline
    assert "cdnjs" not in html and "unpkg.com" not in html and "cdn.jsdelivr" not in html
    assert html.count("if (!window.vegaEmbed)") == 1  # the Vega bundle, once per page


@pytest.mark.parametrize("name", sorted(CHART_TITLES))
def test_report_replaces_the_filter_panel_by_a_note(pages, name):
    html = pages[name]
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert html.count(WIDGET_NOTE) == 1
    assert "Traceback" not in html


@pytest.mark.parametrize("html, expected", [
    ('<script src="https://cdn.example.org/require.js"></script>', 1),
    ("<SCRIPT type='text/javascript' SRC='http://x.org/a.js'>", 1),
    ('<script src="//unpkg.com/x.js"></script>', 1),
    ('<script src="local/require.js"></script>', 0),
    ('<script>var u = "https://vega.github.io/editor/";</script>', 0),
    ('<a href="https://example.org">link</a>', 0),
])
def test_external_scripts(html, expected):
    assert len(external_scripts(html)) == expected


def test_parameters_are_injected_after_the_parameters_cell():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import x"),
        nbformat.v4.new_code_cell("CORPUS = None", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("corpus = load(CORPUS)"),
    ])
    _inject_parameters(nb, "/data/it's here")
    assert [c.source.splitlines()[-1] for c in nb.cells] == [
        "import x", "CORPUS = None", 'CORPUS = "/data/it\'s here"', "corpus = load(CORPUS)"]
    assert nb.cells[2].metadata["tags"] == ["injected-parameters"]
    nbformat.validate(nb)


def test_no_parameters_cell_is_an_error():
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("CORPUS = None")])
    with pytest.raises(ValueError, match="parameters"):
        _inject_parameters(nb, "/data")


def _tiny_notebook():
    out = nbformat.v4.new_output("display_data", data={"text/plain": "VBox()", "application/vnd.jupyter.widget-view+json": {
        "model_id": "abc", "version_major": 2, "version_minor": 0}})
    return nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# A title"),
        nbformat.v4.new_code_cell("secret_code_marker = 1", outputs=[out], execution_count=1),
    ])


@pytest.mark.parametrize("exclude_input", [False, True])
def test_export_html_without_code(exclude_input):
    html = export_html(_tiny_notebook(), title="tiny", exclude_input=exclude_input)
    assert ("secret_code_marker" in html) is not exclude_input
    assert "<title>tiny</title>" in html and WIDGET_NOTE in html and external_scripts(html) == []


def test_cli_report_on_a_corpus_folder(tmp_path, seeds_dir, capsys):
    out = tmp_path / "reports"
    assert main(["report", "--corpus", str(seeds_dir), "--out", str(out), "--notebook", "02-attack-counts",
                 "--timeout", "300"]) == 0
    assert [p.name for p in out.iterdir()] == ["02-attack-counts.html"]
    html = (out / "02-attack-counts.html").read_text(encoding="utf-8")
    assert "Attacks per week" in html and external_scripts(html) == []
    assert "Injected by workbench report" in html and str(seeds_dir.resolve()) in html
    assert "wrote 1 offline HTML reports" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["report", "--corpus", "no/such/folder", "--out", "x"], "no such file or folder"),
    (["report", "--out", "x", "--notebook", "99-nothing"], "no such notebook"),
    (["report", "--out", "x", "--timeout", "0"], "--timeout"),
])
def test_cli_report_errors(tmp_path, capsys, argv, message):
    argv = [a if a != "x" else str(tmp_path / "x") for a in argv]
    assert main(argv) == 2
    assert message in capsys.readouterr().err
