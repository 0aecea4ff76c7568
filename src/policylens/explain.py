"""Why a practice came out as it did: every finding of the practice with the part it played, and
the near misses: triggers that matched but made no finding (a `requires` unmet, an `exclude`
over them).

The findings come from the Report (so they are exactly what `analyze` decided); the near misses
from `Analyzer.analyze(..., misses=)` over the report's own text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from policylens.models import Finding, NearMiss, PracticeVerdict, Report, attributes_dict
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
    near_misses: tuple[NearMiss, ...] = ()

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
            "near_misses": [m.to_dict() for m in self.near_misses],
        }


# Why a near miss made no finding.
MISSES = {
    "requires": "no pattern of the rule's `requires` matched in the sentence",
    "exclude": "an `exclude` pattern matched over the trigger",
    "definition": "the sentence defines a term (“X” means ...), it states no practice",
    "sense": "its paragraph gives the word another sense (data/senses.yaml)",
}


def explain(report: Report, practice: Practice, misses: Iterable[NearMiss] = ()) -> Explanation:
    """Every finding of the practice in document order, each with its role in the verdict, and
    the practice's near misses."""
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
    return Explanation(practice, verdict, decision_rule(practice), tuple(explained),
                       tuple(m for m in misses if m.practice == practice.id))


def near_misses(report: Report, analyzer: Any) -> list[NearMiss]:
    """The near misses in a report's text (none for a text that was not analysed)."""
    from policylens.models import Document

    if not report.text:
        return []
    misses: list[NearMiss] = []
    document = Document.build(report.path, report.text, report.metadata, report.body_start)
    analyzer.analyze(document, misses=misses)
    return misses
