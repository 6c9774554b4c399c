"""The data of ``flexasn demo``: the bundled Kabupaten Malang example (10 OPDs, 420
made-up employees) and the dates the demo shows, around Lebaran 2025."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import flexasn as fx
from flexasn.examples import example_dir

from .errors import CliError

POLICY = "kab-malang"
"""The policy of the example."""
CALENDAR = (date(2025, 3, 20), date(2025, 4, 10))
"""The span of the calendar shown: Lebaran 2025 with its flexible-work days."""
QUOTA_DAY = date(2025, 3, 24)
"""The day of the quotas and of the first two decisions (SE MenPANRB 2/2025)."""
PLAN = (date(2025, 3, 24), date(2025, 3, 27))
"""The span of the rotation."""
CUTI = date(2025, 3, 28)
"""A cuti bersama day: the third decision."""
SHOWN_OPD = "BKPSDM"
"""The OPD whose rotation grid is shown."""
DECISION_OPD = "BKAD"
"""The OPD of the explained decisions."""


def _holds_roster(folder: Path) -> bool:
    return (folder / "opd.csv").is_file() and (folder / "pegawai.csv").is_file()


def example_folder(given: str | None) -> Path:
    """``--example DIR``, else the example in the working directory, else the bundled one."""
    if given is None:
        local = Path.cwd() / "examples" / "kab-malang"
        if _holds_roster(local):
            return local
        try:
            return example_dir()
        except fx.InvalidInputError:  # pragma: no cover - the wheel and the checkout carry it
            given = str(local)
    path = Path(given)
    if _holds_roster(path):
        return path
    raise CliError("no_example", path=path)
