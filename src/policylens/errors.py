"""Exit codes and the error types that carry a location, so the CLI can print one clear line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

# Exit codes, documented in --help and the README.
EXIT_OK = 0  #: done, nothing at the gate
EXIT_GATE = 1  #: the gate tripped: a regression, --fail-on hit, a rule example failed
EXIT_INPUT = 2  #: usage, input or configuration error (including some inputs failing)
EXIT_INTERNAL = 3  #: a bug in policylens; traceback shown with --debug
EXIT_INTERRUPTED = 130  #: stopped by Ctrl-C (128 + SIGINT, as shells report it)
EXIT_TERMINATED = 143  #: stopped by SIGTERM (a CI job cancelled, `timeout`), 128 + SIGTERM


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same cleanup runs: the worker is killed and no
    temporary output file is left behind."""


_stopped_by: type[KeyboardInterrupt] | None = None  # Ctrl-C or SIGTERM came (see `stop`)


def stop(kind: type[KeyboardInterrupt]) -> NoReturn:
    """What Ctrl-C (`KeyboardInterrupt`) and SIGTERM (`Terminated`) do: raise `kind`, and
    remember it. Python drops an exception raised where it cannot propagate (a finaliser that the
    signal handler interrupted, or C code that clears it: spaCy's compiled modules do while they
    are imported), so the run would finish as if nothing came: `raise_if_stopped` at the points
    that commit a result raises it again."""
    global _stopped_by
    _stopped_by = kind
    raise kind


def terminate() -> NoReturn:
    """SIGTERM's handler."""
    stop(Terminated)


def interrupt() -> NoReturn:
    """Ctrl-C's handler."""
    stop(KeyboardInterrupt)


def raise_if_stopped() -> None:
    """Raise again what Ctrl-C or SIGTERM raised if that first raise was lost: once the pipeline
    is built, before a report replaces its file, and before a command ends as done."""
    if _stopped_by is not None:
        raise _stopped_by


_CONTROL = {c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}


def printable(path: str) -> str:
    """A path as it can be shown on one line: control characters escaped, and bytes that are not
    UTF-8 (kept by Python as surrogates) shown as U+FFFD, so printing it can never fail."""
    if path.isprintable():
        return path
    safe = path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return safe.translate(_CONTROL)


@dataclass
class Location:
    """Where a problem is: a path, and for text files a 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        parts = [printable(self.path)]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


class PolicylensError(Exception):
    """An expected failure with a user-facing message; never shown as a traceback."""

    exit_code = EXIT_INPUT

    def __init__(self, message: str, location: Location | None = None, hint: str = "",
                 problems: list[PolicylensError] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint
        self.problems = problems or []  # every problem of a file, each with its own location

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text

    def lines(self) -> list[str]:
        """What to print, one problem per line (several for a file with many problems)."""
        return [str(p) for p in self.problems] or [str(self)]


class InputError(PolicylensError):
    """A policy file that cannot be read as a policy (missing, binary, empty, too large...)."""


class LimitError(InputError):
    """An input over a protective limit (size, time budget); the limit can be raised."""


class RuleError(PolicylensError):
    """A rule file that is not valid: YAML syntax, unknown key, bad pattern... `problems` holds
    every problem found, so all are printed at once, one per line."""


class UsageError(PolicylensError):
    """Options that do not fit together."""


class CacheError(PolicylensError):
    """A result cache folder that the `cache` commands cannot read or change (an analysis run
    only warns and goes on without the cache)."""
