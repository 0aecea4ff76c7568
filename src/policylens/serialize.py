"""Reports to plain data (JSON-ready) and back, losslessly, for the result cache.

`Report.to_dict` is the public JSON schema: it leaves out what readers do not need (the clean
text, each finding's practice). The cache needs all of it, so a cached report renders and diffs
byte for byte like a fresh one. Rather than a second hand-written schema that drifts whenever a
model gains a field, the conversion follows the dataclasses' own type hints: every field of
every model is kept, and a type it does not know is an error (the cache then skips the entry),
never a silently wrong report. The hints are read once per type and turned into a pair of
functions, so reading a cached report costs about as much as `json.loads`. JSON rather than
pickle, so a cache folder shared through CI can at worst hold a wrong entry, never run code.
"""

from __future__ import annotations

import dataclasses
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from policylens.models import Report

FORMAT = 1  # bump when the encoding itself changes

Codec = Callable[[Any], Any]


class SerializeError(ValueError):
    """The data does not fit the model (a corrupt or foreign cache entry), or a type is unknown."""


def _hints(cls: type) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls)]


def _members(tp: Any) -> tuple[bool, list[Any]] | None:
    """For a union: (whether None is allowed, the other members); None for any other type."""
    if typing.get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    options = typing.get_args(tp)
    return type(None) in options, [t for t in options if t is not type(None)]


def _fits(value: Any, tp: Any) -> bool:
    """Whether `value` is an instance of `tp`, looking one level into containers' types."""
    members = _members(tp)
    if members is not None:
        nullable, others = members
        return (value is None and nullable) or any(_fits(value, t) for t in others)
    if tp is Any:
        return True
    origin = typing.get_origin(tp) or tp
    return isinstance(origin, type) and isinstance(value, origin) \
        and not (tp is int and isinstance(value, bool))


def _fail(message: str) -> Any:
    raise SerializeError(message)


@cache
def encoder(tp: Any) -> Codec:
    """A function from a value of type `tp` to JSON data."""
    if tp is Any:
        return lambda v: v
    members = _members(tp)
    if members is not None:
        nullable, others = members
        if len(others) == 1:
            inner = encoder(others[0])
            return lambda v: None if v is None and nullable else inner(v)
        coders = [(t, encoder(t)) for t in others]

        def one_of(v: Any) -> Any:  # a true union: say which member it is
            if v is None and nullable:
                return None
            for index, (option, code) in enumerate(coders):
                if _fits(v, option):
                    return {"union": index, "value": code(v)}
            return _fail(f"{type(v).__name__} is none of {tp}")
        return one_of
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        fields = [(name, encoder(ftp)) for name, ftp in _hints(tp)]

        def record(v: Any) -> Any:
            if type(v) is not tp:
                _fail(f"expected {tp.__name__}, got {type(v).__name__}")
            return {name: code(getattr(v, name)) for name, code in fields}
        return record
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            codes = [encoder(t) for t in args]
            return lambda v: [c(x) for c, x in zip(codes, v, strict=True)] \
                if len(v) == len(codes) else _fail(f"expected {len(codes)} items for {tp}")
        item = encoder(args[0])
        return lambda v: [item(x) for x in v]
    if origin is dict:
        if args[0] is not str:
            raise SerializeError(f"unsupported dict key type in {tp}")
        value = encoder(args[1])
        return lambda v: {str(k): value(x) for k, x in v.items()}
    if tp in (str, int, float, bool):
        return lambda v: v if isinstance(v, tp) else _fail(f"expected {tp.__name__}")
    raise SerializeError(f"unsupported type {tp}")


