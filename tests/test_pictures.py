"""Pictures of a simulation return matplotlib Figures with what they say they show."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.text import Text

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


# --- pictures a report can use (issue 14) ---------------------------------------------------

NASIONAL = fx.Opd(
    code="N", name="N", instansi="nasional", kind="lainnya", service="tidak_langsung", headcount=10
)
AROUND = (date(2025, 3, 17), date(2025, 4, 13))  # the notebook's span around Lebaran 2025


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]


def legend_entries(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    assert legend is not None
    return [t.get_text() for t in legend.get_texts()]


def saved(fig: Figure, path: Path) -> Figure:
    """Save ``fig`` as a report would and check that no label leaves the image."""
    fig.savefig(path)
    assert path.stat().st_size > 10_000
    canvas = FigureCanvasAgg(fig)
    canvas.draw()  # type: ignore[no-untyped-call]
    # everything drawn (titles, labels, colour bar, legend) lies inside the saved image:
    # what savefig(bbox_inches="tight") would crop to is within the figure
    drawn = fig.get_tightbbox(canvas.get_renderer())  # type: ignore[no-untyped-call]
    assert drawn is not None
    inches = fig.get_size_inches()
    assert drawn.x0 >= 0 and drawn.y0 >= 0
    assert drawn.x1 <= inches[0] + 1e-6 and drawn.y1 <= inches[1] + 1e-6
    return fig


def cells(ax: Axes) -> dict[tuple[int, int], Rectangle]:
    """The patches drawn over heat-map cells, by (week row, weekday)."""
    return {
        (round(p.get_y() + 0.5), round(p.get_x() + 0.5)): p
        for p in ax.patches
        if isinstance(p, Rectangle)
    }


def test_heatmap_draws_special_days_apart_with_a_legend_in_both_languages(
    tmp_path: Path,
) -> None:
    sim = fx.simulate(OPDS, STAFF, *AROUND)
    en = saved(capacity_heatmap(sim, lang="en"), tmp_path / "heat-en.png")
    ax = en.axes[0]
    assert ax.get_title() == "Staff planned to work remotely, per day"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Day of the week", "Week starting")
    assert en.axes[1].get_ylabel() == "Staff (all OPDs)"  # the colour bar
    # 17-21 March: no arrangement covers them (quota 0); 28 March and 31 March-7 April:
    # weekend, holidays and cuti bersama; 8 April: Kabupaten Malang's decision on SE
    # 3/2025 is unknown (no quota); 9-11 April: quota 0 again.
    assert legend_entries(ax) == [
        "Non-working day (weekend, holiday, cuti bersama)",
        "Undetermined: no known quota",
        "Working day without remote capacity (quota 0)",
    ]
    drawn = cells(ax)
    assert drawn[0, 0].get_hatch() == ".."  # Monday 17 March
    assert (1, 0) not in drawn  # Monday 24 March: an ordinary day, its colour shows
    assert drawn[1, 4].get_hatch() in ("", None)  # Friday 28 March: cuti bersama, grey
    assert drawn[1, 4].get_facecolor()[:3] == pytest.approx((0.741, 0.741, 0.741), abs=0.01)
    assert drawn[3, 1].get_hatch() == "xx"  # Tuesday 8 April
    assert "24" in texts(en) and "8" in texts(en)  # each cell shows its day of the month
    id_ = saved(capacity_heatmap(sim, lang="id", value="max_remote"), tmp_path / "heat-id.png")
    ax = id_.axes[0]
    assert ax.get_title() == "Kuota kerja fleksibel (paling banyak pegawai), per hari"
    assert (ax.get_xlabel(), ax.get_ylabel()) == ("Hari", "Minggu mulai")
    assert id_.axes[1].get_ylabel() == "Jumlah pegawai (semua OPD)"
    assert legend_entries(ax) == [
        "Hari libur (akhir pekan, libur nasional, cuti bersama)",
        "Tidak dapat ditentukan: kuota tidak diketahui",
        "Hari kerja tanpa kapasitas kerja fleksibel (kuota 0)",
    ]
    assert not any("_" in t for t in texts(en) + texts(id_))  # words, not column names


def test_heatmap_marks_days_where_some_quotas_are_unknown() -> None:
    # the nasional OPD's proportion is left to the head of agency: no quota on 24 March
    sim = fx.simulate([*OPDS, NASIONAL], STAFF, date(2025, 3, 24), date(2025, 3, 24))
    fig = capacity_heatmap(sim, lang="en", scenario=None)
    assert legend_entries(fig.axes[0]) == ["Quota unknown for some OPDs"]
    assert cells(fig.axes[0])[0, 0].get_hatch() == "//"
    named = capacity_heatmap(sim, lang="en", scenario="kab-malang")
    assert named.axes[0].get_title() == (
        "Staff planned to work remotely, per day (scenario kab-malang)"
    )


def test_bar_chart_words_in_both_languages(tmp_path: Path) -> None:
    en = saved(service_bar_chart(sim(), lang="en"), tmp_path / "bars-en.png")
    ax = en.axes[0]
    assert (ax.get_xlabel(), ax.get_ylabel()) == (
        "Service category",
        "Office days saved (person-days)",
    )
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Essential services",
        "No direct public service",
    ]  # the two categories of the simulation's OPDs
    legend = ax.get_legend()
    assert legend is not None and legend.get_title().get_text() == "Scenario"
    assert legend_entries(ax) == ["50%", "kab-malang"]
    assert {"8", "20", "40"} <= set(texts(en))  # each bar carries its number
    id_ = saved(service_bar_chart(sim()), tmp_path / "bars-id.png")
    ax = id_.axes[0]
    assert ax.get_title() == "Hari kantor yang dihemat per kategori layanan"
    assert (ax.get_xlabel(), ax.get_ylabel()) == (
        "Kategori layanan",
        "Hari kantor yang dihemat (hari-orang)",
    )
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "Layanan esensial",
        "Tanpa layanan publik langsung",
    ]
    legend = ax.get_legend()
    assert legend is not None and legend.get_title().get_text() == "Skenario"


def test_an_unknown_language_is_one_error() -> None:
    with pytest.raises(fx.UnknownLanguageError):
        capacity_heatmap(sim(), lang="fr")  # type: ignore[arg-type]
    with pytest.raises(fx.UnknownLanguageError):
        service_bar_chart(sim(), lang="fr")  # type: ignore[arg-type]
