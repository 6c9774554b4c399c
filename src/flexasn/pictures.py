"""Pictures of a simulation for notebooks (needs the ``notebook`` extra: matplotlib).

Each function returns a `matplotlib.figure.Figure` built with matplotlib's
object API (no pyplot state, no GUI backend needed): display it in a notebook or
save it with ``fig.savefig(path)``: the figures use matplotlib's constrained layout, so a
saved file keeps every title, label, colour bar and legend. Their words (titles in words,
axes, colour bars, legends, service categories) come from the message catalogue in the
language asked (``lang="id"``, the default, or ``"en"``). The core of flexasn never imports
matplotlib; this module imports it only when a function is called.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from ._model import week_of
from .calendar import is_working_day
from .errors import InvalidInputError, MissingExtraError
from .messages import Language, Text, render, require_language
from .simulate import Simulation

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

_VALUES = ("remote_planned", "max_remote", "eligible", "office_days_saved", "onsite")

# How the heat map draws the days that have no ordinary number (issue 14): a face colour,
# a hatch and its colour, each distinct in colour and in black-and-white print.
_SPECIAL = {
    "non_working": {"facecolor": "#bdbdbd", "hatch": "", "edgecolor": "white"},
    "undetermined": {"facecolor": "white", "hatch": "xx", "edgecolor": "#7b3294"},
    "partly_undetermined": {"facecolor": "none", "hatch": "//", "edgecolor": "#e7298a"},
    "zero_capacity": {"facecolor": "#fee0d2", "hatch": "..", "edgecolor": "#cb181d"},
}


def _figure() -> type[Figure]:
    try:
        from matplotlib.figure import Figure
    except ImportError as exc:  # tests/test_one_voice_sites.py hides the package
        raise MissingExtraError(feature="pictures", package="matplotlib", extra="notebook") from exc
    return Figure


def _word(key: str, lang: Language, **params: object) -> str:
    return render(f"picture.{key}", lang, **params)


def day_category(rows: list[dict[str, object]], day: date) -> str | None:
    """How the heat map draws ``day`` given its rows (one per OPD): ``non_working``
    (weekend, national holiday, cuti bersama), ``undetermined`` (no OPD has a known
    quota), ``zero_capacity`` (a working day whose quotas are all known and all 0),
    ``partly_undetermined`` (some OPDs' quota unknown) or None (an ordinary day)."""
    if not is_working_day(day, strict=False):
        return "non_working"
    limits = [r["max_remote"] for r in rows]
    known = [int(cast(int, v)) for v in limits if v is not None]
    if not known:
        return "undetermined"
    if len(known) < len(limits):
        return "partly_undetermined"
    return "zero_capacity" if sum(known) == 0 else None


def capacity_heatmap(
    sim: Simulation,
    *,
    value: str = "remote_planned",
    scenario: str | None = None,
    lang: Language = "id",
) -> Figure:
    """A calendar heat map: one cell per day (weeks down, weekdays across), coloured by
    the day's total ``value`` over all OPDs (default: staff planned remote), each cell
    showing its day of the month.

    Days with no ordinary number are drawn apart, with a legend: non-working days (grey),
    days whose quota no known instrument sets (undetermined: purple cross-hatch, or
    purple stripes over the colour where only some OPDs' quota is unknown) and working
    days without remote capacity (every quota 0: pink, dotted). Titles, axes, colour bar
    and legend are in ``lang`` (``"id"``, default, or ``"en"``), from the message
    catalogue. Saved with ``fig.savefig(path)`` every label is kept (constrained layout).
    """
    require_language(lang)
    totals, by_day = _day_totals(sim, value, scenario)
    first = week_of(min(totals))  # the Monday of the first week
    weeks = (max(totals) - first).days // 7 + 1
    fig = _figure()(figsize=(8, 2.6 + 0.45 * weeks), layout="constrained")
    ax = fig.add_subplot()
    top = max(totals.values()) or 1
    image = ax.imshow(
        _week_grid(totals, first, weeks), cmap="YlGn", aspect="auto", vmin=0, vmax=top
    )
    _label_heatmap(ax, first, weeks, value, scenario, lang)
    bar = fig.colorbar(image, ax=ax)
    bar.set_label(_word("colour_bar", lang))
    seen = _draw_days(ax, totals, by_day, first, top)
    if seen:
        _special_legend(ax, seen, lang)
    return fig


_Rows = dict[date, list[dict[str, object]]]


def _day_totals(sim: Simulation, value: str, scenario: str | None) -> tuple[dict[date, int], _Rows]:
    """Each day's total ``value`` over all OPDs of ``scenario`` (None: every row), and
    the day's rows; an unknown value or no rows is an error."""
    if value not in _VALUES:
        raise InvalidInputError(Text("argument.picture_value", known=list(_VALUES), value=value))
    rows = [r for r in sim.rows() if scenario is None or r["scenario"] == scenario]
    if not rows:
        raise InvalidInputError(Text("argument.no_scenario_rows"))
    totals: dict[date, int] = defaultdict(int)
    by_day: _Rows = defaultdict(list)
    for r in rows:
        totals[r["day"]] += r[value] or 0
        by_day[r["day"]].append(r)
    return totals, by_day


def _week_grid(totals: dict[date, int], first: date, weeks: int) -> list[list[float]]:
    """The totals as rows of weeks (from the Monday ``first``), Monday to Sunday; NaN
    where the simulation has no day."""
    grid = [[float("nan")] * 7 for _ in range(weeks)]
    for day, total in totals.items():
        grid[(day - first).days // 7][day.weekday()] = total
    return grid


def _label_heatmap(
    ax: Axes, first: date, weeks: int, value: str, scenario: str | None, lang: Language
) -> None:
    """The weekday and week axes, and the title (naming the scenario, if one)."""
    ax.set_xticks(range(7), [render(f"cli_day.{n}", lang) for n in range(7)])
    ax.set_yticks(range(weeks), [(first + timedelta(weeks=w)).isoformat() for w in range(weeks)])
    ax.set_xlabel(_word("weekday", lang))
    ax.set_ylabel(_word("week", lang))
    title = _word("heatmap_title", lang, what=_word(f"value_{value}", lang))
    if scenario is not None:
        title = _word("with_scenario", lang, title=title, scenario=scenario)
    ax.set_title(title)


def _draw_days(
    ax: Axes, totals: dict[date, int], by_day: _Rows, first: date, top: int
) -> list[str]:
    """Each day's number in its cell, over the pattern of a day with no ordinary number;
    the categories drawn, in the order first seen."""
    seen: list[str] = []
    for day in sorted(totals):
        y, x = (day - first).days // 7, day.weekday()
        category = day_category(by_day[day], day)
        if category is not None:
            ax.add_patch(_cell(x, y, **_SPECIAL[category]))
            if category not in seen:
                seen.append(category)
        dark = category in (None, "partly_undetermined") and totals[day] > 0.6 * top
        ax.text(
            x,
            y,
            str(day.day),
            ha="center",
            va="center",
            fontsize=7,
            color="white" if dark else "black",
        )
    return seen


def _special_legend(ax: Axes, seen: list[str], lang: Language) -> None:
    """The legend of the special days drawn, in the order of `_SPECIAL`."""
    order = [c for c in _SPECIAL if c in seen]
    ax.legend(
        handles=[_patch(label=_word(c, lang), **_SPECIAL[c]) for c in order],
        loc="upper center",
        bbox_to_anchor=(0.5, -0.18),
        ncol=2,
        fontsize=8,
        frameon=False,
    )


def service_bar_chart(sim: Simulation, *, lang: Language = "id") -> Figure:
    """Office days saved (person-days) per service category, one bar per scenario in each
    group, each bar labelled with its number. Words in ``lang`` (``"id"`` or ``"en"``)."""
    require_language(lang)
    sums = sim.aggregate("scenario", "service")
    scenarios = sorted({s["scenario"] for s in sums})
    services = sorted({s["service"] for s in sums})
    values = {(s["scenario"], s["service"]): s["office_days_saved"] for s in sums}
    fig = _figure()(figsize=(7, 4.2), layout="constrained")
    ax = fig.add_subplot()
    width = 0.8 / max(len(scenarios), 1)
    for i, name in enumerate(scenarios):
        xs = [j + i * width for j in range(len(services))]
        bars = ax.bar(xs, [values.get((name, s), 0) for s in services], width, label=name)
        ax.bar_label(bars, fontsize=7)
    ax.set_xticks(
        [j + width * (len(scenarios) - 1) / 2 for j in range(len(services))],
        [_word(f"service_{s}", lang) for s in services],
    )
    ax.set_title(_word("bars_title", lang))
    ax.set_xlabel(_word("bars_x", lang))
    ax.set_ylabel(_word("bars_y", lang))
    ax.legend(title=_word("scenario", lang))
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

    language = require_language(lang)
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
    handles = [
        Patch(color=colour, label=render(f"picture_regional.{outcome_code}", language))
        for outcome_code, colour in _OUTCOME_COLOURS.items()
    ]
    ax.legend(
        handles=handles,
        loc="upper center",
        bbox_to_anchor=(0.5, -0.12 - 2.5 / (len(regions) + 8)),
        ncol=4,
        fontsize=7,
        frameon=False,
    )
    ax.set_title(render("picture_regional.title", language), fontsize=10)
    fig.tight_layout()
    return fig


def _cell(x: int, y: int, *, facecolor: str, hatch: str, edgecolor: str) -> Rectangle:
    """A heat-map cell (centred on ``x, y``) drawn over the image."""
    from matplotlib.patches import Rectangle

    return Rectangle(
        (x - 0.5, y - 0.5),
        1,
        1,
        facecolor=facecolor,
        hatch=hatch,
        edgecolor=edgecolor,
        linewidth=0,
        hatch_linewidth=1.5,
    )


def _patch(*, label: str, facecolor: str, hatch: str, edgecolor: str) -> Patch:
    from matplotlib.patches import Patch

    return Patch(
        facecolor=facecolor, hatch=hatch, edgecolor=edgecolor, label=label, hatch_linewidth=1.5
    )


def _rect(col: int, row: int, colour: str) -> Rectangle:
    from matplotlib.patches import Rectangle

    return Rectangle((col, row), 1, 1, facecolor=colour, edgecolor="white", linewidth=0.8)


__all__ = [
    "capacity_heatmap",
    "day_category",
    "regional_grid",
    "service_bar_chart",
]
