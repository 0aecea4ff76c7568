"""py3langid's feature counts of a sample, found with numpy instead of a Python loop per byte.

py3langid walks a sample's bytes through its n-gram automaton one byte at a time (`visit_counts`,
a Python loop: about 2 ms for a 6,000-byte sample) and counts the features of the states it
visits. Its automaton forgets: after any SYNC bytes, every state has reached the state that
the same SYNC bytes lead to from the start (an n-gram automaton's state is the longest suffix
of the input that begins a listed n-gram, and no n-gram is that long). So the state at
byte i is the start walked over bytes i-SYNC+1..i, for every i at once: SYNC vectorised steps.
The counts come back in the same order (first visit) with the same values, so the scores are
the same floats. SYNC was established for the shipped model by walking every pair of states
(`synchronising_length`, tests/test_language_model.py); another model is walked byte by byte.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import numpy as np

# (py3langid version, size of its model file) -> bytes after which every state has synchronised
KNOWN_MODELS = {("0.4.0", 4586720): 6}


class FeatureWalk:
    """`visit_counts(nextmove, rowbase, output, data)` of py3langid, vectorised."""

    def __init__(self, nextmove: Any, rowbase: list[int], output: list[int], sync: int) -> None:
        self.nextmove = np.asarray(nextmove)
        self.rowbase = np.asarray(rowbase, dtype=np.int64)
        self.output = np.asarray(output, dtype=np.int64)
        self.sync = sync
        self.plain = (nextmove, rowbase)

    def __call__(self, data: bytes) -> Counter[int] | None:
        n = len(data)
        head = min(n, self.sync - 1)
        states = np.empty(n, dtype=np.int64)
        nextmove, rowbase = self.plain
        state = 0
        for i in range(head):  # the first bytes: the walk from the start itself
            state = nextmove[rowbase[state] + data[i]]
            states[i] = state
        if n > head:
            codes = np.frombuffer(data, dtype=np.uint8).astype(np.int64)
            walked: Any = np.zeros(n - head, dtype=np.int64)
            for k in range(self.sync):  # byte i-SYNC+1+k of every position i >= head at once
                walked = self.nextmove[self.rowbase[walked] + codes[k:k + n - head]]
            states[head:] = walked
        features = self.output[states]
        features = features[features >= 0]
        return Counter(features.tolist()) if len(features) else None


def synchronising_length(nextmove: Any, rowbase: list[int], limit: int = 12) -> int | None:
    """The number of bytes after which the walk from any state is at the state the walk from the
    start reaches (None if more than `limit`): every pair of states, every byte, in numpy."""
    table = np.asarray(nextmove)
    rows = np.asarray(rowbase, dtype=np.int64)
    states = np.arange(len(rows), dtype=np.int64)
    pairs = np.stack([states, np.zeros_like(states)], axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    codes = np.arange(256, dtype=np.int64)
    for steps in range(1, limit + 1):
        left = table[(rows[pairs[:, 0]][:, None] + codes[None, :]).ravel()].astype(np.int64)
        right = table[(rows[pairs[:, 1]][:, None] + codes[None, :]).ravel()].astype(np.int64)
        apart = left != right
        pairs = np.unique(np.stack([left[apart], right[apart]], axis=1), axis=0)
        if not len(pairs):
            return steps
    return None
