"""A statement as the readers return it: where it stands in its sentence, its polarity and slots."""

from __future__ import annotations

from dataclasses import dataclass

from policylens.models import Slots


@dataclass(frozen=True)
class Extracted:
    """A statement read from a sentence: token spans are relative to the sentence's first token."""

    start: int  # the verb group
    end: int
    polarity: str  # affirmed | negated | hedged | conditional
    cue: tuple[int, int] | None  # the token span of the cue that set the polarity
    slots: Slots
    # the statement says who the recipients of the sentence before are: that one's admission yields
    restates: bool = False
