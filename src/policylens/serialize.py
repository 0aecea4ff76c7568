"""Reports to plain data (JSON-ready) and back, losslessly, for the result cache.

`Report.to_dict` is the public JSON schema: it leaves out what readers do not need (the clean
text, each finding's practice). The cache needs all of it, so a cached report renders and diffs
byte for byte like a fresh one. Rather than a second hand-written schema that drifts whenever a
model gains a field, the conversion follows the dataclasses' own type hints: every field of
every model is kept, and a type it does not know is an error (the cache then skips the entry),
never a silently wrong report. JSON rather than pickle, so a cache folder shared through CI
can at worst hold a wrong entry (keys are content hashes), never run code.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from functools import cache
from typing import Any

from policylens.models import Report

FORMAT = 1  # bump when the encoding itself changes


class SerializeError(ValueError):
    """The data does not fit the model (a corrupt or foreign cache entry), or a type is unknown."""


@cache
def _hints(cls: type) -> tuple[tuple[str, Any], ...]:
    module = sys.modules[cls.__module__]
    hints = typing.get_type_hints(cls, vars(module))
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def encode(value: Any, tp: Any) -> Any:
    """`value` of type `tp` as JSON data."""
    if tp is Any:
        return value
    if _is_union(tp):
        options = typing.get_args(tp)
        if value is None and type(None) in options:
            return None
        concrete = [t for t in options if t is not type(None)]
        if len(concrete) == 1:
            return encode(value, concrete[0])
        for index, option in enumerate(concrete):  # a true union: say which member it is
            if _fits(value, option):
                return {"union": index, "value": encode(value, option)}
        raise SerializeError(f"{type(value).__name__} is none of {tp}")
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, tp):
            raise SerializeError(f"expected {tp.__name__}, got {type(value).__name__}")
        return {name: encode(getattr(value, name), ftp) for name, ftp in _hints(tp)}
    origin = typing.get_origin(tp)
    if origin is tuple or origin is list:
        args = typing.get_args(tp)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(value) != len(args):
                raise SerializeError(f"expected {len(args)} items for {tp}")
            return [encode(v, t) for v, t in zip(value, args, strict=True)]
        return [encode(v, args[0]) for v in value]
    if origin is dict:
        key_tp, value_tp = typing.get_args(tp)
        if key_tp is not str:
            raise SerializeError(f"unsupported dict key type in {tp}")
        return {str(k): encode(v, value_tp) for k, v in value.items()}
    if tp in (str, int, float, bool):
        if not isinstance(value, tp):
            raise SerializeError(f"expected {tp.__name__}, got {type(value).__name__}")
        return value
    raise SerializeError(f"unsupported type {tp}")


def _fits(value: Any, tp: Any) -> bool:
    """Whether `value` is an instance of `tp`, looking one level into containers' types."""
    origin = typing.get_origin(tp) or tp
    if _is_union(tp):
        return any(_fits(value, t) for t in typing.get_args(tp))
    if tp is type(None):
        return value is None
    if tp is Any:
        return True
    if not isinstance(value, origin):
        return False
    return not (tp is int and isinstance(value, bool))


def decode(data: Any, tp: Any) -> Any:
    """The inverse of `encode`; raises SerializeError when `data` does not fit `tp`."""
    if tp is Any:
        return data
    if _is_union(tp):
        options = typing.get_args(tp)
        if data is None:
            if type(None) in options:
                return None
            raise SerializeError(f"null for {tp}")
        concrete = [t for t in options if t is not type(None)]
        if len(concrete) == 1:
            return decode(data, concrete[0])
        if not isinstance(data, dict) or set(data) != {"union", "value"} \
                or not isinstance(data["union"], int) or not 0 <= data["union"] < len(concrete):
            raise SerializeError(f"expected a member of {tp}")
        return decode(data["value"], concrete[data["union"]])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise SerializeError(f"expected an object for {tp.__name__}")
        fields = _hints(tp)
        if set(data) != {name for name, _ in fields}:
            raise SerializeError(f"fields of {tp.__name__} do not match")
        return tp(**{name: decode(data[name], ftp) for name, ftp in fields})
    origin = typing.get_origin(tp)
    if origin is tuple or origin is list:
        if not isinstance(data, list):
            raise SerializeError(f"expected a list for {tp}")
        args = typing.get_args(tp)
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(data) != len(args):
                raise SerializeError(f"expected {len(args)} items for {tp}")
            return tuple(decode(v, t) for v, t in zip(data, args, strict=True))
        items = [decode(v, args[0]) for v in data]
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(data, dict):
            raise SerializeError(f"expected an object for {tp}")
        value_tp = typing.get_args(tp)[1]
        return {k: decode(v, value_tp) for k, v in data.items()}
    if tp in (str, int, float, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            raise SerializeError(f"expected {tp.__name__}")
        return data
    raise SerializeError(f"unsupported type {tp}")


def report_to_data(report: Report) -> dict[str, Any]:
    """Everything in a Report, the clean text included, as JSON data."""
    return {"format": FORMAT, "report": encode(report, Report)}


def report_from_data(data: Any) -> Report:
    """The Report `report_to_data` made; SerializeError for anything else."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or "report" not in data:
        raise SerializeError("not a policylens report entry")
    try:
        report: Report = decode(data["report"], Report)
    except (TypeError, KeyError, AttributeError) as exc:  # a model's own checks refusing the data
        raise SerializeError(str(exc)) from None
    return report


def slim(report: Report) -> Report:
    """What compare and timeline read of a report (path, metadata, verdicts with their evidence,
    notes): the clean text, the outline and the findings that decided nothing are dropped, so a
    run over a million policies keeps a few hundred bytes per policy, not the whole text."""
    return dataclasses.replace(report, text="", sections=(), findings=())
