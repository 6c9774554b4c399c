"""Kota Bogor's own Friday WFH of 2026 (found 1 December 2026, docs/regional-search-log-kota.md).

Kompas, 2 April 2026 (republished in English by Jawawa): "Bogor City Government will impose
sanctions on civil servants (ASN) who work from home (WFH) every Friday and fail to reply to
messages. [...] This is stipulated in Circular Letter (SE) Number 800.1.5/1633-BKPSDM of 2026".
No proportion, no end and no list of units kept on site is reported. Expected values, by hand:

- a Friday of April 2026 (10 April, the first WFH Friday: 3 April is Good Friday) is a WFH day
  of the city's own arrangement; the proportion is left to the head of OPD, so a
  non-service OPD is `undetermined` (opd_allowed unknown), never `allowed` with a number;
- the national exclusions still bind the city (SE MenPANRB 3/2026: health, disaster, fire,
  public order, schools; SE Mendagri 3349: kecamatan and kelurahan keep serving, structural
  officials stay in the office): those are `denied`;
- the city's Fridays are read as known for the national circular's first two months (to 29
  May 2026, as for DKI Jakarta, Cimahi and Surabaya); after that their continuation is
  unknown, and the city's own unknown continuation outranks the national extension (DESIGN.md
  precedence): 12 June 2026 is `undetermined` with the flexible-period check unknown;
- asked as of 1 April 2026, before the report of 2 April, the city's circular is not known
  yet: the day answers by the national Friday of SE MenPANRB 3/2026 (public 31 March 2026);
- a Thursday is an ordinary office day.
"""

from __future__ import annotations

from datetime import date

import flexasn as fx
from builders import opd, staff

FIRST_WFH_FRIDAY = date(2026, 4, 10)
JUNE_FRIDAY = date(2026, 6, 12)


def bogor(
    kind: str = "bkad", service: fx.ServiceCategory = fx.ServiceCategory.NON_DIRECT
) -> fx.Opd:
    return opd(kind=kind, service=service).model_copy(update={"instansi": "kota-bogor"})


def test_a_friday_of_april_is_the_citys_own_wfh_day_with_no_proportion() -> None:
    d = fx.eligible_for_wfa(staff(), bogor(), FIRST_WFH_FRIDAY)
    assert d.arrangement == "wfh-jumat-2026"
    assert d.outcome is fx.Outcome.UNDETERMINED
    assert d.unknown == (fx.Check.OPD_ALLOWED,)
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).passed is True
    assert d.modes == (fx.WorkMode.WFH,)
    basis = d.reason(fx.Check.FLEXIBLE_PERIOD).basis
    assert basis is not None and basis.instrument == "se-kota-bogor-800-1-5-1633-2026"


def test_the_national_exclusions_still_bind_the_city() -> None:
    for kind, service in (
        ("dinkes", fx.ServiceCategory.ESSENTIAL),
        ("kecamatan", fx.ServiceCategory.DIRECT),
    ):
        d = fx.eligible_for_wfa(staff(), bogor(kind, service), FIRST_WFH_FRIDAY)
        assert d.outcome is fx.Outcome.DENIED, kind
        assert fx.Check.OPD_ALLOWED in d.failed, kind
    official = staff(position=fx.PositionType.STRUCTURAL)
    d = fx.eligible_for_wfa(official, bogor(), FIRST_WFH_FRIDAY)
    assert d.outcome is fx.Outcome.DENIED
    assert fx.Check.ROLE_ONSITE in d.failed


def test_after_29_may_the_citys_continuation_is_unknown() -> None:
    d = fx.eligible_for_wfa(staff(), bogor(), JUNE_FRIDAY)
    assert d.outcome is fx.Outcome.UNDETERMINED
    assert d.arrangement == "wfh-jumat-2026-lanjutan"
    assert d.reason(fx.Check.FLEXIBLE_PERIOD).key == "flexible_period.unknown_continuation"


def test_before_the_report_the_national_friday_answers() -> None:
    d = fx.eligible_for_wfa(staff(), bogor(), FIRST_WFH_FRIDAY, known_on=date(2026, 4, 1))
    assert d.arrangement == "wfh-jumat-2026-daerah"
    assert d.outcome is fx.Outcome.UNDETERMINED


def test_a_thursday_is_an_ordinary_office_day() -> None:
    d = fx.eligible_for_wfa(staff(), bogor(), date(2026, 4, 9))
    assert d.arrangement is None
