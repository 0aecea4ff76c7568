"""The garbage collector paused around a process's set-up (running/collector.py)."""

from __future__ import annotations

import gc
import weakref

import pytest

from policylens.running import collector


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_collection_resumes_after_a_set_up_that_failed() -> None:
    """Broken rules raise inside the set-up: later garbage cycles must still be freed."""
    assert gc.isenabled()
    with pytest.raises(ValueError), collector.building_for_good():
        assert not gc.isenabled()
        raise ValueError("a broken rule")
    assert gc.isenabled()
    cycle = _Node()
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert gone() is None


def test_what_the_set_up_built_is_kept_out_of_later_collections() -> None:
    frozen = gc.get_freeze_count()
    with collector.building_for_good():
        built = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= frozen + len(built)
