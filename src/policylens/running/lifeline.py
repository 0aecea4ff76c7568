"""Worker processes that never outlive the policylens that started them.

A worker blocked on its pipe, or busy in C code, does not notice that its parent was killed
(`kill -9`, an out-of-memory kill): it was seen alive half an hour later, still holding the
parent's stdout. Two guards, installed first thing in the worker:

- on Linux, `prctl(PR_SET_PDEATHSIG, SIGKILL)`: the kernel kills the worker when its parent
  dies, whatever the worker is doing;
- elsewhere (or if prctl fails), a daemon thread watches the parent and exits when the worker
  is handed to another parent (`os.getppid()` changes).

And `signals_held()` keeps SIGINT and SIGTERM pending while a worker is forked and recorded, so
a signal can never strike between the fork and the pool knowing its worker (the orphan that
kept a test's pipes open for 30 s).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

PR_SET_PDEATHSIG = 1  #: from <linux/prctl.h>
WATCH_INTERVAL = 0.5  #: seconds between two looks at the parent, when the kernel cannot do it
_STOPPING = {signal.SIGINT, signal.SIGTERM}


def exit_with_parent(parent_pid: int) -> str:
    """Make this process end when `parent_pid` (its parent) does; says which guard is on."""
    if sys.platform.startswith("linux") and _kernel_guard():
        if os.getppid() != parent_pid:  # the parent died before the guard was set
            os._exit(1)
        return "pdeathsig"
    watch_parent(parent_pid)
    return "watch"


def _kernel_guard() -> bool:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def watch_parent(parent_pid: int, interval: float = WATCH_INTERVAL) -> threading.Thread:
    """A daemon thread that ends this process once its parent is gone."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(interval)
        os._exit(1)

    thread = threading.Thread(target=watch, name="policylens-parent-watch", daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait (pending) until the block ends, then are delivered. A forked
    child inherits the mask: it calls `release_signals` once its own handlers are set."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def release_signals() -> None:
    """In a forked worker: stop holding SIGINT and SIGTERM (see `signals_held`)."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
