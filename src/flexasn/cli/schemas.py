"""The JSON Schema (draft 2020-12) of each command's ``--format json`` output.

One shape per command, whatever the status: every object lists every key it can have
(``required`` names them all, ``additionalProperties`` is false), a key without a value is
``null``, and numbers are JSON numbers. ``docs/gen_pages.py`` publishes them
(``docs/reference/cli-json.md`` and ``docs/reference/cli-json/<command>.json``) and
``tests/test_cli_json.py`` validates each command's output against its schema.

Schemas of outputs that are a library model's JSON (a decision, a ``doctor`` report) are
built from that model's own serialization schema, made strict the same way.
"""

from __future__ import annotations

import copy
from typing import Any

import flexasn as fx
from flexasn.messages import LANGUAGES

DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


def _nullable(kind: str | Schema) -> Schema:
    schema = {"type": kind} if isinstance(kind, str) else kind
    return {"anyOf": [schema, {"type": "null"}]}


def _object(properties: dict[str, Schema], description: str = "") -> Schema:
    out: Schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        out["description"] = description
    return out


DATE: Schema = {"type": "string", "format": "date"}
TEXT: Schema = {"type": "string"}


def strict(schema: Schema) -> Schema:
    """``schema`` with every object's keys all required and no others allowed: a key is
    always there, ``null`` where it has no value."""
    out = copy.deepcopy(schema)

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                node["required"] = list(node["properties"])
                node["additionalProperties"] = False
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(out)
    return out


def quota_schema() -> Schema:
    """``flexasn quota --format json``: one object per OPD."""
    row = _object(
        {
            "day": DATE,
            "opd": TEXT,
            "instansi": TEXT,
            "policy": _nullable("string"),
            "status": {"enum": [s.value for s in fx.QuotaStatus]},
            "arrangement": _nullable("string"),
            "rule": _nullable("string"),
            "percent": _nullable("number"),
            "headcount": {"type": "integer", "minimum": 0},
            "onsite_required": _nullable({"type": "integer", "minimum": 0}),
            "rounding": _nullable("string"),
            "limit": _nullable({"type": "integer", "minimum": 0}),
            "basis": _nullable("string"),
            "reason": TEXT,
            "detail": _nullable("string"),
            "messages": _nullable(
                _object(dict.fromkeys(LANGUAGES, TEXT), "Why, in each language.")
            ),
            "name": TEXT,
            "formula": _nullable("string"),
            "note": TEXT,
        },
        "An OPD's quota on the day: limit null where the law gives no number (status "
        "undefined or unknown); formula null where no percentage applies.",
    )
    return {"type": "array", "items": row}


def calendar_schema() -> Schema:
    """``flexasn calendar --format json``: one object per day."""
    regional = _object(
        {
            "policy": TEXT,
            "arrangement": TEXT,
            "national": {"type": "boolean"},
            "kind": {"enum": [k.value for k in fx.ArrangementKind]},
            "modes": {"type": "array", "items": {"enum": ["wfh", "wfa"]}},
            "flexible": {"type": "boolean"},
            "basis": TEXT,
        },
        "The policy's arrangement in force that day.",
    )
    row = _object(
        {
            "date": DATE,
            "weekday": {"type": "integer", "minimum": 0, "maximum": 6},
            "kind": {"enum": [k.value for k in fx.DayKind]},
            "working_day": {"type": "boolean"},
            "name_id": _nullable("string"),
            "name_en": _nullable("string"),
            "estimated": {"type": "boolean"},
            "basis": TEXT,
            "national_flexible": _nullable("string"),
            "regional": _nullable(regional),
        },
        "A day of the ASN calendar; regional is null without --policy or where no "
        "arrangement of the policy covers the day.",
    )
    return {"type": "array", "items": row}


def _model_schema(model: type[Any]) -> Schema:
    schema: Schema = model.model_json_schema(mode="serialization")
    return schema


def check_schema() -> Schema:
    """``flexasn check --format json``: the library's Decision JSON, each reason with its
    citation in the chosen language."""
    schema = _model_schema(fx.Decision)
    reason = schema["$defs"]["Reason"]
    reason["properties"]["citation"] = _nullable("string")
    return strict(schema)


