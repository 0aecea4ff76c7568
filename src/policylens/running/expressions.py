"""Regular expressions compiled once per install: the compiled form of each expression met while
a process sets up (spaCy's import, its tokenizer's affix expressions, the rules' expressions)
kept as JSON in `<cache dir>/models/`, beside the language model and the derived tables.

Python compiles an expression in two steps: a parser and a code generator written in Python
(about 0.1 s of CPU for the 450 expressions of a cold start), then `_sre.compile`, which makes
the pattern object from the generated code (about 1 ms for all of them). While `kept_compiled`
is active, `re`'s compiler is replaced by one that hands a kept expression's code straight to
`_sre.compile`; anything else is compiled the ordinary way and its code kept for next time.

Only code that gives the very pattern Python's own compiler gives is kept: each new entry is
checked on the spot (the same flags, code, groups and group names: `Pattern.__eq__` compares the
code). The file is named by Python's version and the regular expression engine's (`_sre.MAGIC`,
`CODESIZE`), so another Python starts a new one; it is read with a JSON parser (never pickle), and
`_sre.compile` checks the code it is given, so a corrupt or foreign file can at most hold a wrong
expression of the right shape, as a foreign result-cache entry can hold a wrong report, never run
code. A Python whose compiler is not of the expected shape compiles every expression as usual.
Like the other per-install tables it is kept whatever `--no-cache` says.
"""

from __future__ import annotations

import importlib
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import orjson

from policylens.running.derived import _path, _write

KIND = "expressions"
LIMIT = 4096  #: entries; past it the file starts over with the expressions of one process

Entry = list[Any]  # [flags, code, groups - 1, groupindex, indexgroup]

_lock = threading.Lock()
_state: dict[str, Any] = {"depth": 0, "table": None, "added": False, "original": None}


def _compiler() -> Any | None:
    """The module whose `compile` `re` calls (`re._compiler` from 3.11, `sre_compile` before),
    when it has the parts this module relies on."""
    module: Any = getattr(sys.modules["re"], "_compiler", None)
    if module is None:
        module = importlib.import_module("sre_compile")
    parser = getattr(module, "_parser", None) or sys.modules.get("sre_parse")
    sre = getattr(module, "_sre", None)
    if not all(callable(getattr(x, name, None)) for x, name in
               ((module, "compile"), (module, "_code"), (parser, "parse"), (sre, "compile"))):
        return None
    return module


def _source() -> bytes:
    module = _compiler()
    sre = getattr(module, "_sre", None)
    return (f"python={sys.version}|magic={getattr(sre, 'MAGIC', '')}"
            f"|codesize={getattr(sre, 'CODESIZE', '')}").encode()


def _key(pattern: str, flags: int) -> str:
    return f"{flags}\0{pattern}"


def _entry(module: Any, pattern: str, flags: int, compiled: Any) -> Entry | None:
    """`compiled`'s parts as `_sre.compile` takes them, when they make the same pattern."""
    parser = getattr(module, "_parser", None) or sys.modules["sre_parse"]
    parsed = parser.parse(pattern, flags)
    state = parsed.state
    groupindex = dict(state.groupdict)
    indexgroup: list[str | None] = [None] * state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    entry: Entry = [flags | state.flags, list(module._code(parsed, flags)), state.groups - 1,
                    groupindex, indexgroup]
    try:
        made = _made(module, pattern, entry)
    except Exception:  # noqa: BLE001 - a compiler of another shape: not kept
        return None
    return entry if _same(made, compiled) else None


def _made(module: Any, pattern: str, entry: Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return module._sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _same(a: Any, b: Any) -> bool:
    return bool(a == b and a.flags == b.flags and a.groups == b.groups
                and dict(a.groupindex) == dict(b.groupindex))


def _fits(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 5 for k, v in value.items())


def _load(module: Any) -> dict[str, Entry]:
    path = _path(KIND, _source())
    if path is not None:
        try:
            value = orjson.loads(path.read_bytes())
            if _fits(value):
                return value
        except (OSError, ValueError):
            pass
    return {}


def _kept_compile(module: Any, original: Callable[..., Any]) -> Callable[..., Any]:
    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - `re`'s name for it
        table: dict[str, Entry] = _state["table"]
        if not isinstance(p, str) or not isinstance(flags, int) or flags & 128:  # DEBUG prints
            return original(p, flags)
        flags = int(flags)
        key = _key(p, flags)
        entry = table.get(key)
        if entry is not None:
            try:
                return _made(module, p, entry)
            except Exception:  # noqa: BLE001 - a corrupt entry: compile it afresh below
                del table[key]
        compiled = original(p, flags)
        with _lock:
            if len(table) >= LIMIT:
                table.clear()
            fresh = _entry(module, p, flags, compiled)
            if fresh is not None:
                table[key] = fresh
                _state["added"] = True
        return compiled

    return compile


@contextmanager
def kept_compiled() -> Iterator[None]:
    """Inside the block, expressions compiled once by an earlier process are not compiled again;
    the new ones are written down at its end (nested blocks: at the outermost one's end)."""
    module = _compiler()
    if module is None:
        yield
        return
    with _lock:
        _state["depth"] += 1
        if _state["depth"] == 1:
            if _state["table"] is None:
                _state["table"] = _load(module)
            _state["original"] = module.compile
            module.compile = _kept_compile(module, _state["original"])
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                module.compile = _state["original"]
                if _state["added"]:
                    _state["added"] = False
                    _save(_state["table"])


def _save(table: dict[str, Entry]) -> None:
    path = _path(KIND, _source())
    if path is not None:
        _write(path, orjson.dumps(table))
