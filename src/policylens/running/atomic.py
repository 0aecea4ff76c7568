"""Files written whole or not at all: the cache entries and the per-install records are read by
other processes while this one writes, so each is written to a temporary file in its folder and
renamed into place."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def _temp_file(folder: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=".tmp-", dir=folder)


def write_atomically(path: Path, data: bytes,
                     new_file: Callable[[Path], tuple[int, str]] = _temp_file) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half of
    it; the temporary file (`new_file(folder)` -> descriptor, path) is removed on failure.
    Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = new_file(path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
