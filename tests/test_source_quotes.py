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
        "instruments.toml:kebijakan-kab-malang-wfa-2025 | Malang Posco Media",
        "instruments.toml:kebijakan-prov-jatim-wfa-2025 | https://jatim.suara.com/amp/read/2025/03/20/140539/gubernur-khofifah-minta-asn-pemprov-jatim-tetap-produktif-selama-libur-lebaran",
        "instruments.toml:kebijakan-prov-jatim-wfa-2025 | one secondary news report (LAW.md §5, unnamed)",
        "instruments.toml:se-jabar-188-kpg-03-bkd | https://www.jabarnews.com/daerah/pemprov-jabar-uji-coba-wfh-jelang-2026-target-efisiensi-anggaran-hingga-20-persen/3",
        "instruments.toml:se-jabar-188-kpg-03-bkd | https://www.pranusa.id/kabarnusa/tekan-anggaran-hingga-20-persen-pemprov-jabar-terapkan-wfh-untuk-asn",
        "instruments.toml:se-mendagri-800-1-5-3349-2026 | https://jawawa.id/api/v1/article/asn-wfh-policy-takes-effect-this-week-check-the-schedule-and-rules-1775645602",
        "instruments.toml:se-mendagri-800-1-5-3349-2026:ketentuan jabatan dan unit layanan provinsi | https://jawawa.id/api/v1/article/asn-wfh-policy-takes-effect-this-week-check-the-schedule-and-rules-1775645602",
        "instruments.toml:se-mendagri-800-1-5-3349-2026:ketentuan pejabat struktural kabupaten/kota | https://jawawa.id/api/v1/article/asn-wfh-policy-takes-effect-this-week-check-the-schedule-and-rules-1775645602",
        "instruments.toml:se-menpanrb-2-2025 | https://amp.suara.com/news/2025/03/07/133206/mulai-24-maret-hingga-27-maret-2027-asn-diperbolehkan-wfa",
        "instruments.toml:se-menpanrb-2-2025 | https://bantenekspres.co.id/2025/03/21/mobil-pelat-merah-dilarang-dipakai-mudik/2",
        "instruments.toml:se-menpanrb-2-2025 | https://garuda.tv/catat-ini-3-hal-penting-bagi-instansi-terkait-wfo-wfh-wfa-jelang-libur-nasional",
        "instruments.toml:se-menpanrb-2-2026 | https://jdih.kemenkoinfra.go.id/se-menpan-rb-22026-penyesuaian-pelaksanaan-tugas-kedinasan-bagi-pegawai-aparatur-sipil-negara-di-instansi-pemerintah-pada-masa-libur-nasional-dan-cuti-bersama-hari-suci-nyepi-tahun-baru-saka-1948-dan-hari-raya-idul-fitri-1447-hijriah",
        "instruments.toml:se-menpanrb-2-2026 | https://stg.ntvnews.id/ekonomi/0188197/menpan-rb-tetapkan-asn-wfa-1617-dan-2527-maret-layanan-publik-tetap-berjalan",
        "instruments.toml:se-menpanrb-3-2025 | https://kastanews.com/pram-doel-halalbihalal-di-balai-kota-237-persen-asn-tak-masuk-kerja",
        "instruments.toml:se-menpanrb-3-2026 | https://jawawa.id/api/v1/article/asn-wfh-policy-takes-effect-this-week-check-the-schedule-and-rules-1775645602",
        "instruments.toml:se-menpanrb-3-2026 | https://www.inews.id/news/nasional/mensesneg-soal-wfh-asn-swasta-tak-ada-masalah-pasokan-bbm/all",
        "instruments.toml:se-sekda-dki-40-2025 | https://www.poskota.co.id/2025/12/29/bkd-jakarta-pastikan-asn-pemprov-dki-tetap-bekerja-wfo-dan-wfa-usai-libur-natal",
        "instruments.toml:se-sekda-lumajang-800-1-6-2-4-2026 | https://lumajangsatu.com/baca-20186-ibadah-tetap-khusyuk-layanan-publik-optimal-ini-skema-jam-kerja-asn-lumajang-selama-ramadan",
        "instruments.toml:se-sekda-lumajang-800-1-6-2-4-2026 | https://pwijatim.or.id/2026/02/18/pemkab-lumajang-sesuaikan-jam-kerja-asn-selama-ramadan-1447-h-demi-jaga-kualitas-ibadah",
        "instruments.toml:se-sekda-lumajang-800-1-6-2-4-2026 | https://www.lensawarta.com/ramadan-1447-h-pemkab-lumajang-sesuaikan-jam-kerja-asn",
        "instruments.toml:se-walikota-batu-061-2-89-2026 | https://ketik.com/berita/masuk-ramadan-2026-pemkot-batu-sesuaikan-jam-kerja-asn-dan-layanan-mpp-among-warga",
        "instruments.toml:se-walikota-malang-6-2025 | https://suryamalang.tribunnews.com/2025/03/04/sekda-kota-malang-minta-layanan-publik-tetap-optimal-saat-ramadan-sesuai-jam-kerja-baru",
        "instruments.toml:se-walikota-malang-6-2026 | https://jatim.antaranews.com/berita/1036666/pemkot-malang-tetapkan-jam-kerja-asn-325-jam-selama-ramadhan",
        "instruments.toml:se-walikota-malang-6-2026 | https://lenterajogja.com/post/item/229144/Tak-Ada-WFH-Pemkot-Malang-Atur-Jam-Kerja-hingga-Busana-ASN-Selama-Ramadan",
        "instruments.toml:se-walikota-malang-6-2026 | https://malang.disway.id/amp/12150/pemerintah-kota-malang-pangkas-jam-kerja-asn-jadi-325-jam-per-pekan-selama-ramadan",
        "instruments.toml:se-walikota-malang-6-2026 | https://malang.suara.com/amp/read/2026/02/18/154210/jam-kerja-asn-kota-malang-325-jam-selama-ramadhan-1447-h-ini-rinciannya",
        "instruments.toml:se-walikota-malang-6-2026 | https://www.lensawarta.com/?p=10656",
        "instruments.toml:se-walikota-malang-8-2025 | Malang Posco Media",
        "instruments.toml:se-walikota-malang-8-2025 | https://malangpariwara.com/2025/03/22/terapkan-fwa-pemkot-malang-batasi-maksimal-5-persen-dari-jumlah-pegawai/",
        "instruments.toml:skb-libur-2025 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:skb-libur-2025 | https://menpan.go.id/site/berita-foto/penandatanganan-skb-hari-libur-nasional-dan-cuti-bersama-2025",
        "instruments.toml:skb-libur-2025 | https://www.jpnn.com/news/27-hari-libur-nasional-cuti-bersama-2025-inilah-tanggal-tanggalnya",
        "instruments.toml:skb-libur-2025-perubahan | https://fajar.co.id/2025/08/08/presiden-prabowo-resmi-tetapkan-18-agustus-sebagai-cuti-bersama-nasional/",
        "instruments.toml:skb-libur-2025-perubahan | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:skb-libur-2025-perubahan | https://mediaindonesia.com/humaniora/799605/18-agustus-cuti-bersama-apakah-pekerja-swasta-libur",
        "instruments.toml:skb-libur-2025-perubahan | https://news.okezone.com/read/2025/08/07/337/3161227/kabar-baik-skb-3-menteri-libur-18-agustus-2025-akhirnya-terbit-cek-selengkapnya",
        "instruments.toml:skb-libur-2026 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:skb-libur-2026 | https://lintaspriangan.com/berita-nasional/skb-libur-nasional-cuti-bersama-2026-disahkan",
        "instruments.toml:skb-libur-2027 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "instruments.toml:skb-libur-2027 | https://setneg.go.id/baca/index/inilah_skb_3_menteri_libur_nasional_dan_cuti_bersama_2027",
        "instruments.toml:skb-libur-2027 | https://www.kemenkopmk.go.id/pemerintah-tetapkan-18-hari-libur-nasional-dan-8-cuti-bersama-tahun-2027",
        "instruments.toml:surat-menpanrb-b-531-2025 | https://gudangkabar.com/pns-dapat-wfa-3-hari-selama-nataru-pada-29-31-desember-2025-17872.html",
        "instruments.toml:surat-menpanrb-b-531-2025 | https://ntbsatu.com/?p=148476",
        "instruments.toml:surat-menpanrb-b-531-2025 | https://www.fajarharapan.id/?p=119218",
        "instruments.toml:surat-menpanrb-b-531-2025 | https://www.losaripost.com/news/8fa87ac/libur-panjang-nataru-asn-boleh-kerja-fleksibel-akhir-desember",
        "instruments.toml:surat-menpanrb-b-531-2025 | https://www.poskota.co.id/2025/12/29/bkd-jakarta-pastikan-asn-pemprov-dki-tetap-bekerja-wfo-dan-wfa-usai-libur-natal",
        "ramadan.toml:1448 | https://github.com/vacanza/holidays/blob/v0.109/holidays/calendars/islamic.py",
        "ramadan.toml:1448 | https://github.com/vacanza/holidays/blob/v0.109/holidays/countries/indonesia.py",
        "regions.toml:- | http://regional.kompas.com/read/2024/02/12/193620978/daftar-provinsi-yang-masuk-zona-waktu-indonesia-timur",
        "regions.toml:- | https://kompasiana.com/abdulafit2240/643de46aa7e0fa474b2d1c62/tahun-1960-kota-bandung-buka-puasa-hampir-pukul-7-malam?page=2&page_images=2",
        "regions.toml:- | https://pemerintahansetda.bulelengkab.go.id/informasi/detail/berita/72_data-wilayah-kini-terbuka-dan-tertib-pemerintah-tekankan-tanggung-jawab-penggunaan",
        "regions.toml:- | https://sosiologiku.com/?p=85653",
        "regions.toml:- | https://www.inforegulasi.com/2025/11/link-download-kepmendagri-nomor-30022.html",
        "regions.toml:- | https://www.ldiisampit.or.id/2025/12/zona-waktu-indonesia-wib-wita-wit.html",
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
