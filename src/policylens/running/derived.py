"""Tables derived from a shipped data file, worked out once per install and kept as JSON in the
user cache folder (`<cache dir>/models/`, beside the language model; untouched by `policylens
cache prune|clear`, kept whatever `--no-cache` says, like it).

A file is named by a hash of the data it was derived from and of the derivation's version
(`FORMAT`), so another version of the data or of policylens derives afresh. It is read with a
JSON parser (never pickle: a foreign file there can at most hold a wrong table of the right
shape, as a foreign result-cache entry can hold a wrong report), and one that does not parse or
has the wrong shape is derived again and replaced. Writing is atomic, and a failure (no cache
folder, read-only, full disk) only means deriving again next time.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import orjson

from policylens.running.atomic import write_atomically

FORMAT = "1"
MODELS = "models"

T = TypeVar("T")


def _path(kind: str, source: bytes) -> Path | None:
    from policylens.running.cache import default_cache_dir

    digest = hashlib.sha256(f"{kind}|{FORMAT}\0".encode() + source).hexdigest()[:24]
    try:
        return Path(default_cache_dir()) / MODELS / f"{kind}-{digest}.json"
    except Exception:  # noqa: BLE001 - no home, no cache folder: derive every time
        return None


def read_kept(kind: str, source: bytes, fits: Callable[[Any], bool]) -> Any | None:
    """The value an earlier process kept for `source`, if there is one that `fits`."""
    path = _path(kind, source)
    if path is None:
        return None
    try:
        value = orjson.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return value if fits(value) else None


def kept(kind: str, source: bytes, derive: Callable[[], T], fits: Callable[[Any], bool]) -> T:
    """`derive()` (a JSON-able value worked out from `source`), read back from the copy kept by
    an earlier process when there is one that `fits`."""
    found = read_kept(kind, source, fits)
    if found is not None:
        return found
    path = _path(kind, source)
    value = derive()
    if path is not None:
        _write(path, orjson.dumps(value))
    return value


def _write(path: Path, data: bytes) -> None:
    with contextlib.suppress(OSError):  # no cache folder, read-only, full disk: derive next time
        write_atomically(path, data)
