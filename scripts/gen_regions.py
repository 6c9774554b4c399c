"""Generate ``src/flexasn/data/regions.csv``, the register of Indonesia's regional governments.

Build-time only: flexasn never runs this and gains no dependency from it. It reads the
Kemendagri region codes from a copy of ``db/wilayah.sql`` of https://github.com/cahyadsn/wilayah
(MIT; "Data Kode Wilayah sesuai Kepmendagri No 300.2.2-2138 Tahun 2025") and the time zone of
each province from ``src/flexasn/data/regions.toml``, and writes one row per province,
kabupaten and kota: ``id,name,level,province,code,timezone,administrative``.

How regions.csv was made (2026-12-01; regenerated with the six administrative areas of DKI
Jakarta included, from the same file), from the repository root::

    git -C /work/.mirror/cahyadsn+wilayah/repo show \\
        b7ad440a1322e7be3189a16a8cac35f7d4c3d7f7:db/wilayah.sql > /tmp/wilayah.sql
    sha256sum /tmp/wilayah.sql   # c4c3396d9380d4edee072af1d9dff83573b574d7cd00a6562cf82e200e954031
    python3 scripts/gen_regions.py /tmp/wilayah.sql

(any clone of the repository at that commit will do: ``git clone
https://github.com/cahyadsn/wilayah && git -C wilayah show b7ad440...:db/wilayah.sql``).
The file's sha256 is checked against the one regions.toml records; pass ``--any-version``
to read another version, then update [source] in regions.toml.

Rules:

- Level 1 codes (``35``) are provinces, level 2 codes (``35.07``) kabupaten or kota by the
  name's first word. ``administrative`` is ``true`` for a name with "Administrasi" after
  that word: DKI Jakarta's Kabupaten Administrasi Kepulauan Seribu (31.01) and its five Kota
  Administrasi (31.71-31.75), administrative areas of the province, not autonomous regions
  (their civil servants are employees of the provincial government). They are in the
  register, flagged; ``false`` for every other row. An "Administrasi" name outside DKI
  Jakarta (code ``31.*``) stops the script.
- Province ids are fixed (``PROVINCE_IDS``). A kabupaten is ``kab-<slug>``, a kota
  ``kota-<slug>``; the slug is the name without "Kabupaten"/"Kota" and without a following
  "Administrasi", lowercased, every run of other characters than a-z and 0-9 turned into
  one '-' (``Kota Administrasi Jakarta Selatan`` -> ``kota-jakarta-selatan``).
- Two kabupaten (or two kota) with the same slug would both get the province id's slug as a
  suffix (``kab-x-jatim``, ``kab-x-sulsel``); every such case is printed and listed in the
  comment below. In the data read on 2026-12-01 there is none.
- Names as the dataset writes them, except the corrections in ``CORRECTIONS``; provinces get
  "Provinsi " before the name, except Daerah Istimewa Yogyakarta.

Name collisions resolved by suffix: none.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "flexasn" / "data"

PROVINCE_IDS: dict[str, str] = {
    "11": "prov-aceh",
    "12": "prov-sumut",
    "13": "prov-sumbar",
    "14": "prov-riau",
    "15": "prov-jambi",
    "16": "prov-sumsel",
    "17": "prov-bengkulu",
    "18": "prov-lampung",
    "19": "prov-babel",
    "21": "prov-kepri",
    "31": "prov-dki-jakarta",
    "32": "prov-jabar",
    "33": "prov-jateng",
    "34": "prov-diy",
    "35": "prov-jatim",
    "36": "prov-banten",
    "51": "prov-bali",
    "52": "prov-ntb",
    "53": "prov-ntt",
    "61": "prov-kalbar",
    "62": "prov-kalteng",
    "63": "prov-kalsel",
    "64": "prov-kaltim",
    "65": "prov-kaltara",
    "71": "prov-sulut",
    "72": "prov-sulteng",
    "73": "prov-sulsel",
    "74": "prov-sultra",
    "75": "prov-gorontalo",
    "76": "prov-sulbar",
    "81": "prov-maluku",
    "82": "prov-malut",
    "91": "prov-papua",
    "92": "prov-papua-barat",
    "93": "prov-papua-selatan",
    "94": "prov-papua-tengah",
    "95": "prov-papua-pegunungan",
    "96": "prov-papua-barat-daya",
}

# Corrections to the dataset's names: code -> (as written, as the register writes it).
CORRECTIONS: dict[str, tuple[str, str]] = {
    "71.09": (
        "Kabupaten Kep. Siau Tagulandang Biaro",
        "Kabupaten Kepulauan Siau Tagulandang Biaro",
    ),
}

# A province's name without "Provinsi " in front (the name the law gives it).
NO_PROVINSI_PREFIX = {"Daerah Istimewa Yogyakarta"}

EXPECTED_SHA256_KEY = "dataset_file_sha256"
COLUMNS = ("id", "name", "level", "province", "code", "timezone", "administrative")
# The only province with administrative (non-autonomous) kabupaten and kota.
ADMINISTRATIVE_PROVINCE = "31"
ADMINISTRASI = re.compile(r"^(Kabupaten|Kota)\s+Administrasi\s+")
ROW = re.compile(r"^\('(\d{2}(?:\.\d{2})?)','((?:[^']|'')*)'\)[,;]?\s*$")


def slug(name: str) -> str:
    """``"Kabupaten Lima Puluh Kota"`` -> ``"lima-puluh-kota"``;
    ``"Kota Administrasi Jakarta Selatan"`` -> ``"jakarta-selatan"``."""
    bare = re.sub(r"^(Kabupaten|Kota)\s+(Administrasi\s+)?", "", name)
    ascii_name = unicodedata.normalize("NFKD", bare).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def read_codes(sql: str) -> list[tuple[str, str]]:
    """The (code, name) pairs of levels 1 and 2 in a wilayah.sql dump, in file order."""
    pairs = []
    for line in sql.splitlines():
        match = ROW.match(line.strip())
        if match:
            code, name = match.group(1), match.group(2).replace("''", "'")
            pairs.append((code, " ".join(name.split())))
    return pairs


def build(sql: str, zones: dict[str, str]) -> tuple[list[dict[str, str]], list[str]]:
    """The register's rows, and a note for every collision resolved."""
    provinces: list[dict[str, str]] = []
    locals_: list[dict[str, str]] = []
    for code, raw_name in read_codes(sql):
        name = raw_name
        if code in CORRECTIONS:
            written, corrected = CORRECTIONS[code]
            if raw_name != written:
                sys.exit(f"{code}: expected {written!r} to correct, found {raw_name!r}")
            name = corrected
        if "." not in code:
            province = PROVINCE_IDS[code]
            full = name if name in NO_PROVINSI_PREFIX else f"Provinsi {name}"
            provinces.append(
                {
                    "id": province,
                    "name": full,
                    "level": "provinsi",
                    "province": province,
                    "code": code,
                    "timezone": zones[province],
                    "administrative": "false",
                }
            )
            continue
        administrative = bool(ADMINISTRASI.match(name))
        if "Administrasi" in name and not administrative:
            sys.exit(f"{code}: {name!r} names 'Administrasi' elsewhere than after its level")
        if administrative and code[:2] != ADMINISTRATIVE_PROVINCE:
            sys.exit(f"{code}: {name!r} is administrative but not in DKI Jakarta")
        first = name.split()[0]
        if first not in ("Kabupaten", "Kota"):
            sys.exit(f"{code}: {name!r} is neither a kabupaten nor a kota")
        level, prefix = ("kabupaten", "kab") if first == "Kabupaten" else ("kota", "kota")
        province = PROVINCE_IDS[code[:2]]
        locals_.append(
            {
                "id": f"{prefix}-{slug(name)}",
                "name": name,
                "level": level,
                "province": province,
                "code": code,
                "timezone": zones[province],
                "administrative": "true" if administrative else "false",
            }
        )
    notes = []
    seen: dict[str, list[dict[str, str]]] = {}
    for row in locals_:
        seen.setdefault(row["id"], []).append(row)
    for rid, rows in seen.items():
        if len(rows) > 1:
            for row in rows:
                row["id"] = f"{rid}-{row['province'].removeprefix('prov-')}"
            notes.append(f"{rid}: " + ", ".join(f"{r['code']} -> {r['id']}" for r in rows))
    rows = sorted(provinces, key=lambda r: r["code"]) + sorted(locals_, key=lambda r: r["code"])
    return rows, notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sql", type=Path, help="a copy of cahyadsn/wilayah db/wilayah.sql")
    parser.add_argument("--toml", type=Path, default=DATA / "regions.toml")
    parser.add_argument("--out", type=Path, default=DATA / "regions.csv")
    parser.add_argument("--any-version", action="store_true", help="do not check the file's sha256")
    args = parser.parse_args(argv)

    raw = args.sql.read_bytes()
    meta = tomllib.loads(args.toml.read_text(encoding="utf-8"))
    expected = meta["source"][EXPECTED_SHA256_KEY]
    digest = hashlib.sha256(raw).hexdigest()
    if digest != expected and not args.any_version:
        sys.exit(f"{args.sql}: sha256 {digest} is not the {expected} regions.toml cites")
    zones = {
        province: zone
        for zone, provinces in meta["timezone"]["provinces"].items()
        for province in provinces
    }
    missing = sorted(set(PROVINCE_IDS.values()) - set(zones))
    if missing:
        sys.exit(f"no time zone in {args.toml} for: {', '.join(missing)}")

    rows, notes = build(raw.decode("utf-8"), zones)
    with args.out.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts = {
        lvl: sum(r["level"] == lvl for r in rows) for lvl in ("provinsi", "kabupaten", "kota")
    }
    administrative = sum(r["administrative"] == "true" for r in rows)
    print(f"wrote {args.out}: {len(rows)} rows {counts}, {administrative} administrative")
    for note in notes:
        print(f"name collision resolved: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
