"""Pictures of a simulation for notebooks (needs the ``notebook`` extra: matplotlib).

Each function returns a `matplotlib.figure.Figure` built with matplotlib's
object API (no pyplot state, no GUI backend needed): display it in a notebook or
save it with ``fig.savefig(path)``. The core of flexasn never imports matplotlib;
this module imports it only when a function is called.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .errors import InvalidInputError
from .simulate import Simulation

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

_DAYS = {
    "id": ("Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
_TITLES = {
    "heatmap": {"id": "Kapasitas kerja fleksibel per hari", "en": "Remote capacity per day"},
    "bars": {
        "id": "Hari kantor yang dihemat per kategori layanan",
        "en": "Office days saved by service category",
    },
    "week": {"id": "Minggu mulai", "en": "Week of"},
}
_VALUES = ("remote_planned", "max_remote", "eligible", "office_days_saved", "onsite")


def _figure() -> type[Figure]:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # pragma: no cover - exercised without the extra
        raise ImportError("pictures need matplotlib: pip install 'flexasn[notebook]'") from exc
    return Figure


def capacity_heatmap(
    sim: Simulation,
    *,
    value: str = "remote_planned",
    scenario: str | None = None,
    lang: str = "id",
) -> Figure:
    """A calendar heat map: one cell per day (weeks down, weekdays across), coloured by
    the day's total ``value`` over all OPDs (default: staff planned remote)."""
    if value not in _VALUES:
        raise InvalidInputError(f"value must be one of {', '.join(_VALUES)} (got {value!r})")
    rows = [r for r in sim.rows() if scenario is None or r["scenario"] == scenario]
    if not rows:
        raise InvalidInputError("the simulation has no rows for that scenario")
    totals: dict[date, int] = defaultdict(int)
    for r in rows:
        totals[r["day"]] += r[value] or 0
    first = min(totals) - timedelta(days=min(totals).weekday())
    weeks = (max(totals) - first).days // 7 + 1
    grid = [[float("nan")] * 7 for _ in range(weeks)]
    for day, total in totals.items():
        grid[(day - first).days // 7][day.weekday()] = total
    fig = _figure()(figsize=(7, 1.2 + 0.5 * weeks))
    ax = fig.add_subplot()
    image = ax.imshow(grid, cmap="YlGn", aspect="auto")
    ax.set_xticks(range(7), _DAYS[lang])
    ax.set_yticks(range(weeks), [(first + timedelta(weeks=w)).isoformat() for w in range(weeks)])
    ax.set_ylabel(_TITLES["week"][lang])
    ax.set_title(_TITLES["heatmap"][lang] + f" ({value})")
    fig.colorbar(image, ax=ax)
    return fig


def service_bar_chart(sim: Simulation, *, lang: str = "id") -> Figure:
    """Office days saved per service category, one group of bars per scenario."""
    sums = sim.aggregate("scenario", "service")
    scenarios = sorted({s["scenario"] for s in sums})
    services = sorted({s["service"] for s in sums})
    values = {(s["scenario"], s["service"]): s["office_days_saved"] for s in sums}
    fig = _figure()(figsize=(7, 4))
    ax = fig.add_subplot()
    width = 0.8 / max(len(scenarios), 1)
    for i, name in enumerate(scenarios):
        xs = [j + i * width for j in range(len(services))]
        ax.bar(xs, [values.get((name, s), 0) for s in services], width, label=name)
    ax.set_xticks([j + width * (len(scenarios) - 1) / 2 for j in range(len(services))], services)
    ax.set_title(_TITLES["bars"][lang])
    ax.legend()
    return fig


_OUTCOME_COLOURS = {
    "decided": "#2a9d8f",
    "no_flexible_work": "#e76f51",
    "conflict": "#e9c46a",
    "unknown": "#e5e5e5",
}


def regional_grid(regions: tuple[str, ...], *, lang: str = "id") -> Figure:
    """A grid of regions (rows) by windows (columns) coloured by each region's own
    decision (`flexasn.regional`): decided, no flexible work, conflict or unknown."""
    from matplotlib.patches import Patch

    from .regional import WINDOWS, outcome

    if lang not in ("id", "en"):
        raise InvalidInputError(f"unknown language {lang!r}; use id or en")
    fig = _figure()(figsize=(8.5, 0.24 * len(regions) + 1.8))
    ax = fig.add_subplot()
    for row, region in enumerate(regions):
        for col, window in enumerate(WINDOWS):
            colour = _OUTCOME_COLOURS[outcome(region, window).outcome.value]
            ax.add_patch(_rect(col, row, colour))
    ax.set_xlim(0, len(WINDOWS))
    ax.set_ylim(len(regions), 0)
    ax.set_xticks([c + 0.5 for c in range(len(WINDOWS))])
    ax.set_xticklabels(
        [w.label_id if lang == "id" else w.label_en for w in WINDOWS],
        rotation=30,
        ha="right",
        fontsize=7,
    )
    ax.set_yticks([r + 0.5 for r in range(len(regions))])
    ax.set_yticklabels(regions, fontsize=6)
    names = {
        "id": (
            "ada keputusan",
            "tanpa kerja fleksibel",
            "konflik / tidak pasti",
            "tidak diketahui",
        ),
        "en": ("decided", "no flexible work", "conflict", "unknown"),
    }[lang]
    handles = [
        Patch(color=c, label=n) for c, n in zip(_OUTCOME_COLOURS.values(), names, strict=True)
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 2.5 / (len(regions) + 8)),
        ncol=4,
        fontsize=7,
        frameon=False,
    )
    ax.set_title("Peta keputusan daerah" if lang == "id" else "Regional decisions", fontsize=10)
    fig.tight_layout()
    return fig


def _rect(col: int, row: int, colour: str) -> Rectangle:
    from matplotlib.patches import Rectangle

    return Rectangle((col, row), 1, 1, facecolor=colour, edgecolor="white", linewidth=0.8)


__all__ = [
    "capacity_heatmap",
    "regional_grid",
    "service_bar_chart",
]
