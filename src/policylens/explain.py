"""Why a practice came out as it did: every finding of the practice with the part it played.

Built from a Report alone (like compare and diff, it never re-reads the text), so it shows exactly
what `analyze` decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policylens.models import Finding, PracticeVerdict, Report, attributes_dict
from policylens.practices import Practice
from policylens.verdicts import decision_rule, scope

# The part a finding played in the verdict.
ROLES = {
    "decides": "supports the verdict's value",
    "outranked": "supports a value that the verdict's value outranks",
    "no-value": "its rule gives no value for this polarity",
    "out-of-scope": "left out by the decision rule (not about the youngest age group stated)",
}


@dataclass(frozen=True)
class ExplainedFinding:
    finding: Finding
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {**self.finding.to_dict(), "role": self.role}


@dataclass(frozen=True)
class Explanation:
    practice: Practice
    verdict: PracticeVerdict
    rule: str  # the decision rule in words
    findings: tuple[ExplainedFinding, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "practice": self.practice.id,
            "title": self.practice.title,
            "question": self.practice.question,
            "value": self.verdict.value,
            "attributes": attributes_dict(self.verdict.attributes),
            "reason": self.verdict.reason,
            "decision_rule": self.rule,
            "findings": [f.to_dict() for f in self.findings],
        }


def explain(report: Report, practice: Practice) -> Explanation:
    """Every finding of the practice in document order, each with its role in the verdict."""
    verdict = report.practices[practice.id]
    mine = [f for f in report.findings if f.practice == practice.id]
    in_scope = {id(f) for f in scope(practice, mine)[0]}
    explained = []
    for f in mine:
        if f.value is None:
            role = "no-value"
        elif id(f) not in in_scope:
            role = "out-of-scope"
        elif f.value == verdict.value:
            role = "decides"
        else:
            role = "outranked"
        explained.append(ExplainedFinding(f, role))
    return Explanation(practice, verdict, decision_rule(practice), tuple(explained))
