"""Offline HTML reports: the numbered notebooks executed on a corpus, exported as HTML.

    from workbench.report import build_reports
    build_reports(out="build/reports", corpus="build/seeds", timeout=300)

Each notebook is executed papermill-style (a cell setting ``CORPUS`` is injected after the
cell tagged ``parameters``) by nbclient with a timeout, then exported by nbconvert's
HTMLExporter with a template that loads nothing from the web: no require.js, MathJax,
Mermaid or widget manager from a CDN. The charts' Vega bundle and the tables' DataTables
bundle are already inline (``workbench.render``), so a report opens from disk with no
network and its Vega-Lite dropdowns and brushes still work. ipywidgets filter panels need a
kernel: their output is replaced by a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

__all__ = ["build_reports", "execute_notebook", "export_html", "Report", "NOTEBOOKS_DIR", "external_scripts"]

NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_NOTE = ('<p class="wb-widget-note"><em>Filter panel: it needs a running kernel, so it is not part of '
               "this report. Open the notebook in JupyterLab to use it; the charts above filter through "
               "their own dropdowns.</em></p>")

# The lab template without the blocks that load scripts from CDNs.
OFFLINE_TEMPLATE_NAME = "workbench_offline.html.j2"
OFFLINE_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""

# <script ... src="http(s)://..."> or <script ... src="//...">: anything fetched from the web.
_EXTERNAL_SCRIPT = re.compile(r"""<script\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)


@dataclass(frozen=True)
class Report:
    """One exported notebook: where it came from, where it went, how big it is."""

    notebook: Path
    html: Path
    n_bytes: int


def external_scripts(html: str) -> list[str]:
    """The ``<script src=...>`` tags of ``html`` that point to the web (none expected)."""
    return [m.group(0) for m in _EXTERNAL_SCRIPT.finditer(html)]


def _inject_parameters(nb, corpus: str | None) -> None:
    """Add a cell setting ``CORPUS`` after the ``parameters`` cell (as papermill does)."""
    import nbformat

    if corpus is None:
        return
    cell = nbformat.v4.new_code_cell(f"# Injected by workbench report\nCORPUS = {corpus!r}")
    cell.metadata["tags"] = ["injected-parameters"]
    for i, c in enumerate(nb.cells):
        if "parameters" in c.get("metadata", {}).get("tags", []):
            nb.cells.insert(i + 1, cell)
            break
    else:
        raise ValueError("the notebook has no cell tagged 'parameters'")


_ATTEMPTS = 2


def execute_notebook(path: Path, *, corpus: str | None = None, timeout: int = 300):
    """The notebook at ``path`` executed in its own folder with ``CORPUS`` set (None: the seeds)."""
    import nbformat
    from nbclient import NotebookClient

    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    last_error = None
    for _attempt in range(_ATTEMPTS):
        nb = nbformat.read(path, as_version=4)
        _inject_parameters(nb, corpus)
        try:
            NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            return nb
        except (CellTimeoutError, DeadKernelError) as exc:
            # A kernel that goes idle without answering (seen with ipykernel 7) is retried
            # once with a fresh kernel; a cell that raises is never retried.
            last_error = exc
    raise RuntimeError(f"{path.name}: execution did not finish in {timeout} s per cell, twice") from last_error


def _without_widgets(nb):
    """Widget outputs (empty without a kernel) replaced by a note."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                out["data"] = {"text/html": WIDGET_NOTE, "text/plain": "Filter panel (needs a running kernel)"}
    nb.metadata.pop("widgets", None)
    return nb


def export_html(nb, *, title: str | None = None, exclude_input: bool = False) -> str:
    """An executed notebook as one self-contained HTML page that loads nothing from the web."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_loaders=[DictLoader({OFFLINE_TEMPLATE_NAME: OFFLINE_TEMPLATE})],
                            exclude_input=exclude_input, exclude_input_prompt=exclude_input,
                            exclude_output_prompt=exclude_input)
    exporter.template_file = OFFLINE_TEMPLATE_NAME
    resources = {"metadata": {"name": title}} if title else None
    html, _ = exporter.from_notebook_node(_without_widgets(nb), resources=resources)
    found = external_scripts(html)
    if found:
        raise RuntimeError(f"the report would load scripts from the web: {found[:3]}")
    return html


def _notebooks(names) -> list[Path]:
    paths = sorted(NOTEBOOKS_DIR.glob(NOTEBOOK_GLOB))
    if names:
        wanted = [n if n.endswith(".ipynb") else f"{n}.ipynb" for n in names]
        missing = sorted(set(wanted) - {p.name for p in paths})
        if missing:
            raise FileNotFoundError(f"no such notebook: {', '.join(missing)}")
        paths = [p for p in paths if p.name in wanted]
    return paths


def _build_one(path: Path, out: Path, corpus: str | None, timeout: int, exclude_input: bool) -> Report:
    nb = execute_notebook(path, corpus=corpus, timeout=timeout)
    html = export_html(nb, title=path.stem, exclude_input=exclude_input)
    target = out / f"{path.stem}.html"
    target.write_text(html, encoding="utf-8")
    return Report(notebook=path, html=target, n_bytes=target.stat().st_size)


def build_reports(*, out, corpus=None, timeout: int = 300, notebooks=None, exclude_input: bool = False,
                  jobs: int = 1) -> list[Report]:
    """Execute the numbered notebooks (or those named) on ``corpus`` and write ``<out>/<name>.html``.

    ``corpus`` is what a notebook's ``CORPUS`` parameter accepts: None for the seed articles,
    a folder of articles or a saved store (made absolute, since kernels run in notebooks/).
    ``jobs`` notebooks run at once, each in its own process and kernel. Reports come back in
    notebook order.
    """
    if corpus is not None:
        corpus_path = Path(corpus).expanduser().resolve()
        if not corpus_path.exists():
            raise FileNotFoundError(f"no such corpus: {corpus}")
        corpus = str(corpus_path)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    paths = _notebooks(notebooks)
    if jobs <= 1 or len(paths) <= 1:
        return [_build_one(p, out, corpus, timeout, exclude_input) for p in paths]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        futures = [pool.submit(_build_one, p, out, corpus, timeout, exclude_input) for p in paths]
        return [f.result() for f in futures]
