"""The shared models (`flexasn._model`), pinned where `make mutate` found a change no test
noticed (issue 12): a "listed twice" error names the weekdays in weekday order, and
``model_validate_json`` and ``model_validate_strings`` keep pydantic's keywords and name
the model in their errors, as ``model_validate`` does."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

import flexasn as fx
from common import messages
from flexasn._model import DateSpan
from flexasn.worktime import WorkSchedule


def test_weekdays_listed_twice_are_named_in_weekday_order() -> None:
    # Monday and Friday both in two hours entries (7 h each, so 4 x 7 h = 28 h a week):
    # the error names them Monday first, as a week runs, not "fri, mon" (alphabetical).
    entry: dict[str, Any] = {
        "id": "contoh",
        "days": [{"first_day": date(2025, 3, 1), "last_day": date(2025, 3, 30)}],
        "hours": [
            {"days": ["fri", "mon"], "start": time(8), "end": time(15)},
            {"days": ["mon", "fri"], "start": time(8), "end": time(15)},
        ],
        "weekly_total": 28 * 60,
        "basis": {"instrument": "perpres-21-2023", "article": "Pasal 4"},
        "confidence": "reported",
    }
    with pytest.raises(fx.ModelValidationError) as info:
        WorkSchedule.model_validate(entry)
    assert messages(info.value) == {
        "id": "WorkSchedule tidak sah: hari mon, fri tercantum di lebih dari satu entri hours",
        "en": "invalid WorkSchedule: weekday(s) mon, fri listed in more than one hours entry",
    }


def test_model_validate_passes_pydantics_keywords_on() -> None:
    # From Python, lax mode reads the text "2025-03-24" as a date; strict mode wants a date.
    data = {"first_day": "2025-03-24", "last_day": date(2025, 3, 27)}
    assert str(DateSpan.model_validate(data)) == "2025-03-24..2025-03-27"
    with pytest.raises(fx.ModelValidationError) as info:
        DateSpan.model_validate(data, strict=True)
    assert str(info.value) == "invalid DateSpan: field 'first_day': Input should be a valid date"


# 1742774400 is 2025-03-24 00:00 UTC as a Unix time: pydantic's lax mode reads it as a
# date, its strict mode (``strict=True``) accepts only the text "2025-03-24".
TIMESTAMP_SPAN = '{"first_day": 1742774400, "last_day": "2025-03-27"}'


def test_model_validate_json_passes_pydantics_keywords_on() -> None:
    assert str(DateSpan.model_validate_json(TIMESTAMP_SPAN)) == "2025-03-24..2025-03-27"
    with pytest.raises(fx.ModelValidationError) as info:
        DateSpan.model_validate_json(TIMESTAMP_SPAN, strict=True)
    assert str(info.value) == "invalid DateSpan: field 'first_day': Input should be a valid date"


def test_model_validate_strings_passes_pydantics_keywords_on() -> None:
    # "2025-03-24T00:00" is a date at midnight: lax mode reads it, strict mode wants the date.
    data = {"first_day": "2025-03-24T00:00", "last_day": "2025-03-27"}
    assert str(DateSpan.model_validate_strings(data)) == "2025-03-24..2025-03-27"
    with pytest.raises(fx.ModelValidationError) as info:
        DateSpan.model_validate_strings(data, strict=True)
    assert info.value.fields == ("first_day",)
    assert str(info.value).startswith("invalid DateSpan: field 'first_day': ")


def test_model_validate_strings_names_the_model_in_both_languages() -> None:
    # 27 March before 28 March: a reversed span, as the form gave it.
    with pytest.raises(fx.ModelValidationError) as info:
        DateSpan.model_validate_strings({"first_day": "2025-03-28", "last_day": "2025-03-27"})
    assert messages(info.value) == {
        "id": "DateSpan tidak sah: last_day 2025-03-27 sebelum first_day 2025-03-28",
        "en": "invalid DateSpan: last_day 2025-03-27 is before first_day 2025-03-28",
    }
