"""Regular expressions compiled once per install: the compiled form of each expression met while
a process sets up (spaCy's import, its tokenizer's affix expressions, the rules' expressions)
kept as JSON in `<cache dir>/models/`, beside the language model and the derived tables.

Python compiles an expression in two steps: a parser and a code generator written in Python
(about 0.1 s of CPU for the 450 expressions of a cold start), then `_sre.compile`, which makes
the pattern object from the generated code (about 1 ms for all of them). While `kept_compiled`
is active, `re`'s compiler is replaced by one that hands a kept expression's code straight to
`_sre.compile`; anything else is compiled the ordinary way and its code kept for next time.

What is kept is exactly what Python's compiler gave `_sre.compile` for the expression (pattern,
flags, code, groups and group names, caught on their way by a stand-in for `_sre` inside the
compiler), so nothing is worked out twice and a kept expression is the very pattern Python makes.
The file is named by Python's version and its expression engine's (`_sre.MAGIC`, `CODESIZE`), so
another Python starts a new one; it is read with a JSON parser (never pickle), and `_sre.compile`
checks the code it is given, so a corrupt or foreign file can at most hold a wrong expression of
the right shape, as a foreign result-cache entry can hold a wrong report, never run code (an entry
it refuses is compiled afresh). A Python whose compiler does not call `_sre.compile` that way keeps
nothing and compiles every expression as usual.
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

from policylens.running.derived import _path, _write, read_kept

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
    sre = getattr(module, "_sre", None)
    if not callable(getattr(module, "compile", None)) or not callable(getattr(sre, "compile", None)):
        return None
    return module


def _source() -> bytes:
    module = _compiler()
    sre = getattr(module, "_sre", None)
    return (f"python={sys.version}|magic={getattr(sre, 'MAGIC', '')}"
            f"|codesize={getattr(sre, 'CODESIZE', '')}").encode()


def _key(pattern: str, flags: int) -> str:
    return f"{flags}\0{pattern}"


class _Recorder:
    """Stands in for the `_sre` module inside `re`'s compiler while it compiles an expression that
    is not kept: the arguments the compiler gives `_sre.compile` are the entry to keep, exactly
    (nothing is worked out twice); everything else is the real module's."""

    def __init__(self, sre: Any) -> None:
        self.sre = sre
        self.calls = threading.local()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sre, name)

    def compile(self, *args: Any, **kwargs: Any) -> Any:
        made = self.sre.compile(*args, **kwargs)
        if getattr(self.calls, "key", None) is not None and len(args) == 6 and not kwargs:
            pattern, flags, code, groups, groupindex, indexgroup = args
            if isinstance(pattern, str):
                self.calls.entry = [flags, list(code), groups, dict(groupindex), list(indexgroup)]
        return made


def _made(sre: Any, pattern: str, entry: Entry) -> Any:
    flags, code, groups, groupindex, indexgroup = entry
    return sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))


def _fits(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, list) and len(v) == 5 for k, v in value.items())


def _load() -> dict[str, Entry]:
    found = read_kept(KIND, _source(), _fits)
    return found if found is not None else {}


def _kept_compile(sre: Any, recorder: _Recorder, original: Callable[..., Any]) -> Callable[..., Any]:
    def compile(p: Any, flags: int = 0) -> Any:  # noqa: A001 - `re`'s name for it
        table: dict[str, Entry] = _state["table"]
        if not isinstance(p, str) or not isinstance(flags, int) or flags & 128:  # DEBUG prints
            return original(p, flags)
        flags = int(flags)
        key = _key(p, flags)
        entry = table.get(key)
        if entry is not None:
            try:
                return _made(sre, p, entry)
            except Exception:  # noqa: BLE001 - a corrupt entry: compile it afresh below
                table.pop(key, None)
        recorder.calls.key, recorder.calls.entry = key, None
        try:
            compiled = original(p, flags)
        finally:
            fresh, recorder.calls.key = recorder.calls.entry, None
        if fresh is not None:
            with _lock:
                if len(table) >= LIMIT:
                    table.clear()
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
                _state["table"] = _load()
            sre = module._sre
            recorder = _Recorder(sre)
            _state["original"] = (module.compile, sre)
            module.compile = _kept_compile(sre, recorder, module.compile)
            module._sre = recorder
    try:
        yield
    finally:
        with _lock:
            _state["depth"] -= 1
            if _state["depth"] == 0:
                module.compile, module._sre = _state["original"]
                if _state["added"]:
                    _state["added"] = False
                    _save(_state["table"])


def _save(table: dict[str, Entry]) -> None:
    path = _path(KIND, _source())
    if path is not None:
        _write(path, orjson.dumps(table))
