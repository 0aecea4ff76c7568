"""Files in, reports out: expand paths, read each file, analyze, and keep going past bad files."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from policylens.errors import InputError, Location, PolicylensError
from policylens.ingest import (
    DEFAULT_MAX_BYTES,
    POLICY_SUFFIXES,
    content_hash,
    load_document,
    read_policy_bytes,
)
from policylens.models import Report


@dataclass(frozen=True)
class Failure:
    path: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


def expand_paths(paths: list[str]) -> tuple[list[str], list[Failure]]:
    """Policy files named or found under directories (sorted, each once); problems as failures."""
    files: list[str] = []
    failures: list[Failure] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found: list[str] = []
            seen_dirs: set[tuple[int, int]] = set()
            for root, dirs, names in os.walk(p, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink loop
                    dirs[:] = []
                    continue
                seen_dirs.add((st.st_dev, st.st_ino))
                dirs.sort()
                found.extend(os.path.join(root, n) for n in names
                             if n.lower().endswith(POLICY_SUFFIXES) and not n.startswith("."))
            if not found:
                failures.append(Failure(raw, "no policy files (.txt, .md, .html, .htm) in directory"))
            files.extend(sorted(found))
        elif p.exists() or p.is_symlink():
            files.append(raw)
        else:
            failures.append(Failure(raw, "no such file or directory"))
    unique = list(dict.fromkeys(files))
    return unique, failures


def analyze_paths(files: list[str], analyzer_factory: object, max_bytes: int = DEFAULT_MAX_BYTES,
                  ) -> Iterator[Report | Failure]:
    """Reports in input order; a file that cannot be read becomes a Failure, the rest go on."""
    analyzer = None
    for path in files:
        shown = "<stdin>" if path == "-" else path
        try:
            data = read_policy_bytes(path, max_bytes)
            document = load_document(path, data, max_bytes)
        except PolicylensError as exc:
            yield Failure(shown, exc.message if exc.location else str(exc))
            continue
        if analyzer is None:
            analyzer = analyzer_factory()  # type: ignore[operator]
        yield analyzer.analyze(document, sha256=content_hash(data))


def failure_error(failure: Failure) -> InputError:
    return InputError(failure.message, Location(failure.path))
