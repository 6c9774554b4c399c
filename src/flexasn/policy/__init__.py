"""Policies: an instansi's flexible-work arrangements as validated, cited data.

A policy file (TOML, one per instansi, under ``flexasn/data/policies/``) names the
instansi, its level and time zone, and its **arrangements**. Each arrangement has
inclusive day spans, a kind, the modes it allows, quota rules, who must stay on
site, a weekly limit where the standing regime applies, and its legal basis.

Arrangement kinds:

- ``dated``: a window a circular names day by day (SE MenPANRB 2/2025, a regional SE).
- ``standing``: a standing arrangement under Permen PANRB 4/2025 (weekly limit, Pasal 13).
- ``no_flexible_work``: the instansi decided that everyone works from the office.
- ``decision_unknown``: the instansi's decision for those days is not known
  (decisions answer ``undetermined``, quotas raise ``QuotaUndefinedError``).

Precedence (flexasn's reading of LAW.md, "How the instruments combine"): a dated
arrangement (any kind but ``standing``) is the later, specific instrument for its
days and outranks a standing one; two non-standing arrangements, or two standing
ones, covering the same day are a [`PolicyConflictError`][flexasn.PolicyConflictError].

Quota rules match an OPD by canonical ``kind`` (rank 3), by service category
(rank 2) or as the default (rank 1); the most specific match wins, and two
matching rules of equal rank with different limits raise
[`PolicyConflictError`][flexasn.PolicyConflictError] naming both rules and the OPD. An
arrangement with no quota rules leaves the proportion to the head of agency.

The policy layer lives in modules of one concept each: `arrangement` (arrangements, quota
rules, bases), `model` (the policy, its layers and precedence) and `registry` (loading,
registering and looking policies up); every name is importable from here as before.
"""

from __future__ import annotations

from ..people import Level as Level  # re-exported: it lived here before 0.2
from .arrangement import (
    PERMITTING,
    POLICY_SCHEMA_VERSION,
    TIMEZONES,
    Arrangement,
    ArrangementKind,
    Basis,
    Notes,
    Percent,
    QuotaRule,
    Rounding,
    Weekday,
)
from .model import NATIONAL, InForce, Policy, parse_policy
from .registry import (
    POLICY_PATH_ENV,
    get_policy,
    list_policies,
    load_policy,
    national_policy,
    policy_json_schema,
    register_policy,
    registered_policies,
    resolve_policy,
    unregister_policy,
    write_policy_json_schema,
)

__all__ = [
    "NATIONAL",
    "PERMITTING",
    "POLICY_PATH_ENV",
    "POLICY_SCHEMA_VERSION",
    "TIMEZONES",
    "Arrangement",
    "ArrangementKind",
    "Basis",
    "InForce",
    "Level",
    "Notes",
    "Percent",
    "Policy",
    "QuotaRule",
    "Rounding",
    "Weekday",
    "get_policy",
    "list_policies",
    "load_policy",
    "national_policy",
    "parse_policy",
    "policy_json_schema",
    "register_policy",
    "registered_policies",
    "resolve_policy",
    "unregister_policy",
    "write_policy_json_schema",
]
