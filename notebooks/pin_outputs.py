"""Execute the notebooks and keep only the outputs nbval checks (cells marked NBVAL_CHECK_OUTPUT).

    .venv/bin/python notebooks/pin_outputs.py            # all numbered notebooks
    .venv/bin/python notebooks/pin_outputs.py 02-attack-counts.ipynb

Charts, tables and widgets are not committed (they need the kernel-side bundle and would add
~2 MB per notebook); the pinned cells are the numbers that matter, compared by
``pytest --nbval-lax`` on every test run. Run this after a deliberate change to those numbers
and review the diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

HERE = Path(__file__).resolve().parent
MARK = "# NBVAL_CHECK_OUTPUT"


def pin(path: Path, *, timeout: int = 180) -> int:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    kept = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        cell.metadata.pop("execution", None)
        if cell.source.lstrip().startswith(MARK):
            kept += 1  # nbval compares a cell only when it has an execution count
        else:
            cell.execution_count = None
            cell.outputs = []
    nb.metadata.pop("widgets", None)
    nbformat.write(nb, path)
    return kept


def main(argv: list[str]) -> int:
    paths = [HERE / a for a in argv] or sorted(HERE.glob("[0-9][0-9]-*.ipynb"))
    for path in paths:
        print(f"{path.name}: pinned {pin(path)} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
