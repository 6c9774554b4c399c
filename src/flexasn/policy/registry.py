"""Where policies come from: a user's file ([`load_policy`][flexasn.load_policy]), the bundled
files, the policies registered in code or found on ``FLEXASN_POLICY_PATH``, and the register
of regional governments ([`get_policy`][flexasn.get_policy] tries them in that order)."""

from __future__ import annotations

import functools
import os
import threading
from pathlib import Path
from typing import Any

from .._loader import bundled_names, bundled_text, parse_toml, user_text
from ..errors import PolicyDataError, require_path, require_type
from ..messages import Text
from .model import NATIONAL, Policy, parse_policy


def load_policy(path: str | Path) -> Policy:
    """Load a user's own TOML policy file, with the same schema and checks as the bundled ones.

    The file may declare its own instruments (``[[instrument]]``: the region's circulars)
    and cite them. Errors name the file, the field and, where it can be found, the line:
    [`PolicyDataError`][flexasn.PolicyDataError] for bad data,
    [`PolicyConflictError`][flexasn.PolicyConflictError] for rules that contradict each other.
    """
    require_path(path)
    name, text = user_text(path)
    return parse_policy(parse_toml(name, text), name, text)


@functools.cache
def list_policies() -> tuple[str, ...]:
    """The ids of the bundled policies with data of their own, sorted.

    [`get_policy`][flexasn.get_policy] answers for more: every id of the register of regional
    governments (`flexasn.instansi_ids`), over the national layer.
    """
    return tuple(bundled_names("policies"))


_REGISTERED: dict[str, Policy] = {}
_LOCK = threading.RLock()
POLICY_PATH_ENV = "FLEXASN_POLICY_PATH"
"""Environment variable: folders (separated by ``os.pathsep``) of the user's policy files,
named ``<id>.toml``; a file there is the policy used for its instansi id."""


def register_policy(policy: Policy) -> Policy | None:
    """Make ``policy`` the one used for its instansi id (``policy.id``) by every call that
    does not pass ``policy=``; returns the policy it replaces, if one was registered.

    Registering a policy with id ``nasional`` replaces the national layer that every
    other policy inherits. [`unregister_policy`][flexasn.unregister_policy] undoes it.
    """
    require_type(policy, Policy, "policy")
    with _LOCK:
        previous = _REGISTERED.get(policy.id)
        _REGISTERED[policy.id] = policy
    return previous


def unregister_policy(policy_id: str) -> Policy | None:
    """Forget a policy registered with [`register_policy`][flexasn.register_policy]; returns it, or
    None."""
    require_type(policy_id, str, "policy_id")
    with _LOCK:
        return _REGISTERED.pop(policy_id, None)


def registered_policies() -> tuple[str, ...]:
    """The ids of the policies registered with [`register_policy`][flexasn.register_policy],
    sorted."""
    with _LOCK:
        return tuple(sorted(_REGISTERED))


@functools.cache
def _load_user_file(path: str, mtime_ns: int, size: int) -> Policy:
    del mtime_ns, size  # part of the cache key: an edited file is read again
    return load_policy(path)


def _from_policy_path(policy_id: str) -> Policy | None:
    folders = os.environ.get(POLICY_PATH_ENV, "")
    for folder in filter(None, folders.split(os.pathsep)):
        candidate = Path(folder) / f"{policy_id}.toml"
        try:
            stat = candidate.stat()
        except OSError:
            continue
        with _LOCK:
            policy = _load_user_file(str(candidate), stat.st_mtime_ns, stat.st_size)
        if policy.id != policy_id:
            raise PolicyDataError(
                Text("policy.id_not_file_name", id=policy.id), file=str(candidate), field="id"
            )
        return policy
    return None


@functools.cache
def _bundled_policy(policy_id: str) -> Policy:
    name, text = bundled_text(f"policies/{policy_id}.toml")
    policy = parse_policy(parse_toml(name, text), name, text)
    if policy.id != policy_id:
        raise PolicyDataError(Text("policy.id_not_file_name", id=policy.id), file=name, field="id")
    return policy


@functools.cache
def _register_policy(policy_id: str) -> Policy:
    from ..register import instansi  # the register is loaded only when asked for

    entry = instansi(policy_id)
    return Policy(
        id=entry.id,
        name=entry.name,
        level=entry.level,
        timezone=entry.timezone,
        province=entry.province,
    )


def _administrative_parent(policy_id: str) -> str | None:
    from ..register import instansi

    return instansi(policy_id).parent


def get_policy(policy_id: str) -> Policy:
    """The policy of an instansi id: ``"kab-malang"``, ``"kab-sleman"``, ``"nasional"``.

    In order: a policy registered with [`register_policy`][flexasn.register_policy]; a file
    ``<id>.toml`` in a
    folder of ``FLEXASN_POLICY_PATH``; the bundled policy with data of its own; for any
    other id of the register of 552 regional governments, a policy with no data of its
    own, answering by the national layer alone (for DKI Jakarta's six administrative
    areas, whose staff are the province's: the province's policy under the area's id and
    name). An id outside the register raises
    [`UnknownPolicyError`][flexasn.UnknownPolicyError] naming the closest known ids.
    """
    require_type(policy_id, str, "policy_id")
    registered = _REGISTERED.get(policy_id)
    if registered is not None:
        return registered
    from_path = _from_policy_path(policy_id)
    if from_path is not None:
        return from_path
    with _LOCK:  # built once, even when many threads ask at the same time
        if policy_id in list_policies():
            return _bundled_policy(policy_id)
        policy = _register_policy(policy_id)
    parent = _administrative_parent(policy_id)
    if parent is not None:
        # DKI Jakarta's kota / kabupaten administrasi are not regional governments: their
        # civil servants are the province's, under the province's arrangements
        # (same province: the register gives the parent as their province)
        return get_policy(parent).model_copy(update={"id": policy.id, "name": policy.name})
    return policy


def national_policy() -> Policy:
    """The national layer every other policy inherits (the ``nasional`` policy, or the
    one registered in its place)."""
    return get_policy(NATIONAL)


def resolve_policy(policy: Policy | str | None, instansi: str) -> Policy:
    """The policy to apply: the one given, an instansi id, or the instansi's own policy."""
    if isinstance(policy, Policy):
        return policy
    require_type(policy, (Policy, str), "policy", optional=True)
    return get_policy(policy if policy is not None else instansi)


def policy_json_schema() -> dict[str, Any]:
    """The JSON Schema of a policy file (the same schema as the bundled files)."""
    return Policy.model_json_schema()


def write_policy_json_schema(path: str | Path) -> None:
    """Write the policy JSON Schema to ``path``."""
    import json  # imported on first use: not part of ``import flexasn``

    Path(path).write_text(json.dumps(policy_json_schema(), indent=2) + "\n", encoding="utf-8")


__all__ = [
    "POLICY_PATH_ENV",
    "get_policy",
    "list_policies",
    "load_policy",
    "national_policy",
    "policy_json_schema",
    "register_policy",
    "registered_policies",
    "resolve_policy",
    "unregister_policy",
    "write_policy_json_schema",
]
