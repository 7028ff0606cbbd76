"""examples/newsparse_tour.ipynb runs top to bottom, so it never rots."""

import pathlib

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbclient/nbformat not installed (pip install '.[test]')")
nbclient = pytest.importorskip("nbclient", reason="nbclient not installed (pip install '.[test]')")
pytest.importorskip("ipykernel", reason="ipykernel not installed: no kernel to run the notebook")
pytest.importorskip("pandas", reason="the tour needs pandas")
pytest.importorskip("matplotlib", reason="the tour plots with matplotlib")

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def test_tour_notebook_runs():
    nb = nbformat.read(EXAMPLES / "newsparse_tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=60, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('class="np-quote"' in h for h in html)  # the highlighted article
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots
