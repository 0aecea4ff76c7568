"""Where results go: stdout, or a file written atomically so a failed run never leaves half a report.

`open_output(path)` yields a text stream. For a file it writes to a temporary file in the target's
folder and renames it over the target only when the block finishes without an exception; on any
failure (an error, Ctrl-C, a full disk) the temporary file is removed and an existing report at
the target is left exactly as it was. Every command that takes ``-o FILE`` uses this one helper.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

from policylens.errors import InputError, Location, raise_if_stopped

_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _write_error(path: str, exc: OSError) -> InputError:
    reason = exc.strerror or type(exc).__name__
    return InputError(f"cannot write the output file: {reason}", Location(path),
                      "choose a writable folder with -o")


def _new_file_mode() -> int:
    """The mode an ordinary new file would get (0666 less the umask); mkstemp uses 0600."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: str, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text stream whose content replaces `path` only if the block succeeds.

    The temporary file is created up front (so an unwritable folder fails before any long run),
    flushed and fsynced before the rename, and keeps the mode of the file it replaces.
    """
    target = os.path.realpath(path)  # through a symlink: the file it points to is replaced
    folder = os.path.dirname(target)
    if os.path.isdir(target):
        raise InputError("is a directory; -o needs a file name", Location(path))
    if _is_special(target):  # /dev/null, a pipe: written in place; renaming over it would
        yield from _write_in_place(path, target, encoding)  # replace the device (as root)
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _write_error(path, exc) from None
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        mode = _new_file_mode()
    stream = open(fd, "w", encoding=encoding, newline="\n")
    try:
        try:
            yield stream
        except OSError as exc:
            if exc.errno in _FULL:  # the disk filled up while the report was written
                raise _write_error(path, exc) from None
            raise
        raise_if_stopped()  # (a Ctrl-C or SIGTERM whose exception was lost: the old report stays)
        try:
            stream.flush()
            os.fsync(stream.fileno())
            stream.close()
            os.chmod(tmp, mode)
            os.replace(tmp, target)
        except OSError as exc:
            raise _write_error(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            stream.close()
        _remove(tmp)
        raise


def _is_special(target: str) -> bool:
    """A device, pipe or socket: something that is not a file to replace."""
    try:
        return not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        return False


def _write_in_place(path: str, target: str, encoding: str) -> Iterator[TextIO]:
    try:
        stream = open(target, "w", encoding=encoding, newline="\n")
    except OSError as exc:
        raise _write_error(path, exc) from None
    with stream:
        try:
            yield stream
        except OSError as exc:
            if exc.errno in _FULL:
                raise _write_error(path, exc) from None
            raise


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def stdout_closed_error() -> InputError:
    return InputError("standard output is closed", hint="write to a file with -o FILE")


class ClosedStdout(io.TextIOBase):
    """Stands in for sys.stdout when policylens starts with it closed (`policylens ... >&-`,
    where Python sets sys.stdout to None): not a terminal, and writing to it is an input error
    (one line, exit 2) instead of an AttributeError deep in a renderer."""

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise stdout_closed_error()

    def flush(self) -> None:
        pass


def stdout_is_closed() -> bool:
    return sys.stdout is None or isinstance(sys.stdout, ClosedStdout)


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout when `path` is None or "-", otherwise an atomic file (see `atomic_output`)."""
    if path is None or path == "-":
        if stdout_is_closed():  # started with stdout closed (`policylens ... >&-`)
            raise stdout_closed_error()
        yield sys.stdout
        return
    with atomic_output(path) as stream:
        yield stream

