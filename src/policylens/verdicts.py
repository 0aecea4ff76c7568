"""Findings -> one value per practice, by the practice's documented decision rule.

`precedence`: the first value in the practice's precedence order that any finding supports wins
(for data-sale: any "we may sell" beats "we do not sell"; silence is `not-mentioned`).
`youngest-age`: for children, only findings about the youngest age group stated count, because
the rule for the youngest group governs; then precedence.
"""

from __future__ import annotations

from policylens.models import Finding, PracticeVerdict
from policylens.practices import NOT_MENTIONED, Practice

MAX_EVIDENCE = 5

# Ages are often spelled out ("under the age of thirteen"); they must compare with "under 18".
_AGE_WORDS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-one": 21,
}


def _age(finding: Finding) -> int | None:
    for key, value in finding.attributes:
        if key == "age":
            if value.isdigit():
                return int(value)
            if value in _AGE_WORDS:
                return _AGE_WORDS[value]
    return None


def decide(practice: Practice, findings: list[Finding]) -> PracticeVerdict:
    relevant = [f for f in findings if f.practice == practice.id and f.value is not None]
    scope_note = ""
    if practice.decide == "youngest-age":
        ages = [a for a in (_age(f) for f in relevant) if a is not None]
        if ages:
            youngest = min(ages)
            relevant = [f for f in relevant if _age(f) == youngest]
            scope_note = f" (statements about the youngest group stated, under {youngest})"
    if not relevant:
        return PracticeVerdict(practice.id, NOT_MENTIONED, (),
                               "no sentence speaks to this practice")
    supported = {f.value for f in relevant if f.value is not None}
    order = list(practice.precedence) + [v for v in practice.values if v not in practice.precedence]
    value = next(v for v in order if v in supported)
    evidence = tuple(f for f in relevant if f.value == value)[:MAX_EVIDENCE]
    others = sorted(supported - {value}, key=order.index)
    reason = f"{len([f for f in relevant if f.value == value])} finding(s) support {value!r}"
    if others:
        reason += f"; {value!r} outranks {', '.join(repr(o) for o in others)}"
    reason += scope_note
    attributes: tuple[tuple[str, str], ...] = ()
    if practice.decide == "youngest-age" and _age(evidence[0]) is not None:
        attributes = (("age", str(_age(evidence[0]))),)
    return PracticeVerdict(practice.id, value, evidence, reason, attributes)


def decide_all(findings: list[Finding], practices: dict[str, Practice]) -> dict[str, PracticeVerdict]:
    return {pid: decide(practices[pid], findings) for pid in sorted(practices)}
