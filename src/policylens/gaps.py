"""Token patterns split at their gaps, and the matches of the parts joined again.

spaCy's Matcher expands a gap such as ``{OP: "{0,12}", LOWER: {NOT_IN: [".", ";"]}}`` into twelve
optional tokens, and the states it carries grow with each of them: a pattern with one such gap
costs about thirty times as much per token as its two ends run alone. So a pattern
``LEFT gap RIGHT`` runs as the two patterns LEFT and RIGHT, and a match of LEFT ending at token e
is joined to each match of RIGHT that starts at most n tokens later, every token in between
passing the gap's test. The joined matches are exactly the (start, end) pairs the Matcher finds
for the whole pattern (it reports every way a pattern matches, and so does the join).

Only gaps between two parts that cannot match empty are split; a gap whose tokens test anything
but the lowercase form (`LOWER` with `IN` or `NOT_IN`, or nothing) stays in its pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Token = dict[str, Any]
_COUNT_OP = re.compile(r"\{(\d*)(,?)(\d*)\}")
_FIXED_OPS: dict[str, tuple[int, int | None]] = {
    "": (1, 1), "!": (1, 1), "?": (0, 1), "*": (0, None), "+": (1, None)}


def repeats(token: Token) -> tuple[int, int | None] | None:
    """How many tokens of text one pattern token matches: (fewest, most; None: no bound), by its
    OP; None for an OP spaCy would not take."""
    op = str(token.get("OP", ""))
    if op in _FIXED_OPS:
        return _FIXED_OPS[op]
    m = _COUNT_OP.fullmatch(op)
    if m is None:
        return None
    low = int(m.group(1) or 0)
    if not m.group(2):  # {n}
        return low, low
    return low, int(m.group(3)) if m.group(3) else None


@dataclass(frozen=True)
class Gap:
    """Between two parts: at most `most` tokens (None: any number), each of whose lowercase form
    is one of `allowed` (when set) and none of `banned`."""

    most: int | None
    allowed: frozenset[int] | None
    banned: frozenset[int]

    def admits(self, low: int) -> bool:
        return low not in self.banned and (self.allowed is None or low in self.allowed)


@dataclass(frozen=True)
class Split:
    """A pattern as parts (each a token pattern of its own) with a gap between each two, and
    the gap it opens with, if any."""

    parts: tuple[list[Token], ...]
    gaps: tuple[Gap, ...]
    lead: Gap | None = None


def gap_of(token: Token, strings: Any) -> Gap | None:
    """The gap a token stands for, if it is one: `*` or `{0,n}` (n of 2 or more), testing
    nothing or only LOWER with one IN or NOT_IN list."""
    span = repeats(token)
    if span is None or span[0] != 0 or span[1] is not None and span[1] < 2:
        return None
    most = span[1]
    tests = {k: v for k, v in token.items() if k != "OP"}
    if not tests:
        return Gap(most, None, frozenset())
    spec = tests.get("LOWER")
    if set(tests) != {"LOWER"} or not isinstance(spec, dict) or len(spec) != 1:
        return None
    (kind, words), = spec.items()
    if kind not in ("IN", "NOT_IN") or not isinstance(words, list):
        return None
    hashes = frozenset(strings.add(str(w)) for w in words)
    return Gap(most, hashes, frozenset()) if kind == "IN" else Gap(most, None, hashes)


def _shortest(tokens: Iterable[Token]) -> int:
    """The fewest tokens a match of these tokens spans."""
    return sum(span[0] for span in map(repeats, tokens) if span is not None)


def split(tokens: list[Token], strings: Any) -> Split | None:
    """The pattern split at its gaps, or None when it has none worth splitting (a part that
    could match no token at all keeps the gap beside it in its pattern). A gap at the end stays:
    where its matches end depends on the stretch of text searched."""
    lead = gap_of(tokens[0], strings) if len(tokens) > 1 else None
    if lead is not None and _shortest(tokens[1:]):
        tokens = tokens[1:]
    else:
        lead = None
    cuts = [i for i, t in enumerate(tokens) if 0 < i < len(tokens) - 1 and gap_of(t, strings)]
    while cuts:
        bounds = [-1, *cuts, len(tokens)]
        empty = next((k for k in range(len(bounds) - 1)
                      if _shortest(tokens[bounds[k] + 1:bounds[k + 1]]) == 0), None)
        if empty is None:
            break
        cuts.pop(min(empty, len(cuts) - 1))  # merge the empty part with a neighbour
    if not cuts and lead is None:
        return None
    bounds = [-1, *cuts, len(tokens)]
    parts = tuple(tokens[bounds[k] + 1:bounds[k + 1]] for k in range(len(bounds) - 1))
    gaps = tuple(gap_of(tokens[i], strings) for i in cuts)
    return Split(parts, gaps, lead)  # type: ignore[arg-type]


def join(plan: Split, found: list[set[tuple[int, int]]], lows: list[int], first: int,
         ) -> set[tuple[int, int]]:
    """The matches of the whole pattern from those of its parts (found[k]: the (start, end)
    token spans of part k) in a stretch of text that begins at token `first`; `lows` is the
    lowercase hash of every token of the document."""
    current = found[0]
    for gap, right in zip(plan.gaps, found[1:], strict=True):
        if not current or not right:
            return set()
        ends_by_start: dict[int, list[int]] = {}
        for start, end in right:
            ends_by_start.setdefault(start, []).append(end)
        last_start = max(ends_by_start)
        joined: set[tuple[int, int]] = set()
        for start, end in current:
            k = end  # where the right part may start: after k - end gap tokens
            while k <= last_start:
                for right_end in ends_by_start.get(k, ()):
                    joined.add((start, right_end))
                if gap.most is not None and k - end >= gap.most or not gap.admits(lows[k]):
                    break
                k += 1
        current = joined
    if plan.lead is None:
        return current
    led = set(current)
    for start, end in current:  # the opening gap reaches back as far as its tokens allow
        k = start - 1
        while k >= first and (plan.lead.most is None or start - k <= plan.lead.most) \
                and plan.lead.admits(lows[k]):
            led.add((k, end))
            k -= 1
    return led
