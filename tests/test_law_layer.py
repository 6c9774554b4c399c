"""The national layer, weekly arrangements, the instansi register, a region's own
instruments, registered policies and answers that know their date (issue 11).

Expected values are worked out by hand from LAW.md §3, §3a and "How the instruments
combine", and DESIGN.md "Every instansi gets an answer".
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import flexasn as fx
from common import assert_cites, assert_decision, assert_reason, write_text
from flexasn._model import DateSpan
from flexasn.policy import Arrangement, ArrangementKind, Basis, Policy
from flexasn.quotas import QuotaStatus

NIP = "198503122010011001"  # made up


def opd(instansi: str, kind: str = "bkad", headcount: int = 40, **extra: object) -> fx.Opd:
    service = extra.pop("service", fx.ServiceCategory.NON_DIRECT)
    return fx.Opd(
        code="X",
        name="OPD contoh",
        instansi=instansi,
        kind=kind,
        service=service,
        headcount=headcount,
        **extra,
    )


def employee(**facts: object) -> fx.Employee:
    return fx.Employee(nip=NIP, opd="X", **facts)


@pytest.fixture
def clean_registry() -> Iterator[None]:
    before = fx.registered_policies()
    yield
    for policy_id in fx.registered_policies():
        if policy_id not in before:
            fx.unregister_policy(policy_id)


# --- the weekly national arrangement (LAW.md §3a) ----------------------------------------

# Fridays from 10 April through 17 July 2026 that are ASN working days, by hand: 3 April
# (Good Friday) and 1 May (Labour Day) are national holidays, 15 May is cuti bersama.
WFH_FRIDAYS_2026 = [
    date(2026, 4, 10),
    date(2026, 4, 17),
    date(2026, 4, 24),
    date(2026, 5, 8),
    date(2026, 5, 22),
    date(2026, 5, 29),
    date(2026, 6, 5),
    date(2026, 6, 12),
    date(2026, 6, 19),
    date(2026, 6, 26),
    date(2026, 7, 3),
    date(2026, 7, 10),
    date(2026, 7, 17),
]


def test_every_day_of_april_to_december_2026_for_a_region_without_data() -> None:
    unit = opd("kab-sleman")
    day = date(2026, 4, 1)
    while day <= date(2026, 12, 31):
        d = fx.eligible_for_wfa(employee(), unit, day)
        period = d.reason(fx.Check.FLEXIBLE_PERIOD)
        if day in WFH_FRIDAYS_2026:
            assert d.outcome is fx.Outcome.UNDETERMINED, day
            assert period.passed is True and d.modes == (fx.WorkMode.WFH,), day
            assert d.unknown == (fx.Check.OPD_ALLOWED,), day
            expected = "se-menpanrb-3-2026" if day <= date(2026, 5, 29) else None
            if expected:
                assert_cites(period, expected)
        elif day.weekday() == 4 and day > date(2026, 7, 17) and day != date(2026, 12, 25):
            # (Friday 25 December 2026 is Christmas, a national holiday: denied)
            # the continuation is unknown: undetermined, never denied by omission
            assert d.outcome is fx.Outcome.UNDETERMINED, day
            assert period.passed is None, day
            assert period.key == "flexible_period.unknown_continuation"
        else:
            assert d.outcome is fx.Outcome.DENIED, day
        day += timedelta(days=1)


def test_weekly_arrangement_cites_the_extension_after_29_may() -> None:
    d = fx.eligible_for_wfa(employee(), opd("kota-jayapura"), date(2026, 6, 5))
    period = d.reason(fx.Check.FLEXIBLE_PERIOD)
    basis = assert_cites(period, "wfh-jumat-2026-perpanjangan")
    assert basis.reading is True  # "two months" read as the Fridays through 17 July
    assert d.arrangement == "wfh-jumat-2026-perpanjangan-daerah"


@pytest.mark.parametrize(
    "kind", ["dinkes", "rsud", "puskesmas", "bpbd", "damkar", "satpol-pp", "sekolah"]
)
def test_essential_kinds_stay_on_site_everywhere(kind: str) -> None:
    for instansi in ("nasional", "kab-sleman", "prov-sumut"):
        q = fx.quota(opd(instansi, kind), date(2026, 4, 10), strict=False)
        assert (q.status, q.limit) == (QuotaStatus.EXCLUDED, 0), instansi
        assert_cites(q, "se-menpanrb-3-2026")


@pytest.mark.parametrize("kind", ["kecamatan", "kelurahan"])
def test_kecamatan_and_kelurahan_on_site_in_regional_governments_only(kind: str) -> None:
    regional = fx.quota(opd("kota-jayapura", kind), date(2026, 4, 17), strict=False)
    assert (regional.status, regional.limit) == (QuotaStatus.EXCLUDED, 0)
    assert_cites(regional, "se-mendagri-800-1-5-3349-2026")
    central = fx.quota(opd("nasional", kind), date(2026, 4, 17), strict=False)
    assert (central.status, central.limit) == (QuotaStatus.UNDEFINED, None)


def test_structural_officials_on_site_in_regional_governments_only() -> None:
    official = employee(position=fx.PositionType.STRUCTURAL)
    regional = fx.eligible_for_wfa(official, opd("prov-sumut"), date(2026, 4, 17))
    role = assert_reason(
        regional,
        fx.Check.ROLE_ONSITE,
        passed=False,
        key="role_onsite.fail_structural",
        cites="se-mendagri-800-1-5-3349-2026",
    )
    assert role.basis is not None  # asserted by assert_reason; for the type checker
    assert role.basis.confidence is fx.Confidence.SINGLE  # the echelon rule: one source
    central = fx.eligible_for_wfa(official, opd("nasional"), date(2026, 4, 17))
    assert central.reason(fx.Check.ROLE_ONSITE).passed is True
    # on a national dated window the echelon rule does not apply (it is the Friday's)
    window = fx.eligible_for_wfa(official, opd("prov-sumut"), date(2026, 3, 25))
    assert window.reason(fx.Check.ROLE_ONSITE).passed is True


# --- the register and inheritance -------------------------------------------------------


def test_every_registered_id_gets_a_policy_and_an_answer() -> None:
    ids = fx.instansi_ids()
    assert len(ids) == 553  # 552 regional governments and areas, and nasional
    for instansi in ids:
        policy = fx.get_policy(instansi)
        assert policy.id == instansi
        entry = fx.instansi(instansi)
        assert policy.timezone == entry.timezone
    # Kota Jayapura is WIT (LAW.md, DESIGN.md)
    assert fx.instansi("kota-jayapura").timezone == "Asia/Jayapura"


def test_bundled_policies_agree_with_the_register() -> None:
    for policy_id in fx.list_policies():
        policy = fx.get_policy(policy_id)
        entry = fx.instansi(policy_id)
        assert (policy.level, policy.timezone) == (entry.level, entry.timezone), policy_id


def test_no_regional_file_copies_a_national_window() -> None:
    national = {"se-menpanrb-2-2025", "se-menpanrb-3-2025", "surat-menpanrb-b-531-2025"}
    national |= {"se-menpanrb-2-2026", "se-menpanrb-3-2026", "wfh-jumat-2026-perpanjangan"}
    for policy_id in fx.list_policies():
        if policy_id == "nasional":
            continue
        for a in fx.get_policy(policy_id).arrangement:
            if a.kind is ArrangementKind.DECISION_UNKNOWN:
                assert a.basis.instrument not in national, (policy_id, a.id)


def arrangement(
    id: str, first: date, last: date, *weekdays: fx.Weekday, instrument: str = "se-menpanrb-3-2026"
) -> Arrangement:
    """A test arrangement allowing WFH: weekly on ``weekdays``, else dated."""
    return Arrangement(
        id=id,
        kind=ArrangementKind.WEEKLY if weekdays else ArrangementKind.DATED,
        days=(DateSpan(first_day=first, last_day=last),),
        weekdays=weekdays,
        modes=(fx.WorkMode.WFH,),
        basis=Basis(instrument=instrument),
        confidence=fx.Confidence.REPORTED,
    )


def _with_extra_national_window(day: date) -> Policy:
    base = fx.get_policy("nasional")
    window = arrangement("uji-jendela-baru", day, day, instrument="se-menpanrb-2-2026")
    return base.model_copy(update={"arrangement": (*base.arrangement, window)})


def test_a_national_window_added_to_nasional_alone_reaches_every_region(
    clean_registry: None,
) -> None:
    # Tuesday 5 May 2026: a working day no instrument covers (no region's weekly day)
    day = date(2026, 5, 5)
    regions = [i for i in fx.instansi_ids() if i != "nasional"]
    before = {i: fx.eligible_for_wfa(employee(), opd(i), day).outcome for i in regions}
    assert set(before.values()) == {fx.Outcome.DENIED}
    fx.register_policy(_with_extra_national_window(day))
    after = {i: fx.eligible_for_wfa(employee(), opd(i), day).outcome for i in regions}
    assert set(after.values()) == {fx.Outcome.UNDETERMINED}
    fx.unregister_policy("nasional")
    assert fx.eligible_for_wfa(employee(), opd("kab-sleman"), day).outcome is fx.Outcome.DENIED


# --- hypothesis: honesty invariants ------------------------------------------------------

NATIONAL_WINDOW_DAYS = sorted(
    {d for y in (2025, 2026) for d in fx.flexible_work_days(y)} | set(WFH_FRIDAYS_2026)
)
REGION_IDS = [i for i in fx.instansi_ids() if i != "nasional"]
KINDS = ["bkad", "bappeda", "setda", "inspektorat", "bapenda", "dinsos", "dishub"]


@settings(max_examples=150, deadline=None)
@given(
    instansi=st.sampled_from(REGION_IDS),
    day=st.sampled_from(NATIONAL_WINDOW_DAYS),
    kind=st.sampled_from(KINDS),
)
def test_a_national_window_without_a_regional_decision_is_never_denied(
    instansi: str, day: date, kind: str
) -> None:
    policy = fx.get_policy(instansi)
    if policy.in_force(day).national is False:
        return  # the region decided this day itself
    d = fx.eligible_for_wfa(employee(), opd(instansi, kind), day)
    assert d.outcome is not fx.Outcome.DENIED, d.explain("en")


@settings(max_examples=200, deadline=None)
@given(
    instansi=st.sampled_from(fx.list_policies()),
    day=st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    data=st.data(),
)
def test_removing_a_regional_arrangement_never_turns_undetermined_into_allowed(
    instansi: str, day: date, data: st.DataObject
) -> None:
    policy = fx.get_policy(instansi)
    if not policy.arrangement:
        return
    dropped = data.draw(st.sampled_from(policy.arrangement))
    smaller = policy.model_copy(
        update={"arrangement": tuple(a for a in policy.arrangement if a is not dropped)}
    )
    unit = opd(instansi, data.draw(st.sampled_from(KINDS)))
    before = fx.eligible_for_wfa(employee(), unit, day, policy=policy)
    after = fx.eligible_for_wfa(employee(), unit, day, policy=smaller)
    if before.outcome is fx.Outcome.UNDETERMINED:
        assert after.outcome is not fx.Outcome.ALLOWED, after.explain("en")


# --- a region's own instruments, register_policy and FLEXASN_POLICY_PATH ----------------

OWN_POLICY = textwrap.dedent(
    """
    id = "kab-sleman"
    name = "Pemerintah Kabupaten Sleman (contoh)"
    level = "kabupaten"
    timezone = "Asia/Jakarta"

    [[instrument]]
    id = "se-bupati-contoh-1-2026"
    kind = "surat_edaran_kepala_daerah"
    short = "SE Bupati Contoh 1/2026"
    number = "1"
    year = 2026
    title = "Contoh: WFH Jumat paling banyak 30 persen"
    issuer = "Bupati (contoh)"
    signed = 2026-04-06
    confidence = "single"
    sources = [{ publisher = "contoh", url = "https://example.org/se-1-2026" }]

    [[arrangement]]
    id = "wfh-jumat-contoh"
    kind = "weekly"
    days = [{ first_day = 2026-04-06, last_day = 2026-05-29 }]
    weekdays = ["friday"]
    modes = ["wfh"]
    basis = { instrument = "se-bupati-contoh-1-2026" }
    confidence = "single"

      [[arrangement.quota]]
      default = true
      percent = "30"
    """
)


def test_own_instrument_is_cited_with_its_own_confidence(tmp_path: Path) -> None:
    path = write_text(tmp_path, "kab-sleman.toml", OWN_POLICY)
    policy = fx.load_policy(path)
    d = fx.eligible_for_wfa(employee(), opd("kab-sleman"), date(2026, 4, 10), policy=policy)
    assert_decision(d, fx.Outcome.ALLOWED)
    basis = d.reason(fx.Check.FLEXIBLE_PERIOD).basis
    assert basis is not None and basis.short == "SE Bupati Contoh 1/2026"
    assert basis.confidence is fx.Confidence.SINGLE  # never a borrowed, stronger one
    # floor(40 x 30 %) = 12
    assert fx.max_remote(opd("kab-sleman"), date(2026, 4, 10), policy=policy) == 12
    # known_on before the region's circular: the national Friday answers instead
    early = fx.eligible_for_wfa(
        employee(), opd("kab-sleman"), date(2026, 4, 10), policy=policy, known_on=date(2026, 4, 1)
    )
    assert early.arrangement == "wfh-jumat-2026-daerah"


def test_own_instrument_errors_name_the_field(tmp_path: Path) -> None:
    path = write_text(tmp_path, "bad.toml", OWN_POLICY.replace("signed = 2026-04-06\n", ""))
    with pytest.raises(fx.PolicyDataError, match="signed") as info:
        fx.load_policy(path)
    assert "instrument[0].signed" in str(info.value)
    path.write_text(
        OWN_POLICY.replace('id = "se-bupati-contoh-1-2026"', 'id = "se-menpanrb-2-2025"').replace(
            'instrument = "se-bupati-contoh-1-2026"', 'instrument = "se-menpanrb-2-2025"'
        ),
        encoding="utf-8",
    )
    with pytest.raises(fx.PolicyDataError, match="bundled"):
        fx.load_policy(path)
    path.write_text(
        OWN_POLICY.replace('basis = { instrument = "se-bupati', 'basis = { instrument = "se-x'),
        encoding="utf-8",
    )
    with pytest.raises(fx.PolicyDataError, match="unknown instrument 'se-x") as info:
        fx.load_policy(path)
    assert "arrangement[0].basis" in str(info.value)


def test_register_policy_makes_it_the_default(tmp_path: Path, clean_registry: None) -> None:
    path = write_text(tmp_path, "kab-sleman.toml", OWN_POLICY)
    unit = opd("kab-sleman")
    with pytest.raises(fx.QuotaUndefinedError):
        fx.max_remote(unit, date(2026, 4, 10))
    assert fx.register_policy(fx.load_policy(path)) is None
    assert fx.max_remote(unit, date(2026, 4, 10)) == 12
    assert fx.registered_policies() == ("kab-sleman",)
    assert fx.unregister_policy("kab-sleman") is not None
    with pytest.raises(fx.QuotaUndefinedError):
        fx.max_remote(unit, date(2026, 4, 10))
    with pytest.raises(fx.InvalidInputError):
        fx.register_policy("kab-sleman")  # type: ignore[arg-type]


def test_policy_path_environment_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_text(tmp_path, "kab-sleman.toml", OWN_POLICY)
    monkeypatch.setenv("FLEXASN_POLICY_PATH", str(tmp_path))
    assert fx.get_policy("kab-sleman").name == "Pemerintah Kabupaten Sleman (contoh)"
    assert fx.max_remote(opd("kab-sleman"), date(2026, 4, 10)) == 12
    write_text(tmp_path, "kab-bantul.toml", OWN_POLICY)
    with pytest.raises(fx.PolicyDataError, match="does not match the file name"):
        fx.get_policy("kab-bantul")
    monkeypatch.delenv("FLEXASN_POLICY_PATH")
    assert fx.get_policy("kab-sleman").name == "Kabupaten Sleman"


# --- data currency -------------------------------------------------------------------------


def test_data_as_of_on_every_decision() -> None:
    # instruments.toml: the last search for new instruments, November 2026
    assert fx.data_as_of() == date(2026, 11, 30)
    d = fx.eligible_for_wfa(employee(), opd("kab-sleman"), date(2027, 1, 8))
    assert d.data_as_of == date(2026, 11, 30) and d.known_on is None
    assert d.later_than_known is True
    assert "2026-11-30" in d.explain("id") and "2026-11-30" in d.explain("en")
    past = fx.eligible_for_wfa(employee(), opd("kab-sleman"), date(2026, 4, 10))
    assert past.later_than_known is False
    dumped = past.model_dump(mode="json")
    assert dumped["data_as_of"] == "2026-11-30" and dumped["known_on"] is None


def test_known_on_applies_to_the_calendar_too() -> None:
    # Monday 18 August 2025 became cuti bersama on 7 August 2025 (SKB 933/1/3 of 2025)
    unit = opd("kab-sleman")
    early = fx.quota(unit, date(2025, 8, 18), strict=False, known_on=date(2025, 8, 1))
    late = fx.quota(unit, date(2025, 8, 18), strict=False, known_on=date(2025, 8, 7))
    assert early.status is QuotaStatus.NO_FLEXIBLE_WORK
    assert late.status is QuotaStatus.NOT_WORKING_DAY


# --- quota statuses (DESIGN.md contract) -------------------------------------------------


def test_every_quota_status_once() -> None:
    cases = [
        # Kab. Malang 2025: at most 20 % of an OPD without direct service: floor(40 x 20 %) = 8
        (opd("kab-malang"), date(2025, 3, 24), QuotaStatus.SET, 8),
        (opd("kab-sleman", "dinkes"), date(2026, 4, 10), QuotaStatus.EXCLUDED, 0),
        (opd("kota-batu"), date(2025, 3, 24), QuotaStatus.NO_FLEXIBLE_WORK, 0),
        (opd("kab-sleman"), date(2026, 4, 9), QuotaStatus.NO_FLEXIBLE_WORK, 0),
        (opd("kab-sleman"), date(2026, 4, 3), QuotaStatus.NOT_WORKING_DAY, 0),
        (opd("kab-sleman"), date(2026, 4, 10), QuotaStatus.UNDEFINED, None),
        (opd("kab-sleman"), date(2026, 7, 24), QuotaStatus.UNKNOWN, None),
        (opd("kota-palembang"), date(2025, 3, 24), QuotaStatus.UNKNOWN, None),
        (opd("kab-sleman"), date(2028, 3, 6), QuotaStatus.UNKNOWN, None),
        (opd("kab-sleman"), date(2028, 3, 4), QuotaStatus.NOT_WORKING_DAY, 0),  # a Saturday
    ]
    for unit, day, status, limit in cases:
        q = fx.quota(unit, day, strict=False)
        assert (q.status, q.limit) == (status, limit), (unit.instansi, day)
        if limit is None:
            assert q.percent is None and q.onsite_required is None and q.detail
            with pytest.raises(fx.QuotaUndefinedError):
                fx.max_remote(unit, day)
        else:
            assert fx.max_remote(unit, day) == limit
    with pytest.raises(fx.CoverageError):  # also a QuotaUndefinedError
        fx.max_remote(opd("kab-sleman"), date(2028, 3, 6))


def test_tni_unit_is_excluded_with_pasal_38() -> None:
    unit = opd("nasional", agency_type=fx.AgencyType.TNI)
    q = fx.quota(unit, date(2026, 4, 10), strict=False)
    assert (q.status, q.limit) == (QuotaStatus.EXCLUDED, 0)
    assert q.basis is not None and q.basis.article == "Pasal 38"


# --- a standing arrangement beside the weekly Friday (Pasal 13) ---------------------------

STANDING = textwrap.dedent(
    """
    id = "kab-contoh"
    name = "Pemerintah Kabupaten Contoh"
    level = "kabupaten"

    [[arrangement]]
    id = "fwa-tetap"
    kind = "standing"
    days = [{ first_day = 2026-04-01, last_day = 2026-12-31 }]
    modes = ["wfa"]
    weekly_limit = 2
    basis = { instrument = "permen-panrb-4-2025", article = "Pasal 13 ayat (1)" }
    confidence = "official"

      [[arrangement.quota]]
      default = true
      percent = "10"
    """
)


def test_a_wfh_friday_counts_toward_the_standing_weekly_limit(tmp_path: Path) -> None:
    path = write_text(tmp_path, "kab-contoh.toml", STANDING)
    policy = fx.load_policy(path)
    unit = opd("kab-contoh")
    friday = date(2026, 4, 10)
    d = fx.eligible_for_wfa(employee(), unit, friday, policy=policy, remote_days_this_week=2)
    assert d.arrangement == "wfh-jumat-2026-daerah"  # the weekly Friday governs the day
    assert d.reason(fx.Check.WEEKLY_LIMIT).passed is False  # a third remote day that week
    ok = fx.eligible_for_wfa(employee(), unit, friday, policy=policy, remote_days_this_week=1)
    assert ok.reason(fx.Check.WEEKLY_LIMIT).passed is True
    thursday = fx.eligible_for_wfa(employee(), unit, friday - timedelta(days=1), policy=policy)
    assert thursday.arrangement == "fwa-tetap" and thursday.outcome is fx.Outcome.ALLOWED


def test_conflicts_are_found_whenever_a_policy_is_built() -> None:
    a = arrangement("a", date(2026, 1, 1), date(2026, 12, 31), fx.Weekday.FRIDAY)
    b = a.model_copy(update={"id": "b", "weekdays": (fx.Weekday.THURSDAY, fx.Weekday.FRIDAY)})
    c = a.model_copy(update={"id": "c", "weekdays": (fx.Weekday.THURSDAY,)})
    with pytest.raises(fx.PolicyConflictError, match="'a' and 'b' both cover 2026-01-02"):
        Policy(id="kab-contoh", name="Contoh", level=fx.Level.KABUPATEN, arrangement=(a, b))
    # Friday and Thursday arrangements share no day: no conflict
    Policy(id="kab-contoh", name="Contoh", level=fx.Level.KABUPATEN, arrangement=(a, c))


def test_spans_not_days_are_compared() -> None:
    # a hostile span of years 1-9999 loads at once (issue 12: compare spans, not days)
    far = arrangement("jauh", date(1, 1, 1), date(9999, 12, 30), fx.Weekday.MONDAY)
    other = far.model_copy(update={"id": "lain", "weekdays": (fx.Weekday.TUESDAY,)})
    Policy(id="kab-contoh", name="Contoh", level=fx.Level.KABUPATEN, arrangement=(far, other))


def test_an_estimated_islamic_holiday_is_not_a_certain_day_off() -> None:
    # LAW.md §4: Idul Fitri 1448 H (10-11 March 2027) is an estimate in a covered year.
    # Without an arrangement the answer is certain either way (no flexible work): denied.
    unit = opd("kab-sleman")
    plain = fx.eligible_for_wfa(employee(), unit, date(2027, 3, 10))
    assert plain.outcome is fx.Outcome.DENIED
    assert plain.reason(fx.Check.WORKING_DAY).passed is None
    assert fx.quota(unit, date(2027, 3, 10), strict=False).status is QuotaStatus.NO_FLEXIBLE_WORK
    # Under an arrangement covering the day, whether it is a working day decides: unknown
    window = _with_extra_national_window(date(2027, 3, 10))
    covered = window.model_copy(update={"id": "kab-contoh", "level": fx.Level.KABUPATEN})
    d = fx.eligible_for_wfa(employee(), unit, date(2027, 3, 10), policy=covered)
    assert d.outcome is fx.Outcome.UNDETERMINED and fx.Check.WORKING_DAY in d.unknown
    q = fx.quota(unit, date(2027, 3, 10), policy=covered, strict=False)
    assert (q.status, q.reason, q.limit) == (QuotaStatus.UNKNOWN, "estimated_holiday", None)
    with pytest.raises(fx.QuotaUndefinedError):
        fx.max_remote(unit, date(2027, 3, 10), policy=covered)


def test_quoted_sources_agree_with_the_data() -> None:
    # Kota Cimahi: "a maximum proportion of 75 percent" -> the default rule's 75 %
    cimahi = fx.instrument("kebijakan-kota-cimahi-wfh-jumat-2026")
    quote = next(s.quote for s in cimahi.sources if s.quote)
    assert quote is not None and "75 percent" in quote
    rule = next(r for r in fx.get_policy("kota-cimahi").arrangement[0].quota if r.default)
    assert rule.percent == 75
    # The extension: "for the next two months", announced 21 May 2026
    ext = fx.instrument("wfh-jumat-2026-perpanjangan")
    assert any(s.quote and "next two months" in s.quote for s in ext.sources)
    assert ext.published == date(2026, 5, 21)
    # Jawa Barat's trial (SE 150/KPG.03/BKD, public 4 November 2025): Thursdays in
    # November, "sistem 50-50" in December
    trial = fx.instrument("se-jabar-150-kpg-03-bkd")
    assert trial.published == date(2025, 11, 4)
    assert any(s.quote and "50-50" in s.quote for s in trial.sources)
    unit = opd("prov-jabar", headcount=60)
    d = fx.eligible_for_wfa(employee(), unit, date(2025, 11, 13), known_on=date(2025, 11, 10))
    assert d.arrangement == "wfh-kamis-uji-coba-november-2025"