@cache
def decoder(tp: Any) -> Codec:
    """The inverse of `encoder(tp)`; raises SerializeError when the data does not fit `tp`."""
    if tp is Any:
        return lambda d: d
    members = _members(tp)
    if members is not None:
        nullable, others = members
        if len(others) == 1:
            inner = decoder(others[0])

            def optional(d: Any) -> Any:
                if d is None:
                    return None if nullable else _fail(f"null for {tp}")
                return inner(d)
            return optional
        coders = [decoder(t) for t in others]

        def one_of(d: Any) -> Any:
            if d is None:
                return None if nullable else _fail(f"null for {tp}")
            if type(d) is not dict or d.keys() != {"union", "value"} \
                    or type(d["union"]) is not int or not 0 <= d["union"] < len(coders):
                return _fail(f"expected a member of {tp}")
            return coders[d["union"]](d["value"])
        return one_of
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        fields = [(name, decoder(ftp)) for name, ftp in _hints(tp)]
        names = {name for name, _ in fields}
        cls: Any = tp
        new = object.__new__
        if getattr(cls, "__post_init__", None) is not None or hasattr(cls, "__slots__"):
            def record(d: Any) -> Any:
                if type(d) is not dict or d.keys() != names:
                    _fail(f"fields of {cls.__name__} do not match")
                return cls(**{name: code(d[name]) for name, code in fields})
            return record

        # Plain fields (str, int, bool, float, or one of them or None) are checked in line; the
        # others go through their decoder.
        steps: list[tuple[str, Codec | None, type | None, bool]] = []
        for name, ftp in _hints(tp):
            members = _members(ftp)
            inner, nullable = (members[1][0], members[0]) if members and len(members[1]) == 1 \
                else (ftp, False)
            if inner in (str, int, bool, float):
                steps.append((name, None, inner, nullable))
            else:
                steps.append((name, decoder(ftp), None, False))

        def fast(d: Any) -> Any:
            # as pickle rebuilds a dataclass: no frozen __init__ (a setattr per field)
            if type(d) is not dict or d.keys() != names:
                _fail(f"fields of {cls.__name__} do not match")
            values = {}
            for name, code, plain, nullable in steps:
                x = d[name]
                if code is not None:
                    x = code(x)
                elif type(x) is not plain and not (nullable and x is None):
                    _fail(f"{cls.__name__}.{name}: expected {plain}")
                values[name] = x
            obj = new(cls)
            obj.__dict__.update(values)
            return obj
        return fast
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (tuple, list):
        if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            codes = [decoder(t) for t in args]

            def fixed(d: Any) -> Any:
                if type(d) is not list or len(d) != len(codes):
                    _fail(f"expected {len(codes)} items for {tp}")
                return tuple(c(x) for c, x in zip(codes, d, strict=True))
            return fixed
        item = decoder(args[0])
        build = tuple if origin is tuple else list

        def sequence(d: Any) -> Any:
            if type(d) is not list:
                _fail(f"expected a list for {tp}")
            return build(item(x) for x in d)
        return sequence
    if origin is dict:
        value = decoder(args[1])

        def mapping(d: Any) -> Any:
            if type(d) is not dict:
                _fail(f"expected an object for {tp}")
            return {k: value(x) for k, x in d.items()}
        return mapping
    if tp in (str, int, float, bool):
        def scalar(d: Any) -> Any:
            return d if type(d) is tp else _fail(f"expected {tp.__name__}")
        return scalar
    raise SerializeError(f"unsupported type {tp}")


def encode(value: Any, tp: Any) -> Any:
    """`value` of type `tp` as JSON data."""
    return encoder(tp)(value)


def decode(data: Any, tp: Any) -> Any:
    """The inverse of `encode`; raises SerializeError when `data` does not fit `tp`."""
    return decoder(tp)(data)


HEAVY = ("text", "sections", "findings")  # what `slim` drops, stored apart from the rest


def report_to_data(report: Report) -> dict[str, Any]:
    """Everything in a Report, the clean text included, as JSON data: what compare needs under
    "report", the rest beside it, so a slim read decodes only the first."""
    types_ = dict(_hints(Report))
    return {"format": FORMAT, "report": encode(slim(report), Report),
            **{name: encode(getattr(report, name), types_[name]) for name in HEAVY}}


def report_from_data(data: Any, slim_only: bool = False,
                     evidence_for: frozenset[str] | None = None) -> Report:
    """The Report `report_to_data` made (`slim(report, evidence_for)` of it, if slim_only: the
    evidence of other practices is not even decoded); SerializeError for anything else."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or "report" not in data \
            or (not slim_only and any(name not in data for name in HEAVY)):
        raise SerializeError("not a policylens report entry")
    try:
        body = data["report"]
        if slim_only and evidence_for is not None and isinstance(body, dict) \
                and isinstance(body.get("practices"), dict):
            body = {**body, "practices": {
                pid: v if pid in evidence_for or not isinstance(v, dict) else {**v, "evidence": []}
                for pid, v in body["practices"].items()}}
        report: Report = decode(body, Report)
        if not slim_only:
            types_ = dict(_hints(Report))
            report = dataclasses.replace(report, **{name: decode(data[name], types_[name])
                                                    for name in HEAVY})
    except (TypeError, KeyError, AttributeError) as exc:  # a model's own checks refusing the data
        raise SerializeError(str(exc)) from None
    return report


def slim(report: Report, evidence_for: frozenset[str] | None = None) -> Report:
    """What compare and timeline read of a report (path, metadata, verdicts with their evidence,
    notes): the clean text, the outline and the findings are dropped, and with `evidence_for`
    the evidence of every other practice too (its value stays, for filters and sorting), so a
    run over many policies keeps a few kilobytes per policy, not its text."""
    practices = report.practices
    if evidence_for is not None:
        practices = {pid: v if pid in evidence_for or not v.evidence
                     else dataclasses.replace(v, evidence=())
                     for pid, v in practices.items()}
    return dataclasses.replace(report, text="", sections=(), findings=(), practices=practices)
