"""Which revisions of a policy are usable captures: a diff or a timeline across captures must not
compare a full policy with a "Loading..." page, a login wall or a cookie banner (the 45 recorded
histories had such captures alternating with the full text, diffed as 9 regressions each).

A revision is skipped, with the reason, when the reader marked it degraded
(`Metadata.degraded`), or when it lost most of its text compared with the previous good
revision (under SHRUNK of its length) and the text comes back later: the previous good revision
is then compared with the next good one. A policy that really got shorter stays shorter, so a
shrink that lasts (the next SETTLED revisions are short too) is accepted.

A usable revision that returns to a text captured shortly before (a regional variant served
again) is compared with that earlier capture, not with the variant between them
(`comparison_bases`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from policylens.models import Report

SHRUNK = 0.3  #: a revision under this share of the previous good one's length lost its text
SETTLED = 2  #: short revisions after it that make a shrink the new normal

T = TypeVar("T")


def _length(report: Report) -> int:
    return len(report.text) - report.body_start


def degraded_reason(report: Report, previous: Report | None,
                    following: Sequence[Report] = ()) -> str | None:
    """Why `report` is not a usable capture after the good revision `previous`, or None."""
    if report.metadata.degraded:
        return f"degraded capture: {report.metadata.degraded}"
    if previous is None or not previous.text:
        return None
    before, now = _length(previous), _length(report)
    if before <= 0 or now >= SHRUNK * before:
        return None
    later = list(following[:SETTLED])
    if len(later) == SETTLED and all(_length(r) < SHRUNK * before for r in later):
        return None  # the policy got shorter and stayed so
    return (f"lost {100 - round(100 * now / before)}% of its text compared with {previous.path} "
            f"({now:,} of {before:,} characters): likely a broken capture")


def good_revisions(reports: Sequence[Report]) -> tuple[list[Report], list[tuple[Report, str]]]:
    """The usable revisions in the order given, and the skipped ones with the reason."""
    good: list[Report] = []
    skipped: list[tuple[Report, str]] = []
    for k, report in enumerate(reports):
        why = degraded_reason(report, good[-1] if good else None, reports[k + 1:])
        if why:
            skipped.append((report, why))
        else:
            good.append(report)
    return good, skipped


LOOK_BACK = 8  #: how many earlier revisions a capture may return to
SAME_TEXT = 90.0  #: shingle similarity (0-100) of two captures of the same variant
CLOSER = 10.0  #: how much closer to the earlier capture than to the one before it


def comparison_bases(good: Sequence[Report]) -> list[int | None]:
    """For each usable revision, the index of the one it is compared with: the one before it,
    unless it returns to a text captured shortly before (at least SAME_TEXT alike, and clearly
    closer to that than to the one before). Regional variants of a policy alternate between
    captures (TP-Link: 14 KB, 20 KB, 14 KB, 20 KB); compared in sequence, each alternation was
    a change and its reversal a flip-flop. Linear in the texts (shingle sets, see `align`)."""
    from policylens.reports.align import containment_dice, shingles

    sets = [shingles(r.text[r.body_start:]) for r in good]
    bases: list[int | None] = []
    for k in range(len(good)):
        if k == 0:
            bases.append(None)
            continue
        before = containment_dice(sets[k], sets[k - 1])
        best: tuple[float, int] | None = None
        for j in range(k - 2, max(-1, k - 2 - LOOK_BACK), -1):
            alike = containment_dice(sets[k], sets[j])
            if alike >= SAME_TEXT and alike >= before + CLOSER and (best is None or alike > best[0]):
                best = (alike, j)
        bases.append(best[1] if best else k - 1)
    return bases
