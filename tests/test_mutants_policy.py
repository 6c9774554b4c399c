"""Policies (`flexasn.policy`), pinned where `make mutate` found a change no test noticed
(issue 12): a conflict names the policy in both languages; a conflict of quota rules in a
file speaks Indonesian too; an arrangement lists each remote mode once (a mode listed twice
would have the roster check say "allows only WFH, WFH")."""

from __future__ import annotations

import pytest

import flexasn as fx
from builders import FRI, MON, WED, arrangement, policy, span
from common import WriteFile, messages
from test_policy_file_errors import GOOD, NAME


def test_arrangements_of_equal_rank_that_share_a_day_name_the_policy() -> None:
    # A dated window 5-7 May and a no-flexible-work span 7-9 May 2025 (both dated-type,
    # so of equal rank) share Wednesday 7 May: the policy that holds them is named.
    with pytest.raises(fx.PolicyConflictError) as info:
        policy(
            arrangement("a", days=[span(MON, WED)]),
            arrangement("b", "no_flexible_work", [span(WED, FRI)]),
        )
    assert info.value.rules == ("a", "b")
    assert messages(info.value) == {
        "id": "kebijakan 'kab-uji': pengaturan 'a' dan 'b' sama-sama mencakup 2025-05-07 "
        "dengan peringkat yang sama",
        "en": "policy 'kab-uji': arrangements 'a' and 'b' both cover 2025-05-07 with equal rank",
    }


def test_quota_rules_that_disagree_in_a_file_speak_both_languages(write_file: WriteFile) -> None:
    # Two default rules (10 % and 20 %) of one arrangement apply to every OPD: the first
    # named is the first OPD kind in alphabetical order, of the first service category.
    path = write_file(
        NAME, GOOD + '\n  [[arrangement.quota]]\n  default = true\n  percent = "20"\n'
    )
    with pytest.raises(fx.PolicyConflictError) as info:
        fx.load_policy(path)
    assert info.value.rules == ("default 10%", "default 20%")
    assert info.value.day is None and info.value.lines is None
    assert messages(info.value) == {
        "id": f"{path}: pengaturan 'lebaran': aturan kuota 'default 10%' dan 'default 20%' "
        "sama-sama berlaku bagi OPD berjenis 'bakesbangpol' (esensial) dengan batas yang berbeda",
        "en": f"{path}: arrangement 'lebaran': quota rules 'default 10%' and 'default 20%' both "
        "apply to an OPD of kind 'bakesbangpol' (esensial) with different limits",
    }


@pytest.mark.parametrize("modes", [["wfh", "wfh"], ["wfa", "wfh", "wfa"]], ids=str)
def test_a_mode_listed_twice_is_refused(modes: list[str]) -> None:
    with pytest.raises(fx.ModelValidationError) as info:
        policy(arrangement(modes=modes))
    assert info.value.fields == ("arrangement[0]",)
    assert messages(info.value) == {
        "id": "Policy tidak sah: isian 'arrangement[0]': modes memuat satu mode dua kali",
        "en": "invalid Policy: field 'arrangement[0]': modes lists a mode twice",
    }


def test_a_mode_listed_twice_in_a_file_names_its_arrangement(write_file: WriteFile) -> None:
    # GOOD's only [[arrangement]] table starts on line 5.
    path = write_file(NAME, GOOD.replace('modes = ["wfa"]', 'modes = ["wfa", "wfa"]'))
    with pytest.raises(fx.PolicyDataError) as info:
        fx.load_policy(path)
    assert (info.value.field, info.value.line) == ("arrangement[0]", 5)
    assert messages(info.value) == {
        "id": f"{path}:5, isian arrangement[0]: modes memuat satu mode dua kali",
        "en": f"{path}:5, field arrangement[0]: modes lists a mode twice",
    }
