"""Pictures of a simulation return matplotlib Figures with what they say they show."""

from __future__ import annotations

from datetime import date

import pytest
from matplotlib.patches import Rectangle

import flexasn as fx
from flexasn.pictures import capacity_heatmap, service_bar_chart

OPDS = [
    fx.Opd(
        code="A",
        name="A",
        instansi="kab-malang",
        kind="bkad",
        service="tidak_langsung",
        headcount=10,
    ),
    fx.Opd(
        code="B", name="B", instansi="kab-malang", kind="rsud", service="esensial", headcount=20
    ),
]
STAFF = [fx.Employee(nip=f"1980010120050110{i:02d}", opd="A" if i < 10 else "B") for i in range(30)]


def sim() -> fx.Simulation:
    wide = fx.Scenario(
        name="50%", base="kab-malang", percent={"tidak_langsung": 50, "esensial": 50}
    )
    return fx.simulate(
        OPDS, STAFF, date(2025, 3, 20), date(2025, 4, 10), policy=["kab-malang", wide]
    )


def test_heatmap_cells_hold_the_daily_totals() -> None:
    fig = capacity_heatmap(sim(), scenario="kab-malang")
    image = fig.axes[0].images[0]
    grid = image.get_array()
    assert grid is not None
    # week of Mon 24 March 2025 is the second row (20 March is a Thursday in week 1);
    # Kabupaten Malang: A 10 staff 20 % = 2 (head on site: min(2, 9)); B 20 staff 10 % = 2
    assert grid[1][0] == 4 and grid[1][3] == 4
    assert grid[1][4] == 0  # Friday 28 March: cuti bersama
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert labels == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"]


def test_bar_chart_groups_scenarios_by_service() -> None:
    fig = service_bar_chart(sim(), lang="en")
    ax = fig.axes[0]
    heights = sorted(round(p.get_height()) for p in ax.patches if isinstance(p, Rectangle))
    # 4 days: kab-malang A 2/day = 8, B 2/day = 8; 50 %: A min(5, 9) = 5/day = 20, B 10/day = 40
    assert heights == [8, 8, 20, 40]
    assert ax.get_title() == "Office days saved by service category"


def test_bad_arguments() -> None:
    with pytest.raises(fx.InvalidInputError, match="value must be one of"):
        capacity_heatmap(sim(), value="colour")
    with pytest.raises(fx.InvalidInputError, match="no rows"):
        capacity_heatmap(sim(), scenario="nope")
