"""The policy-simulation notebook of the docs runs top to bottom in this environment and
shows the numbers worked out by hand from the example roster (examples/kab-malang/)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "notebooks" / "simulasi-kebijakan.ipynb"
EXAMPLE = ROOT / "examples" / "kab-malang"

# nbformat has no annotations on these two
read_notebook = cast(Callable[..., nbformat.NotebookNode], nbformat.read)
new_code_cell = cast(Callable[..., nbformat.NotebookNode], nbformat.v4.new_code_cell)

# Appended to the notebook before running it: what the test reads besides the outputs.
PROBE = """
import json, sys
print(json.dumps({
    "python": sys.executable,
    "tabel": {opd: {k: int(v) for k, v in row.items() if k != "layanan"}
              for opd, row in tabel.to_dict("index").items()},
}))
"""


@pytest.fixture(scope="module")
def executed() -> nbformat.NotebookNode:
    notebook = read_notebook(NOTEBOOK, as_version=4)
    notebook.cells.append(new_code_cell(PROBE.strip(), metadata={"tags": ["probe"]}))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MPLBACKEND", "Agg")  # no GUI backend, whatever the machine has
        mp.setenv("JUPYTER_PLATFORM_DIRS", "1")  # jupyter_core's new paths, no warning
        client = NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(NOTEBOOK.parent)}},
        )
        client.execute()
    return notebook


def tagged(notebook: nbformat.NotebookNode, tag: str) -> Any:
    (cell,) = [c for c in notebook.cells if tag in c.get("metadata", {}).get("tags", [])]
    return cell


def text_of(cell: Any) -> str:
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif "data" in out:
            parts.append(out.data.get("text/plain", ""))
    return "".join(parts)


def probe(notebook: nbformat.NotebookNode) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(text_of(tagged(notebook, "probe")))
    return found


def test_the_notebook_is_committed_without_outputs() -> None:
    # the docs build executes it, so the page always shows what the code does now
    notebook = read_notebook(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert notebook.metadata["kernelspec"]["name"] == "python3"


def test_it_runs_on_the_test_interpreter(executed: nbformat.NotebookNode) -> None:
    assert Path(probe(executed)["python"]).resolve() == Path(sys.executable).resolve()
    errors = [o for c in executed.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors == []


def test_office_days_saved_worked_out_by_hand(executed: nbformat.NotebookNode) -> None:
    # Per day, heads on site (each OPD keeps 1): Kabupaten Malang gives
    #   tidak_langsung 20 %: SETDA 8 + BKAD 24 + BAPENDA 9 + BKPSDM 7 + DISKOMINFO 6 = 54
    #   langsung 10 %: DISPENDUKCAPIL 4 + DPMPTSP 2 + SMPN1 3 + KEC 2 = 11; esensial: DINKES 3
    # = 68 a day, all filled (every OPD has more eligible staff), 272 over 24-27 March.
    # Banten-style: tidak_langsung 50 %: 20 + 60 + 22 + 17 + 15 = 134; langsung 50 %:
    # 20 + 12 + 15 + 10 = 57; esensial 0 = 191 a day, 764 in all; 764 - 272 = 492.
    # 68 / 420 staff = 16.2 % a day; 191 / 420 = 45.5 %.
    text = text_of(tagged(executed, "ringkasan"))
    assert "kab-malang: 272 hari kantor dihemat / office days saved, 16.2%" in text
    assert "gaya-banten-50: 764 hari kantor dihemat / office days saved, 45.5%" in text
    assert "selisih / difference: 492" in text


def test_per_opd_table_worked_out_by_hand(executed: nbformat.NotebookNode) -> None:
    table = probe(executed)["tabel"]
    assert len(table) == 10
    # BKAD: 120 staff, the head on site -> 119 eligible (discipline and new-in-post
    # count only from 21 April 2025); min(floor(120 x 20 %), 119) = 24 and
    # min(floor(120 x 50 %), 119) = 60 a day; 4 days -> 96 and 240 office days.
    assert table["BKAD"] == {
        "pegawai": 120,
        "layak": 119,
        "kuota/hari gaya-banten-50": 60,
        "kuota/hari kab-malang": 24,
        "hari dihemat gaya-banten-50": 240,
        "hari dihemat kab-malang": 96,
    }
    # DINKES: 35 staff, head and 10 front-line staff on site -> 24 eligible;
    # floor(35 x 10 %) = 3 a day; the scenario keeps essential services fully open.
    assert table["DINKES"] == {
        "pegawai": 35,
        "layak": 24,
        "kuota/hari gaya-banten-50": 0,
        "kuota/hari kab-malang": 3,
        "hari dihemat gaya-banten-50": 0,
        "hari dihemat kab-malang": 12,
    }
    # SMPN1-KEPANJEN on 24 March: 30 - head - 3 on piket = 26; floor(30 x 50 %) = 15.
    assert table["SMPN1-KEPANJEN"]["layak"] == 26
    assert table["SMPN1-KEPANJEN"]["hari dihemat gaya-banten-50"] == 60


def test_pictures_are_shown_and_no_nip_is(executed: nbformat.NotebookNode) -> None:
    images = [
        o for c in executed.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
    ]
    assert len(images) == 2  # capacity_heatmap and service_bar_chart
    nips = [
        line.split(",", 1)[0]
        for line in (EXAMPLE / "pegawai.csv").read_text(encoding="utf-8").splitlines()[1:]
    ]
    shown = "".join(text_of(c) for c in executed.cells if c.cell_type == "code")
    assert len(nips) == 420 and not any(n in shown for n in nips)