def doctor_schema() -> Schema:
    """``flexasn doctor --format json``: the DoctorReport JSON and the command's exit code."""
    schema = _model_schema(fx.DoctorReport)
    schema["properties"]["exit_code"] = {"enum": [0, 1]}
    return strict(schema)


def hours_schema() -> Schema:
    """``flexasn hours --format json``: the library's HoursReport JSON."""
    return strict(_model_schema(fx.HoursReport))


def policies_schema() -> Schema:
    """``flexasn policies --format json`` (the list): one object per policy."""
    row = _object(
        {
            "id": TEXT,
            "level": {"enum": [level.value for level in fx.Level]},
            "timezone": {"enum": ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]},
            "arrangements": {"type": "integer", "minimum": 0},
            "name": TEXT,
        }
    )
    return {"type": "array", "items": row}


def plan_schema() -> Schema:
    """``flexasn plan --format json``: one object per OPD planned, each employee named by a
    masked id and their row in the employees file, never a NIP."""
    from typing import get_args

    from flexasn.schedule import DayStatus

    who = {"employee": TEXT, "row": _nullable({"type": "integer", "minimum": 2})}
    checks = {"type": "array", "items": {"enum": [c.value for c in fx.Check]}}
    fairness = strict(_model_schema(fx.Fairness))
    fairness.pop("title", None)
    day = _object(
        {
            "day": DATE,
            "status": {"enum": list(get_args(DayStatus))},
            "limit": _nullable({"type": "integer", "minimum": 0}),
            "arrangement": _nullable("string"),
            "basis": _nullable("string"),
            "remote": {
                "type": "array",
                "items": _object({**who, "mode": {"enum": ["wfh", "wfa"]}}),
            },
        }
    )
    plan = _object(
        {
            "opd": TEXT,
            "instansi": TEXT,
            "policy": TEXT,
            "first_day": DATE,
            "last_day": DATE,
            "employees": {"type": "integer", "minimum": 0},
            "days": {"type": "array", "items": day},
            "held": {"type": "array", "items": _object({**who, "checks": checks})},
            "fairness": _nullable(fairness),
        },
        "One OPD's rotation; held lists who stayed on site and the checks that kept them.",
    )
    return {"type": "array", "items": plan}


def validate_schema() -> Schema:
    """``flexasn validate --format json``: the schedule file's verdict and its violations,
    each naming its rows (schedule file and employees file), never a NIP."""
    row = {"type": "integer", "minimum": 2}
    violation = _object(
        {
            "check": {"enum": [c.value for c in fx.Check]},
            "day": _nullable(DATE),
            "opd": TEXT,
            "employee": _nullable("string"),
            "file": TEXT,
            "row": _nullable(row),
            "roster_row": _nullable(row),
            "failed": {"type": "array", "items": {"enum": [c.value for c in fx.Check]}},
            "basis": _nullable("string"),
            "message": TEXT,
        }
    )
    return _object(
        {
            "file": TEXT,
            "opd": _nullable("string"),
            "opds": {"type": "array", "items": TEXT},
            "valid": {"type": "boolean"},
            "violations": {"type": "array", "items": violation},
        },
        "opd is the schedule's OPD when the file holds one, else null (see opds).",
    )


def policy_schema() -> Schema:
    """``flexasn policies ID --format json`` (one policy): the policy's fields as its file
    holds them (percentages as decimal strings, ``"20"``), each arrangement and quota rule
    with a ``citation`` text in the chosen language."""
    schema = _model_schema(fx.Policy)
    for name in ("Arrangement", "QuotaRule"):
        schema["$defs"][name]["properties"]["citation"] = TEXT
    return strict(schema)


SCHEMAS = {
    "calendar": calendar_schema,
    "check": check_schema,
    "doctor": doctor_schema,
    "hours": hours_schema,
    "plan": plan_schema,
    "policies": policies_schema,
    "policies-id": policy_schema,
    "quota": quota_schema,
    "validate": validate_schema,
}
"""The commands whose JSON output has a published schema, with the function building it."""


def schema(command: str) -> Schema:
    """The JSON Schema of ``flexasn COMMAND --format json``, with its ``$schema`` and
    ``title``."""
    built = SCHEMAS[command]()
    words = "policies ID" if command == "policies-id" else command
    return {**built, "$schema": DIALECT, "title": f"flexasn {words} --format json"}
