"""Python's cyclic garbage collector around the one-off set-up of a process.

Importing spaCy and building the pipeline and compiled rules allocate about a million objects
that live as long as the process; the collector examined them again and again while they were
made (about 0.07 s of CPU of a cold start), then at every full collection of the analysis after.
So it is paused while they are built, and what was built is then moved out of its reach
(`gc.freeze`, which also keeps forked workers from copying the memory pages a collection would
touch). The few cycles left over from the set-up itself are kept for the process's life.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def building_for_good() -> Iterator[None]:
    """No automatic collection inside the block; what is alive at its end is frozen (before
    collection resumes: the first collection after would otherwise examine all of it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
