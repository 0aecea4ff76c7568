"""Files in, reports out, under per-file guards: a size limit, a time budget and error capture.

One bad file never stops a run: it becomes a `Failure` (what went wrong, and where) and the run
goes on with the next file; the command's exit code then says that some files failed. Every
command that reads policies (analyze, eval, compare...) goes through `analyze_paths`.

The time budget is enforced by analysing in a worker process (forked once, after the rules and
the spaCy pipeline are built, so it costs no start-up time): a file that runs past its budget,
whatever it is stuck in (a regular expression, C code), has its worker killed and replaced.
Where the platform cannot fork, files are analysed in-process without a budget.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policylens.errors import (
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    InputError,
    LimitError,
    Location,
    PolicylensError,
    printable,
)
from policylens.models import Document, Report
from policylens.reading.ingest import (
    DEFAULT_MAX_BYTES,
    POLICY_SUFFIXES,
    content_hash,
    load_document,
    read_policy_bytes,
)
from policylens.screen import not_a_policy

DEFAULT_TIMEOUT = 60.0  #: seconds per file; a real policy takes well under one

# What a Failure is about; the exit code follows from it.
INPUT, LIMIT, INTERNAL = "input", "limit", "internal"


@dataclass(frozen=True)
class Limits:
    """The guards around each file."""

    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT  # seconds; 0 means no budget


@dataclass(frozen=True)
class Failure:
    """A file that produced no report: where, what, and (for bugs) the traceback for --debug."""

    path: str
    message: str
    kind: str = INPUT  # input | limit | internal
    detail: str = ""

    @property
    def exit_code(self) -> int:
        return EXIT_INTERNAL if self.kind == INTERNAL else EXIT_INPUT

    def to_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message, "kind": self.kind}


def exit_code_for(failures: list[Failure]) -> int:
    """3 when any file hit a bug, 2 when any could not be read or hit a limit, else 0."""
    return max((f.exit_code for f in failures), default=EXIT_OK)


def expand_paths(paths: list[str]) -> tuple[list[str], list[Failure]]:
    """Policy files named or found under directories (sorted, each once); problems as failures.

    Directories are walked following symlinks, but each real directory is entered once, so a
    symlink loop ends the walk instead of looping. Unreadable directories become failures.
    """
    files: list[str] = []
    failures: list[Failure] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found, problems = _walk(raw)
            failures.extend(problems)
            if not found and not problems:
                failures.append(Failure(printable(raw),
                                        "no policy files (.txt, .md, .markdown, .html, .htm) in directory"))
            files.extend(sorted(found))
        elif p.exists() or p.is_symlink():
            files.append(raw)
        else:
            failures.append(Failure(printable(raw), "no such file or directory"))
    unique = list(dict.fromkeys(files))
    return unique, failures


def _walk(top: str) -> tuple[list[str], list[Failure]]:
    found: list[str] = []
    problems: list[Failure] = []
    seen_dirs: set[tuple[int, int]] = set()

    def on_error(exc: OSError) -> None:
        where = exc.filename if isinstance(exc.filename, str) else top
        problems.append(Failure(printable(where), f"cannot read directory: {exc.strerror or exc}"))

    for root, dirs, names in os.walk(top, followlinks=True, onerror=on_error):
        try:
            st = os.stat(root)
        except OSError:
            dirs[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink loop, or a second way in
            dirs[:] = []
            continue
        seen_dirs.add((st.st_dev, st.st_ino))
        dirs.sort()
        found.extend(os.path.join(root, n) for n in names
                     if n.lower().endswith(POLICY_SUFFIXES) and not n.startswith("."))
    return found, problems


def analyze_one(path: str, analyzer: Any, max_bytes: int, data: bytes | None = None) -> Report | Failure:
    """Read, clean and analyse one file; every exception becomes a Failure (never raised)."""
    shown = "<stdin>" if path == "-" else printable(path)
    try:
        if data is None:
            data = read_policy_bytes(path, max_bytes)
        document = load_document(path, data, max_bytes)
        why = not_a_policy(document.text)
        if why:
            return unassessed(document, analyzer.ruleset.practices, content_hash(data), why)
        return analyzer.analyze(document, sha256=content_hash(data))
    except PolicylensError as exc:
        return _failure(shown, exc)
    except MemoryError:
        return Failure(shown, "ran out of memory while analysing it (lower --max-bytes)", LIMIT)
    except RecursionError:
        return Failure(shown, "input nested too deeply to analyse", LIMIT)
    except Exception as exc:  # a bug in policylens: report it, go on with the next file
        return Failure(shown, f"internal error: {type(exc).__name__}: {exc}", INTERNAL,
                       traceback.format_exc())


def unassessed(document: Document, practices: dict[str, Any], sha256: str, note: str) -> Report:
    """The report of a text that is not a policy: its outline, every practice not-mentioned,
    no findings, and the note saying why."""
    from policylens.structure.sections import parse_sections
    from policylens.verdicts import decide_all

    return Report(document.path, document.metadata, parse_sections(document),
                  decide_all([], practices), (), (note,), sha256)


def _failure(shown: str, exc: PolicylensError) -> Failure:
    message = exc.message + (f" ({exc.hint})" if exc.hint else "")
    return Failure(shown, message, LIMIT if isinstance(exc, LimitError) else INPUT)


def analyze_paths(files: list[str], analysis: Any, limits: Limits = Limits()
                  ) -> Iterator[Report | Failure]:
    """A Report or a Failure for each file, in input order; bad files never stop the run.
    `analysis` is an execute.Analysis: the result cache, worker processes with the time budget
    (--jobs, --timeout) or Dask."""
    yield from analysis.run(files, limits)


def failure_error(failure: Failure) -> InputError:
    """A Failure as an error to raise (one-file commands: diff, explain), with the exit code of
    its kind: 3 for an internal error, else 2."""
    error = InputError(failure.message, Location(failure.path))
    error.exit_code = failure.exit_code
    return error


# --- the worker process ---------------------------------------------------------------------

def serve(conn: Any, handle: Callable[[Any], Any]) -> None:
    """A worker process's loop (this one's and execute.py's pool's): a request in, `handle`'s
    answer out, until None or the pipe closes."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's cleanup handler is not ours
    from policylens.running.lifeline import release_signals

    release_signals()  # held while the parent forked this process
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        result = handle(message)
        try:
            conn.send(result)
        except (BrokenPipeError, OSError):
            return


def flush_streams() -> None:
    """Before a fork: nothing buffered may be written twice."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass
