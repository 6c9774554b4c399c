# ruff: noqa: E501  (the allow-list keys are URLs)
"""Every source bundled with flexasn stores the sentence it rests on (issue 16): a ``quote``
beside its URL, outlet and date. The sources still without one are listed below; the list may
only shrink: a listed source that gains a quote must leave the list, and an unlisted source
without a quote fails."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import flexasn.data

DATA = Path(flexasn.data.__file__).parent
FILES = (
    "instruments.toml",
    "calendar.toml",
    "ramadan.toml",
    "regions.toml",
    "cities.toml",
    "national-hours.toml",
)


def _owner(node: dict[str, Any], parent: str) -> str:
    if "id" in node:
        return str(node["id"])
    if "instrument" in node and "article" in node:
        return f"{node['instrument']}:{node['article']}"
    for key in ("hijri_year", "year"):
        if key in node:
            return str(node[key])
    return parent


def _walk(node: Any, file: str, owner: str, found: dict[str, bool]) -> None:
    if isinstance(node, dict):
        if "publisher" in node:
            key = f"{file}:{owner} | {node.get('url') or node['publisher']}"
            found[key] = found.get(key, False) or bool(node.get("quote"))
            return
        here = _owner(node, owner)
        for value in node.values():
            _walk(value, file, here, found)
    elif isinstance(node, list):
        for value in node:
            _walk(value, file, owner, found)


def bundled_sources() -> dict[str, bool]:
    """Every bundled source, ``"<file>:<owner> | <url or outlet>"``, and whether it is quoted."""
    found: dict[str, bool] = {}
    paths = [DATA / f for f in FILES] + sorted((DATA / "policies").glob("*.toml"))
    for path in paths:
        rel = path.relative_to(DATA).as_posix()
        _walk(tomllib.loads(path.read_text(encoding="utf-8")), rel, "-", found)
    return found


# Sources whose sentence has not been found and quoted yet (1 December 2026). Only remove
# entries: add the quote to the data, then delete its line here.
# Sources whose sentence has not been found and quoted yet (1 December 2026). Only remove
# entries: add the quote to the data, then delete its line here.
MISSING_QUOTE = frozenset(
    {
        "instruments.toml:kebijakan-dki-lebaran-2026 | https://babeindonesia.com/read/6591556/pemprov-dki-patuhi-soal-ketentuan-wfa-saat-lebaran-pastikan-layanan-publik-tak-terganggu",
        "instruments.toml:kebijakan-dki-lebaran-2026 | https://www.idntimes.com/news/indonesia/asn-pemprov-dki-wfa-5-hari-pramono-ingatkan-layanan-warga-prioritas-00-481xk-5kj9y8",
        "instruments.toml:kebijakan-dki-wfh-jumat-2026 | https://jawawa.id/api/v1/article/all-dki-bpbd-civil-servants-continue-wfo-to-maintain-public-services-1775796654",
        "instruments.toml:kebijakan-kab-lumajang-nataru-2025 | https://www.lensawarta.com/?p=9656",
        "instruments.toml:kebijakan-kab-lumajang-nataru-2025 | https://www.onenewsjatim.com/2025/12/pemkab-lumajang-tegaskan-asn-wajib.html",
        "instruments.toml:kebijakan-kab-malang-wfa-2025 | Malang Posco Media",
        "instruments.toml:kebijakan-kota-batu-wfa-2025 | Malang Posco Media",
        "instruments.toml:kebijakan-kota-malang-fwa-2025 | https://jatim.antaranews.com/berita/936101/pemkot-malang-kaji-kinerja-opd-sebelum-jalankan-kebijakan-wfa-asn",
        "instruments.toml:kebijakan-kota-malang-ramadan-2026 | https://jatim.antaranews.com/berita/1036666/pemkot-malang-tetapkan-jam-kerja-asn-325-jam-selama-ramadhan",
        "instruments.toml:kebijakan-kota-malang-ramadan-2026 | https://lenterajogja.com/post/item/229144/Tak-Ada-WFH-Pemkot-Malang-Atur-Jam-Kerja-hingga-Busana-ASN-Selama-Ramadan",
        "instruments.toml:kebijakan-kota-malang-ramadan-2026 | https://malang.disway.id/amp/12150/pemerintah-kota-malang-pangkas-jam-kerja-asn-jadi-325-jam-per-pekan-selama-ramadan",
        "instruments.toml:kebijakan-kota-palembang-2-januari-2026 | https://infolampung.biz.id/?p=30754",
        "instruments.toml:kebijakan-kota-palembang-2-januari-2026 | https://updaterakyat.com/daerah/pemkot-palembang-pastikan-pelayanan-tetap-normal-asn-wajib-aktif-bekerja-2-januari",
        "instruments.toml:kebijakan-kota-palembang-2-januari-2026 | https://www.radarcenter.info/2026/01/wali-kota-palembang-tegas-asn-wajib-masuk-kerja-2-januari-absen-tanpa-alasan-siap-disanksi",
        "instruments.toml:kebijakan-kota-palembang-wfa-2025 | https://sumsel.tribunnews.com/2025/03/14/mendagri-minta-asn-terapkan-wfa-24-maret-7-april-2025-ratu-dewa-sebut-peluang-fleksibilitas-kerja",
        "instruments.toml:kebijakan-kota-surabaya-lebaran-2026 | https://jatim.jpnn.com/jatim-terkini/44104/pemkot-surabaya-pastikan-layanan-publik-tetap-jalan-saat-libur-lebaran",
        "instruments.toml:kebijakan-kota-surabaya-lebaran-2026 | https://nawacita.co/index.php/2026/03/12/pemkot-surabaya-terapkan-sistem-piket-dan-wfa-selama-masa-mudik-lebaran",
        "instruments.toml:kebijakan-kota-surabaya-lebaran-2026 | https://sekarangaja.com/laksanakan-instruksi-mendagri-pemkot-surabaya-terapkan-sistem-piket-dan-wfa-saat-libur-lebaran",
        "instruments.toml:kebijakan-kota-surabaya-wfh-jumat-2026 | https://jawawa.id/newsitem/wall-less-workspace-1775872241",
        "instruments.toml:kebijakan-prov-jatim-wfa-2025 | https://jatim.suara.com/amp/read/2025/03/20/140539/gubernur-khofifah-minta-asn-pemprov-jatim-tetap-produktif-selama-libur-lebaran",
        "instruments.toml:kebijakan-prov-jatim-wfa-2025 | one secondary news report (LAW.md §5, unnamed)",
        "instruments.toml:keppres-2-2025 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:keppres-2-2025 | https://satuharapan.com/read-detail/read/presiden-menetapkan-10-hari-cuti-bersama-asn-sepanjang-tahun-2025",
        "instruments.toml:keppres-2-2025 | https://transparannews.id/nasional/presiden-prabowo-subianto-tetapkan-10-hari-cuti-bersama-asn-di-tahun-2025",
        "instruments.toml:keppres-42-2025 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:penetapan-ramadan-1446 | https://onews.id/alasan-pemerintah-tetapkan-1-ramadan-1446-h-pada-1-maret-2025",
        "instruments.toml:penetapan-ramadan-1447 | https://edunews.id/news/tok-pemerintah-ketok-palu-1-ramadan-1447-h-jatuh-pada-kamis-19-februari-2026",
        "instruments.toml:penetapan-ramadan-1447 | https://prokaltim.com/2026/03/lebaran-dipastikan-sabtu-ini-alasan-pemerintah-tetapkan-1-syawal-1447-h/?amp=1",
        "instruments.toml:permen-panrb-4-2025 | https://jdih.maritim.go.id/permen-panrb-42025-pelaksanaan-tugas-kedinasan-pegawai-aparatur-sipil-negara-secara-fleksibel-pada-instansi-pemerintah",
        "instruments.toml:permen-panrb-4-2025:Pasal 13 ayat (1) | https://www.tribunnews.com/nasional/2025/06/19/tak-setiap-hari-asn-cuma-boleh-wfa-2-hari-dalam-sepekan",
        "instruments.toml:permen-panrb-4-2025:Pasal 25 | https://jabar.tribunnews.com/amp/2025/06/19/daftar-asn-yang-boleh-dan-tidak-boleh-wfa-sesuai-aturan-baru-kemenpan-rb",
        "instruments.toml:pernyataan-gubernur-banten-8-april-2025 | https://www.topmedia.co.id/pemerintahan/amp/33714914620/baru-90-persen-asn-pemprov-banten-masuk-kerja-usai-libur-dan-cuti-bersama-lebaran-andra-soni-hari-ini-masih-diberikan-kelonggran",
        "instruments.toml:pernyataan-sekda-banten-wfa-2025 | https://titiknol.co.id/pemerintahan/lebih-dari-800-asn-pemprov-banten-wfa",
        "instruments.toml:perpres-21-2023 | https://jdih.maritim.go.id/perpres-212023-hari-kerja-dan-jam-kerja-instansi-pemerintah-dan-pegawai-aparatur-sipil-negara",
        "instruments.toml:perpres-21-2023 | https://setneg.go.id/baca/index/pemerintah_terbitkan_aturan_flexible_working_arrangement_bagi_asn",
        "instruments.toml:perpres-21-2023 | https://www.pantau.com/nasional/155486/jokowi-terbitkan-aturan-baru-jam-kerja-asn-dan-libur-sabtu-minggu",
        "instruments.toml:se-gubernur-banten-3-2026 | https://banten.idntimes.com/news/banten/ini-jam-kerja-asn-pemprov-banten-selama-ramadan-c1c2-01-4wb6z-9mw1p8",
        "instruments.toml:se-gubernur-banten-3-2026 | https://tangerangekspres.disway.id/banten/read/36170/asn-datang-lebih-pagi-pulang-lebih-awal",
        "instruments.toml:se-gubernur-banten-3-2026 | https://www.kabarin.com/baca/45010/jam-kerja-asn-banten-selama-ramadhan-2026-dimulai-pukul-0630-wib",
        "instruments.toml:se-gubernur-banten-3-2026 | https://www.pantau.com/nasional/324319/pemprov-banten-tetapkan-jam-kerja-asn-selama-ramadhan-2026-dimulai-pukul-0630-wib",
        "instruments.toml:se-gubernur-banten-9-2025 | https://banten.tribunnews.com/2025/03/24/resmi-pemprov-banten-terapkan-wfa-untuk-asn-hingga-11-april-2025",
        "instruments.toml:se-gubernur-banten-9-2025 | https://news.detik.com/berita/d-7838764/aturan-wfa-di-pemprov-banten-maksimal-20-pegawai",
        "instruments.toml:se-gubernur-banten-9-2025 | https://rubrikbanten.com/berita/libur-panjang-nyepi-dan-idul-fitri-asn-pemprov-banten-diatur-ketat-wfh-maksimal-20-persen-layanan-publik-wajib-tetap-jalan",
        "instruments.toml:se-jabar-188-kpg-03-bkd | https://jabar.idntimes.com/news/jawa-barat/pemprov-jabar-berlakukan-wfh-penuh-setiap-hari-kamis-00-nqtvm-v0gxtd/amp",
        "instruments.toml:se-jabar-188-kpg-03-bkd | https://jabar.jpnn.com/jabar-terkini/28952/asn-pemprov-jabar-wfh-100-persen-kepala-bkd-dampak-efisiensi-lebih-signifikan",
        "instruments.toml:se-menpanrb-2-2025 | https://bantenekspres.co.id/2025/03/21/mobil-pelat-merah-dilarang-dipakai-mudik/2",
        "instruments.toml:se-walikota-malang-8-2025 | Malang Posco Media",
        "instruments.toml:skb-libur-2027 | https://setneg.go.id/baca/index/inilah_skb_3_menteri_libur_nasional_dan_cuti_bersama_2027",
        "instruments.toml:skb-libur-2027 | https://www.kemenkopmk.go.id/pemerintah-tetapkan-18-hari-libur-nasional-dan-8-cuti-bersama-tahun-2027",
    }
)


def test_every_source_is_quoted_or_listed() -> None:
    sources = bundled_sources()
    unquoted = {k for k, quoted in sources.items() if not quoted}
    assert unquoted - MISSING_QUOTE == set(), "sources without a quote that are not listed"
    stale = MISSING_QUOTE - unquoted
    assert stale == set(), "listed sources that now have a quote (or are gone): unlist them"


def test_regional_policies_are_fully_quoted() -> None:
    # issue 16: every source of a bundled policy file carries its quote
    assert not any(k.startswith("policies/") for k in MISSING_QUOTE)
