"""Near-linear pairing of the parts of two revisions (sections, sentences), under a work budget.

Comparing every section of one revision with every section of the other is quadratic, and one
fuzzy comparison of two long texts is itself quadratic in their lengths: two real revisions of a
long policy with no recognised headings ran for 17 minutes and could not be interrupted. Here:

- exact content first (a hash lookup);
- then a few *candidates* per part, found through rare word shingles the two texts share (an
  inverted index) and through similar titles; the fuzzy score is computed only for those;
- every fuzzy comparison is charged to a `Budget` (deterministic work units, plus a wall-clock
  deadline as a safety net); past it, `OverBudget` is raised and the caller degrades ("sections
  not aligned") instead of hanging; no single comparison is long enough to delay a signal.
"""

from __future__ import annotations

import time
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

SHINGLE = 4  #: words per shingle
CANDIDATES = 4  #: candidates per part found through shared shingles
RARE = 8  #: a shingle found in more parts than this says nothing about which part is which
#: Above this product of lengths, similarity is estimated from shingles (linear), not edit
#: distance (quadratic): 5 x 10^9 is two texts of ~70,000 characters, ~0.2 s of rapidfuzz, so no
#: single call delays a signal (Ctrl-C, SIGTERM) noticeably.
EXACT_LIMIT = 5_000_000_000
WORK_PER_CHARACTER = 60  #: the budget's work units per character of the two texts
WORK_FLOOR = 2_000_000
SECONDS = 5.0  #: wall-clock safety net per diff


class OverBudget(Exception):
    """Aligning took more work than the budget allows."""


@dataclass
class Budget:
    """How much comparison work an alignment may do: `limit` work units (deterministic: about one
    per character compared, so tests can assert on `spent`) and a wall-clock `deadline`
    (time.monotonic(); None: none)."""

    limit: int
    deadline: float | None = None
    spent: int = 0

    @classmethod
    def for_sizes(cls, *lengths: int, seconds: float | None = SECONDS) -> Budget:
        """A budget linear in the texts' total length."""
        deadline = time.monotonic() + seconds if seconds else None
        return cls(WORK_FLOOR + WORK_PER_CHARACTER * sum(lengths), deadline)

    def charge(self, units: int) -> None:
        self.spent += units
        if self.spent > self.limit:
            raise OverBudget(f"the work budget of {self.limit:,} units ran out")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise OverBudget("the time budget ran out")


def comparison_cost(a: str, b: str) -> int:
    """Work units of one fuzzy comparison: linear, plus the bit-parallel quadratic term."""
    return len(a) + len(b) + len(a) * len(b) // 4096


def shingles(text: str) -> frozenset[int]:
    """The hashed runs of SHINGLE words of a text (the words themselves for shorter texts)."""
    words = text.split()
    if len(words) < SHINGLE:
        return frozenset([zlib.crc32(" ".join(words).encode())]) if words else frozenset()
    return frozenset(zlib.crc32(" ".join(words[k:k + SHINGLE]).encode())
                     for k in range(len(words) - SHINGLE + 1))


def ratio(a: str, b: str, budget: Budget, cutoff: float = 0.0) -> float:
    """Similarity 0-100 of two texts (rapidfuzz's ratio), charged to the budget. Texts too long
    for an edit distance are compared by their shingles instead."""
    from rapidfuzz import fuzz

    if a == b:
        return 100.0
    if not a or not b:
        return 0.0
    if len(a) * len(b) > EXACT_LIMIT:
        budget.charge(len(a) + len(b))
        return containment_dice(shingles(a), shingles(b))
    budget.charge(comparison_cost(a, b))
    return float(fuzz.ratio(a, b, score_cutoff=cutoff))


def containment_dice(a: frozenset[int], b: frozenset[int]) -> float:
    """Dice coefficient of two shingle sets, 0-100."""
    if not a or not b:
        return 0.0
    return 200.0 * len(a & b) / (len(a) + len(b))


@dataclass
class ShingleIndex:
    """Which parts of one revision hold each shingle, for finding candidates in near-linear time."""

    sets: Sequence[frozenset[int]]
    holders: dict[int, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        holders: dict[int, list[int]] = defaultdict(list)
        for k, found in enumerate(self.sets):
            for shingle in found:
                holders[shingle].append(k)
        self.holders = dict(holders)

    def candidates(self, found: frozenset[int], budget: Budget, limit: int = CANDIDATES,
                   skip: set[int] | None = None) -> list[int]:
        """The parts sharing the most rare shingles with `found`, best first (ties: first part)."""
        shared: dict[int, int] = defaultdict(int)
        budget.charge(len(found))
        for shingle in found:
            holders = self.holders.get(shingle)
            if holders is None or len(holders) > RARE:
                continue
            for k in holders:
                shared[k] += 1
        ranked = sorted((k for k in shared if not skip or k not in skip),
                        key=lambda k: (-shared[k], k))
        return ranked[:limit]
