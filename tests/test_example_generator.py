"""``examples/make_example_roster.py`` reads its headings from ``flexasn.roster`` and still
writes exactly the bundled example roster (issue 13)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "kab-malang"


def test_the_generator_writes_the_bundled_example_files(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "examples" / "make_example_roster.py"), str(tmp_path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    for name in ("opd.csv", "pegawai.csv"):
        assert (tmp_path / name).read_bytes() == (EXAMPLE / name).read_bytes(), name


def test_the_bundled_headings_are_the_indonesian_ones_but_the_last() -> None:
    """The example leaves ``jenis_instansi`` and ``keadaan_khusus`` to their defaults."""
    opds = (EXAMPLE / "opd.csv").read_text(encoding="utf-8").splitlines()[0]
    staff = (EXAMPLE / "pegawai.csv").read_text(encoding="utf-8").splitlines()[0]
    assert opds == "kode,nama,instansi,jenis,layanan,jumlah_pegawai"
    assert staff == (
        "nip,kode_opd,status,jabatan,kepala,garis_depan,hari_piket,disiplin,"
        "pegawai_baru,tugas_luar_kantor"
    )
